"""A term inside a file name, a path, an email address, a `$VARIABLE` or a hashtag that the
translation keeps as written is no untranslated term: the token is code, and stays as it is
(matching probe, M1)."""

import pytest

from tests.support import approved, broken

USER = approved("user", "用户")
FILE = approved("file", "文件")


@pytest.mark.parametrize("source, target", [
    ("Write to user@example.com.", "写信至 user@example.com。"),
    ("Open user.cfg.", "打开 user.cfg。"),
    ("Follow #user on social.", "在社交媒体关注 #user。"),
    ("Set $USER first.", "先设置 $USER。"),
    ("Open C:\\Users\\user\\file.txt.", "打开 C:\\Users\\user\\file.txt。"),
    ("Edit /etc/file.conf now.", "立即编辑 /etc/file.conf。"),
    ("Open file.txt now.", "立即打开 file.txt。"),
    ("Run ~/bin/user-setup (\"./user.sh\").", "运行 ~/bin/user-setup（\"./user.sh\"）。"),
])
def test_a_term_inside_code_the_translation_keeps_is_no_finding(source, target):
    assert broken([USER, FILE], source, target) == []


def test_the_same_text_is_still_the_term_where_it_is_prose_or_the_token_was_changed():
    assert broken([USER, FILE], "Open user.cfg.", "打开 user.cfg。") == []
    assert broken([USER], "Open user.cfg and ask the user.", "打开 user.cfg 并询问对方。") == [("GL001", "user")]
    assert broken([USER], "Open user.cfg.", "打开配置。") == [("GL001", "user")]
    assert broken([FILE], "Select a file/folder.", "选择一个 file/folder。") == [("GL001", "file")]
    assert broken([approved("Bluetooth", "蓝牙")], "Open Wi-Fi/Bluetooth/NFC settings.",
                  "打开 Wi-Fi/Bluetooth/NFC 设置。") == [("GL001", "Bluetooth")]
