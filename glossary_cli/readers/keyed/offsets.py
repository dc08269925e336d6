"""Line and column of a character offset in a whole file's text, for the text-based formats
(.strings, .properties, JSON), whose parsers work on the text as one string.

Each lookup takes time in the logarithm of the file's size, not in the length of the line before
the offset: a minified JSON file is one line of megabytes, with a string to locate every few
dozen characters of it."""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # where textio.text_lines (and an editor) breaks lines
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        self.astral = [match.start() for match in _ASTRAL.finditer(text)]

    def line(self, offset: int) -> int:
        """The 1-based line the character at `offset` is on."""
        return bisect.bisect_right(self.starts, offset)

    def where(self, offset: int) -> tuple[int, int, int]:
        """(line, character column, UTF-16 column), 1-based, of the character at `offset`."""
        line = self.line(offset)
        start = self.starts[line - 1]
        astral = bisect.bisect_left(self.astral, offset) - bisect.bisect_left(self.astral, start)
        return line, offset - start + 1, offset - start + 1 + astral

    def shows(self, offset: int, text: str) -> bool:
        """Whether the file holds `text` as it is at `offset`, on one line."""
        return "\n" not in text and "\r" not in text and self.text.startswith(text, offset)
