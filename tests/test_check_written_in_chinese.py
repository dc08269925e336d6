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


def check(runner, glossary: str, files: dict[str, str], source: str, target: str):
    """Write the glossary and the files, then run `check g.yaml --source SOURCE --target TARGET`."""
    Path("g.yaml").write_text(glossary, encoding="utf-8")
    for name, text in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    return runner.invoke(app, ["check", "g.yaml", "--source", source, "--target", target])


def test_an_app_translated_from_chinese_is_checked_at_its_english_strings(runner, workdir):
    result = check(runner, V2G, {
        "res/values/strings.xml": strings(("title", "车网互动"), ("desc", "开启车网互动。")),
        "res/values-en/strings.xml": strings(("title", "V2G"), ("desc", "Turn on vehicle-grid interaction."))},
        "res/values", "res/values-en")
    assert result.exit_code == 1
    assert "res/values-en/strings.xml:4:25  error GL005" in result.stdout
    assert '"车网互动" should be translated as "V2G"' in result.stdout


def test_the_base_resources_say_the_app_is_written_in_chinese_whichever_side_the_options_give(runner, workdir):
    result = check(runner, V2G, {
        "res/values/strings.xml": strings(("desc", "开启车网互动。")),
        "res/values-en/strings.xml": strings(("desc", "Turn on vehicle-grid interaction."))},
        "res/values-en", "res/values")
    assert result.exit_code == 1
    assert "res/values-en/strings.xml:3:25  error GL005" in result.stdout


def test_json_resources_given_chinese_first_are_checked_from_chinese(runner, workdir):
    """Where the paths do not say which is the original, --source is: the check is zh -> en (the
    zh-source re-probe, H2: it said so and checked into Chinese), and, the files given as
    documented, nothing is warned of (final probe, L1)."""
    result = check(runner, V2G, {"locales/zh.json": '{"title": "车网互动"}\n',
                                 "locales/en.json": '{"title": "Vehicle-grid interaction"}\n'},
                   "locales/zh.json", "locales/en.json")
    assert result.exit_code == 1
    assert "read as" not in result.stderr
    assert "locales/en.json:1:12  error GL005" in result.stdout


def test_pages_translated_from_chinese_are_checked_at_the_english_page(runner, workdir):
    result = check(runner, GREEN, {"docs/zh/intro.md": "# 简介\n\n我们支持绿色转型。\n",
                                   "docs/en/intro.md": "# Introduction\n\nWe support the green transformation.\n"},
                   "docs/zh", "docs/en")
    assert result.exit_code == 1
    assert "docs/en/intro.md:3:1  error GL005" in result.stdout
    assert '"绿色转型" should be translated as "green transition"' in result.stdout


def test_line_aligned_files_translated_from_chinese_are_checked_at_the_english_file(runner, workdir):
    """The findings pointed at the Chinese file, the original (zh-source re-probe, M4)."""
    result = check(runner, GREEN, {"a.zh": "我们支持绿色转型。\n", "a.en": "We support the green transformation.\n"},
                   "a.zh", "a.en")
    assert result.exit_code == 1
    assert "a.en:1  error GL005" in result.stdout
