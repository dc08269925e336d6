"""Reading corpus files as text, with errors that say which file, which line and what to do."""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
def spooled(path: str, *, encoding: str | None = None) -> Iterator[str]:
    """The name to read `path` by, with a pipe's content held in memory while the block runs;
    `-` is standard input, named <stdin>. The content is checked as it arrives (see
    `_read_checked`), read as `encoding` (None: UTF-8, or what a byte-order mark says)."""
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
                _spooled[name] = _read_checked(handle, name, encoding)
        else:
            _spooled[name] = _read_checked(reading, name, encoding)
    except OSError as error:
        raise InputFormatError(f"cannot read: {error.strerror}", path=name) from None
    try:
        yield name
    finally:
        _spooled.pop(name, None)


_HEAD = 8192  # the bytes decode() looks at for a byte-order mark, UTF-16 without one, or a binary file
_CHUNK = 1 << 16
# No character takes more than 4 bytes, so a longer run of bytes without a line break is a line
# over MAX_SEGMENT_CHARS characters in any encoding.
_MAX_LINE_BYTES = 4 * MAX_SEGMENT_CHARS


def _read_checked(handle: BinaryIO, name: str, encoding: str | None) -> bytes:
    """A stream's bytes, refused at the first chunk that holds what `decode` and
    `check_line_lengths` would refuse once it was all read: a NUL byte or an over-long line.
    A stream has no size to check first, and /dev/zero never ends: read whole, it filled the
    memory until the system killed the process."""
    head = b""
    while len(head) < _HEAD and (more := handle.read(_HEAD - len(head))):
        head += more
    checks = _ArrivingBytes(name, head, encoding)
    chunks = [head]
    while chunks[-1]:
        checks.take(chunks[-1])
        chunks.append(handle.read(_CHUNK))
    return b"".join(chunks)


class _ArrivingBytes:
    """What has arrived of a stream: the line it is on, and how long that line is so far."""

    def __init__(self, name: str, head: bytes, encoding: str | None) -> None:
        self.name = name
        self.encoding = encoding
        # UTF-16 and UTF-32 hold NULs: decode() says what to make of them once all is read
        reading = marked_encoding(head) or encoding  # a byte-order mark wins over --encoding (see _decode)
        self.wide = ((reading is not None and _known(reading) and _wide(reading))
                     or (reading is None and _utf16_without_bom(head) is not None))
        # XML may come on one line (a minified TMX or TBX); its readers bound each segment instead
        self.lines_bounded = not head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").startswith(b"<")
        self.offset = 0  # of the chunk taken next
        self.line = 1  # the line its first byte is on
        self.line_bytes = 0  # of that line, before the chunk

    def take(self, chunk: bytes) -> None:
        nul = -1 if self.wide else chunk.find(b"\x00")
        if nul >= 0:
            if self.encoding is None and self.offset + nul < _HEAD:
                raise _binary_file(self.name)
            raise _nul_byte(self.name, self.line + chunk.count(b"\n", 0, nul))
        first_break = chunk.find(b"\n")
        line_so_far = self.line_bytes + (len(chunk) if first_break < 0 else first_break)
        if self.lines_bounded and line_so_far > _MAX_LINE_BYTES:
            raise InputFormatError(too_long_message(None), path=self.name, line=self.line)
        if first_break < 0:
            self.line_bytes += len(chunk)
        else:  # a chunk is shorter than the longest line: only the one it ends can be too long
            self.line += chunk.count(b"\n")
            self.line_bytes = len(chunk) - chunk.rfind(b"\n") - 1
        self.offset += len(chunk)


# Bytes of a name (or of text holding one) that the locale's encoding could not decode, as
# Python passes them on: each byte 0xNN as the lone surrogate U+DCNN.
_UNDECODED = re.compile("[\udc80-\udcff]+")


