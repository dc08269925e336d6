"""The YAML layer: people's comments, key order and layout survive every write."""

from __future__ import annotations

import copy
import os
import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_cli.errors import GlossaryFileError
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import GlossaryProblems, dump_glossary, load_glossary, parse_glossary
from glossary_cli.models import Alternative, Evidence

HAND_EDITED = """\
# Energy glossary, reviewed 2026-11 by the localisation team.
glossary: 1
languages: {source: en, target: zh}   # do not change
generated:
  tool: glossary-cli 0.1.0
  min_count: 2
terms:
  # Acronym: keep the English in running text the first time.
  - source: V2G   # vehicle-to-grid
    target: 车网互动
    status: candidate
    score: 0.91
    signals: [dictionary, position]

  - status: approved     # decided in the 11-12 meeting
    source: policy stack
    note: 政策组合, never 政策堆栈
    target: 政策组合
    forbidden:
      - 政策堆栈
  - source: ESG
    keep_source: true
    status: approved
# end of list: new terms go above
"""


def parse(text: str) -> Glossary:
    glossary, problems = parse_glossary(text, "g.yaml")
    assert problems == []
    return glossary


def entry_block(text: str, source: str) -> str:
    """The lines of the entry whose `source:` line mentions `source`, up to the next entry."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if f"source: {source}" in line)
    while not lines[start].lstrip().startswith("-"):
        start -= 1
    end = start + 1
    while end < len(lines) and not lines[end].lstrip().startswith(("-", "#")) and lines[end][0] == " ":
        end += 1
    return "".join(lines[start:end])


def test_unchanged_file_is_written_back_byte_for_byte():
    assert dump_glossary(parse(HAND_EDITED)) == HAND_EDITED


def test_approving_changes_one_value_and_nothing_else():
    glossary = parse(HAND_EDITED)
    glossary.terms[0].status = Status.APPROVED
    assert dump_glossary(glossary) == HAND_EDITED.replace("status: candidate", "status: approved")


def test_a_comment_after_a_changed_value_stays():
    glossary = parse(HAND_EDITED)
    glossary.terms[0].source = "V2X"
    assert "  - source: V2X   # vehicle-to-grid\n" in dump_glossary(glossary)


def test_changing_a_list_rewrites_only_that_key():
    glossary = parse(HAND_EDITED)
    glossary.terms[1].forbidden = ["政策堆栈", "策略栈"]
    glossary.terms[1].target = ["政策组合", "政策体系"]
    out = dump_glossary(glossary)
    assert out == HAND_EDITED.replace(
        "    target: 政策组合\n    forbidden:\n      - 政策堆栈\n",
        "    target: [政策组合, 政策体系]\n    forbidden: [政策堆栈, 策略栈]\n")
    assert parse(out).terms == glossary.terms


def test_comments_among_a_rewritten_list_are_kept_above_or_beside_it():
    text = ("terms:\n  - source: V2G\n    target: 车网互动\n    forbidden:\n"
            "      - 车辆到电网   # legal said no (LEG-7)\n"
            "    source_variants: [Vehicle-to-Grid]  # marketing spelling\n")
    glossary = parse(text)
    glossary.terms[0].forbidden = ["车辆到电网", "车对网"]
    glossary.terms[0].source_variants = ["Vehicle-to-Grid", "vehicle to grid"]
    out = dump_glossary(glossary)
    assert out == ("terms:\n  - source: V2G\n    target: 车网互动\n"
                   "    # legal said no (LEG-7)\n    forbidden: [车辆到电网, 车对网]\n"
                   "    source_variants: [Vehicle-to-Grid, vehicle to grid]  # marketing spelling\n"
                   "    status: candidate\n")
    assert parse(out).terms == glossary.terms


def test_a_comment_beside_a_flow_entry_stays_beside_it_when_it_changes():
    """The README: an entry written as a flow mapping stays one when approve changes it; its
    comment (`# confirmed with Li`) stays on its line, as written (lead probe M8)."""
    glossary = parse("terms:\n  - {source: V2G, target: 车网互动}   # confirmed with Li\n")
    glossary.terms[0].status = Status.APPROVED
    out = dump_glossary(glossary)
    assert out == "terms:\n  - {source: V2G, target: 车网互动, status: approved}   # confirmed with Li\n"


@pytest.mark.parametrize("text, message", [
    ("# owner: terminology team\nterms:\n  - source: V2G   # vehicle-to-grid\n    target: 车网互动\nowner: Li\n",
     "g.yaml:5: 'owner:' comes after the 'terms:' list; move it above 'terms:' so the file's comments can be kept"),
    ("terms: [{source: V2G, target: 车网互动}]  # confirmed\n",
     "g.yaml:1: the entries are written in flow style ([...]); write them as a block list"),
])
def test_a_layout_whose_comments_cannot_be_kept_is_refused_not_rewritten(text, message):
    glossary, problems = parse_glossary(text, "g.yaml")
    assert problems == []
    glossary.terms[0].status = Status.APPROVED
    with pytest.raises(GlossaryFileError) as raised:
        dump_glossary(glossary)
    assert f"{raised.value.where()}: {raised.value.message}".startswith(message)
    without_comments, _ = parse_glossary(text.replace("# owner: terminology team\n", "").replace("   # vehicle-to-grid", "")
                                         .replace("  # confirmed", ""), "g.yaml")
    without_comments.terms[0].status = Status.APPROVED
    assert "status: approved" in dump_glossary(without_comments)  # no comment to lose: rewritten as before


def test_adding_and_removing_keys_keeps_the_rest_of_the_entry():
    glossary = parse(HAND_EDITED)
    glossary.terms[0].note = "车网互动 in the 2025 standard"
    glossary.terms[1].note = None
    out = dump_glossary(glossary)
    assert "    signals: [dictionary, position]\n    note: 车网互动 in the 2025 standard\n\n" in out
    assert "note: 政策组合" not in out
    assert "  - status: approved     # decided in the 11-12 meeting\n    source: policy stack\n    target:" in out
    assert parse(out).terms == glossary.terms


def test_a_key_people_add_goes_above_extracts_evidence_and_checksum():
    """A forbidden list merged in, or a note typed by review, sits where a reviewer reads, not after
    the evidence at the bottom of the entry; a key of one's own still goes last."""
    glossary = parse("terms:\n  - source: symptom\n    target: 症状\n    status: approved\n    score: 0.9\n"
                     "    evidence:\n      - {where: 'c.tsv:1', source: a symptom, target: 症状}\n"
                     "    checksum: abcdefgh\n")
    glossary.terms[0].forbidden = ["征状"]
    glossary.terms[0].extra["x-owner"] = "Li"
    assert dump_glossary(glossary) == (
        "terms:\n  - source: symptom\n    target: 症状\n    status: approved\n    score: 0.9\n"
        "    forbidden: [征状]\n"
        "    evidence:\n      - {where: 'c.tsv:1', source: a symptom, target: 症状}\n"
        "    checksum: abcdefgh\n    x-owner: Li\n")


