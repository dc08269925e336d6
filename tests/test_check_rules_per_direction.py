"""GL001-GL004 check pairs translated into Chinese, GL005 those translated from Chinese. A rule
selection written for one direction (`--select GL001,GL002`, as in a CI config) checked the other
direction's pairs for nothing, with exit 0 and no word (zh-source re-probe, M3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
            "  - source: green transition\n    target: 绿色转型\n    status: approved\n")


@pytest.fixture
def project(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("from_chinese.tsv").write_text("我们支持绿色转型。\tWe support the green transformation.\n", encoding="utf-8")
    Path("into_chinese.tsv").write_text("We support the green transition.\t我们支持绿色转变。\n", encoding="utf-8")


def test_a_selection_without_gl005_says_the_pairs_from_chinese_went_unchecked(runner, project):
    result = runner.invoke(app, ["check", "g.yaml", "from_chinese.tsv", "--select", "GL001,GL002"])
    assert result.exit_code == 0
    assert "warning: 1 pair translated from Chinese not checked: GL005, the rule for them, is not selected" \
        in result.stderr


def test_gl005_alone_says_the_pairs_into_chinese_went_unchecked(runner, project):
    result = runner.invoke(app, ["check", "g.yaml", "into_chinese.tsv", "--select", "GL005"])
    assert result.exit_code == 0
    assert "warning: 1 pair translated into Chinese not checked: only GL005 is selected" in result.stderr


def test_the_default_rules_check_both_directions_without_a_word(runner, project):
    result = runner.invoke(app, ["check", "g.yaml", "from_chinese.tsv", "into_chinese.tsv"])
    assert result.exit_code == 1
    assert "GL005" in result.stdout and "GL001" in result.stdout
    assert "not checked" not in result.stderr


def test_statistics_list_the_english_a_gl005_finding_asks_for_apart_by_commas(runner, project):
    Path("g.yaml").write_text(GLOSSARY + "    source_variants: [green transformation process]\n", encoding="utf-8")
    Path("from_chinese.tsv").write_text("我们支持绿色转型。\tWe support the green shift.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "from_chinese.tsv", "--statistics"])
    assert "GL005\tgreen transition\tgreen transition, green transformation process" in result.stdout
