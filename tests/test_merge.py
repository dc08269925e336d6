"""Merging glossaries: decisions combined, disagreements reported, base text kept."""

from __future__ import annotations

from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.merge import merge_glossaries
from glossary_cli.models import Evidence
from tests.support import CANDIDATE_WITH_WORK

BASE = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  # agreed with the client
  - source: V2G   # acronym
    target: 车网互动
    status: approved
  - source: grid
    target: 电网
    status: candidate
    score: 0.8
  - source: policy stack
    target: 政策堆栈
    status: rejected
"""


def parse(text: str) -> Glossary:
    glossary, problems = parse_glossary(text, "g.yaml")
    assert problems == []
    return glossary


def glossary(*entries: Entry) -> Glossary:
    return Glossary(terms=list(entries))


def approved(source: str, *targets: str, **fields) -> Entry:
    return Entry(source, list(targets), status=Status.APPROVED, **fields)


def test_new_entries_are_appended_and_base_text_is_kept():
    result = merge_glossaries(parse(BASE), glossary(approved("smart charging", "智能充电")))
    assert result.conflicts == []
    assert dump_glossary(result.glossary) == BASE + (
        "  - source: smart charging\n    target: 智能充电\n    status: approved\n")


def test_comments_of_an_added_entry_come_with_it():
    incoming = parse("""\
glossary: 1
languages: {source: en, target: zh}
terms:
# the client's wording, 2026-11
- source: smart charging
  target: 智能充电   # not 聪明充电
  status: approved
""")
    result = merge_glossaries(parse(BASE.replace("\n", "\r\n")), incoming)
    assert dump_glossary(result.glossary) == (BASE + (
        "  # the client's wording, 2026-11\n"
        "  # not 聪明充电\n"
        "  - source: smart charging\n    target: 智能充电\n    status: approved\n")).replace("\n", "\r\n")


def test_an_added_entry_laid_out_as_the_base_is_copied_as_written():
    entry = """\
  # agreed with legal
  - source: Delete
    target: 删除
    status: approved
    forbidden:
      - 删掉
    note: >
      Use 删除 for files,
      not 删掉.
"""
    incoming = parse("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n" + entry)
    assert dump_glossary(merge_glossaries(parse(BASE), incoming).glossary) == BASE + entry


def test_comments_of_an_entry_folded_into_the_base_are_kept_above_it():
    incoming = parse("""\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: grid   # confirmed by the grid operator
    target: 电网
    status: approved
  - source: V2G
    target: 车网互动
    status: approved
    # agreed with the client
