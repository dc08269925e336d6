"""A PO file polib cannot parse says what is wrong and where, as msgfmt does, not just "syntax
error": a misspelt keyword, a msgid without its msgstr, a second msgctxt, msgstr or msgid_plural
in one entry, a string or word that belongs to no entry. Exit 2, one line naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = "glossary: 1\nterms:\n  - {source: file, target: 文件, status: approved}\n"
HEADER = 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'  # four lines: entries start on line 5

CASES = [
    ("a misspelt keyword", 'msgid "Open file"\nmsgstrr "打开文件"\n', 6,
     'unknown keyword "msgstrr"; an entry is made of msgctxt, msgid, msgid_plural and msgstr lines'),
    ("a msgid without msgstr", 'msgid "Open file"\n\nmsgid "Close file"\nmsgstr "关闭文件"\n', 5,
     'msgid without a msgstr; add msgstr "" to leave it untranslated'),
    ("two msgctxt", 'msgctxt "a"\nmsgctxt "b"\nmsgid "Open file"\nmsgstr "打开文件"\n', 6,
     "a second msgctxt in one entry (the first is on line 5)"),
    ("two msgstr", 'msgid "Open file"\nmsgstr "打开文件"\nmsgstr "打开"\n', 7,
     "a second msgstr for one msgid (the first is on line 6)"),
    ("msgstr before its msgid", 'msgstr "打开文件"\nmsgid "Open file"\n', 5,
     "msgstr without a msgid before it"),
    ("msgid_plural alone", 'msgid_plural "%d files"\nmsgstr[0] "%d 个文件"\n', 5,
     "msgid_plural without a msgid before it"),
    ("a stray word", 'msgid "Open file"\nmsgstr "打开文件"\nhello\n', 7,
     'unknown keyword "hello"; an entry is made of msgctxt, msgid, msgid_plural and msgstr lines'),
    ("a string no keyword opens", '#: main.c:12\n"Open file"\nmsgid "Open file"\nmsgstr "打开文件"\n', 6,
     'a string without a keyword (msgid, msgstr...) before it'),
]


@pytest.mark.parametrize("body, line, reason", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_malformed_catalogue_says_what_is_wrong(runner, tmp_path, monkeypatch, body, line, reason):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("zh_CN.po").write_text(HEADER + body, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "zh_CN.po"])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: zh_CN.po:{line}: malformed PO: {reason}\n"
