"""The `glossary` console script: Ctrl-C while the command line is still loading (typer, rich,
the command modules) ends as it does later, with one line and exit code 130, not a traceback."""

from __future__ import annotations

import sys

from . import interrupts


def main() -> None:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        interrupts.report()
        sys.exit(130)
    run()
