"""A TMX or XLIFF whose declaration names a single-byte encoding (ISO-8859-1, windows-1252: a
legacy exporter's hard-coded header) but whose bytes are UTF-8 Chinese is read as UTF-8, with a
warning, as a PO so labelled is: no single-byte encoding holds Chinese, so the label is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers import ReadOptions, read_pairs
from tests.support import FILE_NOT_DANGAN

GLOSSARY = FILE_NOT_DANGAN


def tmx(declaration: str, english: str, chinese: str) -> str:
    return (f'<?xml version="1.0" encoding="{declaration}"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
            f'<tu tuid="1"><tuv xml:lang="en"><seg>{english}</seg></tuv>'
            f'<tuv xml:lang="zh-CN"><seg>{chinese}</seg></tuv></tu>\n</body></tmx>\n')


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1252", "latin1"])
def test_check_reads_a_utf8_memory_labelled_single_byte_as_utf8(runner, workdir, declared):
    Path("memory.tmx").write_bytes(tmx(declared, "Open the file", "打开文件").encode("utf-8"))
    result = runner.invoke(app, ["check", "g.yaml", "memory.tmx"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings in 1 pair, 1 approved term.\n"
    assert result.stderr == (f"warning: memory.tmx:1: declares encoding={declared}, but its bytes are UTF-8 "
                             "Chinese; read as UTF-8\n")


def test_the_forbidden_rendering_is_then_found(runner, workdir):
    Path("memory.tmx").write_bytes(tmx("ISO-8859-1", "Open the file", "打开档案").encode("utf-8"))
    result = runner.invoke(app, ["check", "g.yaml", "memory.tmx"])
    assert result.exit_code == 1, result.output
    assert "memory.tmx:3:" in result.stdout and "GL002" in result.stdout and "打开档案" in result.stdout


def test_an_xliff_so_labelled_is_read_as_utf8_too(workdir):
    document = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
                '<xliff version="1.2"><file source-language="en" target-language="zh-CN" original="a"><body>\n'
                '<trans-unit id="1"><source>Open the file</source><target>打开文件</target></trans-unit>\n'
                '</body></file></xliff>\n')
    Path("a.xlf").write_bytes(document.encode("utf-8"))
    warnings: list[str] = []
    pairs = list(read_pairs(["a.xlf"], options=ReadOptions(on_warning=warnings.append)))
    assert [(pair.source, pair.target) for pair in pairs] == [("Open the file", "打开文件")]
    assert warnings == ["a.xlf:1: declares encoding=ISO-8859-1, but its bytes are UTF-8 Chinese; read as UTF-8"]


def test_a_real_latin1_file_is_still_read_as_latin1(workdir):
    # Chinese as character references, an accented English word in Latin-1 bytes
    Path("memory.tmx").write_bytes(tmx("ISO-8859-1", "Open the café file", "&#25171;&#24320;&#25991;&#20214;")
                                   .encode("latin-1"))
    warnings: list[str] = []
    pairs = list(read_pairs(["memory.tmx"], options=ReadOptions(on_warning=warnings.append)))
    assert [(pair.source, pair.target) for pair in pairs] == [("Open the café file", "打开文件")]
    assert warnings == []


def test_encoding_given_on_the_command_line_is_obeyed_without_a_warning(runner, workdir):
    Path("memory.tmx").write_bytes(tmx("ISO-8859-1", "Open the file", "打开文件").encode("utf-8"))
    result = runner.invoke(app, ["check", "g.yaml", "memory.tmx", "--encoding", "utf-8"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
