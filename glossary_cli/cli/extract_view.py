"""How extract looks on a terminal: a progress bar while it works (the one every long command
shows, progress.py), a table of the best pairs."""

from __future__ import annotations

import contextlib

from .. import TOOL
from ..extract import ExtractOptions, ExtractResult, Stage
from ..report import counted
from ..safe_text import one_line
from ..update import decided_entry
from .common import draws
from .progress import Report, progress_reporter as shared_progress_reporter

_LABELS = {Stage.TOKENIZE: "reading and tokenizing", Stage.LEXICON: "learning translations", Stage.LINK: "linking",
           Stage.RANK: "ranking candidates"}


def progress_reporter(console) -> contextlib.AbstractContextManager[Report]:
    """extract's progress (see progress.progress_reporter). The corpus streams in while it is
    tokenised, so that stage counts pairs without a total; the lexicon is learnt in one step over
    all pairs, said once, as is ranking; linking, the long stage, knows the total and shows pairs/s
    and the time left."""
    return shared_progress_reporter(console, "extracting", _LABELS, said_once={Stage.LEXICON, Stage.RANK})


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
