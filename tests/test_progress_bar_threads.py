"""The progress bar on a terminal runs no thread of its own.

`extract --jobs 2` forks its workers while the bar is shown. A fork while a second thread runs can
leave a worker deadlocked on a lock that thread held (the console's, stderr's); Python 3.12 and
later warn "This process is multi-threaded, use of fork() may lead to deadlocks in the child"."""

from __future__ import annotations

import os
import select
import threading

from rich.console import Console

import glossary_cli.cli.extract_view as view
from glossary_cli.extract import Stage


def test_the_progress_bar_on_a_terminal_is_drawn_at_each_report_without_a_thread(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    leader, follower = os.openpty()
    with open(follower, "w", encoding="utf-8") as terminal:
        threads_before = threading.active_count()
        with view.progress_reporter(Console(file=terminal, width=100)) as report:
            report(Stage.LINK, 0, 33)
            report(Stage.LINK, 11, 33)
            threads_while_drawing = threading.active_count()
            terminal.flush()
            drawn = _written_so_far(leader)
    os.close(leader)
    assert threads_while_drawing == threads_before
    assert "linking" in drawn and "11/33" in drawn  # the bar still moves as the work does


def _written_so_far(leader: int) -> str:
    """What the terminal received, read until it stays quiet (or for at most 2 s: a bar that a
    thread redraws never does)."""
    chunks = []
    for _ in range(10):
        if not select.select([leader], [], [], 0.2)[0]:
            break
        chunks.append(os.read(leader, 1 << 16))
    return b"".join(chunks).decode("utf-8", "replace")
