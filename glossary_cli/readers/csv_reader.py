"""CSV files of aligned segments: a header names the columns, or two columns are English, Chinese.

The header is recognised by its names, with the vocabulary `glossary import` reads table headers
with (exchange.columns): language codes (en, en-GB, zh-Hans, matched like the XML readers, so
--source-lang/--target-lang pick other columns), language names with a region or script
(`English (United States)`, `Chinese (PRC)`, 英文, 简体中文), or roles (source/target, 原文/译文,
term/translation). Other columns (status, note) are ignored. An Excel `sep=;` first line gives the
delimiter; otherwise it is a comma unless the first line has more semicolons or tabs. Location:
path:line where the record starts, and the line and column where the translation's cell starts
(the Chinese; the English of a row translated from Chinese: a header naming the Chinese column
first, or a row without a header holding the Chinese first),
which in a record spanning several lines (a quoted cell holding a line break, as Excel writes
Alt+Enter) may be a later line. A file without a header holding the Chinese first throughout is
read zh -> en without a warning; rows going against the rest of the file are warned about.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputFormatError, OtherLanguageError
from ..models import Location, SegmentPair
from ..script import HAN, has_han
from ..textio import excerpt, read_corpus_text
from .positions import at_target, leading_space, place_in
from .xml_safe import wanted_languages

# Header names that say a column's role rather than its language.
SOURCE_COLUMN_NAMES = {"source", "src", "english", "term", "source term", "source_term", "source text",
                       "source_text", "source segment", "\u539f\u6587", "\u6e90\u6587"}  # 原文, 源文
TARGET_COLUMN_NAMES = {"target", "tgt", "chinese", "translation", "target term", "target_term", "target text",
                       "target_text", "target segment", "\u8bd1\u6587", "\u8b6f\u6587"}  # 译文, 譯文
# Excel's first line naming the delimiter of the lines after it.
_EXCEL_SEPARATOR = re.compile(r"\ufeff?sep=(.)\r?$")
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Columns:
    """Which cell of a row is the source text and which the target text."""

    source: int
    target: int


def header_columns(cells: list[str], source_language: str, target_language: str,
                   preferred_target: str | None = None) -> Columns | None:
    """The columns a header row names, or None when the row is not a header (TSV and CSV alike);
    of several target columns, the one ReadOptions.preferred_target_lang ranks first."""
    from ..exchange.columns import find_columns  # the vocabulary of table headers, shared with `glossary import`

    return find_columns(cells, source_language, target_language, preferred_target=preferred_target)


def refuse_header_of_another_variant(cells: list[str], source_language: str, target_language: str,
                                     path: str, line: int) -> None:
    """OtherLanguageError when a first row that names no wanted columns is a header all the same,
    one naming the source and Chinese of another variant (`English, zh-TW` for a zh-CN glossary):
    read as data, its zh-TW text would be checked against mainland terms, header row included."""
    from ..exchange.columns import column_language, find_columns
    from ..language_tags import chinese_script

    if chinese_script(target_language) is None or find_columns(cells, source_language, "zh") is None:
        return
    named = [cell.strip() for cell in cells if chinese_script(column_language(cell) or "") is not None]
    shown = ", ".join(f"{name} ({column_language(name)})" if column_language(name) != name else name for name in named)
    raise OtherLanguageError(f"the table's Chinese is {shown or 'another variant'}, not {target_language}; "
                             "pass --target-lang to read another variant", path=path, line=line)


def tell_column_language(name: str, options) -> None:
    """Tell the reader's caller the Chinese variant the target column's header names (zh-TW, 中文（台灣）)."""
    from ..exchange.columns import column_language

    tag = column_language(name)
    if tag is not None:
        options.on_language(tag)


def target_columns(cells: list[str], target_language: str) -> list[int]:
    """Every column whose header names the target language: with zh-TW and zh-CN both there, the
    reader says which one it read (language_tags.variant_rank ranks them)."""
    from ..exchange.columns import names_language

    return [index for index, cell in enumerate(cells) if names_language(cell, target_language)]


def several_targets_warning(names: list[str], chosen: str, target_language: str, path: str, kind: str) -> str:
    return (f"{path}: several {target_language} {kind}s ({', '.join(names)}); read {chosen}; "
            "pass --target-lang to choose another")


def _no_columns_message(cells: list[str], source_language: str, target_language: str, delimiter: str) -> str:
    """Why a first row of more than two cells gives no columns: a header naming neither language
    (no Chinese in it, as memoQ's `English (United States);German;Notes`), or no header at all."""
    example = f"{source_language}{delimiter}{target_language}"
    if any(has_han(cell) for cell in cells):
        return (f"{len(cells)} columns and no header row; add a header that names the {source_language} and "
                f"{target_language} columns (e.g. {example})")
    shown = excerpt(", ".join(cell.strip() for cell in cells))
    return (f"the header ({shown}) names no {source_language} and {target_language} columns; name them by "
            f"language code ({source_language}, {target_language}), language (English (United States), "
            "Chinese (PRC), 英文, 中文) or role (source, target), or pass --source-lang/--target-lang")


def excel_separator(first_line: str) -> str | None:
    """The delimiter an Excel `sep=;` first line names, else None."""
    found = _EXCEL_SEPARATOR.match(first_line)
    return found.group(1) if found else None


def row_cells(line: str, delimiter: str) -> list[str]:
    """The cells of one row, read as the csv module reads them; none for a line holding a NUL, which
    Python 3.10's csv module refuses with an error (later versions read it) and no header holds."""
    if "\0" in line:
        return []
    return next(csv.reader([line], delimiter=delimiter), [])


def choose_delimiter(first_line: str) -> str:
    if excel_separator(first_line):
        return excel_separator(first_line)
    counts = {delimiter: first_line.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > counts[","] else ","


@dataclass(frozen=True)
class Record:
    """A CSV record: the line it starts on, its cells, and its text as the file holds it (every
    line of it, line breaks included), to find where a cell starts."""

    line: int
    cells: list[str]
    text: str


def csv_records(text: str, path: str, delimiter: str) -> Iterator[Record]:
    """Each non-blank record of the CSV text; csv problems located.

    Python's csv module reads a quote left open to the end of the file as one cell, silently: the
    rest of the file would become one term, or the last record's cells one cell. A record for which
    the reader asked for a line past the end is checked for that, whether it spans several lines
    or is the last line alone."""
    lines = _RecordLines()
    reader = csv.reader(lines.feed(text), delimiter=delimiter)
    start = 1
    while True:
        lines.record.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputFormatError(f"malformed CSV: {error}", path=path, line=reader.line_num) from None
        if lines.ran_out and _quote_left_open("".join(lines.record), delimiter):
            raise InputFormatError("malformed CSV: a quote opened on this line is never closed", path=path, line=start)
        if any(cell.strip() for cell in row):
            yield Record(start, row, "".join(lines.record))
        start = reader.line_num + 1


class _RecordLines:
    """Feeds csv.reader the physical lines (split as it splits them: LF, CRLF, lone CR), keeping
    those of the record being read, and notes whether the reader asked for one past the end: it
    does so only inside a quoted cell, as a record otherwise ends with its line."""

    def __init__(self) -> None:
        self.record: list[str] = []
        self.ran_out = False

    def feed(self, text: str) -> Iterator[str]:
        record = self.record
        for line in io.StringIO(text, newline=""):
            record.append(line)
            yield line
        self.ran_out = True


def cell_offsets(record: str, delimiter: str) -> list[int]:
    """Where the text of each cell of a record starts: after its opening quote if quoted (a quoted
    cell may hold line breaks and delimiters)."""
    offsets = []
    position = 0
    while True:
        if record.startswith('"', position):
            offsets.append(position + 1)
            position += 1
            while True:  # to the closing quote; a doubled quote is a quote inside the cell
                close = record.find('"', position)
                if close < 0:
                    return offsets
                position = close + 1
                if not record.startswith('"', position):
                    break
                position += 1
        else:
            offsets.append(position)
        delimiter_at = record.find(delimiter, position)
        if delimiter_at < 0:
            return offsets
        position = delimiter_at + 1


def _quote_left_open(record: str, delimiter: str) -> bool:
    try:
        for _ in csv.reader(io.StringIO(record, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def mostly_chinese_first(rows: Iterable[tuple[str, str]]) -> bool:
    """Whether a table without a header clearly holds the Chinese first: of its rows (first and
    second cell) that say which way they go, at least two in three have the Chinese in the first.
    A row says so with Chinese in one cell only, or, with Chinese in both (English quoting its
    Chinese original, `Guangdong Carbon Cloud (粤碳云)`), by the cell written mostly in Chinese
    characters where the other is mostly in Latin letters: a file whose every English line quotes
    a Chinese name is still a file written in Chinese. Its other rows (numbers, names) are then read
    so too."""
    chinese_first = english_first = 0
    for first, second in rows:
        first_han, second_han = has_han(first), has_han(second)
        if first_han and second_han:
            first_chinese, second_chinese = _mostly_han(first), _mostly_han(second)
            chinese_first += first_chinese and not second_chinese
            english_first += second_chinese and not first_chinese
            continue
        chinese_first += first_han and not second_han
        english_first += second_han and not first_han
    return chinese_first > 0 and chinese_first >= 2 * english_first


_LATIN_LETTER = re.compile("[A-Za-z]")


def _mostly_han(text: str) -> bool:
    """Whether a text holds more Chinese characters than Latin letters over 3 (a Chinese
    character is a word; an English word is some 4 to 5 letters): 使用 Kubernetes 部署 is Chinese,
    Heat pumps (热泵) work English."""
    return len(HAN.findall(text)) * 3 > len(_LATIN_LETTER.findall(text))


def _first_two_cells(text: str, path: str, delimiter: str) -> Iterator[tuple[str, str]]:
    """The first two cells of each record, up to a record that is not well formed (reading reports it)."""
    try:
        for record in csv_records(text, path, delimiter):
            if len(record.cells) >= 2:
                yield record.cells[0], record.cells[1]
    except InputFormatError:
        return


def read(path: str, options) -> Iterator[SegmentPair]:
    text = read_corpus_text(path, options.encoding)
    source_language, target_language = wanted_languages(options)
    first_line, newline, rest = text.partition("\n")
    delimiter = choose_delimiter(first_line)
    if excel_separator(first_line):  # kept as a blank line, so that the lines keep their numbers
        text = newline + rest
    columns: Columns | None = None
    has_header = False
    swapped = skipped = 0
    chinese_first = False  # without a header, whether most rows hold the Chinese first
    against_the_file: list[int] = []  # rows read en -> zh in a file read zh -> en
    for record in csv_records(text, path, delimiter):
        line, cells = record.line, record.cells
        if columns is None:
            columns = header_columns(cells, source_language, target_language, options.preferred_target_lang)
            if columns is not None:
                has_header = True
                tell_column_language(cells[columns.target], options)
                competing = target_columns(cells, target_language)
                if len(competing) > 1:
                    options.on_warning(several_targets_warning([cells[index].strip() for index in competing],
                                                               cells[columns.target].strip(), target_language,
                                                               path, "column"))
                continue
            refuse_header_of_another_variant(cells, source_language, target_language, path, line)
            if len(cells) != 2:
                raise InputFormatError(_no_columns_message(cells, source_language, target_language, delimiter),
                                       path=path, line=line)
            columns = Columns(0, 1)
            chinese_first = mostly_chinese_first(_first_two_cells(text, path, delimiter))
        needed = max(columns.source, columns.target) + 1
        if len(cells) < needed or (not has_header and len(cells) != 2):
            hint = "; is a quote left open?" if any("\n" in cell for cell in cells) else ""
            raise InputFormatError(f"expected {needed if has_header else 2} columns, found {len(cells)}{hint}",
                                   path=path, line=line)
        source, target = cells[columns.source].strip(), cells[columns.target].strip()
        if not source or not target:
            if options.strict:
                raise InputFormatError("a cell is empty (--strict)", path=path, line=line)
            skipped += 1
            continue
        # Translated from Chinese: a header names the Chinese column before the English one, or a row
        # without a header holds the Chinese first. The translation, where a fix goes, is the other column.
        header_from_chinese = has_header and columns.target < columns.source
        swap = not has_header and has_han(source) and not has_han(target)
        if chinese_first and not swap:  # only English alone in the first cell goes against the file
            if has_han(target) and not has_han(source):
                against_the_file.append(line)
            else:
                swap = True
        if swap:
            source, target = target, source
            swapped += 1
        translation_column = columns.source if header_from_chinese else columns.target
        location = Location(path, line)
        offsets = cell_offsets(record.text, delimiter)
        if translation_column < len(offsets):
            breaks, line_text, offset = place_in(record.text, offsets[translation_column]
                                                 + leading_space(cells[translation_column]))
            location = at_target(location, line + breaks, line_text, offset, cells[translation_column].strip())
        yield SegmentPair(source, target, location, from_chinese=header_from_chinese or swap)
    if skipped:
        options.on_warning(f"{path}: {skipped} row(s) with an empty cell skipped")
    if swapped and not chinese_first:  # a file written in Chinese throughout is read so unsaid (see tsv.py)
        options.on_warning(f"{path}: {swapped} row(s) had the Chinese text in the first column; read as zh -> en")
    if against_the_file:
        options.on_warning(f"{path}:{against_the_file[0]}: {len(against_the_file)} row(s) have the English text in "
                           "the first column, unlike the rest of the file; read as en -> zh (first one here)")
