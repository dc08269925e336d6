"""Input built to break the reader ends in one error at file:line, exit 2, with a report in the
machine formats, never a traceback (exit 1, which CI reads as findings, and an empty SARIF file):
a baseline nested 200,000 deep or holding a number of 100,000 digits, a corpus number of 5,000
digits, a PO charset that is no character encoding (hex, base64, UTF-7). An i18n JSON file's lone
surrogate is refused as a JSON corpus's is; a glossary's YAML merge key is refused as anchors are.
Inputs too big to be what they claim stop without the memory or time they used to take."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from glossary_cli import glossary_yaml, glossary_yaml_read
from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
    forbidden: [聪明电网]
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.tsv").write_text("The smart grid.\t聪明电网。\n", encoding="utf-8")
    return tmp_path


def check(runner, *args):
    return runner.invoke(app, ["check", "g.yaml", *args])


def catalogue(charset: str, translation: str = "聪明电网。") -> str:
    return (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n"Language: zh_CN\\n"\n\n'
            f'msgid "The smart grid."\nmsgstr "{translation}"\n')


# ---------------------------------------------------------------- baselines

def test_a_baseline_nested_200000_deep_is_an_input_error_with_a_sarif_report(runner, project):
    Path("known.json").write_text('{"glossary_baseline": 1,\n"findings": ' + "[" * 200_000 + "]" * 200_000 + "}",
                                  encoding="utf-8")

    result = check(runner, "c.tsv", "--baseline", "known.json", "--format", "sarif")

    assert result.exit_code == 2
    assert result.stderr == ("error: known.json:2: not a glossary baseline: nested more than 100 deep (a baseline's "
                             "records are a list in an object); regenerate it with --write-baseline\n")
    assert json.loads(result.stdout)["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_a_baseline_version_of_100000_digits_is_an_input_error(runner, project):
    Path("known.json").write_text('{\n"glossary_baseline": ' + "9" * 100_000 + ', "findings": []}', encoding="utf-8")

    result = check(runner, "c.tsv", "--baseline", "known.json", "--format", "json")

    assert result.exit_code == 2
    assert result.stderr == ("error: known.json:2: not a glossary baseline: a number of 100,000 digits (at most 4,300 "
                             "are read); regenerate it with --write-baseline\n")
    assert result.stdout.startswith("{")


# ---------------------------------------------------------------- JSON corpora and resources

@pytest.mark.parametrize("name, text, where", [
    ("c.jsonl", '{"en": "The smart grid.", "zh": "聪明电网。"}\n{"en": "x", "zh": "y", "n": ' + "9" * 5000 + "}\n",
     "c.jsonl:2:29"),
    ("c.json", '[{"en": "The smart grid.", "zh": "聪明电网。"},\n {"en": "x", "zh": "y", "n": ' + "9" * 5000 + "}]\n",
     "c.json:2:30"),
])
def test_a_corpus_number_of_5000_digits_is_an_input_error(runner, project, name, text, where):
    Path(name).write_text(text, encoding="utf-8")

    result = check(runner, name)

    assert (result.exit_code, result.stderr) == (
        2, f"error: {where}: invalid JSON: a number of 5,000 digits (at most 4,300 are read)\n")


def test_a_lone_surrogate_in_an_i18n_json_file_is_refused_as_in_a_json_corpus(runner, project):
    Path("en.json").write_text('{\n  "title": "The smart grid \\ud800"\n}\n', encoding="utf-8")
    Path("zh-CN.json").write_text('{\n  "title": "聪明电网"\n}\n', encoding="utf-8")

    result = check(runner, "--source", "en.json", "--target", "zh-CN.json")

    assert (result.exit_code, result.stderr) == (
        2, "error: en.json:2:12: invalid JSON: the string holds the escape \\ud800, half of a UTF-16 pair without "
           "its other half (not a character)\n")


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("charset, why", [
    ("hex", "is no character encoding: Python's codec of that name transforms data, not text"),
    ("base64", "is no character encoding: Python's codec of that name transforms data, not text"),
    ("rot13", "is no character encoding: Python's codec of that name transforms data, not text"),
    ("punycode", "is no character encoding: Python's codec of that name encodes domain names"),
    ("undefined", "is no character encoding: Python's codec of that name refuses every byte"),
    ("unicode_escape", "is no character encoding: Python's codec of that name reads backslash escapes"),
])
def test_a_po_charset_that_is_no_character_encoding_is_an_error_at_its_line(runner, project, charset, why):
    Path("zh.po").write_text(catalogue(charset), encoding="utf-8")

    result = check(runner, "zh.po", "--format", "sarif")

    assert result.exit_code == 2
    assert result.stderr == f"error: zh.po:3: the header's charset={charset} {why}\n"
    assert json.loads(result.stdout)["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_a_utf7_po_is_refused(runner, project):
    """+gGpmDnU1elE- is 聪明电网 in UTF-7: text a reviewer of the diff does not see."""
    Path("zh.po").write_text(catalogue("UTF-7", "+gGpmDnU1elE-"), encoding="utf-8")

    result = check(runner, "zh.po")

    assert (result.exit_code, result.stderr) == (
        2, "error: zh.po:3: the header's charset=UTF-7 is refused: UTF-7 spells any character in plain ASCII (+ADw- "
           "is <), which hides text from review, and no PO or XML tool writes it; convert the file to UTF-8\n")


def test_encoding_option_naming_no_character_encoding_is_an_input_error(runner, project):
    result = check(runner, "c.tsv", "--encoding", "base64", "--format", "gitlab")

    assert result.exit_code == 2
    assert result.stderr == ("error: c.tsv: 'base64' is no character encoding: Python's codec of that name "
                             "transforms data, not text\n")
    assert json.loads(result.stdout)[0]["location"]["path"] == "c.tsv"


# ---------------------------------------------------------------- glossary YAML

def test_a_yaml_merge_key_in_a_glossary_is_refused_as_anchors_are(runner, project):
    Path("g.yaml").write_text("glossary: 1\nterms:\n  - <<: {source: smart grid, target: 智能电网}\n"
                              "    status: approved\n", encoding="utf-8")

    result = check(runner, "c.tsv")

    assert (result.exit_code, result.stderr) == (
        2, "error: g.yaml:3:5: the merge key '<<' is not allowed in a glossary (it copies a mapping, which needs "
           "anchors and aliases); write the keys out\n")


def test_a_glossary_of_a_hundred_million_characters_is_refused(runner, project):
    """A note of 100 million characters (a file pasted in) read as a glossary took 1.2 GB; at 600
    million, a MemoryError traceback."""
    text = GLOSSARY + "    note: " + "n" * 100_000_000 + "\n"
    Path("g.yaml").write_text(text, encoding="utf-8")

    result = runner.invoke(app, ["validate", "g.yaml"])

    assert result.exit_code == 2
    column = 100_000_000 - len(GLOSSARY) + 1  # of the first character past the limit
    assert result.stderr == (f"error: g.yaml:8:{column}: a glossary file holds at most 100,000,000 characters "
                             f"(100,000 entries take about 60 million); this one holds {len(text):,} and goes past "
                             "the limit here: is it a glossary?\ng.yaml: 1 problem\n")


# ---------------------------------------------------------------- size

def test_a_po_message_split_over_many_lines_is_read_in_one_piece(runner, project, monkeypatch):
    """polib added each continuation line to the message read so far, copying it each time: 1.6
    million lines took 50 s. Each string now reaches polib whole, on its first line."""
    pieces: list[str] = []
    handle_mc = polib._POFileParser.handle_mc
    monkeypatch.setattr(polib._POFileParser, "handle_mc", lambda parser: pieces.append("") or handle_mc(parser))
    Path("zh.po").write_text(catalogue("UTF-8", "") + '"聪明"\n' + '"电"\n"网"\n' * 5_000 + '"。"\n',
                             encoding="utf-8")

    result = runner.invoke(app, ["check", "g.yaml", "zh.po", "--format", "json"])

    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["target"] == "聪明" + "电网" * 5_000 + "。"
    assert (finding["line"], finding["column"]) == (8, 2)
    assert len(pieces) <= 2  # the header's continuations, joined too


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_AS"), reason="no address-space limit here")
def test_a_150_mb_line_in_a_named_file_is_refused_in_little_memory(project):
    with open("huge.tsv", "wb") as handle:
        handle.write(b"The smart grid.\t\xe8\x81\xaa\xe6\x98\x8e\xe7\x94\xb5\xe7\xbd\x91\xe3\x80\x82\n")
        block = b"smart grid " * 100_000
        for _ in range(150_000_000 // len(block)):
            handle.write(block)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))

    done = subprocess.run([sys.executable, "-m", "glossary_cli", "check", "g.yaml", "huge.tsv"], capture_output=True,
                          text=True, preexec_fn=limit_memory, env={**os.environ, "NO_COLOR": "1"})

    assert (done.returncode, done.stderr) == (
        2, "error: huge.tsv:2: a line of 149,600,000 characters; a segment holds at most 100,000, so this is not "
           "line-aligned text (are the line breaks missing?)\n")


def test_a_glossary_far_past_the_limit_is_refused_without_reading_it_all(runner, project, monkeypatch):
    """/dev/zero given as the glossary ran out of memory (a MemoryError traceback); reading now
    stops at the limit, here made small."""
    monkeypatch.setattr(glossary_yaml_read, "MAX_GLOSSARY_CHARS", 1_000)
    monkeypatch.setattr(glossary_yaml, "_READ_SIZE", 64)
    Path("g.yaml").write_text(GLOSSARY + "    note: |\n" + "      一行说明\n" * 100_000, encoding="utf-8")
    read = []

    class Watched(io.BufferedReader):
        def read(self, size=-1):
            data = super().read(size)
            read.append(len(data))
            return data

    monkeypatch.setattr(glossary_yaml, "open", lambda path, mode: Watched(io.FileIO(path, mode)), raising=False)
    result = runner.invoke(app, ["validate", "g.yaml"])

    assert result.exit_code == 2
    line = (1_000 - len(GLOSSARY) - len("    note: |\n")) // len("      一行说明\n") + len(GLOSSARY.splitlines()) + 2
    assert result.stderr.startswith(f"error: g.yaml:{line}:")
    assert "a glossary file holds at most 1,000 characters" in result.stderr and "this one holds more" in result.stderr
    assert sum(read) < 10_000  # of 1.8 MB


def test_a_byte_that_is_not_utf8_is_located_across_the_pieces_a_glossary_is_read_in(runner, project, monkeypatch):
    monkeypatch.setattr(glossary_yaml, "_READ_SIZE", 7)  # cuts 智能电网 inside its characters
    raw = GLOSSARY.encode() + "    note: 智能电网\n".encode() + b"    comment: f\xfcr\n"
    Path("g.yaml").write_bytes(raw)

    result = runner.invoke(app, ["validate", "g.yaml"])

    assert result.exit_code == 2
    column = len("    comment: f") + 1
    assert result.stderr.startswith(f"error: g.yaml:{len(GLOSSARY.splitlines()) + 2}:{column}: not UTF-8 (byte 0xFC); "
                                    "glossary files are UTF-8")
