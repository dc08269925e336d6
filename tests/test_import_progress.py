"""import shows progress as extract and check do (a bar on a terminal, a line every few seconds on
a pipe), counting entries, not pairs: a 200,000-term termbase took a minute to import and said
nothing until it was done."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.exchange import ImportStage, import_glossary
from glossary_cli.glossary import Entry, Glossary, Status
from support import write_here

GLOSSARY = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n  - source: grid\n    target: 电网\n" \
           "    status: approved\n"


def termbase(count: int) -> str:
    return "en,zh,status\n" + "".join(f"term {number},术语{number},approved\n" for number in range(count))


def test_import_glossary_tells_how_many_entries_are_read_and_compared(workdir):
    write_here("big.csv", termbase(2_500))
    told = []

    import_glossary("big.csv", into=Glossary(terms=[Entry("term 1", ["术语1"], Status.APPROVED)]),
                    progress=lambda stage, done, total: told.append((stage, done, total)))

    assert told == [(ImportStage.READING, 0, None), (ImportStage.READING, 1_000, None),
                    (ImportStage.READING, 2_000, None), (ImportStage.READING, 2_500, None),
                    (ImportStage.MATCHING, 0, 2_500), (ImportStage.MATCHING, 1_000, 2_500),
                    (ImportStage.MATCHING, 2_000, 2_500), (ImportStage.MATCHING, 2_500, 2_500)]


def test_on_a_pipe_a_long_import_prints_lines_counting_entries_on_stderr_only(runner, workdir, monkeypatch):
    import glossary_cli.cli.progress as progress

    write_here("g.yaml", GLOSSARY)
    write_here("vendor.csv", "en,zh,status\ngrid,电网,approved\nstorage,储能,approved\n")
    short = runner.invoke(app, ["import", "vendor.csv", "-o", "g.yaml"])
    monkeypatch.setattr(progress, "PLAIN_PROGRESS_EVERY", 0.0)  # as if the run had taken minutes
    long = runner.invoke(app, ["import", "vendor.csv"])

    assert short.stderr == "g.yaml: merged 2 entries (2 approved, 0 other) from vendor.csv (1 new, 0 changed)\n"
    assert long.exit_code == 0
    assert long.stderr == ("importing: reading 2 entries\n"
                           "importing: validating 2 entries\n"
                           "importing: validating the result 2 entries\n")
    assert long.stdout.startswith("glossary: 1\n")  # the glossary alone on stdout
    merged = runner.invoke(app, ["import", "vendor.csv", "-o", "g.yaml"])
    assert "importing: comparing with the glossary 2/2 entries\nimporting: validating 2 entries\n" \
           "importing: merging 2 entries\n" in merged.stderr


def test_on_a_terminal_a_bar_counting_entries_is_drawn(workdir):
    pexpect = pytest.importorskip("pexpect")
    write_here("vendor.csv", termbase(3))
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", "LINES": "40",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}  # this checkout's code
    command = f"'{sys.executable}' -m glossary_cli import vendor.csv -o g.yaml"
    child = pexpect.spawn("sh", ["-c", command], env=env, cwd=str(workdir), encoding="utf-8",
                          dimensions=(40, 100), timeout=60)
    child.expect(pexpect.EOF)

    assert "entries/s" in child.before and "pairs/s" not in child.before
    assert "g.yaml: 3 entries (3 approved, 0 other) imported from vendor.csv" in child.before
