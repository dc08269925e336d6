"""A catalogue with two plural forms (Plural-Forms: nplurals=2, as some zh_TW and hand-made
catalogues have) shows msgstr[1] whenever n != 1: it is checked too, paired with msgid_plural, and
msgstr[0] with msgid. A one-form catalogue (zh_CN, nplurals=1) is read as before: msgid_plural with
msgstr[0], the one Chinese form."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.readers import po
from tests.support import FILE_NOT_DANGAN, Reader, write_file

GLOSSARY = FILE_NOT_DANGAN

TWO_FORMS = """\
msgid ""
msgstr ""
"Language: zh_TW\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#, c-format
msgid "%d file deleted"
msgid_plural "%d files deleted"
msgstr[0] "已刪除 %d 個文件"
msgstr[1] "已刪除 %d 個檔案"
"""

read = Reader(po)


def test_check_finds_a_forbidden_rendering_in_the_second_plural_form(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("zh_TW.po").write_text(TWO_FORMS, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "zh_TW.po"])
    assert result.exit_code == 1, result.output
    assert "zh_TW.po:11:20  error GL002" in result.stdout  # msgstr[1] starts at column 12; its 檔案 at 20
    assert "2 pairs" in result.stdout.splitlines()[-1]


def test_each_form_is_paired_with_its_english(tmp_path):
    path = write_file(tmp_path, TWO_FORMS, "zh_TW.po")
    assert [(pair.source, pair.target, pair.location.line, pair.location.target_line) for pair in read(path)] == [
        ("%d file deleted", "已刪除 %d 個文件", 8, 10), ("%d files deleted", "已刪除 %d 個檔案", 8, 11)]


def test_a_second_form_equal_to_the_first_gives_one_pair(tmp_path):
    same = TWO_FORMS.replace('msgstr[1] "已刪除 %d 個檔案"', 'msgstr[1] "已刪除 %d 個文件"')
    path = write_file(tmp_path, same, "zh_TW.po")
    assert [(pair.source, pair.target) for pair in read(path)] == [("%d files deleted", "已刪除 %d 個文件")]


def test_a_one_form_catalogue_reads_as_before(tmp_path):
    one = (TWO_FORMS.replace("nplurals=2; plural=(n != 1)", "nplurals=1; plural=0").replace("zh_TW", "zh_CN")
           .replace('msgstr[1] "已刪除 %d 個檔案"\n', ""))
    path = write_file(tmp_path, one, "zh_CN.po")
    assert [(pair.source, pair.target) for pair in read(path)] == [("%d files deleted", "已刪除 %d 個文件")]
