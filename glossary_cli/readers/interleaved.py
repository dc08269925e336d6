"""Interleaved bilingual text: an English line followed by its Chinese line (the seed's layout).

A line with English and then Chinese (a bilingual title) is split where the script changes,
unless a Chinese line follows it: then it is an English sentence quoting a Chinese word, and that
Chinese line is its translation. A file written the other way round (each Chinese line followed
by its English line) is recognised and read as zh -> en: its pairs are translated from Chinese
(SegmentPair.from_chinese), located at the English line. That is said by no warning: a file is
read so only when no run of its lines goes English first (see _reads_chinese_first), so it was
written in Chinese throughout, and a warning on every run would teach -q, which hides the
warnings that matter. A file mixing both orders is read English first, and the lines out of
order are named as lines without a partner.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ..errors import InputFormatError
from ..models import Location, SegmentPair
from ..script import HAN, LATIN_WORD, has_han
from ..textio import read_corpus_text, text_lines
from .positions import at_target, leading_space
from .tsv import looks_like_table

# English words needed before the first Han character for a line to count as a bilingual title.
_MIN_TITLE_WORDS = 3
_TRAILING_LATIN = re.compile(r"[A-Za-z0-9]+$")
# A Chinese-first layout is read as such only when at least this share of the runs of alternating
# lines that show an order show Chinese first; a more mixed file is read English-first as before.
_CHINESE_FIRST_SHARE = 0.75
# ...and unless the English-first pairing fits the line lengths far better (mean deviation of the
# Chinese/English length ratio this many times smaller), as it does for an English-first file that
# merely starts with a Chinese heading and ends with an English credit line.
_LENGTH_FIT_MARGIN = 2.0
_MIN_PAIRS_FOR_LENGTH_FIT = 3


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
    if english[-1] in _OPENING or _latin_dominates(chinese):
        return None  # English quoting Chinese: `the Yue Tan Yun (粤碳云) platform`, `the green shift (绿色转型).`
    return english, chinese


_OPENING = "([{（【「『“‘\"'"


# Words of English prose that a Chinese line naming products in Latin (`在 Google Cloud 上部署`)
# does not hold; spaCy's full list would load spaCy into check for this.
_FUNCTION_WORDS = frozenset("a an and are as at be by for from in is it of on or our that the this to was we were "
                            "with you".split())


def _latin_dominates(text: str) -> bool:
    """Whether a line holding Chinese is English that names or quotes it: more Latin words, a
    function word counting twice, than Han characters (`The "dual carbon" (双碳) goals guide the
    green transformation.`, `We visited 龙岗区 and 深圳 last week.`), while Chinese naming products
    keeps its Chinese (`在 Google Cloud Platform 上部署`)."""
    words = LATIN_WORD.findall(text)
    weight = len(words) + sum(1 for word in words if word.lower() in _FUNCTION_WORDS)
    return weight > sum(1 for _ in HAN.finditer(text))


class _Kind(Enum):
    ENGLISH = "English"
    CHINESE = "Chinese"
    TITLE = "title"  # English and Chinese on one line: a pair by itself


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    kind: _Kind
    indent: str = ""  # the characters before its text, for the column check points at


@dataclass(frozen=True)
class _Problem:
    """Why a line was left without its partner, said of one line and of several."""

    one: str
    several: str


@dataclass(frozen=True)
class _Unpaired:
    number: int
    problem: _Problem


@dataclass(frozen=True)
class _Reading:
    """The file read with one language first: pairs and unpaired lines, in file order."""

    items: list[SegmentPair | _Unpaired]

    @property
    def pairs(self) -> list[SegmentPair]:
        return [item for item in self.items if isinstance(item, SegmentPair)]


def read(path: str, options) -> Iterator[SegmentPair]:
    text = read_corpus_text(path, options.encoding)
    if looks_like_table(text):  # only with --input-format text: detection reads such a file as TSV
        options.on_warning(f"{path}: most lines hold tab-separated cells; if this is a table, read it with "
                           "--input-format tsv")
    lines = _classified(text_lines(text))
    english_first = _paired(lines, path, _Kind.ENGLISH)
    reading = english_first
    if _reads_chinese_first(lines):
        chinese_first = _paired(lines, path, _Kind.CHINESE)
        if not _lengths_favour(english_first, chinese_first):
            reading = chinese_first
    unpaired: dict[_Problem, list[int]] = {}  # one warning per problem: its count and first line
    for item in reading.items:
        if isinstance(item, SegmentPair):
            yield item
        elif options.strict:
            raise InputFormatError(item.problem.one + " (--strict)", path=path, line=item.number)
        else:
            unpaired.setdefault(item.problem, []).append(item.number)
    for problem, numbers in unpaired.items():
        if len(numbers) == 1:
            options.on_warning(f"{path}:{numbers[0]}: {problem.one}; pair skipped")
        else:
            options.on_warning(f"{path}:{numbers[0]}: {len(numbers)} {problem.several}; "
                               "pairs skipped (first one here)")


def _classified(lines: list[str]) -> list[_Line]:
    """The non-blank lines with their kind, decided from the last line up: a line holding English
    then Chinese is a title unless the next line is Chinese, which then translates it."""
    content = [(number, raw.strip(), raw[:leading_space(raw)]) for number, raw in enumerate(lines, start=1)
               if raw.strip()]
    classified: list[_Line] = []
    next_kind: _Kind | None = None
    for number, text, indent in reversed(content):
        if not has_han(text):
            kind = _Kind.ENGLISH
        elif split_bilingual_line(text) is None:
            kind = _Kind.ENGLISH if _latin_dominates(text) else _Kind.CHINESE
        elif next_kind is _Kind.CHINESE:
            kind = _Kind.ENGLISH  # "Locals call the smart grid 智能电网 in daily speech."
        else:
            kind = _Kind.TITLE
        classified.append(_Line(number, text, kind, indent))
        next_kind = kind
    classified.reverse()
    return classified


def _paired(lines: list[_Line], path: str, first: _Kind) -> _Reading:
    """Each line of the `first` language paired with the line of the other language after it."""
    second = _Kind.CHINESE if first is _Kind.ENGLISH else _Kind.ENGLISH
    no_second = _Problem(f"{first.value} line has no {second.value} line after it",
                         f"{first.value} lines have no {second.value} line after them")
    no_first = _Problem(f"{second.value} line has no {first.value} line before it",
                        f"{second.value} lines have no {first.value} line before them")
    items: list[SegmentPair | _Unpaired] = []
    pending: _Line | None = None  # a line of the first language waiting for its partner
    for line in lines:
        if pending is not None and line.kind is second:
            english, chinese = (pending.text, line.text) if first is _Kind.ENGLISH else (line.text, pending.text)
            # where check points: the text to fix, the line that translates the one before it
            items.append(SegmentPair(english, chinese, at_target(Location(path, pending.number), line.number,
                                                                 line.indent + line.text, len(line.indent), line.text),
                                     from_chinese=first is _Kind.CHINESE))
            pending = None
            continue
        if pending is not None:
            items.append(_Unpaired(pending.number, no_second))
            pending = None
        if line.kind is first:
            pending = line
        elif line.kind is second:
            items.append(_Unpaired(line.number, no_first))
        else:
            english, chinese = split_bilingual_line(line.text)  # type: ignore[misc]
            items.append(SegmentPair(english, chinese, Location(path, line.number)))
    if pending is not None:
        items.append(_Unpaired(pending.number, no_second))
    return _Reading(items)


def _reads_chinese_first(lines: list[_Line]) -> bool:
    """Whether the runs of alternating English and Chinese lines mostly start with Chinese and end
    with English. A run starting and ending with the same language shows no order. (Runs split
    where a language repeats or at a title, which an English line follows, so only the file's first
    run can start with Chinese without an English-first run before it: "mostly" means "all".)"""
    chinese_first = english_first = 0
    run: list[_Kind] = []
    for kind in [line.kind for line in lines] + [_Kind.TITLE]:
        if kind is not _Kind.TITLE and (not run or run[-1] is not kind):
            run.append(kind)
            continue
        if len(run) >= 2 and run[0] is not run[-1]:
            if run[0] is _Kind.CHINESE:
                chinese_first += 1
            else:
                english_first += 1
        run = [] if kind is _Kind.TITLE else [kind]
    return chinese_first > 0 and chinese_first >= _CHINESE_FIRST_SHARE * (chinese_first + english_first)


def _lengths_favour(english_first: _Reading, chinese_first: _Reading) -> bool:
    """Whether the English-first pairs fit their lengths far better than the Chinese-first ones:
    a translation's length follows its sentence's, a neighbouring sentence's does not."""
    pairs_a, pairs_b = english_first.pairs, chinese_first.pairs
    if min(len(pairs_a), len(pairs_b)) < _MIN_PAIRS_FOR_LENGTH_FIT:
        return False
    return _LENGTH_FIT_MARGIN * _length_misfit(pairs_a) < _length_misfit(pairs_b)


def _length_misfit(pairs: list[SegmentPair]) -> float:
    """Mean deviation of log(len(Chinese) / len(English)) from its median."""
    ratios = [math.log(len(pair.target) / len(pair.source)) for pair in pairs]
    middle = statistics.median(ratios)
    return statistics.fmean(abs(ratio - middle) for ratio in ratios)
