"""A table wider than two columns is read from the columns its header names, or says how to read
it: a TSV without a header points at --input-format csv (and ignores Excel's empty last column), a
CSV header naming no wanted language says which names work."""

import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.readers import csv_reader, tsv
from tests.support import Reader, write_file

read_tsv, read_csv = Reader(tsv), Reader(csv_reader)


def test_a_three_column_tsv_is_read_from_the_columns_its_header_names(tmp_path):
    path = write_file(tmp_path, "source\ttarget\tnote\nSmart grid\t智能电网\tUI\n", "three.tsv")
    assert [(pair.source, pair.target) for pair in read_tsv(path)] == [("Smart grid", "智能电网")]


def test_a_three_column_tsv_without_a_header_points_at_input_format_csv(tmp_path):
    path = write_file(tmp_path, "Smart grid\t智能电网\tUI\n", "three.tsv")
    with pytest.raises(InputFormatError) as raised:
        read_tsv(path)
    assert str(raised.value) == (f"{path}:1: expected 2 tab-separated columns (English, Chinese), found 3; a table "
                                 "with more columns is read with --input-format csv and a header naming the English "
                                 "and Chinese columns")


def test_the_same_tsv_read_as_csv_gives_its_pair(tmp_path):
    path = write_file(tmp_path, "source\ttarget\tnote\nSmart grid\t智能电网\tUI\n", "three.tsv")
    assert [(pair.source, pair.target) for pair in read_csv(path)] == [("Smart grid", "智能电网")]


def test_a_trailing_empty_tsv_column_is_ignored(tmp_path):
    path = write_file(tmp_path, "Smart grid\t智能电网\t\nGrid\t电网\t \n", "excel.tsv")
    assert [(pair.source, pair.target) for pair in read_tsv(path)] == [("Smart grid", "智能电网"), ("Grid", "电网")]


def test_a_csv_header_naming_no_wanted_language_lists_the_names_that_work(tmp_path):
    path = write_file(tmp_path, "English (United States);German;Notes\nSmart grid;Intelligentes Netz;\n", "memoq.csv")
    with pytest.raises(InputFormatError) as raised:
        read_csv(path)
    assert raised.value.line == 1
    assert raised.value.message == (
        "the header (English (United States), German, Notes) names no en and zh columns; name them by language code "
        "(en, zh), language (English (United States), Chinese (PRC), 英文, 中文) or role (source, target), or pass "
        "--source-lang/--target-lang")
