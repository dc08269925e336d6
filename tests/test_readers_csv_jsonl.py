"""CSV and JSON Lines readers: headers, columns and keys by language code, line numbers, bad rows."""

from __future__ import annotations


import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.models import Location, SegmentPair
from glossary_cli.readers import csv_reader, jsonl
from tests.support import Reader, write_file as write




read_csv = Reader(csv_reader)


read_jsonl = Reader(jsonl)


def texts(found: list[SegmentPair]) -> list[tuple[str, str]]:
    return [(pair.source, pair.target) for pair in found]


# ---------------------------------------------------------------- CSV

def test_csv_header_names_the_columns_in_any_order(tmp_path):
    path = write(tmp_path, "note,zh-CN,en-US,status\nmenu,保存,Save,approved\n,打开,Open,\n", "a.csv")
    assert read_csv(path) == [SegmentPair("Save", "保存", Location(path, 2)), SegmentPair("Open", "打开", Location(path, 3))]


def test_csv_without_header_is_english_then_chinese(tmp_path):
    path = write(tmp_path, "Save,保存\n打开,Open\n", "a.csv")
    assert texts(read_csv(path)) == [("Save", "保存"), ("Open", "打开")]
    assert read_csv.warnings == [f"{path}: 1 row(s) had the Chinese text in the first column; read as zh -> en"]


def test_csv_quoted_multiline_cell_is_located_where_the_record_starts(tmp_path):
    path = write(tmp_path, 'source,target\n"Save,\nall",全部保存\nOpen,打开\n', "a.csv")
    assert read_csv(path) == [SegmentPair("Save,\nall", "全部保存", Location(path, 2)),
                              SegmentPair("Open", "打开", Location(path, 4))]


def test_csv_semicolons_crlf_and_excel_bom(tmp_path):
    path = write(tmp_path, "\ufeffen;zh\r\nSave;保存\r\n\r\nOpen;打开\r\n", "a.csv")
    assert read_csv(path) == [SegmentPair("Save", "保存", Location(path, 2)), SegmentPair("Open", "打开", Location(path, 4))]


def test_csv_only_a_header_and_empty_file(tmp_path):
    assert read_csv(write(tmp_path, "en,zh\n", "a.csv")) == []
    assert read_csv(write(tmp_path, "", "b.csv")) == []


def test_csv_empty_cells_are_skipped_and_counted_or_refused_with_strict(tmp_path):
    path = write(tmp_path, "en,zh\nSave,保存\nOpen,\n", "a.csv")
    assert texts(read_csv(path)) == [("Save", "保存")]
    assert read_csv.warnings == [f"{path}: 1 row(s) with an empty cell skipped"]
    with pytest.raises(InputFormatError, match="a cell is empty") as error:
        read_csv(path, strict=True)
    assert error.value.line == 3


def test_csv_wrong_column_counts_are_errors_at_their_line(tmp_path):
    with pytest.raises(InputFormatError, match="3 columns and no header row; add a header") as error:
        read_csv(write(tmp_path, "Save,保存,x\n", "a.csv"))
    assert error.value.line == 1
    with pytest.raises(InputFormatError, match="expected 2 columns, found 1") as error:
        read_csv(write(tmp_path, "Save,保存\nOpen\n", "b.csv"))
    assert error.value.line == 2
    with pytest.raises(InputFormatError, match="expected 3 columns, found 2") as error:
        read_csv(write(tmp_path, "status,en,zh\nok,Save\n", "c.csv"))
    assert error.value.line == 2


def test_csv_gb18030_needs_the_encoding_option(tmp_path):
    path = write(tmp_path, "en,zh\nSave,保存\n", "a.csv", encoding="gb18030")
    with pytest.raises(InputFormatError, match="--encoding gb18030"):
        read_csv(path)
    assert texts(read_csv(path, encoding="gb18030")) == [("Save", "保存")]


def test_csv_utf16_is_read_by_its_byte_order_mark_and_needs_the_option_without_one(tmp_path):
    path = write(tmp_path, "en,zh\nSave,保存\n", "a.csv", encoding="utf-16")  # with a mark
    assert texts(read_csv(path)) == texts(read_csv(path, encoding="utf-16")) == [("Save", "保存")]
    bare = write(tmp_path, "en,zh\nSave,保存\n", "b.csv", encoding="utf-16-le")
    with pytest.raises(InputFormatError, match="pass --encoding utf-16-le"):
        read_csv(bare)


def test_csv_unclosed_quote_is_reported_where_it_opens(tmp_path):
    path = write(tmp_path, 'en,zh\n"Save,保存\nOpen,打开\n', "a.csv")
    with pytest.raises(InputFormatError, match="a quote opened on this line is never closed") as error:
        read_csv(path)
    assert error.value.line == 2


@pytest.mark.parametrize("body, line", [
    ('en,zh\nSave,保存\nOpen,"打开,开启\n', 3),  # the last record, on one line
    ('en,zh\nSave,保存\nOpen,"打开,开启', 3),  # ... with no line break at the end
    ('en,zh\r\nSave,保存\r\nOpen,"打开\r\n\r\n', 3),  # ... with blank lines after it
    ('Save,保存\n"\n', 2),  # a quote alone on the last line
])
def test_csv_quote_left_open_on_the_last_line_is_an_error_at_that_line(tmp_path, body, line):
    path = write(tmp_path, body, "a.csv")
    with pytest.raises(InputFormatError, match="a quote opened on this line is never closed") as error:
        read_csv(path)
    assert error.value.line == line


