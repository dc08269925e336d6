"""A merge keeps what people wrote where it can: a `|+` note keeps its kept final blank line (and
so its style) when both sides add a line to it, and an entry written as a flow mapping
(`- {source: …}`) that the merge changes stays one (team probe F8)."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary

BASE = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - {source: carbon neutrality, target: 碳中和, status: approved, note: flow mapping entry}
  - source: net zero
    target: 净零
    status: approved
    note: |+
      Keep trailing newline.

      Second paragraph.

  - source: ESG
    keep_source: true
    status: approved
"""


def merge(runner, tmp_path, monkeypatch, ours: str, theirs: str) -> str:
    monkeypatch.chdir(tmp_path)
    Path("base.yaml").write_text(BASE, encoding="utf-8")
    Path("ours.yaml").write_text(ours, encoding="utf-8")
    Path("theirs.yaml").write_text(theirs, encoding="utf-8")
    result = runner.invoke(app, ["merge", "--base", "base.yaml", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    return Path("ours.yaml").read_text(encoding="utf-8")


def test_a_keep_note_merged_line_by_line_keeps_its_final_blank_line(runner, tmp_path, monkeypatch):
    ours = BASE.replace("Second paragraph.\n", "Second paragraph.\n      Alice: client confirmed.\n")
    theirs = BASE.replace("Second paragraph.\n", "Second paragraph.\n      Bob: seen in CN press.\n")
    merged = merge(runner, tmp_path, monkeypatch, ours, theirs)
    assert merged == BASE.replace("Second paragraph.\n", "Second paragraph.\n      Alice: client confirmed.\n"
                                                         "      Bob: seen in CN press.\n")
    note = load_glossary("ours.yaml").terms[1].note
    assert note == ("Keep trailing newline.\n\nSecond paragraph.\nAlice: client confirmed.\nBob: seen in CN press.\n\n")


def test_a_flow_entry_changed_on_both_sides_stays_a_flow_entry(runner, tmp_path, monkeypatch):
    ours = BASE.replace("note: flow mapping entry}", "note: flow mapping entry, forbidden: [碳中立]}")
    theirs = BASE.replace("note: flow mapping entry}", "note: flow mapping entry, x-owner: Bob}")
    merged = merge(runner, tmp_path, monkeypatch, ours, theirs)
    assert merged == BASE.replace(
        "note: flow mapping entry}", "note: flow mapping entry, forbidden: [碳中立], x-owner: Bob}")


def test_a_note_merged_without_an_ancestor_keeps_its_final_blank_line(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ours.yaml").write_text(BASE, encoding="utf-8")
    Path("theirs.yaml").write_text(BASE.replace("Second paragraph.\n", "Second paragraph.\n      Bob: seen.\n"),
                                   encoding="utf-8")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    assert load_glossary("ours.yaml").terms[1].note == "Keep trailing newline.\n\nSecond paragraph.\nBob: seen.\n\n"
