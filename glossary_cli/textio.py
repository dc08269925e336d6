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
        self.wide = (any(head.startswith(bom) for bom, _ in _BOMS)
                     or (encoding is not None and _known(encoding) and _wide(encoding))
                     or (encoding is None and _utf16_without_bom(head) is not None))
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
        raise InputFormatError("no such file", path=path) from None
    except OSError as error:
        raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None


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
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 by their byte-order mark,
    unless `encoding` says otherwise."""
    if encoding:
        problem = encoding_problem(encoding)
        if problem is not None:
            raise InputFormatError(problem, path=path)
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
        raise _binary_file(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        legacy = legacy_chinese_encoding(data)
        hint = f" (it looks like {_LEGACY_NAMES[legacy]})" if legacy else ""
        raise InputFormatError(
            f"invalid UTF-8 at byte {error.start}{hint}; pass --encoding to read another encoding, "
            f"e.g. --encoding {legacy or 'gb18030'}", path=path, line=line) from None


_LEGACY_NAMES = {"gb18030": "GB18030/GBK", "big5": "Big5, Traditional Chinese",
                 "big5hkscs": "Big5-HKSCS, Hong Kong's Traditional Chinese"}


def legacy_chinese_encoding(data: bytes) -> str | None:
    """'gb18030', 'big5' or 'big5hkscs' for bytes that are not UTF-8 but decode as the mainland's or Taiwan's
    legacy encoding, else None. Most Big5 bytes are valid GB18030 too (安裝軟件 comes out as
    awkward kana and rare characters such as 杆硁ン), so when both decode, the one whose
    characters are the common ones of its own standard wins: GB2312's 6,763 Han characters for
    GB18030, Big5's level-1 (0xA440-0xC67E) for Big5."""
    big5 = "big5" if _decodes(data, "cp950") else "big5hkscs" if _decodes(data, "big5hkscs") else None
    candidates = [name for name in ("gb18030", big5) if name and (name != "gb18030" or _decodes(data, name))]
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    sample = data[:65536]
    gb_text = sample.decode("gb18030", errors="ignore")
    big5_text = sample.decode(big5, errors="ignore")
    return big5 if _common_share(big5_text, _common_big5) > _common_share(gb_text, _common_gb) else "gb18030"


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
        if any(head.startswith(bom) for bom, _ in _BOMS) or (encoding is not None and _known(encoding)
                                                            and _wide(encoding)):
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
