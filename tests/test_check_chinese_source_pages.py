"""Docs written in Chinese and translated into English, given as --source zh --target en pages:
check asks for the approved English and points at the English page (GL005), as it does for
line-aligned files given so."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app

GLOSSARY = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
            "  - source: green transition\n    target: 绿色转型\n    status: approved\n")


def test_pages_translated_from_chinese_are_checked_at_the_english_page(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("docs/zh").mkdir(parents=True)
    Path("docs/en").mkdir()
    Path("docs/zh/intro.md").write_text("# 简介\n\n我们支持绿色转型。\n", encoding="utf-8")
    Path("docs/en/intro.md").write_text("# Introduction\n\nWe support the green transformation.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "docs/zh", "--target", "docs/en"])
    assert result.exit_code == 1
    assert "docs/en/intro.md:3:1  error GL005" in result.stdout
    assert '"绿色转型" should be translated as "green transition"' in result.stdout


def test_line_aligned_files_translated_from_chinese_are_checked_at_the_english_file(runner, workdir):
    """The findings pointed at the Chinese file, the original (zh-source re-probe, M4)."""
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("a.zh").write_text("我们支持绿色转型。\n", encoding="utf-8")
    Path("a.en").write_text("We support the green transformation.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "a.zh", "--target", "a.en"])
    assert result.exit_code == 1
    assert "a.en:1  error GL005" in result.stdout
