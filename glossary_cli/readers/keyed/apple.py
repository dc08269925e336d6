"""iOS and macOS `.strings` tables: `en.lproj/Localizable.strings` and `zh-Hans.lproj/...`.

`"key" = "value";` entries (a key may also be written bare, `key = "value";`), between `/* */`
and `//` comments. Xcode writes these files in UTF-16 with a byte-order mark, people in UTF-8:
both are read (textio decides by the mark). Escapes read: `\\"`, `\\\\`, `\\n`, `\\t`, `\\r`,
`\\U4E2D` or `\\u4e2d`, octal `\\101`. A literal or comment left open is an error at the line it
opens, as Xcode's build (plutil) refuses the file; so is a `\\U` without four hex digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import InputFormatError
from ...textio import read_text
from . import KeyedString, paired_surrogates
from .offsets import LineIndex

_SPACE = re.compile(r"\s*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_.$:/-]+")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_UNICODE_ESCAPE = re.compile(r"[Uu]([0-9A-Fa-f]{4})")
_AS_WRITTEN = re.compile(r"[Uu][0-9A-Za-z]{0,4}")
_OCTAL_ESCAPE = re.compile(r"[0-7]{1,3}")
_QUOTE_OR_BACKSLASH = re.compile(r'["\\]')


def read(path: str, options) -> Iterator[KeyedString]:
    text = read_text(path, options.encoding)
    yield from _Table(text, path).entries()


class _Table:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.lines = LineIndex(text)
        self.position = 0

    def entries(self) -> Iterator[KeyedString]:
        while self._skip_space_and_comments() < len(self.text):
            key_start = self.position
            key = self._key()
            self._skip_space_and_comments()
            if self._take(";"):  # `"key";`: an old plist table's key that is its own value
                continue
            if not self._take("="):
                self._fail(f'expected "=" after the key "{key}"')
            self._skip_space_and_comments()
            if not self.text.startswith('"', self.position):
                self._fail(f'expected a quoted value after "{key}" =')
            value_start = self.position + 1
            value = self._quoted()
            value_end = self.position
            self._skip_space_and_comments()
            if not self._take(";"):
                opened = self.lines.line(value_start)
                if opened == self.lines.line(value_end - 1):  # the value closes where it opens: the ; is missing
                    self.position = value_end
                    self._fail(f'expected ";" after the value of "{key}"')
                self._fail(f'expected ";" after the value of "{key}" (its value opens on line {opened}: is its '
                           "closing quote missing?)")
            text_start = _SPACE.match(self.text, value_start).end()  # past spaces the value opens with
            line, column, column_utf16 = self.lines.where(text_start)
            value = value.strip()
            yield KeyedString(key, value, self.lines.line(key_start), line, column, column_utf16,
                              verbatim=self.lines.shows(text_start, value))

    def _key(self) -> str:
        if self.text.startswith('"', self.position):
            return self._quoted()
        bare = _BARE_KEY.match(self.text, self.position)
        if bare is None:
            self._fail(f"expected a quoted key, found {self.text[self.position]!r}")
        self.position = bare.end()
        return bare.group()

    def _quoted(self) -> str:
        """The string literal at the position (its opening quote), read with its escapes."""
        opening = self.position
        out: list[str] = []
        index = opening + 1
        text = self.text
        while True:
            found = _QUOTE_OR_BACKSLASH.search(text, index)
            if found is None:
                raise InputFormatError("unterminated string literal: its closing quote is missing",
                                       path=self.path, line=self.lines.line(opening))
            stop = found.start()
            out.append(text[index:stop])
            if text[stop] == '"':
                self.position = stop + 1
                return paired_surrogates("".join(out))
            index = self._escape(stop + 1, out)

    def _escape(self, index: int, out: list[str]) -> int:
        """Read the escape after a backslash at `index - 1`; return where the text goes on."""
        unicode = _UNICODE_ESCAPE.match(self.text, index)
        if unicode:
            out.append(chr(int(unicode.group(1), 16)))
            return unicode.end()
        if self.text.startswith(("U", "u"), index):
            self.position = index - 1
            written = _AS_WRITTEN.match(self.text, index).group()
            self._fail(f'malformed \\{written[0]} escape "\\{written}"')
        octal = _OCTAL_ESCAPE.match(self.text, index)
        if octal:
            out.append(chr(int(octal.group(), 8)))
            return octal.end()
        if index < len(self.text):
            out.append(_ESCAPED.get(self.text[index], self.text[index]))
        return index + 1

    def _skip_space_and_comments(self) -> int:
        while True:
            self.position = _SPACE.match(self.text, self.position).end()
            if self.text.startswith("/*", self.position):
                end = self.text.find("*/", self.position + 2)
                if end < 0:
                    raise InputFormatError("unterminated /* comment", path=self.path,
                                           line=self.lines.line(self.position))
                self.position = end + 2
            elif self.text.startswith("//", self.position):
                end = self.text.find("\n", self.position)
                self.position = len(self.text) if end < 0 else end + 1
            else:
                return self.position

    def _take(self, character: str) -> bool:
        if self.text.startswith(character, self.position):
            self.position += 1
            return True
        return False

    def _fail(self, message: str) -> None:
        line, column, _ = self.lines.where(min(self.position, len(self.text)))
        raise InputFormatError(f"malformed .strings file: {message}", path=self.path, line=line, column=column)
