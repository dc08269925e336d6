"""Ctrl-C that cannot be lost on the way to a write.

Python raises KeyboardInterrupt wherever the main thread happens to be. When that is inside a
finaliser (a `__del__`, a weakref callback, a generator being closed), Python prints "Exception
ignored" and carries on, and the run would finish and replace its output as if no Ctrl-C had come.
The command line's handler therefore also records the interrupt, and `write_atomic` checks the
record before it touches a file.

SIGTERM (a process manager, `kill`, a CI job's timeout) is handled the same way, so the run stops
its worker processes and leaves no temporary file, instead of dying and orphaning the workers.
"""

from __future__ import annotations

import signal
import sys

MESSAGE = "glossary: interrupted; files on disk are unchanged"  # what Ctrl-C prints, exit code 130

_received: int | None = None  # the signal that came, if any
_reported = False
_written: list[str] = []  # files this run has replaced: after that, "unchanged" would be untrue


def install() -> None:
    """Take over SIGINT and SIGTERM for this process: raise KeyboardInterrupt as Python does for
    SIGINT, and remember which came."""
    signal.signal(signal.SIGINT, _on_interrupt)
    signal.signal(signal.SIGTERM, _on_interrupt)


def _on_interrupt(signum, frame) -> None:
    """The first signal stops the run; later ones (Ctrl-C pressed again and again) are only noted,
    so they cannot break into the stopping itself: a KeyboardInterrupt inside the worker pool's
    shutdown left its workers running and could hang the command."""
    global _received
    first = not _received
    _received = signum
    if first:
        raise KeyboardInterrupt


def ignore_further() -> None:
    """Once the command has finished or stopped, ignore SIGINT and SIGTERM: Python gives a handler
    back to the default action while it shuts down, and a signal then (Ctrl-C pressed again, a
    SIGTERM while a large glossary is freed) killed the process instead of letting it exit with
    its code. An ignored signal stays ignored through the shutdown."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if _received is not None:
        _forget_where_the_interrupt_passed()


def _forget_where_the_interrupt_passed() -> None:
    """CPython (3.11) marks a KeyboardInterrupt as unhandled whenever one leaves code run by `exec`
    (dataclasses and namedtuple make their methods so, and Ctrl-C can land there while a module
    loads), even once it is handled; under `python -m` the process then ends by the signal (-2)
    instead of with its exit code. Each `exec` clears the mark as it starts."""
    exec("None")


def signal_number() -> int:
    """The signal that stopped the run: SIGINT when Python raised KeyboardInterrupt on its own."""
    return _received or signal.SIGINT


def exit_code() -> int:
    """128 + the signal, as a shell reports a process killed by it: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + signal_number()


def check() -> None:
    """Raise KeyboardInterrupt if Ctrl-C came at any time, even when its first exception was swallowed."""
    if _received is not None:
        raise KeyboardInterrupt


def stopped_by(error: BaseException) -> bool:
    """Whether `error` is how a Ctrl-C surfaced: the KeyboardInterrupt itself, or what a library it
    broke into raised instead (an import cut short by it fails with ImportError)."""
    return isinstance(error, KeyboardInterrupt) or (isinstance(error, Exception) and received())


def note_written(path: str) -> None:
    """Record that the run has replaced `path`: a Ctrl-C from now on says so instead of MESSAGE."""
    _written.append(path)


def summary(output: str | None = None) -> str:
    """MESSAGE, or which files the run replaced; with `output`, what the command still wrote to
    standard output (a machine report saying the run stopped), which the shell may have been
    redirecting into a file: "files on disk are unchanged" would not say so."""
    said = f"glossary: interrupted after writing {', '.join(_written)}" if _written else "glossary: interrupted"
    if output is not None:
        return f"{said}; {output}" if _written else f"{said}; {output}, and no other file was changed"
    return said if _written else MESSAGE


def report(message: str | None = None) -> None:
    """Print MESSAGE (or, once a file was written, which), or a command's own account of what it
    saved, on stderr, once: Ctrl-C can surface in a command, in typer's own argument handling (which
    turns it into a silent exit 130) or while the command line loads."""
    global _reported
    if message is None:
        message = summary()
    if not _reported:
        _reported = True
        sys.stderr.write(message + "\n")


def received() -> bool:
    return _received is not None
