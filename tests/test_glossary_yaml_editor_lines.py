"""Every location the glossary reader reports is the line an editor shows, and a YAML syntax error
says what a person typed wrong: PyYAML counts U+2028, U+2029 and U+0085 (pasted from a web page or
Word) as line breaks, which no editor, git or grep does, and its own words for a tab in the
indentation ("found character that cannot start any token") name no tab."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import parse_glossary
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
SEPARATORS = pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])


@SEPARATORS
def test_a_separator_pasted_into_a_note_moves_no_later_line(runner, workdir, separator):
    write("g.yaml", HEADER + "  - source: shopping cart\n    target: 购物车\n"
                             f'    note: "from the guide{separator}part two"\n    status: approved\n'
                             "  - source: checkout\n    target: 结账\n    status: aproved\n")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == ("error: g.yaml:10:13: unknown status 'aproved'; use candidate, approved "
                                              "or rejected")


@SEPARATORS
def test_entries_after_a_separator_are_at_their_editor_lines(separator):
    glossary, problems = parse_glossary(HEADER + f'  - source: a\n    note: "x{separator}y"\n'
                                                 "  - source: b\n    target: 乙\n", "g.yaml")
    assert problems == []
    assert [(entry.line, entry.position("target")) for entry in glossary.terms] == [(4, (4, 5)), (6, (7, 13))]


def test_a_semantic_problem_after_a_separator_names_the_right_lines(runner, workdir):
    write("g.yaml", HEADER + '  - source: grid\n    target: 电网\n    status: approved\n    note: "a\u2028b"\n'
                             "  - source: grid\n    target: 网格\n    status: approved\n")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.stderr.splitlines()[0] == (
        'error: g.yaml:9:13: "grid" is approved twice with different targets ("电网" at line 4, "网格" here); merge them '
        "into one entry with a target list")


@SEPARATORS
def test_a_separator_that_breaks_the_yaml_is_named_at_its_place(runner, workdir, separator):
    write("g.yaml", HEADER + f"  - source: shopping cart\n    note: pasted from the guide{separator}second part\n"
                             "    status: approved\n  - source: checkout\n")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    name = {"\u2028": "LINE SEPARATOR (U+2028)", "\u2029": "PARAGRAPH SEPARATOR (U+2029)",
            "\x85": "NEXT LINE (NEL) (U+0085)"}[separator]
    assert result.stderr == (f"error: g.yaml:5:32: YAML syntax error: the invisible {name} here is a line break to "
                             "YAML, though an editor shows none, so YAML stopped at 6:11 (could not find expected "
                             "':'); replace it with a space or a line break\ng.yaml: 1 problem\n")


def test_a_harmless_separator_is_not_blamed_for_a_later_mistake(runner, workdir):
    write("g.yaml", HEADER + '  - source: a\n    note: "x\u2028y"\n  - source: b\n    note: see: the guide\n')
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.stderr.splitlines()[0] == ("error: g.yaml:7:14: YAML syntax error: mapping values are not allowed "
                                              "in this context; a value holding ': ' must be written in quotes")


@pytest.mark.parametrize(("entries", "where"), [
    ("\t- source: x\n\t  target: y\n", "4:1"),  # every line indented with a tab
    ("  - source: x\n\ttarget: y\n", "5:1"),
    ("  - source: x\n  \ttarget: y\n", "5:3"),  # spaces, then a tab
    ("  - source: x\n    note: |\n\tline one\n", "6:1"),
])
def test_a_tab_in_the_indentation_is_named(runner, workdir, entries, where):
    write("g.yaml", HEADER + entries)
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (f"error: g.yaml:{where}: YAML syntax error: a tab indents this line, and YAML indents "
                             "with spaces only; replace the tab with spaces\ng.yaml: 1 problem\n")


def test_a_tab_after_the_dash_is_named(runner, workdir):
    write("g.yaml", HEADER + "  - source: a\n  -\tsource: b\n")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.stderr.splitlines()[0] == ("error: g.yaml:5:4: YAML syntax error: a tab here, where YAML takes "
                                              "spaces only; replace it with a space")


def test_a_crlf_glossary_with_a_tab_is_located_as_ever(runner, workdir):
    with open("g.yaml", "w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff" + HEADER.replace("\n", "\r\n") + "  - source: x\r\n\ttarget: y\r\n")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.stderr.splitlines()[0].startswith("error: g.yaml:5:1: YAML syntax error: a tab indents this line")


def test_a_merge_conflict_on_a_top_level_key_after_a_separator_names_the_editor_line(runner, workdir):
    header = 'glossary: 1\nx-note: "docs team\u2028localisation"\nlanguages: {{source: en, target: zh}}\nx-owner: {}\nterms: []\n'
    for name, owner in (("base.yaml", "docs"), ("ours.yaml", "l10n"), ("theirs.yaml", "web")):
        write(name, header.format(owner))
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "--base", "base.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 1
    assert ('the top-level key x-owner changed on both sides (ours.yaml:4 "l10n"; theirs.yaml:4 "web")'
            in result.stderr)
