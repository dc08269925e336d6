"""Glossaries as CSV/TSV tables in the shape CAT tools import: `en,zh,status,note,forbidden`.

One row per allowed rendering, so every term cell holds one term, and the entry's forbidden
renderings in a `forbidden` column of its first row, one per line of the cell, where a CAT tool
that maps the term columns never takes them for terms to suggest. These five columns are always
written, even when no exported entry forbids a rendering, so a CAT tool's saved column mapping
fits every export of the glossary:

  en,zh,status,note,forbidden
  P2G,电转气,approved,power-to-gas,电力到燃气
  grid,电网,candidate,,

status is approved, candidate or rejected (on import also preferred/admitted and an empty
cell = candidate). Import also reads rows with status forbidden (or deprecated, superseded), as
earlier exports and other tables write them: a forbidden row belongs to the approved entry with
its English (check enforces it there), else to the candidate one; a table can list a term's
rejected sense and its approved one.
A row whose Chinese repeats the English is one of the entry's targets (`target: [V2G, 车网互动]`),
unless the entry says keep_source: true in a keep_source column.

Fields check reads get columns of their own after `forbidden`, written only when an exported entry
sets them and filled on the entry's first row: source_variants and source_forbidden (one per line
of the cell),
case_sensitive and match_compounds (true/false), part_of_speech, definition, subject_field, and
`x-KEY` for a custom key KEY, and a key written `x-KEY` as it is (see fields.custom_column; a value
that is not plain text is written as JSON). Import reads them
back, and also the names CAT tools use (synonyms, domain, pos). Scores and evidence stay in the YAML.
Written for Excel (byte_order_mark), a cell Excel would evaluate as a formula (starting with
=, +, -, @, tab or carriage return: `=HYPERLINK(...)`, `+86 hotline`) is prefixed with `'`, as
OWASP advises against CSV injection; import removes one `'` before such a character again (and
any export doubles a `'` already there, so the round trip is exact). Without it, for a CAT tool
(which would keep the `'` as part of the term), such cells are written as they are and counted
in one warning.
On import, a term cell may hold several renderings apart by `|`, as term lists write them
(`冠状病毒|新型冠状病毒`, the reference format of eval), where a `|` cannot be part of a rendering
(see renderings_in: `管道运算符 (|)` and `逻辑或 (||)` are one each). Export writes one rendering
per row, and marks a row whose rendering holds a `|` import would split (`开|关`) with `true` in a
one_rendering column, so the round trip is exact. A column named forbidden (or deprecated, do not
use, 禁用) may hold a term's forbidden renderings instead, several to a cell apart by `|`, `;` or
line breaks.
The term columns are found by language code or name (`Chinese (Simplified)`, see columns.py) or
named by the caller; a column import reads nothing from is named in a warning.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .. import TOOL
from ..errors import InputFormatError
from ..glossary import Entry, Glossary, Status
from ..readers.csv_reader import choose_delimiter, csv_records, excel_separator, row_cells
from ..script import has_han
from ..textio import decode, read_bytes
from . import READ_PROGRESS_EVERY, ImportProgress, ImportStage, _unreported
from .alike import fold_renderings_read_alike
from .columns import DEFINITION_WORDS, column_language, field_of_language, find_columns
from .tbx_read import traditional_tag
from .fields import (CUSTOM_PREFIX, DEFINITION, MATCH_COMPOUNDS, PART_OF_SPEECH, PATHS, SUBJECT_FIELD, custom_column,
                     custom_key, custom_keys, decode_value, encode_value, report_unrepresentable)

FORBIDDEN = "forbidden"
_STATUS_WORDS = {
    "": Status.CANDIDATE, "candidate": Status.CANDIDATE, "new": Status.CANDIDATE, "proposed": Status.CANDIDATE,
    "approved": Status.APPROVED, "preferred": Status.APPROVED, "admitted": Status.APPROVED,
    "rejected": Status.REJECTED,
    "forbidden": FORBIDDEN, "deprecated": FORBIDDEN, "superseded": FORBIDDEN,
}


def _ignore(message: str) -> None:
    pass


def glossary_to_table(glossary: Glossary, *, delimiter: str = ",", statuses: Iterable[Status] = tuple(Status),
                      byte_order_mark: bool = False, path: str | None = None,
                      on_warning: Callable[[str], None] = _ignore) -> str:
    """CSV (or TSV) text with a header row; a byte-order mark first when Excel is to open it, and
    then cells Excel would run as formulas are guarded with a leading `'` (see guard_cell).

    The header always starts en,zh,status,note,forbidden (the languages the glossary's). Fields
    beyond those get a column of their own when an exported entry sets them (source_variants, source_forbidden, case_sensitive, part_of_speech, definition, subject_field, match_compounds,
    and `x-KEY` for a custom key), filled on the entry's first row. A last column, one_rendering,
    is written only when a rendering holds a `|` import would take for a separator (`开|关`):
    `true` on its row."""
    wanted = set(statuses)
    chosen = [entry for entry in glossary.terms if entry.status in wanted]
    fields = _field_columns(chosen)
    lost: Counter = Counter()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    header = [glossary.languages.get("source", "en"), glossary.languages.get("target", "zh"), "status", "note",
              *(column for column, _ in fields)]
    formulas: list[str] = []  # cells written as they are that a spreadsheet would run (no --bom)

    def written(row: list[str]) -> list[str]:
        cells = [guard_cell(cell, for_excel=byte_order_mark) for cell in row]
        formulas.extend(cell for cell in cells if _RUNS_AS_FORMULA.match(cell))
        return cells

    rows_of = [entry_rows(entry) for entry in chosen]
    marked = any(_needs_one_rendering(row) for rows in rows_of for row in rows)
    if marked:
        header.append(ONE_RENDERING)
    writer.writerow(written(header))
    for entry, rows in zip(chosen, rows_of):
        for _, field in fields:
            cell = field.write(entry)
            if cell is None:
                lost[field.key] += 1
            rows[0].append(cell or "")
            for row in rows[1:]:
                row.append("")
        if marked:
            for row in rows:
                row.append("true" if _needs_one_rendering(row) else "")
        writer.writerows([written(row) for row in rows])
    report_unrepresentable(lost, "csv" if delimiter == "," else "tsv", path, on_warning)
    _warn_about_formula_cells(formulas, path, on_warning)
    return ("\ufeff" if byte_order_mark else "") + buffer.getvalue()


_RUNS_AS_FORMULA = re.compile(r"[=+\-@\t\r]")  # as _FORMULA_START, without a guarding '



def _warn_about_formula_cells(cells: list[str], path: str | None, on_warning: Callable[[str], None]) -> None:
    """Cells a spreadsheet would run as formulas are written as they are for a CAT tool, which
    would keep a guarding ' as part of the term; one warning says so and how to guard them."""
    if cells:
        where = f"{path}: " if path else ""
        count = f"{len(cells):,} cell{'s' if len(cells) != 1 else ''} start{'s' if len(cells) == 1 else ''}"
        on_warning(f"{where}{count} with =, +, -, @, a tab or a carriage return, which a spreadsheet runs as a formula "
                   f"(first: {cells[0]!r}); written as they are, as a CAT tool needs them. For Excel, export with "
                   "--bom, which puts ' before them")


# What Excel evaluates at the start of a cell (OWASP, CSV injection), and the same after a `'`
# that guards it; a cell already starting with `'` before one of them gets one more, so that
# import, which removes one, gives back what was written.
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")


def guard_cell(cell: str, *, for_excel: bool) -> str:
    """The cell as written: `=HYPERLINK(...)` as `'=HYPERLINK(...)` for Excel, so it stays text."""
    return "'" + cell if (_FORMULA_START if for_excel else _GUARDED).match(cell) else cell


def unguard_cell(cell: str) -> str:
    """The cell as it was before guard_cell: one `'` before = + - @ tab or CR removed."""
    return cell[1:] if _GUARDED.match(cell) else cell


def _needs_one_rendering(row: list[str]) -> bool:
    """Whether import would read the row's term cell as several renderings (`开|关`, which may be
    one), so that the row must say it is one (the one_rendering column)."""
    source, rendering = row[0], row[1]
    return bool(rendering.strip()) and renderings_in(rendering, source=source) != [rendering.strip()]


def entry_rows(entry: Entry) -> list[list[str]]:
    """One row per allowed rendering (one with an empty term cell when there is none): English,
    rendering, status, and the note on the first row; forbidden renderings go in a column."""
    renderings = list(entry.target)
    if entry.keep_source and entry.source not in renderings:
        renderings.insert(0, entry.source)
    rows = [[entry.source, rendering, entry.status.value, ""] for rendering in renderings or [""]]
    rows[0][3] = entry.note or ""
    return rows


def _forbidden_cell(entry: Entry) -> str:
    """The entry's forbidden renderings one per line. A lone one that import would split at a `|`
    or `;` (甲;乙) ends with a line break, so the cell is read line by line, whole."""
    cell = "\n".join(entry.forbidden)
    if len(entry.forbidden) == 1 and forbidden_in(cell, source=entry.source) != [cell.strip()]:
        cell += "\n"
    return cell


def forbidden_in(cell: str, *, source: str = "") -> list[str]:
    """The renderings of a forbidden cell: one per line when it holds a line break, else apart by
    `|` or `;` (电力到燃气 | 电制气) where those cannot be part of a rendering (see renderings_in)."""
    if "\n" in cell or "\r" in cell:
        return [line.strip() for line in cell.splitlines() if line.strip()]
    return renderings_in(cell, source=source, separators=_FORBIDDEN_SEPARATORS)


@dataclass(frozen=True)
class _Field:
    """An entry field beyond en,zh,status,note and how its column is written and read."""

    key: str
    kind: str  # "variants" (an English list: source_variants, source_forbidden), "flag" (case_sensitive), "extra_flag" (match_compounds), "extra" or "custom" (x-KEY)

    def is_set(self, entry: Entry) -> bool:
        if self.kind == "variants":
            return bool(getattr(entry, self.key))
        if self.kind == "flag":
            return entry.case_sensitive is not None
        if self.kind == "keep":
            return entry.keep_source
        if self.kind == "forbidden":
            return bool(entry.forbidden)
        return self.key in entry.extra

    def write(self, entry: Entry) -> str | None:
        """The cell for `entry`; "" when unset, None when the value cannot be written."""
        if not self.is_set(entry):
            return ""
        if self.kind == "variants":
            return "\n".join(getattr(entry, self.key))
        if self.kind == "flag":
            return "true" if entry.case_sensitive else "false"
        if self.kind == "keep":
            return "true"
        if self.kind == "forbidden":
            return _forbidden_cell(entry)
        return encode_value(entry.extra[self.key])

    def read(self, entry: Entry, cell: str, path: str, line: int) -> None:
        if self.kind == "variants":
            listed = getattr(entry, self.key)
            for variant in (part.strip() for part in cell.splitlines()):
                if variant and variant not in listed:
                    listed.append(variant)
        elif self.kind == "forbidden":
            for rendering in forbidden_in(cell, source=entry.source):
                if rendering not in entry.forbidden:
                    entry.forbidden.append(rendering)
        elif self.kind == "flag":
            entry.case_sensitive = _flag(cell, self.key, path, line)
        elif self.kind == "keep":
            entry.keep_source = _flag(cell, self.key, path, line)
        elif self.kind == "extra_flag":
            entry.extra[self.key] = _flag(cell, self.key, path, line)
        else:
            entry.extra[self.key] = decode_value(cell)


_FIELDS = {
    "source_variants": _Field("source_variants", "variants"),
    "source_forbidden": _Field("source_forbidden", "variants"),
    "case_sensitive": _Field("case_sensitive", "flag"),
    "keep_source": _Field("keep_source", "keep"),
    PART_OF_SPEECH: _Field(PART_OF_SPEECH, "extra"),
    DEFINITION: _Field(DEFINITION, "extra"),
    SUBJECT_FIELD: _Field(SUBJECT_FIELD, "extra"),
    MATCH_COMPOUNDS: _Field(MATCH_COMPOUNDS, "extra_flag"),
    PATHS: _Field(PATHS, "extra"),
}
# Header names CAT tools use for the same fields (compared in lower case, spaces as underscores).
_FIELD_ALIASES = {"variants": "source_variants", "synonyms": "source_variants", "pos": PART_OF_SPEECH,
                  "subject": SUBJECT_FIELD, "domain": SUBJECT_FIELD, "entry_domain": SUBJECT_FIELD}  # memoQ's
# A term's forbidden renderings, several to a cell: export writes them one per line of the cell
# (a CAT tool that imports each row as a term would suggest a forbidden rendering written as a row).
_FORBIDDEN_COLUMN = _Field(FORBIDDEN, "forbidden")
_FORBIDDEN_NAMES = {"forbidden", "forbidden_terms", "forbidden_renderings", "deprecated", "deprecated_terms",
                    "do_not_use", "prohibited", "禁用", "禁用译法", "禁用词"}
# A column export writes only when a rendering holds a `|` that import would read as a separator
# (`开|关`): true on that row says its term cell is one rendering.
ONE_RENDERING = "one_rendering"


def _field_columns(entries: list[Entry]) -> list[tuple[str, _Field]]:
    """(header, field) for the forbidden column, always there (a CAT tool's saved column mapping
    must fit every export), then for each other known field one of the entries sets, then for
    custom keys."""
    columns = [(key, field) for key, field in _FIELDS.items() if any(field.is_set(entry) for entry in entries)]
    keys = custom_keys(entries)
    return [(FORBIDDEN, _FORBIDDEN_COLUMN), *columns] + [(custom_column(key, keys), _Field(key, "custom")) for key in keys]


def _flag(cell: str, key: str, path: str, line: int) -> bool:
    word = cell.strip().lower()
    if word not in ("true", "false", "yes", "no", "1", "0"):
        raise InputFormatError(f"{key} is {cell!r}; write true or false", path=path, line=line)
    return word in ("true", "yes", "1")


def read_table(path: str, *, delimiter: str | None = None, source_lang: str | None = None,
               target_lang: str | None = None, source_column: str | None = None, target_column: str | None = None,
               encoding: str | None = None, unstated: Status = Status.CANDIDATE,
               on_warning: Callable[[str], None] = _ignore, spelled_as: Glossary | None = None,
               progress: ImportProgress | None = None) -> Glossary:
    """A glossary from a table with a header naming the English and Chinese columns (by language
    code or name, see columns.py, or as `source_column` and `target_column`). A header cell naming
    no column import reads is named in one warning. A term whose rows state no status (no status
    column, or empty cells) gets `unstated` when it has a rendering, else it stays a candidate.
    Renderings of a term that check reads as the same are kept once (see alike.py; `spelled_as`
    is the glossary the table is imported into). `progress` hears how many entries are read."""
    source_language, target_language = source_lang or "en", target_lang or "zh"
    progress = progress or _unreported
    progress(ImportStage.READING, 0, None)
    data = read_bytes(path)
    text = decode(data, path, encoding)
    first_line, newline, rest = text.partition("\n")
    named = excel_separator(first_line)  # Excel's `sep=;` line, as extract and check read it
    if named:
        delimiter, text = named, newline + rest  # the line kept blank, so the rows keep their numbers
    elif delimiter != "\t":
        delimiter = choose_delimiter(first_line)
    with _cells_as_long_as_the_file(text):
        rows = iter([(record.line, [unguard_cell(cell) for cell in record.cells])
                     for record in csv_records(text, path, delimiter)])
    header = next(rows, None)
    if header is None:
        raise InputFormatError("empty file: expected a header row such as en,zh,status,note", path=path)
    line, cells = header
    columns = find_columns(cells, source_language, target_language, source_column=source_column,
                           target_column=target_column, path=path, line=line)
    if columns is None:
        _refuse_header(text, cells, delimiter, source_language, target_language, path, line)
        return Glossary()  # not reached: _refuse_header raises
    names = [cell.strip().lower() for cell in cells]
    status_column = names.index("status") if "status" in names else None
    one_rendering_column = names.index(ONE_RENDERING) if ONE_RENDERING in names else None
    note_names = ("note", "notes", "comment", "description", "entry_note")  # Entry_Note: memoQ's
    note_column = next((names.index(name) for name in note_names if name in names), None)
    field_columns = _fields_in_header(cells, taken={columns.source, columns.target, status_column, note_column,
                                                    one_rendering_column}, source_language=source_language,
                                      keys_in_use=custom_keys(spelled_as.terms) if spelled_as is not None else ())
    _refuse_own_keys_as_custom(field_columns, cells, path, line)
    read = {columns.source, columns.target, status_column, note_column, one_rendering_column,
            *(index for index, _ in field_columns)}
    _warn_about_unread_columns([cell for index, cell in enumerate(cells) if index not in read and cell.strip()],
                               path, on_warning)

    if target_lang is None:  # zh by default: a column for Traditional Chinese says so in the glossary
        target_language = traditional_tag(Counter([column_language(cells[columns.target]) or ""])) or target_language
    glossary = Glossary(languages={"source": source_language, "target": target_language},
                        generated={"tool": TOOL, "imported_from": os.path.basename(path)})
    entries: dict[tuple[str, Status], Entry] = {}
    first_entry: dict[str, Entry] = {}
    placeholders: set[int] = set()  # entries made by a forbidden row before any allowed one
    forbidden_rows: list[tuple[str, list[str], str, int, list]] = []  # (source, renderings, note, line, cells), placed
    # once all rows are read
    stated: set[tuple[str, Status | str]] = set()  # (source, status) of the rows that give a status
    listed_at: dict[tuple[int, str, str], int] = {}  # (id(entry), "target" or "forbidden", rendering) -> first row
    skipped = 0
    for row_number, (line, cells) in enumerate(rows):
        if row_number and row_number % READ_PROGRESS_EVERY == 0:
            progress(ImportStage.READING, len(glossary.terms), None)
        if any(extra.strip() for extra in cells[len(names):]):
            raise InputFormatError(f"{len(cells)} columns, but the header names {len(names)}; a cell holding "
                                   f"{'a tab' if delimiter == chr(9) else repr(delimiter)} must be quoted",
                                   path=path, line=line)

        def cell(index: int | None) -> str:
            return cells[index].strip() if index is not None and index < len(cells) else ""

        def note_as_written(index: int | None) -> str:  # a note keeps its spaces, as in TBX and YAML
            return cells[index] if cell(index) else ""

        source, note = cell(columns.source), note_as_written(note_column)
        whole = bool(cell(one_rendering_column)) and _flag(cell(one_rendering_column), ONE_RENDERING, path, line)
        renderings = renderings_in(cell(columns.target), source=source, whole=whole)
        status_word = cell(status_column).lower()
        if status_word not in _STATUS_WORDS:
            raise InputFormatError(f"unknown status {cell(status_column)!r}; use approved, candidate, rejected "
                                   "or forbidden", path=path, line=line)
        if not source:
            skipped += 1
            continue
        status = unstated if not status_word else _STATUS_WORDS[status_word]
        if status_word:
            stated.add((source, status))
        if status == FORBIDDEN:
            if source not in first_entry:  # keeps the entry's place in the file
                placeholders.add(id(_new_entry(glossary, entries, first_entry, source, Status.CANDIDATE, line)))
            forbidden_rows.append((source, renderings, note, line, cells))
            continue
        entry = entries.get((source, status))
        if entry is None and id(first_entry.get(source)) in placeholders:
            entry = first_entry[source]
            placeholders.discard(id(entry))
            del entries[(source, Status.CANDIDATE)]  # no longer the term's candidate: a later unstated row gets its own
            entry.status = status
            entry.line = line  # the row that says what the term is, for messages; not the forbidden row
            entries[(source, status)] = entry
        if entry is None:
            entry = _new_entry(glossary, entries, first_entry, source, status, line)
        if status_word:  # where the file says the term's status (see approvals.py); none for a blank cell
            entry.positions.setdefault("status", (line, status_column + 1))
        for each in renderings:
            if each not in entry.target:
                entry.target.append(each)
        _add_note(entry, note)
        _read_fields(entry, field_columns, cells, path, line)
        _note_rows(listed_at, entry, line)
    progress(ImportStage.READING, len(glossary.terms), None)
    for source, renderings, note, line, cells in forbidden_rows:
        entry = _owner_of_forbidden(source, entries, first_entry)
        for each in renderings:
            if each not in entry.forbidden:
                entry.forbidden.append(each)
            listed_at.setdefault((id(entry), "forbidden row", each), line)
        _add_note(entry, note)
        _read_fields(entry, field_columns, cells, path, line)
        _note_rows(listed_at, entry, line)
    for entry in glossary.terms:
        if entry.keep_source:  # the row repeating the English stands for keep_source, not a target
            entry.target = [rendering for rendering in entry.target if rendering != entry.source]
        _settle_allowed_and_forbidden(entry, listed_at, path, on_warning)
        if entry.status is not Status.CANDIDATE and not entry.allowed_targets() and (entry.source, entry.status) not in stated:
            entry.status = Status.CANDIDATE  # nothing to approve: no rendering, and no row said so
    if columns.target < columns.source:  # a termbase of content written in Chinese lists the Chinese first
        _english_bans_as_wordings_to_avoid(glossary, source_language, path, on_warning)
    fold_renderings_read_alike(glossary, path=path, on_warning=on_warning, spelled_as=spelled_as,
                               line_of=lambda entry, field, rendering: listed_at.get((id(entry), field, rendering)))
    if skipped:
        on_warning(f"{path}: {skipped} row(s) without {source_language} text skipped")
    return glossary


def _english_bans_as_wordings_to_avoid(glossary: Glossary, source_language: str, path: str,
                                       on_warning: Callable[[str], None]) -> None:
    """In a table listing the Chinese first, a forbidden cell without Chinese bans an English
    wording (`绿色转型,green transition,approved,,green transformation`): as a Chinese rendering it
    would be looked for in the Chinese, never found, and exported as a deprecated Chinese term. It
    is an English wording to avoid (source_forbidden), as a TBX concept's deprecated English term
    is, and the import says so. A cell with Chinese stays a forbidden rendering, so a column mixing
    both is read cell by cell."""
    banned = [entry for entry in glossary.terms if any(not has_han(rendering) for rendering in entry.forbidden)]
    if not banned:
        return
    for entry in banned:
        english = [rendering for rendering in entry.forbidden if not has_han(rendering)]
        entry.source_forbidden += [rendering for rendering in english if rendering not in entry.source_forbidden]
        entry.forbidden = [rendering for rendering in entry.forbidden if has_han(rendering)]
    on_warning(f"{path}: the table lists the Chinese first, and its forbidden cells without Chinese are taken as "
               f"{source_language} wordings to avoid (source_forbidden) in {len(banned):,} entr"
               f"{'y' if len(banned) == 1 else 'ies'}")


_FORMAT_OF_DELIMITER = {",": ("comma-separated", "csv"), ";": ("semicolon-separated", "csv"),
                        "\t": ("tab-separated", "tsv")}


def _refuse_header(text: str, cells: list[str], delimiter: str, source_language: str, target_language: str,
                   path: str, line: int) -> None:
    """The error for a first row that names no columns, quoted as written; when the row does name
    them split at another delimiter (a CSV file read with --from tsv), it says which format to pass."""
    first_line = re.split(r"\r\n|\r|\n", text)[line - 1]  # as the csv module ends a row
    for other, (kind, fmt) in _FORMAT_OF_DELIMITER.items():
        if _FORMAT_OF_DELIMITER[other][1] == _FORMAT_OF_DELIMITER[delimiter][1] or other not in first_line:
            continue
        other_cells = row_cells(first_line, other)
        if find_columns(other_cells, source_language, target_language) is not None:
            read_as = _FORMAT_OF_DELIMITER[delimiter][1].upper()
            count = f"{len(cells)} cell{'s' if len(cells) != 1 else ''}"
            raise InputFormatError(f"read as {read_as}, the first row names no columns ({count}: "
                                   f"{delimiter.join(cells)!r}); the file looks {kind}: pass --from {fmt}",
                                   path=path, line=line)
    names = (source_language, target_language, "status", "note")
    example = (f"{', '.join(names[:3])} and {names[3]} apart by tabs" if delimiter == "\t"
               else delimiter.join(names))  # a tab would not show in the message
    raise InputFormatError(f"the first row must name the columns, e.g. {example} (found: {first_line}); name them "
                           "so, or pass --source-column and --target-column", path=path, line=line)


def _warn_about_unread_columns(names: list[str], path: str, on_warning: Callable[[str], None]) -> None:
    """One warning naming the header cells import reads nothing from, so no column is lost unseen."""
    if not names:
        return
    shown = ", ".join(f'"{name.strip()}"' for name in names)
    many = len(names) != 1
    on_warning(f"{path}: {len(names)} column{'s' if many else ''} not imported: {shown}; to keep "
               f"{'them' if many else 'it'}, name {'each' if many else 'it'} note, a field such as definition, "
               "or x-NAME for a field of your own")


def _fields_in_header(cells: list[str], taken: set[int | None], source_language: str = "en",
                      keys_in_use: Iterable[str] = ()) -> list[tuple[int, _Field]]:
    """(column, field) for the header cells that name an entry field (x-KEY: a custom key, see
    fields.custom_key, `keys_in_use` being the glossary's; the source language's definition,
    memoQ's `English_United_States_Def`: definition)."""
    found: list[tuple[int, _Field]] = []
    for index, cell in enumerate(cells):
        name = cell.strip()
        if index in taken or not name:
            continue
        if name.lower().startswith(CUSTOM_PREFIX) and len(name) > len(CUSTOM_PREFIX):
            found.append((index, _Field(custom_key(name, keys_in_use), "custom")))
            continue
        key = re.sub(r"[\s-]+", "_", name.lower())
        if field_of_language(name, source_language) in DEFINITION_WORDS:
            key = DEFINITION
        field = _FORBIDDEN_COLUMN if key in _FORBIDDEN_NAMES else _FIELDS.get(_FIELD_ALIASES.get(key, key))
        if field is not None and all(field != known for _, known in found):
            found.append((index, field))
    return found


def _refuse_own_keys_as_custom(field_columns: list[tuple[int, _Field]], cells: list[str], path: str,
                               line: int) -> None:
    """An x-NAME column is the custom key NAME: one naming a key the glossary reads itself
    (x-status, x-target, x-score) or a near miss of one would override that field, or make a file
    validate refuses, so the header is refused, naming each such column."""
    from ..validate import ENTRY_KEYS, misspelt_key

    own = []  # (column as written, key, how the key is the glossary's)
    for index, field in field_columns:
        column = cells[index].strip()
        if field.kind != "custom":
            continue
        meant = None if field.key in ENTRY_KEYS else misspelt_key(field.key, ENTRY_KEYS)
        if field.key in ENTRY_KEYS or meant is not None:
            own.append((column, field.key, f"a misspelling of the glossary's own key {meant}" if meant else ""))
    if not own:
        return
    many = len(own) > 1
    columns = ", ".join(f'"{column}"' for column, _, _ in own)
    if many or not own[0][2]:
        keys = ", ".join(f"{key} ({how})" if how else key for _, key, how in own)
        written = f"the glossary's own key{'s' if many else ''} {keys}"
    else:
        written = f"the key {own[0][1]}, {own[0][2]}"
    raise InputFormatError(f"column{'s' if many else ''} {columns} would write {written}, not "
                           f"{'keys' if many else 'a key'} of your own (x-NAME is the key NAME); rename "
                           f"{'them' if many else 'it'}: {CUSTOM_PREFIX}{own[0][0]} keeps the key {own[0][0]}",
                           path=path, line=line)


def _read_fields(entry: Entry, field_columns: list[tuple[int, _Field]], cells: list[str], path: str,
                 line: int) -> None:
    """The row's field cells into its entry; a field the entry already has keeps its first value.
    A cell holding text is read as written, spaces at its ends too, as a note is (a definition is
    free text, and the table round trip gives back what export wrote, as TBX does); the flags and
    lists take the blanks around their values as layout themselves. A blank cell sets nothing."""
    for index, field in field_columns:
        written = cells[index] if index < len(cells) else ""
        cell = written if written.strip() else ""
        if cell and (field.kind in ("variants", "forbidden") or not field.is_set(entry)):
            field.read(entry, cell, path, line)


def _note_rows(listed_at: dict[tuple[int, str, str], int], entry: Entry, line: int) -> None:
    """Remember the first row that gave each of the entry's renderings, for messages."""
    for kind, renderings in (("target", entry.target), ("forbidden", entry.forbidden)):
        for rendering in renderings:
            listed_at.setdefault((id(entry), kind, rendering), line)


def _settle_allowed_and_forbidden(entry: Entry, listed_at: dict[tuple[int, str, str], int], path: str,
                                  on_warning: Callable[[str], None]) -> None:
    """A rendering the table lists for a term and also forbids for it. A forbidden row is a
    contradiction a person must settle (it used to be dropped in silence): an error at that row.
    A forbidden cell (a column of forbidden renderings) naming an allowed rendering is left out
    of the forbidden list, with a warning naming the row."""
    allowed = entry.allowed_targets()
    for rendering in [rendering for rendering in entry.forbidden if rendering in allowed]:
        allowed_row = listed_at.get((id(entry), "target", rendering), entry.line)
        forbidden_row = listed_at.get((id(entry), "forbidden row", rendering))
        if forbidden_row is not None:
            raise InputFormatError(f'this row forbids "{rendering}" for "{entry.source}", which row {allowed_row} '
                                   f"lists as {entry.status.value}; a rendering is allowed or forbidden, not both: "
                                   "remove one of the rows", path=path, line=forbidden_row)
        on_warning(f"{path}:{listed_at.get((id(entry), 'forbidden', rendering), entry.line)}: the forbidden cell "
                   f'names "{rendering}" for "{entry.source}", which row {allowed_row} lists as '
                   f"{entry.status.value}; kept allowed, not forbidden")
        entry.forbidden.remove(rendering)


def _owner_of_forbidden(source: str, entries: dict[tuple[str, Status], Entry], first_entry: dict[str, Entry]) -> Entry:
    """The entry a forbidden rendering of `source` belongs to: the approved one, as check enforces
    forbidden renderings where the term is approved (the export writes a rejected sense of the
    term first), else the candidate, else the first entry with that source."""
    return entries.get((source, Status.APPROVED)) or entries.get((source, Status.CANDIDATE)) or first_entry[source]


def _add_note(entry: Entry, note: str) -> None:
    if note and note not in (entry.note or "").split("\n"):
        entry.note = f"{entry.note}\n{note}" if entry.note else note


@contextmanager
def _cells_as_long_as_the_file(text: str) -> Iterator[None]:
    """Let a cell be as long as the file: the csv module refuses cells over 128 KiB, and the notes
    the table export writes may be longer (an unclosed quote is still caught by csv_records)."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, min(len(text) + 1, 2**31 - 1)))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _new_entry(glossary: Glossary, entries: dict[tuple[str, Status], Entry], first_entry: dict[str, Entry],
               source: str, status: Status, line: int) -> Entry:
    entry = Entry(source=source, status=status, line=line)  # the row, so a merge conflict can name it
    glossary.terms.append(entry)
    entries[(source, status)] = entry
    first_entry.setdefault(source, entry)
    return entry


def renderings_in(cell: str, *, source: str = "", whole: bool = False,
                  separators: re.Pattern[str] | None = None) -> list[str]:
    """The renderings of a term cell: one, or several apart by `|` as term lists write them
    (`冠状病毒|新型冠状病毒`, the reference format of eval). A `|` separates renderings only where
    it cannot be part of one: the cell is read as one rendering when a piece would hold no letter,
    digit or Han character (`||`, `|>`, a `|` at either end) or leave a bracket or quote open
    (`管道运算符 (|)`), when the English term holds a `|` too, or when the row says so (`whole`:
    the one_rendering column export writes). `separators` is `|` unless given (a forbidden cell:
    `|` and `;`)."""
    apart = separators or _BAR
    text = cell.strip()
    if not text:
        return []
    if whole or not apart.search(text) or apart.search(source):
        return [text]
    parts = [part.strip() for part in apart.split(text)]
    return parts if all(_WORD.search(part) and _balanced(part) for part in parts) else [text]


_BAR = re.compile(r"\|")
_FORBIDDEN_SEPARATORS = re.compile("[|;\uff1b]")  # | ; ；
_WORD = re.compile(r"\w")  # a letter, digit or Han character: what any rendering holds
# Brackets and quotes a rendering closes that it opens: (|) is a rendering of `|`, not two.
_CLOSING = {"(": ")", "[": "]", "{": "}", "\uff08": "\uff09", "\u3010": "\u3011", "\u3014": "\u3015",
            "\u300a": "\u300b", "\u3008": "\u3009", "\u300c": "\u300d", "\u300e": "\u300f", "\u201c": "\u201d",
            "\uff3b": "\uff3d", "\uff5b": "\uff5d"}  # （） 【】 〔〕 《》 〈〉 「」 『』 “” ［］ ｛｝
_SAME_QUOTES = {'"', "`"}


def _balanced(text: str) -> bool:
    """Whether every bracket and quote the text opens it also closes, and none it closes is unopened."""
    expected: list[str] = []
    closers = set(_CLOSING.values())
    for character in text:
        if character in _SAME_QUOTES:
            if expected and expected[-1] == character:
                expected.pop()
            else:
                expected.append(character)
        elif character in _CLOSING:
            expected.append(_CLOSING[character])
        elif character in closers:
            if not expected or expected[-1] != character:
                return False
            expected.pop()
    return not expected
