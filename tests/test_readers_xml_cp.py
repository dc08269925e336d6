"""XLIFF 2 `<cp hex="…"/>` is a character XML cannot hold as it is (a tab in some exports, a
control character): it is read as that character where it can be, else as a space, so the words
on either side stay apart."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.readers import read_pairs
from tests.support import FILE_NOT_DANGAN, xliff2

GLOSSARY = FILE_NOT_DANGAN


def test_a_tab_written_as_cp_separates_the_words(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("cp.xlf").write_text(xliff2('Name<cp hex="0009"/>file size', '名称<cp hex="0009"/>档案大小'), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "cp.xlf"])
    assert result.exit_code == 1, result.output
    assert "GL002" in result.stdout


def test_cp_gives_its_character_or_a_space(tmp_path):
    path = tmp_path / "cp.xlf"
    path.write_text(xliff2('Name<cp hex="0009"/>file<cp hex="000B"/>size<cp hex="D800"/>x<cp hex="zz"/>y'
                           '<cp hex="00E9"/>t<cp hex="FFFF"/>z',
                           '名称<cp hex="0009"/>文件<cp hex="0001"/>大小'), encoding="utf-8")
    assert [(pair.source, pair.target) for pair in read_pairs([str(path)])] == [
        ("Name file size x yét z", "名称 文件 大小")]
