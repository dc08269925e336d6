"""Reading corpus files as text, with errors that say which file, which line and what to do."""

from __future__ import annotations

import codecs
import os

from .errors import InputFormatError

_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def read_bytes(path: str) -> bytes:
    if os.path.isdir(path):
        raise InputFormatError("is a directory; give a corpus file", path=path)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputFormatError("no such file", path=path) from None
    except OSError as error:
        raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file bytes: UTF-8 (with or without BOM) unless `encoding` says otherwise."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputFormatError(f"unknown encoding {encoding!r}", path=path) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise InputFormatError(f"cannot decode byte {error.start} as {encoding}", path=path, line=line) from None
        return text.lstrip("\ufeff")
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise InputFormatError(f"file is {name} (byte-order mark); pass --encoding {name.lower()}", path=path)
    if b"\x00" in data[:8192]:
        raise InputFormatError("binary file (NUL bytes); expected UTF-8 text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        hint = " (it looks like GB18030/GBK)" if _decodes(data, "gb18030") else ""
        raise InputFormatError(
            f"invalid UTF-8 at byte {error.start}{hint}; pass --encoding to read another encoding, "
            "e.g. --encoding gb18030", path=path, line=line) from None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read_text(path: str, encoding: str | None = None) -> str:
    return decode(read_bytes(path), path, encoding)


def text_lines(text: str) -> list[str]:
    """Lines without their endings; CRLF and lone CR handled like LF."""
    return text.splitlines()
