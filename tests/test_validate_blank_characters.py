"""Characters that show as nothing or as a blank, but are no format character: a Hangul filler, a
Braille blank, a combining grapheme joiner, a variation selector. Pasted into a term, no editor
shows them and check reads them as part of the term, so it never finds the term as typed; validate
names each as it names a zero-width space, showing where it is (`购物车<U+3164>`) (probe: validate
passed all of them)."""

from __future__ import annotations

import sys

import pytest

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.validate import validate_glossary
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
CHECK_MISSES_IT = ("which check reads as part of the term, so it never finds the term as typed, and an export would "
                   "carry it into CAT tools, whose term search then misses it; delete it")


@pytest.mark.parametrize(("hidden", "name"), [
    ("\u3164", "HANGUL FILLER"),
    ("\uffa0", "HALFWIDTH HANGUL FILLER"),
    ("\u115f", "HANGUL CHOSEONG FILLER"),
    ("\u1160", "HANGUL JUNGSEONG FILLER"),
    ("\u2800", "BRAILLE PATTERN BLANK"),
    ("\u034f", "COMBINING GRAPHEME JOINER"),
    ("\ufe0f", "VARIATION SELECTOR-16"),  # after 车, which has no emoji form
])
def test_a_blank_character_in_an_approved_target_is_a_problem_shown_where_it_is(runner, workdir, hidden, name):
    write("g.yaml", HEADER + f'  - source: shopping cart\n    target: "购物车{hidden}"\n    status: approved\n')
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    code = f"U+{ord(hidden):04X}"
    assert result.stderr == (f'error: g.yaml:5:13: target "购物车<{code}>" holds the invisible character {code} '
                             f"({name}), {CHECK_MISSES_IT}\ng.yaml: 1 problem\n")


def test_on_a_candidate_it_is_a_warning_and_validate_passes(runner, workdir):
    write("g.yaml", HEADER + '  - source: "data\u034fbase"\n    target: 数据库\n    status: candidate\n')
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 0
    assert result.stderr.startswith('warning: g.yaml:4:13: source "data<U+034F>base" holds the invisible character '
                                    "U+034F (COMBINING GRAPHEME JOINER), which check reads as part of the term")


def test_check_indeed_misses_such_a_term_as_typed():
    """Why it is a problem, not a warning, on an approved entry: the correct translation is flagged."""
    glossary = Glossary(terms=[Entry("shopping cart", ["购物车\u3164"], status=Status.APPROVED)])
    pair = SegmentPair("Put it in the shopping cart.", "放入购物车。", Location("c.tsv", 1))
    assert run_check(glossary, [pair]).findings  # 购物车 is there, but not 购物车 + a Hangul filler
    assert validate_glossary(glossary, "g.yaml")


def test_every_default_ignorable_code_point_is_named():
    """Unicode's Default_Ignorable_Code_Point, as the regex module knows it, are all caught: a
    mistyped range in the pattern shows here."""
    regex = pytest.importorskip("regex")
    ignorable = regex.compile(r"\p{Default_Ignorable_Code_Point}")
    missed = [f"U+{code:04X}" for code in range(sys.maxunicode + 1) if ignorable.match(chr(code))
              and not validate_glossary(Glossary(terms=[Entry(f"a{chr(code)}b", ["甲"], status=Status.APPROVED)]),
                                        "g.yaml")]
    assert missed == []



def test_a_variation_selector_is_a_problem_only_where_it_selects_nothing():
    """A variation selector picks a form of the character before it: the emoji heart of a UI label
    (`Like ❤️`), a keycap (1️⃣), a Han character's glyph (an ideographic variation sequence, 葛󠄀).
    There it is meant, and check finds the term as typed; a stray one is clutter."""
    def flagged(term: str) -> bool:
        return bool(validate_glossary(Glossary(terms=[Entry(term, ["赞"], status=Status.APPROVED)]), "g.yaml"))

    for meant in ("Like \u2764\ufe0f", "Step 1\ufe0f\u20e3", "\u845b\U000e0100 root", "\u00a9\ufe0f notice",
                  "text style \u2764\ufe0e"):
        assert not flagged(meant), meant
    for stray in ("\ufe0fLike", "Like \ufe0f", "Like\ufe0f", "data\U000e0100base", "1\ufe0f step"):
        assert flagged(stray), stray
    pair = SegmentPair("Tap Like \u2764\ufe0f to save it.", "点按赞 \u2764\ufe0f 保存。", Location("c.tsv", 1))
    glossary = Glossary(terms=[Entry("Like \u2764\ufe0f", ["赞 \u2764\ufe0f"], status=Status.APPROVED)])
    assert run_check(glossary, [pair]).findings == []  # found as typed


def test_a_joiner_or_tag_inside_an_emoji_is_part_of_it_and_a_stray_one_is_a_problem():
    """A zero-width joiner draws two pictographs as one emoji (the family 👨‍👩‍👧, ❤️‍🔥, a
    toned 👩🏽‍💻), and tags after 🏴 spell a region's flag (Scotland's); check finds such a term as
    typed. A joiner between letters, or tags after anything but 🏴, still hide in the term."""
    def flagged(term: str) -> bool:
        return bool(validate_glossary(Glossary(terms=[Entry(term, ["家庭"], status=Status.APPROVED)]), "g.yaml"))

    family, on_fire, coder = "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f\u200d\U0001f525", \
        "\U0001f469\U0001f3fd\u200d\U0001f4bb"
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    for meant in (f"Family {family}", f"Love {on_fire}", f"{coder} mode", f"{scotland} team"):
        assert not flagged(meant), meant
    for stray in ("smart\u200dgrid", f"Family {family}\u200d", f"\u200d{family}", "team\U000e0067\U000e007f",
                  "\U0001f3f4\U000e007f flag"):
        assert flagged(stray), stray
    pair = SegmentPair(f"Share with Family {family} today.", f"今天与家庭 {family} 共享。", Location("c.tsv", 1))
    glossary = Glossary(terms=[Entry(f"Family {family}", [f"家庭 {family}"], status=Status.APPROVED)])
    assert run_check(glossary, [pair]).findings == []  # found as typed
