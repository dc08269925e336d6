"""PO reader: the real Apostrophe catalogue, fuzzy/obsolete/plural entries, line numbers, encodings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.models import Location, SegmentPair
from glossary_cli.readers import read_pairs
from glossary_cli.readers import po
from tests.support import Reader, write_file

DATA = Path(__file__).parent / "data"
APOSTROPHE = DATA / "apostrophe-zh_CN.po"

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'


def write(tmp_path: Path, body: str, name: str = "zh_CN.po", encoding: str = "utf-8") -> str:
    return write_file(tmp_path, body, name, encoding)


pairs = Reader(po)


def texts(found: list[SegmentPair]) -> list[tuple[str, str]]:
    return [(pair.source, pair.target) for pair in found]


# ---------------------------------------------------------------- the real file

def test_apostrophe_catalogue_counts():
    # Counted with grep: 150 `^msgid ` lines = 1 header + 149 entries; 9 `#, fuzzy` entries;
    # 11 `^msgstr ""$` lines = the header + 10 untranslated entries; no `#~` obsolete entries
    # and no msgid_plural. So 149 - 9 - 10 = 130 pairs by default, 139 with --include-fuzzy.
    assert len(pairs(str(APOSTROPHE))) == 130
    assert pairs.warnings == [f"{APOSTROPHE}:334: 10 untranslated entries skipped (first one here)",
                              f"{APOSTROPHE}: 9 fuzzy entries skipped; pass --include-fuzzy to read them"]
    assert len(pairs(str(APOSTROPHE), include_fuzzy=True)) == 139


def test_apostrophe_pairs_point_at_the_msgid_line():
    found = pairs(str(APOSTROPHE))
    assert found[0] == SegmentPair("No matching footnote found", "未发现匹配的脚注", Location(str(APOSTROPHE), 11))
    lines = APOSTROPHE.read_text(encoding="utf-8").splitlines()
    for pair in found:
        assert lines[pair.location.line - 1].startswith("msgid ")


def test_msgctxt_becomes_the_unit_of_the_location():
    general = next(pair for pair in pairs(str(APOSTROPHE)) if pair.source == "General")
    assert general.location == Location(str(APOSTROPHE), 68, "shortcut window")


# ---------------------------------------------------------------- entry kinds

def test_header_fuzzy_obsolete_and_untranslated_entries_are_skipped(tmp_path):
    path = write(tmp_path, HEADER +
                 '#: a.py:1\nmsgid "Save"\nmsgstr "保存"\n\n'
                 '#, fuzzy\nmsgid "Open"\nmsgstr "打开"\n\n'
                 'msgid "Close"\nmsgstr ""\n\n'
                 '#~ msgid "Old"\n#~ msgstr "旧"\n')
    assert pairs(path) == [SegmentPair("Save", "保存", Location(path, 7))]
    assert texts(pairs(path, include_fuzzy=True)) == [("Save", "保存"), ("Open", "打开")]


def test_multiline_strings_are_joined_and_located_at_msgid(tmp_path):
    path = write(tmp_path, HEADER + '#. translator note\n#| msgid "Old"\nmsgid ""\n"Use a header "\n"and footer"\n'
                                    'msgstr ""\n"使用页眉"\n"和页脚"\n')
    assert pairs(path) == [SegmentPair("Use a header and footer", "使用页眉和页脚", Location(path, 8))]


def test_plural_entry_pairs_the_english_plural_with_the_single_chinese_form(tmp_path):
    path = write(tmp_path, HEADER + 'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d 个文件"\n')
    assert pairs(path) == [SegmentPair("%d files", "%d 个文件", Location(path, 6))]


def test_line_numbers_stay_the_files_own_despite_form_feeds(tmp_path):
    # str.splitlines breaks at \x0c (which GNU files use as page breaks); editors do not.
    path = write(tmp_path, HEADER + '\x0c\nmsgid "Save \u2028 now"\nmsgstr "保存"\n\nmsgid "Open"\nmsgstr "打开"\n')
    assert [(pair.source, pair.location.line) for pair in pairs(path)] == [("Save \u2028 now", 7), ("Open", 10)]


def test_empty_file_and_header_only_file_have_no_pairs(tmp_path):
    assert pairs(write(tmp_path, "", name="empty.po")) == []
    assert pairs(write(tmp_path, HEADER, name="header.pot")) == []


def test_crlf_and_bom(tmp_path):
    path = write(tmp_path, "\ufeff" + (HEADER + 'msgid "Save"\nmsgstr "保存"\n').replace("\n", "\r\n"))
    assert pairs(path) == [SegmentPair("Save", "保存", Location(path, 6))]


def test_gb18030_catalogue_is_decoded_from_its_charset(tmp_path):
    body = HEADER.replace("UTF-8", "GB18030") + 'msgid "Save"\nmsgstr "保存"\n'
    assert texts(pairs(write(tmp_path, body, encoding="gb18030"))) == [("Save", "保存")]


def test_gb18030_bytes_declared_utf8_give_a_hint_and_read_with_encoding(tmp_path):
    path = write(tmp_path, HEADER + 'msgid "Save"\nmsgstr "保存"\n', encoding="gb18030")
    with pytest.raises(InputFormatError, match="invalid UTF-8 .*--encoding gb18030") as error:
        pairs(path)
    assert error.value.line == 7
    assert texts(pairs(path, encoding="gb18030")) == [("Save", "保存")]


def test_utf16_catalogue_is_read_by_its_byte_order_mark(tmp_path):
    path = write(tmp_path, HEADER + 'msgid "Save"\nmsgstr "保存"\n', encoding="utf-16")
    assert texts(pairs(path)) == texts(pairs(path, encoding="utf-16")) == [("Save", "保存")]


def test_syntax_error_is_located(tmp_path):
    path = write(tmp_path, HEADER + 'msgid "Save"\nmsgstr "保"存"\n')
    with pytest.raises(InputFormatError, match="malformed PO: unescaped double quote found") as error:
        pairs(path)
    assert error.value.line == 7


def test_a_string_left_open_is_an_error_at_its_line_not_a_translation_cut_short(tmp_path):
    path = write(tmp_path, HEADER + 'msgid "Save"\nmsgstr "保存\n\nmsgid "Open"\nmsgstr "打开"\n')
    with pytest.raises(InputFormatError, match="malformed PO: a string is not closed on its line") as error:
        pairs(path)
    assert error.value.line == 7
    escaped = write(tmp_path, HEADER + 'msgid "say \\"hi\\""\nmsgstr "说\\"你好\\""\n\nmsgid "C:\\\\"\nmsgstr "C 盘\\\\"\n')
    assert texts(pairs(escaped)) == [('say "hi"', '说"你好"'), ("C:\\", "C 盘\\")]


def test_detected_by_extension_and_by_content(tmp_path):
    body = HEADER + 'msgid "Save"\nmsgstr "保存"\n'
    for name in ("zh.po", "zh.pot", "zh_CN.catalogue"):
        assert texts(list(read_pairs([write(tmp_path, body, name=name)]))) == [("Save", "保存")]


def test_check_reports_findings_at_the_po_files_own_lines(runner, tmp_path):
    # Acceptance (issue 5): `glossary check` on a PO file points at the msgid lines an editor shows.
    from glossary_cli.cli.common import app

    glossary = tmp_path / "g.yaml"
    glossary.write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                        "  - source: Export\n    target: 输出\n    status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(glossary), str(APOSTROPHE), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert {finding["path"] for finding in findings} == {os.path.relpath(APOSTROPHE)}  # beneath the current directory
    lines = sorted(finding["line"] for finding in findings)
    # `grep -n -i 'msgid.*export'` gives 24, 218 ("exporting": a form of Export only where an entry says it is a verb), 418, 426, 521, 611; the
    # findings point at the msgstr lines below them, where the translation to fix is.
    assert lines == [25, 421, 427, 522, 612]
