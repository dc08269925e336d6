"""XLIFF reader: the real Angular file, 1.2 and 2.x units, placeholders, untranslated units, direction."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.models import Location, SegmentPair
from glossary_cli.readers import read_pairs
from glossary_cli.readers import xliff
from tests.support import Reader, write_file

DATA = Path(__file__).parent / "data"
ANGULAR = DATA / "rclone-webui-messages.zh-CN.xlf"


def write(tmp_path: Path, body: str, name: str = "messages.xlf", encoding: str = "utf-8") -> str:
    return write_file(tmp_path, body, name, encoding)


def xliff12(*units: str, source: str = "en-US", target: str = "zh-CN") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'<file source-language="{source}" target-language="{target}" datatype="plaintext" original="x"><body>\n'
            + "\n".join(units) + "\n</body></file></xliff>\n")


def xliff2(*units: str, source: str = "en", target: str = "zh-Hans") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="{source}" trgLang="{target}">\n'
            '<file id="f1">\n' + "\n".join(units) + "\n</file></xliff>\n")


pairs = Reader(xliff)


def texts(found: list[SegmentPair]) -> list[tuple[str, str]]:
    return [(pair.source, pair.target) for pair in found]


# ---------------------------------------------------------------- the real file

def test_angular_file_reads_every_unit_with_its_id_and_line():
    found = pairs(str(ANGULAR))
    # `grep -c '<trans-unit' ` and `grep -c '<target'` both count 201, and no target is empty
    # (`grep -c '<target/>\|<target></target>'` is 0), so every unit gives a pair.
    assert len(found) == 201
    assert found[0] == SegmentPair("Menu", "目录", Location(str(ANGULAR), 5, "2102825898069375693"))
    assert pairs.warnings == []


def test_angular_placeholders_are_dropped_from_both_sides():
    by_unit = {pair.location.unit: pair for pair in pairs(str(ANGULAR))}
    # <x id="START_TAG_MAT_ICON" equiv-text="&lt;mat-icon ...&gt;"/> leaves no markup, only the placeholder
    # that stands where the icon is (see xml_safe.CODE_MARK).
    assert texts([by_unit["2109484463693647579"]]) == [("click {} to open a backend", "点击{} ，打开一个储存池")]
    # An ICU plural placeholder inside the text: only the words around it remain.
    assert texts([by_unit["6448818549106664206"]]) == [("these", "这")]
    assert not any("mat-icon" in pair.source or "PH" in pair.source for pair in by_unit.values())


# ---------------------------------------------------------------- XLIFF 1.2

def test_untranslated_and_empty_targets_are_skipped_and_counted_once(tmp_path):
    path = write(tmp_path, xliff12(
        '<trans-unit id="a"><source>Save</source><target>保存</target></trans-unit>',
        '<trans-unit id="b"><source>Open</source></trans-unit>',
        '<trans-unit id="c"><source>Close</source><target/></trans-unit>',
        '<trans-unit id="d"><source>Quit</source><target state="new">Quit</target></trans-unit>',
        '<trans-unit id="e"><source>Help</source><target state="needs-review-translation">帮助</target></trans-unit>'))
    assert texts(pairs(path)) == [("Save", "保存"), ("Help", "帮助")]
    assert pairs.warnings == [f"{path}:5: 3 untranslated or empty unit(s) skipped (first one here)"]


def test_inline_codes_of_xliff_12(tmp_path):
    path = write(tmp_path, xliff12(
        '<trans-unit id="a"><source>Press <g id="1">Save</g><x id="2"/> <bx id="3"/>now<ex id="3"/> '
        '<ph id="4">&lt;br/&gt;</ph><bpt id="5">&lt;b&gt;</bpt>here<ept id="5">&lt;/b&gt;</ept>'
        '<it id="6" pos="open">&lt;i&gt;</it></source>'
        '<target>现在按<g id="1">保存</g><x id="2"/><ph id="4">&lt;br/&gt;</ph></target></trans-unit>'))
    assert texts(pairs(path)) == [("Press Save{} now {}here", "现在按保存")]  # standalone codes: one {} per run


def test_alt_trans_and_notes_are_not_read_as_the_unit(tmp_path):
    path = write(tmp_path, xliff12(
        '<trans-unit id="a"><source>Save</source><target>保存</target>'
        '<alt-trans><source>Save all</source><target>全部保存</target></alt-trans><note>menu</note></trans-unit>'))
    assert texts(pairs(path)) == [("Save", "保存")]


def test_units_in_groups_and_translate_no(tmp_path):
    path = write(tmp_path, xliff12(
        '<group id="g"><trans-unit id="a"><source>Save</source><target>保存</target></trans-unit></group>',
        '<trans-unit id="b" translate="no"><source>rclone</source></trans-unit>'))
    assert pairs(path) == [SegmentPair("Save", "保存", Location(path, 4, "a"))]
    assert pairs.warnings == []


def test_a_chinese_source_file_is_read_the_right_way_round(tmp_path):
    path = write(tmp_path, xliff12('<trans-unit id="a"><source>保存</source><target>Save</target></trans-unit>',
                                   source="zh_CN", target="en"))
    assert texts(pairs(path)) == [("Save", "保存")]


def test_a_file_in_other_languages_is_an_error_that_names_them(tmp_path):
    path = write(tmp_path, xliff12('<trans-unit id="a"><source>Save</source><target>Sauver</target></trans-unit>',
                                   target="fr"))
    with pytest.raises(InputFormatError, match="file translates en-US -> fr, not en <-> zh") as error:
        pairs(path)
    assert error.value.line == 3
    assert texts(pairs(path, target_lang="fr")) == [("Save", "Sauver")]


def test_crlf_and_bom(tmp_path):
    body = "\ufeff" + xliff12('<trans-unit id="a"><source>Save</source><target>保存</target></trans-unit>').replace("\n", "\r\n")
    path = write(tmp_path, body)
    assert pairs(path) == [SegmentPair("Save", "保存", Location(path, 4, "a"))]


def test_utf16_and_gb18030_files(tmp_path):
    body = xliff12('<trans-unit id="a"><source>Save</source><target>保存</target></trans-unit>')
    utf16 = write(tmp_path, body.replace("UTF-8", "UTF-16"), name="a.xlf", encoding="utf-16")
    gb18030 = write(tmp_path, body.replace("UTF-8", "GB18030"), name="b.xlf", encoding="gb18030")
    assert texts(pairs(utf16)) == texts(pairs(gb18030)) == [("Save", "保存")]


def test_only_a_header_gives_no_pairs(tmp_path):
    assert pairs(write(tmp_path, xliff12())) == []


def test_empty_and_truncated_files(tmp_path):
    with pytest.raises(InputFormatError, match="empty file: no XLIFF content"):
        pairs(write(tmp_path, "", name="empty.xlf"))
    body = xliff12('<trans-unit id="a"><source>Save</source><target>保存</target></trans-unit>')
    with pytest.raises(InputFormatError, match="malformed XLIFF") as error:
        pairs(write(tmp_path, body[:-30], name="cut.xlf"))
    assert error.value.line is not None


def test_external_entity_is_refused(tmp_path):
    body = ('<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM "/etc/passwd">]>\n'
            '<xliff version="1.2"><file source-language="en" target-language="zh"><body>'
            '<trans-unit id="a"><source>&e;</source><target>x</target></trans-unit></body></file></xliff>')
    with pytest.raises(InputFormatError, match="declares the entity 'e'"):
        pairs(write(tmp_path, body))


# ---------------------------------------------------------------- XLIFF 2

def test_xliff2_segments_with_pc_and_placeholders(tmp_path):
    path = write(tmp_path, xliff2(
        '<unit id="u1"><segment><source>Open <pc id="1">the file</pc><ph id="2"/> <sc id="3"/>now<ec startRef="3"/></source>'
        '<target>现在打开<pc id="1">文件</pc><ph id="2"/></target></segment></unit>',
        '<unit id="u2"><segment id="s1"><source>One.</source><target>一。</target></segment><ignorable><source> </source></ignorable>'
        '<segment id="s2" state="initial"><source>Two.</source><target>Two.</target></segment>'
        '<segment id="s3"><source>Three.</source><target>三。</target></segment></unit>'))
    found = pairs(path)
    assert texts(found) == [("Open the file{} now", "现在打开文件"), ("One.", "一。"), ("Three.", "三。")]
    assert [pair.location.unit for pair in found] == ["u1", "u2/s1", "u2/s3"]
    assert pairs.warnings == [f"{path}:5: 1 untranslated or empty unit(s) skipped (first one here)"]


def test_each_segment_of_a_multi_segment_unit_is_located_at_its_own_line(tmp_path):
    path = write(tmp_path, xliff2(
        '<unit id="u1">\n'
        '  <segment id="s1"><source>Heat pumps.</source><target>热泵。</target></segment>\n'
        '  <ignorable><source> </source></ignorable>\n'
        '  <segment id="s2"><source>Smart grids.</source><target>智能电网。</target></segment>\n'
        '</unit>',
        '<unit id="u2"><segment><source>One.</source><target>一。</target></segment></unit>'))
    assert [str(pair.location) for pair in pairs(path)] == [f"{path}:5", f"{path}:7", f"{path}:9"]
    assert [pair.location.unit for pair in pairs(path)] == ["u1/s1", "u1/s2", "u2"]


def test_xliff2_chinese_source_is_swapped(tmp_path):
    path = write(tmp_path, xliff2('<unit id="u"><segment><source>口罩</source><target>mask</target></segment></unit>',
                                  source="zh-CN", target="en-GB"))
    assert texts(pairs(path)) == [("mask", "口罩")]


def test_auto_detection_reads_xliff_by_extension_and_by_content(tmp_path):
    body = xliff12('<trans-unit id="a"><source>Save</source><target>保存</target></trans-unit>')
    for name in ("messages.xliff", "messages.xml", "messages"):
        assert texts(list(read_pairs([write(tmp_path, body, name=name)]))) == [("Save", "保存")]