def test_a_multiline_note_becomes_a_block_scalar():
    glossary = parse(HAND_EDITED)
    glossary.terms[1].note = "first line\nsecond line"
    out = dump_glossary(glossary)
    assert "    note: |-\n      first line\n      second line\n" in out
    assert parse(out).terms == glossary.terms


def test_reordered_keys_stay_reordered_when_the_entry_changes():
    glossary = parse(HAND_EDITED)
    glossary.terms[1].status = Status.REJECTED
    block = entry_block(dump_glossary(glossary), "policy stack")
    assert block.startswith("  - status: rejected     # decided in the 11-12 meeting\n    source: policy stack\n")


def test_header_comments_survive_a_new_provenance_block():
    glossary = parse(HAND_EDITED)
    glossary.generated = {"tool": "glossary-cli 0.2.0", "min_count": 3}
    out = dump_glossary(glossary)
    assert out.startswith("# Energy glossary, reviewed 2026-11 by the localisation team.\nglossary: 1\n"
                          "languages: {source: en, target: zh}   # do not change\n"
                          "generated:\n  tool: glossary-cli 0.2.0\n  min_count: 3\nterms:\n")
    assert parse(out).generated == glossary.generated


def test_new_entries_go_after_the_last_entry_and_before_the_closing_comment():
    glossary = parse(HAND_EDITED)
    glossary.terms.append(Entry("smart charging", ["智能充电"], score=0.5, count=3))
    out = dump_glossary(glossary)
    assert out.endswith("    status: approved\n  - source: smart charging\n    target: 智能充电\n"
                        "    status: candidate\n    score: 0.5\n    count: 3\n# end of list: new terms go above\n")


