"""How extract looks on a terminal: a progress bar while it works, a table of the best pairs."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator

from .. import TOOL
from ..extract import ExtractOptions, ExtractResult, Stage
from ..report import counted
from ..safe_text import one_line
from ..update import decided_entry
from .common import draws, drawing_on

_PLAIN_PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal
_MIN_RATE_SECONDS = 1.0


@contextlib.contextmanager
def progress_reporter(console) -> Iterator:
    """A rich bar on a terminal; on a pipe, a plain line every few seconds for long jobs.

    The corpus streams in while it is tokenised, so that stage counts pairs without a total;
    linking, the long stage, knows the total and shows pairs/s and the time left."""
    if draws(console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]} pairs/s"), TimeRemainingColumn(),
                      console=console, transient=True) as bar, drawing_on(console):
            task = bar.add_task("tokenizing", total=None, rate="-")
            started = {}

            def advance(stage: Stage, done: int, total: int | None) -> None:
                now = time.monotonic()
                if stage not in started:
                    started[stage] = now
                    bar.reset(task, description=_LABELS[stage], total=total, rate="-")
                rate = _rate(done, now - started[stage])
                bar.update(task, completed=done, total=total, rate="-" if rate is None else f"{rate:,.0f}")

            yield advance
        return
    started: dict = {}
    shown: set = set()
    began = time.monotonic()
    last = [began]

    def report(stage: Stage, done: int, total: int | None) -> None:
        now = time.monotonic()
        started.setdefault(stage, now)
        # Quiet for a short job; then a line every few seconds, and one as each stage begins.
        if done == 0 or now - began < _PLAIN_PROGRESS_EVERY or (now - last[0] < _PLAIN_PROGRESS_EVERY and stage in shown):
            return
        last[0] = now
        shown.add(stage)
        rate = _rate(done, now - started[stage])
        speed = "" if rate is None else f" ({rate:,.0f} pairs/s)"
        if stage is Stage.LEXICON:
            sys.stderr.write(f"extracting: {_LABELS[stage]} from {done:,} pairs\n")
        elif total is None:
            sys.stderr.write(f"extracting: {_LABELS[stage]} {done:,} pairs{speed}\n")
        else:
            if rate is not None and done < total:
                speed = f" ({rate:,.0f} pairs/s, {_clock((total - done) / rate)} left)"
            sys.stderr.write(f"extracting: {_LABELS[stage]} {done:,}/{total:,} pairs{speed}\n")

    yield report


_LABELS = {Stage.TOKENIZE: "reading and tokenizing", Stage.LEXICON: "learning translations", Stage.LINK: "linking"}


def _rate(done: int, elapsed: float) -> float | None:
    """Pairs per second since the stage began; None before a second has passed or a pair is done
    (a stage read from the cache ends in an instant, and its "rate" would mean nothing)."""
    return done / elapsed if elapsed >= _MIN_RATE_SECONDS and done else None


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"


def provenance(result: ExtractResult, inputs: list[str], options: ExtractOptions) -> dict:
    return {"tool": TOOL, "tokenizers": dict(result.tokenizers), "inputs": inputs,
            "options": options.recorded()}


def summary_table(console, result: ExtractResult, rows: int, decided: dict | None = None) -> None:
    """The best pairs: a table on a terminal; tab-separated lines elsewhere (a CI log, a pipe),
    where a table drawn 80 columns wide would break terms across lines. A pair whose term people
    already decided (`decided`, see update.decided_terms) shows the glossary's entry, with its
    status, not what the corpus says: the corpus may use a rendering the glossary forbids. Terms
    come from the corpus: each cell is shown on one line with its controls as symbols, and a tab in
    it (which would start a column of its own) as a space."""
    if rows == 0 or not result.pairs:
        return
    title = f"best {min(rows, len(result.pairs)):,} of {counted(len(result.pairs), 'term pair')}"
    best = [(pair, decided_entry(decided, pair) if decided else None) for pair in result.pairs[:rows]]
    with_status = any(entry for _, entry in best)

    def row(pair, entry) -> tuple[str, ...]:
        source, targets = (pair.source, pair.targets) if entry is None else (entry.source, entry.target)
        cells = (source, " / ".join(targets), f"{pair.score:.2f}", str(pair.count), ", ".join(pair.signals))
        cells = (*cells, entry.status.value if entry else "candidate") if with_status else cells
        return tuple(one_line(cell).replace("\t", " ") for cell in cells)

    columns = ("source", "target", "score", "count", "signals", *(("status",) if with_status else ()))
    cells = [row(pair, entry) for pair, entry in best]
    if not draws(console):
        # Written past rich, which would expand the tabs into spaces.
        console.file.write("\n".join([title, "\t".join(columns), *("\t".join(row) for row in cells)]) + "\n")
        console.file.flush()
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="right" if column in ("score", "count") else "left")
    for row in cells:
        table.add_row(*map(Text, row))  # text, never markup: `[link=…]` in a corpus is shown as written
    console.print(table)