def spelled(text: str, errors: str = "strict") -> str:
    """`text` with the bytes the locale could not decode read as UTF-8. Under an ASCII locale
    (LC_ALL=C without UTF-8 mode) the file name 语料.tsv reaches Python as six such bytes, which no
    glossary, JSON or SARIF file can hold, though they are UTF-8. UnicodeDecodeError when they
    are not UTF-8 (a Latin-1 name), unless `errors` says what to make of them."""
    return _UNDECODED.sub(lambda run: bytes(ord(byte) - 0xDC00 for byte in run.group()).decode("utf-8", errors), text)


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
        raise InputFormatError(f"no such file{backslash_hint(path)}", path=path) from None
    except OSError as error:
        raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None


def backslash_hint(path: str) -> str:
    """For a path that does not exist: what to write instead when it separates its folders with
    `\\`, as a Windows user (or a pre-commit `args:` written on Windows) does; on Linux and macOS
    that is a character of the file's name. '' for any other path."""
    if os.sep == "\\" or "\\" not in path:
        return ""
    forward = path.replace("\\", "/")
    return f"; \\ is not a path separator here, / is: {forward}"


# Codecs Python has for text that read no character set of a text file, by what they do instead.
_NOT_CHARSETS = {
    "unicode-escape": "Python's codec of that name reads backslash escapes",
    "raw-unicode-escape": "Python's codec of that name reads backslash escapes",
    "punycode": "Python's codec of that name encodes domain names",
    "idna": "Python's codec of that name encodes domain names",
    "undefined": "Python's codec of that name refuses every byte",
}


def encoding_problem(name: str, *, shown: str | None = None) -> str | None:
    """Why the encoding `name` (--encoding, a declared charset; `shown` as the message should
    name it) cannot read a text file, or None when it can. Python's codec registry holds more
    than character sets: hex, base64, zlib or rot13 transform data (decoding a file with them
    raised a LookupError), others read escapes or domain names."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return f"unknown encoding {name!r}"
    shown = shown or repr(name)
    if codec.name == "utf-7":
        return (f"{shown} is refused: UTF-7 spells any character in plain ASCII (+ADw- is <), which hides text "
                "from review, and no PO or XML tool writes it; convert the file to UTF-8")
    if not codec._is_text_encoding:
        return f"{shown} is no character encoding: Python's codec of that name transforms data, not text"
    if codec.name in _NOT_CHARSETS:
        return f"{shown} is no character encoding: {_NOT_CHARSETS[codec.name]}"
    return None


def declared_encoding(name: str) -> str:
    """The codec to read a file with that declares `name`: a GB2312 or GBK label (cp936 and euc-cn
    are the same codecs) as GB18030, its superset, as the WHATWG encoding standard has browsers
    do, since files so labelled often hold GBK-only characters (镕 of 朱镕基)."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return name
    return "gb18030" if codec in ("gb2312", "gbk") else name


def read_bytes(path: str, encoding: str | None = None) -> bytes:
    """A file's bytes; those of a pipe or device not spooled (--source <(cmd)) checked as they
    arrive, as `spooled` checks them."""
    with open_binary(path) as handle:
        try:
            if path not in _spooled and is_stream(path):
                return _read_checked(handle, path, encoding)
            return handle.read()
        except OSError as error:
            raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file bytes (see `_decode`); text holding a NUL is refused wherever the NUL sits."""
    text = _decode(data, path, encoding)
    nul = text.find("\x00")
    if nul >= 0:
        raise _nul_byte(path, text.count("\n", 0, nul) + 1)
    return text


def _nul_byte(path: str, line: int) -> InputFormatError:
    return InputFormatError("NUL byte: a binary file, or text damaged there", path=path, line=line)


def _binary_file(path: str) -> InputFormatError:
    return InputFormatError("binary file (NUL bytes); expected UTF-8 text", path=path)


def _decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode file bytes: as a byte-order mark says (UTF-8, UTF-16 or UTF-32), else as `encoding`,
    else as UTF-8.

    The mark wins over `encoding` (--encoding, or a charset a file declares), as it does in browsers
    (the WHATWG decode algorithm) and in ripgrep: no text in another encoding starts with one by
    chance, so one run with --encoding gb18030 reads a folder of GBK files beside the UTF-8 and
    UTF-16 files Excel and Notepad write with one."""
    if encoding:
        problem = encoding_problem(encoding)
        if problem is not None:
            raise InputFormatError(problem, path=path)
    marked = marked_encoding(data)
    if marked is not None:
        return _decode_as(data, path, marked)
    if encoding:
        if _wide(encoding) and b"\x00" not in data and _decodes(data, "utf-8"):
            # UTF-16 puts a NUL beside every tab, line break and Latin letter; without one, the bytes
            # are UTF-8, which UTF-16 reads as one long line of CJK without a tab in it (or, from an
            # odd number of bytes, fails to read at the last one).
            raise InputFormatError(f"this is UTF-8 text, not {encoding} (no NUL byte, as {encoding} line breaks "
                                   "and tabs have); drop --encoding", path=path)
        text = _decode_as(data, path, encoding)
        _tell_misreading(data, path, encoding)
        return text
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data[:8192])
        if utf16:
            raise InputFormatError(f"file looks like {utf16} without a byte-order mark; pass --encoding "
                                   f"{utf16.lower()}", path=path)
        raise _binary_file(path)
    return _decode_as(data, path, "utf-8")


