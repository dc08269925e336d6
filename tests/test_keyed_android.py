"""`--source res/values/strings.xml --target res/values-zh-rCN/strings.xml`: Android string
resources paired by key (name, array index, plural quantity), and `check` pointing at the Chinese
value a translator fixes."""

from __future__ import annotations

import shutil

import pytest

from glossary_cli.cli import app
from glossary_cli.readers import read_parallel
from tests.support import KEYED, finding_places, keyed_pairs

pytestmark = pytest.mark.usefixtures("in_keyed_data")

ENGLISH = "android/res/values/strings.xml"
CHINESE = "android/res/values-zh-rCN/strings.xml"


def test_check_points_at_the_chinese_value_to_fix(runner):
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", ENGLISH, "--target", CHINESE])
    assert result.exit_code == 1
    assert finding_places(result.stdout) == [
        f"{CHINESE}:5:41",  # <string name="action_delete_file">删除档案</string>: at 档案 itself
        f"{CHINESE}:22:9",  # msg_conflict's text starts on the line after its tag and runs over two: at its start
        f"{CHINESE}:34:40",  # <item quantity="other">已选择 %d 个档案</item>: the Chinese `other` for the English `other`
    ]
    assert "en: Delete file\n    zh: 删除档案" in result.stdout
    assert "3 findings (GL002 3) in 20 pairs" in result.stdout


def test_untranslated_and_left_over_keys_are_each_one_warning(runner):
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", ENGLISH, "--target", CHINESE])
    assert result.stderr == (
        f'warning: {ENGLISH}:12: 1 key(s) with no translation in {CHINESE} skipped (first one here: "action_export_pdf")\n'
        f'warning: {CHINESE}:25: 1 key(s) not in {ENGLISH} skipped (first one here: "msg_trash_tip")\n')


def test_strict_makes_an_untranslated_key_an_error(runner):
    result = runner.invoke(app, ["check", "glossary.yaml", "--strict", "--source", ENGLISH, "--target", CHINESE])
    assert result.exit_code == 2
    assert result.stderr == (f'error: {ENGLISH}:12: key "action_export_pdf" has no translation in {CHINESE} '
                             "(--strict)\n")


def test_read_as_the_app_shows_the_strings():
    read = keyed_pairs(ENGLISH, CHINESE)
    assert read["msg_cant_open"] == ("Can't open this file", "无法打开此文件")  # \' read
    assert read["settings_title"] == ("Settings", "设置")  # \u8bbe\u7f6e read
    assert read["msg_tagline"] == ("Your notes, everywhere", "你的笔记，随处可用")  # aapt's quotes dropped
    assert read["msg_storage_full"][1] == "存储空间已满。\n请释放空间后重试。"
    assert read["msg_contact"][0] == "Write to us at support@example.com"  # \@
    assert read["msg_conflict"][0] == "This file was changed on another device. Keep both versions?"
    assert read["msg_delete_confirm"] == ("Delete this file? This can't be undone.", "要删除此文件吗？此操作无法撤消。")
    assert read["msg_help"][1] == '详情请参阅<a href=https://example.com/help>帮助中心</a>。'  # CDATA: markup is text


def test_xliff_g_placeholders_stand_where_a_word_would():
    read = keyed_pairs(ENGLISH, CHINESE)
    assert read["msg_welcome"] == ("Welcome back, {}!", "欢迎回来，{}！")  # not "Ann", the example
    assert read["msg_file_saved"] == ("File saved to", "文件已保存到")  # a code at the end is no text


def test_arrays_by_index_plurals_by_quantity_and_what_is_no_translation_left_out():
    read = keyed_pairs(ENGLISH, CHINESE)
    assert [read[f"sort_options[{index}]"] for index in range(3)] == [
        ("Name", "名称"), ("Date modified", "修改日期"), ("File size", "文件大小")]
    assert read["files_selected[other]"] == ("%d files selected", "已选择 %d 个档案")
    assert "files_selected[one]" not in read  # Chinese has no `one`: no gap, no warning
    assert "app_name" not in read  # translatable="false"
    assert "share_via" not in read  # @string/action_share
    assert list(read)[:3] == ["action_open_file", "action_delete_file", "action_new_folder"]  # English order


