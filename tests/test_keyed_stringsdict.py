"""iOS `.stringsdict` files: plural, width and device variants paired by key, variable and
category, and an `.lproj` directory's .strings and .stringsdict read as the one table Foundation
looks a key up in."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary_cli.readers import ReadOptions, read_parallel
from tests.support import KEYED, finding_places, keyed_check, keyed_pairs

pytestmark = pytest.mark.usefixtures("in_keyed_data")

ENGLISH = "ios-plurals/en.lproj/Localizable.stringsdict"
CHINESE = "ios-plurals/zh-Hans.lproj/Localizable.stringsdict"


def _stringsdict(path: Path, entries: str) -> str:
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
                    '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'
                    f"{entries}</dict>\n</plist>\n", encoding="utf-8")
    return str(path)


def test_plural_and_width_variants_pair_by_key_variable_and_category():
    read = [(pair.location.unit, pair.source, pair.target)
            for pair in read_parallel(ENGLISH, CHINESE, options=ReadOptions())]
    assert read == [  # files_selected's format is only %#@files@: no words of its own
        ("files_selected/files[zero]", "No files selected", "未选择文件"),
        ("files_selected/files[other]", "%d files selected", "已选择 %d 个档案"),
        ("files_in_folders", "%#@files@ in %#@folders@", "%2$#@folders@中的 %1$#@files@"),
        ("files_in_folders/files[other]", "%d files", "%d 个文件"),
        ("files_in_folders/folders[other]", "%d folders", "%d 个文件夹"),
        ("storage_banner[20]", "Storage full", "存储空间已满"),
        ("storage_banner[100]", "Your storage is full. Delete files to free up space.", "存储空间已满。请删除档案以释放空间。"),
        # Chinese translates the entry as a whole, with a format of no variable: what iOS shows for every
        # count, so it pairs with the English format and with the English `other` form
        ("trash_summary", "%#@items@ in the trash", "回收站中有 %d 个文件"),
        ("trash_summary", "%d files", "回收站中有 %d 个文件"),
    ]


def test_variants_the_chinese_lacks_are_no_gap_but_an_entry_it_lacks_is(runner):
    """Chinese has no `one` (files_selected, files_in_folders) nor the 50 width (storage_banner),
    and no `items` variable (trash_summary): no warning for any. pages_exported is not translated."""
    result = keyed_check(runner, ENGLISH, CHINESE)
    assert result.stderr == (f"warning: {ENGLISH}:80: 3 key(s) with no translation in {CHINESE} skipped (first one "
                             'here: "pages_exported")\n')


def test_check_points_at_the_chinese_variant(runner):
    result = keyed_check(runner, ENGLISH, CHINESE)
    assert result.exit_code == 1
    assert finding_places(result.stdout) == [f"{CHINESE}:18:20", f"{CHINESE}:51:22"]  # at 档案 in each
    assert "en: %d files selected\n    zh: 已选择 %d 个档案" in result.stdout


def test_lproj_directories_read_the_stringsdict_and_the_strings_as_one_table(runner):
    """Foundation looks a key up in the .stringsdict first: the .strings entry genstrings left for
    files_selected (已选择 %d 个档案 there too) is never shown, so it is not checked."""
    result = keyed_check(runner, "ios-plurals/en.lproj", "ios-plurals/zh-Hans.lproj")
    assert result.exit_code == 1
    assert finding_places(result.stdout) == [f"{CHINESE}:18:20", f"{CHINESE}:51:22"]
    assert result.stderr == (f"warning: {ENGLISH}:80: 3 key(s) with no translation in "
                             "ios-plurals/zh-Hans.lproj/Localizable.{strings,stringsdict} skipped (first one here: "
                             '"pages_exported")\n')
    assert "in 11 pairs" in result.stdout  # 9 of the .stringsdict (see the next tests), 2 of the .strings


def test_a_plural_translated_in_the_strings_file_alone_pairs_with_the_english_stringsdict_entry(runner, tmp_path):
    english, chinese = tmp_path / "en.lproj", tmp_path / "zh-Hans.lproj"
    english.mkdir()
    chinese.mkdir()
    (english / "Localizable.strings").write_text('"action.delete_file" = "Delete file";\n', encoding="utf-8")
    _stringsdict(english / "Localizable.stringsdict", (KEYED / ENGLISH).read_text(encoding="utf-8")
                 .split("<dict>\n", 1)[1].rsplit("</dict>\n</plist>", 1)[0])
    (chinese / "Localizable.strings").write_text('"action.delete_file" = "删除文件";\n'
                                                 '"files_selected" = "已选择 %d 个档案";\n', encoding="utf-8")
    result = keyed_check(runner, str(english), str(chinese))
    assert finding_places(result.stdout) == [f"{chinese / 'Localizable.strings'}:2:29"]  # with "%d files selected"
    assert '"files_selected"' not in result.stderr  # its English variants are translated as a whole
    assert "missing here" not in result.stderr


def test_a_device_variant_may_hold_a_plural_of_its_own(tmp_path):
    device_rule = ("  <key>sync_hint</key>\n  <dict>\n    <key>NSStringDeviceSpecificRuleType</key>\n    <dict>\n"
                   "      <key>iphone</key>\n      <string>{iphone}</string>\n      <key>mac</key>\n      <dict>\n"
                   "        <key>NSStringLocalizedFormatKey</key>\n        <string>%#@files@</string>\n"
                   "        <key>files</key>\n        <dict>\n          <key>NSStringFormatSpecTypeKey</key>\n"
                   "          <string>NSStringPluralRuleType</string>\n{categories}        </dict>\n      </dict>\n"
                   "    </dict>\n  </dict>\n")
    english = _stringsdict(tmp_path / "en.stringsdict", device_rule.format(
        iphone="Tap to sync", categories="          <key>one</key>\n          <string>Click to sync %d file</string>\n"
                                         "          <key>other</key>\n          <string>Click to sync %d files</string>\n"))
    chinese = _stringsdict(tmp_path / "zh.stringsdict", device_rule.format(
        iphone="轻点以同步", categories="          <key>other</key>\n          <string>点按以同步 %d 个文件</string>\n"))
    assert keyed_pairs(english, chinese) == {"sync_hint[iphone]": ("Tap to sync", "轻点以同步"),
                                       "sync_hint[mac]/files[other]": ("Click to sync %d files", "点按以同步 %d 个文件")}


def test_a_binary_property_list_is_refused_with_the_command_that_converts_it(runner, tmp_path):
    compiled = tmp_path / "Localizable.stringsdict"
    compiled.write_bytes(plistlib.dumps({"trash_summary": {"NSStringLocalizedFormatKey": "回收站中有 %d 个文件"}},
                                        fmt=plistlib.FMT_BINARY))
    result = keyed_check(runner, ENGLISH, str(compiled))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {compiled}: a binary property list, whose strings have no lines to point at; "
                             f"give its XML source, or convert it: plutil -convert xml1 {compiled}\n")


_FILES_VARIABLE = ("  <key>files_selected</key>\n  <dict>\n    <key>NSStringLocalizedFormatKey</key>\n"
                   "    <string>%#@files@</string>\n    <key>files</key>\n    <dict>\n{}    </dict>\n  </dict>\n")
_PLURAL_RULE = "      <key>NSStringFormatSpecTypeKey</key>\n      <string>NSStringPluralRuleType</string>\n"


@pytest.mark.parametrize("entries, where, message", [
    (_FILES_VARIABLE.format(_PLURAL_RULE + "      <key>Other</key>\n      <string>已选择 %d 个文件</string>\n"), 13,
     '"Other" is no plural category (of "files_selected/files"); the categories are zero, one, two, few, many, other'),
    (_FILES_VARIABLE.format("      <key>other</key>\n      <string>已选择 %d 个文件</string>\n"), 9,
     'the variable "files" of "files_selected" has no NSStringFormatSpecTypeKey; add '
     "<key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string>"),
    (_FILES_VARIABLE.format(_PLURAL_RULE + "      <key>other</key>\n"), 13, 'the key "other" has no value'),
    (_FILES_VARIABLE.format(_PLURAL_RULE + "      <key>other</key>\n      <integer>3</integer>\n"), 13,
     'the variant "other" of "files_selected/files" is a <integer>, not a <string>'),
    ("  <key>storage_banner</key>\n  <dict>\n    <key>NSStringVariableWidthRuleType</key>\n    <dict>\n"
     "      <key>narrow</key>\n      <string>存储空间已满</string>\n    </dict>\n  </dict>\n", 9,
     'the width "narrow" of "storage_banner" is not a number'),
    ("  <key>trash_summary</key>\n  <string>回收站中有 %d 个文件</string>\n", 5,
     'the entry "trash_summary" is a <string>; an entry is a <dict> of NSStringLocalizedFormatKey and its variables, '
     "or of a width or device rule"),
])
def test_what_foundation_cannot_read_is_one_error_at_its_line(runner, tmp_path, entries, where, message):
    broken = _stringsdict(tmp_path / "Localizable.stringsdict", entries)
    result = keyed_check(runner, ENGLISH, broken)
    assert result.exit_code == 2
    assert result.stderr == f"error: {broken}:{where}: malformed .stringsdict: {message}\n"


def test_a_stringsdict_declaring_an_entity_is_refused_as_other_property_lists_are(runner, tmp_path):
    declaring = tmp_path / "Localizable.stringsdict"
    declaring.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist [<!ENTITY app "云笔记">]>\n'
                         "<plist version=\"1.0\">\n<dict/>\n</plist>\n", encoding="utf-8")
    result = keyed_check(runner, ENGLISH, str(declaring))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {declaring}:2: property list (.stringsdict) declares the entity 'app'; entity "
                             "declarations are refused (they can expand without bound or read other files)\n")


_KEYS = st.from_regex(r"[a-z][a-z_.]{0,10}", fullmatch=True)
_TEXTS = st.text(alphabet="abcdef %@&<>\"'", min_size=1, max_size=12).filter(str.strip)
_CATEGORIES = st.lists(st.sampled_from(["zero", "one", "two", "few", "many", "other"]), min_size=1, unique=True)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _entry(key: str, format_text: str, categories: dict[str, str]) -> str:
    variants = "".join(f"      <key>{category}</key>\n      <string>{_escaped(text)}</string>\n"
                       for category, text in categories.items())
    return (f"  <key>{key}</key>\n  <dict>\n    <key>NSStringLocalizedFormatKey</key>\n"
            f"    <string>{_escaped(format_text)} %#@count@</string>\n    <key>count</key>\n    <dict>\n"
            f"      <key>NSStringFormatSpecTypeKey</key>\n      <string>NSStringPluralRuleType</string>\n"
            f"      <key>NSStringFormatValueTypeKey</key>\n      <string>d</string>\n{variants}    </dict>\n  </dict>\n")


@settings(max_examples=200, deadline=None)
@given(entries=st.dictionaries(_KEYS, st.tuples(_TEXTS, _CATEGORIES.flatmap(
    lambda categories: st.fixed_dictionaries({category: _TEXTS for category in categories}))), min_size=1, max_size=4))
def test_every_variant_written_is_read_with_its_key_variable_and_category(tmp_path_factory, entries):
    directory = tmp_path_factory.mktemp("stringsdict")
    english = _stringsdict(directory / "en.stringsdict",
                           "".join(_entry(key, text, categories) for key, (text, categories) in entries.items()))
    chinese = _stringsdict(directory / "zh.stringsdict", "".join(
        _entry(key, "中文" + text, {category: "中文" + value for category, value in categories.items()})
        for key, (text, categories) in entries.items()))
    expected = {}
    for key, (text, categories) in entries.items():
        expected[key] = (f"{text} %#@count@".strip(), f"中文{text} %#@count@".strip())
        for category, value in categories.items():
            expected[f"{key}/count[{category}]"] = (value.strip(), f"中文{value}".strip())
    assert keyed_pairs(english, chinese) == expected