def _decode_as(data: bytes, path: str, encoding: str) -> str:
    """The bytes decoded as `encoding`, or an error at the line and column (in characters) where
    they stop being that encoding, saying what they look like instead."""
    utf8 = codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    try:  # the mark stripped here: utf-8-sig counts the bytes where decoding fails from after it
        return data.decode("utf-8" if utf8 else encoding).lstrip("\ufeff")
    except UnicodeDecodeError as error:
        if utf8:
            raise _not_utf8_error(not_utf8(data, error.start), path) from None
        instead = _instead(data, encoding)
        # counted in the characters an editor shows, of the encoding the file seems to be in; in UTF-16
        # a character such as 上 (U+4E0A) holds the byte 0x0A, so lines are counted in characters too
        # (a character the bad byte is inside of is left out of the count: the column is its own)
        before = codecs.getincrementaldecoder(instead or encoding)(errors="replace").decode(data[:error.start])
        line, column = line_and_column(before)
        if instead == "utf-8":
            hint = "; the file is UTF-8 text: read it without --encoding"
        elif instead is not None:
            hint = f"; it looks like {ENCODING_NAMES[instead]}: pass --encoding {instead}"
        else:
            hint = ""
        raise InputFormatError(f"cannot decode byte 0x{data[error.start]:02X} as {encoding}{hint}",
                               path=path, line=line, column=column) from None


def _instead(data: bytes, encoding: str) -> str | None:
    """The encoding a file that `encoding` cannot read seems to be in: 'utf-8', a legacy Chinese
    one (GB18030 for a file given as gbk that holds GB18030's four-byte characters), or None."""
    if _decodes(data, "utf-8"):
        return "utf-8"
    legacy = legacy_chinese_encoding(data)
    return legacy if legacy != codecs.lookup(encoding).name else None


def _not_utf8_error(found: NotUtf8, path: str) -> InputFormatError:
    if found.rest_is_utf8:
        return InputFormatError(f"{found.lines_said()}; {found.how_to_mend()} (--encoding would misread "
                                "the other lines)",
                                path=path, line=found.line, column=found.column)
    hint = f" (it looks like {ENCODING_NAMES[found.looks_like]})" if found.looks_like else ""
    return InputFormatError(f"invalid UTF-8{hint}; pass --encoding to read another encoding, e.g. --encoding "
                            f"{found.looks_like or 'gb18030'}", path=path, line=found.line, column=found.column)


def marked_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of the bytes names ('utf-8-sig', 'utf-16',
    'utf-32'), or None."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for bom, name in _BOMS:  # UTF-32's marks first: UTF-32-LE's starts as UTF-16-LE's does
        if data.startswith(bom):
            return name.lower()
    return None


