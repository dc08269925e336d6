"""How extract looks on a terminal: a progress bar while it works, a table of the best pairs."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator

from .. import TOOL
from ..extract import ExtractOptions, ExtractResult

_PLAIN_PROGRESS_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


@contextlib.contextmanager
def progress_reporter(console, total: int) -> Iterator:
    """A rich bar on a terminal; on a pipe, a plain line every few seconds for long jobs."""
    if console.is_terminal:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]} pairs/s"), TimeRemainingColumn(),
                      console=console, transient=True) as bar:
            task = bar.add_task("extract", total=total, rate="-")
            started = time.monotonic()

            def advance(done: int) -> None:
                elapsed = max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=done, rate=f"{done / elapsed:,.0f}")

            yield advance
        return
    started = time.monotonic()
    last = [started]

    def report(done: int) -> None:
        now = time.monotonic()
        if now - last[0] >= _PLAIN_PROGRESS_EVERY:
            last[0] = now
            sys.stderr.write(f"extracting: {done}/{total} pairs ({done / (now - started):,.0f} pairs/s)\n")

    yield report


def provenance(result: ExtractResult, inputs: list[str], options: ExtractOptions) -> dict:
    return {"tool": TOOL, "tokenizers": dict(result.tokenizers), "inputs": inputs,
            "options": options.recorded()}


def summary_table(console, result: ExtractResult, rows: int) -> None:
    if rows == 0 or not result.pairs:
        return
    from rich.table import Table

    table = Table(title=f"best {min(rows, len(result.pairs))} of {len(result.pairs)} term pairs", title_justify="left")
    for column, justify in (("source", "left"), ("target", "left"), ("score", "right"), ("count", "right"),
                            ("signals", "left")):
        table.add_column(column, justify=justify)
    for pair in result.pairs[:rows]:
        table.add_row(pair.source, " / ".join(pair.targets), f"{pair.score:.2f}", str(pair.count), ", ".join(pair.signals))
    console.print(table)
