"""Inline do-not-translate markup: XLIFF 2 `<mrk translate="no">` (and `<sm translate="no"/>` …
`<em/>`), XLIFF 1.2 `<mrk mtype="protected">`. The translator was told to keep that text as it is,
so it is no place where a term must be translated: it stands in the pair as a placeholder does,
and the words around it are still checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers import read_pairs
from tests.support import xliff2

GLOSSARY = """\
glossary: 1
terms:
  - source: preview
    target: 预览
    status: approved
  - source: file
    target: 文件
    status: approved
    forbidden: [档案]
"""


def xliff12(source: str, target: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file source-language="en" target-language="zh-CN" datatype="plaintext" original="a"><body>\n'
            f'<trans-unit id="1"><source>{source}</source>\n<target>{target}</target></trans-unit>\n'
            '</body></file></xliff>\n')


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


PROTECTED = {
    "xliff2_mrk.xlf": xliff2('Click <mrk id="m1" translate="no">Preview</mrk> to open the file',
                             '点击 <mrk id="m1" translate="no">Preview</mrk> 打开文件'),
    "xliff2_sm_em.xlf": xliff2('Click <sm id="m1" translate="no"/>Preview<em startRef="m1"/> to open the file',
                               '点击 <sm id="m1" translate="no"/>Preview<em startRef="m1"/> 打开文件'),
    "xliff12_protected.xlf": xliff12('Click <mrk mtype="protected">Preview</mrk> to open the file',
                                     '点击 <mrk mtype="protected">Preview</mrk> 打开文件'),
}


@pytest.mark.parametrize("name", sorted(PROTECTED))
def test_check_passes_a_term_kept_as_the_file_asks(runner, workdir, name):
    Path(name).write_text(PROTECTED[name], encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", name])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings in 1 pair, 2 approved terms (1 found in the English text).\n"


@pytest.mark.parametrize("name", sorted(PROTECTED))
def test_the_words_around_protected_text_are_still_checked(runner, workdir, name):
    Path(name).write_text(PROTECTED[name].replace("打开文件", "打开档案"), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", name])
    assert result.exit_code == 1, result.output
    assert "GL002" in result.stdout and "GL001" not in result.stdout


def test_protected_text_reads_as_a_placeholder(workdir):
    Path("a.xlf").write_text(PROTECTED["xliff2_mrk.xlf"], encoding="utf-8")
    assert [(pair.source, pair.target) for pair in read_pairs(["a.xlf"])] == [
        ("Click {} to open the file", "点击 {} 打开文件")]


def test_other_inline_marks_are_still_words(workdir):
    Path("a.xlf").write_text(xliff2('Click <mrk id="m1" type="term">Preview</mrk> now',
                                    '点击<mrk id="m1" type="term">预览</mrk>'), encoding="utf-8")
    assert [(pair.source, pair.target) for pair in read_pairs(["a.xlf"])] == [("Click Preview now", "点击预览")]


def test_a_finding_points_past_protected_text_that_opens_the_target(runner, workdir):
    Path("a.xlf").write_text(xliff2('<mrk id="m1" translate="no">Preview</mrk> the file',
                                    '<mrk id="m1" translate="no">Preview</mrk> 档案'), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "a.xlf"])
    assert result.exit_code == 1, result.output
    column = Path("a.xlf").read_text(encoding="utf-8").splitlines()[4].index("档案") + 1
    assert f"a.xlf:5:{column}  error GL002" in result.stdout  # where the words start, past the kept text
