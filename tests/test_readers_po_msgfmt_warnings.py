"""A catalogue msgfmt would refuse but polib reads (an escape C does not have, such as \\q; the same
msgid twice) is still checked, with one warning each saying what msgfmt will say, so the build
step that compiles it is no surprise."""

from __future__ import annotations

from glossary_cli.readers import po
from tests.support import Reader, write_file

HEADER = 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'  # four lines: entries start on line 5
read = Reader(po)


def test_an_escape_msgfmt_does_not_know_is_warned_about(tmp_path):
    path = write_file(tmp_path, HEADER + 'msgid "Open file"\nmsgstr "打开\\q文件"\n', "zh_CN.po")
    assert [pair.target for pair in read(path)] == ["打开\\q文件"]
    assert read.warnings == [f"{path}:6: invalid escape \\q in a string, which msgfmt refuses "
                             "(a backslash itself is written \\\\)"]


def test_a_msgid_defined_twice_is_warned_about(tmp_path):
    body = ('msgid "Open file"\nmsgstr "打开文件"\n\nmsgctxt "menu"\nmsgid "Open file"\nmsgstr "打开"\n\n'
            'msgid "Open file"\nmsgstr "打开档案"\n')
    path = write_file(tmp_path, HEADER + body, "zh_CN.po")
    assert len(read(path)) == 3  # both are checked
    assert read.warnings == [f"{path}:12: msgid \"Open file\" is defined twice (first on line 5), which msgfmt "
                             "refuses"]


def test_valid_escapes_and_contexts_give_no_warning(tmp_path):
    body = 'msgid "Tab\\there \\"q\\" \\\\ \\101 \\x41"\nmsgstr "制表\\t符 \\"引\\" \\\\ \\101 \\x41"\n'
    path = write_file(tmp_path, HEADER + body, "zh_CN.po")
    assert len(read(path)) == 1
    assert read.warnings == []
