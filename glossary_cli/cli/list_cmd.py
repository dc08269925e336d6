"""`glossary list`: the entries of a glossary, chosen by status, score and text.

On a terminal a table; on a pipe one tab-separated row per entry under a header, with the summary
on stderr so `cut -f2` reads only rows. `--format json` writes one document (schema
`glossary-list/1`):

    {
      "schema": "glossary-list/1",
      "provenance": {"tool": "glossary-cli", "version": ..., "command": "list", "glossary": PATH,
                     "options": {"status": [...], "min_score": float | null, "max_score": float | null,
                                 "match": str | null, "sort": str, "top": int | null}},
      "summary": {"total": int, "matching": int, "shown": int,
                  "by_status": {"candidate": int, "approved": int, "rejected": int}},
      "entries": [{"line": int, "source": str, "target": [str, ...], "status": str, "score": float | null,
                   "count": int | null, "note": str | null, "forbidden": [str, ...],
                   "source_variants": [str, ...]}]
    }

`by_status` counts the matching entries, before --top.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import __version__
from ..glossary import Status
from ..listing import EntryQuery, Listing, ListOrder
from ..report import counted, report_path
from ..safe_text import one_line
from .common import app, draws, handles_errors, refuse_other_yaml, refuse_standard_input, stdout_console, writing_to_stdout

SCHEMA = "glossary-list/1"
_COLUMNS = ("line", "source", "target", "status", "score", "count", "note")


class ListFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


@app.command("list")
@handles_errors
def list_command(
    glossary: Path = typer.Argument(..., metavar="GLOSSARY", help="The glossary YAML file."),
    status: Optional[list[Status]] = typer.Option(
        None, "--status", metavar="<status>", case_sensitive=False,
        help="List entries with this status: candidate, approved or rejected (repeat for several). Default: all."),
    min_score: Optional[float] = typer.Option(None, "--min-score", metavar="<score>", min=0.0, max=1.0,
                                              help="Only entries scoring at least this (entries without a score, "
                                                   "added by hand, are left out)."),
    max_score: Optional[float] = typer.Option(None, "--max-score", metavar="<score>", min=0.0, max=1.0,
                                              help="Only entries scoring at most this."),
    match: Optional[str] = typer.Option(None, "--match", metavar="<text>",
                                        help="Only entries with this text in the source, a source variant, a "
                                             "target or a forbidden rendering (case, full-width letters and Traditional characters aside)."),
    sort: ListOrder = typer.Option(ListOrder.FILE, "--sort", case_sensitive=False,
                                   help="file (as the file has them), score (best first, as review offers them), "
                                        "source (alphabetical) or count (most frequent in the corpus first); ties "
                                        "stay in file order."),
    top: Optional[int] = typer.Option(None, "--top", metavar="<n>", min=1, help="Show only the first N."),
    count_only: bool = typer.Option(False, "--count", help="Print only how many entries match, per status."),
    list_format: ListFormat = typer.Option(ListFormat.TEXT, "--format", case_sensitive=False,
                                           help="text (a table on a terminal, tab-separated rows on a pipe) or "
                                                "json (schema glossary-list/1)."),
) -> None:
    """List a glossary's entries: by status, score and text, in file order or best first.

    `glossary list g.yaml --status candidate --min-score 0.9` shows the candidates that
    `glossary approve g.yaml --approve-all --min-score 0.9` would consider; `--count` says how many
    of each status there are. Exit code 0, also when nothing matches; 2 on a usage or input error."""
    from ..glossary_yaml import load_glossary
    from ..listing import list_entries

    if min_score is not None and max_score is not None and min_score > max_score:
        from ..errors import UsageError

        raise UsageError(f"--min-score {min_score} is above --max-score {max_score}: no entry can match")
    refuse_standard_input(glossary, "a glossary")
    query = EntryQuery(statuses=frozenset(status or Status), min_score=min_score, max_score=max_score,
                       containing=match or None, order=sort, limit=top)
    loaded = load_glossary(str(glossary))
    refuse_other_yaml(loaded, str(glossary))  # a docker-compose file is no glossary of 0 entries
    listing = list_entries(loaded, query)
    with writing_to_stdout():
        if list_format is ListFormat.JSON:
            options = {"status": [each.value for each in Status if each in query.statuses], "min_score": min_score,
                       "max_score": max_score, "match": match, "sort": sort.value, "top": top}
            sys.stdout.write(json.dumps(_document(listing, glossary, options, count_only), ensure_ascii=False,
                                        indent=2) + "\n")
        elif count_only:
            sys.stdout.write(summary_line(listing) + "\n")
        else:
            _render_text(listing)


def summary_line(listing: Listing) -> str:
    """`3 of 9,050 entries (2 candidates, 1 approved)`, or `9,050 entries (…)` when all match; the
    statuses none of them has are left out. `--top` adds how many are shown."""
    statuses = ", ".join(counted(number, _STATUS_NOUNS[status][0], _STATUS_NOUNS[status][1])
                         for status, number in listing.by_status.items() if number)
    total = counted(listing.total, "entry", "entries")
    line = total if listing.matching == listing.total else f"{listing.matching:,} of {total}"
    if statuses:
        line += f" ({statuses})"
    if len(listing.entries) < listing.matching:
        line += f"; the first {len(listing.entries):,} shown"
    return line


_STATUS_NOUNS = {Status.CANDIDATE: ("candidate", None), Status.APPROVED: ("approved", "approved"),
                 Status.REJECTED: ("rejected", "rejected")}


def _render_text(listing: Listing) -> None:
    console = stdout_console()
    if draws(console) and not listing.entries:
        console.print(summary_line(listing), markup=False, soft_wrap=True)
        return
    if draws(console):
        from rich.table import Table

        table = Table(title=summary_line(listing), title_justify="left")
        noted = any(entry.note for entry in listing.entries)
        columns = _COLUMNS if noted else _COLUMNS[:-1]
        for column in columns:
            table.add_column(column, justify="right" if column in ("line", "score", "count") else "left",
                             overflow="fold" if column in ("source", "target") else "ellipsis",
                             max_width=40 if column == "note" else None)
        styles = {Status.APPROVED: "green", Status.REJECTED: "red", Status.CANDIDATE: ""}
        for entry in listing.entries:
            table.add_row(*_cells(entry)[:len(columns)], style=styles[entry.status])
        console.print(table)
        return
    sys.stdout.write("\t".join(_COLUMNS) + "\n")
    for entry in listing.entries:
        sys.stdout.write("\t".join(_cells(entry)) + "\n")
    sys.stdout.flush()
    sys.stderr.write(summary_line(listing) + "\n")  # for people: the rows alone reach a pipe


def _cells(entry) -> tuple[str, ...]:
    """An entry's cells, each on one line (controls as symbols): targets apart by " / ", as review
    takes them; a missing score or count is empty."""
    return (str(entry.line or ""), one_line(entry.source), one_line(" / ".join(entry.target)), entry.status.value,
            "" if entry.score is None else f"{entry.score:g}", "" if entry.count is None else str(entry.count),
            one_line(entry.note or ""))


def _document(listing: Listing, glossary: Path, options: dict, count_only: bool) -> dict:
    import os

    return {
        "schema": SCHEMA,
        "provenance": {"tool": "glossary-cli", "version": __version__, "command": "list",
                       "glossary": report_path(str(glossary), os.getcwd()), "options": options},
        "summary": {"total": listing.total, "matching": listing.matching,
                    "shown": 0 if count_only else len(listing.entries),
                    "by_status": {status.value: listing.by_status[status] for status in Status}},
        "entries": [] if count_only else [
            {"line": entry.line, "source": entry.source, "target": list(entry.target), "status": entry.status.value,
             "score": entry.score, "count": entry.count, "note": entry.note, "forbidden": list(entry.forbidden),
             "source_variants": list(entry.source_variants)} for entry in listing.entries],
    }
