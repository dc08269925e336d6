"""A glossary that names its variant (zh-TW, zh-CN) says which script its text is in. Text plainly in
the other script gets a word: a corpus file that carries no tag is read with one warning, and an
approved rendering in the other script (操作系统 in a zh-TW glossary) is a validate error, so
`approve` refuses it."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

TAIWAN = ("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms:\n"
          "  - source: software\n    target: 軟體\n    forbidden: [軟件]\n    status: approved\n")
MAINLAND = TAIWAN.replace("zh-TW", "zh-CN").replace("target: 軟體", "target: 软件").replace("[軟件]", "[软体]")


@pytest.fixture
def glossaries(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tw.yaml").write_text(TAIWAN, encoding="utf-8")
    Path("cn.yaml").write_text(MAINLAND, encoding="utf-8")
    Path("plain.yaml").write_text(TAIWAN.replace("zh-TW", "zh"), encoding="utf-8")


def test_text_is_told_by_the_script_it_is_plainly_written_in():
    from glossary_cli.script import written_script

    assert written_script("操作系统") == "Simplified"
    assert written_script("作業系統") == "Traditional"
    assert written_script("中文 CPU") is None  # both scripts write it so
    assert written_script("台灣") is None  # 台 with 灣: a mix OpenCC would write 臺灣


def test_an_untagged_simplified_file_checked_with_a_taiwan_glossary_is_named_once(runner, glossaries):
    Path("simplified.tsv").write_text("English\tChinese\nInstall the software.\t安装软体。\n"
                                      "The file is too large.\t档案太大。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", "simplified.tsv"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("warning:") == 1
    assert ("simplified.tsv: its Chinese is in Simplified script (2 of 2 segments looked at), not in the "
            "Traditional of zh-TW; it is read all the same") in result.stderr


def test_traditional_text_for_a_mainland_glossary_is_named_too_and_matching_text_is_not(runner, glossaries):
    Path("tw.tsv").write_text("English\tChinese\nInstall the software.\t安裝軟體。\n", encoding="utf-8")
    mainland = runner.invoke(app, ["check", "cn.yaml", "tw.tsv"])
    assert "not in the Simplified of zh-CN" in mainland.stderr
    taiwan = runner.invoke(app, ["check", "tw.yaml", "tw.tsv"])
    assert taiwan.exit_code == 0 and "warning" not in taiwan.stderr
    plain = runner.invoke(app, ["check", "plain.yaml", "tw.tsv"])
    assert "warning" not in plain.stderr  # plain zh names no script


def test_extract_into_a_taiwan_glossary_names_a_simplified_file(runner, glossaries):
    Path("simplified.tsv").write_text("English\tChinese\nInstall the software.\t安装软体。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "simplified.tsv", "--target-lang", "zh-TW", "-o", "-", "--show", "0",
                                 "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "simplified.tsv: its Chinese is in Simplified script" in result.stderr


def test_approve_refuses_a_mainland_rendering_for_a_taiwan_glossary(runner, glossaries):
    result = runner.invoke(app, ["approve", "tw.yaml", "operating system", "--target", "操作系统"])
    assert result.exit_code == 2
    assert ('entry "operating system" is approved as "操作系统", which is in Simplified script, in a glossary for '
            'zh-TW (Traditional); write the zh-TW rendering (OpenCC s2twp reads it as "作業系統")') in result.stderr
    assert Path("tw.yaml").read_text(encoding="utf-8") == TAIWAN
    assert runner.invoke(app, ["approve", "tw.yaml", "operating system", "--target", "作業系統"]).exit_code == 0


def test_validate_flags_an_approved_rendering_in_the_other_script_unless_the_glossary_says_plain_zh(runner, glossaries):
    Path("tw.yaml").write_text(TAIWAN.replace("target: 軟體", "target: 软体"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "tw.yaml"])
    assert result.exit_code == 2
    assert ('tw.yaml:5:13: entry "software" is approved as "软体", which is in Simplified script, in a glossary for '
            'zh-TW (Traditional)') in result.stderr
    Path("plain.yaml").write_text(TAIWAN.replace("zh-TW", "zh").replace("target: 軟體", "target: 软体"),
                                  encoding="utf-8")
    assert runner.invoke(app, ["validate", "plain.yaml"]).exit_code == 0
