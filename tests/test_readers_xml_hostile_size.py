"""XML made to exhaust the reader: a segment of millions of lines is refused as soon as it holds
more than a segment may, at the line where it starts, with the memory that takes (a 90 MB <source>
had grown to 2.9 GB, and died of a MemoryError traceback, before it was measured); and an XML
declaration naming a codec of Python's that reads no text (rot13, hex, punycode) is one error at
line 1, not a traceback with exit code 1."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.errors import InputFormatError
from glossary_cli.readers import ReadOptions, read_pairs
from tests.support import SMART_GRID_APPROVED

XLIFF_HEAD = ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="zh-CN"><body>\n'
              '<trans-unit id="1">\n')
XLIFF_TAIL = "<target>聪明电网</target></trans-unit>\n</body></file></xliff>\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")


def test_a_source_of_a_million_lines_is_refused_where_it_starts(runner):
    Path("huge.xlf").write_text(XLIFF_HEAD + "<source>The smart grid " + "a \n" * 1_000_000 + "</source>" + XLIFF_TAIL,
                                encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "huge.xlf"])
    assert result.exit_code == 2
    assert result.stderr == ("error: huge.xlf:4: a segment of over 100,000 characters; a segment holds at most "
                             "100,000 (split it into sentences)\n")


@pytest.mark.parametrize("name, body", [
    ("words.xlf", XLIFF_HEAD + "<source>The smart grid " + "a \n" * 1_000_000 + "</source>" + XLIFF_TAIL),
    ("codes.xlf", XLIFF_HEAD + "<source>The smart grid" + '<x id="1"/>\n' * 1_000_000 + "</source>" + XLIFF_TAIL),
    ("codes.tmx", '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en">'
                  "<seg>The smart grid</seg></tuv><tuv xml:lang=\"zh\"><seg>" + "聪明<ph>x</ph>\n" * 500_000
                  + "</seg></tuv></tu></body></tmx>\n"),
])
def test_reading_a_huge_segment_stops_before_it_fills_the_memory(name, body):
    """Words, or inline codes with no words (which the length of the words alone would not stop)."""
    Path(name).write_text(body, encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(InputFormatError, match=r": a (segment|<source>) of over"):
            list(read_pairs([name], options=ReadOptions()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000, f"{peak:,} bytes"  # read whole, they took 86 MB to 367 MB


def test_a_source_of_codes_and_spaces_says_what_it_holds(runner):
    Path("codes.xlf").write_text(XLIFF_HEAD + "<source>The smart grid" + '<x id="1"/>\n' * 1_000_000 + "</source>"
                                 + XLIFF_TAIL, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "codes.xlf"])
    assert result.exit_code == 2
    assert result.stderr == ("error: codes.xlf:4: a <source> of over 1,000,000 bytes of text and markup; a "
                             "segment holds at most 100,000 characters of text (split it into sentences)\n")


@pytest.mark.parametrize("codec", ["rot13", "hex", "base64", "zlib", "punycode", "undefined"])
def test_an_xml_declaration_naming_no_text_encoding_is_one_error_at_line_1(runner, codec):
    Path("memory.tmx").write_text(
        f'<?xml version="1.0" encoding="{codec}"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
        '<tu><tuv xml:lang="en"><seg>The smart grid</seg></tuv><tuv xml:lang="zh"><seg>grid</seg></tuv></tu>\n'
        "</body></tmx>\n", encoding="ascii")
    result = runner.invoke(app, ["check", "g.yaml", "memory.tmx", "--format", "sarif"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: memory.tmx:1: the XML declaration's encoding={codec} is no character "
                                    "encoding: ")
    assert result.stderr.count("\n") == 1
    assert '"startLine": 1' in result.stdout  # the machine report says so too


@pytest.mark.parametrize("name, head, tail", [
    ("note.xlf", XLIFF_HEAD + "<source>The smart grid</source>\n<note>", "</note>" + XLIFF_TAIL),
    ("prop.tmx", '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en">\n<prop type="x-notes">',
     '</prop></header><body>\n<tu><tuv xml:lang="en"><seg>The smart grid</seg></tuv><tuv xml:lang="zh">'
     "<seg>聪明电网</seg></tuv></tu></body></tmx>\n"),
])
def test_a_huge_note_or_header_property_is_refused_where_it_starts(runner, name, head, tail):
    """Not a segment, so no segment limit applied: a <note> or <prop> of 90 MB was held whole."""
    Path(name).write_text(head + "a note line\n" * 1_000_000 + tail, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", name])
    assert result.exit_code == 2
    line = head.count("\n") + 1
    kind = "XLIFF" if name.endswith(".xlf") else "TMX"
    element = "note" if name.endswith(".xlf") else "prop"
    assert result.stderr == (f"error: {name}:{line}: over 10,000,000 characters of text in one {kind} unit or header "
                             f"(the last in <{element}>); no real file holds so much in one place, so this one is "
                             "refused as broken\n")
