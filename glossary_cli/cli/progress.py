"""Progress of a long command, on stderr (stdout carries the command's data): one policy for every
command. On a terminal, a rich bar; elsewhere (a pipe, a CI log), quiet for a short run, then a
plain line every few seconds, such as `extracting: linking 3,742/49,990 pairs (485 pairs/s,
0:01:35 left)`, `checking: 12,000 pairs (1,400 pairs/s)` or `importing: reading 30,000 entries
(9,800 entries/s)`: each command names what it counts."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Collection, Hashable, Iterator, Mapping

from .common import _QUIET, draws, drawing_on

PLAIN_PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal
_MIN_RATE_SECONDS = 1.0

# What a command tells as it goes: the stage it is in, how many pairs (or entries, or whatever the
# command counts) of it are done, and of how many (None while the input is still being read).
Report = Callable[[Hashable, int, "int | None"], None]


@contextlib.contextmanager
def progress_reporter(console, command: str, labels: Mapping[Hashable, str], *,
                      said_once: Collection[Hashable] = (), unit: str = "pairs") -> Iterator[Report]:
    """A rich bar on a terminal; on a pipe, a plain line every few seconds for long jobs.

    `command` begins each plain line (`extracting`); `labels` name the stages (`linking`), an
    empty label none: the line is then `checking: 12,000 pairs`. `unit` names what is counted, in
    the plural (`pairs`, `entries`). A stage in `said_once` is one step over all of them: its line
    says `learning translations from 3,000 pairs`, once. A stage with a total shows pairs/s and the
    time left; one without, the pairs done so far."""
    if draws(console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        # Redrawn at each report, not by rich's refresh thread: `extract --jobs` forks its workers
        # while the bar is shown, and a fork while another thread runs (holding the console's or
        # stderr's lock, say) can leave a worker deadlocked; Python 3.12 warns of it.
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn(f"{{task.fields[rate]}} {unit}/s"), TimeRemainingColumn(),
                      console=console, transient=True, auto_refresh=False) as bar, drawing_on(console):
            task = bar.add_task(command, total=None, rate="-")
            started = {}

            def advance(stage: Hashable, done: int, total: int | None) -> None:
                now = time.monotonic()
                if stage not in started:
                    started[stage] = now
                    bar.reset(task, description=labels[stage] or command, total=total, rate="-")
                rate = _rate(done, now - started[stage])
                bar.update(task, completed=done, total=total, rate="-" if rate is None else f"{rate:,.0f}",
                           refresh=True)

            yield advance
        return
    started: dict = {}
    shown: set = set()
    began = time.monotonic()
    last = [began]

    def report(stage: Hashable, done: int, total: int | None) -> None:
        if _QUIET[0]:  # -q: a CI log gets the outcome, not the way there
            return
        now = time.monotonic()
        started.setdefault(stage, now)
        # Quiet for a short job; then a line every few seconds, and one as each stage begins.
        if done == 0 or now - began < PLAIN_PROGRESS_EVERY or (now - last[0] < PLAIN_PROGRESS_EVERY and stage in shown):
            return
        last[0] = now
        shown.add(stage)
        doing = f"{command}: {labels[stage]} " if labels[stage] else f"{command}: "
        rate = _rate(done, now - started[stage])
        speed = "" if rate is None else f" ({rate:,.0f} {unit}/s)"
        if stage in said_once:
            sys.stderr.write(f"{doing}from {done:,} {unit}\n")
        elif total is None:
            sys.stderr.write(f"{doing}{done:,} {unit}{speed}\n")
        else:
            if rate is not None and done < total:
                speed = f" ({rate:,.0f} {unit}/s, {_clock((total - done) / rate)} left)"
            sys.stderr.write(f"{doing}{done:,}/{total:,} {unit}{speed}\n")

    yield report


@contextlib.contextmanager
def reading(path) -> Iterator[None]:
    """A spinner on a terminal while a glossary is read (`reading glossaries/big.yaml`): a
    100,000-entry file takes seconds to read and validate, and nothing else moves meanwhile."""
    with working_on(f"reading {path}"):
        yield


@contextlib.contextmanager
def working_on(what: str) -> Iterator[None]:
    """A spinner on a terminal saying what is being done, for a step of seconds that has nothing
    to count. It goes when the step ends, leaving nothing behind; a pipe or a CI log gets the
    outcome only."""
    from .common import stderr_console

    console = stderr_console()
    if _QUIET[0] or not draws(console):
        yield
        return
    from rich.markup import escape

    from .common import message_line

    with console.status(escape(message_line(what)), spinner="dots"), drawing_on(console):
        yield


def _rate(done: int, elapsed: float) -> float | None:
    """Pairs (entries…) per second since the stage began; None before a second has passed or one is done
    (a stage read from the cache ends in an instant, and its "rate" would mean nothing)."""
    return done / elapsed if elapsed >= _MIN_RATE_SECONDS and done else None


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"