""")
    merged = dump_glossary(merge_glossaries(parse(BASE), incoming).glossary)
    assert merged == BASE.replace("  - source: grid\n    target: 电网\n    status: candidate", (
        "  # confirmed by the grid operator\n  - source: grid\n    target: 电网\n    status: approved"))


def test_a_decision_replaces_a_candidate_in_place():
    result = merge_glossaries(parse(BASE), glossary(approved("grid", "电力网", note="team choice")))
    assert result.conflicts == []
    grid = result.glossary.terms[1]
    assert (grid.source, grid.target, grid.status, grid.note) == ("grid", ["电力网"], Status.APPROVED, "team choice")
    assert len(result.glossary.terms) == 3


def test_approving_the_same_pair_patches_the_status_only():
    result = merge_glossaries(parse(BASE), glossary(approved("grid", "电网")))
    assert dump_glossary(result.glossary) == BASE.replace("status: candidate", "status: approved")


def test_both_approve_different_targets():
    result = merge_glossaries(parse(BASE), glossary(approved("V2G", "车辆到电网")),
                              base_name="A.yaml", incoming_name="B.yaml")
    assert [str(conflict) for conflict in result.conflicts] == [
        '"V2G": approved with different targets (A.yaml:5 approved "车网互动"; B.yaml approved "车辆到电网")']


def test_one_approves_what_the_other_rejects():
    result = merge_glossaries(parse(BASE), glossary(approved("policy stack", "政策堆栈")))
    assert [str(conflict) for conflict in result.conflicts] == [
        '"policy stack": one approves what the other rejects (base:12 rejected "政策堆栈"; incoming approved "政策堆栈")']
    result = merge_glossaries(parse(BASE), glossary(Entry("V2G", ["车网互动"], status=Status.REJECTED)))
    assert "one approves what the other rejects" in str(result.conflicts[0])


def test_one_forbids_what_the_other_approves():
    result = merge_glossaries(parse(BASE), glossary(Entry("V2G", ["车网互动"], forbidden=["车网互动"])))
    assert "forbids" in str(result.conflicts[0])
    result = merge_glossaries(parse(BASE), glossary(approved("grid", "电网电网", forbidden=["电网"])))
    assert result.conflicts == []  # grid is only a candidate in base: the decision wins


def proposal(source: str, target: str) -> Entry:
    """A candidate as extract wrote it: its evidence shows it."""
    return Entry(source, [target], evidence=[Evidence("c.tsv:1", f"the {source}", f"{target}。")])


def test_a_candidate_never_overrides_a_decision():
    result = merge_glossaries(parse(BASE), glossary(proposal("V2G", "车辆到电网"), proposal("policy stack", "政策组合")))
    assert result.conflicts == []
    assert dump_glossary(result.glossary) == BASE


def test_a_candidate_target_a_person_typed_is_kept_beside_the_base_proposal():
    result = merge_glossaries(parse(BASE), glossary(Entry("grid", ["电力网"])))  # typed over the proposal
    assert [(entry.source, entry.target) for entry in result.glossary.terms if entry.source == "grid"] == [
        ("grid", ["电网"]), ("grid", ["电力网"])]


def test_a_note_a_teammate_extended_replaces_the_shorter_one():
    base = glossary(approved("V2G", "车网互动", note="Used on the sync button.\n"))
    incoming = glossary(approved("V2G", "车网互动", note="Used on the sync button.\nSee style guide §3.\n"))
    [merged] = merge_glossaries(base, incoming).glossary.terms
    assert merged.note == "Used on the sync button.\nSee style guide §3.\n"


def test_notes_forbidden_and_variants_are_combined():
    base = glossary(approved("V2G", "车网互动", note="from the 2025 standard", forbidden=["车辆到电网"]))
    incoming = glossary(approved("V2G", "车网互动", note="client prefers this", forbidden=["V2G技术"],
                                 source_variants=["vehicle-to-grid"]))
    result = merge_glossaries(base, incoming)
    assert result.conflicts == []
    entry = result.glossary.terms[0]
    assert entry.note == "from the 2025 standard\nclient prefers this"
    assert entry.forbidden == ["车辆到电网", "V2G技术"]
    assert entry.source_variants == ["vehicle-to-grid"]


def test_the_inputs_are_not_modified():
    base, incoming = parse(BASE), glossary(approved("grid", "电网"))
    merge_glossaries(base, incoming)
    assert base.terms[1].status is Status.CANDIDATE and dump_glossary(base) == BASE


def test_combining_lists_and_unknown_keys_leaves_both_inputs_as_they_were():
    base = glossary(approved("V2G", "车网互动", forbidden=["车辆到电网"], extra={"x-owner": {"team": ["grid"]}}))
    incoming = glossary(approved("V2G", "车网互动", forbidden=["V2G技术"], source_variants=["vehicle-to-grid"],
                                 extra={"x-owner": {"team": ["grid"]}, "x-ticket": "T-1"}))
    merged = merge_glossaries(base, incoming).glossary.terms[0]
    merged.extra["x-owner"]["team"].append("billing")
    assert merged.forbidden == ["车辆到电网", "V2G技术"]
    assert base.terms[0].forbidden == ["车辆到电网"] and base.terms[0].source_variants == []
    assert base.terms[0].extra == {"x-owner": {"team": ["grid"]}}
    assert incoming.terms[0].forbidden == ["V2G技术"]


def test_case_insensitive_sources_match():
    result = merge_glossaries(glossary(approved("grid", "电网")), glossary(approved("Grid", "电力网")))
    assert "approved with different targets" in str(result.conflicts[0])


def test_different_languages_cannot_be_merged():
    other = Glossary(languages={"source": "en", "target": "ja"})
    assert str(merge_glossaries(parse(BASE), other).conflicts[0]) == (
        "the glossaries are for different languages (base en→zh, incoming en→ja)")



def test_a_decision_on_a_worked_candidate_keeps_the_work():
    """Its comment, note and own fields; a forbidden rendering the decision lacks is for a person
    to approve with it (test_merge_candidate_never_changes_a_decision.py), whichever side it is on."""
    worked = CANDIDATE_WITH_WORK.replace("    forbidden: [云朵]\n", "")
    result = merge_glossaries(parse(worked), glossary(approved("cloud", "云端")))
    assert result.conflicts == []
    assert dump_glossary(result.glossary) == worked.replace("云\n", "云端\n").replace(
        "candidate", "approved") + "    alternatives:\n      - {target: 云}\n"
    assert [conflict.reason for conflict in merge_glossaries(parse(CANDIDATE_WITH_WORK),
                                                             glossary(approved("cloud", "云端"))).conflicts] == [
        'the candidate would add forbidden "云朵" to the approved entry, which nobody reviewed with it: '
        "approve the entry with it, or remove it from the candidate"]


def test_a_decision_that_contradicts_a_worked_candidate_is_a_conflict():
    base = parse(CANDIDATE_WITH_WORK)
    assert [conflict.reason for conflict in merge_glossaries(base, glossary(approved("cloud", "云朵"))).conflicts] == [
        "one approves a rendering the other forbids"]
    assert [conflict.reason for conflict in merge_glossaries(
        parse(CANDIDATE_WITH_WORK.replace("    forbidden: [云朵]\n", "")),
        glossary(approved("cloud", "云端", extra={"ticket": "LEG-40"}))).conflicts] == ["ticket differs"]


def test_an_incoming_candidate_with_a_note_is_kept_beside_a_decision():
    proposal = Entry("cloud", ["云端"], note="客户建议")
    result = merge_glossaries(glossary(approved("cloud", "云")), glossary(proposal))
    assert result.conflicts == []
    assert result.glossary.terms == [approved("cloud", "云"), proposal]


def test_an_incoming_candidate_that_forbids_an_approved_target_is_a_conflict():
    result = merge_glossaries(glossary(approved("cloud", "云")), glossary(Entry("cloud", ["云端"], forbidden=["云"])))
    assert [conflict.reason for conflict in result.conflicts] == ["one approves a rendering the other forbids"]
