"""Content written in Chinese and given as documented (`--source` is the original) is read zh -> en
without a warning: one on every correct run taught people -q, which then hid the warnings that
matter. A warning is left for what deserves one: paths that contradict the options (the base
resources are the original, whichever side names them); lines of a table going against the rest
of it are named as before (test_readers_table_direction)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GREEN = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
         "  - source: green transition\n    target: 绿色转型\n    status: approved\n")

def warnings(stderr: str) -> list[str]:
    """The warnings of a run; a slow machine may also show a progress line there."""
    return [line for line in stderr.splitlines() if line.startswith("warning:")]



def strings(name: str, text: str) -> str:
    return f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <string name="{name}">{text}</string>\n</resources>\n'


def check(runner, files: dict[str, str], *arguments: str):
    Path("g.yaml").write_text(GREEN, encoding="utf-8")
    for name, text in files.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    return runner.invoke(app, ["check", "g.yaml", *arguments])


@pytest.mark.parametrize("files, source, target", [
    ({"a.zh": "我们支持绿色转型。\n", "a.en": "We support the green transition.\n"}, "a.zh", "a.en"),
    ({"article.txt": "我们支持绿色转型。\nWe support the green transition.\n"}, None, "article.txt"),
    ({"table.tsv": "我们支持绿色转型。\tWe support the green transition.\n"}, None, "table.tsv"),
    ({"zh/p.md": "# 简介\n\n我们支持绿色转型。\n", "en/p.md": "# Introduction\n\nWe support the green transition.\n"},
     "zh/p.md", "en/p.md"),
    ({"docs/zh/p.md": "# 简介\n\n我们支持绿色转型。\n",
      "docs/en/p.md": "# Introduction\n\nWe support the green transition.\n"}, "docs/zh", "docs/en"),
    ({"locales/zh.json": '{"t": "我们支持绿色转型。"}\n', "locales/en.json": '{"t": "We support the green transition."}\n'},
     "locales/zh.json", "locales/en.json"),
], ids=["line-aligned files", "interleaved text", "a table", "Markdown pages", "directories of pages",
        "resource files"])
def test_content_written_in_chinese_given_as_documented_is_checked_without_a_warning(runner, workdir, files, source,
                                                                                     target):
    # each warned "SOURCE: mostly Chinese and TARGET mostly not; read as zh -> en, with TARGET as the English side",
    # "each Chinese line comes before its English line; read as zh -> en", "1 line(s) have the Chinese text in the
    # first column; read as zh -> en"
    result = check(runner, files, *(["--source", source, "--target", target] if source else [target]))
    assert result.exit_code == 0
    assert warnings(result.stderr) == []
    assert result.stdout.startswith("No findings in 2 pairs" if source and source.endswith(("md", "docs/zh")) else
                                    "No findings in 1 pair")


def test_english_base_resources_given_as_the_translation_are_said_to_be_the_original(runner, workdir):
    # the app is written in Chinese (res/values), yet --source names its English: the paths win, and say so
    result = check(runner, {"res/values/strings.xml": strings("t", "我们支持绿色转型。"),
                            "res/values-en/strings.xml": strings("t", "We support the green shift.")},
                   "--source", "res/values-en", "--target", "res/values")
    assert result.exit_code == 1
    assert "res/values-en/strings.xml:3:" in result.stdout and "GL005" in result.stdout
    assert warnings(result.stderr) == ["warning: res/values: the base resources (no language in the path), so the "
                                       "original, though --source names res/values-en; read as zh -> en, with "
                                       "res/values-en as the translation"]