@dataclass(frozen=True)
class NotUtf8:
    """Where bytes read as UTF-8 stop being UTF-8, and what they look like instead."""

    line: int
    column: int  # in characters, 1-based
    looks_like: str | None  # a key of ENCODING_NAMES, or None: no encoding the tool can name
    # The text is UTF-8 but for this line and a few more (a line pasted from a GBK file), so
    # reading it all in another encoding would misread the rest; `other_lines` are those few.
    rest_is_utf8: bool = False
    other_lines: tuple[int, ...] = ()

    def lines_said(self) -> str:
        """'this line is not UTF-8 (it looks like GB18030/GBK), though the rest of the file is',
        naming the other lines that are not, if any."""
        hint = f" (it looks like {ENCODING_NAMES[self.looks_like]})" if self.looks_like else ""
        others = self.other_lines
        listed = ", ".join(map(str, others[:3])) + (f" and {len(others) - 3:,} more" if len(others) > 3 else "")
        nor = f", nor {'is line' if len(others) == 1 else 'are lines'} {listed}" if others else ""
        return f"this line is not UTF-8{hint}{nor}, though the rest of the file is"

    def how_to_mend(self) -> str:
        them = "them" if self.other_lines else "it"
        return f"retype {them}, or paste {them} again from a UTF-8 source"


_LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")


def not_utf8(data: bytes, start: int, *, first_line: int = 1, column_before: int = 0,
             complete: bool = True) -> NotUtf8:
    """What is wrong where UTF-8 decoding of `data` failed, at byte `start`: the line and column,
    what the bytes look like, and whether the rest is UTF-8 (the line is then all that is wrong).
    `data` may be a piece of a file: its first byte on line `first_line`, after `column_before`
    characters of that line; `complete` False when it may end inside a character."""
    line, column = line_and_column(data[:start].decode("utf-8", errors="replace"), column_before)
    line += first_line - 1
    rows = _LINE_BREAK_BYTES.split(data)
    if not complete:
        rows.pop()  # the last may be cut short inside a character
    bad: list[int] = []
    good = 0  # lines of UTF-8 that are not plain ASCII
    for number, row in enumerate(rows, start=first_line):
        if row.isascii():
            continue
        try:
            row.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
        else:
            good += 1
    if good and good >= len(bad):  # as many lines beyond ASCII are UTF-8: the others were pasted in
        row = rows[line - first_line] if 0 <= line - first_line < len(rows) else data[start:]
        return NotUtf8(line, column, legacy_chinese_encoding(row), rest_is_utf8=True,
                       other_lines=tuple(number for number in bad if number != line))
    return NotUtf8(line, column, legacy_chinese_encoding(data, complete=complete))


def line_and_column(before: str, column_before: int = 0) -> tuple[int, int]:
    """The line and column (1-based, in characters) of what follows the text `before`; lines end
    where an editor ends them (LF, CRLF, lone CR), and a byte-order mark takes no column."""
    breaks = before.count("\n") + before.count("\r") - before.count("\r\n")
    if not breaks:
        return 1, column_before + len(before.lstrip("\ufeff")) + 1
    last = max(before.rfind("\n"), before.rfind("\r"))
    return breaks + 1, len(before) - last


# ------------------------------------------------------------------ a wrong --encoding

# The legacy Chinese encodings by family: GBK and Big5 bytes decode in each other's codec, as mojibake.
_CHINESE_FAMILIES = {"gb2312": "gb", "gbk": "gb", "gb18030": "gb", "big5": "big5", "cp950": "big5",
                     "big5hkscs": "big5"}
# How much larger a share of common characters the other reading must have to be called much better.
_MUCH_BETTER = 0.3


def misreading(data: bytes, encoding: str) -> str | None:
    """The codec bytes that `encoding` decoded read much better in: 'utf-8' for UTF-8 text given a
    legacy or single-byte encoding (UTF-8's sequences do not come about by chance), or the other
    legacy Chinese encoding when its reading is made of that standard's common characters and
    the given one's is not (Big5 read as GB18030 is kana and rare characters: 結帳 as 挡姐)."""
    if data.isascii():
        return None
    codec = codecs.lookup(encoding).name
    if not codec.startswith("utf-") and _decodes(data, "utf-8"):
        return "utf-8"
    family = _CHINESE_FAMILIES.get(codec)
    other = legacy_chinese_encoding(data) if family is not None else None
    if other is None or _CHINESE_FAMILIES[other] == family:
        return None
    sample = data[:65536]
    given_share = _common_share(sample.decode(codec, errors="ignore"), _IS_COMMON[family])
    other_share = _common_share(sample.decode(other, errors="ignore"), _IS_COMMON[_CHINESE_FAMILIES[other]])
    return other if other_share - given_share >= _MUCH_BETTER else None


