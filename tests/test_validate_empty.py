"""`validate` and a glossary with nothing in it: an emptied file (`> file`, a conflict resolved
by deleting everything) is an error, while `terms: []` is a glossary with no entries yet."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\n"


def validate(runner, name: str):
    return runner.invoke(app, ["validate", name])


@pytest.mark.parametrize(("text", "what"), [
    ("", "is empty"),
    ("\n\n   \n", "is empty"),
    ("# team glossary\n# TODO\n", "holds only comments"),
])
def test_an_empty_file_is_an_error(runner, workdir, text, what):
    write("g.yaml", text)
    result = validate(runner, "g.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: g.yaml:1:1: the file {what}; a glossary has `glossary: 1`, `languages:` and a `terms:` list "
        "(`terms: []` while it has no entries)\ng.yaml: 1 problem\n")


def test_a_header_without_terms_is_an_error(runner, workdir):
    write("g.yaml", HEADER)
    result = validate(runner, "g.yaml")
    assert result.exit_code == 2
    assert result.stderr == ("error: g.yaml:1:1: no 'terms:' list; add `terms: []` (no entries yet) or the entries\n"
                             "g.yaml: 1 problem\n")


def test_terms_with_no_list_is_an_error(runner, workdir):
    write("g.yaml", HEADER + "terms:\n")
    result = validate(runner, "g.yaml")
    assert result.exit_code == 2
    assert result.stderr == ("error: g.yaml:3:1: 'terms:' holds no list; write `terms: []` for a glossary with no "
                             "entries yet\ng.yaml: 1 problem\n")


def test_an_empty_terms_list_is_a_glossary_with_no_entries_yet(runner, workdir):
    write("g.yaml", HEADER + "terms: []\n")
    result = validate(runner, "g.yaml")
    assert (result.exit_code, result.stdout) == (0, "g.yaml: OK, 0 entries (0 approved, 0 rejected, 0 candidates)\n")
