"""`--source` and `--target` naming two app resource files of one format (iOS .strings, i18n JSON,
Flutter .arb, Java .properties; Android has its own file): strings paired by key, `check` pointing
at the Chinese value, broken files and mismatched pairs refused in one line."""

from __future__ import annotations

import json

import pytest

from glossary_cli.cli import app
from glossary_cli.readers import ReadOptions, read_parallel
from tests.deadline import GENEROUS_SECONDS, finishes_within
from tests.support import KEYED, finding_places, keyed_check, keyed_pairs

pytestmark = pytest.mark.usefixtures("in_keyed_data")


IOS = ("ios/en.lproj/Localizable.strings", "ios/zh-Hans.lproj/Localizable.strings")
WEB = ("web/locales/en.json", "web/locales/zh.json")
FLUTTER = ("flutter/app_en.arb", "flutter/app_zh.arb")
JAVA = ("java/messages.properties", "java/messages_zh_CN.properties")


# Each fixture translates "file" as the forbidden 档案 twice: a toolbar label and the plural "files selected".
# Where the file shows the value as it is, the finding points at 档案 itself; the Java 8 bundle writes
# its Chinese as \u escapes, so there it points where the value starts.
@pytest.mark.parametrize("files, expected", [
    (IOS, ["ios/zh-Hans.lproj/Localizable.strings:3:27", "ios/zh-Hans.lproj/Localizable.strings:12:33"]),
    (WEB, ["web/locales/zh.json:8:22", "web/locales/zh.json:16:44"]),
    (FLUTTER, ["flutter/app_zh.arb:4:20", "flutter/app_zh.arb:6:56"]),
    (JAVA, ["java/messages_zh_CN.properties:4:20", "java/messages_zh_CN.properties:8:11"]),
])
def test_check_points_at_the_line_and_column_of_the_chinese_value(runner, files, expected):
    result = keyed_check(runner, *files)
    assert result.exit_code == 1
    assert finding_places(result.stdout) == expected


@pytest.mark.parametrize("files, warnings", [
    (IOS, ['ios/en.lproj/Localizable.strings:11: 1 key(s) with no translation in ios/zh-Hans.lproj/Localizable.strings '
           'skipped (first one here: "action.export_pdf")',
           'ios/zh-Hans.lproj/Localizable.strings:16: 1 key(s) not in ios/en.lproj/Localizable.strings skipped '
           '(first one here: "msg.trash_tip")']),
    (WEB, ['web/locales/en.json:11: 1 key(s) with no translation in web/locales/zh.json skipped (first one here: '
           '"toolbar.exportPdf")',
           'web/locales/zh.json:21: 1 key(s) not in web/locales/en.json skipped (first one here: "trashTip")']),
    (FLUTTER, []),
    (JAVA, ['java/messages.properties:15: 1 key(s) with no translation in java/messages_zh_CN.properties skipped '
            '(first one here: "msg.export_pdf")']),
])
def test_keys_on_one_side_only_are_one_warning_each(runner, files, warnings):
    result = keyed_check(runner, *files)
    assert result.stderr == "".join(f"warning: {warning}\n" for warning in warnings)


def test_strict_refuses_a_key_the_english_file_lacks(runner):
    result = keyed_check(runner, *WEB, "--strict")
    assert result.exit_code == 2
    assert result.stderr == 'error: web/locales/en.json:11: key "toolbar.exportPdf" has no translation in ' \
                            "web/locales/zh.json (--strict)\n"


def test_files_given_chinese_first_are_read_as_translated_from_chinese(runner):
    """Where the paths do not say which is the original (zh.json, en.json), --source is, as the
    first column of a table is: the English is then the translation check asks things of (GL005),
    and the forbidden 档案 in the Chinese original is no finding."""
    result = keyed_check(runner, WEB[1], WEB[0])
    assert result.exit_code == 0
    assert "read as" not in result.stderr  # given as documented: --source is the original
    assert finding_places(result.stdout) == []