def test_files_given_the_wrong_way_round_are_read_swapped_with_a_warning(runner):
    # the base resources (res/values) are the original, whichever side the options give them
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", CHINESE, "--target", ENGLISH])
    assert result.exit_code == 1
    assert (f"warning: {ENGLISH}: the base resources (no language in the path), so the original, though --source "
            f"names {CHINESE}; read as en -> zh, with {CHINESE} as the translation") in result.stderr
    assert finding_places(result.stdout) == [f"{CHINESE}:5:41", f"{CHINESE}:22:9", f"{CHINESE}:34:40"]


def test_extract_proposes_terms_from_the_pairs_with_evidence_in_the_chinese_file(runner, tmp_path):
    output = tmp_path / "app.yaml"
    result = runner.invoke(app, ["extract", "--source", ENGLISH, "--target", CHINESE, "--no-cache", "-o", str(output)])
    assert result.exit_code == 0, result.output
    written = output.read_text(encoding="utf-8")
    assert "- source: New folder\n    target: 新建文件夹\n" in written
    assert f"where: '{CHINESE}:6'" in written  # <string name="action_new_folder">新建文件夹</string>
    for never_a_term in ("Ann", "Downloads", "Cloud Notes", "xliff", "string"):
        assert f"source: {never_a_term}\n" not in written


def test_broken_xml_is_one_error_line_naming_file_and_line(runner, tmp_path):
    english = tmp_path / "values" / "strings.xml"
    chinese = tmp_path / "values-zh-rCN" / "strings.xml"
    english.parent.mkdir()
    chinese.parent.mkdir()
    shutil.copy(ENGLISH, english)
    chinese.write_text('<resources>\n  <string name="action_open_file">打开文件</string>\n'
                       '  <string name="action_share">分享</strin>\n</resources>\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(KEYED / "glossary.yaml"), "--source", str(english),
                                 "--target", str(chinese)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {chinese}:3:")
    assert "mismatched tag" in result.stderr and result.stderr.count("\n") == 1


def test_two_res_directories_pair_their_strings_as_one_set_each(runner):
    by_file = runner.invoke(app, ["check", "glossary.yaml", "--source", ENGLISH, "--target", CHINESE])
    by_directory = runner.invoke(app, ["check", "glossary.yaml", "--source", "android/res/values",
                                       "--target", "android/res/values-zh-rCN"])
    assert by_directory.exit_code == 1
    assert finding_places(by_directory.stdout) == finding_places(by_file.stdout)
    assert by_directory.stderr == (  # colors.xml holds no strings: nothing to say of it
        f'warning: {ENGLISH}:12: 1 key(s) with no translation in android/res/values-zh-rCN skipped (first one here: '
        '"action_export_pdf")\n'
        f'warning: {CHINESE}:25: 1 key(s) not in android/res/values skipped (first one here: "msg_trash_tip")\n')


def test_a_directory_beside_a_file_is_refused(runner):
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", "android/res/values", "--target", CHINESE])
    assert result.exit_code == 2
    assert result.stderr == (f"error: android/res/values is a directory and {CHINESE} is not; give two files, or two "
                             "directories of resource files (res/values and res/values-zh-rCN)\n")


def test_external_entities_are_refused(runner, tmp_path):
    chinese = tmp_path / "strings.xml"
    chinese.write_text('<?xml version="1.0"?>\n<!DOCTYPE resources [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
                       '<resources>\n  <string name="action_open_file">&secret;</string>\n</resources>\n',
                       encoding="utf-8")
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", ENGLISH, "--target", str(chinese)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {chinese}:2: Android resources XML declares the entity 'secret'")
    assert "root:" not in result.output


