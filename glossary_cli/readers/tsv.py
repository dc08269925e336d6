"""Tab-separated pairs, `en<TAB>zh` per line, with an optional header line named as a CSV header is
(en-GB, Chinese (Simplified), 英文, source; see csv_reader.header_columns). Empty columns after the
two (Excel's trailing tab) are ignored; a wider table is the CSV reader's. Location: path:line, and
the column where the Chinese cell's text starts."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputFormatError
from ..models import Location, SegmentPair
from ..script import has_han
from ..textio import read_corpus_text, text_lines
from .csv_reader import header_columns
from .positions import at_target, leading_space
from .xml_safe import wanted_languages


def is_header(cells: list[str], options) -> bool:
    """Whether a first line names the two columns rather than holding a pair."""
    return header_columns(cells, *wanted_languages(options)) is not None


def read(path: str, options) -> Iterator[SegmentPair]:
    lines = text_lines(read_corpus_text(path, options.encoding))
    skipped: list[int] = []  # lines with an empty side, warned about once (--strict: an error)
    swapped: list[int] = []  # lines read zh -> en
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        while len(cells) > 2 and not cells[-1].strip():  # the empty last column Excel writes
            cells.pop()
        if number == 1 and len(cells) == 2 and is_header(cells, options):
            continue
        if len(cells) != 2:
            hint = ("; a table with more columns is read with --input-format csv and a header naming the "
                    "English and Chinese columns") if len(cells) > 2 else ""
            raise InputFormatError(f"expected 2 tab-separated columns (English, Chinese), found {len(cells)}{hint}",
                                   path=path, line=number)
        source, target = cells[0].strip(), cells[1].strip()
        target_offset = len(cells[0]) + 1 + leading_space(cells[1])
        if not source or not target:
            if options.strict:
                raise InputFormatError(f"empty {'English' if not source else 'Chinese'} side (--strict)",
                                       path=path, line=number)
            skipped.append(number)
            continue
        if has_han(source) and not has_han(target):
            swapped.append(number)
            source, target = target, source
            target_offset = leading_space(cells[0])
        yield SegmentPair(source, target, at_target(Location(path, number), number, line, target_offset))
    if skipped:
        options.on_warning(f"{path}:{skipped[0]}: {len(skipped)} line(s) with an empty side skipped (first one here)")
    if swapped:
        options.on_warning(f"{path}:{swapped[0]}: {len(swapped)} line(s) have the Chinese text in the first column; "
                           "read as zh -> en (first one here)")
