"""A big glossary takes seconds to read (100,000 entries: about 8 s), and list, validate, check,
export, approve and review said nothing meanwhile. On a terminal a spinner now names the file
being read, and goes when the read ends; a pipe or a CI log gets the outcome only."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from support import write_here

GLOSSARY = "glossary: 1\nterms:\n" + "".join(f"  - {{source: term {number}, target: 术语{number}, status: approved}}\n"
                                             for number in range(2000))


@pytest.mark.parametrize("command", [["list", "big.yaml", "--count"], ["validate", "big.yaml"],
                                     ["export", "big.yaml", "--to", "csv", "-o", "big.csv"]])
def test_on_a_terminal_the_file_being_read_is_named(workdir, command):
    pexpect = pytest.importorskip("pexpect")
    write_here("big.yaml", GLOSSARY)
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", "LINES": "40",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}  # this checkout's code
    child = pexpect.spawn(sys.executable, ["-m", "glossary_cli", *command], env=env, cwd=str(workdir),
                          encoding="utf-8", dimensions=(40, 100), timeout=60)
    child.expect(pexpect.EOF)
    child.close()

    assert "reading big.yaml" in child.before
    assert child.exitstatus == 0


def test_on_a_pipe_nothing_but_the_outcome_is_printed(runner, workdir):
    write_here("big.yaml", GLOSSARY)
    result = runner.invoke(app, ["validate", "big.yaml"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "big.yaml: OK, 2,000 entries (2,000 approved, 0 rejected, 0 candidates)\n", "")
