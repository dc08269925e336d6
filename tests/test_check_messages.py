"""What a finding says, beyond the rule: enough for a reviewer to see the cause at once."""

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from tests.support import approved


def test_a_finding_says_when_the_translation_keeps_the_term_in_english():
    # The reference wants 中东呼吸综合征 where translators keep MERS: the finding says so at once.
    (finding,) = run_check(Glossary(terms=[approved("MERS", "中东呼吸综合征")]),
                           [SegmentPair("MERS cases rose.", "MERS病例增加。", Location("corpus.tsv", 1))]).findings
    assert finding.message == '"MERS" should be translated as "中东呼吸综合征" (the translation keeps it in English)'
    (other,) = run_check(Glossary(terms=[approved("MERS", "中东呼吸综合征")]),
                         [SegmentPair("MERS cases rose.", "SMERSH 病例增加。", Location("corpus.tsv", 1))]).findings
    assert other.message == '"MERS" should be translated as "中东呼吸综合征"'


def test_a_latin_rendering_written_with_spaces_for_hyphens_counts():
    # The English side reads a hyphen as a space; the Latin words in a Chinese sentence are read alike.
    kept = Entry(source="SARS-CoV-2", keep_source=True, status=Status.APPROVED)
    pairs = [SegmentPair("SARS-CoV-2 spreads.", "SARS CoV 2 在传播。", Location("corpus.tsv", 1)),
             SegmentPair("SARS-CoV-2 spreads.", "新冠病毒在传播。", Location("corpus.tsv", 2))]
    assert [finding.location.line for finding in run_check(Glossary(terms=[kept]), pairs).findings] == [2]
