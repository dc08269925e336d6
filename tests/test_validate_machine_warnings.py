"""validate's warnings reach CI as its problems do: in `--format json` each is an object located
as a problem is (file, line, column, code, severity, message), not a line of text to parse, and
in `--format github` each is a `::warning` annotation at its line. Before, only the mistakes of
unreviewed entries were annotated, and JSON gave every warning as a bare string (probe L1)."""

from __future__ import annotations

import json

from glossary_cli.cli.common import app
from tests.support import write_here as write

# A candidate forbidding its own term in English (GV003 on an unreviewed entry), a term approved
# under one spelling and rejected in every rendering under another, and a candidate repeating an
# approved entry's term and rendering: three warnings, no problem.
GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: microorganism
    target: 微生物
    status: approved
  - source: micro-organism
    status: rejected
  - source: smart grid
    target: 智能电网
    status: candidate
    source_forbidden: [smart-grid]
  - source: microorganisms
    target: 微生物
    status: candidate
"""

OWN_TERM = ('entry "smart grid" forbids the English "smart-grid", which check reads as "smart grid", its own term; '
            "remove it from source_forbidden (the entry is a candidate: check and export read approved entries only, "
            "so this stops nothing, but approving it is refused until it is mended)")
BOTH_DECIDED = ('"micro-organism" is rejected in every rendering here, but "microorganism" at line 4 is the same term '
                "and approved; check enforces the approval: delete the rejected entry, or take the approval back")
REPEATED = ('duplicate entry "microorganisms" → "微生物", first at line 4 as "microorganism" (approved there, '
            "candidate here); check and export read approved entries only, so it stops nothing: delete one")


def test_json_gives_each_warning_as_a_located_object(runner, workdir):
    write("g.yaml", GLOSSARY)
    result = runner.invoke(app, ["validate", "g.yaml", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "glossary-validate/2"
    (only,) = report["files"]
    assert sorted(only) == ["entries", "path", "problems", "valid", "warnings"]  # the layout of /1
    assert only["warnings"] == [
        {"file": "g.yaml", "line": 12, "column": 24, "code": "GV003", "severity": "warning", "message": OWN_TERM},
        {"file": "g.yaml", "line": 7, "column": 5, "code": None, "severity": "warning", "message": BOTH_DECIDED},
        {"file": "g.yaml", "line": 13, "column": 5, "code": None, "severity": "warning", "message": REPEATED}]
    # the text report tells the same warnings, each on one line at file:line
    assert result.stderr.splitlines() == [f"warning: g.yaml:12:24: {OWN_TERM}", f"warning: g.yaml:7: {BOTH_DECIDED}",
                                          f"warning: g.yaml:13: {REPEATED}"]


def test_json_problems_have_the_shape_of_warnings(runner, workdir):
    write("g.yaml", GLOSSARY.replace("  - source: micro-organism\n    status: rejected\n",
                                     "  - source: micro-organism\n    status: aproved\n"))
    report = json.loads(runner.invoke(app, ["validate", "g.yaml", "--format", "json"]).stdout)
    (only,) = report["files"]
    assert only["problems"] == [{"file": "g.yaml", "line": 8, "column": 13, "code": None, "severity": "error",
                                 "message": "unknown status 'aproved'; use candidate, approved or rejected"}]
    assert [warning["code"] for warning in only["warnings"]] == ["GV003"]


def test_github_annotates_every_warning_at_its_line(runner, workdir):
    write("g.yaml", GLOSSARY)
    result = runner.invoke(app, ["validate", "g.yaml", "--format", "github"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"::warning file=g.yaml,line=7,col=5,title=glossary validate::{BOTH_DECIDED}",
        f"::warning file=g.yaml,line=12,col=24,title=glossary validate GV003::{OWN_TERM}",
        f"::warning file=g.yaml,line=13,col=5,title=glossary validate::{REPEATED}"]


def test_a_layout_no_command_can_write_is_a_located_warning_too(runner, workdir):
    # comments in a layout the writer cannot keep: check reads the file, no command can write it
    write("g.yaml", "# team glossary\nterms:\n  - {source: grid, target: 电网, status: approved}\n"
                    "glossary: 1\n# end\n")
    text = runner.invoke(app, ["validate", "g.yaml"])
    assert text.exit_code == 0 and text.stderr.startswith("warning: g.yaml:")
    told = text.stderr.removeprefix("warning: ").rstrip("\n")
    report = json.loads(runner.invoke(app, ["validate", "g.yaml", "--format", "json"]).stdout)
    (warning,) = report["files"][0]["warnings"]
    assert (warning["file"], warning["severity"], warning["code"]) == ("g.yaml", "warning", None)
    assert told == f"g.yaml:{warning['line']}: {warning['message']}"
    github = runner.invoke(app, ["validate", "g.yaml", "--format", "github"]).stdout
    assert github == f"::warning file=g.yaml,line={warning['line']},title=glossary validate::{warning['message']}\n"
