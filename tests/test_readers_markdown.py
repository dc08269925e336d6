"""Markdown pages (MkDocs and Docusaurus) under docs/en and docs/zh: paired block by block, page with
page, so `check` sees the text a translator translated and none of the syntax around it, and
points at file:line:column in the Chinese page. The pages are in tests/data/markdown (see SOURCE.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary_cli.cli import app
from glossary_cli.cli.corpus_options import corpus_pairs
from glossary_cli.errors import InputFormatError, UsageError
from glossary_cli.readers import InputFormat, ReadOptions, read_parallel
from tests.support import finding_places

MARKDOWN = Path(__file__).parent / "data" / "markdown"

pytestmark = pytest.mark.usefixtures("in_markdown_data")


@pytest.fixture
def in_markdown_data(monkeypatch):
    """Run inside tests/data/markdown, so pages are named as a docs team types them."""
    monkeypatch.chdir(MARKDOWN)


def pairs(source: str, target: str, **options) -> tuple[list, list[str]]:
    warnings: list[str] = []
    read = list(read_parallel(source, target, options=ReadOptions(on_warning=warnings.append, **options)))
    return read, warnings


def check(runner, *arguments: str):
    return runner.invoke(app, ["check", "glossary.yaml", *arguments])


def test_check_of_two_docs_directories_finds_the_planted_errors_and_nothing_in_the_syntax(runner):
    # front matter slugs and tags, {#anchors}, link and image targets, code blocks, HTML comments, an MDX
    # import and the :::warning keyword all stay English in the Chinese pages: none of them is a finding
    result = check(runner, "--source", "docs/en", "--target", "docs/zh")
    assert result.exit_code == 1, result.output
    assert finding_places(result.stdout) == ["docs/zh/health.mdx:11:1", "docs/zh/index.md:12:48",
                                             "docs/zh/notes.md:11:1"]
    assert result.stderr == (
        "warning: docs/zh: 1 page of docs/en missing here (not yet translated), not read (first: new-page.md)\n"
        "warning: docs/zh/notes.md:5: a paragraph with no counterpart in docs/en/notes.md (a block added in "
        "translation): not read; the page's other blocks are paired\n")


def test_a_page_pair_gives_its_text_blocks_and_leaves_out_what_is_not_text():
    read, warnings = pairs("docs/en/index.md", "docs/zh/index.md")
    assert warnings == []
    assert [(pair.source, pair.target) for pair in read] == [
        ("Shenzhen low-carbon forum", "深圳低碳论坛"),  # front matter: title and description only
        ("Smart grid and green transition notes", "智能电网与绿色转型笔记"),
        ("From local blueprint to global dialogue", "从本地蓝图到全球对话"),
        (read[3].source, "本次论坛以“AI赋能城市绿色发展”为主题,不仅展示了深圳的成果,更旨在“汇聚全球智慧”,为城市绿色过渡“注入澎湃动能”。"),
        ("Smart grids", "智能电网"),  # without {#smart-grid}
        (read[5].source, "张华指出,深圳依托华为、腾讯等本土AI龙头企业,率先推进智能电网与智能网联汽车的发展。"),
        ("Green transition", "绿色转型"),  # the admonition's title, then its body
        (read[7].source, "论坛明确指出,绿色转型的技术难题正被AI与前沿科技的解决方案迅速突破。"),
        ("See the smart grid section and our glossary.", "参见智能电网一节和术语表。"),  # link text, not targets
        ("Diagram", "示意图"),  # alt text
        ("Vehicle-to-Grid (V2G) technology", "车网互动(V2G)技术"),
        ("Smart grids and intelligent connected vehicles", "智能电网与智能网联汽车"),
        ("Term", "术语"), ("Where it is used", "使用场景"), ("Smart grid", "智能电网"), ("Power distribution", "配电"),
        ("Run `mkdocs build --strict` and open https://example.org/smart-grid/ to preview.",  # code: a placeholder
         "运行 `mkdocs build --strict`，然后打开 https://example.org/smart-grid/ 预览。"),
    ]


def test_each_pair_is_located_where_its_chinese_text_starts():
    read, _ = pairs("docs/en/index.md", "docs/zh/index.md")
    heading = next(pair for pair in read if pair.source == "Smart grids")
    location = heading.location
    assert (location.path, location.line, location.target_column, location.target_verbatim) == \
        ("docs/zh/index.md", 14, 4, True)  # `## 智能电网 {#smart-grid}`: a word in it is pointed at exactly
    cell = next(pair for pair in read if pair.source == "Power distribution")
    assert (cell.location.line, cell.location.target_column) == (30, 10)  # `| 智能电网 | 配电 |`
    title = read[1]
    assert (title.location.line, title.location.target_column) == (3, 14)  # `description: 智能电网…`


def test_reflowed_sentences_pair_as_one_paragraph_not_line_by_line():
    # one sentence per line in English; in Chinese two sentences joined on one line, one split over two:
    # line by line, each English sentence met the next one's translation
    read, warnings = pairs("docs/en/quarantine.md", "docs/zh/quarantine.md")
    assert warnings == []
    assert len(read) == 2
    assert read[1].source.startswith("Should the quarantine time be extended to 24 days? However, via strict")
    assert read[1].target == ("隔离时间是否应延长至 24 天？但是，通过严格的隔离，该疾病最终得到控制。平均潜伏期为 4.8 (3.0-7.2) 天。"
                              "现在，很多政府均已强制要求或建议受疫情影响的地区保持社交距离。")  # no space inside Chinese


def test_a_docusaurus_page_reads_admonitions_and_leaves_out_imports_ids_and_code():
    read, _ = pairs("docs/en/health.mdx", "docs/zh/health.mdx")
    sources = [pair.source for pair in read]
    assert sources[:3] == ["Social distancing", "Social distancing and quarantine", "Social distancing"]
    assert "Social distancing works" in sources  # :::tip's title
    assert not any("import" in source or "quarantine.days" in source or "social-distancing" in source
                   for source in sources)
    assert "Should the quarantine time be extended to 24 days?" in sources  # after <a id=…></a>, still text


def test_a_block_added_in_chinese_is_left_out_alone_and_strict_refuses_it():
    read, warnings = pairs("docs/en/notes.md", "docs/zh/notes.md")
    assert [pair.location.line for pair in read] == [1, 3, 7, 9, 11]  # all but the translator's note at line 5
    assert len(warnings) == 1 and warnings[0].startswith("docs/zh/notes.md:5: a paragraph with no counterpart")
    with pytest.raises(InputFormatError) as raised:
        pairs("docs/en/notes.md", "docs/zh/notes.md", strict=True)
    assert raised.value.where() == "docs/zh/notes.md:5"
    assert raised.value.message.endswith("the pages' blocks differ here (--strict)")


def test_pages_whose_headings_differ_are_left_out_whole(tmp_path):
    english = tmp_path / "en.md"
    english.write_text("# Quarantine\n\nShould the quarantine time be extended to 24 days?\n\n## Incubation\n\n"
                       "The average incubation period was 4.8 (3.0-7.2) days.\n", encoding="utf-8")
    chinese = tmp_path / "zh.md"
    chinese.write_text("# 隔离\n\n隔离时间是否应延长至 24 天？\n\n### 潜伏期\n\n平均潜伏期为 4.8 (3.0-7.2) 天。\n", encoding="utf-8")
    read, warnings = pairs(str(english), str(chinese))
    assert read == []
    assert warnings == [f"{chinese}:5: a level-3 heading here, where {english}:5 has a level-2 heading: the pages' "
                        "blocks differ from here (a block added, removed, split or joined), its headings differ "
                        "from the English page's, so the page is left unpaired"]


def test_a_chinese_page_that_copies_the_english_is_not_yet_translated(tmp_path):
    copy = tmp_path / "new-page.md"
    shutil.copy("docs/en/new-page.md", copy)
    read, warnings = pairs("docs/en/new-page.md", str(copy))
    assert read == []
    assert warnings == [f"{copy}: no Chinese in it (not yet translated?), not read"]


@pytest.mark.parametrize("page, message", [
    ("docs/zh/index.md", "error: docs/zh/index.md is a Markdown page, whose blocks pair with its English page's: "
                         "give both, --source docs/en/index.md --target docs/zh/index.md, or every page of the two "
                         "directories, --source docs/en --target docs/zh\n"),
    ("docs/en/index.md", "error: docs/en/index.md is a Markdown page, whose blocks pair with its Chinese page's: "
                         "give both, --source docs/en/index.md --target CHINESE-PAGE, or two directories of pages "
                         "(--source docs/en --target docs/zh)\n"),
])
def test_a_markdown_page_named_alone_is_refused_not_read_as_interleaved_lines(runner, page, message):
    # what a pre-commit hook passes: it was read as English/Chinese line pairs and passed, checking nothing
    result = check(runner, page)
    assert result.exit_code == 2
    assert result.stderr == message


def test_extract_from_two_docs_directories_names_each_page_and_proposes_no_syntax(runner, tmp_path):
    output = tmp_path / "docs.yaml"
    result = runner.invoke(app, ["extract", "--source", "docs/en", "--target", "docs/zh", "--no-cache",
                                 "-o", str(output)])
    assert result.exit_code == 0, result.output
    written = output.read_text(encoding="utf-8")
    assert "- source: green transition\n    target: 绿色转型\n" in written
    assert "where: 'docs/zh/health.mdx:" in written and "where: 'docs/zh/index.md:" in written
    sources = [line.split(": ", 1)[1] for line in written.splitlines() if line.startswith("  - source: ")]
    syntax = {"yaml", "js", "features", "feature", "slug", "tags", "id", "note", "tip", "img", "smart-grid",
              "green-transition", "#smart-grid", "Tabs"}
    assert not syntax & {source.lower() for source in sources}
    assert not any("-grid" in source or "/" in source for source in sources)


def test_several_source_target_pairs_are_all_read_in_order():
    read = list(corpus_pairs([], source=[Path("docs/en/quarantine.md"), Path("docs/en/notes.md")],
                             target=[Path("docs/zh/quarantine.md"), Path("docs/zh/notes.md")],
                             input_format=InputFormat.AUTO, encoding=None, strict=False, include_fuzzy=False,
                             source_lang=None, target_lang=None))
    assert [pair.location.path for pair in read] == ["docs/zh/quarantine.md"] * 2 + ["docs/zh/notes.md"] * 5


def test_extract_reads_every_source_target_pair_given(runner, tmp_path):
    output = tmp_path / "two.yaml"
    result = runner.invoke(app, ["extract", "--source", "docs/en/index.md", "--target", "docs/zh/index.md",
                                 "--source", "docs/en/health.mdx", "--target", "docs/zh/health.mdx", "--no-cache",
                                 "-o", str(output)])
    assert result.exit_code == 0, result.output
    written = output.read_text(encoding="utf-8")
    assert "where: 'docs/zh/health.mdx:" in written and "where: 'docs/zh/index.md:" in written
    assert ("  inputs:\n    - docs/en/index.md\n    - docs/zh/index.md\n    - docs/en/health.mdx\n"
            "    - docs/zh/health.mdx\n") in written


def test_check_reads_every_source_target_pair_given(runner):
    """Before, a repeated --source/--target kept the last pair: the first page went unchecked and passed."""
    result = check(runner, "--source", "docs/en/index.md", "--target", "docs/zh/index.md",
                   "--source", "docs/en/health.mdx", "--target", "docs/zh/health.mdx")
    assert result.exit_code == 1
    assert finding_places(result.stdout) == ["docs/zh/health.mdx:11:1", "docs/zh/index.md:12:48"]


def test_two_pairs_without_o_have_no_one_glossary_name(runner):
    result = runner.invoke(app, ["extract", "--source", "docs/en/index.md", "--target", "docs/zh/index.md",
                                 "--source", "docs/en/health.mdx", "--target", "docs/zh/health.mdx"])
    assert (result.exit_code, result.stderr) == (2, "error: 2 corpora given: name the glossary they go into with -o\n")


def test_source_and_target_given_different_numbers_of_times_are_refused():
    with pytest.raises(UsageError) as raised:
        corpus_pairs([], source=[Path("docs/en/quarantine.md"), Path("docs/en/notes.md")],
                     target=[Path("docs/zh/quarantine.md")], input_format=InputFormat.AUTO, encoding=None,
                     strict=False, include_fuzzy=False, source_lang=None, target_lang=None)
    assert raised.value.message == ("2 --source but 1 --target: each --source (English) pairs with the --target "
                                    "(Chinese) in the same place, so give them in pairs")


def test_a_directory_of_pages_named_as_a_corpus_says_how_pages_are_paired(runner):
    result = check(runner, "docs")
    assert result.exit_code == 2
    assert result.stderr.endswith("; its Markdown pages pair with their translations by directory: "
                                  "--source docs/en --target docs/zh)\n")
