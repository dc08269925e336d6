"""A hard upper bound for the tests that guard against a hang or a blow-up (quadratic time, an
entity bomb), rather than measure speed.

Such a test sizes its input so that the bad behaviour would take many minutes while the right one
takes about a second, and bounds it at tens of seconds: a busy machine, slow ten times over, still
passes, and a hang fails at the bound instead of stalling the run until CI's own time is up.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

import pytest

GENEROUS_SECONDS = 60  # for what takes a second or two on an idle machine


@contextlib.contextmanager
def finishes_within(seconds: float, what: str) -> Iterator[None]:
    """Fail the test (pytest.fail: a BaseException, which no `except Exception` of the code under
    test swallows) if the block is still running after `seconds`."""
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        raise RuntimeError("finishes_within works in the main thread only")

    def overran(signum, frame) -> None:
        pytest.fail(f"{what} was still running after {seconds:g} s", pytrace=False)

    previous = signal.signal(signal.SIGALRM, overran)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
