"""A baseline's records that no longer match, told apart by why (probe of a year of use, L1, L2):
a retired or renamed term's records are not "fixed", and a record accepted when the rule asked
for 爆发 does not hide a finding that asks for 暴发."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: outbreak
    target: 爆发
    status: approved
  - source: backend
    target: 后端
    status: approved
  - source: epidemic
    target: 流行病
    status: approved
"""

# Each line breaks one rule of one term: outbreak (GL001, neither 爆发 nor 暴发), backend twice, epidemic.
TM = ("The outbreak spread.\t疫情蔓延了。\n"
      "Add a backend.\t添加储存池。\n"
      "Remove the backend.\t删除储存池。\n"
      "The epidemic ended.\t疫情结束了。\n")


@pytest.fixture
def project(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("tm.tsv").write_text(TM, encoding="utf-8")
    assert check("--write-baseline", "baseline.json").exit_code == 0
    return workdir


def check(*args):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, ["check", "g.yaml", "tm.tsv", *args])


def edit_glossary(old: str, new: str) -> None:
    text = Path("g.yaml").read_text(encoding="utf-8")
    assert old in text
    Path("g.yaml").write_text(text.replace(old, new), encoding="utf-8")


def test_records_of_a_retired_or_renamed_term_are_not_called_fixed(project):
    edit_glossary("target: 后端\n    status: approved", "target: 后端\n    status: rejected")  # retired
    edit_glossary("source: epidemic", "source: epidemic disease")  # renamed
    Path("tm.tsv").write_text(TM.replace("疫情蔓延了", "疫情爆发了"), encoding="utf-8")  # and one fixed

    result = check("--baseline", "baseline.json")

    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: baseline.json: 4 known findings of the files checked not found in this run: 1 fixed; 3 of terms "
        "no longer approved (rejected, renamed or removed): backend 2, epidemic 1; --write-baseline baseline.json "
        "refreshes it\n")


def test_refreshing_the_baseline_counts_what_it_drops_and_why(project):
    edit_glossary("target: 后端\n    status: approved", "target: 后端\n    status: rejected")

    result = check("--baseline", "baseline.json", "--write-baseline", "baseline.json")

    assert result.exit_code == 0, result.output
    assert result.stderr == ("wrote 2 findings to baseline.json; dropped 2 records no longer found: 2 of terms no "
                             "longer approved (rejected, renamed or removed): backend 2\n")


def test_fixes_alone_are_said_as_before(project):
    Path("tm.tsv").write_text(TM.replace("添加储存池", "添加后端"), encoding="utf-8")

    assert check("--baseline", "baseline.json").stderr == (
        "warning: baseline.json: 1 known finding of the files checked not found in this run (fixed); "
        "--write-baseline baseline.json refreshes it\n")
    assert check("--baseline", "baseline.json", "--write-baseline", "baseline.json").stderr == (
        "wrote 3 findings to baseline.json; dropped 1 record of findings fixed\n")


def test_a_record_keeps_the_rendering_the_rule_asked_for(project):
    records = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]

    assert {record["term"]: record["expected"] for record in records} == {
        "outbreak": ["爆发"], "backend": ["后端"], "epidemic": ["流行病"]}


def test_a_changed_rendering_makes_the_findings_accepted_under_the_old_one_new(project):
    edit_glossary("target: 爆发", "target: 暴发\n    forbidden: [爆发]")

    result = check("--baseline", "baseline.json")

    assert result.exit_code == 1
    assert '"outbreak" should be translated as "暴发"' in result.stdout
    assert result.stdout.endswith("; 3 known from the baseline; 1 at or above error.\n")
    assert result.stderr == (
        "warning: baseline.json: 1 known finding of the files checked not found in this run: 1 recorded when the "
        "term had other renderings: outbreak 1; --write-baseline baseline.json refreshes it\n")


def test_a_baseline_written_before_records_held_renderings_matches_as_before(project):
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    for record in document["findings"]:
        del record["expected"]
    Path("baseline.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    edit_glossary("target: 爆发", "target: 暴发")

    result = check("--baseline", "baseline.json")

    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_records_of_a_term_its_paths_now_leave_out_are_told_apart(project):
    edit_glossary("target: 后端\n", "target: 后端\n    paths: [\"locale/**\"]\n")

    result = check("--baseline", "baseline.json")

    assert result.exit_code == 0, result.output
    assert "2 of terms whose paths: now leave the file out: backend 2;" in result.stderr


def test_a_baseline_record_with_renderings_that_are_no_list_is_refused(project):
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    document["findings"][0]["expected"] = "爆发"
    Path("baseline.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    result = check("--baseline", "baseline.json")

    assert result.exit_code == 2
    assert result.stderr == ("error: baseline.json: baseline finding 1: 'expected' must be a list of renderings; "
                             "regenerate it with --write-baseline\n")
