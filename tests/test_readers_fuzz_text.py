"""The readers test_readers_fuzz.py leaves out never crash either: interleaved text, TSV, two
line-aligned files, and the import side (CSV/TSV tables, TBX). Arbitrary bytes or text give
pairs (or a glossary) or a GlossaryError naming the file, nothing else.

Examples: at least 200 per property, more under `--hypothesis-profile=ci-long`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_cli.errors import GlossaryError
from glossary_cli.exchange import ExchangeFormat, import_glossary
from glossary_cli.readers import InputFormat, ReadOptions, read_pairs, read_parallel

FUZZ = settings(max_examples=max(200, settings.default.max_examples), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = ["Smart grid", "智能电网", "\t", "\n", "\r\n", "\r", " ", "\ufeff", "\x00", "\u2028", "\x85", "en\tzh",
             "en,zh,status,note", '"', ",", "approved", "forbidden", "rejected", "V2G 车网互动", "A B C 甲乙",
             "<?xml version=\"1.0\"?>", '<tbx xmlns="urn:iso:std:iso:30042:ed-2">', "<text><body>",
             '<conceptEntry id="1">', '<langSec xml:lang="en">', '<langSec xml:lang="zh">', "<termSec>",
             "<term>", "</term>", "</termSec>", "</langSec>", "</conceptEntry>", "</body></text></tbx>",
             "<martif>", '<!DOCTYPE tbx [<!ENTITY e "x">]>', "&e;", "&amp;"]
shaped = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=40).map("".join)
encodings = st.sampled_from(["utf-8", "utf-16", "gb18030", "latin-1"])


def never_crashes(read, files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        paths = []
        for name, data in files.items():
            path = Path(directory) / name
            path.write_bytes(data)
            paths.append(str(path))
        try:
            read(*paths)
        except GlossaryError as error:
            assert str(error)
            assert error.path is None or error.path in paths  # a usage error may name no file


def corpus(input_format: InputFormat, encoding: str | None = None):
    def read(path: str) -> None:
        for pair in read_pairs([path], input_format=input_format, options=ReadOptions(encoding=encoding)):
            assert pair.source and pair.target

    return read


def table_or_termbase(exchange_format: ExchangeFormat, encoding: str | None = None):
    def read(path: str) -> None:
        import_glossary(path, from_format=exchange_format, encoding=encoding)

    return read


def parallel(source: str, target: str) -> None:
    for pair in read_parallel(source, target):
        assert pair.source and pair.target


@pytest.mark.parametrize("input_format", [InputFormat.TEXT, InputFormat.TSV, InputFormat.AUTO])
@FUZZ
@given(data=st.binary(max_size=2000))
def test_text_readers_on_arbitrary_bytes(input_format, data):
    never_crashes(corpus(input_format), {"input.data": data})


@pytest.mark.parametrize("input_format", [InputFormat.TEXT, InputFormat.TSV])
@FUZZ
@given(text=shaped, encoding=encodings, declared=st.booleans())
def test_text_readers_on_shaped_text_in_any_encoding(input_format, text, encoding, declared):
    data = text.encode(encoding, errors="replace")
    never_crashes(corpus(input_format, encoding if declared else None), {"input.txt": data})


@FUZZ
@given(source=st.text(max_size=300), target=st.binary(max_size=300))
def test_parallel_files_on_arbitrary_content(source, target):
    never_crashes(parallel, {"a.en": source.encode("utf-8", errors="surrogatepass"), "a.zh": target})


@pytest.mark.parametrize("exchange_format", list(ExchangeFormat))
@FUZZ
@given(data=st.binary(max_size=2000))
def test_import_on_arbitrary_bytes(exchange_format, data):
    never_crashes(table_or_termbase(exchange_format), {"terms.data": data})


@pytest.mark.parametrize("exchange_format", list(ExchangeFormat))
@FUZZ
@given(text=shaped, encoding=encodings, declared=st.booleans())
def test_import_on_shaped_text_in_any_encoding(exchange_format, text, encoding, declared):
    data = text.encode(encoding, errors="replace")
    never_crashes(table_or_termbase(exchange_format, encoding if declared else None), {"terms.data": data})
