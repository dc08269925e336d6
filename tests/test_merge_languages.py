"""Glossaries for different languages are not merged; that is a usage error (exit 2), not a
conflict a person settles entry by entry (exit 1). One language named more or less narrowly
(zh and zh-TW, zh-Hant and zh-TW, zh_TW and zh-TW) is one language."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app


def taiwan(tag: str = "zh-TW", target: str = "軟體") -> str:
    return (f"glossary: 1\nlanguages: {{source: en, target: {tag}}}\nterms:\n"
            f"  - source: software\n    target: {target}\n    status: approved\n")


def test_merging_a_taiwan_and_a_mainland_glossary_is_a_usage_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tw.yaml").write_text(taiwan(), encoding="utf-8")
    Path("cn.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh-CN}\nterms:\n"
                               "  - source: software\n    target: 软件\n    status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["merge", "tw.yaml", "cn.yaml", "-o", "merged.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("error: the glossaries are for different languages (tw.yaml en→zh-TW, cn.yaml en→zh-CN); "
                             "nothing written. Glossaries for different languages are not merged: pass glossaries for "
                             "one language\n")
    assert not Path("merged.yaml").exists()


@pytest.mark.parametrize("other", ["zh", "zh-Hant"])
def test_a_glossary_named_more_broadly_merges_into_the_narrower_language(runner, tmp_path, monkeypatch, other):
    """A glossary extracted before its variant was known says plain zh; the team's says zh-TW."""
    monkeypatch.chdir(tmp_path)
    Path("tw.yaml").write_text(taiwan(), encoding="utf-8")
    Path("extracted.yaml").write_text(taiwan(other).replace("software", "file").replace("軟體", "檔案"),
                                      encoding="utf-8")
    result = runner.invoke(app, ["merge", "extracted.yaml", "tw.yaml", "-o", "merged.yaml"])
    assert result.exit_code == 0, result.output
    assert (f"warning: extracted.yaml is for en→{other} and tw.yaml is for en→zh-TW: the merged glossary is for "
            "en→zh-TW, the narrower") in result.stderr
    merged = Path("merged.yaml").read_text(encoding="utf-8")
    assert "languages: {source: en, target: zh-TW}" in merged
    assert "target: 檔案" in merged and "target: 軟體" in merged


def test_a_tag_written_another_way_is_the_same_language(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ours.yaml").write_text(taiwan("zh_TW"), encoding="utf-8")
    Path("theirs.yaml").write_text(taiwan("zh-tw").replace("software", "file").replace("軟體", "檔案"),
                                   encoding="utf-8")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert "target: zh_TW}" in Path("ours.yaml").read_text(encoding="utf-8")


def test_both_sides_naming_the_variant_differently_in_a_three_way_merge(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("base.yaml").write_text(taiwan("zh"), encoding="utf-8")
    Path("ours.yaml").write_text(taiwan("zh-Hant"), encoding="utf-8")
    Path("theirs.yaml").write_text(taiwan("zh-TW"), encoding="utf-8")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "--base", "base.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    assert "the merged glossary is for en→zh-TW, the narrower" in result.stderr
    assert "languages: {source: en, target: zh-TW}" in Path("ours.yaml").read_text(encoding="utf-8")


def test_taiwan_and_hong_kong_are_still_two_languages_in_a_three_way_merge(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("base.yaml").write_text(taiwan("zh-Hant"), encoding="utf-8")
    Path("ours.yaml").write_text(taiwan("zh-TW"), encoding="utf-8")
    Path("theirs.yaml").write_text(taiwan("zh-HK", "軟件"), encoding="utf-8")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "--base", "base.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 2
    assert "different languages (ours.yaml en→zh-TW, theirs.yaml en→zh-HK)" in result.stderr
