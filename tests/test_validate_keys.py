"""`validate` on misspelt keys: a typo in `status` or `forbidden` must not turn enforcement off in silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.validate import misspelt_key

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


def test_a_misspelt_status_and_forbidden_are_errors_with_a_suggestion(runner, workdir):
    Path("typo.yaml").write_text(HEADER + "  - source: hydrogen energy\n    target: 氢能\n    stauts: approved\n"
                                 "  - source: smart grid\n    target: 智能电网\n    status: approved\n"
                                 "    forbiden: [智慧电网]\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "typo.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: typo.yaml:6:5: unknown key 'stauts'; did you mean 'status'? "
        "(a key of your own, not a typo, is written 'x-stauts')\n"
        "error: typo.yaml:10:5: unknown key 'forbiden'; did you mean 'forbidden'? "
        "(a key of your own, not a typo, is written 'x-forbiden')\n"
        "typo.yaml: 2 problems\n")


def test_check_refuses_a_glossary_with_a_misspelt_key(runner, workdir):
    Path("typo.yaml").write_text(HEADER + "  - source: grid\n    target: 电网\n    Status: approved\n",
                                 encoding="utf-8")
    Path("t.tsv").write_text("The grid.\t电力网。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "typo.yaml", "t.tsv"])
    assert result.exit_code == 2
    assert "typo.yaml:6:5: unknown key 'Status'; did you mean 'status'?" in result.stderr


def test_a_misspelt_top_level_key_is_found_at_its_line(runner, workdir):
    Path("lang.yaml").write_text("glossary: 1\nlangauges: {source: en, target: zh}\nterms:\n"
                                 "  - source: grid\n    target: 电网\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "lang.yaml"])
    assert result.exit_code == 2
    assert "error: lang.yaml:2:1: unknown key 'langauges'; did you mean 'languages'?" in result.stderr


def test_keys_of_ones_own_stay_allowed(runner, workdir):
    Path("own.yaml").write_text("glossary: 1\nx-owner: Wang\nlanguages: {source: en, target: zh}\nterms:\n"
                                "  - source: grid\n    target: 电网\n    status: approved\n    reviewer: Li\n"
                                "    ticket: LEG-12\n    x-status: checked\n    definition: the power network\n",
                                encoding="utf-8")
    result = runner.invoke(app, ["validate", "own.yaml"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("typed", "meant"), [
    ("stauts", "status"), ("Status", "status"), ("Target", "target"), ("forbiden", "forbidden"),
    ("case_sensitve", "case_sensitive"), ("keepsource", "keep_source"), ("keep-source", "keep_source"),
    ("source_variant", "source_variants"), ("notes", "note"), ("matchcompounds", "match_compounds"),
])
def test_near_misses_of_known_keys(typed, meant):
    assert misspelt_key(typed, ("source", "target", "status", "note", "forbidden", "source_variants",
                                "case_sensitive", "keep_source", "match_compounds")) == meant


@pytest.mark.parametrize("own", ["reviewer", "ticket", "owner", "x-stauts", "domain", "comment"])
def test_keys_of_ones_own_are_no_near_misses(own):
    assert misspelt_key(own, ("source", "target", "status", "note", "forbidden", "source_variants")) is None


def test_git_conflict_markers_are_named_as_an_unresolved_merge(runner, tmp_path):
    path = tmp_path / "conflicted.yaml"
    path.write_text("languages: {source: en, target: zh-CN}\nterms:\n"
                    "<<<<<<< HEAD\n- source: smart grid\n  target: [智能电网]\n  status: approved\n=======\n"
                    "- source: smart grid\n  target: [智慧电网]\n  status: approved\n>>>>>>> li/terms\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{path}:3:1: unresolved merge conflict" in result.output


def test_an_invisible_character_in_a_term_is_named_at_its_line(runner, tmp_path):
    path = tmp_path / "zw.yaml"
    path.write_text("languages: {source: en, target: zh-CN}\nterms:\n"
                    "- source: smart\u200b grid\n  target: [智能电网]\n  status: approved\n"
                    "- source: energy storage\n  target: [储\ufeff能]\n  status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "U+200B (ZERO WIDTH SPACE)" in result.output and f"{path}:3:" in result.output
    assert "U+FEFF" in result.output and f"{path}:7:" in result.output


def test_every_conflict_block_is_named_not_only_the_first(runner, tmp_path):
    path = tmp_path / "conflicted.yaml"
    block = "<<<<<<< HEAD\n- source: {0}\n  status: approved\n=======\n- source: {0}\n  status: rejected\n>>>>>>> li\n"
    path.write_text("terms:\n" + block.format("grid") + "- source: V2G\n" + block.format("hub"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert [line.split(": unresolved")[0] for line in result.stderr.splitlines()] == [
        f"error: {path}:2:1", f"error: {path}:10:1", f"{path}: 2 problems"]


def test_a_misspelt_key_in_a_flow_mapping_is_pointed_at_where_the_key_starts(runner, workdir):
    Path("flow.yaml").write_text(HEADER + "  - {source: grid, stauts: approved, target: 电网}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "flow.yaml"])
    assert result.exit_code == 2
    assert "flow.yaml:4:20: unknown key 'stauts'" in result.stderr