def test_strings_split_into_other_files_than_the_english_ones_pair_across_the_directory(runner, tmp_path):
    english, chinese = tmp_path / "values", tmp_path / "values-zh-rCN"
    english.mkdir()
    chinese.mkdir()
    _resources(english / "strings.xml", '  <string name="title">Open file</string>\n')
    _resources(english / "arrays.xml", '  <string-array name="menu"><item>New folder</item><item>Delete file</item>'
                                       "</string-array>\n")
    _resources(chinese / "strings.xml", '  <string name="title">打开文件</string>\n  <string-array name="menu">'
                                        "<item>新建文件夹</item><item>删除档案</item></string-array>\n")
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", str(english), "--target", str(chinese)])
    assert result.exit_code == 1
    assert result.stderr == ""  # arrays.xml is not "missing", nor "menu" left over: aapt merges values/
    assert finding_places(result.stdout) == [f"{chinese / 'strings.xml'}:4:55"]


def _licensed(strings: str) -> str:
    """A resource file behind an AOSP-style licence header of some 5 KB."""
    header = "<!--\n" + "  Copyright (C) 2024 The Android Open Source Project. Licensed under the Apache License 2.0\n" * 60
    return f'<?xml version="1.0" encoding="utf-8"?>\n{header}-->\n<resources>\n{strings}</resources>\n'


def test_a_strings_file_behind_a_long_licence_comment_is_read(runner, tmp_path):
    english, chinese = tmp_path / "values", tmp_path / "values-zh-rCN"
    english.mkdir()
    chinese.mkdir()
    (english / "strings.xml").write_text(_licensed('  <string name="open">Open file</string>\n'), encoding="utf-8")
    (chinese / "strings.xml").write_text(_licensed('  <string name="open">打开档案</string>\n'), encoding="utf-8")
    named = runner.invoke(app, ["check", "glossary.yaml", "--source", str(english / "strings.xml"),
                                "--target", str(chinese / "strings.xml")])
    assert named.exit_code == 1
    assert finding_places(named.stdout) == [f"{chinese / 'strings.xml'}:65:25"]
    in_directories = runner.invoke(app, ["check", "glossary.yaml", "--source", str(english), "--target", str(chinese)])
    assert finding_places(in_directories.stdout) == finding_places(named.stdout)


def _resources(path, strings: str):
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n{strings}</resources>\n', encoding="utf-8")
    return str(path)


def test_each_product_variant_pairs_with_the_translation_of_the_same_product(runner, tmp_path):
    english = _resources(tmp_path / "en.xml", '  <string name="upgrade" product="tablet">Upgrade your tablet</string>\n'
                                              '  <string name="upgrade" product="default">Upgrade your phone</string>\n')
    chinese = _resources(tmp_path / "zh.xml", '  <string name="upgrade" product="tablet">升级平板电脑</string>\n'
                                              '  <string name="upgrade">升级手机</string>\n')
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", english, "--target", chinese])
    assert result.stderr == ""  # no "defined again" warning: aapt builds one of them, by product
    assert keyed_pairs(english, chinese) == {"upgrade#tablet": ("Upgrade your tablet", "升级平板电脑"),
                                       "upgrade": ("Upgrade your phone", "升级手机")}


def test_a_product_variant_the_translation_lacks_pairs_with_its_default_string(runner, tmp_path):
    """aapt shows a tablet the default string of a translation that has none for tablets."""
    english = _resources(tmp_path / "en.xml", '  <string name="upgrade" product="tablet">Upgrade your tablet</string>\n'
                                              '  <string name="upgrade">Upgrade your phone</string>\n')
    chinese = _resources(tmp_path / "zh.xml", '  <string name="upgrade">升级设备</string>\n')
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", english, "--target", chinese])
    assert result.stderr == ""  # no "has no translation" warning
    assert [(pair.source, pair.target) for pair in read_parallel(english, chinese)] == [
        ("Upgrade your tablet", "升级设备"), ("Upgrade your phone", "升级设备")]


def test_an_item_of_type_string_is_a_string(tmp_path):
    english = _resources(tmp_path / "en.xml", '  <item type="string" name="typed">Open file</item>\n'
                                              '  <item type="dimen" name="margin">16dp</item>\n'
                                              '  <string-array name="menu"><item>Open</item><item>Share</item></string-array>\n')
    chinese = _resources(tmp_path / "zh.xml", '  <item type="string" name="typed">打开档案</item>\n'
                                              '  <string-array name="menu"><item>打开</item><item>分享</item></string-array>\n')
    assert keyed_pairs(english, chinese) == {"typed": ("Open file", "打开档案"), "menu[0]": ("Open", "打开"),
                                       "menu[1]": ("Share", "分享")}


