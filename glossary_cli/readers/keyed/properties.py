"""Java `.properties` resource bundles: `messages.properties` and `messages_zh_CN.properties`.

Read as java.util.Properties reads them: `key=value`, `key: value` and `key value`; a line ending
in an odd number of backslashes goes on on the next line (whose leading white space is dropped);
`#` and `!` open comment lines; `\\uXXXX`, `\\t`, `\\n` and `\\=`-style escapes. Java 9 and later
read a bundle as UTF-8, and as ISO-8859-1 when it is not valid UTF-8; Java 8 bundles are
ISO-8859-1 with the Chinese written as `\\u4e2d\\u6587`: both come out the same here. `--encoding`
overrides (a GBK bundle some build re-encodes).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from ...errors import InputFormatError
from ...textio import decode, read_bytes
from . import KeyedString, paired_surrogates
from .offsets import LineIndex

_NATURAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_WHITE = " \t\f"
_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


def read(path: str, options, *, chinese: bool = False) -> Iterator[KeyedString]:
    """The bundle's strings; `chinese`: it is the Chinese side, never read as ISO-8859-1 unasked."""
    text = _text(path, options.encoding, chinese)
    lines = LineIndex(text)
    for pieces in _logical_lines(text):
        logical = "".join(piece for piece, _ in pieces)
        key_start = len(logical) - len(logical.lstrip(_WHITE))
        key_end = _key_end(logical, key_start)
        value_start = _value_start(logical, key_end)
        offset = _file_offset(pieces, value_start)
        key = _unescape(logical[key_start:key_end], path, lines, _file_offset(pieces, key_start))
        value = _unescape(logical[value_start:], path, lines, offset)
        line, column, column_utf16 = lines.where(offset)
        value = value.strip()
        yield KeyedString(key, value, lines.line(pieces[0][1]), line, column, column_utf16,
                          verbatim=lines.shows(offset, value))


def _text(path: str, encoding: str | None, chinese: bool) -> str:
    data = read_bytes(path, encoding)
    if encoding is None and not chinese and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and not _is_utf8(data) and _plainly_latin1(data):
        encoding = "iso-8859-1"  # as Java 9+ falls back
    return decode(data, path, encoding)  # not UTF-8 and not read as Latin-1: textio's error, at the byte


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Bytes beyond ASCII, in runs: Latin-1 text has an accented letter here and there (café, ação),
# Chinese in GBK or Big5 two bytes for every character, side by side (设置文件 is eight).
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _plainly_latin1(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as plausible ISO-8859-1 text: no C1 control (0x80-0x9F,
    which no Latin-1 text holds and GBK lead bytes often are), no three letters beyond ASCII in a row."""
    return all(len(run) <= 2 and min(run) >= 0xA0 for run in _HIGH_RUN.findall(data))


def _logical_lines(text: str) -> Iterator[list[tuple[str, int]]]:
    """Each key-value line, as pieces of natural lines (their text without the line break and the
    continuing backslash, and the file offset the piece starts at); comments and blank lines left out."""
    pieces: list[tuple[str, int]] = []
    for match in _NATURAL_LINE.finditer(text):
        if match.start() == len(text) and match.end() == match.start():
            break
        line = match.group().rstrip("\r\n")
        start = match.start()
        if pieces:  # a continuation: its leading white space is not part of the value
            skipped = len(line) - len(line.lstrip(_WHITE))
            line, start = line[skipped:], start + skipped
        elif not line.strip(_WHITE) or line.lstrip(_WHITE)[:1] in ("#", "!"):
            continue
        trailing = len(line) - len(line.rstrip("\\"))
        if trailing % 2:
            pieces.append((line[:-1], start))
            continue
        pieces.append((line, start))
        yield pieces
        pieces = []
    if pieces:  # the file ended in a continuing backslash
        yield pieces


def _key_end(logical: str, start: int) -> int:
    index = start
    while index < len(logical) and logical[index] not in "=:" + _WHITE:
        index += 2 if logical[index] == "\\" else 1
    return min(index, len(logical))


def _value_start(logical: str, key_end: int) -> int:
    index = key_end
    while index < len(logical) and logical[index] in _WHITE:
        index += 1
    if index < len(logical) and logical[index] in "=:":
        index += 1
        while index < len(logical) and logical[index] in _WHITE:
            index += 1
    return index


def _file_offset(pieces: list[tuple[str, int]], index: int) -> int:
    """The file offset of character `index` of the logical line the pieces make."""
    for piece, start in pieces:
        if index < len(piece):
            return start + index
        index -= len(piece)
    piece, start = pieces[-1]
    return start + len(piece)


def _unescape(raw: str, path: str, lines: LineIndex, offset: int) -> str:
    out: list[str] = []
    index = 0
    while index < len(raw):
        character = raw[index]
        if character != "\\" or index + 1 >= len(raw):
            out.append(character)
            index += 1
            continue
        escaped = raw[index + 1]
        if escaped == "u":
            if not _HEX4.fullmatch(raw, index + 2, index + 6):
                raise InputFormatError(f"malformed \\uxxxx escape {raw[index:index + 6]} (Java refuses the file)",
                                       path=path, line=lines.line(offset))
            out.append(chr(int(raw[index + 2:index + 6], 16)))
            index += 6
        else:
            out.append(_ESCAPED.get(escaped, escaped))
            index += 2
    return paired_surrogates("".join(out))
