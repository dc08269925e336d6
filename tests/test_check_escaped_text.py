"""UI strings escaped for XML or HTML (`Terms &amp; Conditions`): check reads the entity as the
character it stands for, in both directions (final probe: the repo's own UI checkout corpus)."""

from __future__ import annotations

from glossary_cli.check import run_check
from glossary_cli.glossary import Glossary
from glossary_cli.models import Location, SegmentPair
from tests.support import approved, broken

TERMS = [approved("Terms & Conditions", "条款和条件"), approved("R&D", "研发")]


def test_an_escaped_ampersand_is_the_ampersand_of_the_term():
    assert broken(TERMS, "Read the Terms &amp; Conditions.", "阅读使用规定。") == [("GL001", "Terms & Conditions")]
    assert broken(TERMS, "Read the Terms &amp; Conditions.", "阅读条款和条件。") == []
    assert broken(TERMS, "Our R&amp;D team", "我们的团队") == [("GL001", "R&D")]


def test_translated_from_chinese_the_escaped_english_translates_the_rendering():
    pair = SegmentPair("Read the Terms &amp; Conditions.", "阅读条款和条件。", Location("zh-en.tsv", 1),
                       from_chinese=True)
    assert run_check(Glossary(terms=TERMS), [pair]).findings == []


def test_other_markup_still_separates_words():
    assert broken([approved("user account", "用户帐户")], "user &#8203; account", "无关。") == []