@pytest.mark.parametrize("indent", ["", "    "])
def test_new_entries_line_up_with_entries_indented_otherwise(indent):
    """A colleague's editor put the list at the margin, or four spaces in: an entry written at
    the tool's two spaces would no longer be part of the list."""
    text = f"glossary: 1\nterms:\n{indent}- source: grid\n{indent}  target: 电网\n{indent}  status: approved\n"
    glossary = parse(text)
    glossary.terms.append(Entry("smart charging", ["智能充电"], score=0.5, note="two\nlines"))
    out = dump_glossary(glossary)
    assert out.startswith(text)
    assert [entry.source for entry in parse(out).terms] == ["grid", "smart charging"]
    assert parse(out).terms[1].note == "two\nlines"


def test_a_glossary_of_only_terms_gets_its_header_when_extract_writes_it():
    glossary = parse("terms:\n  - source: Sync\n    target: 同步\n    status: approved\n")
    glossary.generated = {"tool": "glossary-cli"}
    out = dump_glossary(glossary)
    assert out.startswith("glossary: 1\nlanguages: {source: en, target: zh}\ngenerated:\n  tool: glossary-cli\n"
                          "terms:\n  - source: Sync\n")


def test_removing_an_entry_removes_its_comments_only():
    glossary = parse(HAND_EDITED)
    del glossary.terms[0]
    out = dump_glossary(glossary)
    assert "Acronym" not in out and "V2G" not in out
    assert "# decided in the 11-12 meeting" in out
    assert parse(out).terms == glossary.terms


def test_crlf_files_stay_crlf_even_for_new_entries():
    text = HAND_EDITED.replace("\n", "\r\n")
    glossary = parse(text)
    assert dump_glossary(glossary) == text
    glossary.terms[0].status = Status.APPROVED
    glossary.terms[0].target = ["车网互动", "V2G 技术"]
    glossary.terms.append(Entry("smart charging", ["智能充电"]))
    out = dump_glossary(glossary)
    assert "\n" not in out.replace("\r\n", "")
    assert parse(out).terms == glossary.terms


def test_a_file_without_final_newline():
    text = HAND_EDITED.rstrip("\n").rsplit("\n", 1)[0]  # ends at `status: approved` of ESG
    glossary = parse(text)
    assert dump_glossary(glossary) == text
    glossary.terms[2].note = "stays English"
    glossary.terms.append(Entry("ISO", keep_source=True, status=Status.APPROVED))
    out = dump_glossary(glossary)
    assert "    status: approved\n    note: stays English\n  - source: ISO\n" in out
    assert parse(out).terms == glossary.terms


def test_tabs_in_comments_and_indentless_lists():
    text = "glossary: 1\nterms:\n- source: V2G\t# tab\n  target: 车网互动\n- source: grid\n  target: 电网\n"
    glossary = parse(text)
    assert dump_glossary(glossary) == text
    glossary.terms[1].status = Status.REJECTED
    assert dump_glossary(glossary) == text.replace("  target: 电网\n", "  target: 电网\n  status: rejected\n")


