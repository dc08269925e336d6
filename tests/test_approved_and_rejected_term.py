"""A term approved in one entry and rejected in every rendering in another (`microorganism`
approved, `micro-organism` rejected with no target) says two things at once. validate and approve
warn, naming both lines; it is no problem that stops check, which reads only the approval (lead
probe M6)."""

from __future__ import annotations

import json

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: micro-organism
    status: rejected
  - source: microorganism
    target: 微生物
    status: candidate
    score: 0.99
"""

WARNING = ('"micro-organism" is rejected in every rendering here, but "microorganism" at line 6 is the same term '
           "and approved; check enforces the approval: delete the rejected entry, or take the approval back")


def test_approving_a_term_rejected_under_another_spelling_warns(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "microorganism"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"approved microorganism → 微生物 in {path}\nwarning: {path}:4: {WARNING}\n"

    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0
    assert validated.stderr == f"warning: {path}:4: {WARNING}\n"
    assert validated.stdout == f"{path}: OK, 2 entries (1 approved, 1 rejected, 0 candidates)\n"
    document = json.loads(runner.invoke(app, ["validate", str(path), "--format", "json"]).stdout)
    assert document["files"][0]["warnings"] == [{"file": str(path), "line": 4, "column": 5, "code": None,
                                                  "severity": "warning", "message": WARNING}]


def test_a_rejected_rendering_of_an_approved_term_is_no_contradiction(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY.replace("    status: rejected\n", "    target: 微生体\n    status: rejected\n"),
                    encoding="utf-8")
    assert runner.invoke(app, ["approve", str(path), "microorganism"]).stderr == (
        f"approved microorganism → 微生物 in {path}\n")
