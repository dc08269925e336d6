"""`glossary merge` sees two approvals of one term as validate and check do, and never writes what validate refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


def approved(source: str, target: str) -> str:
    return f"  - source: {source}\n    target: {target}\n    status: approved\n"


def test_a_plural_or_hyphen_spelling_approved_with_another_target_is_a_conflict(runner, workdir):
    write("li.yaml", HEADER + approved("smart grid", "智能电网") + approved("low-carbon city", "低碳城市"))
    write("wang.yaml", HEADER + approved("smart grids", "智慧电网") + approved("low carbon city", "低碳城"))
    result = runner.invoke(app, ["merge", "li.yaml", "wang.yaml", "-o", "team.yaml"])
    assert result.exit_code == 1
    assert result.stderr == (
        'error: conflict: "smart grids": approved with different targets (li.yaml:4 approved "智能电网"; '
        'wang.yaml:4 approved "智慧电网")\n'
        'error: conflict: "low carbon city": approved with different targets (li.yaml:7 approved "低碳城市"; '
        'wang.yaml:7 approved "低碳城")\n'
        "error: 2 conflicts; nothing written. Settle them in li.yaml or wang.yaml and merge again\n")
    assert not Path("team.yaml").exists()


@pytest.mark.parametrize(("ours", "theirs"), [
    ("hydrogen energy", "hydrogen  energy"),
    ("R\u00e9ne Sigg", "Re\u0301ne Sigg"),  # NFC and NFD (macOS input)
])
def test_spaces_and_unicode_forms_do_not_hide_a_conflict(runner, workdir, ours, theirs):
    write("li.yaml", HEADER + approved(f'"{ours}"', "甲"))
    write("wang.yaml", HEADER + approved(f'"{theirs}"', "乙"))
    result = runner.invoke(app, ["merge", "li.yaml", "wang.yaml"])
    assert result.exit_code == 1
    assert "approved with different targets" in result.stderr


def test_validate_sees_nfc_and_nfd_spellings_as_one_term(runner, workdir):
    write("n.yaml", HEADER + approved('"R\u00e9ne Sigg"', "瑞内·西格") + approved('"Re\u0301ne Sigg"', "勒内·西格"))
    result = runner.invoke(app, ["validate", "n.yaml"])
    assert result.exit_code == 2
    assert "is approved twice with different targets" in result.stderr


def test_an_input_that_fails_validate_is_refused_at_its_own_line(runner, workdir):
    write("base.yaml", HEADER + approved("V2G", "车网互动"))
    write("wang.yaml", HEADER + approved("grid", "电网") + "    forbidden: [电网]\n")
    result = runner.invoke(app, ["merge", "base.yaml", "wang.yaml", "-o", "out.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ('error: wang.yaml:7:17: entry "grid" forbids "电网", which it also allows; '
                             "remove it from target or from forbidden\n")
    assert not Path("out.yaml").exists()


def test_a_variant_that_is_the_other_sides_term_is_refused(runner, workdir):
    write("li.yaml", HEADER + approved("V2G", "车网互动"))
    write("wang.yaml", HEADER + approved("vehicle-to-grid", "车辆到电网") + "    source_variants: [V2G]\n")
    result = runner.invoke(app, ["merge", "li.yaml", "wang.yaml", "-o", "out.yaml"])
    assert result.exit_code == 2
    assert result.stderr.endswith("error: the merged glossary would fail validate (1 problem); nothing written. "
                                  "Settle it in li.yaml or wang.yaml and merge again\n")
    assert "[entry from wang.yaml:4]" in result.stderr
    assert not Path("out.yaml").exists()
