"""`glossary merge` and notes: the same words never pile up, and a corrected line is a conflict, not a second line."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.merge import merged_note
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
GRID = "  - source: grid\n    target: 电网\n    status: approved\n"


def merge(runner, base: str, incoming: str, output: str | None = None):
    result = runner.invoke(app, ["merge", base, incoming, *(["-o", output] if output else [])])
    return result


def test_cross_merging_two_notes_does_not_double_them(runner, workdir):
    write("li.yaml", HEADER + GRID + "    note: Li - ministry usage.\n")
    write("wang.yaml", HEADER + GRID + "    note: Wang - checked 2025 report.\n")
    assert merge(runner, "li.yaml", "wang.yaml", "li_m.yaml").exit_code == 0
    assert merge(runner, "wang.yaml", "li.yaml", "wang_m.yaml").exit_code == 0
    result = merge(runner, "li_m.yaml", "wang_m.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == Path("li_m.yaml").read_text(encoding="utf-8") == (
        HEADER + GRID + "    note: |-\n      Li - ministry usage.\n      Wang - checked 2025 report.\n")


def test_merging_what_a_merge_already_holds_changes_nothing(runner, workdir):
    write("li.yaml", HEADER + GRID + "    note: Li - ministry usage.\n")
    write("wang.yaml", HEADER + GRID + "    note: Wang - checked 2025 report.\n")
    merge(runner, "li.yaml", "wang.yaml", "li_m.yaml")
    assert merge(runner, "li.yaml", "li_m.yaml").stdout == Path("li_m.yaml").read_text(encoding="utf-8")


def test_a_corrected_note_is_a_conflict_showing_both_lines(runner, workdir):
    write("li.yaml", HEADER + GRID + "    note: Use 电网 in al contexts.\n")
    write("wang.yaml", HEADER + GRID + "    note: Use 电网 in all contexts.\n")
    result = merge(runner, "li.yaml", "wang.yaml", "out.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        'error: conflict: "grid": the note was changed on one side (li.yaml:7 "Use 电网 in al contexts."; '
        'wang.yaml:7 "Use 电网 in all contexts.")\n'
        "error: 1 conflict; nothing written. Settle it in li.yaml or wang.yaml and merge again\n")
    assert not Path("out.yaml").exists()


def test_a_corrected_comment_is_a_conflict(runner, workdir):
    write("li.yaml", HEADER + "  # Reviewd by Li\n" + GRID)
    write("wang.yaml", HEADER + "  # Reviewed by Li\n" + GRID)
    result = merge(runner, "li.yaml", "wang.yaml")
    assert result.exit_code == 1
    assert ('"grid": a comment was changed on one side (li.yaml:5 "# Reviewd by Li"; '
            'wang.yaml:5 "# Reviewed by Li")') in result.stderr


def test_a_custom_key_conflict_shows_both_values(runner, workdir):
    write("li.yaml", HEADER + GRID + "    x-reviewer: Li\n")
    write("wang.yaml", HEADER + GRID + "    x-reviewer: Wang\n")
    result = merge(runner, "li.yaml", "wang.yaml")
    assert result.exit_code == 1
    assert 'error: conflict: "grid": x-reviewer differs (li.yaml:7 "Li"; wang.yaml:7 "Wang")\n' in result.stderr


def test_notes_by_example():
    assert merged_note("Standard term.", "Standard term. Since 2025.") == ("Standard term. Since 2025.", None)
    assert merged_note("A.\nB.", "B.\nA.") == ("A.\nB.", None)
    assert merged_note("A.", "Something else entirely.") == ("A.\nSomething else entirely.", None)
    assert merged_note("Approved at meeting 3.", "approved at meeting 3") == (
        "Approved at meeting 3.", ("Approved at meeting 3.", "approved at meeting 3"))
    assert merged_note(None, "New.") == ("New.", None)
    assert merged_note("Kept.", None) == ("Kept.", None)


def test_a_note_coming_back_as_the_same_words_keeps_its_layout():
    """A TBX or CSV round trip drops a literal block's final line break and may rewrap: ours stays."""
    written = "Line one.\nLine two.\n"
    assert merged_note(written, "Line one.\nLine two.") == (written, None)
    assert merged_note(written, "Line one. Line two.") == (written, None)


def test_a_line_added_elsewhere_goes_after_the_note_as_written():
    assert merged_note("Line one.\nLine two.\n", "Line one.\nLine two.\nLine three from the CAT tool") == (
        "Line one.\nLine two.\nLine three from the CAT tool\n", None)