def test_extract_reads_keyed_files_too(runner, tmp_path):
    output = tmp_path / "web.yaml"
    result = runner.invoke(app, ["extract", "--source", WEB[0], "--target", WEB[1], "--no-cache", "-o", str(output)])
    assert result.exit_code == 0, result.output
    written = output.read_text(encoding="utf-8")
    assert "- source: New folder\n    target: 新建文件夹\n" in written
    assert "where: 'web/locales/zh.json:9'" in written
    assert "source: name\n" not in written and "{{" not in written.split("evidence", 1)[0]


# ---------------------------------------------------------------- iOS .strings

def test_ios_strings_from_xcode_in_utf16_with_comments_escapes_and_bare_keys():
    read = keyed_pairs(*IOS)  # the Chinese table is UTF-16 with a byte-order mark, as Xcode writes it
    assert read["msg.cant_open"] == ('Can’t open "%@"', "无法打开“%@”")
    assert read["msg.storage_full"][1] == "存储空间已满。\n请释放空间后重试。"
    assert read["settings_title"] == ("Settings", "设置")  # bare key, \U8BBE\U7F6E
    assert "empty.placeholder" not in read  # an empty English value: nothing to translate, no warning
    assert len(read) == 11


def test_ios_strings_in_utf8_read_the_same(tmp_path):
    utf8 = tmp_path / "Localizable.strings"
    utf8.write_text((KEYED / IOS[1]).read_text(encoding="utf-16"), encoding="utf-8")
    assert keyed_pairs(IOS[0], str(utf8)) == keyed_pairs(*IOS)


def test_an_unterminated_strings_literal_is_one_error_at_its_line(runner, tmp_path):
    broken = tmp_path / "Localizable.strings"
    broken.write_text('"action.open_file" = "打开文件";\n"action.delete_file" = "删除文件;\n'
                      '"action.new_folder" = "新建文件夹";\n', encoding="utf-8")
    result = keyed_check(runner, IOS[0], str(broken))
    assert result.exit_code == 2
    # the literal opened on line 2 closes at the first quote of line 3; the text after it is no `;`
    assert result.stderr == (f'error: {broken}:3:2: malformed .strings file: expected ";" after the value of '
                             '"action.delete_file" (its value opens on line 2: is its closing quote missing?)\n')
    broken.write_text('"action.open_file" = "打开文件";\n"action.delete_file" = "删除文件;\n', encoding="utf-8")
    result = keyed_check(runner, IOS[0], str(broken))
    assert result.exit_code == 2
    assert result.stderr == f"error: {broken}:2: unterminated string literal: its closing quote is missing\n"


# ---------------------------------------------------------------- JSON and ARB

def test_json_nested_keys_arrays_and_i18next_plurals():
    read = keyed_pairs(*WEB)
    assert read["messages.welcome"] == ("Welcome back, {{name}}!", "欢迎回来，{{name}}！")
    assert read["sort[1]"] == ("Date modified", "修改日期")
    assert read["messages.filesSelected_other"] == ("{{count}} files selected", "已选择 {{count}} 个档案")
    assert "messages.filesSelected_one" not in read  # Chinese has only _other: no gap, no warning
    assert "save" not in read  # "@:toolbar.syncNow" links another message
    assert "app.version" not in read and "beta" not in read  # a number and a boolean hold no text


def test_a_docusaurus_message_s_description_is_a_note_for_the_translator_not_text(tmp_path):
    """Docusaurus's code.json (and a Chrome extension's messages.json) keep a `description` beside
    each `message`, in English on both sides: read as text, it paired English with English and gave
    false findings (docs probe, finding 10)."""
    english, chinese = tmp_path / "en.json", tmp_path / "zh.json"
    english.write_text(json.dumps({"theme.NotFound.title": {"message": "Page Not Found",
                                                            "description": "The title of the 404 page"},
                                   "homepage.tagline": {"description": "Shown under the title"}}), encoding="utf-8")
    chinese.write_text(json.dumps({"theme.NotFound.title": {"message": "找不到页面",
                                                            "description": "The title of the 404 page"},
                                   "homepage.tagline": {"description": "Shown under the title"}},
                                  ensure_ascii=False), encoding="utf-8")
    read = keyed_pairs(str(english), str(chinese))
    assert read["theme.NotFound.title.message"] == ("Page Not Found", "找不到页面")
    assert "theme.NotFound.title.description" not in read
    assert "homepage.tagline.description" in read  # no message beside it: it is the text


