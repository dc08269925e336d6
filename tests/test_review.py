"""The review session: best first, each decision on disk at once, undo, and bulk approval."""

from __future__ import annotations

import pytest

from glossary_cli.errors import GlossaryFileError, UsageError
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import load_glossary, parse_glossary
from glossary_cli.review import Action, ReviewSession, approve_all, decide
from tests.support import SPELLED_OTHERWISE

TEXT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: policy stack   # from the seed
    target: 政策堆栈
    status: candidate
    score: 0.62
    alternatives:
      - {target: 政策组合, score: 0.55}
  - source: V2G
    target: 车网互动
    status: candidate
    score: 0.93
  - source: ESG
    status: approved
    keep_source: true
  - source: grid
    target: 电网
    status: candidate
    score: 0.93
    count: 9
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def on_disk(path) -> dict[str, Entry]:
    return {entry.source: entry for entry in load_glossary(str(path)).terms}


def test_queue_is_candidates_best_first(path):
    session = ReviewSession.open(str(path))
    assert [entry.source for entry in session.queue] == ["grid", "V2G", "policy stack"]


def test_min_score_narrows_the_queue(path):
    assert [entry.source for entry in ReviewSession.open(str(path), min_score=0.9).queue] == ["grid", "V2G"]


def test_min_score_leaves_out_a_candidate_without_a_score_as_list_and_approve_do(tmp_path):
    """A candidate written by hand has no score to compare: `review --min-score 0` counted it while
    `list --min-score 0` and `approve --approve-all --min-score 0` did not (lead probe L2)."""
    file = tmp_path / "g.yaml"
    file.write_text("glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    score: 0.5\n"
                    "  - source: heat pump\n    target: 热泵\n", encoding="utf-8")
    assert [entry.source for entry in ReviewSession.open(str(file), min_score=0).queue] == ["grid"]
    assert [entry.source for entry in ReviewSession.open(str(file)).queue] == ["grid", "heat pump"]


def test_each_decision_is_saved_at_once_and_only_its_line_changes(path):
    session = ReviewSession.open(str(path))
    session.approve()
    assert path.read_text(encoding="utf-8") == TEXT.replace(
        "    status: candidate\n    score: 0.93\n    count: 9", "    status: approved\n    score: 0.93\n    count: 9")
    session.reject()
    assert on_disk(path)["V2G"].status is Status.REJECTED
    assert session.done is False and session.current.source == "policy stack"


def test_edit_approves_the_typed_target_and_keeps_the_old_one_as_alternative(path):
    session = ReviewSession.open(str(path))
    session.skip()
    session.skip()
    session.edit("  政策体系 ")
    entry = on_disk(path)["policy stack"]
    assert entry.target == ["政策体系"] and entry.status is Status.APPROVED
    assert [alternative.target for alternative in entry.alternatives] == ["政策堆栈", "政策组合"]
    assert "  - source: policy stack   # from the seed\n" in path.read_text(encoding="utf-8")
    assert session.current.source == "grid" and session.second_look  # the two skipped come back


def test_pick_an_alternative(path):
    session = ReviewSession.open(str(path))
    session.skip()
    session.skip()
    session.pick(1)
    entry = on_disk(path)["policy stack"]
    assert (entry.target, entry.score, entry.status) == (["政策组合"], 0.55, Status.APPROVED)
    assert [(alternative.target, alternative.score) for alternative in entry.alternatives] == [("政策堆栈", 0.62)]


def test_bad_choices_change_nothing(path):
    session = ReviewSession.open(str(path))
    with pytest.raises(UsageError, match="no alternative 1; this entry has 0"):
        session.pick(1)
    with pytest.raises(UsageError, match="the new target is empty"):
        session.edit("   ")
    assert session.position == 0 and path.read_text(encoding="utf-8") == TEXT


