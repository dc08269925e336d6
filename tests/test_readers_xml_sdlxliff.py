"""Trados SDLXLIFF: a unit is split into sentences, <mrk mtype="seg" mid> in its <seg-source> and
in its <target>; each sentence pairs with the target sentence of the same mid, so a half-done unit
is not its whole source against half a translation. Tracked changes: what a reviewer deleted
(x-sdl-deleted) is not part of the translation, what they added is."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers import read_pairs

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
  - source: energy storage
    target: 储能
    status: approved
"""


def sdlxliff(*units: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
            'version="1.2" sdl:version="1.0">\n'
            '<file original="guide.docx" datatype="x-sdlfilterframework2" source-language="en-US" target-language="zh-CN">\n'
            '<body>\n' + "\n".join(units) + '\n</body>\n</file>\n</xliff>\n')


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def test_a_half_translated_unit_checks_only_its_translated_sentence(runner, workdir):
    Path("partial.sdlxliff").write_text(sdlxliff(
        '<trans-unit id="a1">\n'
        '<source>The smart grid balances load. Energy storage helps.</source>\n'
        '<seg-source><mrk mtype="seg" mid="1">The smart grid balances load.</mrk> '
        '<mrk mtype="seg" mid="2">Energy storage helps.</mrk></seg-source>\n'
        '<target><mrk mtype="seg" mid="1">智能电网平衡负载。</mrk> <mrk mtype="seg" mid="2"/></target>\n'
        '</trans-unit>'), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "partial.sdlxliff"])
    assert result.exit_code == 0, result.output  # "Energy storage" is not translated yet: no finding for it
    assert result.stdout == "No findings in 1 pair, 2 approved terms (1 found in the English text).\n"
    # line 7: the <seg-source> line, where the untranslated sentence is
    assert result.stderr == "warning: partial.sdlxliff:7: 1 untranslated or empty unit(s) skipped (first one here)\n"


def test_each_sentence_is_its_own_pair_located_at_its_target_sentence(tmp_path):
    path = tmp_path / "two.sdlxliff"
    path.write_text(sdlxliff(
        '<trans-unit id="a1">\n'
        '<source>Smart grids. Energy storage.</source>\n'
        '<seg-source><mrk mtype="seg" mid="1">Smart grids.</mrk> <mrk mtype="seg" mid="2">Energy storage.</mrk></seg-source>\n'
        '<target><mrk mtype="seg" mid="1">智能电网。</mrk> <mrk mtype="seg" mid="2">蓄能。</mrk></target>\n'
        '</trans-unit>'), encoding="utf-8")
    target_line = path.read_text(encoding="utf-8").splitlines()[7]
    assert [(pair.source, pair.target, pair.location.unit, pair.location.target_line, pair.location.target_column)
            for pair in read_pairs([str(path)])] == [
        ("Smart grids.", "智能电网。", "a1/1", 8, target_line.index("智能电网") + 1),
        ("Energy storage.", "蓄能。", "a1/2", 8, target_line.index("蓄能") + 1),
    ]


def test_text_a_reviewer_deleted_is_not_read(runner, workdir):
    Path("tracked.sdlxliff").write_text(sdlxliff(
        '<trans-unit id="t2">\n<source>Store energy storage data.</source>\n'
        '<seg-source><mrk mtype="seg" mid="2">Store energy storage data.</mrk></seg-source>\n'
        '<target><mrk mtype="seg" mid="2">存储<mrk mtype="x-sdl-deleted" sdl:revid="r3">储能</mrk>'
        '<mrk mtype="x-sdl-added" sdl:revid="r4">蓄能</mrk>数据。</mrk></target>\n</trans-unit>'), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "tracked.sdlxliff"])
    assert result.exit_code == 1, result.output  # the approved 储能 was replaced with 蓄能
    assert "    zh: 存储蓄能数据。\n" in result.stdout
