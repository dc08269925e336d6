"""A file may hold Chinese in both scripts side by side (a TMX unit with zh-CN and zh-TW, a table
with both columns). Which one is read never depends on the order they are written in: a plain-zh
glossary whose targets are Traditional reads the Traditional one, any other reads Simplified."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers import tmx
from tests.support import Reader, write_file

read_tmx = Reader(tmx)
TRADITIONAL_PLAIN_ZH = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                        "  - source: software\n    target: 軟體\n    forbidden: [軟件]\n    status: approved\n"
                        "  - source: file\n    target: 檔案\n    status: approved\n")
SIMPLIFIED = '<tuv xml:lang="zh-CN"><seg>安装软件。</seg></tuv>'
TRADITIONAL = '<tuv xml:lang="zh-TW"><seg>安裝軟體。</seg></tuv>'


def memory(*chinese: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
            '<tu><tuv xml:lang="en"><seg>Install the software.</seg></tuv>' + "".join(chinese) + "</tu>\n</body></tmx>\n")


@pytest.fixture
def traditional_glossary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tw.yaml").write_text(TRADITIONAL_PLAIN_ZH, encoding="utf-8")


@pytest.mark.parametrize("order", [(SIMPLIFIED, TRADITIONAL), (TRADITIONAL, SIMPLIFIED)])
def test_a_tmx_unit_in_both_scripts_is_read_in_simplified_whichever_comes_first(tmp_path, order):
    path = write_file(tmp_path, memory(*order), "mixed.tmx")
    assert [pair.target for pair in read_tmx(path)] == ["安装软件。"]
    assert read_tmx.warnings == [f"{path}: several zh variants (zh-CN, zh-TW); read zh-CN; "
                                 "pass --target-lang to choose another"]


def test_a_preferred_script_picks_the_traditional_variant_of_a_unit(tmp_path):
    path = write_file(tmp_path, memory(SIMPLIFIED, TRADITIONAL), "mixed.tmx")
    assert [pair.target for pair in read_tmx(path, preferred_target_lang="zh-Hant")] == ["安裝軟體。"]
    assert "read zh-TW" in read_tmx.warnings[0]


def test_a_plain_zh_glossary_of_traditional_terms_checks_the_traditional_half_of_a_mixed_memory(
        runner, traditional_glossary):
    Path("mixed.tmx").write_text(memory(SIMPLIFIED, TRADITIONAL), encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", "mixed.tmx"])
    assert result.exit_code == 0, result.output
    assert "GL002" not in result.stdout
    assert "several zh variants (zh-CN, zh-TW); read zh-TW" in result.stderr


def test_the_same_glossary_reads_the_traditional_column_of_a_table(runner, traditional_glossary):
    Path("three.csv").write_text("English,zh-CN,zh-TW\nInstall the software.,安装软件。,安裝軟體。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", "three.csv"])
    assert result.exit_code == 0, result.output
    assert "several zh columns (zh-CN, zh-TW); read zh-TW" in result.stderr


def test_extract_reads_the_same_variant_of_a_memory_whatever_the_order_of_its_variants(runner, tmp_path,
                                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, order in (("cn_first.tmx", (SIMPLIFIED, TRADITIONAL)), ("tw_first.tmx", (TRADITIONAL, SIMPLIFIED))):
        Path(name).write_text(memory(*order), encoding="utf-8")
        result = runner.invoke(app, ["extract", name, "-o", f"{name}.yaml", "--show", "0", "-j", "1"])
        assert result.exit_code == 0, result.output
        assert "languages: {source: en, target: zh-CN}" in Path(f"{name}.yaml").read_text(encoding="utf-8")