def test_csv_quoted_cells_closed_on_the_last_line_are_read(tmp_path):
    path = write(tmp_path, 'en,zh\nOpen,"打开,开启"\n"Say ""hi""","说\n你好"', "a.csv")
    assert texts(read_csv(path)) == [("Open", "打开,开启"), ('Say "hi"', "说\n你好")]


def test_csv_language_options_pick_other_columns(tmp_path):
    path = write(tmp_path, "en,zh-TW,zh-CN\nSave,儲存,保存\n", "a.csv")
    assert texts(read_csv(path)) == [("Save", "保存")]  # plain zh: the Simplified column
    assert texts(read_csv(path, target_lang="zh-TW")) == [("Save", "儲存")]


# ---------------------------------------------------------------- JSON Lines

def test_jsonl_language_keys_and_line_numbers(tmp_path):
    path = write(tmp_path, '{"en": "Save", "zh": "保存"}\n\n{"zh_CN": "打开", "en-US": "Open", "id": 3}\n', "a.jsonl")
    assert read_jsonl(path) == [SegmentPair("Save", "保存", Location(path, 1)), SegmentPair("Open", "打开", Location(path, 3))]


def test_jsonl_source_target_keys_and_hugging_face_layout(tmp_path):
    path = write(tmp_path, '{"source": "Save", "target": "保存"}\n{"translation": {"en": "Open", "zh": "打开"}}\n', "a.jsonl")
    assert texts(read_jsonl(path)) == [("Save", "保存"), ("Open", "打开")]


def test_jsonl_configurable_keys(tmp_path):
    assert texts(read_jsonl(write(tmp_path, '{"eng": "Save", "cmn": "保存"}\n', "a.jsonl"))) == [("Save", "保存")]
    path = write(tmp_path, '{"english": "Save", "chinese": "保存"}\n{"text": "x", "de": "Speichern", "zh": "y"}\n', "c.jsonl")
    with pytest.raises(InputFormatError, match='no "en" key \\(keys here: de, text, zh\\)') as error:
        read_jsonl(path)
    assert error.value.line == 2
    assert texts(read_jsonl(write(tmp_path, '{"de": "Speichern", "zh": "保存"}\n', "b.jsonl"), source_lang="de")) == \
        [("Speichern", "保存")]


def test_jsonl_null_and_empty_values_are_skipped_and_counted(tmp_path):
    path = write(tmp_path, '{"en": "Save", "zh": null}\n{"en": "", "zh": "打开"}\n{"en": "Close", "zh": "关闭"}\n', "a.jsonl")
    assert texts(read_jsonl(path)) == [("Close", "关闭")]
    assert read_jsonl.warnings == [f"{path}: 2 line(s) with an empty or null value skipped"]


@pytest.mark.parametrize("line, message", [
    ('{"en": "Save", "zh": ', "invalid JSON: Expecting value"),
    ('["Save", "保存"]', "expected a JSON object per line, got list"),
    ('{"en": 1, "zh": "一"}', '"en" must be a string, got int'),
    ("[" * 100_000, "invalid JSON: nested too deeply"),
    ('{"en": "Save", "zh": "保存\\ud800"}', '"zh" holds the escape \\\\ud800, half of a UTF-16 pair'),
])
def test_jsonl_bad_lines_are_located(tmp_path, line, message):
    path = write(tmp_path, '{"en": "Save", "zh": "保存"}\n' + line + "\n", "a.jsonl")
    with pytest.raises(InputFormatError, match=message.replace("(", "\\(").replace("[", "\\[")) as error:
        read_jsonl(path)
    assert error.value.line == 2


def test_jsonl_bom_crlf_and_line_separator_inside_a_string(tmp_path):
    path = write(tmp_path, '\ufeff{"en": "Save\u2028all", "zh": "全部保存"}\r\n{"en": "Open", "zh": "打开"}\r\n', "a.jsonl")
    assert read_jsonl(path) == [SegmentPair("Save\u2028all", "全部保存", Location(path, 1)),
                                SegmentPair("Open", "打开", Location(path, 2))]


def test_jsonl_escaped_surrogate_pairs_are_one_character(tmp_path):
    path = write(tmp_path, '{"en": "Smile \\ud83d\\ude00", "zh": "微笑\\ud83d\\ude00"}\n', "a.jsonl")
    assert [(pair.source, pair.target) for pair in read_jsonl(path)] == [("Smile 😀", "微笑😀")]


def test_jsonl_empty_file_has_no_pairs(tmp_path):
    assert read_jsonl(write(tmp_path, "", "a.jsonl")) == []


def test_jsonl_utf16_is_read_by_its_byte_order_mark(tmp_path):
    path = write(tmp_path, '{"en": "Save", "zh": "保存"}\n', "a.jsonl", encoding="utf-16")
    assert texts(read_jsonl(path)) == texts(read_jsonl(path, encoding="utf-16")) == [("Save", "保存")]
