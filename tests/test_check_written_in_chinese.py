"""Content written in Chinese and translated into English, in the inputs whose files do not say
their direction as TMX or XLIFF do: app resources, Markdown pages, line-aligned files. check asks
the English for the approved terms (GL005) and points at the English to fix."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app

V2G = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
       "  - source: V2G\n    target: 车网互动\n    status: approved\n")
GREEN = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
         "  - source: green transition\n    target: 绿色转型\n    status: approved\n")


def strings(*rows: tuple[str, str]) -> str:
    body = "".join(f'    <string name="{name}">{text}</string>\n' for name, text in rows)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n{body}</resources>\n'


def test_an_app_translated_from_chinese_is_checked_at_its_english_strings(runner, workdir):
    Path("g.yaml").write_text(V2G, encoding="utf-8")
    Path("res/values").mkdir(parents=True)
    Path("res/values-en").mkdir()
    Path("res/values/strings.xml").write_text(strings(("title", "车网互动"), ("desc", "开启车网互动。")), encoding="utf-8")
    Path("res/values-en/strings.xml").write_text(strings(("title", "V2G"), ("desc", "Turn on vehicle-grid interaction.")),
                                                 encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "res/values", "--target", "res/values-en"])
    assert result.exit_code == 1
    assert "res/values-en/strings.xml:4:25  error GL005" in result.stdout
    assert '"车网互动" should be translated as "V2G"' in result.stdout


def test_the_base_resources_say_the_app_is_written_in_chinese_whichever_side_the_options_give(runner, workdir):
    Path("g.yaml").write_text(V2G, encoding="utf-8")
    Path("res/values").mkdir(parents=True)
    Path("res/values-en").mkdir()
    Path("res/values/strings.xml").write_text(strings(("desc", "开启车网互动。")), encoding="utf-8")
    Path("res/values-en/strings.xml").write_text(strings(("desc", "Turn on vehicle-grid interaction.")),
                                                 encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "res/values-en", "--target", "res/values"])
    assert result.exit_code == 1
    assert "res/values-en/strings.xml:3:25  error GL005" in result.stdout


def test_json_resources_given_chinese_first_are_checked_from_chinese(runner, workdir):
    """Where the paths do not say which is the original, --source is: the warning says zh -> en,
    and the check is (the zh-source re-probe, H2: it said so and checked into Chinese)."""
    Path("g.yaml").write_text(V2G, encoding="utf-8")
    Path("locales").mkdir()
    Path("locales/zh.json").write_text('{"title": "车网互动"}\n', encoding="utf-8")
    Path("locales/en.json").write_text('{"title": "Vehicle-grid interaction"}\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "locales/zh.json", "--target", "locales/en.json"])
    assert result.exit_code == 1
    assert "read as zh -> en" in result.stderr
    assert "locales/en.json:1:12  error GL005" in result.stdout


def test_pages_translated_from_chinese_are_checked_at_the_english_page(runner, workdir):
    Path("g.yaml").write_text(GREEN, encoding="utf-8")
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
    Path("g.yaml").write_text(GREEN, encoding="utf-8")
    Path("a.zh").write_text("我们支持绿色转型。\n", encoding="utf-8")
    Path("a.en").write_text("We support the green transformation.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "a.zh", "--target", "a.en"])
    assert result.exit_code == 1
    assert "a.en:1  error GL005" in result.stdout
