"""Reading corpus files as text, with errors that say which file, which line and what to do."""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from .errors import InputFormatError

STDIN = "-"  # the corpus argument that reads standard input
STDIN_NAME = "<stdin>"  # how its locations are shown

_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))

# The longest line or segment a corpus may hold. Aligned sentences are a few hundred characters;
# a line this long is a whole file without line breaks (or not text), and pairing its words
# would take hours, so it is refused with its line number.
MAX_SEGMENT_CHARS = 100_000


# The content of pipes read so far (standard input, /dev/stdin, a shell's <(cmd)), by path: a pipe
# gives its bytes once, and detecting the format then reading the file opens it twice.
_spooled: dict[str, bytes] = {}


@contextmanager
def spooled(path: str) -> Iterator[str]:
    """The name to read `path` by, with a pipe's content held in memory while the block runs;
    `-` is standard input, named <stdin>."""
    if path == STDIN:
        name, reading = STDIN_NAME, sys.stdin.buffer
    elif is_stream(path):
        name, reading = path, None
    else:
        yield path
        return
    try:
        if reading is None:
            with open(path, "rb") as handle:
                _spooled[name] = handle.read()
        else:
            _spooled[name] = reading.read()
    except OSError as error:
        raise InputFormatError(f"cannot read: {error.strerror}", path=name) from None
    try:
        yield name
    finally:
        _spooled.pop(name, None)


def is_stream(path: str) -> bool:
    """A pipe, terminal, device or socket: read or written once, front to back, never reopened."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def open_binary(path: str) -> BinaryIO:
    """The file opened for reading bytes, or the held content of a pipe (see `spooled`)."""
    if path in _spooled:
        return io.BytesIO(_spooled[path])
    if os.path.isdir(path):
        raise InputFormatError("is a directory; give a corpus file", path=path)
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputFormatError("no such file", path=path) from None
    except OSError as error:
        raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None


def declared_encoding(name: str) -> str:
    """The codec to read a file with that declares `name`: a GB2312 or GBK label (cp936 and euc-cn
    are the same codecs) as GB18030, its superset, as the WHATWG encoding standard has browsers
    do, since files so labelled often hold GBK-only characters (镕 of 朱镕基)."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return name
    return "gb18030" if codec in ("gb2312", "gbk") else name


def read_bytes(path: str) -> bytes:
    with open_binary(path) as handle:
        try:
            return handle.read()
        except OSError as error:
            raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file bytes (see `_decode`); text holding a NUL is refused wherever the NUL sits."""
    text = _decode(data, path, encoding)
    nul = text.find("\x00")
    if nul >= 0:
        raise InputFormatError("NUL byte: a binary file, or text damaged there", path=path,
                               line=text.count("\n", 0, nul) + 1)
    return text


def _decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 by their byte-order mark,
    unless `encoding` says otherwise."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputFormatError(f"unknown encoding {encoding!r}", path=path) from None
        if _wide(encoding) and b"\x00" not in data and _decodes(data, "utf-8"):
            # UTF-16 puts a NUL beside every tab, line break and Latin letter; without one, the bytes
            # are UTF-8, which UTF-16 reads as one long line of CJK without a tab in it (or, from an
            # odd number of bytes, fails to read at the last one).
            raise InputFormatError(f"this is UTF-8 text, not {encoding} (no NUL byte, as {encoding} line breaks "
                                   "and tabs have); drop --encoding", path=path)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            # lines counted in characters: in UTF-16 a character such as 上 (U+4E0A) holds the byte 0x0A
            line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
            raise InputFormatError(f"cannot decode byte {error.start} as {encoding}", path=path, line=line) from None
        return text.lstrip("\ufeff")
    for bom, name in _BOMS:  # the mark states the encoding (Excel's "Unicode Text" is UTF-16 with one)
        if data.startswith(bom):
            return _decode(data, path, name.lower())
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data[:8192])
        if utf16:
            raise InputFormatError(f"file looks like {utf16} without a byte-order mark; pass --encoding "
                                   f"{utf16.lower()}", path=path)
        raise InputFormatError("binary file (NUL bytes); expected UTF-8 text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        hint = " (it looks like GB18030/GBK)" if _decodes(data, "gb18030") else ""
        raise InputFormatError(
            f"invalid UTF-8 at byte {error.start}{hint}; pass --encoding to read another encoding, "
            "e.g. --encoding gb18030", path=path, line=line) from None


def _wide(encoding: str) -> bool:
    """UTF-16 or UTF-32, in any spelling Python accepts (utf_16le, UTF16, u16)."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _utf16_without_bom(head: bytes) -> str | None:
    """'UTF-16-LE' or 'UTF-16-BE' when the NUL bytes sit where ASCII text in UTF-16 puts them."""
    even, odd = head[0::2], head[1::2]
    for name, zeros, other in (("UTF-16-LE", odd, even), ("UTF-16-BE", even, odd)):
        if len(zeros) >= 2 and zeros.count(0) >= 0.3 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                head[: len(head) // 2 * 2].decode(name.lower())
            except UnicodeDecodeError:
                continue
            return name
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read_text(path: str, encoding: str | None = None) -> str:
    return decode(read_bytes(path), path, encoding)


def read_corpus_text(path: str, encoding: str | None = None) -> str:
    """The text of a corpus file, refused when it holds a line no aligned corpus has."""
    text = read_text(path, encoding)
    check_line_lengths(text, path)
    return text


def check_line_lengths(text: str, path: str) -> None:
    if len(text) <= MAX_SEGMENT_CHARS:
        return
    for number, length in enumerate(map(len, text.split("\n")), start=1):
        if length > MAX_SEGMENT_CHARS:
            raise InputFormatError(too_long_message(length), path=path, line=number)


def is_blank_file(path: str) -> bool:
    """True for an existing file that holds nothing but white space (and perhaps a byte-order mark)."""
    try:
        if path in _spooled:
            data = _spooled[path][:65537]
        elif not os.path.isfile(path) or os.path.getsize(path) > 65536:
            return False
        else:
            with open(path, "rb") as handle:
                data = handle.read()
    except OSError:
        return False  # the reader reports why it cannot read the file
    if len(data) > 65536:
        return False
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return not data.decode(name, errors="replace").strip()
    return not data.decode("utf-8", errors="replace").lstrip("\ufeff").strip()


def too_long_message(length: int) -> str:
    return (f"a line of {length:,} characters; a segment holds at most {MAX_SEGMENT_CHARS:,}, "
            "so this is not line-aligned text (are the line breaks missing?)")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def text_lines(text: str) -> list[str]:
    """Lines without their endings, broken where an editor (and `wc -l`) breaks them: at LF, CRLF
    and lone CR, not at the page breaks, U+2028 or NEL that str.splitlines also takes for one."""
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines
