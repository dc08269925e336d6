"""What a finding says, beyond the rule: enough for a reviewer to see the cause at once."""

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair


def approved(source, target):
    return Entry(source=source, target=[target], status=Status.APPROVED)


def test_a_finding_says_when_the_translation_keeps_the_term_in_english():
    # The reference wants 中东呼吸综合征 where translators keep MERS: the finding says so at once.
    (finding,) = run_check(Glossary(terms=[approved("MERS", "中东呼吸综合征")]),
                           [SegmentPair("MERS cases rose.", "MERS病例增加。", Location("corpus.tsv", 1))]).findings
    assert finding.message == '"MERS" should be translated as "中东呼吸综合征" (the translation keeps it in English)'
    (other,) = run_check(Glossary(terms=[approved("MERS", "中东呼吸综合征")]),
                         [SegmentPair("MERS cases rose.", "SMERSH 病例增加。", Location("corpus.tsv", 1))]).findings
    assert other.message == '"MERS" should be translated as "中东呼吸综合征"'
