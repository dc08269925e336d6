"""Files in an encoding other than the one the tool reads them in: a file --encoding cannot read,
a folder mixing GBK with Excel's and Notepad's byte-order-marked files, a glossary Notepad saved
as "Unicode" or "ANSI", one GBK line pasted into a UTF-8 file, and Windows paths with backslashes.
(A wrong --encoding that does decode: test_wrong_encoding_warning.py.)"""

import json
import shutil
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.textio import legacy_chinese_encoding
from tests.support import CHECKOUT_APPROVED, CHECKOUT_PAIRS, SOFTWARE_TAIWAN


# ------------------------------------------------------------------ an --encoding that cannot read the file

def test_a_file_the_given_encoding_cannot_read_is_named_for_what_it_is(runner, in_shop):
    Path("utf8.tsv").write_text("View your shopping cart\t查看购物车\n", encoding="utf-8")
    Path("gbk.tsv").write_bytes("Go to checkout\t去结算\n".encode("gbk"))

    utf8 = runner.invoke(app, ["check", "g.yaml", "utf8.tsv", "--encoding", "gb18030"])
    gbk = runner.invoke(app, ["check", "g.yaml", "gbk.tsv", "--encoding", "big5"])

    assert (utf8.exit_code, utf8.stderr) == (
        2, "error: utf8.tsv:1:29: cannot decode byte 0xA6 as gb18030; the file is UTF-8 text: read it without "
           "--encoding\n")
    assert (gbk.exit_code, gbk.stderr) == (
        2, "error: gbk.tsv:1:16: cannot decode byte 0xC8 as big5; it looks like GB18030/GBK: pass --encoding gb18030\n")


# ------------------------------------------------------------------ M3: a byte-order mark wins over --encoding

def test_one_run_with_encoding_gb18030_reads_gbk_beside_utf8_and_utf16_files_with_a_byte_order_mark(runner, in_shop):
    Path("docs").mkdir()
    Path("docs/notepad-ansi.tsv").write_bytes(CHECKOUT_PAIRS.encode("gbk"))
    Path("docs/excel-utf8.tsv").write_bytes(CHECKOUT_PAIRS.replace("\n", "\r\n").encode("utf-8-sig"))
    Path("docs/excel-unicode.tsv").write_bytes(CHECKOUT_PAIRS.replace("\n", "\r\n").encode("utf-16"))  # a BOM
    Path("docs/utf16-be.tsv").write_bytes(b"\xfe\xff" + CHECKOUT_PAIRS.encode("utf-16-be"))

    result = runner.invoke(app, ["check", "g.yaml", "docs", "--input-format", "tsv", "--encoding", "gb18030",
                                 "--format", "json"])

    assert result.exit_code == 1, result.stderr
    assert result.stderr == "4 findings (GL001 4) in 8 pairs, 2 approved terms; 4 at or above error.\n"  # no warning
    findings = json.loads(result.stdout)["findings"]
    assert sorted((finding["path"], finding["line"]) for finding in findings) == [
        ("docs/excel-unicode.tsv", 2), ("docs/excel-utf8.tsv", 2), ("docs/notepad-ansi.tsv", 2),
        ("docs/utf16-be.tsv", 2)]


def test_a_utf8_byte_order_mark_wins_over_encoding_utf16_too(runner, in_shop):
    Path("bom.tsv").write_bytes(CHECKOUT_PAIRS.encode("utf-8-sig"))

    result = runner.invoke(app, ["check", "g.yaml", "bom.tsv", "--encoding", "utf-16"])

    assert result.exit_code == 1, result.stderr
    assert "1 finding" in result.stdout


# ------------------------------------------------------------------ M4: a glossary not in UTF-8

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-with-bom"])
def test_a_glossary_notepad_saved_as_unicode_is_refused_with_how_to_convert_it(runner, in_shop, encoding):
    data = (CHECKOUT_APPROVED.encode("utf-16") if encoding == "utf-16"
            else b"\xfe\xff" + CHECKOUT_APPROVED.encode("utf-16-be"))
    Path("g.yaml").write_bytes(data)

    for command in (["validate", "g.yaml"], ["check", "g.yaml", "-"], ["approve", "g.yaml", "checkout"]):
        result = runner.invoke(app, command, input=CHECKOUT_PAIRS)
        assert (result.exit_code, result.stderr) == (
            2, "error: g.yaml: UTF-16 text (it starts with a UTF-16 byte-order mark); glossary files are UTF-8: "
               "save it as UTF-8, e.g. iconv -f utf-16 -t utf-8 g.yaml > g.utf8.yaml\n"), command
    assert Path("g.yaml").read_bytes() == data


