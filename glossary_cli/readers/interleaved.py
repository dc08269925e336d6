"""Interleaved bilingual text: an English line followed by its Chinese line (the seed's layout).

A line with English and then Chinese (a bilingual title) is split where the script changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputFormatError
from ..models import Location, SegmentPair
from ..script import HAN, LATIN_WORD, has_han
from ..textio import read_corpus_text, text_lines

# English words needed before the first Han character for a line to count as a bilingual title.
_MIN_TITLE_WORDS = 3
_TRAILING_LATIN = re.compile(r"[A-Za-z0-9]+$")


def split_bilingual_line(line: str) -> tuple[str, str] | None:
    """('English part', 'Chinese part') for a line that holds both, else None."""
    first_han = HAN.search(line)
    if first_han is None:
        return None
    head = line[: first_han.start()]
    if len(LATIN_WORD.findall(head)) < _MIN_TITLE_WORDS:
        return None
    split_at = first_han.start()
    attached = _TRAILING_LATIN.search(head)  # "…transition AI赋能" keeps "AI" with the Chinese
    if attached:
        split_at = attached.start()
    english, chinese = line[:split_at].strip(), line[split_at:].strip()
    if not english or not chinese or len(LATIN_WORD.findall(english)) < _MIN_TITLE_WORDS:
        return None
    return english, chinese


def read(path: str, options) -> Iterator[SegmentPair]:
    lines = text_lines(read_corpus_text(path, options.encoding))
    pending: tuple[int, str] | None = None  # an English line waiting for its Chinese partner

    def unpaired(line_number: int, what: str) -> None:
        message = f"{path}:{line_number}: {what}; pair skipped"
        if options.strict:
            raise InputFormatError(what + " (--strict)", path=path, line=line_number)
        options.on_warning(message)

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if has_han(line):
            bilingual = split_bilingual_line(line)
            if bilingual is not None:
                if pending is not None:
                    unpaired(pending[0], "English line has no Chinese line after it")
                    pending = None
                yield SegmentPair(bilingual[0], bilingual[1], Location(path, number))
            elif pending is not None:
                yield SegmentPair(pending[1], line, Location(path, pending[0]))
                pending = None
            else:
                unpaired(number, "Chinese line has no English line before it")
        else:
            if pending is not None:
                unpaired(pending[0], "English line has no Chinese line after it")
            pending = (number, line)
    if pending is not None:
        unpaired(pending[0], "English line has no Chinese line after it")
