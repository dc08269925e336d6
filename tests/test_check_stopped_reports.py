"""A `check` that stops before its findings are known still leaves the machine formats a report
saying why: every mistake of an invalid glossary, or the signal (Ctrl-C, a CI timeout's SIGTERM)
that ended the run. CI saves stdout as an artifact, and an empty file is one GitLab and code
scanning cannot parse."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest

from glossary_cli.cli.common import app

DATA = Path(__file__).parent / "data"

INVALID_GLOSSARY = """\
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
GLOSSARY = """\
glossary: 1
terms:
  - {source: grid, target: 电网, status: approved}
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text(INVALID_GLOSSARY, encoding="utf-8")
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.tsv").write_text("The grid\t网格\n", encoding="utf-8")
    return tmp_path


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


def schema(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


# ------------------------------------------------------------ every problem of an invalid glossary

def test_json_error_lists_every_problem_of_the_glossary_and_keeps_the_first_as_it_was(runner, workdir):
    result = check(runner, "bad.yaml", "c.tsv", "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("check-report.schema.json"))
    error = document["error"]
    assert (error["path"], error["line"], error["column"]) == ("bad.yaml", 6, 5)
    assert error["message"].startswith("unknown key 'stauts'")
    assert [(problem["line"], problem["message"].split(";")[0]) for problem in error["problems"]] == [
        (6, "unknown key 'stauts'"), (9, "unknown status 'aproved'")]
    assert error["signal"] is None


def test_github_and_gitlab_show_each_problem_of_the_glossary(runner, workdir):
    github = check(runner, "bad.yaml", "c.tsv", "--format", "github").stdout.splitlines()
    assert [line.split("::")[1] for line in github] == [
        "error file=bad.yaml,line=6,title=glossary check stopped",
        "error file=bad.yaml,line=9,title=glossary check stopped"]
    issues = json.loads(check(runner, "bad.yaml", "c.tsv", "--format", "gitlab").stdout)
    assert [(issue["severity"], issue["location"]["lines"]["begin"]) for issue in issues] == [
        ("blocker", 6), ("blocker", 9)]
    assert len({issue["fingerprint"] for issue in issues}) == 2


def test_sarif_has_a_notification_for_each_problem_of_the_glossary(runner, workdir):
    document = json.loads(check(runner, "bad.yaml", "c.tsv", "--format", "sarif").stdout)
    jsonschema.validate(document, schema("sarif-schema-2.1.0.json"))
    (invocation,) = document["runs"][0]["invocations"]
    assert [notification["locations"][0]["physicalLocation"]["region"]["startLine"]
            for notification in invocation["toolExecutionNotifications"]] == [6, 9]


# ------------------------------------------------------------ interrupted

@pytest.fixture
def interrupted(monkeypatch):
    """Ctrl-C arrives while the pairs are being checked (the process says so once: afresh for each test)."""
    import glossary_cli.check
    from glossary_cli import interrupts

    monkeypatch.setattr(interrupts, "_reported", False)
    monkeypatch.setattr(interrupts, "_written", [])

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(glossary_cli.check, "run_check", stopped)


STOPPED = "interrupted by SIGINT before the check finished; its findings are not known"


def test_an_interrupted_json_report_says_the_check_did_not_finish(runner, workdir, interrupted):
    result = check(runner, "g.yaml", "c.tsv", "--format", "json")
    assert result.exit_code == 130
    assert result.stderr == ("glossary: interrupted; the json report on stdout says the check did not finish, "
                             "and no other file was changed\n")
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("check-report.schema.json"))
    assert document["findings"] == []
    assert document["error"] == {"message": STOPPED, "path": None, "line": None, "column": None,
                                 "problems": [{"message": STOPPED, "path": None, "line": None, "column": None}],
                                 "signal": "SIGINT"}


def test_an_interrupted_sarif_run_is_a_failed_invocation_naming_the_signal(runner, workdir, interrupted):
    result = check(runner, "g.yaml", "c.tsv", "--format", "sarif")
    assert result.exit_code == 130
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema("sarif-schema-2.1.0.json"))
    (invocation,) = document["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": False, "exitSignalName": "SIGINT", "exitSignalNumber": 2,
                          "toolExecutionNotifications": [{"level": "error", "message": {"text": STOPPED}}]}
    assert document["runs"][0]["results"] == []


def test_an_interrupted_gitlab_report_is_one_blocker_on_the_glossary(runner, workdir, interrupted):
    result = check(runner, "g.yaml", "c.tsv", "--format", "gitlab")
    assert result.exit_code == 130
    (issue,) = json.loads(result.stdout)
    assert (issue["check_name"], issue["severity"], issue["location"]) == (
        "glossary-interrupted", "blocker", {"path": "g.yaml", "lines": {"begin": 1}})
    assert issue["description"] == f"glossary check stopped: {STOPPED}"


def test_an_interrupted_junit_report_has_one_test_case_in_error(runner, workdir, interrupted):
    result = check(runner, "g.yaml", "c.tsv", "--format", "junit")
    assert result.exit_code == 130
    suites = ElementTree.fromstring(result.stdout.split("\n", 1)[1])
    assert (suites.get("tests"), suites.get("errors"), suites.get("failures")) == ("1", "1", "0")
    assert suites.find(".//testcase/error").get("type") == "glossary-interrupted"


def test_an_interrupted_github_run_annotates_the_stop(runner, workdir, interrupted):
    result = check(runner, "g.yaml", "c.tsv", "--format", "github")
    assert (result.exit_code, result.stdout) == (130, f"::error title=glossary check stopped::{STOPPED}\n")