def test_rejecting_the_term_keeps_no_target_and_its_renderings_as_alternatives_and_undo_restores_it(path):
    session = ReviewSession.open(str(path))
    session.skip()
    session.skip()  # on to `policy stack`
    assert session.current.source == "policy stack"
    session.reject_term()
    entry = on_disk(path)["policy stack"]
    assert (entry.status, entry.target) == (Status.REJECTED, [])
    assert [alternative.target for alternative in entry.alternatives] == ["政策堆栈", "政策组合"]
    assert session.undo().source == "policy stack"
    assert path.read_text(encoding="utf-8") == TEXT


def test_undo_restores_the_file_byte_for_byte(path):
    session = ReviewSession.open(str(path))
    session.approve()
    session.skip()
    session.pick(1)
    assert session.undo().source == "policy stack"
    assert session.undo().source == "V2G"  # a skip is undone too, without writing
    assert session.undo().source == "grid"
    assert session.undo() is None
    assert path.read_text(encoding="utf-8") == TEXT
    assert session.current.source == "grid"


def test_counts(path):
    session = ReviewSession.open(str(path))
    session.approve()
    session.reject()
    session.skip()
    assert session.counts() == {Action.APPROVE: 1, Action.REJECT: 1, Action.EDIT: 0, Action.PICK: 0,
                                Action.SKIP: 1, Action.NOTE: 0}


def test_a_file_changed_by_someone_else_is_not_overwritten(path):
    session = ReviewSession.open(str(path))
    session.approve()
    path.write_text(path.read_text(encoding="utf-8") + "  - source: added by hand\n", encoding="utf-8")
    changed = path.read_text(encoding="utf-8")
    with pytest.raises(GlossaryFileError, match="changed by another program during the review"):
        session.reject()
    assert path.read_text(encoding="utf-8") == changed
    assert session.current.status is Status.CANDIDATE


def parse(text: str = TEXT) -> Glossary:
    glossary, problems = parse_glossary(text, "g.yaml")
    assert problems == []
    return glossary


def test_decide_approves_rejects_and_adds():
    glossary = parse()
    with pytest.raises(UsageError, match='no entry "v2g"'):  # V2G is case-sensitive
        decide(glossary, "v2g", Status.APPROVED)
    assert decide(glossary, "GRID", Status.APPROVED).entry.source == "grid"
    decide(glossary, "V2G", Status.APPROVED, target="车网互动")
    decide(glossary, "policy stack", Status.REJECTED)
    decide(glossary, "smart charging", Status.APPROVED, target="智能充电")
    statuses = {entry.source: (entry.target, entry.status) for entry in glossary.terms}
    assert statuses["V2G"] == (["车网互动"], Status.APPROVED)
    assert statuses["policy stack"] == (["政策堆栈"], Status.REJECTED)
    assert statuses["smart charging"] == (["智能充电"], Status.APPROVED)


def test_a_new_entry_in_a_refusal_is_named_not_given_a_line():
    glossary, _ = parse_glossary("terms:\n  - source: Delete\n    target: 删除\n    status: approved\n"
                                 "    source_variants: [Erase]\n")
    with pytest.raises(GlossaryFileError, match='variant "Erase" of "Delete" is also the source of the new entry "Erase"'):
        decide(glossary, "Erase", Status.APPROVED, target="删除")


def test_a_term_asked_for_in_other_case_names_the_entry_it_may_mean():
    # `V2G` has a capital inside a word, so its case matters: `v2g` is no spelling of it
    glossary, _ = parse_glossary("terms:\n  - source: V2G\n    target: 车网互动\n    status: candidate\n")
    with pytest.raises(UsageError, match='no entry "v2g" in the glossary; did you mean "V2G"'):
        decide(glossary, "v2g", Status.APPROVED)


def test_a_title_case_term_is_found_in_lower_case_as_check_finds_it():
    glossary, _ = parse_glossary("terms:\n  - source: Advanced Options\n    target: 高级选项\n    status: candidate\n")
    decide(glossary, "advanced options", Status.APPROVED)
    assert [(entry.source, entry.status) for entry in glossary.terms] == [("Advanced Options", Status.APPROVED)]




