"""A line or paragraph separator between the words of an English term breaks the line as a newline
does: Word and InDesign export soft returns as U+2028 (matching probe, M3)."""

import pytest

from glossary_cli.matching import TermMatcher
from tests.support import approved, broken

CHARGING_PILE = approved("charging pile", "充电桩")


@pytest.mark.parametrize("line_break", ["\u2028", "\u2029", "\u0085", "\u000b", "\u000c", "\u1680"])
def test_a_term_broken_across_lines_by_any_line_break_is_the_term(line_break):
    assert broken([CHARGING_PILE], f"Connect the charging{line_break}pile.", "连接充电站。") == [
        ("GL001", "charging pile")]
    assert broken([CHARGING_PILE], f"Connect the charging{line_break}pile.", "连接充电桩。") == []


def test_the_occurrence_still_points_at_the_text_as_written():
    source = "Connect the charging\u2028\u2028pile."
    [occurrence] = TermMatcher([CHARGING_PILE]).find_in_source(source)[0]
    assert (occurrence.start, occurrence.text) == (12, "charging\u2028\u2028pile")
