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
                     "Chinese renderings (target: zh), whichever way the files are translated: write each entry the "
                     "other way round")


@pytest.mark.parametrize("command", [["validate", "zh.yaml"], ["check", "zh.yaml", "corpus.tsv"],
                                     ["eval", "zh.yaml", "gold.tsv"]])
def test_a_glossary_written_from_chinese_is_refused_with_the_way_to_write_it(runner, files, command):
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    assert WRITTEN_BACKWARDS in result.stderr


@pytest.mark.parametrize("options", [["--source-lang", "zh-CN", "--target-lang", "en"], ["--target-lang", "en"],
                                     ["--source-lang", "Chinese (Simplified)"]])
def test_naming_chinese_as_the_source_language_is_refused_not_read_as_nothing(runner, files, options):
    """Before, `--source-lang zh-CN --target-lang en` made check match nothing and pass (H4)."""
    Path("en.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n  - source: green transition\n"
                               "    target: 绿色转型\n    status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "en.yaml", "corpus.tsv", *options])
    assert result.exit_code == 2
    assert "names the English side, whichever way the files are translated" in result.stderr \
        or "names the Chinese side, whichever way the files are translated" in result.stderr


def test_english_and_chinese_variants_are_a_glossary_like_any_other(runner, workdir):
    Path("tw.yaml").write_text("glossary: 1\nlanguages: {source: en-GB, target: zh-Hant}\nterms:\n"
                               "  - source: green transition\n    target: 綠色轉型\n    status: approved\n",
                               encoding="utf-8")
    result = runner.invoke(app, ["validate", "tw.yaml"])
    assert result.exit_code == 0, result.stderr
