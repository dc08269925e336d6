"""The command line: a thin adapter from options to library calls, output and exit codes.

Each command lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

import os
import signal
import sys

from .. import interrupts
from .common import EXIT_ERROR, EXIT_OK, ClosedStandardInput, app

# Importing a command module registers it; keep these imports light (no spaCy, no jieba).
from . import extract_cmd  # noqa: E402,F401
from . import review_cmd  # noqa: E402,F401
from . import list_cmd  # noqa: E402,F401
from . import check_cmd  # noqa: E402,F401
from . import exchange_cmd  # noqa: E402,F401
from . import eval_cmd  # noqa: E402,F401


def main() -> None:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `glossary ... | head` ends quietly
    _escape_what_streams_cannot_encode()
    _diagnostics_never_fail()
    interrupts.install()
    _refuse_empty_arguments(sys.argv[1:])
    try:
        code = app(standalone_mode=False)  # usage errors come back here, to be said in one line
    except (KeyboardInterrupt, Exception) as error:
        code = 130 if interrupts.stopped_by(error) else _say_usage_error(error)
    if code == 130 and interrupts.received():  # typer ends Ctrl-C in its own code silently
        interrupts.report()
        code = interrupts.exit_code()
    # The outcome is known: a signal while Python tears down (freeing a large glossary takes
    # seconds) would otherwise end the process with 143 after its success was printed.
    interrupts.ignore_further()
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _say_usage_error(error: Exception) -> int:
    """A usage error in one line (`glossary` alone: the help, as typer shows it); anything else is
    a bug, raised with its traceback."""
    if not _is_usage_error(error):
        raise error
    if type(error).__name__ == "NoArgsIsHelpError":
        error.show()
    else:
        sys.stderr.write(f"error: {_usage_message(error)}\n")
    return EXIT_ERROR


def _escape_what_streams_cannot_encode() -> None:
    """Chinese on a stream whose encoding lacks it (PYTHONIOENCODING=ascii, a C locale without
    UTF-8 mode) is written as escapes (\\u667a), not a UnicodeEncodeError ending every report
    with a traceback, exit 1 and an empty file."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") not in ("utf8", "utf8sig"):
            reconfigure(errors="backslashreplace")


def _refuse_empty_arguments(arguments: list[str]) -> None:
    """An empty argument is an unset shell variable (`glossary check g.yaml "$FILES"`), never a
    value: as a path it would read as the current directory and check every file there."""
    if "" in arguments:
        number = arguments.index("") + 1
        after = f" (after {arguments[number - 2]})" if number > 1 else ""
        sys.stderr.write(f"error: argument {number}{after} is empty: an unset shell variable? "
                         "(see: glossary --help)\n")
        sys.exit(EXIT_ERROR)


def _diagnostics_never_fail() -> None:
    """Warnings and errors are for people: with stderr closed (`2>&-`) or full they are lost, but
    the exit code still says the outcome; a failed write there had ended every command in a
    traceback nobody saw and exit 1, which CI reads as findings."""
    sys.stderr = open(os.devnull, "w", encoding="utf-8") if sys.stderr is None else _Unfailing(sys.stderr)
    if sys.stdin is None:  # closed (<&-): `-` then reads nothing, an input error, not an AttributeError
        sys.stdin = ClosedStandardInput()


class _Unfailing:
    """A stream whose writes never raise: what cannot be written is dropped."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError):
            pass

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _is_usage_error(error: Exception) -> bool:
    """An option or argument typer (click) refused: no such option, a value out of range…"""
    return type(error).__module__.split(".")[0] in ("typer", "click") and hasattr(error, "format_message")


def _usage_message(error) -> str:
    """One line, as every other error: click's own says it in four (usage, hint, blank, error)."""
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "glossary"
    message = " ".join(error.format_message().split())  # click lists choices on lines of their own
    message = message.replace("Value error, ", "")  # pydantic's prefix, which typer passes on
    return f"{message} (see: {command} --help)"