def test_a_malformed_unicode_escape_is_an_error_at_its_line_as_aapt2_refuses_it(runner, tmp_path):
    chinese = _resources(tmp_path / "zh.xml", '  <string name="action_open_file">打开文件</string>\n'
                                              '  <string name="bad">错误 \\u12 转义</string>\n')
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", ENGLISH, "--target", chinese])
    assert result.exit_code == 2
    assert result.stderr == (f'error: {chinese}:4:25: malformed \\u escape "\\u12" in <string name="bad">; '
                             "aapt2 refuses it (invalid unicode escape sequence)\n")


def test_a_traditional_chinese_directory_is_skipped_for_a_zh_cn_glossary_as_another_language(runner, tmp_path):
    taiwan = tmp_path / "values-zh-rTW"
    taiwan.mkdir()
    _resources(taiwan / "strings.xml", '  <string name="action_open_file">打開檔案</string>\n')
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", ENGLISH, "--target", str(taiwan / "strings.xml")])
    assert result.exit_code == 2  # nothing else to check
    assert result.stderr.startswith(f"warning: {taiwan / 'strings.xml'}: skipped: the resources are in zh-TW (as "
                                    "values-zh-rTW says), not zh-CN; pass --source-lang/--target-lang to read other "
                                    "languages\n")
    assert finding_places(result.stdout) == []
    told = runner.invoke(app, ["check", "glossary.yaml", "--target-lang", "zh-TW", "--source", ENGLISH,
                               "--target", str(taiwan / "strings.xml")])
    assert told.exit_code == 1


def test_two_chinese_sides_or_one_file_twice_are_refused(runner):
    twice = runner.invoke(app, ["check", "glossary.yaml", "--source", ENGLISH, "--target", ENGLISH])
    assert twice.exit_code == 2
    assert twice.stderr == (f"error: --source and --target both name the file {ENGLISH}; --source takes the English "
                            "resources (res/values), --target their Chinese translation (res/values-zh-rCN)\n")
    chinese = runner.invoke(app, ["check", "glossary.yaml", "--source", CHINESE, "--target", CHINESE.replace(
        "strings.xml", "../values-zh-rCN/strings.xml")])
    assert chinese.exit_code == 2 and "--source and --target both name the file" in chinese.stderr


def test_two_chinese_directories_are_refused(runner, tmp_path):
    simplified, traditional = tmp_path / "values-zh-rCN", tmp_path / "values-zh-rTW"
    shutil.copytree(KEYED / "android/res/values-zh-rCN", simplified)
    shutil.copytree(KEYED / "android/res/values-zh-rCN", traditional)
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", str(simplified), "--target", str(traditional)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: --source {simplified} and --target {traditional} are both mostly Chinese; "
                             "--source takes the English resources (res/values), --target their Chinese translation\n")


def test_directories_given_the_wrong_way_round_are_one_warning(runner, tmp_path):
    english, chinese = tmp_path / "values", tmp_path / "values-zh-rCN"
    english.mkdir()
    chinese.mkdir()
    for name in ("a.xml", "b.xml", "c.xml"):
        _resources(english / name, f'  <string name="{name}">Open file</string>\n')
        _resources(chinese / name, f'  <string name="{name}">打开档案</string>\n')
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", str(chinese), "--target", str(english)])
    assert result.exit_code == 1
    assert result.stderr == (f"warning: {english}: the base resources (no language in the path), so the original, "
                             f"though --source names {chinese}; read as en -> zh, with {chinese} as the "
                             "translation\n")
    assert len(finding_places(result.stdout)) == 3


def test_a_key_the_english_file_marks_untranslatable_is_not_left_over(runner, tmp_path):
    english = _resources(tmp_path / "en.xml", '  <string name="title">Open file</string>\n'
                                              '  <string name="brand" translatable="false">Notely</string>\n')
    chinese = _resources(tmp_path / "zh.xml", '  <string name="title">打开文件</string>\n'
                                              '  <string name="brand">Notely</string>\n')
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", english, "--target", chinese])
    assert result.exit_code == 0
    assert result.stderr == ""
