"""`approve`/`reject --target` with a term no entry has: the new entry is announced as new, and a
near spelling of an existing term is suggested, since a typo would otherwise approve nothing."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from tests.support import write_here as write

TEXT = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
        "  - source: frontier technology\n    target: 前沿科技\n    status: candidate\n")


def test_a_misspelt_term_with_a_target_is_added_as_new_and_the_near_term_suggested(runner, workdir):
    write("t.yaml", TEXT)
    result = runner.invoke(app, ["approve", "t.yaml", "frontier technolgy", "--target", "前沿技术"])
    assert result.exit_code == 0
    assert result.stderr == (
        "added frontier technolgy → 前沿技术 to t.yaml as a new approved entry\n"
        'warning: t.yaml had no entry "frontier technolgy"; did you mean "frontier technology"? If so, delete the '
        "new entry (the last one) and approve that term\n")
    assert Path("t.yaml").read_text(encoding="utf-8").endswith(
        "  - source: frontier technolgy\n    target: 前沿技术\n    status: approved\n")


def test_a_new_rejected_rendering_is_announced_as_new(runner, workdir):
    write("t.yaml", TEXT)
    result = runner.invoke(app, ["reject", "t.yaml", "hydrogen energy", "--target", "氢气能"])
    assert result.exit_code == 0
    assert result.stderr == "added hydrogen energy → 氢气能 to t.yaml as a new rejected entry\n"


def test_a_misspelt_term_without_a_target_suggests_the_near_term(runner, workdir):
    write("t.yaml", TEXT)
    result = runner.invoke(app, ["approve", "t.yaml", "frontier technolgy"])
    assert result.exit_code == 2
    assert result.stderr == ('error: t.yaml: no entry "frontier technolgy" in the glossary; did you mean '
                             '"frontier technology"? (or give --target to add it as written)\n')


def test_a_decision_on_an_existing_entry_reads_as_before(runner, workdir):
    write("t.yaml", TEXT)
    result = runner.invoke(app, ["approve", "t.yaml", "frontier technology", "--target", "前沿技术"])
    assert (result.exit_code, result.stderr) == (0, "approved frontier technology → 前沿技术 in t.yaml\n")
