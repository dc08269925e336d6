"""A `.txt` whose lines are tab-separated columns (Excel's "Unicode Text" (UTF-16) and "Text (Tab
delimited)" saves, a CAT tool's export) is the table it is, read as TSV: it had been read as
interleaved English and Chinese lines, most pairs skipped with a warning and `check` passing.
A TSV (or such a .txt) whose header names the English and Chinese columns among others is read
from those columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.errors import InputFormatError
from glossary_cli.readers import read_pairs, tsv
from tests.support import Reader

GLOSSARY = """\
glossary: 1
terms:
  - source: file
    target: 文件
    status: approved
    forbidden: [档案]
  - source: smart grid
    target: 智能电网
    status: approved
    forbidden: [智慧电网]
  - source: folder
    target: 文件夹
    status: approved
    forbidden: [目录]
"""

EXCEL_TABLE = ("English\tChinese (Simplified)\r\nOpen file\t打开档案\r\nPreview\t预览\r\n"
               "Smart grid\t智慧电网\r\nFolder\t目录\r\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])  # utf-16: Excel's "Unicode Text", with its BOM
def test_check_reads_an_excel_text_export_as_the_table_it_is(runner, workdir, encoding):
    Path("terms.txt").write_bytes(EXCEL_TABLE.encode(encoding))
    result = runner.invoke(app, ["check", "g.yaml", "terms.txt"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[-1] == ("3 findings (GL002 3) in 4 pairs, 3 approved terms; "
                                              "3 at or above error.")
    assert "terms.txt:2:13  error GL002" in result.stdout  # the forbidden 档案 of 打开档案
    assert result.stderr == ""


def test_a_wider_table_is_read_from_the_columns_its_header_names(runner, workdir):
    Path("terms.txt").write_text("ID\tEnglish\tChinese (Simplified)\tNotes\n1\tOpen file\t打开档案\tmenu\n"
                                 "2\tFolder\t文件夹\t\n", encoding="utf-8")
    assert [(pair.source, pair.target, pair.location.target_column) for pair in read_pairs(["terms.txt"])] == [
        ("Open file", "打开档案", 13), ("Folder", "文件夹", 10)]


def test_a_line_without_its_tab_is_an_error_at_that_line(workdir):
    Path("terms.txt").write_text("Open file\t打开文件\nPreview\t预览\nSmart grid 智能电网\nFolder\t文件夹\n",
                                 encoding="utf-8")
    with pytest.raises(InputFormatError) as raised:
        list(read_pairs(["terms.txt"]))
    assert str(raised.value) == "terms.txt:3: expected 2 tab-separated columns (English, Chinese), found 1"


def test_interleaved_text_with_a_stray_tab_is_still_interleaved_text(workdir):
    Path("article.txt").write_text("The smart grid\tworks.\n智能电网运行。\nOpen the file.\n打开文件。\n",
                                   encoding="utf-8")
    assert [(pair.source, pair.target) for pair in read_pairs(["article.txt"])] == [
        ("The smart grid\tworks.", "智能电网运行。"), ("Open the file.", "打开文件。")]


def test_input_format_text_still_reads_interleaved_lines_and_says_they_look_like_a_table(runner, workdir):
    Path("terms.txt").write_text(EXCEL_TABLE, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "terms.txt", "--input-format", "text"])
    assert "No findings in 1 pair" in result.stdout  # as asked: the lines are not read as a table
    assert result.stderr.startswith("warning: terms.txt: most lines hold tab-separated cells; if this is a table, "
                                    "read it with --input-format tsv\n")


def test_a_file_without_extension_that_is_mostly_a_table_is_one(workdir):
    Path("terms").write_text("English\tChinese\nOpen file\t打开文件\nPreview 预览\n", encoding="utf-8")
    with pytest.raises(InputFormatError) as raised:  # read as TSV: the row without its tab is named
        list(read_pairs(["terms"]))
    assert str(raised.value) == "terms:3: expected 2 tab-separated columns (English, Chinese), found 1"


read_tsv = Reader(tsv)


def test_a_tsv_row_with_more_cells_than_its_header_is_an_error_naming_both(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("en\tzh\tnote\nOpen file\t打开文件\tUI\nSmart\tgrid\t智能电网\tUI\n", encoding="utf-8")
    with pytest.raises(InputFormatError) as raised:
        read_tsv(str(path))
    assert str(raised.value) == (f"{path}:3: 4 tab-separated cells, but the header (line 1) names 3 columns; "
                                 "is there a tab inside a cell?")