def test_a_flow_style_entry_stays_one_when_it_changes():
    text = "glossary: 1\nterms:\n  # kept\n  - {source: V2G, target: 车网互动}\n  - source: grid\n"
    glossary = parse(text)
    assert dump_glossary(glossary) == text
    glossary.terms[0].status = Status.APPROVED
    assert dump_glossary(glossary) == ("glossary: 1\nterms:\n  # kept\n  - {source: V2G, target: 车网互动, "
                                       "status: approved}\n  - source: grid\n")


def test_a_flow_style_entry_given_a_note_of_several_lines_is_rewritten_in_block_style():
    text = "glossary: 1\nterms:\n  - {source: V2G, target: 车网互动}  # acronym\n  - source: grid\n"
    glossary = parse(text)
    glossary.terms[0].note = "line one\nline two\n"
    assert dump_glossary(glossary) == ("glossary: 1\nterms:\n  # acronym\n  - source: V2G\n    target: 车网互动\n"
                                       "    status: candidate\n    note: |\n      line one\n      line two\n  - source: grid\n")


def test_empty_terms_list_grows_and_shrinks():
    for text in ("glossary: 1\nterms: []\n# trailing\n", "glossary: 1\nterms:\n# trailing\n"):
        glossary = parse(text)
        assert dump_glossary(glossary) == text
        glossary.terms.append(Entry("V2G", ["车网互动"]))
        out = dump_glossary(glossary)
        assert out == "glossary: 1\nterms:\n  - source: V2G\n    target: 车网互动\n    status: candidate\n# trailing\n"
        again = parse(out)
        again.terms.clear()
        assert dump_glossary(again) == "glossary: 1\nterms: []\n# trailing\n"


def test_unicode_spaces_inside_block_scalars_are_indented():
    glossary = Glossary(terms=[Entry("0\n\xa0"), Entry("a\n\u3000b", note="x\n\u2003\ny")])
    assert reload(dump_glossary(glossary)) == glossary


def test_fresh_glossary_is_block_style_and_readable():
    glossary = Glossary(terms=[Entry("V2G", ["车网互动"], score=0.9, count=4, signals=["dictionary"],
                                     evidence=[Evidence("a.txt:3", "V2G pilots", "车网互动试点")],
                                     alternatives=[Alternative("车辆到电网", 0.4)])])
    assert dump_glossary(glossary) == (
        "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
        "  - source: V2G\n    target: 车网互动\n    status: candidate\n    score: 0.9\n    count: 4\n"
        "    signals: [dictionary]\n"
        "    evidence:\n      - {where: 'a.txt:3', source: V2G pilots, target: 车网互动试点}\n"
        "    alternatives:\n      - {target: 车辆到电网, score: 0.4}\n")


def test_entries_survive_dataclasses_replace_and_deepcopy():
    glossary = parse(HAND_EDITED)
    glossary.terms[0] = dataclasses.replace(glossary.terms[0], score=0.95)
    copied = copy.deepcopy(glossary)
    assert dump_glossary(copied) == HAND_EDITED.replace("score: 0.91", "score: 0.95")


