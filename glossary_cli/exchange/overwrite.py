"""Which existing file `glossary export -o FILE` may replace: an empty file, or an earlier export.

A slip of -o must not destroy a glossary, a PO catalogue or an aligned corpus, and the extension
cannot tell them apart: a corpus is a .txt, .csv or .tsv file too. So the file must have an
extension of the export's format and hold what an export writes: a TBX termbase (<tbx> or
<martif>), or a table whose first row names the term columns and a status column, as every
CSV/TSV export's header does (`en,zh,status,note,…`, with or without a byte-order mark or
Excel's `sep=` line). An aligned corpus has no status column: interleaved English and Chinese
lines name no columns, and a corpus table names en and zh only.
"""

from __future__ import annotations

import codecs
import os

from ..readers.csv_reader import choose_delimiter, excel_separator, row_cells
from . import ExchangeFormat

EXPORT_EXTENSIONS = {ExchangeFormat.TBX: (".tbx", ".xml"), ExchangeFormat.CSV: (".csv", ".txt"),
                     ExchangeFormat.TSV: (".tsv", ".tab", ".txt")}
_HEAD_BYTES = 65536  # enough for a header row or an XML prolog
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be"))


def what_export_overwrites(to: ExchangeFormat, *, source_lang: str = "en", target_lang: str = "zh") -> str:
    """The rule in a few words, for the message that refuses another file."""
    extensions = EXPORT_EXTENSIONS[to]
    named = f"{', '.join(extensions[:-1])} or {extensions[-1]}"
    if to is ExchangeFormat.TBX:
        return f"a {named} file that is empty or holds an earlier export (a <tbx> or <martif> termbase)"
    return (f"a {named} file that is empty or holds an earlier export (a first row naming the {source_lang} and "
            f"{target_lang} columns and status)")


def not_an_earlier_export(path: str, to: ExchangeFormat, *, source_lang: str = "en",
                          target_lang: str = "zh") -> str | None:
    """What the existing file at `path` looks like when an export of `to` must not replace it
    (`a .yaml file`, `its first row 'en\\tzh' names en and zh but no status column: an aligned
    corpus?`); None when it is empty or an earlier export (see the module docstring)."""
    extension = os.path.splitext(path)[1].lower()
    if extension not in EXPORT_EXTENSIONS[to]:
        return f"a {extension} file" if extension else "a file without an extension"
    try:
        with open(path, "rb") as file:
            head = _text_of(file.read(_HEAD_BYTES))
    except OSError as error:  # what cannot be read cannot be told apart from a corpus
        return f"unreadable: {error.strerror or error}"
    if head is None:
        return "binary data, no text"
    if not head.strip():
        return None
    if to is ExchangeFormat.TBX:
        return _not_a_termbase(head)
    return _not_a_termbase_table(head, source_lang, target_lang)


def _text_of(data: bytes) -> str | None:
    """The text of a file's first bytes (UTF-8, or UTF-16 by its byte-order mark, as import reads
    it); None for binary data. A character cut at the end of `data` is replaced, not an error."""
    codec = "utf-8"
    for mark, marked in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            data, codec = data[len(mark):], marked
            break
    text = data.decode(codec, errors="replace")
    return None if "\x00" in text else text


def _not_a_termbase(head: str) -> str | None:
    from ..readers import xml_root  # the first element after the prolog, as corpus detection finds it

    root = xml_root(head.lstrip()) if head.lstrip().startswith("<") else None
    if root in ("tbx", "martif"):
        return None
    return f"its root element is <{root}>, no TBX termbase" if root else "no XML, no TBX termbase"


def _not_a_termbase_table(head: str, source_lang: str, target_lang: str) -> str | None:
    from .columns import find_columns

    lines = [line for line in head.splitlines() if line.strip()]
    first = lines[0]
    delimiter = excel_separator(first)
    if delimiter and len(lines) > 1:
        first = lines[1]
    cells = row_cells(first, delimiter or choose_delimiter(first))
    names = [cell.strip().lower() for cell in cells]
    shown = first if len(first) <= 60 else first[:57] + "..."
    if find_columns(cells, source_lang, target_lang) is None:
        return (f"its first row {shown!r} names no {source_lang} and {target_lang} columns: an aligned corpus "
                "or other text?")
    if "status" not in names:
        return f"its first row {shown!r} names {source_lang} and {target_lang} but no status column: an aligned corpus?"
    return None