@pytest.mark.parametrize("encoding, said", [
    ("gbk", "it looks like GB18030/GBK; glossary files are UTF-8: save it as UTF-8, e.g. iconv -f gb18030 -t utf-8"),
    ("big5", "it looks like Big5, Traditional Chinese; glossary files are UTF-8: save it as UTF-8, e.g. iconv -f "
             "big5 -t utf-8"),
])
def test_a_glossary_saved_as_ansi_on_chinese_windows_is_named_for_its_encoding(runner, in_shop, encoding, said):
    text = CHECKOUT_APPROVED if encoding == "gbk" else SOFTWARE_TAIWAN
    Path("my terms.yaml").write_bytes(text.encode(encoding))

    result = runner.invoke(app, ["validate", "my terms.yaml"])

    assert (result.exit_code, result.stderr) == (
        2, f"error: my terms.yaml:5:13: not UTF-8: {said} 'my terms.yaml' > 'my terms.utf8.yaml'\n")
    Path("my terms.utf8.yaml").write_text(Path("my terms.yaml").read_bytes().decode(encoding), encoding="utf-8")
    assert runner.invoke(app, ["validate", "my terms.utf8.yaml"]).exit_code == 0


def test_one_gbk_line_in_a_utf8_glossary_is_pointed_at_alone(runner, in_shop):
    Path("g.yaml").write_bytes(CHECKOUT_APPROVED.encode().replace("购物车".encode(), "购物车".encode("gbk")))

    result = runner.invoke(app, ["validate", "g.yaml"])

    assert (result.exit_code, result.stderr) == (
        2, "error: g.yaml:8:13: this line is not UTF-8 (it looks like GB18030/GBK), though the rest of the file is; "
           "retype it, or paste it again from a UTF-8 source\n")


def test_latin1_is_not_taken_for_chinese():
    assert legacy_chinese_encoding("Stromnetz für Elektroautos".encode("latin-1")) is None
    assert legacy_chinese_encoding("电网".encode("gbk") * 3) == "gb18030"


# ------------------------------------------------------------------ L7: one line of a UTF-8 file in GBK

def test_a_gbk_line_in_a_utf8_corpus_is_located_without_suggesting_to_reencode_the_file(runner, in_shop):
    data = "Go to checkout\t去结算\nEmail address\t电子邮件地址\nView your shopping cart\t查看购物车\n".encode()
    Path("c.tsv").write_bytes(data.replace("电子邮件地址".encode(), "电子邮件地址".encode("gbk")))

    result = runner.invoke(app, ["check", "g.yaml", "c.tsv"])

    assert (result.exit_code, result.stderr) == (
        2, "error: c.tsv:2:15: this line is not UTF-8 (it looks like GB18030/GBK), though the rest of the file is; "
           "retype it, or paste it again from a UTF-8 source (--encoding would misread the other lines)\n")


def test_several_such_lines_are_all_named(runner, in_shop):
    rows = [f"Item {number}\t商品{number}" for number in range(1, 9)]
    data = "\n".join(rows).encode() + b"\n"
    for number in (3, 5, 6):
        data = data.replace(f"商品{number}".encode(), f"商品{number}".encode("gbk"))
    Path("c.tsv").write_bytes(data)

    result = runner.invoke(app, ["check", "g.yaml", "c.tsv"])

    assert result.exit_code == 2
    assert result.stderr.startswith("error: c.tsv:3:8: this line is not UTF-8 (it looks like GB18030/GBK), nor are "
                                    "lines 5, 6, though the rest of the file is; retype them")


# ------------------------------------------------------------------ L5: Windows paths

def test_a_backslash_path_that_does_not_exist_suggests_the_slash_form(runner, in_shop):
    Path("glossaries").mkdir()
    Path("docs").mkdir()
    shutil.move("g.yaml", "glossaries/g.yaml")
    Path("docs/a.tsv").write_text(CHECKOUT_PAIRS, encoding="utf-8")

    glossary = runner.invoke(app, ["check", "glossaries\\g.yaml", "docs/a.tsv"])
    corpus = runner.invoke(app, ["check", "glossaries/g.yaml", "docs\\a.tsv"])

    assert (glossary.exit_code, glossary.stderr) == (
        2, "error: glossaries\\g.yaml: no such glossary file; \\ is not a path separator here, / is: "
           "glossaries/g.yaml\n")
    assert (corpus.exit_code, corpus.stderr) == (
        2, "error: docs\\a.tsv: no such file; \\ is not a path separator here, / is: docs/a.tsv\n")
