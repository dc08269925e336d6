"""What `glossary check` says about one translated sentence: examples from real corpora."""

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair


def approved(source, target=(), **fields):
    return Entry(source=source, target=[target] if isinstance(target, str) else list(target),
                 status=Status.APPROVED, **fields)


def broken(entries, source, target, *, strict_count=False):
    """The rules the translation breaks, as (rule, glossary term) pairs."""
    pair = SegmentPair(source, target, Location("corpus.tsv", 1))
    result = run_check(Glossary(terms=list(entries)), [pair], strict_count=strict_count)
    return [(finding.rule_id, finding.source_term) for finding in result.findings]


CORONAVIRUS = approved("coronavirus", ["冠状病毒", "新型冠状病毒"])
MERS = approved("MERS", "中东呼吸综合征")


# ------------------------------------------------------------------ English words and their edges

def test_a_term_next_to_a_dash_without_spaces_is_checked():
    """US style writes the em dash without spaces (TICO-19: `this coronavirus—because it's so
    readily transmissible—will…`); a dash ends a clause, it makes no compound."""
    for dash in ("\u2014", "\u2013"):  # em dash, en dash
        source = f"I think this coronavirus{dash}because it spreads easily{dash}will not disappear."
        assert broken([CORONAVIRUS], source, "我认为这种病毒传播性很强，不会消失。") == [
            ("GL001", "coronavirus")], dash


def test_a_term_hyphenated_into_a_compound_is_not_checked():
    for hyphen in ("-", "\u2010", "\u2011"):  # hyphen-minus, hyphen, non-breaking hyphen
        assert broken([MERS], f"Patients infected with MERS{hyphen}CoV recovered.", "感染冠状病毒的患者已康复。") == []
