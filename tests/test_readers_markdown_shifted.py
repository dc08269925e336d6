"""Markdown pages whose block counts match only because two differences cancel out: a paragraph
split in translation and another added, a note added and a paragraph dropped. Paired in order,
the blocks between them each met a neighbour's translation, and check reported terms "missing"
from text that never translated them. Such blocks are left out, named at their line; a page
translated block for block still pairs every block."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli import app
from glossary_cli.readers import ReadOptions, read_parallel

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - {source: smart grid, target: 智能电网, status: approved}
  - {source: Shenzhen, target: 深圳, status: approved}
  - {source: green transition, target: 绿色转型, status: approved}
  - {source: Longgang District, target: 龙岗区, status: approved}
"""

# The English splits the second paragraph in two; the Chinese adds a paragraph after it.
ENGLISH_SPLIT = """\
# Introduction to the smart grid

Shenzhen is building a smart grid.

The green transition needs a smart grid.

This is the second sentence.

Shenzhen drives the green transition.
"""
CHINESE_ADDED = """\
# 智能电网简介

深圳正在建设智能电网。

绿色转型需要智能电网。这是第二句话。

新增的一段：龙岗区是深圳的一个区。

深圳推动绿色转型。
"""
# The English says in two paragraphs what the Chinese says in one, and the Chinese adds one.
ENGLISH_TWO = """\
# Introduction to the smart grid

Shenzhen is building a smart grid.

The green transition needs investment.

This smart grid work is a long process.

Shenzhen drives the green transition.
"""
CHINESE_ONE_AND_ADDED = """\
# 智能电网简介

深圳正在建设智能电网。

绿色转型需要智能电网，这是一个长期过程。

新增的一段：龙岗区是深圳的一个区。

深圳推动绿色转型。
"""


def pages(tmp_path: Path, english: str, chinese: str) -> tuple[Path, Path]:
    (tmp_path / "en.md").write_text(english, encoding="utf-8")
    (tmp_path / "zh.md").write_text(chinese, encoding="utf-8")
    return tmp_path / "en.md", tmp_path / "zh.md"


def pairs(source, target) -> tuple[list[tuple[str, str]], list[str]]:
    warnings: list[str] = []
    read = read_parallel(str(source), str(target), options=ReadOptions(on_warning=warnings.append))
    return [(pair.source, pair.target) for pair in read], warnings


def test_a_split_and_an_added_paragraph_leave_the_shifted_block_out_not_paired_with_a_neighbour(tmp_path):
    english, chinese = pages(tmp_path, ENGLISH_SPLIT, CHINESE_ADDED)
    read, warnings = pairs(english, chinese)
    assert ("This is the second sentence.", "新增的一段：龙岗区是深圳的一个区。") not in read
    assert read[-1] == ("Shenzhen drives the green transition.", "深圳推动绿色转型。")
    assert warnings == [f"{chinese}:7: a paragraph here and the paragraph at {english}:7 pair in order, but their "
                        "words and their neighbours' say the blocks have shifted (a block added, removed, split or "
                        "joined): not read; the page's other blocks are paired"]


@pytest.mark.parametrize("source, target, english, chinese", [
    ("zh.md", "en.md", ENGLISH_SPLIT, CHINESE_ADDED),  # written in Chinese: GL005 asked "This is the second
    # sentence." for Longgang District and Shenzhen
    ("en.md", "zh.md", ENGLISH_TWO, CHINESE_ONE_AND_ADDED),  # GL001 asked the added paragraph for 智能电网
], ids=["written in Chinese", "written in English"])
def test_check_reports_no_finding_on_a_pair_that_is_no_translation(runner, tmp_path, monkeypatch, source, target,
                                                                   english, chinese):
    pages(tmp_path, english, chinese)
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", source, "--target", target])
    assert result.exit_code == 0, result.stdout
    assert "zh.md:7: a paragraph here and the paragraph at en.md:7 pair in order" in result.stderr


def test_a_page_translated_block_for_block_pairs_every_block(tmp_path, seed_article):
    # the seed article's paragraphs under two headings: free translations, names, numbers, long and short
    lines = [line.strip() for line in seed_article.read_text(encoding="utf-8").splitlines() if line.strip()][1:]
    english_paragraphs, chinese_paragraphs = lines[0::2], lines[1::2]
    english = "# Forum\n\n" + "\n\n".join(english_paragraphs[:15]) + "\n\n## More\n\n" + \
        "\n\n".join(english_paragraphs[15:]) + "\n"
    chinese = "# 论坛\n\n" + "\n\n".join(chinese_paragraphs[:15]) + "\n\n## 更多\n\n" + \
        "\n\n".join(chinese_paragraphs[15:]) + "\n"
    read, warnings = pairs(*pages(tmp_path, english, chinese))
    assert warnings == []
    assert len(read) == 2 + len(english_paragraphs)