@pytest.mark.parametrize("text, message", [
    ("terms:\n  - source: a\n    status: aproved\n", "g.yaml:3:13: unknown status 'aproved'; use candidate, approved or rejected"),
    ("terms:\n  - source: a\n    score: high\n", "g.yaml:3:12: score must be a number between 0 and 1, got 'high'"),
    ("terms:\n  - source: a\n    x: !!python/object:os.system {}\n", "g.yaml:3:8: refused: "),
    ("glossary: 1\nterms:\n  - !!python/object:os.system\n    source: a\n", "g.yaml:3:5: refused: the tag "),
    ("terms:\n  - source: a\n    match_compounds: 'yes'\n", "g.yaml:3:22: 'match_compounds' must be true or false"),
    ("terms:\n  - source: a\n   target: b\n", "g.yaml:3:4: YAML syntax error: "),
    ("terms:\n  - source: &x a\n  - source: *x\n", "g.yaml:2:13: anchors and aliases"),
    ("terms:\n  - ? [a]\n    : b\n", "g.yaml:2:7: keys must be plain words"),
    ("terms:\n  - source: a\x07\n", "g.yaml:2:14: character U+0007 is not allowed"),
    ("terms:\n  - target: b\n", "g.yaml:2:5: entry has no 'source' text"),
    ("terms:\n  - source: a\n    source: b\n", "g.yaml:3:5: duplicate key 'source'"),
    ("- a\n", "g.yaml:1:1: a glossary is a mapping with a 'terms:' list"),
    ("glossary: 2\nterms: []\n", "g.yaml:1:11: unsupported glossary version 2"),
    ("glossary: true\nterms: []\n", "g.yaml:1:11: unsupported glossary version True"),
    ("generated: yesterday\nterms: []\n", "g.yaml:1:12: 'generated' must be a mapping"),
    ("terms: 3\n", "g.yaml:1:8: 'terms' must be a list of entries"),
    ("terms:\n  - source: a\n    case_sensitive: maybe\n", "g.yaml:3:21: 'case_sensitive' must be true or false"),
    ("terms:\n  - source: a\n    evidence: [x]\n", "g.yaml:3:15: 'evidence' must be a list of {where: ..., "),
    ("terms:\n  - source: a\n    target: {a: b}\n", "g.yaml:3:13: 'target' must be a string or a list"),
    ("terms:\n  - source: a\n    note: yes\n",
     "g.yaml:3:11: 'note' must be text, but YAML reads this value as true/false (True); put it in quotes"),
    ("terms:\n  - source: a\n    note: 0755\n", "g.yaml:3:11: 'note' must be text, but YAML reads this value as a number"),
    ("terms:\n  - source: NO\n    target: 一氧化氮\n", "g.yaml:2:13: 'source' must be text, but YAML reads this value"),
    ("glossary: 1\nterm:\n  - source: a\n", "g.yaml:2:1: no 'terms:' list; is 'term' meant to be 'terms'?"),
    ("generated:\n  tool: glossary-cli\n  terms:\n  - source: a\n", "g.yaml:3:3: 'terms:' is inside 'generated:'"),
])
def test_problems_are_located(text, message):
    _, problems = parse_glossary(text, "g.yaml")
    assert any(str(problem).startswith(message) for problem in problems), problems


