"""Where a translation's text starts in its file, for the locations `check` reports (see Location).

Columns are 1-based and counted twice: in characters (code points, as terminals and the GitHub
annotation show them) and in UTF-16 code units (SARIF's default, and what editors such as VS Code
count), which differ by one for each character beyond U+FFFF (𠀀, 😀) before the text.
"""

from __future__ import annotations

import re
from ..models import Location

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as the readers split lines (io newline="")


def columns(line_text: str, offset: int) -> tuple[int, int]:
    """(character column, UTF-16 column), 1-based, of the character at `offset` in a line."""
    astral = len(_ASTRAL.findall(line_text, 0, offset))
    return offset + 1, offset + 1 + astral


def at_target(location: Location, line: int, line_text: str, offset: int, text: str | None = None) -> Location:
    """The location with its translation starting at `offset` of `line` (whose text is `line_text`);
    given the translation's `text`, whether it stands there as it is (Location.target_verbatim)."""
    column, column_utf16 = columns(line_text, offset)
    verbatim = text is not None and line_text.startswith(text, offset)
    return Location(location.path, location.line, location.unit, line, column, column_utf16,  # not replace(): slow
                    verbatim)


def leading_space(text: str) -> int:
    """How many characters of `text` come before its first non-space (its text, once stripped)."""
    return len(text) - len(text.lstrip())


def place_in(text: str, offset: int) -> tuple[int, str, int]:
    """Where `offset` of a text spanning several lines (a CSV record with a quoted line break) is:
    (how many line breaks come before it, the line holding it, its offset in that line)."""
    breaks = list(_LINE_BREAK.finditer(text, 0, offset))
    start = breaks[-1].end() if breaks else 0
    end = _LINE_BREAK.search(text, start)
    return len(breaks), text[start:end.start() if end else len(text)], offset - start
