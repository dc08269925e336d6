"""An approved or rejected entry is a person's reviewed work: a merge never adds to what check
enforces of it (a forbidden rendering, a forbidden English wording, a variant, a setting) from a
candidate nobody reviewed. The two are a conflict naming both sides, settled by a person (probe:
theirs' candidate's source_forbidden went into ours' approved entry, and the refused result was
blamed on ours; a valid forbidden rendering went in silently and check started enforcing it)."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.merge import merge_glossaries
from glossary_cli.merge_three_way import merge_three_way
from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
APPROVED = HEADER + "  - source: smart grid\n    target: 智能电网\n    status: approved\n"
CANDIDATE = "  - source: smart grid\n    target: 智能电网\n    status: candidate\n"


def test_a_candidates_mistake_is_a_conflict_naming_both_sides_not_an_error_blamed_on_ours(runner, workdir):
    write("approved.yaml", APPROVED)
    write("candforbids.yaml", HEADER + CANDIDATE + "    source_forbidden: [smart-grid]\n")
    result = runner.invoke(app, ["merge", "approved.yaml", "candforbids.yaml", "-o", "approved.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        'error: conflict: "smart grid": the candidate would add source_forbidden "smart-grid" to the approved entry, '
        "which nobody reviewed with it: approve the entry with it, or remove it from the candidate (approved.yaml:4 "
        'approved "智能电网", no source_forbidden; candforbids.yaml:7 candidate "智能电网", source_forbidden '
        "[smart-grid])",
        "error: 1 conflict; nothing written. Settle it in approved.yaml or candforbids.yaml and merge again"]
    assert Path("approved.yaml").read_text(encoding="utf-8") == APPROVED


def test_a_forbidden_rendering_on_a_candidate_does_not_slip_into_the_approval(runner, workdir):
    write("approved.yaml", APPROVED)
    write("cand.yaml", HEADER + CANDIDATE + "    forbidden: [智慧电网]\n    note: the client's word\n")
    result = runner.invoke(app, ["merge", "approved.yaml", "cand.yaml", "-o", "approved.yaml"])
    assert result.exit_code == 1
    assert 'the candidate would add forbidden "智慧电网" to the approved entry' in result.stderr
    assert Path("approved.yaml").read_text(encoding="utf-8") == APPROVED


def test_with_markers_both_entries_are_left_for_a_person(runner, workdir):
    write("approved.yaml", APPROVED)
    write("cand.yaml", HEADER + CANDIDATE + "    source_variants: [smartgrid]\n")
    result = runner.invoke(app, ["merge", "approved.yaml", "cand.yaml", "-o", "approved.yaml", "--markers"])
    assert result.exit_code == 1
    merged = Path("approved.yaml").read_text(encoding="utf-8")
    assert "<<<<<<< approved.yaml" in merged and "status: approved" in merged and "source_variants: [smartgrid]" in merged


def entry(status: Status, **fields) -> Entry:
    return Entry("smart grid", ["智能电网"], status=status, **fields)


def test_each_enforced_field_of_a_candidate_is_named():
    for fields, shown in [({"case_sensitive": True}, "case_sensitive true"),
                          ({"extra": {"paths": ["docs/**"]}}, "paths [docs/**]"),
                          ({"forbidden": ["智慧电网"], "source_variants": ["smartgrid"]},
                           'forbidden "智慧电网"; source_variants "smartgrid"')]:
        result = merge_glossaries(Glossary(terms=[entry(Status.APPROVED)]),
                                  Glossary(terms=[entry(Status.CANDIDATE, **fields)]))
        assert [conflict.reason.split(" to the ")[0] for conflict in result.conflicts] == [
            f"the candidate would add {shown}"], fields


def test_a_rejection_is_not_changed_by_a_candidate_either():
    result = merge_glossaries(Glossary(terms=[entry(Status.REJECTED)]),
                              Glossary(terms=[entry(Status.CANDIDATE, forbidden=["智慧电网"])]))
    assert [conflict.reason for conflict in result.conflicts] == [
        'the candidate would add forbidden "智慧电网" to the rejected entry, which nobody reviewed with it: reject the '
        "entry with it, or remove it from the candidate"]


def test_three_way_approved_on_one_side_and_forbidden_on_the_candidate_on_the_other_is_a_conflict_either_way():
    ancestor = Glossary(terms=[entry(Status.CANDIDATE)])
    approved, forbidding = Glossary(terms=[entry(Status.APPROVED)]), Glossary(
        terms=[entry(Status.CANDIDATE, forbidden=["智慧电网"])])
    for ours, theirs in [(approved, forbidding), (forbidding, approved)]:
        result = merge_three_way(ancestor, ours, theirs)
        assert [conflict.reason.split(",")[0] for conflict in result.conflicts] == [
            'the candidate would add forbidden "智慧电网" to the approved entry'], ours
        assert result.glossary.terms == ours.terms  # ours left as it was, as on any conflict


def test_which_file_holds_the_candidate_makes_no_difference(runner, workdir):
    """A git merge driver calls the checked-out branch ours: the rule cannot depend on it (probe:
    our candidate's forbidden rendering went silently into their approval)."""
    write("approved.yaml", APPROVED)
    write("cand.yaml", HEADER + CANDIDATE + "    forbidden: [智慧电网]\n")
    for files in (["approved.yaml", "cand.yaml"], ["cand.yaml", "approved.yaml"]):
        result = runner.invoke(app, ["merge", *files])
        assert result.exit_code == 1, files
        assert 'the candidate would add forbidden "智慧电网" to the approved entry' in result.stderr


def test_what_check_already_reads_into_the_decision_is_no_addition(runner, workdir):
    """`case_sensitive: false` on a lowercase term, or a forbidden wording check reads as one the
    decision holds, changes nothing check enforces: no conflict about it (probe)."""
    write("approved.yaml", APPROVED)
    write("cand.yaml", HEADER + CANDIDATE + "    case_sensitive: false\n    note: the client's word\n")
    result = runner.invoke(app, ["merge", "approved.yaml", "cand.yaml"])
    assert result.exit_code == 0, result.output
    assert "note: the client's word" in result.stdout and "status: approved" in result.stdout
    write("cand.yaml", HEADER + CANDIDATE + "    case_sensitive: true\n")  # this one does change it
    assert runner.invoke(app, ["merge", "approved.yaml", "cand.yaml"]).exit_code == 1

    write("forbids.yaml", APPROVED + "    source_forbidden: [electric grid]\n")
    write("cand.yaml", HEADER + CANDIDATE + "    source_forbidden: [Electric Grids]\n")
    result = runner.invoke(app, ["merge", "forbids.yaml", "cand.yaml"])
    assert "would add" not in result.stderr
