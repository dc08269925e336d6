"""Keyed resource readers never crash: arbitrary text in a strings.xml, .strings, .json, .arb or
.properties file gives pairs or a GlossaryError (one line, exit 2), nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary_cli.errors import GlossaryError
from glossary_cli.readers import ReadOptions, read_parallel

# Pieces of the real formats, so that generated files get past the first character of each parser.
FRAGMENTS = [
    "<resources>", "</resources>", '<string name="a">', '<string name="b" translatable="false">', "</string>",
    '<plurals name="p">', '<item quantity="other">', "<item>", "</item>", "</plurals>", '<string-array name="s">',
    '<xliff:g id="x" xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">', "</xliff:g>", "<b>", "</b>",
    "<![CDATA[", "]]>", "\\'", '\\"', "\\u4e2d", "\\u12", "\\", "@string/x",
    '"a" = "b";', '"a" = ', "/*", "*/", "//", "\\U8BBE", "\\101", ";", "=",
    "{", "}", "[", "]", ",", ":", '"key"', '"值"', "\\ud800", "true", "-1.5e3", '"@@locale"', '"@a"',
    "key=value", "key: value", "# comment", "! comment", "\\\n", "\r\n", "\n", " ", "\t", "保存", "Save", "\ufeff",
]

structured_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=40).map("".join)


@pytest.mark.parametrize("extension", [".xml", ".strings", ".json", ".arb", ".properties"])
@settings(max_examples=200, deadline=None)
@given(english=structured_text, chinese=structured_text, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_keyed_files_give_pairs_or_one_error(extension, english, chinese, encoding):
    with tempfile.TemporaryDirectory() as directory:
        paths = [Path(directory) / f"{name}{extension}" for name in ("en", "zh")]
        for path, text in zip(paths, (english, chinese)):
            path.write_bytes(text.encode(encoding, errors="replace"))
        try:
            pairs = list(read_parallel(*map(str, paths), options=ReadOptions()))
        except GlossaryError:
            return
        assert all(pair.source and pair.target for pair in pairs)
