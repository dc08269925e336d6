"""Format detection: by extension first, then by content; termbases and unknown XML refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.errors import InputFormatError, UsageError
from glossary_cli.readers import InputFormat, detect_format, read_pairs, reader_for


@pytest.mark.parametrize("name, expected", [
    ("memory.tmx", InputFormat.TMX), ("MEMORY.TMX", InputFormat.TMX),
    ("messages.xlf", InputFormat.XLIFF), ("messages.xliff", InputFormat.XLIFF),
    ("zh_CN.po", InputFormat.PO), ("app.pot", InputFormat.PO),
    ("pairs.csv", InputFormat.CSV), ("pairs.jsonl", InputFormat.JSONL), ("pairs.ndjson", InputFormat.JSONL),
    ("pairs.tsv", InputFormat.TSV), ("article.txt", InputFormat.TEXT),
])
def test_extension_decides(name, expected):
    assert detect_format(name, "whatever the content") is expected


@pytest.mark.parametrize("head, expected", [
    ('<?xml version="1.0"?>\n<!-- memory -->\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">', InputFormat.TMX),
    ('\ufeff<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">', InputFormat.XLIFF),
    ('<xliff:xliff xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">', InputFormat.XLIFF),
    ('# Chinese translation\n#, fuzzy\nmsgid ""\nmsgstr ""\n', InputFormat.PO),
    ('msgctxt "menu"\nmsgid "Save"\nmsgstr "保存"\n', InputFormat.PO),
    ('{"en": "Save", "zh": "保存"}\n', InputFormat.JSONL),
    ("Save\t保存\nOpen\t打开\n", InputFormat.TSV),
    ("en,zh,status,note\nSave,保存,approved,\n", InputFormat.CSV),
    ("English,Chinese\nSave,保存\n", InputFormat.CSV),
    ("The grid, as planned, works.\n电网按计划运行。\n", InputFormat.TEXT),
])
def test_content_decides_when_the_extension_says_nothing(head, expected):
    assert detect_format("corpus.data", head) is expected


@pytest.mark.parametrize("name, head", [
    ("terms.tbx", ""),
    ("terms.xml", '<?xml version="1.0"?><tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2">'),
    ("terms.xml", '<?xml version="1.0"?><martif type="TBX">'),
])
def test_a_termbase_is_sent_to_glossary_import(name, head):
    with pytest.raises(UsageError, match="is a TBX termbase, not aligned text; load it with `glossary import`"):
        detect_format(name, head)


def test_unknown_xml_is_refused_rather_than_read_as_text():
    with pytest.raises(InputFormatError, match="an XML document with root <html>"):
        detect_format("page.xml", "<html><body>")


def test_every_format_has_a_reader():
    for input_format in InputFormat:
        if input_format is not InputFormat.AUTO:
            assert callable(reader_for(input_format))


def test_utf16_files_are_sniffed_through_their_byte_order_mark(tmp_path):
    path = tmp_path / "memory.data"
    body = ('<?xml version="1.0" encoding="UTF-16"?>\n<tmx version="1.4"><body>'
            '<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh"><seg>口罩</seg></tuv></tu></body></tmx>')
    path.write_bytes(body.encode("utf-16"))
    assert [(pair.source, pair.target) for pair in read_pairs([str(path)])] == [("mask", "口罩")]


def test_files_of_different_formats_read_in_one_call(tmp_path):
    tsv, jsonl = tmp_path / "a.tsv", tmp_path / "b.jsonl"
    tsv.write_text("Save\t保存\n", encoding="utf-8")
    jsonl.write_text('{"en": "Open", "zh": "打开"}\n', encoding="utf-8")
    found = list(read_pairs([str(tsv), str(jsonl)]))
    assert [(pair.source, str(pair.location)) for pair in found] == [("Save", f"{tsv}:1"), ("Open", f"{jsonl}:1")]


def test_missing_file_is_reported_by_the_reader_not_the_sniffer(tmp_path):
    missing = Path(tmp_path) / "nope.data"
    with pytest.raises(InputFormatError, match="no such file"):
        list(read_pairs([str(missing)]))