def misreading_warning(data: bytes, path: str, encoding: str, better: str) -> str:
    """The warning for a file read as `encoding` that reads much better as `better`, with the
    first words that differ in both readings, so the mojibake shows."""
    example = ""
    rows = _LINE_BREAK_BYTES.split(data)
    for number, row in enumerate(rows, start=1):
        read, meant = row.decode(encoding, errors="replace"), row.decode(better, errors="replace")
        if read != meant:
            words_read, words_meant = _NOT_ASCII.findall(read), _NOT_ASCII.findall(meant)
            if words_read and words_meant:
                shown = _PRIVATE_USE.sub("\ufffd", excerpt(words_read[0], 12))
                example = f" (line {number}: {excerpt(words_meant[0], 12)} rather than {shown})"
            break
    if better == "utf-8":
        return f"{path}: read as {encoding}, but its bytes are UTF-8{example}; if so, pass --encoding utf-8"
    return (f"{path}: read as {encoding}, but it reads much better as {ENCODING_NAMES[better]}{example}; "
            f"if that is what it is, pass --encoding {better}")


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# Characters of the Private Use Area, which a misreading gives too and no font shows: shown as �.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _tell_misreading(data: bytes, path: str, encoding: str) -> None:
    """Warn (see `warnings_to`) once per file when `encoding` misread it (see `misreading`)."""
    if not _listeners or path in _listeners[-1][1]:
        return
    better = misreading(data, encoding)
    if better is not None:
        on_warning, told = _listeners[-1]
        told.add(path)
        on_warning(misreading_warning(data, path, encoding, better))


# Who is told of files read in an encoding they do not seem to be in, and of which files they were told.
_listeners: list[tuple[Callable[[str], None], set[str]]] = []


@contextmanager
def warnings_to(on_warning: Callable[[str], None]) -> Iterator[None]:
    """While the block runs, `decode` tells `on_warning` (a reader's ReadOptions.on_warning) of a
    file that an encoding it was given decodes into mojibake: the readers pass the encoding on,
    not the warnings, and a wrong --encoding otherwise gave findings against junk, silently."""
    listener = (on_warning, set())
    _listeners.append(listener)
    try:
        yield
    finally:  # by identity: two listeners with the same function and files told are equal
        del _listeners[next(index for index, other in enumerate(_listeners) if other is listener)]


ENCODING_NAMES = {"gb18030": "GB18030/GBK", "big5": "Big5, Traditional Chinese",
                  "big5hkscs": "Big5-HKSCS, Hong Kong's Traditional Chinese", "utf-8": "UTF-8",
                  "utf-16": "UTF-16", "utf-32": "UTF-32"}


def legacy_chinese_encoding(data: bytes, *, complete: bool = True) -> str | None:
    """'gb18030', 'big5' or 'big5hkscs' for bytes that are not UTF-8 but decode as the mainland's or Taiwan's
    legacy encoding, else None. Most Big5 bytes are valid GB18030 too (安裝軟件 comes out as
    awkward kana and rare characters such as 杆硁ン), so when both decode, the one whose
    characters are the common ones of its own standard wins: GB2312's 6,763 Han characters for
    GB18030, Big5's level-1 (0xA440-0xC67E) for Big5. Nor is it either when few of its characters
    are (Latin-1's "für" decodes as GB18030's "f黵"). `complete` False: the bytes are the start
    of a file, and may end inside a character."""
    big5 = ("big5" if _decodes(data, "cp950", final=complete)
            else "big5hkscs" if _decodes(data, "big5hkscs", final=complete) else None)
    candidates = [name for name in ("gb18030", big5)
                  if name and (name != "gb18030" or _decodes(data, name, final=complete))]
    sample = data[:65536]
    shares = {name: _common_share(sample.decode(name, errors="ignore"), _IS_COMMON[_CHINESE_FAMILIES[name]])
              for name in candidates}
    best = max(candidates, key=shares.__getitem__, default=None)  # on a tie, GB18030
    return best if best is not None and shares[best] >= _PLAUSIBLE else None


