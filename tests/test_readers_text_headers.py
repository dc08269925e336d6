"""TSV and CSV know one header vocabulary (the one `glossary import` reads tables with), honour
Excel's `sep=;` line, and never read a header as a segment pair."""

import pytest

from glossary_cli.readers import csv_reader, tsv
from tests.support import Reader, write_file

read_tsv, read_csv = Reader(tsv), Reader(csv_reader)

HEADERS = [
    ("en", "zh"), ("en-GB", "zh-Hans"), ("en_US", "zh_CN"), ("English (US)", "Chinese (Simplified)"),
    ("English (United States)", "Chinese (PRC)"), ("\u82f1\u6587", "\u4e2d\u6587"),  # 英文 中文
    ("\u82f1\u8bed", "\u7b80\u4f53\u4e2d\u6587"),  # 英语 简体中文
    ("\u539f\u6587", "\u8bd1\u6587"),  # 原文 译文
    ("Source text", "Target text"), ("source", "target"),
]


def texts(pairs):
    return [(pair.source, pair.target, pair.location.line) for pair in pairs]


@pytest.mark.parametrize("english, chinese", HEADERS)
def test_a_tsv_header_is_not_a_pair(tmp_path, english, chinese):
    path = write_file(tmp_path, f"{english}\t{chinese}\nSmart grid\t智能电网\n", "pairs.tsv")
    assert texts(read_tsv(path)) == [("Smart grid", "智能电网", 2)]


@pytest.mark.parametrize("english, chinese", HEADERS)
def test_a_csv_header_is_not_a_pair(tmp_path, english, chinese):
    path = write_file(tmp_path, f'"{english}","{chinese}"\nSmart grid,智能电网\n', "pairs.csv")
    assert texts(read_csv(path)) == [("Smart grid", "智能电网", 2)]


def test_a_chinese_header_never_becomes_a_term(tmp_path):
    path = write_file(tmp_path, "英文\t中文\nSmart grid\t智能电网\nEnergy storage\t储能\n", "zhheader.tsv")
    assert ("英文", "中文") not in [(pair.source, pair.target) for pair in read_tsv(path)]


def test_excel_sep_line_names_the_delimiter_and_is_no_pair(tmp_path):
    path = write_file(tmp_path, "sep=;\nen;zh\nSmart grid, again;智能电网\n", "excel.csv")
    assert texts(read_csv(path, strict=True)) == [("Smart grid, again", "智能电网", 3)]


def test_a_memoq_header_separated_by_semicolons_names_its_columns(tmp_path):
    path = write_file(tmp_path, "English (United States);Chinese (PRC);Notes\nSmart grid;智能电网;\n", "memoq.csv")
    assert texts(read_csv(path)) == [("Smart grid", "智能电网", 2)]


def test_a_first_row_of_text_is_still_a_pair(tmp_path):
    path = write_file(tmp_path, "Smart grid\t智能电网\nGrid\t电网\n", "pairs.tsv")
    assert [pair.source for pair in read_tsv(path)] == ["Smart grid", "Grid"]
