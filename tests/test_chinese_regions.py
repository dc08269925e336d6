"""Taiwan and Hong Kong both write Traditional Chinese, with different words (軟體 and 軟件, 網路
and 網絡): a glossary for one region checks and imports that region's text, not the other's."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.exchange.columns import column_language

DATA = Path(__file__).parent / "data" / "hant"
TAIWAN = ("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms:\n"
          "  - source: software\n    target: 軟體\n    forbidden: [軟件]\n    status: approved\n")
HONG_KONG_PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {language}\\n"\n\n'
                'msgid "Install the software."\nmsgstr "{text}"\n')


@pytest.fixture
def taiwan_glossary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tw.yaml").write_text(TAIWAN, encoding="utf-8")


def test_a_taiwan_glossary_skips_the_hong_kong_catalogue_of_a_locale_tree(runner, taiwan_glossary):
    Path("loc").mkdir()
    Path("loc/zh_HK.po").write_text(HONG_KONG_PO.format(language="zh_HK", text="安裝軟件。"), encoding="utf-8")
    Path("loc/zh_TW.po").write_text(HONG_KONG_PO.format(language="zh_TW", text="安裝軟體。"), encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", "loc"])
    assert result.exit_code == 0, result.output
    assert "loc/zh_HK.po:4: skipped: the catalogue translates into zh_HK (Language: zh_HK), not zh-TW" in result.stderr
    assert "No findings in 1 pair" in result.stdout


def test_a_hong_kong_catalogue_named_alone_is_refused_not_flagged(runner, taiwan_glossary):
    Path("hk.po").write_text(HONG_KONG_PO.format(language="zh_HK", text="安裝軟件。"), encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", "hk.po"])
    assert result.exit_code == 2
    assert "GL002" not in result.stdout
    assert "hk.po:4: the catalogue translates into zh_HK (Language: zh_HK), not zh-TW" in result.stderr


def test_a_catalogue_tagged_only_traditional_is_checked_by_a_taiwan_glossary(runner, taiwan_glossary):
    Path("hant.po").write_text(HONG_KONG_PO.format(language="zh_Hant", text="安裝軟件。"), encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", "hant.po"])
    assert result.exit_code == 1
    assert '"software" is rendered as forbidden "軟件"' in result.stdout


def test_importing_taiwan_terms_leaves_the_hong_kong_ones_out(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["import", str(DATA / "multi.tbx"), "--target-lang", "zh-TW", "-o", "tw.yaml"])
    assert result.exit_code == 0, result.output
    written = Path("tw.yaml").read_text(encoding="utf-8")
    assert "target: 軟體\n    status: approved\n    forbidden: [軟件]" in written
    assert "target: 網路\n" in written and "網絡" not in written


def test_importing_plain_zh_from_two_regions_takes_one_and_says_so(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tw_hk.tbx").write_text((DATA / "multi.tbx").read_text(encoding="utf-8")
                                 .replace('<langSec xml:lang="zh-CN">', '<langSec xml:lang="ja">'), encoding="utf-8")
    result = runner.invoke(app, ["import", "tw_hk.tbx", "-o", "g.yaml"])
    assert result.exit_code == 0, result.output
    assert "tw_hk.tbx: holds zh-HK (2 terms) and zh-TW (3 terms), whose terms differ; importing zh-TW" in result.stderr
    assert "languages: {source: en, target: zh-TW}" in Path("g.yaml").read_text(encoding="utf-8")
    assert "網絡" not in Path("g.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("header, wanted, imported", [
    ("English,zh-HK,zh-TW,status", "zh-TW", "軟體"),
    ("English,zh-TW,zh-HK,status", "zh-HK", "軟件"),
    ("English,Chinese (Hong Kong SAR),Chinese (Taiwan),status", "zh-TW", "軟體"),
    ("English,Chinese (Traditional),zh-TW,status", "zh-TW", "軟體"),  # the column named as wanted first
])
def test_csv_import_reads_the_column_of_the_region_asked_for(runner, tmp_path, monkeypatch, header, wanted, imported):
    monkeypatch.chdir(tmp_path)
    cells = {"zh-HK": "軟件", "Chinese (Hong Kong SAR)": "軟件", "zh-TW": "軟體", "Chinese (Taiwan)": "軟體",
             "Chinese (Traditional)": "軟件"}
    row = ",".join(["software", *(cells[name] for name in header.split(",")[1:3]), "approved"])
    Path("terms.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "terms.csv", "--target-lang", wanted, "-o", "g.yaml"])
    assert result.exit_code == 0, result.output
    written = Path("g.yaml").read_text(encoding="utf-8")
    assert f"target: {wanted}" in written and f"target: {imported}\n" in written


@pytest.mark.parametrize("glossary, header, text, said", [
    ("zh-CN", "English\tzh-TW", "安裝軟體。", "the table's Chinese is zh-TW, not zh-CN"),
    ("zh-TW", "English\tzh-CN", "安装软件。", "the table's Chinese is zh-CN, not zh-TW"),
    ("zh-TW", "English\tChinese (Simplified)", "安装软件。",
     "the table's Chinese is Chinese (Simplified) (zh-Hans), not zh-TW"),
])
def test_a_table_header_naming_the_other_variant_is_a_header_and_the_file_is_skipped(
        runner, tmp_path, monkeypatch, glossary, header, text, said):
    monkeypatch.chdir(tmp_path)
    written = TAIWAN if glossary == "zh-TW" else TAIWAN.replace("zh-TW", glossary).replace("軟體", "软体").replace("軟件", "软件")
    Path("g.yaml").write_text(written, encoding="utf-8")  # a zh-CN glossary approves Simplified renderings
    Path("terms.tsv").write_text(f"{header}\nInstall the software.\t{text}\n", encoding="utf-8")
    Path("ok.tsv").write_text("Install the software.\t安裝軟體。\n", encoding="utf-8")
    alone = runner.invoke(app, ["check", "g.yaml", "terms.tsv"])
    assert alone.exit_code == 2 and f"terms.tsv:1: {said}" in alone.stderr
    beside = runner.invoke(app, ["check", "g.yaml", "terms.tsv", "ok.tsv"])
    assert f"terms.tsv:1: skipped: {said}" in beside.stderr
    assert "in 1 pair" in beside.stdout


@pytest.mark.parametrize("header, tag", [
    ("中文（台灣）", "zh-TW"), ("中文 (台灣)", "zh-TW"), ("中文（香港）", "zh-HK"), ("繁中", "zh-Hant"),
    ("简中", "zh-Hans"), ("中文（澳門）", "zh-MO"),
])
def test_chinese_region_names_in_headers_are_read_as_tags(header, tag):
    assert column_language(header) == tag


def test_a_header_with_a_chinese_region_name_is_not_checked_as_a_row(runner, taiwan_glossary):
    Path("h.tsv").write_text("English\t中文（台灣）\nInstall the software.\t安裝軟體。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", "h.tsv"])
    assert result.exit_code == 0, result.output
    assert "No findings in 1 pair" in result.stdout
