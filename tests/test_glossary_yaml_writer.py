"""The quick entry writer: the very bytes PyYAML's emitter writes, for the entries it takes on."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_cli.glossary import Entry, Status
from glossary_cli.glossary_yaml import (_dump_mapping, _emitted_entry_text, _emitted_scalar, _plain_entry_text,
                                        _plain_field_text, _scalar_text, dump_glossary, entry_to_data,
                                        parse_glossary)
from glossary_cli.models import Alternative, Evidence


def both_writers(entry: Entry) -> tuple[str | None, str]:
    data = entry_to_data(entry)
    return _plain_entry_text(data), _emitted_entry_text(data)


def test_an_extracted_entry_is_written_without_the_emitter():
    entry = Entry("V2G", ["V2G", "车网互动"], score=0.9971, count=12, signals=["identical", "parenthesis"],
                  evidence=[Evidence("seed.txt:4", "…Vehicle-to-Grid (V2G) lets cars…", "车网互动(V2G)让…")],
                  alternatives=[Alternative("车辆", 0.25)])
    quick, emitted = both_writers(entry)
    assert quick == emitted == (
        "  - source: V2G\n"
        "    target: [V2G, 车网互动]\n"
        "    status: candidate\n"
        "    score: 0.9971\n"
        "    count: 12\n"
        "    signals: [identical, parenthesis]\n"
        "    evidence:\n"
        "      - {where: 'seed.txt:4', source: …Vehicle-to-Grid (V2G) lets cars…, target: 车网互动(V2G)让…}\n"
        "    alternatives:\n"
        "      - {target: 车辆, score: 0.25}\n")


@pytest.mark.parametrize("source", ["- dash", "-", "true", "No", "null", "~", "1860", "1e5", "0x1F", "2020-01-01",
                                    "a: b", "ends:", "#tag", "a #b", "a#b", "it's", "'quoted'", '"quoted"', "---x",
                                    "...", "?", "? x", ":x", "[x]", "a, b", "{x}", "&x", "*x", "!x", "|x", ">x", "%x",
                                    "@x", "`x", " lead", "trail ", "<<", "=", "95% CI: 2.02-4.59%", "ü", "\u00a0x"])
def test_scalars_are_quoted_as_the_emitter_quotes_them(source):
    quick, emitted = both_writers(Entry(source, [source, "目标"], evidence=[Evidence(source, source, source)]))
    assert quick == emitted


@pytest.mark.parametrize("source", ["two\nlines", "tab\there", "nel\x85", "line\u2028sep", "bom\ufeff", "", "cr\r"])
def test_what_needs_double_quotes_or_block_style_is_left_to_the_emitter(source):
    assert _plain_entry_text(entry_to_data(Entry(source, ["目标"]))) is None


def test_unknown_keys_are_left_to_the_emitter():
    assert _plain_entry_text(entry_to_data(Entry("grid", ["电网"], extra={"reviewer": "ann"}))) is None


tricky = st.text(st.sampled_from(list("-:#,?[]{}&*!|>'\"%@`.~ \t\r\n\x85\u2028\u00a0\ufeff0123456789eE+_xXtrunlsyYNo<=")
                                 + ["汉", "字", "\U0001f600", "\x00", "\x7f", "\ud7ff", "\ue000", "\U0010ffff"]),
                 max_size=8)
one_line = st.text(st.sampled_from(list("-:#,?[]{}&*!|>'\"%@`.~ \u00a0019eE+_xtrunlsyYNo<=") + ["汉", "\U0001f600"]),
                   min_size=1, max_size=8)  # what the quick writer takes on
number = st.one_of(st.floats(), st.integers(min_value=-10**20, max_value=10**20))


def entries_of(text):
    return st.builds(
        Entry, source=text, target=st.lists(text, max_size=3), status=st.sampled_from(Status),
        score=st.one_of(st.none(), number), count=st.one_of(st.none(), number), signals=st.lists(text, max_size=3),
        note=st.one_of(st.none(), text), forbidden=st.lists(text, max_size=2),
        source_variants=st.lists(text, max_size=2), case_sensitive=st.one_of(st.none(), st.booleans()),
        keep_source=st.booleans(),
        evidence=st.lists(st.builds(Evidence, where=text, source=text, target=text), max_size=2),
        alternatives=st.lists(st.builds(Alternative, target=text, score=number), max_size=2))


entries = st.one_of(entries_of(one_line), entries_of(st.one_of(one_line, tricky, st.text(max_size=8), st.sampled_from(
    ["true", "null", "~", "---", "...", "1e5", "yes", "<<"]))))
EXAMPLES = max(500, settings.default.max_examples, int(os.environ.get("GLOSSARY_PROPERTY_EXAMPLES", "0")))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries)
def test_the_quick_writer_writes_what_the_emitter_writes_or_steps_aside(entry):
    quick, emitted = both_writers(entry)
    assert quick is None or quick == emitted


scalars = st.one_of(one_line, tricky, st.text(max_size=8), number, st.booleans(),
                    st.sampled_from(["true", "null", "~", "---", "...", "1e5", "yes", "<<", "a: b", "x #y"]))


@settings(max_examples=EXAMPLES, deadline=None)
@given(scalars)
def test_a_changed_one_line_value_is_written_as_the_emitter_writes_it(value):
    quick = _scalar_text(value, flow=False)
    assert quick is None or quick == _emitted_scalar(value)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries)
def test_a_changed_field_is_written_as_the_emitter_writes_it_or_left_to_it(entry):
    for key, value in entry_to_data(entry).items():
        quick = _plain_field_text(key, value)
        assert quick is None or quick == _dump_mapping({key: value})


def test_evidence_rewritten_after_the_corpus_moved_keeps_the_comments_and_reads_back():
    text = ("version: 1\n"
            "terms:\n"
            "  # checked with the style guide\n"
            "  - source: V2G\n"
            "    target: [车网互动]   # the customer's word\n"
            "    status: approved\n"
            "    evidence:\n"
            "      - {where: 'old/seed.txt:4', source: Vehicle-to-Grid (V2G), target: 车网互动(V2G)}\n")
    glossary, problems = parse_glossary(text)
    assert not problems
    entry = glossary.terms[0]
    entry.evidence = [Evidence("new/seed.txt:4", "Vehicle-to-Grid (V2G)", "车网互动(V2G)"),
                      Evidence("new/seed.txt:9", "a V2G: charger", "V2G充电桩")]
    written = dump_glossary(glossary)
    assert written == text.replace(
        "      - {where: 'old/seed.txt:4', source: Vehicle-to-Grid (V2G), target: 车网互动(V2G)}\n",
        "      - {where: 'new/seed.txt:4', source: Vehicle-to-Grid (V2G), target: 车网互动(V2G)}\n"
        "      - {where: 'new/seed.txt:9', source: 'a V2G: charger', target: V2G充电桩}\n")
    assert parse_glossary(written)[0].terms[0].evidence == entry.evidence
