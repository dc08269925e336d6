"""A .json file is an array of the records JSON Lines holds; any other JSON document is an error,
never interleaved text split where the script changes."""

import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.models import Location
from glossary_cli.readers import InputFormat, read_pairs, sniff_format
from tests.support import write_file

ARRAY = """\
[
  {"en": "Smart grid", "zh": "智慧网络"},
  {"source": "Energy storage system",
   "target": "蓄能系统"},
  {"translation": {"en": "Grid status", "zh": "状态"}}
]
"""


def read(path: str, **options):
    return list(read_pairs([path], **options))


def test_a_json_array_gives_one_pair_per_record_at_the_line_of_its_brace(tmp_path):
    path = write_file(tmp_path, ARRAY, "pairs.json")
    assert [(pair.source, pair.target, pair.location) for pair in read(path)] == [
        ("Smart grid", "智慧网络", Location(path, 2)),
        ("Energy storage system", "蓄能系统", Location(path, 3)),
        ("Grid status", "状态", Location(path, 5))]


def test_the_one_line_array_of_the_qa_report_gives_three_pairs(tmp_path):
    path = write_file(tmp_path, '[{"en": "Smart grid", "zh": "智慧网络"}, {"en": "Energy storage system", '
                                '"zh": "蓄能系统"}, {"en": "Grid status", "zh": "状态"}]', "pairs.json")
    assert [pair.target for pair in read(path)] == ["智慧网络", "蓄能系统", "状态"]


def test_a_json_array_without_an_extension_is_sniffed_as_json():
    assert sniff_format("pairs", '[{"en": "Save", "zh": "保存"}]') is InputFormat.JSON
    assert sniff_format("pairs", '{\n  "Save": "保存"\n}\n') is InputFormat.JSON
    assert sniff_format("pairs", '{"en": "Save", "zh": "保存"}\n') is InputFormat.JSONL


def test_json_lines_saved_as_json_is_read_as_json_lines(tmp_path):
    path = write_file(tmp_path, '{"en": "Save", "zh": "保存"}\n{"en": "Open", "zh": "打开"}\n', "pairs.json")
    assert [(pair.source, pair.location.line) for pair in read(path)] == [("Save", 1), ("Open", 2)]


@pytest.mark.parametrize("name, body, line, message", [
    ("strings.json", '{"Save": "保存", "Open": "打开"}\n', 1, "a JSON document holding an object: an i18n resource "
     "file, whose strings pair by key with its English file's? Give both, --source ENGLISH-FILE --target "),
    ("nested", '{\n  "menu": {"Save": "保存"}\n}\n', 1, "a JSON document holding an object:"),
    ("string.json", '"Save"\n', 1, "a JSON document holding a string; expected an array of records such as "
     '[{"en": "...", "zh": "..."}] (or JSON Lines, one record per line)'),
    ("numbers.json", '[\n  {"en": "Save", "zh": "保存"},\n  3\n]\n', 3, "expected an array of JSON objects, found a number"),
    ("cut.json", '[\n  {"en": "Save", "zh": "保存"}\n  {"en": "Open", "zh": "打开"}\n]\n', 3,
     "invalid JSON: expected ',' or ']' after a record"),
    ("keys.json", '[{"english": "Save", "zh": "保存"}, {"key": "open"}]', 1, 'no "en" key (keys here: key)'),
])
def test_other_json_documents_are_errors_at_a_line(tmp_path, name, body, line, message):
    path = write_file(tmp_path, body, name)
    with pytest.raises(InputFormatError) as raised:
        read(path)
    assert raised.value.line == line
    assert raised.value.message.startswith(message)


def test_check_of_a_json_array_finds_every_wrong_record(runner, tmp_path, monkeypatch):
    from glossary_cli.cli.common import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                                     "  - {source: grid, target: 电网, status: approved}\n"
                                     "  - {source: energy storage, target: 储能, status: approved}\n",
                                     encoding="utf-8")
    write_file(tmp_path, ARRAY, "pairs.json")
    result = runner.invoke(app, ["check", "g.yaml", "pairs.json"])
    assert result.exit_code == 1, result.output
    assert [line.split()[0] for line in result.stdout.splitlines() if "error GL001" in line] == \
        ["pairs.json:2", "pairs.json:3", "pairs.json:5"]
