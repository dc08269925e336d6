"""On a terminal, a warning printed while extract draws its progress bar goes above the bar: it
used to be written onto the bar's line, after `0/? - pairs/s`, where it stayed in the scrollback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

CATALOGUE = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_CN\\n"

msgid "Smart grids need storage."
msgstr "智能电网需要储能。"

msgid "Open the smart grid settings"
msgstr ""
"""


def test_a_readers_warning_starts_on_a_cleared_line(tmp_path):
    (tmp_path / "app.po").write_text(CATALOGUE, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", "LINES": "40",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}  # this checkout's code
    child = pexpect.spawn(sys.executable, ["-m", "glossary_cli", "extract", "app.po", "-o", "g.yaml", "--no-cache",
                                           "--show", "0"], env=env, cwd=str(tmp_path), encoding="utf-8",
                          dimensions=(40, 100), timeout=60)
    child.expect(pexpect.EOF)
    screen = child.before
    before = screen[:screen.index("warning: app.po")]
    assert "pairs/s" not in before.rsplit("\n", 1)[-1].rsplit("\x1b[2K", 1)[-1]  # the bar's line was cleared


def test_after_linking_the_terminal_says_ranking_then_writing_and_both_go(tmp_path):
    """On a big corpus ranking and writing take seconds after the linking bar has filled."""
    (tmp_path / "app.po").write_text(CATALOGUE, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", "LINES": "40",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    child = pexpect.spawn(sys.executable, ["-m", "glossary_cli", "extract", "app.po", "-o", "g.yaml", "--no-cache",
                                           "--show", "0"], env=env, cwd=str(tmp_path), encoding="utf-8",
                          dimensions=(40, 100), timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    screen = child.before
    assert child.exitstatus == 0
    assert screen.index("linking") < screen.index("ranking candidates") < screen.index("writing g.yaml")
    assert screen.rstrip().endswith("-> g.yaml")  # the outcome is what stays on the last line