def test_load_reports_every_problem(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n  - source: a\n    status: maybe\n  - source: b\n    count: -1\n", encoding="utf-8")
    with pytest.raises(GlossaryProblems) as raised:
        load_glossary(str(path))
    assert [(p.line, p.column) for p in raised.value.problems] == [(3, 13), (5, 12)]


def test_alias_bomb_is_refused_quickly():
    lines = ["terms:", "  - source: a", "    x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"    x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    _, problems = parse_glossary("\n".join(lines) + "\n", "g.yaml")
    assert "anchors and aliases" in problems[0].message


# ---------------------------------------------------------------- properties

text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(str.strip)
short_list = st.lists(text, max_size=3)
score = st.one_of(st.none(), st.floats(min_value=0, max_value=1, allow_nan=False))

entries = st.builds(
    Entry,
    source=text,
    target=short_list,
    status=st.sampled_from(Status),
    score=score,
    count=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
    signals=short_list,
    note=st.one_of(st.none(), text),
    forbidden=short_list,
    source_variants=short_list,
    case_sensitive=st.one_of(st.none(), st.booleans()),
    keep_source=st.booleans(),
    evidence=st.lists(st.builds(Evidence, where=text, source=text, target=text), max_size=2),
    alternatives=st.lists(st.builds(Alternative, target=text, score=st.floats(0, 1)), max_size=2),
    extra=st.dictionaries(st.sampled_from(["reviewer", "ticket", "domain"]),
                          st.one_of(st.none(), text, st.integers(), st.booleans()), max_size=2),
)
glossaries = st.builds(Glossary, terms=st.lists(entries, max_size=5),
                       generated=st.dictionaries(st.sampled_from(["tool", "min_count"]), st.one_of(text, st.integers()),
                                                 max_size=2))
# At least 200 examples; more under a bigger --hypothesis-profile or GLOSSARY_PROPERTY_EXAMPLES.
EXAMPLES = max(200, settings.default.max_examples, int(os.environ.get("GLOSSARY_PROPERTY_EXAMPLES", "0")))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reload(out: str) -> Glossary:
    glossary, problems = parse_glossary(out, "g.yaml")
    assert problems == [], out
    return glossary


@PROPERTY
@given(glossaries)
def test_load_of_dump_is_the_same_glossary_and_dump_is_byte_stable(glossary):
    out = dump_glossary(glossary)
    again = reload(out)
    assert again == glossary
    assert dump_glossary(again) == out


@PROPERTY
@given(glossaries, st.data())
def test_editing_one_entry_leaves_every_other_entry_byte_identical(glossary, data):
    commented = reload(dump_glossary(glossary))
    # A person adds a comment above every entry and beside every status.
    lines = []
    for line in dump_glossary(commented).splitlines(keepends=True):
        if line.startswith("  - "):
            lines.append("  # reviewed\n")
        if line.startswith("    status: "):
            line = line.rstrip("\n") + "  # by hand\n"
        lines.append(line)
    original = reload("".join(lines))
    assert original == glossary
    if not original.terms:
        return
    index = data.draw(st.integers(0, len(original.terms) - 1))
    edited = copy.deepcopy(original)
    # Every field may change while the entry keeps its place and text (patched, not rewritten).
    edited.terms[index] = dataclasses.replace(data.draw(entries), origin=edited.terms[index].origin)
    out = dump_glossary(edited)
    assert reload(out) == edited
    before, after = dump_glossary(original), out
    for position, entry in enumerate(original.terms):
        if position != index:
            assert entry.origin.text in after
    assert before.split("terms:\n", 1)[0] == after.split("terms:\n", 1)[0]


def test_a_byte_order_mark_is_kept(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes("\ufeffglossary: 2\nterms:\n  - source: V2G  # x\n".encode())
    with pytest.raises(GlossaryProblems) as raised:
        load_glossary(str(path))
    assert str(raised.value).startswith(f"{path}:1:11: unsupported glossary version 2")
    path.write_bytes("\ufeffglossary: 1\nterms:\n  - source: V2G  # x\n".encode())
    glossary = load_glossary(str(path))
    assert dump_glossary(glossary).encode() == path.read_bytes()
    glossary.terms[0].status = Status.APPROVED
    assert dump_glossary(glossary) == "\ufeffglossary: 1\nterms:\n  - source: V2G  # x\n    status: approved\n"


def test_block_notes_comments_between_keys_and_values_on_the_next_line():
    text = ("terms:\n  - source: V2G\n    note: |\n      first\n      second\n"
            "    # why: the client asked\n    target:\n      车网互动\n    status: candidate\n    reviewer:\n")
    glossary = parse(text)
    assert glossary.terms[0].extra == {"reviewer": None}
    assert dump_glossary(glossary) == text
    glossary.terms[0].status = Status.APPROVED
    glossary.terms[0].target = ["车网互动系统"]
    glossary.terms[0].note = "one line"
    assert dump_glossary(glossary) == ("terms:\n  - source: V2G\n    note: one line\n"
                                       "    # why: the client asked\n    target:\n      车网互动系统\n"
                                       "    status: approved\n    reviewer:\n")
