"""Glossary exchange with CAT tools: TBX termbases and CSV/TSV tables, both directions.

`export_glossary` renders a Glossary in a format; `import_glossary` reads one back. The formats
are Enums, so an unknown name is an error, never a silent fallback.

A rendering equal to the source term may stand for keep_source or for a target equal to the
source (`target: [V2G, 车网互动]`). The export marks keep_source (a TBX term note on the repeated source,
a CSV/TSV keep_source column); an unmarked one is a target, unless the glossary being imported
into says keep_source for that term (a file from another tool, or from an older export).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from enum import Enum

from ..errors import InputFormatError, UsageError
from ..glossary import Glossary, Status
from ..textio import STDIN, STDIN_NAME, open_binary, spooled


class ImportStage(str, Enum):
    """What import_glossary tells its `progress` as it goes (a big termbase takes seconds)."""

    READING = "reading"  # entries read from the file so far; no total while it is read
    MATCHING = "matching"  # entries read against the glossary imported into, of all the file's


# The stage, how many entries of it are done, and of how many (None while the file is read).
ImportProgress = Callable[[ImportStage, int, "int | None"], None]
READ_PROGRESS_EVERY = 1_000  # entries between two progress reports


def _unreported(stage: ImportStage, done: int, total: int | None) -> None:
    pass


class ExchangeFormat(str, Enum):
    TBX = "tbx"
    CSV = "csv"
    TSV = "tsv"


class TbxVersion(str, Enum):
    """TBX v3 (ISO 30042:2019, <tbx>), or v2 (TBX 2008, <martif>) for tools that read only v2:
    translate-toolkit, and so Weblate."""

    V3 = "3"
    V2 = "2"


# What each format exports when no statuses are given: the approved entries, what a CAT tool
# should suggest to translators. A CAT tool importing a table maps its term columns and rarely its
# status column, so candidates and rejected pairs written as rows would become terms too; a sheet
# for people to review asks for them (--status all).
DEFAULT_STATUSES = {
    ExchangeFormat.TBX: (Status.APPROVED,),
    ExchangeFormat.CSV: (Status.APPROVED,),
    ExchangeFormat.TSV: (Status.APPROVED,),
}


def _ignore(message: str) -> None:
    pass


def export_glossary(glossary: Glossary, to: ExchangeFormat, *, statuses: Iterable[Status] | None = None,
                    byte_order_mark: bool = False, path: str | None = None, tbx_version: TbxVersion | None = None,
                    on_warning: Callable[[str], None] = _ignore) -> str:
    """The glossary as TBX, CSV or TSV text; `path` is its file, for the TBX header, errors and the
    warning naming fields the format cannot carry. Asking TBX for rejected entries alone is a
    UsageError: a termbase holds no rejected terms, so the result could only be empty.
    `tbx_version` (TBX only) is v3 unless given."""
    chosen = tuple(statuses) if statuses else DEFAULT_STATUSES[to]
    if tbx_version is not None and to is not ExchangeFormat.TBX:
        raise UsageError(f"--tbx-version is for --to tbx; a {to.value} file has no TBX version")
    if to is ExchangeFormat.TBX:
        if byte_order_mark:
            raise UsageError("--bom is for CSV/TSV files opened in Excel; TBX is XML and declares its encoding")
        if set(chosen) <= {Status.REJECTED}:  # an empty termbase would pass for a glossary with no terms
            raise UsageError("nothing to export: a TBX termbase holds no rejected terms; export them with --to csv --status rejected",
                             path=path)
        from .tbx import glossary_to_tbx

        return glossary_to_tbx(glossary, statuses=chosen, path=path, on_warning=on_warning,
                               version=int((tbx_version or TbxVersion.V3).value))
    from .table import glossary_to_table

    return glossary_to_table(glossary, delimiter="," if to is ExchangeFormat.CSV else "\t", statuses=chosen,
                             byte_order_mark=byte_order_mark, path=path, on_warning=on_warning)


def format_of(path: str) -> ExchangeFormat:
    """The exchange format a file name stands for (.tbx/.xml, .csv, .tsv/.tab)."""
    extension = os.path.splitext(path)[1].lower()
    by_extension = {".tbx": ExchangeFormat.TBX, ".xml": ExchangeFormat.TBX, ".csv": ExchangeFormat.CSV,
                    ".tsv": ExchangeFormat.TSV, ".tab": ExchangeFormat.TSV}
    if extension not in by_extension:
        raise UsageError(f"cannot tell the format of {path} from its extension; pass --from tbx, csv or tsv")
    return by_extension[extension]


def import_glossary(path: str, *, from_format: ExchangeFormat | None = None, source_lang: str | None = None,
                    target_lang: str | None = None, source_column: str | None = None,
                    target_column: str | None = None, encoding: str | None = None,
                    unstated: Status = Status.CANDIDATE, on_warning: Callable[[str], None] = _ignore,
                    into: Glossary | None = None, into_name: str = "the glossary",
                    progress: ImportProgress = _unreported) -> Glossary:
    """A Glossary read from a TBX termbase or a CSV/TSV table; `into` is the glossary it will be
    merged into (named `into_name` in warnings), so that what it exported reads back as it was
    written and what a CAT tool leaves out is not taken for a change (see into.py). `source_column` and
    `target_column` name a table's term columns when their names do not say the language.
    `unstated` is the status of a term the file gives none (no status column, no administrativeStatus).
    `progress` hears how many entries are read, then read against `into` (see ImportStage).

    `-` reads standard input (named <stdin> in messages); its format must be given, as there is
    no file name to tell it."""
    if path == STDIN and from_format is None:
        raise UsageError("reading standard input (-): pass --from tbx, csv or tsv to say its format")
    with spooled(path, encoding=encoding) as name:
        imported = _read(name, from_format=from_format, source_lang=source_lang, target_lang=target_lang,
                         source_column=source_column, target_column=target_column, encoding=encoding,
                         unstated=unstated, on_warning=on_warning, on_disk=path != STDIN, spelled_as=into,
                         progress=progress)
    if into is not None:
        from .into import read_against

        read_against(imported, into, path=STDIN_NAME if path == STDIN else path, into_name=into_name,
                     on_warning=on_warning, progress=progress)
    return imported


def _read(path: str, *, from_format: ExchangeFormat | None, source_lang: str | None, target_lang: str | None,
          source_column: str | None, target_column: str | None, encoding: str | None,
          unstated: Status, on_warning: Callable[[str], None], on_disk: bool = True,
          spelled_as: Glossary | None = None, progress: ImportProgress = _unreported) -> Glossary:
    if on_disk and os.path.isdir(path):
        raise InputFormatError("is a directory; give a TBX, CSV or TSV file", path=path)
    if on_disk:
        open_binary(path).close()  # no such file, or cannot read (permission denied): before the format is guessed
    chosen = from_format or format_of(path)
    if chosen is ExchangeFormat.TBX:
        from .tbx_read import read_tbx

        if source_column is not None or target_column is not None:
            option = "--source-column" if source_column is not None else "--target-column"
            raise UsageError(f"{option} is for CSV/TSV tables; a TBX termbase names the language of each term "
                             "(choose them with --source-lang/--target-lang)")

        return read_tbx(path, source_lang=source_lang, target_lang=target_lang, encoding=encoding,
                        unstated=unstated, on_warning=on_warning, spelled_as=spelled_as, progress=progress)
    from .table import read_table

    return read_table(path, delimiter="," if chosen is ExchangeFormat.CSV else "\t", source_lang=source_lang,
                      target_lang=target_lang, source_column=source_column, target_column=target_column,
                      encoding=encoding, unstated=unstated, on_warning=on_warning, spelled_as=spelled_as,
                      progress=progress)


__all__ = ["ExchangeFormat", "TbxVersion", "DEFAULT_STATUSES", "ImportStage", "ImportProgress", "export_glossary",
           "import_glossary", "format_of"]
