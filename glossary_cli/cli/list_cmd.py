"""`glossary list`: the entries of glossaries, chosen by status, score and text.

`text` draws a table on a terminal (the first 100 entries unless --top says otherwise) and writes
tab-separated rows elsewhere; `tsv` writes the rows anywhere, under the header `line source target
status score count note` (with several glossaries, a `glossary` column first, as grep names the
file of each line when it searches several), with the counts on stderr so `cut -f2` reads only
rows. A cell never
holds a tab or a line break (shown as ␉ and ↵), and a cell with a double quote is quoted as
spreadsheets and Python's csv module read TSV. A target cell says `(kept as written)` for a
keep_source entry without renderings and `(every rendering)` for a term rejected in every
rendering. `--format json` writes one document (schema `glossary-list/1`):

    {
      "schema": "glossary-list/1",
      "provenance": {"tool": "glossary-cli", "version": ..., "command": "list",
                     "glossary": PATH | null (null when several are listed), "glossaries": [PATH, ...],
                     "options": {"status": [...], "min_score": float | null, "max_score": float | null,
                                 "match": [str, ...], "sort": str, "top": int | null}},
      "summary": {"total": int, "matching": int, "shown": int,
                  "by_status": {"candidate": int, "approved": int, "rejected": int}},
      "entries": [{"glossary": PATH, "line": int, "source": str, "target": [str, ...], "status": str, "score": float | null,
                   "count": int | null, "note": str | null, "forbidden": [str, ...], "source_variants": [str, ...],
                   "source_forbidden": [str, ...],
                   "keep_source": bool, "case_sensitive": bool | null,
                   "alternatives": [{"target": str, "score": float | null}, ...],
                   "other": {KEY: VALUE, ...}}]
    }

`by_status` counts the matching entries, before --top; `other` holds the entry's further keys as
written (paths, part_of_speech, definition, x-… keys of your own).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import __version__
from ..glossary import Entry, Status
from ..listing import EntryQuery, Listed, Listing, ListOrder
from ..report import counted, report_path
from ..safe_text import one_line
from .common import (StatusChoice, app, chosen_statuses, draws, handles_errors, refuse_other_yaml,
                     refuse_standard_input, stdout_console, warn, write_utf8, writing_to_stdout)

SCHEMA = "glossary-list/1"
_COLUMNS = ("line", "source", "target", "status", "score", "count", "note")
_TABLE_ROWS = 100  # a table of 16,000 rows takes rich 15 s and scrolls past unread: a pipe gets them all


class ListFormat(str, Enum):
    TEXT = "text"
    TSV = "tsv"
    JSON = "json"


@app.command("list")
@handles_errors
def list_command(
    glossaries: list[Path] = typer.Argument(..., metavar="GLOSSARY...",
                                            help="The glossary YAML files (several are listed as one, each row "
                                                 "naming its file)."),
    status: Optional[list[StatusChoice]] = typer.Option(
        None, "--status", metavar="<status>", case_sensitive=False,
        help="List entries with this status: candidate, approved, rejected (repeat for several) or all "
             "(the default)."),
    min_score: Optional[float] = typer.Option(None, "--min-score", metavar="<score>", min=0.0, max=1.0,
                                              help="Only entries scoring at least this (entries without a score, "
                                                   "added by hand, are left out)."),
    max_score: Optional[float] = typer.Option(None, "--max-score", metavar="<score>", min=0.0, max=1.0,
                                              help="Only entries scoring at most this."),
    match: Optional[list[str]] = typer.Option(
        None, "--match", metavar="<text>",
        help="Only entries with this text in the source, a source variant, a target or a forbidden rendering or "
             "English wording "
             "(repeat: any of them), read as check reads terms: case, full-width letters, Traditional "
             "characters, hyphens and spaces aside, and the last word singular (`antiviral drugs` finds "
             "`anti-viral drug`, `covid19` finds `COVID-19`); Latin text at the start of a word (`AI` does not "
             "find `email`)."),
    sort: ListOrder = typer.Option(ListOrder.FILE, "--sort", case_sensitive=False,
                                   help="file (as the file has them), score (best first, as review offers them: "
                                        "ties by count, then source), source (alphabetical) or count (most "
                                        "frequent in the corpus first; ties in file order)."),
    top: Optional[int] = typer.Option(None, "--top", metavar="<n>", min=1,
                                      help=f"Show only the first N (a table on a terminal shows {_TABLE_ROWS} "
                                           "unless this says more)."),
    count_only: bool = typer.Option(False, "--count/--no-count", help="Print only how many entries match, per status."),
    list_format: ListFormat = typer.Option(ListFormat.TEXT, "--format", case_sensitive=False,
                                           help="text (a table on a terminal, tab-separated rows elsewhere), tsv "
                                                "(the rows, also on a terminal) or json (schema glossary-list/1)."),
) -> None:
    """List glossaries' entries: by status, score and text, in file order or best first.

    `glossary list g.yaml --status candidate --min-score 0.9` shows the candidates that
    `glossary approve g.yaml --approve-all --min-score 0.9` would consider (`--dry-run` there says
    which it would approve); `--count` says how many of each status there are. Exit code 0, also
    when nothing matches; 2 on a usage or input error."""
    from ..glossary_yaml import GlossaryProblems, load_glossary
    from ..listing import list_entries
    from ..validate import misspelt_keys, validate_file
    from .progress import reading

    if min_score is not None and max_score is not None and min_score > max_score:
        from ..errors import UsageError

        raise UsageError(f"--min-score {min_score} is above --max-score {max_score}: no entry can match")
    for glossary in glossaries:
        refuse_standard_input(glossary, "a glossary")
    blank = [text for text in match or () if not text.strip(" \t\u3000-")]
    if blank:
        from ..errors import UsageError

        raise UsageError(f"--match {blank[0]!r} holds no text to look for")
    query = EntryQuery(statuses=frozenset(chosen_statuses(status) or Status), min_score=min_score, max_score=max_score,
                       containing=tuple(text for text in match or () if text), order=sort, limit=top)
    loaded = []
    glossaries = list({os.path.realpath(glossary): glossary for glossary in reversed(glossaries)}.values())[::-1]
    for glossary in glossaries:
        with reading(glossary):
            read = load_glossary(str(glossary))
        refuse_other_yaml(read, str(glossary))  # a docker-compose file is no glossary of 0 entries
        if not read.terms:  # an empty file or one without `terms:` is refused, as validate refuses it
            _, problems = validate_file(str(glossary))
            if problems:
                raise GlossaryProblems(list(problems))
        for problem in misspelt_keys(read, str(glossary)):  # `forbiden:` is read as a key of the user's own
            warn(str(problem))
        loaded.append((str(glossary), read))
    listing = list_entries(loaded, query)
    files = len(glossaries) if len(glossaries) > 1 else None
    with writing_to_stdout():
        if list_format is ListFormat.JSON:
            options = {"status": [each.value for each in Status if each in query.statuses], "min_score": min_score,
                       "max_score": max_score, "match": list(query.containing), "sort": sort.value, "top": top}
            write_utf8(json.dumps(_document(listing, glossaries, options, count_only), ensure_ascii=False, indent=2,
                                  default=str) + "\n")
        elif count_only:
            sys.stdout.write(summary_line(listing, counting=True, files=files) + "\n")
        elif list_format is ListFormat.TEXT and draws(stdout_console()):
            _render_table(listing, limited=top is None, files=files)
        else:
            _render_rows(listing, files=files)


def summary_line(listing: Listing, *, shown: int | None = None, counting: bool = False,
                 files: int | None = None) -> str:
    """`3 of 9,050 entries (1 approved, 2 candidates)`, or `9,050 entries (…)` when all match; the
    statuses none of them has are left out. Fewer shown than match adds how many are; several
    glossaries add how many (`3 of 9,050 entries in 4 glossaries`)."""
    statuses = ", ".join(counted(listing.by_status[status], *_STATUS_NOUNS[status])
                         for status in _STATUS_NOUNS if listing.by_status[status])
    total = counted(listing.total, "entry", "entries") + (f" in {files:,} glossaries" if files else "")
    line = total if listing.matching == listing.total else f"{listing.matching:,} of {total}"
    if statuses:
        line += f" ({statuses})"
    shown = len(listing.entries) if shown is None else shown
    if shown < listing.matching and not counting:
        line += f"; the first {shown:,} shown"
    return line


# In validate's order: approved, rejected, candidates.
_STATUS_NOUNS = {Status.APPROVED: ("approved", "approved"), Status.REJECTED: ("rejected", "rejected"),
                 Status.CANDIDATE: ("candidate", None)}


def _render_table(listing: Listing, *, limited: bool, files: int | None) -> None:
    from rich.table import Table

    console = stdout_console()
    entries = listing.entries[:_TABLE_ROWS] if limited else listing.entries
    if not entries:
        console.print(summary_line(listing, files=files), markup=False, soft_wrap=True)
        return
    table = Table(title=summary_line(listing, shown=len(entries), files=files), title_justify="left",
                  caption=(f"--top N shows more; a pipe or --format tsv gets all {listing.matching:,}"
                           if len(entries) < len(listing.entries) else None), caption_justify="left")
    columns = _columns(files) if any(listed.entry.note for listed in entries) else _columns(files)[:-1]
    for column in columns:
        table.add_column(column, justify="right" if column in ("line", "score", "count") else "left",
                         overflow="fold" if column in ("source", "target", "glossary") else "ellipsis",
                         no_wrap=column == "note", max_width=40 if column == "note" else None)
    styles = {Status.APPROVED: "green", Status.REJECTED: "red", Status.CANDIDATE: ""}
    for listed in entries:
        table.add_row(*_cells(listed, files)[:len(columns)], style=styles[listed.entry.status])
    console.print(table)


def _render_rows(listing: Listing, *, files: int | None) -> None:
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(_columns(files))
    writer.writerows(_cells(listed, files) for listed in listing.entries)
    sys.stdout.flush()
    sys.stderr.write(summary_line(listing, files=files) + "\n")  # for people: the rows alone reach a pipe


def _columns(files: int | None) -> tuple[str, ...]:
    """The columns: with several glossaries, the file of each row first, as grep names the file
    of each line when it searches several."""
    return ("glossary", *_COLUMNS) if files else _COLUMNS


def _cells(listed: Listed, files: int | None) -> tuple[str, ...]:
    """An entry's cells, each on one line with no tab (controls, tabs and line breaks as symbols):
    targets apart by " / ", as review takes them; a missing score or count is empty."""
    entry = listed.entry
    cells = (str(entry.line or ""), _cell(entry.source), _cell(_targets(entry)), entry.status.value,
             "" if entry.score is None else _score(entry.score), "" if entry.count is None else str(entry.count),
             _cell(entry.note or ""))
    return (_cell(listed.glossary), *cells) if files else cells


def _score(score: float) -> str:
    """As written, in plain decimals: 0.599999 is not rounded to a 0.6 that --min-score 0.6 would
    then leave out, and 1e-05 is 0.00001, which `sort -n` reads right."""
    return format(score, ".10f").rstrip("0").rstrip(".") or "0"


def _targets(entry: Entry) -> str:
    if entry.target:
        return " / ".join(entry.target)
    if entry.keep_source:
        return "(kept as written)"
    if entry.status is Status.REJECTED:
        return "(every rendering)"
    return ""


def _cell(text: str) -> str:
    return one_line(text).replace("\t", "␉")


def _document(listing: Listing, glossaries: list[Path], options: dict, count_only: bool) -> dict:
    names = [report_path(str(glossary), os.getcwd()) for glossary in glossaries]
    return {
        "schema": SCHEMA,
        "provenance": {"tool": "glossary-cli", "version": __version__, "command": "list",
                       "glossary": names[0] if len(names) == 1 else None, "glossaries": names,
                       "options": options},
        "summary": {"total": listing.total, "matching": listing.matching,
                    "shown": 0 if count_only else len(listing.entries),
                    "by_status": {status.value: listing.by_status[status] for status in Status}},
        "entries": [] if count_only else [_record(listed) for listed in listing.entries],
    }


def _record(listed: Listed) -> dict:
    entry = listed.entry
    return {"glossary": report_path(listed.glossary, os.getcwd()), "line": entry.line, "source": entry.source, "target": list(entry.target), "status": entry.status.value,
            "score": entry.score, "count": entry.count, "note": entry.note, "forbidden": list(entry.forbidden),
            "source_variants": list(entry.source_variants), "source_forbidden": list(entry.source_forbidden),
            "keep_source": entry.keep_source,
            "case_sensitive": entry.case_sensitive,
            "alternatives": [{"target": alternative.target, "score": alternative.score}
                             for alternative in entry.alternatives],
            "other": dict(entry.extra)}