def test_arb_metadata_is_not_text():
    read = keyed_pairs(*FLUTTER)
    assert list(read) == ["openFile", "deleteFile", "newFolder", "filesSelected", "welcome"]
    assert read["welcome"] == ("Welcome back, {userName}!", "欢迎回来，{userName}！")


def test_a_json_syntax_error_is_one_error_at_its_line_and_column(runner, tmp_path):
    broken = tmp_path / "zh.json"
    broken.write_text('{\n  "toolbar": {\n    "openFile": "打开文件"\n    "deleteFile": "删除文件"\n  }\n}\n',
                      encoding="utf-8")
    result = keyed_check(runner, WEB[0], str(broken))
    assert result.exit_code == 2
    assert result.stderr == f"error: {broken}:4:5: invalid JSON: expecting ',' or '}}' after a value\n"


def test_a_json_array_beside_a_json_object_is_no_pair_of_resource_files(runner, tmp_path):
    records = tmp_path / "zh.json"
    records.write_text('[{"en": "Open file", "zh": "打开文件"}]\n', encoding="utf-8")
    result = keyed_check(runner, WEB[0], str(records))
    assert result.exit_code == 2
    assert result.stderr == (f"error: --source {WEB[0]} is a JSON i18n file and --target {records} is not a keyed "
                             "resource file; keyed resource files pair by key, so give the English and the Chinese "
                             "file of the same format (plain text files pair line by line)\n")


# ---------------------------------------------------------------- Java .properties

def test_properties_separators_continuations_and_java8_unicode_escapes():
    read = keyed_pairs(*JAVA)  # the Chinese bundle is Java 8 style: ISO-8859-1 with \uXXXX escapes
    assert read["action.new_folder"] == ("New folder", "新建文件夹")  # key: value
    assert read["action.sync_now"] == ("Sync now", "立即同步")  # key value
    assert read["msg.quota"] == ("You have used {0,number,percent} of your storage. Delete old files to free up space.",
                                 "您已使用 {0,number,percent} 的存储空间。请删除旧档案以释放空间。")
    assert "legacy" not in " ".join(source for source, _ in read.values())  # a ! comment


def test_properties_in_utf8_and_in_latin1_read_as_java_9_reads_them(tmp_path):
    utf8 = tmp_path / "messages_zh_CN.properties"
    utf8.write_text("action.delete_file=删除文件\n", encoding="utf-8")
    latin1 = tmp_path / "messages.properties"
    latin1.write_bytes("action.delete_file=Delete the caf\u00e9 file\n".encode("iso-8859-1"))
    assert keyed_pairs(str(latin1), str(utf8)) == {"action.delete_file": ("Delete the café file", "删除文件")}


def test_a_broken_unicode_escape_is_an_error_at_its_line(runner, tmp_path):
    broken = tmp_path / "messages_zh_CN.properties"
    broken.write_text("action.open_file=\\u6253\\u5f00\naction.delete_file=\\u52g0\n", encoding="utf-8")
    result = keyed_check(runner, JAVA[0], str(broken))
    assert result.exit_code == 2
    assert result.stderr == f"error: {broken}:2: malformed \\uxxxx escape \\u52g0 (Java refuses the file)\n"


# ---------------------------------------------------------------- pairs that cannot be

def test_two_keyed_formats_are_refused(runner):
    result = keyed_check(runner, WEB[0], JAVA[1])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: --source {WEB[0]} is a JSON i18n file and --target {JAVA[1]} is a Java "
                                    ".properties file; keyed resource files pair by key")


