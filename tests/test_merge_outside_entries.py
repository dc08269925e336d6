"""`glossary merge` and what lies outside the entries: the incoming file's header comments, keys
of its own and trailing comments come along, and what cannot is named in a warning."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
GRID = "  - source: grid\n    target: 电网\n    status: approved\n"
V2G = "  - source: V2G\n    target: 车网互动\n    status: approved\n"


def merge(runner, *arguments: str):
    return runner.invoke(app, ["merge", *arguments])


def test_the_incoming_header_comments_own_keys_and_trailing_comments_are_kept(runner, workdir):
    write("li.yaml", HEADER + GRID)
    write("wang.yaml", "# Energy glossary - owner Wang; ask before approving\nglossary: 1\nx-owner: Wang\n"
                       "languages: {source: en, target: zh}\n# sorted by review date\nterms:\n" + GRID
                       + "  # TODO Wang: review the V2G family next week\n")
    result = merge(runner, "li.yaml", "wang.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "glossary: 1\nlanguages: {source: en, target: zh}\n# Energy glossary - owner Wang; ask before approving\n"
        "# sorted by review date\nx-owner: Wang\nterms:\n" + GRID + "  # TODO Wang: review the V2G family next week\n")


def test_merging_twice_adds_the_comments_once(runner, workdir):
    write("li.yaml", HEADER + GRID)
    write("wang.yaml", "# owner Wang\n" + HEADER + GRID + "  # TODO Wang\n")
    assert merge(runner, "li.yaml", "wang.yaml", "-o", "once.yaml").exit_code == 0
    result = merge(runner, "once.yaml", "wang.yaml")
    assert (result.exit_code, result.stdout) == (0, Path("once.yaml").read_text(encoding="utf-8"))


def test_merging_into_an_empty_file_gives_the_incoming_file(runner, workdir):
    incoming = ("# Energy glossary - owner Wang\nglossary: 1\nlanguages: {source: en, target: zh}\n"
                "generated: {tool: glossary-cli 0.1.0, min_count: 2}\nx-owner: Wang\nterms:\n" + GRID + V2G
                + "# end of the reviewed part\n")
    write("empty.yaml", "")
    write("wang.yaml", incoming)
    result = merge(runner, "empty.yaml", "wang.yaml")
    assert (result.exit_code, result.stdout) == (0, incoming)


def test_a_comment_only_base_keeps_its_comments(runner, workdir):
    write("notes.yaml", "# just a comment\n# another\n")
    write("wang.yaml", HEADER + GRID)
    result = merge(runner, "notes.yaml", "wang.yaml")
    assert (result.exit_code, result.stdout) == (0, "# just a comment\n# another\n" + HEADER + GRID)


def test_a_comment_beside_an_empty_terms_list_stays_when_it_fills(runner, workdir):
    write("team.yaml", "# Team energy glossary. Owner: Li.\nglossary: 1\nlanguages: {source: en, target: zh}\n"
                       "terms: []   # filled by merge\n")
    write("wang.yaml", HEADER + GRID)
    result = merge(runner, "team.yaml", "wang.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("# Team energy glossary. Owner: Li.\nglossary: 1\nlanguages: {source: en, target: zh}\n"
                             "terms:   # filled by merge\n" + GRID)


def test_a_top_level_key_set_differently_on_each_side_is_a_conflict(runner, workdir):
    write("li.yaml", "glossary: 1\nx-owner: Li\nlanguages: {source: en, target: zh}\nterms:\n" + GRID)
    write("wang.yaml", "glossary: 1\nx-owner: Wang\nlanguages: {source: en, target: zh}\nterms:\n" + GRID)
    result = merge(runner, "li.yaml", "wang.yaml", "-o", "out.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        'error: conflict: the top-level key x-owner differs (li.yaml:2 "Li"; wang.yaml:2 "Wang")\n'
        "error: 1 conflict; nothing written. Settle it in li.yaml or wang.yaml and merge again\n")
    assert not Path("out.yaml").exists()


def test_comments_that_cannot_be_carried_are_named_in_a_warning(runner, workdir):
    write("li.yaml", HEADER + GRID)
    write("wang.yaml", "glossary: 1\nterms: [{source: V2G, target: 车网互动, status: approved}]  # the client's\n")
    result = merge(runner, "li.yaml", "wang.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEADER + GRID + V2G
    assert result.stderr == (
        "warning: wang.yaml:2: the comments in this file are not carried over: the entries are written in flow "
        "style ([...]); write them as a block list (`- source: ...`, one key per line) so the file's comments can be "
        "kept\n")


def test_entries_added_to_a_file_with_classic_mac_line_ends_end_as_its_lines_do(runner, workdir):
    Path("mac.yaml").write_bytes((HEADER + GRID).replace("\n", "\r").encode("utf-8"))
    write("wang.yaml", HEADER + V2G)
    result = merge(runner, "mac.yaml", "wang.yaml", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    assert Path("out.yaml").read_bytes() == (HEADER + GRID + V2G).replace("\n", "\r").encode("utf-8")