def test_a_term_is_found_as_check_and_validate_read_it_hyphen_or_space_singular_or_plural():
    glossary = parse(SPELLED_OTHERWISE)
    assert decide(glossary, "Wi Fi", Status.APPROVED).entry.source == "Wi-Fi"
    assert decide(glossary, "smart grid", Status.REJECTED).entry.source == "smart grids"
    assert [(entry.source, entry.status) for entry in glossary.terms] == [
        ("Wi-Fi", Status.APPROVED), ("smart grids", Status.REJECTED), ("policy stack", Status.CANDIDATE)]


def test_a_term_several_entries_write_otherwise_asks_for_the_spelling_meant():
    glossary = parse(SPELLED_OTHERWISE + "  - source: Smart-Grid\n    target: 灵巧电网\n    status: rejected\n")
    with pytest.raises(UsageError, match='"smart grid" is written otherwise in the glossary, as 2 entries check reads '
                                         'as that term: "smart grids" \\(candidate, line 6\\) and "Smart-Grid" '
                                         '\\(rejected, line 12\\); give the term as the one you mean writes it'):
        decide(glossary, "smart grid", Status.APPROVED)


def test_reject_names_the_term_a_typo_may_mean_as_approve_does():
    glossary = parse(SPELLED_OTHERWISE)
    with pytest.raises(UsageError, match='no entry "polcy stack" in the glossary; did you mean "policy stack"\\? '
                                         '\\(or give --target to record a rejected rendering\\)'):
        decide(glossary, "polcy stack", Status.REJECTED)


def test_a_new_entry_beside_the_same_term_written_otherwise_names_that_entry():
    glossary = parse(SPELLED_OTHERWISE.replace("status: candidate", "status: rejected", 1))
    decision = decide(glossary, "Wi Fi", Status.APPROVED, target="无线局域网")
    assert (decision.entry.source, decision.entry.target, decision.added) == ("Wi Fi", ["无线局域网"], True)
    assert (decision.written_otherwise.source, decision.written_otherwise.target) == ("Wi-Fi", ["无线网络"])
    plain = decide(glossary, "smart meter", Status.APPROVED, target="智能电表")
    assert (plain.added, plain.written_otherwise) == (True, None)


def test_the_same_term_under_another_spelling_is_refused_where_validate_would_refuse_it():
    glossary = parse(SPELLED_OTHERWISE.replace("status: candidate", "status: approved", 1))
    with pytest.raises(UsageError, match='"Wi-Fi" is approved as "无线网络" \\(line 3\\); to change its rendering, approve '
                                         'again with --replace'):
        decide(glossary, "Wi Fi", Status.APPROVED, target="无线局域网")


def test_rejecting_one_rendering_of_an_approved_list_keeps_the_others_approved():
    glossary, problems = parse_glossary("terms:\n  - source: Sync\n    target: [同步, 同步化]\n    status: approved\n")
    assert problems == []
    decide(glossary, "Sync", Status.REJECTED, target="同步化")
    assert [(entry.target, entry.status) for entry in glossary.terms] == [
        (["同步"], Status.APPROVED), (["同步化"], Status.REJECTED)]


def test_rejecting_one_rendering_of_a_candidate_list_leaves_the_others_to_review():
    glossary, _ = parse_glossary("terms:\n  - source: WRI\n    target: [WRI, 世界资源研究所]\n    status: candidate\n"
                                 "    alternatives:\n      - {target: 研究所, score: 0.4}\n")
    decide(glossary, "WRI", Status.REJECTED, target="WRI")
    candidate, rejected = glossary.terms
    assert (candidate.target, candidate.status, candidate.alternatives[0].target) == (
        ["世界资源研究所"], Status.CANDIDATE, "研究所")
    assert (rejected.target, rejected.status) == (["WRI"], Status.REJECTED)


def test_decide_refuses_what_validate_would_reject():
    glossary = parse(TEXT + "  - source: grid\n    target: 电力网\n    status: approved\n")
    with pytest.raises(GlossaryFileError, match='approving "grid" would leave the glossary with a problem check refuses: line '
                                                r'\d+: "grid" is approved twice'):
        decide(glossary, "grid", Status.APPROVED, target="电网")
    with pytest.raises(UsageError, match='no entry "nothing" in the glossary; give --target to add it'):
        decide(glossary, "nothing", Status.APPROVED)


