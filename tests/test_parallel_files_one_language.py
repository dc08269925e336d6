"""--source and --target must be an English file and its Chinese translation: the same file twice,
or two files in one language, is refused (exit 2) rather than read as English -> English pairs."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from tests.support import write_here as write

ENGLISH = "The Vehicle-to-Grid pilot connects smart grids.\nSmart grids need a material passport.\n"
MORE_ENGLISH = "Global dialogue sets a collaborative path.\nThe collaborative path needs global dialogue.\n"
CHINESE = "车网互动试点连接智能电网。\n智能电网需要材料护照。\n"
SIDES = "--source takes the English text, --target its Chinese translation, line by line"
APPROVED = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"


def test_extract_refuses_one_file_as_both_sides(runner, workdir):
    write("a.en", ENGLISH)
    result = runner.invoke(app, ["extract", "--source", "a.en", "--target", "./a.en", "-o", "o.yaml", "--no-cache"])
    assert (result.exit_code, result.stderr) == (2, f"error: --source and --target both name the file a.en; {SIDES}\n")
    assert not Path("o.yaml").exists()


def test_extract_refuses_two_english_files(runner, workdir):
    write("a.en", ENGLISH)
    write("b.en", MORE_ENGLISH)
    result = runner.invoke(app, ["extract", "--source", "a.en", "--target", "b.en", "-o", "o.yaml", "--no-cache"])
    assert (result.exit_code, result.stderr) == (
        2, f"error: neither --source a.en nor --target b.en holds any Chinese; {SIDES}\n")
    assert not Path("o.yaml").exists()


def test_check_does_not_pass_two_chinese_files(runner, workdir):
    """Two Chinese files hold no English term to check, so check found nothing and exited 0."""
    write("g.yaml", APPROVED)
    write("a.zh", CHINESE)
    write("b.zh", "智能电网连接车网互动试点。\n材料护照需要智能电网。\n")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "a.zh", "--target", "b.zh"])
    assert (result.exit_code, result.stderr) == (
        2, f"error: --source a.zh and --target b.zh are both mostly Chinese; {SIDES}\n")


def test_a_translation_with_lines_in_latin_letters_only_is_read(runner, workdir):
    """Brand names, versions and URLs are often left as they are: a Chinese side with such lines is
    still a translation, as long as some line holds Chinese."""
    write("g.yaml", APPROVED)
    write("ui.en", "Smart grids\niPhone 15 Pro\nhttps://example.com\n")
    write("ui.zh", "智能电网\niPhone 15 Pro\nhttps://example.com\n")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "ui.en", "--target", "ui.zh"])
    assert result.exit_code == 0, result.output
    write("same.en", "Smart grids\n")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "same.en", "--target", "same.en"])
    assert result.exit_code == 2
