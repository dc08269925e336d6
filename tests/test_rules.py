"""Each rule on its own: an approved entry, one pair, does the rule fail?"""

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.matching import TermMatcher
from glossary_cli.models import Location, SegmentPair
from glossary_cli.rules import (RULES, Severity, enabled_rules, forbidden_rendering, keep_source_translated,
                                missing_approved_target, target_count_mismatch)


def approved(source, target=(), **fields):
    return Entry(source=source, target=[target] if isinstance(target, str) else list(target),
                 status=Status.APPROVED, **fields)


def pair(source, target):
    return SegmentPair(source, target, Location("corpus.tsv", 1))


def fails(rule, entry, segment_pair):
    """The rule's violation for the entry in the pair (None when it passes or the term is absent)."""
    hits = TermMatcher([entry]).hits(segment_pair)
    return rule(hits[0]) if hits else None


def test_rules_have_stable_ids_titles_and_severities():
    assert {rule_id: (rule.name, rule.severity) for rule_id, rule in RULES.items()} == {
        "GL001": ("missing-approved-target", Severity.ERROR),
        "GL002": ("forbidden-rendering", Severity.ERROR),
        "GL003": ("keep-source-translated", Severity.ERROR),
        "GL004": ("target-count-mismatch", Severity.WARNING),
        "GL005": ("missing-approved-english", Severity.ERROR),
        "GL006": ("english-count-mismatch", Severity.WARNING),
        "GL007": ("forbidden-english", Severity.ERROR),
    }
    assert RULES["GL001"].title == "Approved term not rendered with an approved target"
    assert RULES["GL005"].title == "Chinese term not translated with its approved English"
    assert [rule.id for rule in enabled_rules()] == ["GL001", "GL002", "GL003", "GL005", "GL007"]
    assert [rule.id for rule in enabled_rules(strict_count=True)] == ["GL001", "GL002", "GL003", "GL004", "GL005",
                                                                      "GL006", "GL007"]


def test_missing_approved_target():
    entry = approved("V2G", "车网互动")
    assert fails(missing_approved_target, entry, pair("the V2G grid", "车辆电网")).message == \
        '"V2G" should be translated as "车网互动"'
    assert not fails(missing_approved_target, entry, pair("the V2G grid", "车网互动电网"))
    assert not fails(missing_approved_target, entry, pair("no term here", "车辆电网"))


def test_missing_target_says_when_its_characters_are_there_inside_other_words():
    violation = fails(missing_approved_target, approved("integral", "积分"), pair("the integral", "累积分布函数"))
    assert violation.message == '"integral" should be translated as "积分" ("积分" occurs only inside the words 累积/分布)'


def test_any_allowed_target_satisfies_the_entry():
    entry = approved("outbreak", ["爆发", "暴发"])
    assert not fails(missing_approved_target, entry, pair("the outbreak", "疫情暴发"))


def test_missing_target_is_left_to_the_forbidden_rule_when_a_forbidden_rendering_explains_it():
    entry = approved("WHO", "世界卫生组织", forbidden=["世界贸易组织"])
    segment_pair = pair("the WHO said", "世界贸易组织称")
    assert not fails(missing_approved_target, entry, segment_pair)
    violation = fails(forbidden_rendering, entry, segment_pair)
    assert violation.message == '"WHO" is rendered as forbidden "世界贸易组织"; use "世界卫生组织"'
    assert violation.found == ("世界贸易组织",)


def test_forbidden_rendering_needs_the_term_in_the_source():
    entry = approved("WHO", "世界卫生组织", forbidden=["世界贸易组织"])
    assert not fails(forbidden_rendering, entry, pair("trade talks", "世界贸易组织"))


def test_forbidden_rendering_next_to_an_allowed_one_still_fails():
    entry = approved("outbreak", "暴发", forbidden=["爆发"])
    assert fails(forbidden_rendering, entry, pair("the outbreak and outbreaks", "暴发和爆发"))


def test_keep_source_translated():
    entry = approved("COVID-19", keep_source=True)
    assert fails(keep_source_translated, entry, pair("COVID-19 cases", "新冠肺炎病例")).message == \
        '"COVID-19" must be kept as "COVID-19" in the translation'
    assert not fails(keep_source_translated, entry, pair("COVID-19 cases", "COVID-19 病例"))
    assert not fails(missing_approved_target, entry, pair("COVID-19 cases", "新冠肺炎病例"))


def test_keep_source_accepts_its_listed_targets():
    entry = approved("CDC", "美国疾控中心", keep_source=True)
    assert not fails(keep_source_translated, entry, pair("the CDC", "美国疾控中心"))


def test_target_count_mismatch():
    entry = approved("grid", "电网")
    assert fails(target_count_mismatch, entry, pair("grid to grid", "电网互联")).message == \
        '"grid" occurs 2 times in the source but its targets "电网" only 1 time in the translation'
    assert not fails(target_count_mismatch, entry, pair("grid to grid", "电网到电网"))
    assert not fails(target_count_mismatch, entry, pair("grid to grid", "网络"))  # GL001's business


def test_candidates_and_rejected_entries_are_never_enforced():
    glossary = Glossary(terms=[
        Entry(source="grid", target=["电网"], status=Status.CANDIDATE),
        Entry(source="network", target=["网络"], status=Status.REJECTED),
    ])
    result = run_check(glossary, [pair("grid network", "栅格")])
    assert result.findings == [] and result.terms == []
