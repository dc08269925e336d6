"""Line and column of a character offset in a whole file's text, for the text-based formats
(.strings, .properties, JSON), whose parsers work on the text as one string."""

from __future__ import annotations

import bisect
import re

from ..positions import columns

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # where textio.text_lines (and an editor) breaks lines


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def line(self, offset: int) -> int:
        """The 1-based line the character at `offset` is on."""
        return bisect.bisect_right(self.starts, offset)

    def where(self, offset: int) -> tuple[int, int, int]:
        """(line, character column, UTF-16 column), 1-based, of the character at `offset`."""
        line = self.line(offset)
        start = self.starts[line - 1]
        column, column_utf16 = columns(self.text[start:offset], offset - start)
        return line, column, column_utf16

    def shows(self, offset: int, text: str) -> bool:
        """Whether the file holds `text` as it is at `offset`, on one line."""
        return "\n" not in text and "\r" not in text and self.text.startswith(text, offset)
