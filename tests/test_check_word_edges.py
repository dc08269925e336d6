"""Where a term's words begin and end: a contraction or a possessive is part of the word before
it (the `m` of i'm is no metre), and on the Chinese side the spaces around a hyphen between Latin
words are spaces, which check ignores there (`MERS -CoV` is MERS-CoV)."""

from __future__ import annotations

from glossary_cli.check import run_check
from glossary_cli.glossary import Glossary
from glossary_cli.models import Location, SegmentPair
from tests.support import approved


def findings(entries, *pairs: tuple[str, str]):
    result = run_check(Glossary(terms=entries), [SegmentPair(english, chinese, Location("c.tsv", line))
                                                 for line, (english, chinese) in enumerate(pairs, start=1)])
    return [(finding.location.line, finding.source_term) for finding in result.findings]


def test_a_contraction_or_possessive_holds_no_one_letter_term():
    units = [approved("m", "米"), approved("s", "秒"), approved("t", "吨")]
    assert findings(units, ("and i'm really having some bad chest pain today", "今天我的胸部真的很痛"),
                    ("it’s the patient's file", "这是病人的档案"), ("Don't wait.", "别等。"),
                    ("The pole is 5 m long and weighs 2 t.", "杆长 5 米。")) == [(4, "t")]


def test_a_term_followed_by_a_possessive_is_still_the_term():
    assert findings([approved("patient", "患者")], ("The patient's file", "病人的档案")) == [(1, "patient")]


def test_spaces_around_a_hyphen_between_latin_words_are_ignored_in_the_chinese():
    mers = [approved("MERS-CoV", "MERS-CoV")]
    assert findings(mers, ("MERS-CoV was isolated in 2012.", "MERS -CoV 于 2012 年分离。"),
                    ("MERS-CoV was isolated in 2012.", "MERS - CoV 于 2012 年分离。"),
                    ("MERS-CoV was isolated in 2012.", "MERS CoV 于 2012 年分离。"),
                    ("MERS-CoV was isolated in 2012.", "MERS 于 2012 年分离。")) == [(4, "MERS-CoV")]