def test_a_keyed_file_beside_line_aligned_text_is_refused(runner, tmp_path):
    lines = tmp_path / "zh.txt"
    lines.write_text("打开文件\n删除文件\n", encoding="utf-8")
    result = keyed_check(runner, IOS[0], str(lines))
    assert result.exit_code == 2
    assert f"--target {lines} is not a keyed resource file" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_gbk_chinese_bundle_is_an_error_that_suggests_its_encoding_not_latin1_mojibake(runner, tmp_path):
    gbk = tmp_path / "messages_zh_CN.properties"
    gbk.write_bytes("action.open_file=打开文件\naction.delete_file=删除档案\n".encode("gbk"))
    result = keyed_check(runner, JAVA[0], str(gbk))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {gbk}:1:18: invalid UTF-8 (it looks like GB18030/GBK); pass --encoding "
                             "to read another encoding, e.g. --encoding gb18030\n")
    result = keyed_check(runner, JAVA[0], str(gbk), "--encoding", "gb18030")
    assert result.exit_code == 1
    assert finding_places(result.stdout) == [f"{gbk}:2:22"]


def test_a_utf8_chinese_bundle_with_one_stray_latin1_byte_is_an_error_at_that_byte(runner, tmp_path):
    damaged = tmp_path / "messages_zh_CN.properties"
    damaged.write_bytes("action.open_file=打开文件\naction.delete_file=删除 caf\xe9\n".encode("utf-8")
                        .replace(b"caf\xc3\xa9", b"caf\xe9"))
    result = keyed_check(runner, JAVA[0], str(damaged))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {damaged}:2:26: this line is not UTF-8, though the rest of the file is")


def test_a_gbk_bundle_given_as_the_english_side_is_no_latin1_either(runner, tmp_path):
    gbk = tmp_path / "messages_zh_CN.properties"
    gbk.write_bytes("action.open_file=打开文件\n".encode("gbk"))
    result = keyed_check(runner, str(gbk), JAVA[0])
    assert result.exit_code == 2
    assert ":1:18: invalid UTF-8 (it looks like GB18030/GBK)" in result.stderr


def test_a_minified_json_file_of_one_line_reads_in_linear_time(tmp_path):
    """Each value's column is looked up, not counted from the start of its line: 50,000 keys on
    one line read in seconds. Counted from the line's start, 20,000 keys took 40 s, and these take
    minutes (the bound is generous: a busy machine is no quadratic algorithm)."""
    count = 50_000
    english, chinese = tmp_path / "en.json", tmp_path / "zh.json"
    english.write_text(json.dumps({f"key_{index}": f"Back up file {index}" for index in range(count)}), encoding="utf-8")
    chinese.write_text(json.dumps({f"key_{index}": f"备份第 {index} 个😀文件" for index in range(count)},
                                  ensure_ascii=False), encoding="utf-8")
    with finishes_within(GENEROUS_SECONDS, f"reading one line of {count:,} JSON keys"):
        read = list(read_parallel(str(english), str(chinese), options=ReadOptions()))
    last = read[-1].location
    assert (last.target_line, last.target_column) == (1, len(chinese.read_text(encoding="utf-8")) - 15)
    assert last.target_column_utf16 == last.target_column + count - 1  # one emoji before it in each value


def test_a_malformed_unicode_escape_in_a_strings_table_is_an_error_at_its_column(runner, tmp_path):
    broken = tmp_path / "Localizable.strings"
    broken.write_text('"action.open_file" = "打开文件";\n"action.delete_file" = "云端\\U12G备份";\n', encoding="utf-8")
    result = keyed_check(runner, IOS[0], str(broken))
    assert result.exit_code == 2
    assert result.stderr == f'error: {broken}:2:27: malformed .strings file: malformed \\U escape "\\U12G"\n'


