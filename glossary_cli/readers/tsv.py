"""Tab-separated pairs, `en<TAB>zh` per line, with an optional header line named as a CSV header is
(en-GB, Chinese (Simplified), 英文, source; see csv_reader.header_columns). Empty columns after the
two (Excel's trailing tab) are ignored; a wider table is read from the columns its header names
(`ID<TAB>English<TAB>Chinese (Simplified)<TAB>Notes`, as Excel saves a CAT tool's table), and a row
with more cells than that header is an error. A cell in quotes with its quotes doubled, as Excel's
"Unicode text" writes one holding a quote, is read without them; a line stays one record of cells
between tabs (a cell holding a tab or a line break is the CSV reader's). A `.txt` whose lines are
mostly such rows is read here too (see looks_like_table). Location: path:line, and the column
where the translation's cell starts: the Chinese one, or the English one of a line translated from
Chinese (the Chinese first, or a header naming the Chinese column before the English one).

A file without a header that holds the Chinese first throughout is written in Chinese and read so
without a warning, as a header naming the Chinese column first is: a warning on every run would
teach -q. Lines going against the rest of the file are warned about, either way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputFormatError
from ..models import Location, SegmentPair
from ..script import has_han
from ..textio import read_corpus_text, text_lines
from .csv_reader import (Columns, header_columns, mostly_chinese_first, refuse_header_of_another_variant,
                         several_targets_warning, target_columns, tell_column_language)
from .positions import at_target, leading_space
from .xml_safe import wanted_languages


@dataclass(frozen=True)
class Cell:
    """The text of a cell, and where it starts in its line (past the opening quote of a quoted one)."""

    text: str
    offset: int


def split_cells(line: str) -> list[Cell]:
    """The tab-separated cells of a line. A cell that Excel quoted is read without its quotes: one
    wholly in quotes that holds a doubled quote, which is why Excel quotes it (it writes
    `"Save ""grid"" settings"`, never `"Save settings"`). Any other quote is text: a quoted sentence
    (`"We are concerned."`, common in corpora), `"Yes" or "No"`, a quote never closed on the line.
    (A cell Excel quoted for the tab or line break it holds is the CSV reader's, see _column_count_hint.)"""
    cells = []
    position = 0
    if '"' not in line:  # no quoted cell, as in most lines: the cells between tabs
        for text in line.split("\t"):
            cells.append(Cell(text, position))
            position += len(text) + 1
        return cells
    while True:
        closing = _closing_quote(line, position) if line.startswith('"', position) else -1
        if closing >= 0 and '""' not in line[position + 1:closing]:
            closing = -1
        if closing >= 0:
            cells.append(Cell(line[position + 1:closing].replace('""', '"'), position + 1))
            end = closing + 1
        else:
            end = line.find("\t", position)
            end = len(line) if end < 0 else end
            cells.append(Cell(line[position:end], position))
        if end == len(line):
            return cells
        position = end + 1


def _closing_quote(line: str, opening: int) -> int:
    """Where the quote that closes a quoted cell is (a quote not doubled, followed by a tab or the
    end of the line), or -1 when the cell at `opening` is not so quoted; a tab inside it is taken for
    the cell's end, as a line of text holds no tab but between cells."""
    position = opening + 1
    while True:
        quote = line.find('"', position)
        if quote < 0 or "\t" in line[position:quote]:
            return -1
        if line.startswith('""', quote):
            position = quote + 2
            continue
        return quote if quote + 1 == len(line) or line[quote + 1] == "\t" else -1


def _opens_quote(line: str) -> bool:
    """Whether a cell of the line opens a quote it does not close, as Excel writes a cell holding a
    tab or a line break."""
    return any(piece.startswith('"') and piece.count('"') % 2 for piece in line.split("\t"))


# A tab with a cell's text before it: `Open file<TAB>` (Chinese cell empty) is a row, an indented
# line of interleaved text is not.
_CELL_THEN_TAB = re.compile(r"\S\t")
_TABLE_LINES_LOOKED_AT = 50


def looks_like_table(head: str) -> bool:
    """Whether the start of a file named as interleaved text (.txt) is a tab-separated table, as
    Excel's "Unicode Text" and "Text (Tab delimited)" save one: most of its first lines are rows
    of cells. Interleaved text holds a tab on a line now and then, not on most."""
    lines = [line for line in head.splitlines()[:_TABLE_LINES_LOOKED_AT] if line.strip()]
    rows = sum(1 for line in lines if _CELL_THEN_TAB.search(line))
    return rows * 2 > len(lines)


def _header(cells: list[Cell], options, path: str) -> Columns | None:
    """The columns a first line names (warning when several name the target language), or None."""
    names = [cell.text for cell in cells]
    columns = header_columns(names, *wanted_languages(options), options.preferred_target_lang)
    if columns is None:
        refuse_header_of_another_variant(names, *wanted_languages(options), path, 1)
    else:
        tell_column_language(names[columns.target], options)
    if columns is not None and len(cells) > 2:
        competing = target_columns(names, wanted_languages(options)[1])
        if len(competing) > 1:
            options.on_warning(several_targets_warning([names[index].strip() for index in competing],
                                                       names[columns.target].strip(), wanted_languages(options)[1],
                                                       path, "column"))
    return columns


def read(path: str, options) -> Iterator[SegmentPair]:
    lines = text_lines(read_corpus_text(path, options.encoding))
    skipped: list[int] = []  # lines with an empty side, warned about once (--strict: an error)
    swapped: list[int] = []  # lines read zh -> en
    columns, width = Columns(0, 1), 2  # which cells are the pair, and how many a row may have
    from_chinese = False  # a header names the Chinese column first: the file translates from Chinese
    chinese_first: bool | None = None  # without a header, whether most lines hold the Chinese first
    against_the_file: list[int] = []  # lines read en -> zh in a file read zh -> en
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = split_cells(line)
        if number == 1 and (named := _header(cells, options, path)) is not None:
            columns, width = named, len(cells)
            from_chinese = columns.target < columns.source
            chinese_first = False  # the header says which column is which
            continue
        while len(cells) > width and not cells[-1].text.strip():  # the empty last column Excel writes
            cells.pop()
        if width > 2 and len(cells) > width:
            raise InputFormatError(f"{len(cells)} tab-separated cells, but the header (line 1) names {width} "
                                   "columns; is there a tab inside a cell?", path=path, line=number)
        if width == 2 and len(cells) != 2:
            raise InputFormatError(f"expected 2 tab-separated columns (English, Chinese), found {len(cells)}"
                                   f"{_column_count_hint(line, len(cells))}", path=path, line=number)
        # a wide table's row may end early (a tool that drops empty cells): its missing cells are empty
        english, chinese = (cells[index] if index < len(cells) else Cell("", len(line))
                            for index in (columns.source, columns.target))
        source, target = english.text.strip(), chinese.text.strip()
        if not source or not target:
            if options.strict:
                raise InputFormatError(f"empty {'English' if not source else 'Chinese'} side (--strict)",
                                       path=path, line=number)
            skipped.append(number)
            continue
        swap = width == 2 and has_han(source) and not has_han(target)
        if width == 2 and chinese_first is None:
            chinese_first = mostly_chinese_first(_first_two_cells(lines[number - 1:]))
        if chinese_first and not swap:
            # English quoting its Chinese original (`Guangdong Carbon Cloud (粤碳云)`) says nothing
            # about the line's direction: only English alone in the first cell goes against the file.
            if has_han(target) and not has_han(source):
                against_the_file.append(number)
            else:
                swap = True
        if swap:  # the English column holds the Chinese, and the Chinese column the English
            swapped.append(number)
            source, target = target, source
            english, chinese = chinese, english
        # Translated from Chinese: the Chinese comes first on the line (a swapped row, where the header
        # names the English column first or no header is) and the English, its translation, is to fix.
        pair_from_chinese = from_chinese != swap
        translation = english if pair_from_chinese else chinese
        target_offset = translation.offset + leading_space(translation.text)
        yield SegmentPair(source, target, at_target(Location(path, number), number, line, target_offset,
                                                    translation.text.strip()), from_chinese=pair_from_chinese)
    if skipped:
        options.on_warning(f"{path}:{skipped[0]}: {len(skipped)} line(s) with an empty side skipped (first one here)")
    if swapped and not chinese_first:  # a file written in Chinese throughout is read so unsaid, as a header would say
        options.on_warning(f"{path}:{swapped[0]}: {len(swapped)} line(s) have the Chinese text in the first column; "
                           "read as zh -> en (first one here)")
    if against_the_file:
        options.on_warning(f"{path}:{against_the_file[0]}: {len(against_the_file)} line(s) have the English text in "
                           "the first column, unlike the rest of the file; read as en -> zh (first one here)")


def _first_two_cells(lines: list[str]) -> Iterator[tuple[str, str]]:
    """The text of the first two cells of each line that has them."""
    for line in lines:
        if '"' not in line:  # split_cells's cells, without making them
            texts = line.split("\t", 2)
            if len(texts) >= 2:
                yield texts[0], texts[1]
            continue
        cells = split_cells(line)
        if len(cells) >= 2:
            yield cells[0].text, cells[1].text


def _column_count_hint(line: str, found: int) -> str:
    """How to read a line that is not two cells, when another reader can."""
    if _opens_quote(line):
        return ("; a quoted cell holding a tab or a line break (as Excel writes one) is read with "
                "--input-format csv")
    if found > 2:
        return ("; a table with more columns is read with --input-format csv and a header naming the English and "
                "Chinese columns")
    return ""
