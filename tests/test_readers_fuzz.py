"""Readers never crash: arbitrary bytes or text give pairs or a GlossaryError, nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_cli.errors import GlossaryError
from glossary_cli.models import SegmentPair
from glossary_cli.readers import InputFormat, ReadOptions, read_pairs, reader_for

READERS = {  # format -> the extension a user would give such a file
    InputFormat.TMX: ".tmx", InputFormat.XLIFF: ".xlf", InputFormat.PO: ".po",
    InputFormat.CSV: ".csv", InputFormat.JSONL: ".jsonl",
}

# Pieces of the real formats, so that generated files get past the first line of each parser.
FRAGMENTS = [
    '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="GB18030"?>', "<tmx version=\"1.4\">",
    "<body>", "</body>", "<tu tuid=\"1\">", "</tu>", '<tuv xml:lang="en">', '<tuv xml:lang="zh-CN">', "</tuv>",
    "<seg>", "</seg>", "<ph>{0}</ph>", "<bpt i=\"1\">", "</bpt>", "</tmx>", '<xliff version="1.2">',
    '<xliff version="2.0" srcLang="zh" trgLang="en">', '<file source-language="en" target-language="zh">', "</file>",
    '<trans-unit id="a">', "</trans-unit>", "<source>", "</source>", "<target>", "</target>", '<target state="new">',
    "<x id=\"1\"/>", "<g id=\"2\">", "</g>", '<unit id="u">', "<segment>", "</segment>", "</xliff>",
    '<!DOCTYPE a [<!ENTITY e "x">]>', "&e;", "&amp;", "&#0;", "<![CDATA[", "]]>",
    'msgid ""', 'msgstr ""', 'msgid "Save"', 'msgstr "保存"', 'msgid_plural "Saves"', 'msgstr[0] "保存"',
    'msgctxt "menu"', "#, fuzzy", "#~ ", '"continued"', "#: a.py:1",
    "en,zh", "source,target", '"Save, all",全部保存', "Save;保存", '{"en": "Save", "zh": "保存"}',
    '{"translation": {"en": null}}', "[", "{", '"', "\t", "\r\n", "\n", " ", "保存", "Save", "\ufeff", "\x00", "\u2028",
]

structured_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=40).map("".join)
encodings = st.sampled_from(["utf-8", "utf-16", "gb18030", "latin-1"])


def read_all(path: Path, input_format: InputFormat, encoding: str | None = None) -> list[SegmentPair]:
    options = ReadOptions(encoding=encoding, include_fuzzy=True)
    pairs = list(reader_for(input_format)(str(path), options))
    assert all(isinstance(pair, SegmentPair) and pair.source and pair.target for pair in pairs)
    return pairs


def never_crashes(data: bytes, input_format: InputFormat, encoding: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{READERS[input_format]}"
        path.write_bytes(data)
        try:
            read_all(path, input_format, encoding)
        except GlossaryError as error:
            assert str(error)  # a message a person can read
            assert error.path == str(path)


# At least 200 examples in CI; more under --hypothesis-profile=ci-long.
FUZZ = settings(max_examples=max(200, settings.default.max_examples), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("input_format", list(READERS))
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(input_format, data):
    never_crashes(data, input_format)


@pytest.mark.parametrize("input_format", list(READERS))
@FUZZ
@given(text=st.text(max_size=500))
def test_arbitrary_unicode(input_format, text):
    never_crashes(text.encode("utf-8", errors="surrogatepass"), input_format)


@pytest.mark.parametrize("input_format", list(READERS))
@FUZZ
@given(text=structured_text, encoding=encodings, declared=st.booleans())
def test_format_shaped_text_in_any_encoding(input_format, text, encoding, declared):
    data = text.encode(encoding, errors="replace")
    never_crashes(data, input_format, encoding if declared else None)


@FUZZ
@given(text=structured_text)
def test_auto_detection_on_format_shaped_text(text):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "input.data"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        try:
            list(read_pairs([str(path)]))
        except GlossaryError:
            pass
