"""An XLIFF 1.2 document holds one <file> per source file, each declaring its own languages. A
<file> in another language is skipped with one warning while the Chinese ones are read; only a
document with no <file> in the wanted languages is an error. A file that declares no target
language (as Angular's messages.fr.xlf) and holds no Chinese at all is read, with a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.errors import OtherLanguageError
from glossary_cli.readers import ReadOptions, read_pairs

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: grid
    target: 电网
    status: approved
"""


def xliff(*files: tuple[str, str, str]) -> str:
    """A document of <file> elements, each (target-language attribute, source text, target text)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            + "".join(f'<file original="app" source-language="en" {language} datatype="plaintext"><body>\n'
                      f'<trans-unit id="1"><source>{source}</source><target>{target}</target></trans-unit>\n'
                      '</body></file>\n' for language, source, target in files)
            + "</xliff>\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def test_the_chinese_file_is_checked_and_the_japanese_one_skipped_with_a_warning(runner, workdir):
    Path("multi.xlf").write_text(xliff(('target-language="zh-CN"', "Grid status", "状态"),
                                       ('target-language="ja"', "Grid status", "送電網の状態"),
                                       ('target-language="de"', "Grid status", "Netzstatus")), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "multi.xlf"])
    assert result.exit_code == 1, result.output  # the zh <file> says 状态 for "grid"
    assert "  multi.xlf:4:" in result.stdout and "1 finding (GL001 1) in 1 pair" in result.stdout
    assert result.stderr == "warning: multi.xlf:6: 2 <file> element(s) in other languages skipped (first one here: en -> ja)\n"


def test_a_document_with_no_file_in_the_wanted_languages_is_an_error(tmp_path):
    path = tmp_path / "ja.xlf"
    path.write_text(xliff(('target-language="ja"', "Grid status", "送電網の状態"),
                          ('target-language="ko"', "Grid status", "그리드 상태")), encoding="utf-8")
    with pytest.raises(OtherLanguageError, match="file translates en -> ja, not en <-> zh") as error:
        list(read_pairs([str(path)]))
    assert error.value.line == 3


def test_an_undeclared_target_language_without_any_chinese_is_read_with_a_warning(tmp_path):
    path = tmp_path / "messages.fr.xlf"
    path.write_text(xliff(("", "Grid status", "État du réseau")), encoding="utf-8")
    warnings: list[str] = []
    found = list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append)))
    assert [(pair.source, pair.target) for pair in found] == [("Grid status", "État du réseau")]
    assert warnings == [f"{path}:3: no target-language declared, and none of the 1 translated unit(s) holds "
                        "Chinese: is this a translation into another language?"]


def test_an_undeclared_target_language_with_chinese_gives_no_warning(tmp_path):
    path = tmp_path / "messages.xlf"
    path.write_text(xliff(("", "Grid status", "电网状态")), encoding="utf-8")
    warnings: list[str] = []
    assert len(list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append)))) == 1
    assert warnings == []
