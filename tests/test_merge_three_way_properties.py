"""Three-way merge properties, on random edits by two teammates: what one side left alone never
undoes the other's change, edits to different terms combine without a conflict, and a decision is
never one side's status with the other side's target."""

from __future__ import annotations

import copy
import dataclasses

from hypothesis import given, strategies as st

from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.merge_three_way import merge_three_way

ANCESTOR = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  # agreed with the client
  - source: V2G
    target: 车网互动
    status: approved
  - source: grid
    target: 电网
    status: candidate
    score: 0.8
  - source: policy stack
    target: 政策堆栈
    status: rejected
  - source: smart charging
    target: 智能充电
    status: approved
    note: from the 2025 standard
  - source: energy hub
    target: 能源枢纽
    status: candidate
"""
SOURCES = ["V2G", "grid", "policy stack", "smart charging", "energy hub"]


def parse(text: str) -> Glossary:
    glossary, problems = parse_glossary(text, "g.yaml")
    assert problems == []
    return glossary


def entry_of(glossary: Glossary, source: str) -> Entry | None:
    return next((entry for entry in glossary.terms if entry.source == source), None)


EDITS = st.sampled_from(["approve", "reject", "retarget", "note", "forbid", "delete", "reviewer", "unnote"])


def edited(text: str, edits: list[tuple[str, str]], who: str) -> str:
    """The ancestor's text after a teammate's edits (each on one source), as saved to a file."""
    glossary = parse(text)
    for edit, source in edits:
        entry = entry_of(glossary, source)
        if entry is None:
            continue
        if edit == "approve":
            entry.status = Status.APPROVED
        elif edit == "reject":
            entry.status = Status.REJECTED
        elif edit == "retarget":
            entry.target = [entry.target[0] + who]
        elif edit == "note":
            entry.note = f"{who} checked it"
        elif edit == "unnote":
            entry.note = None
        elif edit == "forbid":
            entry.forbidden = [*entry.forbidden, f"错{who}"]
        elif edit == "reviewer":
            entry.extra["x-reviewer"] = who
        elif edit == "delete":
            glossary.terms.remove(entry)
    return dump_glossary(glossary)


EDIT_LISTS = st.lists(st.tuples(EDITS, st.sampled_from(SOURCES)), max_size=6)


@given(EDIT_LISTS)
def test_a_side_that_changed_nothing_gives_the_other_side_as_it_is(edits):
    ancestor, ours = parse(ANCESTOR), parse(edited(ANCESTOR, edits, "王"))
    result = merge_three_way(ancestor, ours, copy.deepcopy(ancestor))
    assert result.conflicts == []
    assert dump_glossary(result.glossary) == dump_glossary(ours)
    result = merge_three_way(ancestor, copy.deepcopy(ancestor), ours)
    assert result.conflicts == []
    assert dump_glossary(result.glossary) == dump_glossary(ours)


@given(EDIT_LISTS, EDIT_LISTS)
def test_edits_to_different_terms_combine_without_conflict(ours_edits, theirs_edits):
    theirs_edits = [(edit, source) for edit, source in theirs_edits
                    if source not in {source for _, source in ours_edits}]
    ancestor = parse(ANCESTOR)
    ours, theirs = parse(edited(ANCESTOR, ours_edits, "王")), parse(edited(ANCESTOR, theirs_edits, "李"))
    result = merge_three_way(ancestor, ours, theirs)
    assert result.conflicts == []
    for source in SOURCES:
        changed_by_them = any(edited_source == source for _, edited_source in theirs_edits)
        expected = entry_of(theirs if changed_by_them else ours, source)
        assert entry_of(result.glossary, source) == expected


@given(EDIT_LISTS, EDIT_LISTS)
def test_conflicts_do_not_depend_on_which_side_is_ours(ours_edits, theirs_edits):
    ancestor = parse(ANCESTOR)
    ours, theirs = parse(edited(ANCESTOR, ours_edits, "王")), parse(edited(ANCESTOR, theirs_edits, "李"))
    forward = merge_three_way(ancestor, ours, theirs)
    backward = merge_three_way(ancestor, theirs, ours)
    assert sorted(conflict.source for conflict in forward.conflicts) == sorted(
        conflict.source for conflict in backward.conflicts)
    if not forward.conflicts:  # the same entries; what both sides added comes ours first
        forward_terms = list(map(unordered, forward.glossary.terms))
        backward_terms = list(map(unordered, backward.glossary.terms))
        if any(edit == "delete" for edit, _ in ours_edits + theirs_edits):
            # A candidate one side deleted and the other decided on is kept: in its place in the
            # side that kept it, after the others in the side that deleted it.
            forward_terms.sort(key=lambda entry: entry.source)
            backward_terms.sort(key=lambda entry: entry.source)
        assert forward_terms == backward_terms


def unordered(entry: Entry) -> Entry:
    """An entry with its note lines and lists in sorted order."""
    return dataclasses.replace(entry, note="\n".join(sorted(entry.note.splitlines())) if entry.note else None,
                               forbidden=sorted(entry.forbidden), source_variants=sorted(entry.source_variants))


@given(EDIT_LISTS)
def test_the_same_edits_on_both_sides_are_taken_once(edits):
    ancestor, ours = parse(ANCESTOR), parse(edited(ANCESTOR, edits, "王"))
    result = merge_three_way(ancestor, ours, parse(edited(ANCESTOR, edits, "王")))
    assert result.conflicts == []
    assert dump_glossary(result.glossary) == dump_glossary(ours)


@given(EDIT_LISTS, EDIT_LISTS)
def test_a_merged_decision_is_one_sides_decision(ours_edits, theirs_edits):
    """Approve on one side and retarget on the other must not approve a target nobody approved."""
    ancestor = parse(ANCESTOR)
    ours, theirs = parse(edited(ANCESTOR, ours_edits, "王")), parse(edited(ANCESTOR, theirs_edits, "李"))
    result = merge_three_way(ancestor, ours, theirs)
    clashing = {conflict.source for conflict in result.conflicts}
    for entry in result.glossary.terms:
        if entry.source in clashing:
            continue
        decisions = [(side.status, side.target) for side in (entry_of(ancestor, entry.source),
                                                             entry_of(ours, entry.source),
                                                             entry_of(theirs, entry.source)) if side is not None]
        assert (entry.status, entry.target) in decisions
