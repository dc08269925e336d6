"""Markdown pages whose blocks do not pair one to one, and page text the reader cannot read: a
translator's added note or dropped paragraph is named at its own line and the blocks around it are
still read; text lost to an unclosed code fence or to lists nested too deeply is named, not lost in
silence; a page beside a file of another format is refused. The sentences are the seed article's
(see tests/data/markdown/SOURCE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli import app
from glossary_cli.errors import InputFormatError
from glossary_cli.readers import ReadOptions, read_parallel

MARKDOWN = Path(__file__).parent / "data" / "markdown"

KEYNOTES = ("While policy sets the direction, the forum’s technical keynotes revealed that technology, with AI as "
            "its universal enabler, provides the power.")
KEYNOTES_ZH = "政策指明方向,技术则提供动力。论坛的技术主题演讲揭示了AI作为通用赋能工具在其中发挥的核心作用。"
TANG = ("Representing the national perspective, Tang Guangfu, Director of the Huairou Laboratory, delivered a "
        "realist’s assessment of China’s energy challenge.")
TANG_ZH = "怀柔实验室主任汤广福从国家层面对中国的能源形势作出务实分析。"


def pairs(source, target, **options) -> tuple[list[tuple[str, str, int]], list[str]]:
    warnings: list[str] = []
    read = read_parallel(str(source), str(target), options=ReadOptions(on_warning=warnings.append, **options))
    return [(pair.source, pair.target, pair.location.line) for pair in read], warnings


def pages(tmp_path: Path, english: str, chinese: str) -> tuple[Path, Path]:
    (tmp_path / "en.md").write_text(english, encoding="utf-8")
    (tmp_path / "zh.md").write_text(chinese, encoding="utf-8")
    return tmp_path / "en.md", tmp_path / "zh.md"


def test_a_note_added_in_translation_is_named_at_its_line_and_the_paragraphs_around_it_are_read(monkeypatch):
    # docs/zh/notes.md adds a translator's note (line 5) between the section's two paragraphs: the
    # section was left out whole, and the warning named line 7, where the block counts stopped matching
    monkeypatch.chdir(MARKDOWN)
    read, warnings = pairs("docs/en/notes.md", "docs/zh/notes.md")
    assert [(source[:30], target[:12], line) for source, target, line in read] == [
        ("The AI engine", "AI引擎", 1),
        ("While policy sets the directio", "政策指明方向,技术则提供", 3),
        ("Representing the national pers", "怀柔实验室主任汤广福从国", 7),
        ("Smart grids", "智能电网", 9),
        ("Zhang noted that the city leve", "张华指出,深圳依托华为、", 11)]
    assert warnings == ["docs/zh/notes.md:5: a paragraph with no counterpart in docs/en/notes.md (a block added in "
                        "translation): not read; the page's other blocks are paired"]


def test_strict_refuses_the_added_note_at_its_line(monkeypatch):
    monkeypatch.chdir(MARKDOWN)
    with pytest.raises(InputFormatError) as raised:
        pairs("docs/en/notes.md", "docs/zh/notes.md", strict=True)
    assert raised.value.where() == "docs/zh/notes.md:5"
    assert raised.value.message == ("a paragraph with no counterpart in docs/en/notes.md (a block added in "
                                    "translation); the pages' blocks differ here (--strict)")


def test_a_paragraph_left_untranslated_is_named_and_the_next_one_still_pairs_with_its_translation(tmp_path):
    english, chinese = pages(tmp_path, f"# The AI engine\n\n{KEYNOTES}\n\n{TANG}\n", f"# AI引擎\n\n{TANG_ZH}\n")
    read, warnings = pairs(english, chinese)
    assert read == [("The AI engine", "AI引擎", 1), (TANG, TANG_ZH, 3)]  # not KEYNOTES with TANG_ZH
    assert warnings == [f"{chinese}:1: no counterpart here for the paragraph at {english}:3 (a block left out in "
                        "translation): not read; the page's other blocks are paired"]


def test_a_paragraph_split_in_two_in_translation_pairs_with_both_halves(tmp_path):
    first, second = KEYNOTES_ZH.split("。", 1)
    english, chinese = pages(tmp_path, f"# The AI engine\n\n{KEYNOTES}\n\n{TANG}\n",
                             f"# AI引擎\n\n{first}。\n\n{second}\n\n{TANG_ZH}\n")
    read, warnings = pairs(english, chinese)
    assert read == [("The AI engine", "AI引擎", 1), (KEYNOTES, KEYNOTES_ZH, 3), (TANG, TANG_ZH, 7)]
    assert warnings == []


def test_blocks_whose_pairing_cannot_be_told_are_left_out_not_paired_with_a_neighbour(tmp_path):
    # nothing in the items says which of the three Chinese ones is the added one
    english, chinese = pages(tmp_path, "# Editions\n\n- Zorblax\n- Quuxify\n", "# 版本\n\n- 佐布\n- 库克\n- 新增\n")
    read, warnings = pairs(english, chinese)
    assert read == [("Editions", "版本", 1)]
    assert warnings == [f"{chinese}:3: 3 blocks here (lines 3, 4 and 5) and 2 in {english} (lines 3 and 4) cannot be "
                        "paired one to one beyond doubt (a block added, removed, split or joined): not read; the "
                        "page's other blocks are paired"]


def test_a_code_fence_never_closed_is_named_at_its_line(tmp_path):
    # CommonMark makes the rest of the page code: "The smart grid again." was never read, and nothing said so
    english, chinese = pages(tmp_path, "# Smart grids\n\nThe smart grid is a green transition.\n\n```python\n"
                                       "print('smart grid')\n\nThe smart grid again.\n",
                             "# 智能电网\n\n智能电网是绿色转型。\n\n```python\nprint('smart grid')\n```\n\n智能电网又来了。\n")
    read, warnings = pairs(english, chinese)
    assert f"{english}:5: code fence opened here is never closed: the rest of the page is read as code" in warnings


def test_list_items_nested_ten_deep_are_read_and_text_nested_past_the_limit_is_named(tmp_path):
    english = "".join("  " * depth + f"- smart grid {depth}\n" for depth in range(52))
    chinese = "".join("  " * depth + f"- 智能电网 {depth}\n" for depth in range(52))
    english_page, chinese_page = pages(tmp_path, english, chinese)
    read, warnings = pairs(english_page, chinese_page)
    assert ("smart grid 10", "智能电网 10", 11) in read and ("smart grid 48", "智能电网 48", 49) in read
    assert len(read) == 49
    assert warnings == [f"{page}:50: lists or quotes nested too deeply to read (more than 49 lists or 99 quotes "
                        "deep): the text inside, to line 52, is not read" for page in (english_page, chinese_page)]


@pytest.mark.parametrize("source, target, message", [
    ("docs/en/index.md", "pairs.tsv", "--source docs/en/index.md is a Markdown page but --target pairs.tsv is a .tsv "
                                      "file, not one"),
    ("pairs.tsv", "docs/zh/index.md", "--target docs/zh/index.md is a Markdown page but --source pairs.tsv is a .tsv "
                                      "file, not one"),
])
def test_a_page_beside_a_file_of_another_format_is_refused_naming_both(runner, tmp_path, monkeypatch, source, target,
                                                                         message):
    # it gave a warning about headings and a bare "no segment pairs"
    for name in ("docs", "glossary.yaml"):
        (tmp_path / name).symlink_to(MARKDOWN / name)
    (tmp_path / "pairs.tsv").write_text("Smart grid\t智能电网\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", source, "--target", target])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {message}: a page pairs block by block with its translated page (.md, .mdx, "
                             ".markdown); give two pages, or two directories of pages (--source docs/en --target "
                             "docs/zh)\n")
