"""The `glossary` console script: Ctrl-C while the command line is still loading (typer, rich,
the command modules) ends as it does later, with one line and exit code 130, not a traceback; so
does help or a version that cannot be written, with exit code 2, as a report that cannot be is."""

from __future__ import annotations

import sys

from . import interrupts


def main() -> None:
    # Before the slow imports: Python's own handler raises at every press, and a second Ctrl-C
    # while the first one's exit unwound ended the process by the signal (-2), not with exit 130.
    interrupts.install()
    try:
        from .cli import main as run
    except (KeyboardInterrupt, Exception) as error:
        if not interrupts.stopped_by(error):
            raise
        interrupts.report()
        interrupts.ignore_further()
        sys.exit(interrupts.exit_code())
    try:
        run()
    except OSError as error:
        if not _raised_by_echo(error):
            raise
        # as cli.common.writing_to_stdout says it for the reports of every command
        sys.stderr.write(f"error: <stdout>: cannot write: {error.strerror or error}\n")
        sys.exit(2)


def _raised_by_echo(error: OSError) -> bool:
    """Whether typer's echo (its own copy of click's) raised the error: it writes --help, --version
    and the lines a command prints with typer.echo, to stdout (stderr, wrapped in cli._Unfailing, never raises). A full disk
    (> /dev/full) or a file system gone read-only then fails the write; every other OSError is a bug
    to show with its traceback."""
    import typer

    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and trace.tb_frame.f_code is typer.echo.__code__
