"""The quick reader: the very glossary, positions and layout PyYAML's composer gives, or it stands aside."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary_cli.glossary import Glossary
from glossary_cli.glossary_yaml import _parse_fully, _parse_quickly, dump_glossary
from tests.test_glossary_yaml import HAND_EDITED
from tests.test_glossary_yaml import glossaries as plain_glossaries
from tests.test_glossary_yaml_writer import entries as tricky_entries


def everything_read(glossary: Glossary) -> tuple:
    """What a reader hands on: the data, where each entry and value sits, and the remembered text."""
    return (glossary, glossary.origin,
            [(entry.line, entry.column, entry.positions, entry.origin) for entry in glossary.terms])


def read_quickly(text: str) -> Glossary | None:
    """The quick reader's glossary (None if it stands aside), after checking it against the composer's."""
    bom = text.startswith("\ufeff")
    text = text[1:] if bom else text
    quick = _parse_quickly(text, bom=bom)
    full, problems = _parse_fully(text, "g.yaml", bom=bom)
    if quick is not None:
        assert problems == []
        assert everything_read(quick) == everything_read(full)
    return quick


EXTRACTED = """\
glossary: 1
languages: {source: en, target: zh}
generated:
  tool: glossary-cli 0.1.0
terms:
  - source: V2G
    target: [V2G, 车网互动]
    status: candidate
    score: 0.9971
    count: 12
    signals: [identical, parenthesis]
    evidence:
      - {where: 'seed.txt:4', source: …Vehicle-to-Grid (V2G) lets cars…, target: 车网互动(V2G)让…}
    alternatives:
      - {target: 车辆, score: 0.25}
  - source: 'true'
    target: "it's"
    status: approved
    note: checked, twice
"""


def test_an_extracted_glossary_is_read_quickly():
    assert read_quickly(EXTRACTED) is not None


def test_the_hand_edited_example_is_read_quickly():
    assert read_quickly(HAND_EDITED) is not None


@pytest.mark.parametrize("entry", [
    "  - source: V2G   # trailing comment\n    status: approved  # by hand\n",
    "  # above\n  - source: V2G\n\n    # between\n    target: 车网互动\n",
    "  - source: V2G\n    note: |\n      two\n      lines\n",  # a block scalar: composed on its own
    "  - source: V2G\n    forbidden:\n    - 车辆\n",  # an indentless list
    "  - {source: V2G, target: 车网互动}\n",  # a flow entry
    "  - source: V2G\n    target: \"车网\\t互动\"\n",  # an escape
    "  - source: V2G\n    when: 2020-01-01\n",  # a timestamp
    "  - source: V2G\n    reviewer:\n    ticket: [a, b]\n",
    "  - source: V2G\n    count: 0x1F\n    score: .5\n",
    "  - source: V2G\n    count: 012\n",
    "  -   source: V2G\n",
    "  -\n    source: V2G\n",
    "  - source: a\n    target: 'b\n      c'\n",  # a quoted value over two lines
    "  - source: a\n    target:\n      - b\n      - 'c'\n",
    "  - source: V2G\n    true: x\n",  # an odd key, kept as True in `extra` by both
    "  - source: V2G\n    forbidden:\n      -  车辆到电网\n    reviewers: [Li]\n",  # two spaces after the dash
    "  - source: V2G\n    target:  车网互动\n",  # two spaces after the colon
])
def test_hand_edited_entries_are_read_as_the_composer_reads_them(entry):
    text = EXTRACTED + entry
    assert read_quickly(text) is not None
    assert read_quickly(text.replace("\n", "\r\n")) is not None
    assert read_quickly("\ufeff" + text.rstrip("\n")) is not None


@pytest.mark.parametrize("entry", [
    "  - source: V2G\n    status: aproved\n",  # problems are reported by the composer's path alone
    "  - source: V2G\n    source: V2G\n",
    "  - source: !!python/object:os.system x\n",
    "  - source: &a V2G\n    target: *a\n",
    "  - source: V2G\n  target: x\n",
    "  - source: 'V2G\n",
    "  - source: V2G\ntrailer: x\n",
    "  - source: V2G\n    score: 1.5\n",
    "  - source: V2G\n    \x07\n",
    "  - source: V2G\n    forbidden:\n      - 车辆\n      - \n",  # an empty item, with a space after the dash
])
def test_the_quick_reader_stands_aside_for_anything_with_a_problem(entry):
    assert read_quickly(EXTRACTED + entry) is None


@pytest.mark.parametrize("header", ["---\nglossary: 1\n", "glossary: 1\n...\n", "%YAML 1.1\n---\n",
                                    "{glossary: 1}\n", "glossary: 1\nterms: []\n", "x: &a 1\ny: *a\n"])
def test_unusual_headers_are_left_to_the_composer(header):
    assert read_quickly(header + EXTRACTED[EXTRACTED.index("terms:"):]) is None


def test_a_file_without_a_header_is_read_quickly():
    assert read_quickly(EXTRACTED[EXTRACTED.index("terms:"):]) is not None


# Edits people make, applied at random lines of a file the tool wrote.
EDITS = [
    lambda line: "  # a comment above\n" + line,
    lambda line: "# at the margin\n" + line,
    lambda line: "\n" + line,
    lambda line: line.rstrip("\n") + "  # beside\n" if line.endswith("\n") else line,
    lambda line: line.replace("status: candidate", "status: approved"),
    lambda line: line.replace("  - ", "  -   ", 1),
    lambda line: "  " + line,  # one line indented further: the entry is composed, or is a problem
    lambda line: line.replace(": ", ":  ", 1),
    lambda line: line.replace("'", '"'),
]
EXAMPLES = max(100, int(os.environ.get("GLOSSARY_PROPERTY_EXAMPLES", "0")))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(plain_glossaries, st.builds(Glossary, terms=st.lists(tricky_entries, max_size=4))), st.data())
def test_the_quick_reader_agrees_with_the_composer_on_written_and_hand_edited_files(glossary, data):
    text = dump_glossary(glossary)
    quick = read_quickly(text)
    written_right = _parse_fully(text, "g.yaml", bom=False)[1] == []  # the strategies make some bad scores
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(0, 4))):
        if not lines:
            break
        where = data.draw(st.integers(0, len(lines) - 1))
        lines[where] = data.draw(st.sampled_from(EDITS))(lines[where])
    edited = "".join(lines)
    if data.draw(st.booleans()):
        edited = edited.replace("\n", "\r\n")
    read_quickly(edited)
    if glossary.terms and written_right and quick is None:
        # Only entries the tool writes through PyYAML's emitter (block scalars, escapes) are
        # composed, and those alone; the file as a whole is still read by the quick reader.
        pytest.fail(f"the quick reader stood aside for a file the tool wrote:\n{text}")
