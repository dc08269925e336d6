"""`n` in review: a note on the entry (a question for the client, a source to check), written at
once, deciding nothing; undo takes it back, and extract keeps the noted candidate as written."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary

TEXT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: candidate
    score: 0.9
  - source: grid
    target: 电网
    status: candidate
    score: 0.5
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def entries(path):
    return {entry.source: (entry.status, entry.note) for entry in load_glossary(str(path)).terms}


def test_a_note_is_saved_and_the_entry_waits_for_its_decision(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="n\nask the client: 智能网?\nr\nq")
    assert result.exit_code == 0, result.output
    assert entries(path) == {"smart grid": (Status.REJECTED, "ask the client: 智能网?"), "grid": (Status.CANDIDATE, None)}
    assert "noted: ask the client: 智能网?" in result.stdout
    assert result.stdout.rstrip().endswith(
        "0 approved, 1 rejected, 0 skipped, 1 note written; 1 not yet reviewed. Saved in " + str(path) + ".")


def test_undo_takes_the_note_back_and_says_so(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="n\ncheck the standard\nuq")
    assert entries(path)["smart grid"] == (Status.CANDIDATE, None)
    assert "undone: the note on smart grid" in result.stdout


def test_an_empty_note_removes_the_note(runner, path):
    path.write_text(TEXT.replace("    score: 0.9\n", "    score: 0.9\n    note: old question\n"), encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)], input="n\n\nq")
    assert entries(path)["smart grid"] == (Status.CANDIDATE, None)
    assert "note removed" in result.stdout


def test_the_key_prompt_and_the_help_name_the_note_key(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="?q")
    assert "[a/r/x/e/n/s/u/q/?]" in result.stdout
    assert "write a note on the entry" in result.stdout


def test_piped_text_that_is_not_keys_stops_the_review_at_the_first_key_it_does_not_know(runner, path):
    """`review f < corpus.tsv`, or a shell loop whose stdin holds file names: one decision may be
    made by chance, the rest of the text is not taken as keys (it had approved corpus lines as targets)."""
    result = runner.invoke(app, ["review", str(path)], input="a The smart grid is ready.\tr 智能电网\n")
    assert result.exit_code == 2
    assert entries(path) == {"smart grid": (Status.APPROVED, None), "grid": (Status.CANDIDATE, None)}
    assert result.stderr.startswith("error: stopped at ' ' in the keys piped in, which review does not know")
