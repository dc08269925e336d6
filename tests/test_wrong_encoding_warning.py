"""A wrong --encoding reads a file into mojibake: a Big5 file read as GB18030 (what a CI script set
up for the mainland team's files passes) gave findings against junk and a glossary of it, silently.
The tool warns, once per file, naming the encoding the bytes read much better in."""

import shutil
from pathlib import Path

from glossary_cli.cli.common import app
from tests.support import CHECKOUT_PAIRS, SOFTWARE_TAIWAN

HANT = Path(__file__).parent / "data" / "hant"


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


def test_big5_read_as_gb18030_is_checked_with_a_warning_naming_big5_and_showing_the_mojibake(runner, in_shop):
    shutil.copy(HANT / "big5.tsv", "tw.tsv")
    Path("tw.yaml").write_text(SOFTWARE_TAIWAN, encoding="utf-8")

    result = runner.invoke(app, ["check", "tw.yaml", "tw.tsv", "--encoding", "gb18030"])

    # the private-use characters of the misreading are shown as \ufffd
    assert ("warning: tw.tsv: read as gb18030, but it reads much better as Big5, Traditional Chinese (line 2: "
            "安裝軟件。 rather than \ufffd杆硁ン\ufffd); if that is what it is, pass --encoding big5"
            ) in warnings_in(result.stderr)
    followed = runner.invoke(app, ["check", "tw.yaml", "tw.tsv", "--encoding", "big5"])
    assert warnings_in(followed.stderr) == []
    assert '"software" is rendered as forbidden "軟件"' in followed.stdout


def test_extract_warns_too_before_writing_a_glossary_of_mojibake(runner, in_shop):
    shutil.copy(HANT / "big5.tsv", "tw.tsv")

    result = runner.invoke(app, ["extract", "tw.tsv", "-o", "out.yaml", "--encoding", "gb18030"])

    told = [warning for warning in warnings_in(result.stderr) if "reads much better as Big5" in warning]
    assert len(told) == 1  # once for the file, not once per line


def test_in_a_run_with_encoding_gb18030_only_the_big5_file_draws_the_warning(runner, in_shop):
    Path("docs").mkdir()
    shutil.copy(HANT / "big5.tsv", "docs/tw.tsv")
    Path("docs/gbk.tsv").write_bytes(CHECKOUT_PAIRS.encode("gbk"))

    result = runner.invoke(app, ["check", "g.yaml", "docs", "--input-format", "tsv", "--encoding", "gb18030"])

    assert [warning[:len("warning: docs/tw.tsv: read as gb18030")] for warning in warnings_in(result.stderr)] == [
        "warning: docs/tw.tsv: read as gb18030"]


def test_utf8_text_that_gb18030_also_decodes_is_named_utf8(runner, in_shop):
    Path("utf8.tsv").write_text("Go to checkout\t结算\n", encoding="utf-8")  # 结算 reads as 缁撶畻 in GB18030

    result = runner.invoke(app, ["check", "g.yaml", "utf8.tsv", "--encoding", "gb18030"])

    assert warnings_in(result.stderr) == [
        "warning: utf8.tsv: read as gb18030, but its bytes are UTF-8 (line 1: 结算 rather than 缁撶畻); "
        "if so, pass --encoding utf-8"]
