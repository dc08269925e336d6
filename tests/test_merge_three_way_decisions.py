"""A decision is about a pair: the three-way merge (git's merge driver) takes a side's status and
target together, lets a person's decision or edit win over what extract only re-proposed, and keeps
the mark of a person's edit (the team probe's findings 1, 3 and 5)."""

from __future__ import annotations

import copy

from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.merge_three_way import merge_three_way
from glossary_cli.models import Evidence, ScoredPair
from glossary_cli.update import as_extracted, update_glossary

BASE = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: V2G
    target: 车网互动
    status: candidate
  - source: policy stack
    target: 政策堆栈
    status: candidate
"""


def parse(text):
    glossary, problems = parse_glossary(text, "g.yaml")
    assert problems == []
    return glossary


def entry(glossary, source):
    return next(entry for entry in glossary.terms if entry.source == source)


def test_two_different_decisions_on_one_term_are_a_conflict_not_a_mix():
    ancestor = parse(BASE)
    team_a = parse(BASE.replace("    status: candidate\n", "    status: approved\n", 1)
                   .replace("target: 政策堆栈\n    status: candidate", "target: 政策堆栈\n    status: rejected"))
    team_b = parse(BASE.replace("target: 车网互动\n    status: candidate", "target: 车辆到电网\n    status: approved")
                   .replace("target: 政策堆栈", "target: 政策体系"))
    result = merge_three_way(ancestor, team_a, team_b)
    assert sorted((conflict.source, conflict.values) for conflict in result.conflicts) == [
        ("V2G", ('"车网互动"', '"车辆到电网"')),
        ("policy stack", ('rejected "政策堆栈"', 'candidate "政策体系"')),
    ]


def extracted(source, target, score):
    """A candidate as extract writes it (its checksum matches)."""
    pair = ScoredPair(source, target, score, 2, ("lexicon",), (Evidence("c.tsv:1", source, target),))
    return update_glossary(None, [pair], {}).terms[0]


def test_a_persons_decision_wins_whole_over_what_extract_re_proposed():
    ancestor = parse("glossary: 1\nterms: []\n")
    ancestor.terms = [extracted("infectious disease", "传染性疾病", 0.7), extracted("hygiene", "手部", 0.4)]
    alice = copy.deepcopy(ancestor)
    entry(alice, "infectious disease").status = Status.APPROVED
    entry(alice, "hygiene").status = Status.REJECTED
    lead = copy.deepcopy(ancestor)  # extract re-run on a grown corpus proposes other renderings
    lead.terms = [extracted("infectious disease", "传染病", 0.8), extracted("hygiene", "卫生", 0.5)]
    for ours, theirs in ((lead, alice), (alice, lead)):
        result = merge_three_way(ancestor, ours, theirs)
        assert result.conflicts == []
        assert [(e.source, e.status, e.target) for e in result.glossary.terms] == [
            ("infectious disease", Status.APPROVED, ["传染性疾病"]), ("hygiene", Status.REJECTED, ["手部"])]


def test_a_hand_correction_stays_marked_when_the_other_sides_extract_proposes_it_too():
    ancestor = parse("glossary: 1\nterms: []\n")
    ancestor.terms = [extracted("hand sanitizer", "免洗洗手液", 0.6)]
    alice = copy.deepcopy(ancestor)
    entry(alice, "hand sanitizer").target = ["洗手液"]  # retyped by hand, not approved yet
    lead = copy.deepcopy(ancestor)
    lead.terms = [extracted("hand sanitizer", "洗手液", 0.7)]
    for ours, theirs in ((lead, alice), (alice, lead)):
        merged = entry(merge_three_way(ancestor, ours, theirs).glossary, "hand sanitizer")
        assert merged.target == ["洗手液"] and not as_extracted(merged)  # the next extract keeps it


def test_a_candidate_one_side_dropped_and_the_other_only_re_scored_is_dropped_without_a_conflict():
    ancestor = parse("glossary: 1\nterms: []\n")
    ancestor.terms = [extracted("of advanced", "先进的", 0.3), extracted("grid", "电网", 0.5)]
    rescored = copy.deepcopy(ancestor)
    rescored.terms = [extracted("of advanced", "先进的", 0.35), extracted("grid", "电网", 0.55)]
    dropped = copy.deepcopy(ancestor)
    dropped.terms = [extracted("grid", "电网", 0.6)]
    approved = copy.deepcopy(ancestor)
    entry(approved, "of advanced").status = Status.APPROVED
    for ours, theirs in ((rescored, dropped), (dropped, rescored)):
        result = merge_three_way(ancestor, ours, theirs)
        assert result.conflicts == [] and [e.source for e in result.glossary.terms] == ["grid"]
    for ours, theirs in ((approved, dropped), (dropped, approved)):  # a decision outweighs a dropped candidate
        result = merge_three_way(ancestor, ours, theirs)
        assert result.conflicts == []
        assert entry(result.glossary, "of advanced").status is Status.APPROVED
