"""Ctrl-C that cannot be lost on the way to a write.

Python raises KeyboardInterrupt wherever the main thread happens to be. When that is inside a
finaliser (a `__del__`, a weakref callback, a generator being closed), Python prints "Exception
ignored" and carries on, and the run would finish and replace its output as if no Ctrl-C had come.
The command line's handler therefore also records the interrupt, and `write_atomic` checks the
record before it touches a file.
"""

from __future__ import annotations

import signal
import sys

MESSAGE = "glossary: interrupted; files on disk are unchanged"  # what Ctrl-C prints, exit code 130

_received = False
_reported = False


def install() -> None:
    """Take over SIGINT for this process: raise KeyboardInterrupt as Python does, and remember it."""
    signal.signal(signal.SIGINT, _on_interrupt)


def _on_interrupt(signum, frame) -> None:
    global _received
    _received = True
    raise KeyboardInterrupt


def check() -> None:
    """Raise KeyboardInterrupt if Ctrl-C came at any time, even when its first exception was swallowed."""
    if _received:
        raise KeyboardInterrupt


def report() -> None:
    """Print MESSAGE on stderr, once: Ctrl-C can surface in a command, in typer's own argument
    handling (which turns it into a silent exit 130) or while the command line loads."""
    global _reported
    if not _reported:
        _reported = True
        sys.stderr.write(MESSAGE + "\n")


def received() -> bool:
    return _received