def test_a_file_only_the_chinese_directory_has_is_named(runner, tmp_path):
    english, chinese = tmp_path / "en", tmp_path / "zh"
    english.mkdir()
    chinese.mkdir()
    (english / "common.json").write_text('{"open": "Open file"}', encoding="utf-8")
    (chinese / "common.json").write_text('{"open": "打开文件"}', encoding="utf-8")
    (chinese / "only_zh.json").write_text('{"old": "旧档案"}', encoding="utf-8")
    result = keyed_check(runner, str(english), str(chinese))
    assert result.exit_code == 0
    assert result.stderr == f"warning: {chinese}: 1 resource file here that {english} lacks, not read (first: only_zh.json)\n"


@pytest.mark.parametrize("path, language", [
    ("res/values-zh-rTW/strings.xml", "zh-TW"), ("res/values-b+zh+Hant+TW/strings.xml", "zh-Hant-TW"),
    ("ios/zh-Hant.lproj/Localizable.strings", "zh-Hant"), ("java/messages_zh_TW.properties", "zh-TW"),
    ("web/locales/zh-TW.json", "zh-TW"), ("web/locales/zh_HK/common.json", "zh-HK"), ("lib/l10n/app_zh_Hant.arb", "zh-Hant"),
    ("res/values-zh-rCN/strings.xml", "zh-CN"), ("web/locales/zh.json", "zh"),
])
def test_the_chinese_variant_a_resource_path_names(path, language):
    from glossary_cli.readers.keyed import path_language

    assert path_language(path).language == language


def test_a_traditional_chinese_bundle_is_skipped_for_a_zh_cn_glossary(runner, tmp_path):
    taiwan = tmp_path / "messages_zh_TW.properties"
    taiwan.write_text("action.open_file=打開檔案\n", encoding="utf-8")
    result = keyed_check(runner, JAVA[0], str(taiwan))
    assert "skipped: the resources are in zh-TW (as messages_zh_TW.properties says), not zh-CN" in result.stderr
    assert finding_places(result.stdout) == []


def test_a_missing_semicolon_in_a_strings_table_is_reported_where_it_is_missing(runner, tmp_path):
    broken = tmp_path / "Localizable.strings"
    broken.write_text('"action.open_file" = "打开文件"\n"action.delete_file" = "删除文件";\n', encoding="utf-8")
    result = keyed_check(runner, IOS[0], str(broken))
    assert result.exit_code == 2
    assert result.stderr == f'error: {broken}:1:28: malformed .strings file: expected ";" after the value of "action.open_file"\n'


def test_a_json_string_left_open_is_a_complete_message(runner, tmp_path):
    truncated = tmp_path / "zh.json"
    truncated.write_text('{\n  "open": "打开文件', encoding="utf-8")
    result = keyed_check(runner, WEB[0], str(truncated))
    assert result.exit_code == 2
    assert result.stderr == f"error: {truncated}:2:11: invalid JSON: unterminated string: its closing quote is missing\n"
    truncated.write_text('{\n  "open": "打开文件\n"}', encoding="utf-8")
    result = keyed_check(runner, WEB[0], str(truncated))
    assert result.stderr == (f"error: {truncated}:2:16: invalid JSON: a line break or other control character inside "
                             "a string (write it as \\n or \\t)\n")


@pytest.mark.parametrize("chinese, kind", [
    ("ios/zh-Hans.lproj/Localizable.strings", "an iOS strings file"),
    ("ios-plurals/zh-Hans.lproj/Localizable.stringsdict", "an iOS stringsdict file"),
    ("java/messages_zh_CN.properties", "a Java properties file"),
    ("flutter/app_zh.arb", "a Flutter ARB file"),
    ("android/res/values-zh-rCN/strings.xml", "an Android string resource file"),
])
def test_a_resource_file_named_alone_asks_for_its_english_file(runner, monkeypatch, chinese, kind):
    """Read as lines, a .strings file gave junk pairs and a clean check (exit 0)."""
    monkeypatch.chdir(KEYED)
    result = runner.invoke(app, ["check", "glossary.yaml", chinese])
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"error: {chinese}: {kind}, whose strings pair by key with its English file's: "
                             f"give both, --source ENGLISH-FILE --target {chinese}\n")
