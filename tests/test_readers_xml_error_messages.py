"""A TMX or XLIFF that is not well-formed says what is wrong where: an `&` or `<` not escaped
(R&D, a <3), a control character XML cannot hold (U+000B, common in old translation-memory
exports), an entity XML does not define (&nbsp;), bytes not in the file's encoding. Only the last
is told to pass --encoding; each names the file, line and column of the culprit, with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = "glossary: 1\nterms:\n  - {source: file, target: 文件, status: approved}\n"


def tmx(english: str, chinese: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
            f'<tu><tuv xml:lang="en"><seg>{english}</seg></tuv><tuv xml:lang="zh"><seg>{chinese}</seg></tuv></tu>\n'
            '</body></tmx>\n')


LINE = '<tu><tuv xml:lang="en"><seg>'  # the English text starts at column 29 of line 3
BETWEEN = '</seg></tuv><tuv xml:lang="zh"><seg>'  # from the English text to the Chinese


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def check_error(runner, name: str) -> str:
    result = runner.invoke(app, ["check", "g.yaml", name])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.stderr


CASES = [
    ("an unescaped ampersand", "R&D file", "研发文件", 3, len(LINE) + 2,
     'unescaped "&" in "R&D"; XML needs it written as &amp;'),
    ("an ampersand standing alone", "Tom & Jerry file", "文件", 3, len(LINE) + 5,
     'unescaped "&"; XML needs it written as &amp;'),
    ("a broken character reference", "file &#xZZ; here", "文件", 3, len(LINE) + 6,
     'unescaped "&" in "&#xZZ;"; XML needs it written as &amp;'),
    ("an unescaped less-than sign", "file a <3 b", "文件", 3, len(LINE) + 8,
     'unescaped "<" in "<3"; XML needs it written as &lt;'),
    ("a control character", "file", "文件\x0b", 3, len(LINE) + 4 + len(BETWEEN) + 3,
     "the control character U+000B is not allowed in XML (not even as &#11;); remove it"),
    ("an entity HTML has and XML does not", "file&nbsp;name", "文件", 3, len(LINE) + 5,
     "undefined entity &nbsp; (XML defines only &amp;, &lt;, &gt;, &quot; and &apos;); write the character itself "
     "or &#160;"),
]


@pytest.mark.parametrize("english, chinese, line, column, reason", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_a_malformed_memory_says_what_is_wrong_where(runner, workdir, english, chinese, line, column, reason):
    Path("m.tmx").write_text(tmx(english, chinese), encoding="utf-8")
    assert check_error(runner, "m.tmx") == f"error: m.tmx:{line}:{column}: malformed TMX: {reason}\n"


def test_gbk_bytes_in_a_utf8_memory_are_named_with_the_option_that_reads_them(runner, workdir):
    Path("m.tmx").write_bytes(tmx("Open file", "打开文件").encode("gb18030"))
    assert check_error(runner, "m.tmx") == (
        f"error: m.tmx:3:{len(LINE) + 9 + len(BETWEEN) + 1}: malformed TMX: bytes that "
        "are not UTF-8 (the file looks like GB18030/GBK); pass --encoding gb18030\n")


def test_other_bytes_that_are_not_utf8_point_at_encoding(runner, workdir):
    Path("m.tmx").write_bytes(tmx("Open file", "打开文件").encode("utf-8").replace("打".encode(), b"\xff\xfe\xfd"))
    stderr = check_error(runner, "m.tmx")
    assert stderr.endswith(": malformed TMX: bytes that are not UTF-8; if the file is in another encoding, "
                           "pass --encoding\n")


def test_an_xliff_with_a_raw_ampersand_in_an_attribute(runner, workdir):
    Path("a.xlf").write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file original="R&D" '
                             'source-language="en" target-language="zh"><body/></file></xliff>\n', encoding="utf-8")
    assert check_error(runner, "a.xlf") == ('error: a.xlf:3:18: malformed XLIFF: unescaped "&" in "R&D";'
                                            ' XML needs it written as &amp;\n')


def test_a_binary_file_named_xliff_reads_as_english(runner, workdir):
    Path("photo.xlf").write_bytes(bytes(range(256)) * 4)
    assert check_error(runner, "photo.xlf") == "error: photo.xlf: binary file (NUL bytes); expected an XLIFF document\n"
