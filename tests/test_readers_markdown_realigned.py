"""Markdown pages after a routine edit: the English page gained a paragraph and lost another before
the translation caught up, or the translation lacks one paragraph. The blocks between the two
differences are re-aligned by their words and read with their own translation; only the blocks
with no counterpart are left out, each named at its line."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli import app
from glossary_cli.readers import ReadOptions, read_parallel

ADDED = "A brand-new paragraph about hydrogen energy and the green transition, not yet translated."


def seed_paragraphs(seed_article: Path) -> tuple[list[str], list[str]]:
    lines = [line.strip() for line in seed_article.read_text(encoding="utf-8").splitlines() if line.strip()][1:]
    return lines[0::2], lines[1::2]


def pages(tmp_path: Path, english: list[str], chinese: list[str]) -> tuple[Path, Path]:
    (tmp_path / "en.md").write_text("\n\n".join(english) + "\n", encoding="utf-8")
    (tmp_path / "zh.md").write_text("\n\n".join(chinese) + "\n", encoding="utf-8")
    return tmp_path / "en.md", tmp_path / "zh.md"


def pairs(source, target) -> tuple[list[tuple[str, str]], list[str]]:
    warnings: list[str] = []
    read = read_parallel(str(source), str(target), options=ReadOptions(on_warning=warnings.append))
    return [(pair.source, pair.target) for pair in read], warnings


def edited(english: list[str]) -> list[str]:
    """The English page after an edit: a paragraph added at the sixth block, the 21st dropped."""
    return english[:5] + [ADDED] + english[5:20] + english[21:]


def test_a_paragraph_added_and_another_dropped_leave_out_only_those_two(tmp_path, seed_article):
    english, chinese = seed_paragraphs(seed_article)
    english_page, chinese_page = pages(tmp_path, edited(english), chinese)
    read, warnings = pairs(english_page, chinese_page)
    assert read == [pair for index, pair in enumerate(zip(english, chinese)) if index != 20]
    assert warnings == [f"{chinese_page}:9: no counterpart here for the paragraph at {english_page}:11 (a block left "
                        "out in translation): not read, nor 1 more place of the page (the next at line 41); the "
                        "page's other blocks are paired"]


def test_check_finds_a_wrong_term_between_the_added_and_the_dropped_paragraph(runner, workdir, seed_article):
    english, chinese = seed_paragraphs(seed_article)
    pages(workdir, edited(english), [paragraph.replace("绿色转型", "绿色转变") for paragraph in chinese])
    (workdir / "glossary.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                                           "  - {source: green transition, target: 绿色转型, status: approved}\n",
                                           encoding="utf-8")
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", "en.md", "--target", "zh.md",
                                 "--format", "github"])
    assert result.exit_code == 1
    assert [line.split(",col=")[0] for line in result.stdout.splitlines()] == [
        "::error file=zh.md,line=3", "::error file=zh.md,line=15", "::error file=zh.md,line=43",
        "::error file=zh.md,line=59"]


def test_a_paragraph_the_translation_lacks_leaves_its_neighbours_paired(tmp_path):
    english_page, chinese_page = pages(tmp_path, [
        "# Heat pumps", "Heat pumps move heat from outside.", "The smart grid balances load.",
        "A virus cannot infect a heat pump.", "Install the heat pump outdoors.", "Check the smart grid connection."],
        ["# 热泵", "热泵从室外转移热量。", "病毒不会感染热泵。", "请将热泵安装在室外。", "检查聪明电网连接。"])
    read, warnings = pairs(english_page, chinese_page)
    assert read == [("Heat pumps", "热泵"), ("Heat pumps move heat from outside.", "热泵从室外转移热量。"),
                    ("A virus cannot infect a heat pump.", "病毒不会感染热泵。"),
                    ("Install the heat pump outdoors.", "请将热泵安装在室外。"),
                    ("Check the smart grid connection.", "检查聪明电网连接。")]
    assert warnings == [f"{chinese_page}:3: no counterpart here for the paragraph at {english_page}:5 (a block left "
                        "out in translation): not read; the page's other blocks are paired"]
