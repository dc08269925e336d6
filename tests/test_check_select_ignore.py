"""`check --select` / `--ignore`: choose the rules as ruff does (IDs, prefixes, ALL; the more
specific selector wins), refuse an unknown rule, and keep a baseline honest about rules a run left
out (probe of a year of use, M3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.rules import UnknownRuleError, enabled_rules

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: outbreak
    target: 暴发
    status: approved
    forbidden: [爆发]
  - source: save
    target: 保存
    status: approved
"""

# Line 1: a forbidden rendering (GL002); line 2: `save` not rendered 保存 (GL001).
CORPUS = "The outbreak spread.\t疫情爆发了。\nIt will save lives.\t它会挽救生命。\n"


@pytest.fixture
def project(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("tm.tsv").write_text(CORPUS, encoding="utf-8")
    return workdir


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


def rule_ids(**options):
    return [rule.id for rule in enabled_rules(**options)]


def test_select_and_ignore_read_as_in_ruff():
    assert rule_ids() == ["GL001", "GL002", "GL003", "GL005", "GL007"]
    assert rule_ids(ignore=["GL001"]) == ["GL002", "GL003", "GL005", "GL007"]
    assert rule_ids(select=["GL002"]) == ["GL002"]
    assert rule_ids(select=["gl004"]) == ["GL004"]  # an optional rule runs when selected by name
    assert rule_ids(select=["ALL"], ignore=["GL00"]) == []
    # the more specific selector wins, whichever option it is in
    assert rule_ids(select=["GL"], ignore=["GL001"]) == ["GL002", "GL003", "GL004", "GL005", "GL006", "GL007"]
    assert rule_ids(select=["GL002"], ignore=["GL"]) == ["GL002"]
    assert rule_ids(select=["GL001"], strict_count=True) == ["GL001", "GL004", "GL006"]
    with pytest.raises(UnknownRuleError):
        enabled_rules(ignore=["GL009"])


def test_ignore_leaves_a_rule_out_of_the_run_and_the_exit_code(runner, project):
    result = check(runner, "g.yaml", "tm.tsv", "--ignore", "GL001")

    assert result.exit_code == 1
    assert "GL002" in result.stdout and "GL001" not in result.stdout
    assert result.stdout.endswith("1 finding (GL002 1) in 2 pairs, 2 approved terms; 1 at or above error.\n")

    result = check(runner, "g.yaml", "tm.tsv", "--ignore", "GL001,GL002")
    assert result.exit_code == 0, result.output


def test_select_is_repeatable_and_comma_separated(runner, project):
    result = check(runner, "g.yaml", "tm.tsv", "--select", "GL001", "--select", "GL003,GL004", "--format", "json")

    document = json.loads(result.stdout)
    assert [rule["id"] for rule in document["rules"]] == ["GL001", "GL003", "GL004"]
    assert document["provenance"]["options"]["rules"] == ["GL001", "GL003", "GL004"]
    # without GL002, the outbreak rendered with the forbidden 爆发 is GL001's to report too
    assert [finding["rule"] for finding in document["findings"]] == ["GL001", "GL001"]


def test_an_unknown_rule_is_refused_naming_the_rules(runner, project):
    result = check(runner, "g.yaml", "tm.tsv", "--ignore", "GL004,GL009")

    assert result.exit_code == 2
    assert result.stderr == (
        'error: --ignore: "GL009" names no rule; the rules are GL001 (missing-approved-target), GL002 '
        "(forbidden-rendering), GL003 (keep-source-translated), GL004 (target-count-mismatch), GL005 "
        "(missing-approved-english), GL006 (english-count-mismatch), GL007 (forbidden-english), or ALL (a prefix "
        "such as GL00 names every rule it starts)\n")
    assert result.stdout == ""


def test_ignoring_every_rule_is_refused_rather_than_passing(runner, project):
    result = check(runner, "g.yaml", "tm.tsv", "--ignore", "ALL")

    assert result.exit_code == 2
    assert result.stderr == "error: --ignore leaves no rule to check; a run that checks nothing would pass\n"


def test_known_findings_of_an_ignored_rule_are_neither_fixed_nor_forgotten(runner, project):
    assert check(runner, "g.yaml", "tm.tsv", "--write-baseline", "baseline.json").exit_code == 0

    result = check(runner, "g.yaml", "tm.tsv", "--baseline", "baseline.json", "--ignore", "GL001")
    assert result.exit_code == 0, result.output
    assert "fixed" not in result.stderr  # the GL001 record was not looked for

    result = check(runner, "g.yaml", "tm.tsv", "--baseline", "baseline.json", "--write-baseline", "baseline.json",
                   "--ignore", "GL001")
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith("wrote 1 finding to baseline.json, and kept 1 record of rules this run did not "
                                  "apply (GL001, GL004, GL006)\n")
    records = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(record["rule"] for record in records) == ["GL001", "GL002"]
