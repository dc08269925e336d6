"""Inline codes in XLIFF and TMX: a standalone code (<ph>, <x/>, XLIFF 2 <ph/>) stands where a
word would, so it separates the words around it as a literal `%s` or `<br/>` does; a paired code
(<g>, <pc>, <bpt>/<ept>, <sc/>/<ec/>, the halves <it>, <bx/>, <ex/>, Angular's <x id="START_…"/>)
wraps words and joins them."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers import read_pairs

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: grid
    target: 电网
    status: approved
  - source: user account
    target: 用户帐户
    status: approved
"""


def xliff12(*units: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file source-language="en" target-language="zh-CN" datatype="html" original="x"><body>\n'
            + "\n".join(units) + "\n</body></file></xliff>\n")


def tmx(*units: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
            + "\n".join(units) + "\n</body></tmx>\n")


def texts(path: Path) -> list[tuple[str, str]]:
    return [(pair.source, pair.target) for pair in read_pairs([str(path)])]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def test_a_line_break_code_between_words_does_not_glue_them(runner, workdir):
    # `Status of the<br/>grid`: read as `thegrid`, the term would be missed and the finding lost.
    Path("br.xlf").write_text(xliff12(
        '<trans-unit id="1"><source>Status of the<ph id="1">&lt;br/&gt;</ph>grid</source>'
        '<target>状态<ph id="1">&lt;br/&gt;</ph>网络</target></trans-unit>',
        '<trans-unit id="2"><source>Status of the<x id="2" ctype="lb"/>grid</source>'
        '<target>状态<x id="2" ctype="lb"/>网络</target></trans-unit>'), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "br.xlf"])
    assert result.exit_code == 1, result.output
    lines = Path("br.xlf").read_text(encoding="utf-8").splitlines()
    for number in (4, 5):  # at 状态, where the words of the <target> start
        assert f"  br.xlf:{number}:{lines[number - 1].index('状态') + 1}  error GL001" in result.stdout
    assert "    en: Status of the{}grid\n    zh: 状态{}网络\n" in result.stdout


def test_a_variable_code_separates_words_as_a_literal_percent_s_does(runner, workdir):
    # README: `user %s account` holds no `user account`; the same string with %s as an inline code neither.
    Path("var.xlf").write_text(xliff12(
        '<trans-unit id="1"><source>Delete user <ph id="1">%s</ph> account data</source>'
        '<target>删除用户<ph id="1">%s</ph>的账户数据</target></trans-unit>',
        '<trans-unit id="2"><source>Delete user %s account data</source>'
        '<target>删除用户%s的账户数据</target></trans-unit>'), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "var.xlf"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings in 2 pairs, 2 approved terms (0 found in the English text).\n"


def test_xliff2_placeholder_and_paired_codes(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
        'srcLang="en" trgLang="zh"><file id="f">\n'
        '<unit id="u1"><segment><source>Press <ph id="1"/> to save the <pc id="2">smart</pc> grid</source>'
        '<target>按<ph id="1"/>保存<pc id="2">智能</pc>电网</target></segment></unit>\n'
        '<unit id="u2"><segment><source><sc id="1"/>Sm<ec startRef="1"/>art grid<ph id="2"/></source>'
        '<target><ph id="2"/>智能电网</target></segment></unit>\n'
        '</file></xliff>\n', encoding="utf-8")
    assert texts(path) == [
        ("Press {} to save the smart grid", "按{}保存智能电网"),
        ("Smart grid", "智能电网"),  # paired codes join; a code at either end leaves nothing
    ]


def test_tmx_codes_between_words_leave_one_placeholder(tmp_path):
    # Read as `Click Savenow`, extract proposed a non-word as a term.
    path = tmp_path / "a.tmx"
    path.write_text(tmx(
        '<tu><tuv xml:lang="en"><seg>Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>'
        '<ph x="2">&lt;br/&gt;</ph><it pos="begin">&lt;i&gt;</it>now</seg></tuv>'
        '<tuv xml:lang="zh"><seg>点击<bpt i="1">&lt;b&gt;</bpt>保存<ept i="1">&lt;/b&gt;</ept>'
        '<ph x="2">&lt;br/&gt;</ph>现在</seg></tuv></tu>'), encoding="utf-8")
    assert texts(path) == [("Click Save{}now", "点击保存{}现在")]


def test_halves_of_paired_codes_join_the_words_they_wrap(tmp_path):
    # <bx/>/<ex/> and Angular's <x id="START_BOLD_TEXT"/> mark bold text, as <g> does: `smart grid` stays a term.
    path = tmp_path / "a.xlf"
    path.write_text(xliff12(
        '<trans-unit id="1"><source>Open the smart <bx id="1"/>grid<ex id="1"/> view</source>'
        '<target>打开智能<bx id="1"/>电网<ex id="1"/>视图</target></trans-unit>',
        '<trans-unit id="2"><source>Open the smart <x id="START_BOLD_TEXT"/>grid<x id="CLOSE_BOLD_TEXT"/> view</source>'
        '<target>打开智能<x id="START_BOLD_TEXT"/>电网<x id="CLOSE_BOLD_TEXT"/>视图</target></trans-unit>'),
        encoding="utf-8")
    assert texts(path) == [("Open the smart grid view", "打开智能电网视图")] * 2
