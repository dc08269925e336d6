"""The command line: a thin adapter from options to library calls, output and exit codes.

Each command lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

import signal
import sys

from .. import interrupts
from .common import app

# Importing a command module registers it; keep these imports light (no spaCy, no jieba).
from . import extract_cmd  # noqa: E402,F401
from . import review_cmd  # noqa: E402,F401
from . import check_cmd  # noqa: E402,F401
from . import exchange_cmd  # noqa: E402,F401
from . import eval_cmd  # noqa: E402,F401


def main() -> None:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `glossary ... | head` ends quietly
    interrupts.install()
    try:
        app()
    except KeyboardInterrupt:
        interrupts.report()
        sys.exit(interrupts.exit_code())
    except SystemExit as exit_:
        if exit_.code == 130 and interrupts.received():  # typer ends Ctrl-C in its own code silently
            interrupts.report()
            sys.exit(interrupts.exit_code())
        raise
