"""A CSV or JSON Lines file with several Chinese columns (zh-TW and zh-CN) is read in the Simplified
one when the target is plain zh, and says so, as the TMX reader does; --target-lang picks another."""

from glossary_cli.readers import csv_reader, jsonl
from tests.support import Reader, write_file

read_csv, read_jsonl = Reader(csv_reader), Reader(jsonl)


def targets(pairs):
    return [pair.target for pair in pairs]


def test_csv_with_traditional_and_simplified_columns_reads_the_simplified_one(tmp_path):
    path = write_file(tmp_path, "key,en,zh-TW,zh-CN\nk1,Smart grid,智慧電網,智能电网\n", "multi.csv")
    assert targets(read_csv(path)) == ["智能电网"]
    assert read_csv.warnings == [f"{path}: several zh columns (zh-TW, zh-CN); read zh-CN; "
                                 "pass --target-lang to choose another"]


def test_csv_target_lang_picks_the_traditional_column_without_a_warning(tmp_path):
    path = write_file(tmp_path, "key,en,zh-TW,zh-CN\nk1,Smart grid,智慧電網,智能电网\n", "multi.csv")
    assert targets(read_csv(path, target_lang="zh-TW")) == ["智慧電網"]
    assert read_csv.warnings == []


def test_csv_named_columns_prefer_simplified_chinese_too(tmp_path):
    path = write_file(tmp_path, "English,Chinese (Traditional),Chinese (Simplified)\nGrid,電網,电网\n", "names.csv")
    assert targets(read_csv(path)) == ["电网"]
    assert "read Chinese (Simplified)" in read_csv.warnings[0]


def test_jsonl_with_traditional_and_simplified_keys_reads_the_simplified_one_and_warns_once(tmp_path):
    path = write_file(tmp_path, '{"en": "Smart grid", "zh-TW": "智慧電網", "zh-CN": "智能电网"}\n'
                                '{"en": "Grid", "zh-TW": "電網", "zh-CN": "电网"}\n', "multi.jsonl")
    assert targets(read_jsonl(path)) == ["智能电网", "电网"]
    assert read_jsonl.warnings == [f"{path}: several zh keys (zh-TW, zh-CN); read zh-CN; "
                                   "pass --target-lang to choose another"]
    assert targets(read_jsonl(path, target_lang="zh-Hant")) == ["智慧電網", "電網"]


def test_jsonl_keys_are_matched_in_any_case_like_csv_headers(tmp_path):
    path = write_file(tmp_path, '{"English": "Smart grid", "Chinese": "智能电网"}\n'
                                '{"Source": "Grid", "Target": "电网"}\n{"EN": "Save", "ZH-cn": "保存"}\n', "cap.jsonl")
    assert targets(read_jsonl(path)) == ["智能电网", "电网", "保存"]
