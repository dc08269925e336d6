"""ValidationIndex: a glossary validated whole once, then, after each decision, only on the entries
the decision can change, with the verdicts validating the whole glossary gives. A review key on a
50,000-entry glossary waited 3.7 s for the whole to be validated again (scale probe H3)."""

from __future__ import annotations

import copy
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_cli import validate
from glossary_cli.errors import UsageError
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.review import ReviewSession, approve_all, decide
from glossary_cli.validate import ValidationIndex, validate_glossary

# Sources that are one term to check in many ways (plural, hyphen or space, closed spelling, case,
# an acronym beside a word), renderings check reads alike (spaces, Traditional), and a Chinese comma.
SOURCES = ["smart grid", "smart grids", "Smart-Grid", "grid", "grids", "V2G", "v2g", "AIDS", "aid", "e-mail",
           "email", "Wi-Fi", "WiFi", "set up", "setup", "e.g. China"]
TARGETS = ["电网", "电 网", "電網", "智能电网", "例如，中国", "车网互动", "V2G", "电子邮件"]

entries = st.builds(
    lambda source, target, status, forbidden, variants, case_sensitive, keep_source: Entry(
        source=source, target=target, status=status, forbidden=forbidden, source_variants=variants,
        case_sensitive=case_sensitive, keep_source=keep_source),
    st.sampled_from(SOURCES),
    st.lists(st.sampled_from(TARGETS), max_size=2, unique=True),
    st.sampled_from(list(Status)),
    st.lists(st.sampled_from(TARGETS), max_size=2, unique=True),
    st.lists(st.sampled_from(SOURCES), max_size=2, unique=True),
    st.sampled_from([None, True, False]),
    st.booleans())
decisions = st.tuples(st.integers(min_value=0), st.sampled_from(list(Status)),
                      st.none() | st.lists(st.sampled_from(TARGETS), min_size=1, max_size=2, unique=True))

EXAMPLES = max(200, settings.default.max_examples, int(os.environ.get("GLOSSARY_PROPERTY_EXAMPLES", "0")))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(entries: list[Entry], languages: dict[str, str] | None = None) -> Glossary:
    """The glossary as read from its file: entries with lines, as review and approve see them."""
    written = Glossary(terms=entries, languages=languages or {"source": "en", "target": "zh"})
    glossary, problems = parse_glossary(dump_glossary(written), "g.yaml")
    assert problems == []
    return glossary


def whole(glossary: Glossary) -> set[str]:
    return {str(problem) for problem in validate_glossary(glossary, "g.yaml")}


@PROPERTY
@given(st.lists(entries, min_size=1, max_size=8), st.lists(decisions, min_size=1, max_size=4), entries,
       st.sampled_from(["zh", "zh-TW"]))
def test_the_problems_a_decision_adds_are_those_validating_the_whole_glossary_finds(terms, steps, added, language):
    glossary = read(terms, {"source": "en", "target": language})
    had = whole(glossary)
    index = ValidationIndex(glossary, "g.yaml")
    assert {str(problem) for problem in index.problems} == had
    for number, status, target in steps:  # as review decides: a decision adding a problem is taken back
        entry = glossary.terms[number % len(glossary.terms)]
        before = copy.deepcopy(entry)
        entry.status = status
        entry.target = target if target is not None else entry.target
        near = {str(problem) for problem in index.problems_near(entry)}
        found = whole(glossary)
        assert near <= found
        assert {str(problem) for problem in index.new_problems(entry)} == found - had
        if found - had:
            entry.status, entry.target = before.status, before.target
    glossary.terms.append(added)  # as approve and reject add an entry for a term the glossary lacks
    assert {str(problem) for problem in index.new_problems(added)} == whole(glossary) - had


TEXT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
  - source: Smart-Grids
    target: 灵巧电网
    status: candidate
    score: 0.9
  - source: e.g. China
    target: 例如，中国
    status: candidate
    score: 0.8
  - source: V2G
    target: 车网互动
    status: candidate
    score: 0.7
"""


def test_a_conflict_with_an_entry_of_the_same_term_is_found_as_validate_finds_it():
    glossary, _ = parse_glossary(TEXT, "g.yaml")
    index = ValidationIndex(glossary, "g.yaml")
    glossary.terms[1].status = Status.APPROVED
    assert [str(problem) for problem in index.new_problems(glossary.terms[1])] == [
        'g.yaml:8:13: "Smart-Grids" is approved twice with different targets ("智能电网" at line 4 as '
        '"smart grid", "灵巧电网" here); merge them into one entry with a target list']
    glossary.terms[1].status = Status.REJECTED
    assert index.new_problems(glossary.terms[1]) == []


def counting_whole_validations(monkeypatch) -> list[int]:
    calls = []
    real = validate.validate_glossary

    def counted(glossary, path):
        calls.append(len(glossary.terms))
        return real(glossary, path)

    monkeypatch.setattr(validate, "validate_glossary", counted)
    return calls


def test_review_validates_the_whole_glossary_once_not_after_every_key(tmp_path, monkeypatch):
    path = tmp_path / "g.yaml"
    path.write_text(TEXT, encoding="utf-8")
    calls = counting_whole_validations(monkeypatch)
    session = ReviewSession.open(str(path))
    assert [entry.source for entry in session.queue] == ["Smart-Grids", "e.g. China", "V2G"]
    with pytest.raises(UsageError, match='approving "Smart-Grids" would leave the glossary with a problem'):
        session.approve()
    session.reject()
    with pytest.raises(UsageError, match='target "例如，中国" is one rendering to YAML'):
        session.approve()
    session.skip()
    session.approve()
    session.undo()
    assert calls == [4]
    assert "status: rejected" in path.read_text(encoding="utf-8").split("Smart-Grids")[1].split("- source")[0]


def test_approve_and_approve_all_validate_the_whole_glossary_once(monkeypatch):
    calls = counting_whole_validations(monkeypatch)
    glossary, _ = parse_glossary(TEXT, "g.yaml")
    decide(glossary, "V2G", Status.APPROVED, path="g.yaml")
    assert calls == [4]
    glossary, _ = parse_glossary(TEXT, "g.yaml")
    approve_all(glossary, include_worked_on=True, path="g.yaml")
    assert calls == [4, 4]
