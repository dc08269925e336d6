"""A glossary is English terms with their Chinese renderings. A team translating from Chinese may
write one the other way round (`languages: {source: zh-CN, target: en}`); before, validate passed
it and check matched none of its terms, so CI stayed green for good (zh-source probe, H2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

CHINESE_FIRST = """\
glossary: 1
languages: {source: zh-CN, target: en}
terms:
  - source: 绿色转型
    target: green transition
    status: approved
"""
CORPUS = "Japan and China pursue a green transformation.\t日本和中国推进绿色转型。\n"
REFERENCE = "en\tzh\ngreen transition\t绿色转型\n"


@pytest.fixture
def files(workdir):
    Path("zh.yaml").write_text(CHINESE_FIRST, encoding="utf-8")
    Path("corpus.tsv").write_text(CORPUS, encoding="utf-8")
    Path("gold.tsv").write_text(REFERENCE, encoding="utf-8")


WRITTEN_BACKWARDS = ("zh.yaml:2:1: languages: zh-CN to en; a glossary holds English terms (source: en) with their "
                     "Chinese renderings (target: zh): write each entry the other way round")


@pytest.mark.parametrize("command", [["validate", "zh.yaml"], ["check", "zh.yaml", "corpus.tsv"],
                                     ["eval", "zh.yaml", "gold.tsv"]])
def test_a_glossary_written_from_chinese_is_refused_with_the_way_to_write_it(runner, files, command):
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    assert WRITTEN_BACKWARDS in result.stderr


def test_a_glossary_in_other_languages_is_refused_by_validate(runner, workdir):
    Path("ja.yaml").write_text(CHINESE_FIRST.replace("zh-CN, target: en", "en, target: ja"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "ja.yaml"])
    assert result.exit_code == 2
    assert "languages: en to ja; a glossary holds English terms" in result.stderr


def test_english_and_chinese_variants_are_a_glossary_like_any_other(runner, workdir):
    Path("tw.yaml").write_text("glossary: 1\nlanguages: {source: en-GB, target: zh-Hant}\nterms:\n"
                               "  - source: green transition\n    target: 綠色轉型\n    status: approved\n",
                               encoding="utf-8")
    result = runner.invoke(app, ["validate", "tw.yaml"])
    assert result.exit_code == 0, result.stderr
