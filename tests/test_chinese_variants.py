"""Chinese is tagged by region or by script (zh-CN, zh-Hans, zh-TW, zh-Hant, plain zh); a glossary
that names its variant is checked against files in that script only."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers.xml_safe import language_matches

GLOSSARY = ("glossary: 1\nlanguages: {source: en, target: zh-CN}\nterms:\n"
            "  - source: file\n    target: 文件\n    forbidden: [档案]\n    status: approved\n")


def xliff(language: str, target: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'  <file source-language="en-US" target-language="{language}" datatype="plaintext" original="app">\n'
            f'    <body><trans-unit id="open"><source>Open the file</source><target>{target}</target></trans-unit></body>\n'
            "  </file>\n</xliff>\n")


@pytest.mark.parametrize("code, wanted, matches", [
    ("zh-Hans", "zh-CN", True), ("zh-SG", "zh-CN", True), ("zh", "zh-CN", True), ("zh_CN", "zh-CN", True),
    ("zh-TW", "zh-CN", False), ("zh-Hant", "zh-CN", False), ("zh-Hans", "zh-TW", False),
    # Taiwan and Hong Kong write different words (軟體, 軟件); Macau follows Hong Kong
    ("zh-HK", "zh-TW", False), ("zh-Hant-HK", "zh-TW", False), ("zh-Hant", "zh-TW", True), ("zh-MO", "zh-HK", True),
    ("zh-TW", "zh", True), ("ja", "zh-CN", False),
])
def test_a_chinese_tag_matches_by_script(code, wanted, matches):
    assert language_matches(code, wanted) is matches


def test_a_glossary_for_zh_cn_skips_traditional_files_and_checks_those_tagged_by_script(runner, tmp_path, monkeypatch):
    # 檔案 is Taiwan's word for a file: checked against the mainland glossary it read as the forbidden 档案.
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("locale").mkdir()
    Path("locale/app.zh-TW.xlf").write_text(xliff("zh-TW", "開啟檔案"), encoding="utf-8")
    Path("locale/ios.zh-Hans.xlf").write_text(xliff("zh-Hans", "打开档案"), encoding="utf-8")
    Path("locale/android.zh-CN.xlf").write_text(xliff("zh-CN", "打开文件"), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "locale"])
    assert result.exit_code == 1
    assert "locale/app.zh-TW.xlf:3: skipped: file translates en-US -> zh-TW, not en <-> zh-CN" in result.stderr
    # the <target> text starts at column 71; the forbidden 档案 two characters on
    assert [line.split()[0] for line in result.stdout.splitlines() if " GL00" in line] == ["locale/ios.zh-Hans.xlf:4:73"]


def test_a_glossary_for_plain_zh_reads_every_chinese_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY.replace("target: zh-CN", "target: zh"), encoding="utf-8")
    Path("app.zh-TW.xlf").write_text(xliff("zh-TW", "開啟檔案"), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "app.zh-TW.xlf"])
    assert result.exit_code == 1 and "GL002" in result.stdout