def test_approving_one_rendering_of_a_candidate_makes_it_the_only_target():
    glossary = parse("glossary: 1\nterms:\n  - source: V2G\n    target: [V2G, 车网互动]\n    score: 0.9\n")
    entry = decide(glossary, "V2G", Status.APPROVED, target="车网互动").entry
    assert (entry.target, entry.status) == (["车网互动"], Status.APPROVED)
    assert [alternative.target for alternative in entry.alternatives] == ["V2G"]


def test_a_new_rendering_never_rewrites_a_decision_a_person_made():
    glossary = parse("glossary: 1\nterms:\n"
                     "  - source: V2G\n    target: [车网互动, V2G]\n    status: approved\n    note: agreed with Li\n"
                     "  - source: policy stack\n    target: 政策堆栈\n    status: rejected\n    note: a calque\n")
    decide(glossary, "V2G", Status.REJECTED, target="车辆到电网")
    decide(glossary, "policy stack", Status.APPROVED, target="政策组合")
    assert [(entry.source, entry.target, entry.status, entry.note) for entry in glossary.terms] == [
        ("V2G", ["车网互动", "V2G"], Status.APPROVED, "agreed with Li"),
        ("policy stack", ["政策堆栈"], Status.REJECTED, "a calque"),
        ("V2G", ["车辆到电网"], Status.REJECTED, None),
        ("policy stack", ["政策组合"], Status.APPROVED, None)]
    with pytest.raises(UsageError, match='"V2G" is approved as "车网互动" / "V2G"'):
        decide(glossary, "V2G", Status.APPROVED, target="电动车入网")


def test_a_review_decision_that_would_break_the_glossary_is_refused_and_nothing_written(path):
    path.write_text(TEXT + "  - source: grid\n    target: 电力网\n    status: approved\n", encoding="utf-8")
    written = path.read_bytes()
    session = ReviewSession.open(str(path))
    assert session.current.source == "grid"
    with pytest.raises(UsageError, match='approving "grid" would leave the glossary with a problem check refuses'):
        session.approve()
    assert path.read_bytes() == written
    assert session.current.source == "grid" and session.current.status is Status.CANDIDATE
    session.reject()  # rejecting it instead is fine
    assert on_disk(path)["V2G"].status is Status.CANDIDATE


def test_approve_all_treats_case_as_validate_does():
    glossary = parse("glossary: 1\nterms:\n  - source: Grid\n    target: 电网\n    score: 0.9\n"
                     "  - source: GRID\n    target: 网格\n    score: 0.8\n")
    result = approve_all(glossary, include_worked_on=True)  # written by hand, as a person's work
    assert result.approved == []
    assert [reason for _, reason in result.skipped] == [
        'several candidates share this source ("GRID" at line 6); review them one by one',
        'several candidates share this source ("Grid" at line 3); review them one by one']


def test_approve_all_treats_plurals_and_hyphens_as_validate_does():
    glossary = parse("glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    score: 0.9\n"
                     "  - source: smart-grids\n    target: 灵巧电网\n    score: 0.8\n"
                     "  - source: V2G\n    target: 车网互动\n    score: 0.8\n")
    result = approve_all(glossary, include_worked_on=True)
    assert [entry.source for entry in result.approved] == ["V2G"]
    assert [entry.source for entry, _ in result.skipped] == ["smart grid", "smart-grids"]


def test_approve_all_skips_what_would_conflict():
    glossary = parse(TEXT + "  - source: grid\n    target: 电力网\n    score: 0.99\n"
                            "  - source: empty\n    score: 0.99\n")
    result = approve_all(glossary, min_score=0.9, include_worked_on=True)
    assert [entry.source for entry in result.approved] == ["V2G"]
    assert [(entry.source, reason) for entry, reason in result.skipped] == [
        ("empty", "it has no target"),
        ("grid", 'several candidates share this source ("grid" at line 17); review them one by one'),
        ("grid", 'several candidates share this source ("grid" at line 22); review them one by one')]