# The least share of common characters a reading of bytes as GB18030 or Big5 needs to be taken for
# Chinese: real text has over 0.7 (punctuation counts against it), other bytes next to none.
_PLAUSIBLE = 0.3


def _common_share(text: str, is_common) -> float:
    """The share of the text's non-ASCII characters that is_common accepts."""
    wide = [character for character in text if not character.isascii()]
    return sum(map(is_common, wide)) / len(wide) if wide else 0.0


def _common_gb(character: str) -> bool:
    """A Han character of GB2312 (its rows 16-87; kana and symbols are rows 1-9)."""
    try:
        encoded = character.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and encoded[0] >= 0xB0


def _common_big5(character: str) -> bool:
    """A punctuation mark or level-1 (common) character of Big5."""
    try:
        encoded = character.encode("cp950")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and (0xA140 <= int.from_bytes(encoded, "big") <= 0xA3BF
                                  or 0xA440 <= int.from_bytes(encoded, "big") <= 0xC67E)


_IS_COMMON = {"gb": _common_gb, "big5": _common_big5}  # by family (see _CHINESE_FAMILIES)


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _wide(encoding: str) -> bool:
    """UTF-16 or UTF-32, in any spelling Python accepts (utf_16le, UTF16, u16)."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _utf16_without_bom(head: bytes) -> str | None:
    """'UTF-16-LE' or 'UTF-16-BE' when the NUL bytes sit where ASCII text in UTF-16 puts them."""
    even, odd = head[0::2], head[1::2]
    for name, zeros, other in (("UTF-16-LE", odd, even), ("UTF-16-BE", even, odd)):
        if len(zeros) >= 2 and (zeros.count(0) >= 0.3 * len(zeros) or _chinese_utf16(head, name)) \
                and other.count(0) <= 0.05 * len(other):
            try:
                head[: len(head) // 2 * 2].decode(name.lower())
            except UnicodeDecodeError:
                continue
            return name
    return None


def _chinese_utf16(head: bytes, name: str) -> bool:
    """Whether the bytes read in UTF-16 as Chinese lines: mostly Chinese text puts NULs only beside its
    line breaks, spaces and Latin letters, too few for the share ASCII text in UTF-16 has."""
    text = head[: len(head) // 2 * 2].decode(name.lower(), errors="replace")
    han = sum(1 for character in text if "\u4e00" <= character <= "\u9fff")
    return "\n" in text and 2 * han > len(text) and all(character.isprintable() or character in "\t\r\n"
                                                        for character in text)


def _decodes(data: bytes, encoding: str, *, final: bool = True) -> bool:
    """Whether the bytes are text in `encoding`; final False: they may end inside a character."""
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=final)
    except UnicodeDecodeError:
        return False
    return True


def read_text(path: str, encoding: str | None = None) -> str:
    return decode(read_bytes(path, encoding), path, encoding)


def read_corpus_text(path: str, encoding: str | None = None) -> str:
    """The text of a corpus file, refused when it holds a line no aligned corpus has."""
    refuse_long_lines(path, encoding)
    text = read_text(path, encoding)
    check_line_lengths(text, path)
    return text


def refuse_long_lines(path: str, encoding: str | None = None) -> None:
    """Refuse a file holding a line too long for a segment before reading it whole: a 200 MB file
    without a line break took 800 MB to read, decode and split before check_line_lengths saw it.
    The file is looked through a chunk at a time (a pipe is checked as it arrives, see `spooled`);
    the line found too long is measured on, so the error says how long it is. UTF-16 and UTF-32
    (whose bytes do not show line breaks) are left to check_line_lengths."""
    if path in _spooled or is_stream(path) or (encoding is not None and encoding_problem(encoding)):
        return  # a pipe's lines were checked as it was read; decode() says what is wrong with the encoding
    try:
        if os.path.getsize(path) <= _MAX_LINE_BYTES:
            return  # no line of it can be too long in bytes; check_line_lengths counts its characters
        handle = open(path, "rb")
    except OSError:
        return  # the reader says why it cannot read the file
    with handle:
        head = handle.read(_HEAD)
        encoding = marked_encoding(head) or encoding  # a byte-order mark wins over --encoding (see _decode)
        if encoding is not None and _known(encoding) and _wide(encoding):
            return
        line, line_start, line_bytes, chunk = 1, 0, 0, head
        while chunk:
            breaks = chunk.count(b"\n")
            first_break = chunk.find(b"\n")
            if line_bytes + (len(chunk) if first_break < 0 else first_break) > _MAX_LINE_BYTES:
                raise InputFormatError(too_long_message(_characters_to_line_end(handle, line_start, encoding)),
                                       path=path, line=line)
            offset = handle.tell() - len(chunk)
            if breaks:
                line += breaks
                line_start = offset + chunk.rfind(b"\n") + 1
                line_bytes = len(chunk) - chunk.rfind(b"\n") - 1
            else:
                line_bytes += len(chunk)
            chunk = handle.read(_CHUNK)


def _characters_to_line_end(handle: BinaryIO, start: int, encoding: str | None) -> int:
    """How many characters the line starting at byte `start` holds, read a chunk at a time."""
    handle.seek(start)
    decoder = codecs.getincrementaldecoder(encoding or ("utf-8-sig" if start == 0 else "utf-8"))(errors="replace")
    length = 0
    while True:
        chunk = handle.read(_CHUNK)
        text = decoder.decode(chunk, final=not chunk)
        end = text.find("\n")
        if end >= 0:
            return length + end
        length += len(text)
        if not chunk:
            return length


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


EXCERPT_CHARS = 80


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """At most `limit` characters of `text`, for a message that quotes a file: enough to find the
    place, and no more of a file (one a link pointed at, perhaps) than a linter would show."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def too_long_message(length: int | None) -> str:
    """None: a line still arriving (from a pipe), already too long."""
    size = f"{length:,}" if length is not None else f"over {MAX_SEGMENT_CHARS:,}"
    return (f"a line of {size} characters; a segment holds at most {MAX_SEGMENT_CHARS:,}, "
            "so this is not line-aligned text (are the line breaks missing?)")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def text_lines(text: str) -> list[str]:
    """Lines without their endings, broken where an editor (and `wc -l`) breaks them: at LF, CRLF
    and lone CR, not at the page breaks, U+2028 or NEL that str.splitlines also takes for one."""
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()
    return lines


# ------------------------------------------------------------------ JSON values no text holds

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate_problem(value: str) -> str | None:
    """What is wrong with a string JSON decoded from an escape such as "\\ud800", half of a UTF-16
    pair standing alone, or None. JSON lets it through, but it is no character: no glossary,
    report or terminal can hold it. (json joins the two halves of a pair, \\ud83d\\ude00, itself.)"""
    found = _LONE_SURROGATE.search(value)
    if found is None:
        return None
    return (f"holds the escape \\u{ord(found.group()):04x}, half of a UTF-16 pair without its other half "
            "(not a character)")


def long_number_problem(text: str, start: int = 0) -> tuple[str, int]:
    """(what is wrong, where) for a JSON text json.loads refused with a bare ValueError: an integer
    of more digits than Python converts (4,300, its guard against conversions that take seconds).
    Where is the first such run of digits from `start`; no corpus or baseline needs one."""
    limit = sys.get_int_max_str_digits() or 4300
    found = re.compile(rf"[0-9]{{{limit + 1},}}").search(text, start)
    if found is None:  # no other ValueError is known to come out of json; said as it is
        return "a value json cannot read", start
    return f"a number of {len(found.group()):,} digits (at most {limit:,} are read)", found.start()
