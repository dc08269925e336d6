"""Files labelled with a single-byte encoding (ISO-8859-1, windows-1252: a template's or a legacy
exporter's leftover) whose bytes are UTF-8 Chinese. No single-byte encoding holds Chinese, so the
label is wrong: the PO and XML readers read such a file as UTF-8, with a warning, not as mojibake."""

from __future__ import annotations

import codecs

from ..script import has_han

# Python's codec names of the single-byte encodings such a label names.
_SINGLE_BYTE_CODECS = ("iso8859", "latin", "cp125", "koi8", "mac-", "cp437", "cp850", "ascii")


def is_single_byte(name: str) -> bool:
    """Whether an encoding name is one of the single-byte encodings (any spelling Python knows)."""
    try:
        return codecs.lookup(name).name.startswith(_SINGLE_BYTE_CODECS)
    except LookupError:
        return False


def is_utf8_chinese(data: bytes) -> bool:
    """Whether the bytes are UTF-8 (a byte-order mark allowed) holding Chinese."""
    try:
        return has_han(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return False


def warning(path: str, label: str, line: int | None = None) -> str:
    where = path if line is None else f"{path}:{line}"
    return f"{where}: declares {label}, but its bytes are UTF-8 Chinese; read as UTF-8"
