"""`validate` is a CI gate too: `--format json` and `--format github` point at each problem's line
and column, as check's reports do (CLI probe, L3: validate had no machine output)."""

import json

from glossary_cli.cli.common import app
from tests.support import write_here as write

BAD = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: email
    target: 电子邮箱
    stauts: approved
  - source: grid
    target: 电网
    status: aproved
"""
GOOD = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n"


def test_json_lists_every_problem_of_every_file_and_counts_the_valid_ones(runner, workdir):
    write("bad.yaml", BAD)
    write("good.yaml", GOOD)
    result = runner.invoke(app, ["validate", "bad.yaml", "good.yaml", "missing.yaml", "--format", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["schema"] == "glossary-validate/2" and report["valid"] is False
    bad, good, missing = report["files"]
    assert [(problem["line"], problem["column"]) for problem in bad["problems"]] == [(6, 5), (9, 13)]
    assert "unknown status 'aproved'" in bad["problems"][1]["message"]
    assert good == {"path": "good.yaml", "valid": True, "entries": {"candidate": 0, "approved": 1, "rejected": 0},
                    "problems": [], "warnings": []}
    assert missing["valid"] is False and missing["problems"][0]["message"] == "no such glossary file"
    assert result.stderr == "2 of 3 glossaries are invalid: bad.yaml, missing.yaml\n"


def test_github_annotates_each_problem_at_its_line_and_column(runner, workdir):
    write("bad.yaml", BAD)
    result = runner.invoke(app, ["validate", "bad.yaml", "--format", "github"])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        "::error file=bad.yaml,line=6,col=5,title=glossary validate::unknown key 'stauts'; did you mean 'status'? "
        "(a key of your own, not a typo, is written 'x-stauts')",
        "::error file=bad.yaml,line=9,col=13,title=glossary validate::unknown status 'aproved'; use candidate, "
        "approved or rejected"]


def test_a_valid_glossary_gives_an_empty_github_report_and_exit_0(runner, workdir):
    write("good.yaml", GOOD)
    result = runner.invoke(app, ["validate", "good.yaml", "--format", "github"])
    assert (result.exit_code, result.stdout) == (0, "")
