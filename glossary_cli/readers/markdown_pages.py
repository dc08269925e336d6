"""An English Markdown page and its Chinese translation, paired block by block; or two directories
of pages (`docs/en` and `docs/zh`), paired by relative path as resource directories pair by name.

The blocks of the two pages (see markdown.py) are paired in order where their kinds agree: the
front matter by key, then the body section by section, a section being a heading and the blocks
up to the next one. A translator keeps a page's headings, so two pages with the same headings
(levels, in order) have corresponding sections; within a section whose blocks are of the same
kinds in the same order, the Nth block translates the Nth, unless the words of the blocks say that
two differences cancel out (a paragraph split and another added: see _shifted). Where they differ (a
translator's note added, two paragraphs joined, a list item dropped, English edited before Chinese
caught up), pairing in order would compare each English block with its neighbour's translation: the
section's blocks are aligned by their words instead (_aligned, _realigned), the blocks with no
counterpart and those whose pairing is in doubt are left out, and one warning per page names the
first at its line in the Chinese page (`--strict`: an error). Pages whose headings differ are left
out whole, since no section can be matched then. Reflowing a paragraph's lines (one line per
sentence, one per paragraph) changes nothing: a paragraph is one block however it is wrapped.

A page only one directory has, or a Chinese page with no Chinese in it (an English copy awaiting
translation), is not yet translated: one warning per kind, not an error. Pages written in Chinese
(a mostly Chinese --source, the original) are read zh -> en without a warning, as line-aligned
files are.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputFormatError, UsageError
from ..models import Location, SegmentPair
from ..script import has_han
from ..textio import MAX_SEGMENT_CHARS
from .discover import claim_nested, not_regular_message, regular_file, walk_one_side, warn_one_sided
from .markdown import (MARKDOWN_EXTENSIONS, TRANSLATED_FRONT_MATTER, Page, TextBlock, is_markdown,  # noqa: F401
                       joined, read_page)
from .positions import at_target

_SIDES = "--source takes the English page (docs/en/x.md) or pages (docs/en), --target their Chinese translation"


@dataclass(frozen=True)
class _PagePair:
    english: Page
    chinese: Page


def read(source_path: str, target_path: str, options) -> Iterator[SegmentPair]:
    """The pairs of two pages, located in the Chinese one."""
    from .keyed.pairing import refuse_the_same

    refuse_the_same(source_path, target_path, "page", _SIDES)
    _refuse_other_formats(source_path, target_path)
    pair = _PagePair(read_page(source_path, options.encoding), read_page(target_path, options.encoding))
    yield from _pairs([pair], source_path, target_path, options)


def _refuse_other_formats(source_path: str, target_path: str) -> None:
    """A page pairs block by block with a page only: beside a TSV or a PO file its one paragraph
    of tab-separated text matched no heading, and the run ended in a bare "no segment pairs"."""
    for option, path, other_option, other in (("--source", source_path, "--target", target_path),
                                              ("--target", target_path, "--source", source_path)):
        if not is_markdown(path):
            extension = os.path.splitext(path)[1]
            what = "a directory" if os.path.isdir(path) else f"a {extension} file" if extension else "a file"
            raise UsageError(f"{other_option} {other} is a Markdown page but {option} {path} is {what}, not one: a "
                             f"page pairs block by block with its translated page ({', '.join(MARKDOWN_EXTENSIONS)}); "
                             "give two pages, or two directories of pages (--source docs/en --target docs/zh)")


def holds_pages(directory: str) -> bool:
    return next(iter(_pages(directory)), None) is not None


def read_directories(source_path: str, target_path: str, options) -> Iterator[SegmentPair]:
    """The pairs of the pages of the same relative path under two directories."""
    english = _pages(source_path, options.on_warning, other_side=target_path)
    chinese = _pages(target_path, options.on_warning, other_side=source_path)
    english, chinese = claim_nested(source_path, target_path, english, chinese)
    chinese, english = claim_nested(target_path, source_path, chinese, english)
    english_only = [name for name in english if name not in chinese]
    chinese_only = [name for name in chinese if name not in english]
    pairs = [_PagePair(read_page(os.path.join(source_path, name), options.encoding),
                       read_page(os.path.join(target_path, name), options.encoding))
             for name in english if name in chinese]
    warn_one_sided(options.on_warning, source_path, target_path, english_only, chinese_only, "page")
    yield from _pairs(pairs, source_path, target_path, options)


def _pages(directory: str, on_warning=None, other_side: str | None = None) -> list[str]:
    """The Markdown pages under a directory by relative name, sorted; hidden entries skipped, the
    other side's directory too where it lies inside this one (docs and docs/en), and, as in every
    directory walk, symbolic links, pipes and devices, which a warning names."""
    found: list[str] = []
    left_out: list[str] = []
    for root, _, files in walk_one_side(directory, other_side):
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.startswith(".") or not is_markdown(name):
                continue
            if regular_file(path):
                found.append(os.path.relpath(path, directory))
            else:
                left_out.append(path)
    if left_out and on_warning is not None:
        on_warning(f"{directory}: {not_regular_message(left_out)}")
    return found


def _pages_said(names: list[str]) -> str:
    return f"{len(names)} page{'s' if len(names) != 1 else ''}"


def _pairs(pairs: list[_PagePair], source_path: str, target_path: str, options) -> Iterator[SegmentPair]:
    """The pairs of every page pair, the sides read the right way round (decided once, for all)."""
    from .parallel import mostly_chinese

    english_texts = [text for pair in pairs for text in pair.english.texts]
    chinese_texts = [text for pair in pairs for text in pair.chinese.texts]
    if english_texts and chinese_texts and mostly_chinese(english_texts) and mostly_chinese(chinese_texts):
        raise UsageError(f"--source {source_path} and --target {target_path} are both mostly Chinese; {_SIDES}")
    # Read swapped, as line-aligned files are: pages translated from Chinese, checked at the English (GL005).
    from_chinese = mostly_chinese(english_texts) and not mostly_chinese(chinese_texts) and any(map(has_han, english_texts))
    if from_chinese:  # --source is the original, as documented: nothing to warn of
        pairs = [_PagePair(pair.chinese, pair.english) for pair in pairs]
    untranslated = [pair.chinese.path for pair in pairs if not pair.chinese.has_chinese]
    if untranslated:
        options.on_warning(f"{untranslated[0] if len(untranslated) == 1 else target_path}: "
                           + (f"{_pages_said(untranslated)} with " if len(untranslated) > 1 else "")
                           + "no Chinese in it (not yet translated?), not read"
                           + (f" (first: {untranslated[0]})" if len(untranslated) > 1 else ""))
    for pair in pairs:
        if pair.chinese.has_chinese:
            yield from _paired(pair, options, from_chinese)


@dataclass(frozen=True)
class _Unpaired:
    """Blocks left unpaired, said of a line of the Chinese page: `what` they are and why."""

    line: int
    what: str


def _paired(pair: _PagePair, options, from_chinese: bool = False) -> Iterator[SegmentPair]:
    english, chinese = pair.english, pair.chinese
    for page in (english, chinese):
        for note in page.notes:
            options.on_warning(f"{page.path}:{note.line}: {note.message}")
    one_side_empty: list[tuple[TextBlock, TextBlock]] = []
    matched = sorted(((english.front_matter[key], chinese.front_matter[key]) for key in TRANSLATED_FRONT_MATTER
                      if key in english.front_matter and key in chinese.front_matter),
                     key=lambda pair: pair[0].line)  # in the English page's order
    english_sections, chinese_sections = _sections(english.blocks), _sections(chinese.blocks)
    headings = _headings_differ([section[0] for section in english_sections[1:]],
                                [section[0] for section in chinese_sections[1:]], english.path)
    if headings is not None:
        _tell_unpaired([headings], chinese.path, options, whole_page=True)
    else:
        unpaired: list[_Unpaired] = []
        evidence = _Evidence()
        for english_section, chinese_section in zip(english_sections, chinese_sections):
            pairs, left_out = _section_pairs(english_section, chinese_section, evidence, english.path)
            matched.extend(pairs)
            unpaired.extend(left_out)
        unpaired.sort(key=lambda each: each.line)
        if unpaired:
            _tell_unpaired(unpaired, chinese.path, options, whole_page=False)
    for english_block, chinese_block in matched:
        length = max(len(english_block.text), len(chinese_block.text))
        if length > MAX_SEGMENT_CHARS:  # an inline SVG, a data: URI: no sentence, and no reason to stop every page
            options.on_warning(f"{chinese.path}:{chinese_block.line}: a block of {length:,} characters, more than a "
                               f"segment holds ({MAX_SEGMENT_CHARS:,}); not read")
            continue
        if english_block.text and chinese_block.text:
            page, block = (english, english_block) if from_chinese else (chinese, chinese_block)  # the side to fix
            location = at_target(Location(page.path, block.line), block.text_line, block.line_text, block.offset,
                                 block.text)
            yield SegmentPair(english_block.text, chinese_block.text, location, from_chinese=from_chinese)
        elif (english_block.text or chinese_block.text) and english_block.kind != "admonition":
            one_side_empty.append((english_block, chinese_block))  # an admonition's title may be left to its default
    if one_side_empty:
        english_block, chinese_block = one_side_empty[0]
        if options.strict:
            side, block, path = (("Chinese", chinese_block, chinese.path) if english_block.text
                                 else ("English", english_block, english.path))
            raise InputFormatError(f"the {side} {block.kind} is empty (--strict)", path=path, line=block.line)
        options.on_warning(f"{chinese.path}:{chinese_block.line}: {len(one_side_empty)} block(s) with one side "
                           "empty skipped (first one here)")


def _section_pairs(english: list[TextBlock], chinese: list[TextBlock], evidence: _Evidence,
                   english_path: str) -> tuple[list[tuple[TextBlock, TextBlock]], list[_Unpaired]]:
    """A section's blocks paired, and what it leaves out."""
    if [block.kind for block in english] == [block.kind for block in chinese]:
        pairs, unpaired = list(zip(english, chinese)), []
    else:
        alignment = _aligned(english, chinese, evidence, english_path)
        pairs, unpaired = alignment.pairs, alignment.unpaired()
    # two differences that cancel out leave blocks in order beside a neighbour's translation
    shifted = _shifted([pair[0] for pair in pairs], [pair[1] for pair in pairs], evidence)
    if not shifted and not unpaired:
        return pairs, []
    unpaired.extend(_Unpaired(pairs[index][1].line, _shift_said(pairs[index][0], english_path))
                    for index in sorted(shifted))
    pairs = [pair for index, pair in enumerate(pairs) if index not in shifted]
    realigned = _realigned(english, chinese, evidence, english_path)
    if len(realigned.pairs) > len(pairs):
        return realigned.pairs, realigned.unpaired()
    return pairs, unpaired


def _sections(blocks: tuple[TextBlock, ...]) -> list[list[TextBlock]]:
    """The blocks split before each heading that is not inside a list or a quote; the first
    section holds the blocks before the first heading, and is empty when there are none."""
    sections: list[list[TextBlock]] = [[]]
    for block in blocks:
        if block.starts_section:
            sections.append([])
        sections[-1].append(block)
    return sections


def _headings_differ(english: list[TextBlock], chinese: list[TextBlock], english_path: str) -> _Unpaired | None:
    """The first place where the two pages' headings differ in level or in number, or None."""
    for index in range(max(len(english), len(chinese))):
        counts = f" ({_blocks_said(len(chinese))} here, {len(english)} in English)"
        if index >= len(english):
            return _Unpaired(chinese[index].line, f"{_a(chinese[index].kind)} with no counterpart in "
                                                  f"{english_path}{counts}")
        if index >= len(chinese):
            line = chinese[-1].line if chinese else 1
            return _Unpaired(line, f"no counterpart here for the {english[index].kind} at "
                                   f"{english_path}:{english[index].line}{counts}")
        if english[index].kind != chinese[index].kind:
            return _Unpaired(chinese[index].line, f"{_a(chinese[index].kind)} here, where "
                                                  f"{english_path}:{english[index].line} has {_a(english[index].kind)}")
    return None


def _blocks_said(count: int) -> str:
    return f"{count} block{'s' if count != 1 else ''}"


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _tell_unpaired(unpaired: list[_Unpaired], chinese_path: str, options, *, whole_page: bool) -> None:
    """One warning for a page (--strict: an error), at the first of its unpaired blocks."""
    first = unpaired[0]
    if options.strict:
        raise InputFormatError(f"{first.what}; the pages' blocks differ here (--strict)",
                               path=chinese_path, line=first.line)
    if whole_page:
        options.on_warning(f"{chinese_path}:{first.line}: {first.what}: the pages' blocks differ from here (a block "
                           "added, removed, split or joined), its headings differ from the English page's, so the "
                           "page is left unpaired")
        return
    more = unpaired[1:]
    nor = (f", nor {len(more)} more place{'s' if len(more) != 1 else ''} of the page (the next at line "
           f"{more[0].line})") if more else ""
    options.on_warning(f"{chinese_path}:{first.line}: {first.what}: not read{nor}; the page's other blocks are paired")


# ------------------------------------------------------------------ blocks paired in order
#
# Blocks of the same kinds in the same order pair one to one, unless two differences cancel out: a
# paragraph split in translation and another added further on, a note added and a paragraph
# dropped. The blocks between them would then each pair with a neighbour's translation, and check
# would report terms "missing" from text that never translated them. So a section's pairs in order
# (all of its blocks, or those the alignment below paired) are verified by the evidence of their
# words (_Evidence), and left out, each named at its line, where
# - the best pairing that may leave blocks out (_GAP_COST each) and pair a block with a neighbour's
#   translation (_SHIFT_REACH away) has _SHIFT_MARGIN more evidence: the pairs it does not make;
# - a pair shares no word at all while one of its blocks shares _SHIFT_EVIDENCE with the partner of
#   a neighbour: one shifted block is too little evidence for the first rule.
# A pair sharing no word among pairs that share theirs is a free translation, and is read.
# Measured on the seed article and TICO-19 sections of 5 and 6 paragraphs, each changed by a
# paragraph split or added on one side and another added, dropped or joined on either (the block
# counts match): wrong pairs fell from 56 to 5 in the seed (of 132 blocks) and from 1,485 to 187 in
# TICO-19 (of 4,300), many of the rest an English paragraph replaced by another, which no
# neighbour tells; unchanged sections lost 0 of 30 pairs in the seed and 7 of 1,800 in TICO-19
# (near-identical short sentences: "it is in my chest", "it is in the center of my chest").

_GAP_COST = 0.15  # of the evidence one pair can give, 0 to 1
_SHIFT_MARGIN = 0.1
_SHIFT_REACH = 1  # 2 found no more on the data above, for 5 blocks' evidence each instead of 3
_SHIFT_EVIDENCE = 0.3


def _shifted(english: list[TextBlock], chinese: list[TextBlock], evidence: _Evidence) -> set[int]:
    """The indexes of a section's pairs in order whose words say they have shifted (see above):
    those a pairing allowing blocks to be left out, with clearly more evidence, does not make, and
    those sharing no word while a neighbour's partner shares words with them."""
    count = len(english)
    if count < 2 or sum(1 for block in english if block.text) < 2:
        return set()
    if not any(english[i].kind == chinese[j].kind and english[i].text and chinese[j].text
               for i in range(count) for j in (i - 1, i + 1) if 0 <= j < count):
        return set()  # no block can pair with a neighbour's translation: the kinds settle it, no dictionary loaded
    scores: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        if (i, j) not in scores:
            scores[i, j] = evidence(english[i].text, chinese[j].text) \
                if english[i].text and chinese[j].text and english[i].kind == chinese[j].kind else _NONE
        return scores[i, j]

    # a pair sharing no word, beside a neighbour's translation that shares words with one of its blocks
    unshared = {i for i in range(count) if english[i].text and chinese[i].text
                and score(i, i) == 0.0
                and any(max(score(i, other), score(other, i)) >= _SHIFT_EVIDENCE
                        for other in (i - 1, i + 1) if 0 <= other < count)}
    in_order = sum(max(score(i, i), 0.0) for i in range(count))
    if all(score(i, i) >= _SHIFT_EVIDENCE for i in range(count) if english[i].text and chinese[i].text):
        return unshared  # every pair translates its partner well: nothing to shift (and 3 times the work saved)
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {(0, 0): (0.0, None)}
    for i in range(count + 1):
        for j in range(max(0, i - _SHIFT_REACH), min(count, i + _SHIFT_REACH) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            if i and j and (i - 1, j - 1) in best and score(i - 1, j - 1) > _NONE:
                options.append((best[i - 1, j - 1][0] + score(i - 1, j - 1), (i - 1, j - 1)))
            if i and (i - 1, j) in best:
                options.append((best[i - 1, j][0] - _GAP_COST, (i - 1, j)))
            if j and (i, j - 1) in best:
                options.append((best[i, j - 1][0] - _GAP_COST, (i, j - 1)))
            if options:
                best[i, j] = max(options)
    if best[count, count][0] - in_order < _SHIFT_MARGIN:
        return unshared
    made: set[tuple[int, int]] = set()
    here = (count, count)
    while best[here][1] is not None:
        before = best[here][1]
        if before == (here[0] - 1, here[1] - 1):
            made.add(before)
        here = before
    return unshared | {i for i in range(count) if (i, i) not in made and english[i].text and chinese[i].text}


def _shift_said(english_block: TextBlock, english_path: str) -> str:
    return (f"{_a(english_block.kind)} here and the {english_block.kind} at {english_path}:{english_block.line} pair "
            "in order, but their words and their neighbours' say the blocks have shifted (a block added, removed, "
            "split or joined)")


# ------------------------------------------------------------------ a section whose blocks differ
#
# A translator adds a note, drops a paragraph, joins two: the section's blocks are then aligned as a
# sentence aligner aligns sentences. Of the pairings that pair the most blocks of the same kind (a
# longest common subsequence of the kinds), the one whose pairs best translate each other is taken,
# by the evidence of their words (see _Evidence). A pair is read only when every pairing without it
# has less evidence by _SURE_MARGIN: a paragraph added among paragraphs is told by its words, and
# where they cannot tell (short blocks without a dictionary word, a block split in two) the blocks
# in doubt are left out, never paired with a neighbour's translation.

_SURE_MARGIN = 0.25  # of the evidence one pair can give, 0 to 1
# A Chinese block beside a paired one is the rest of its translation (a paragraph split in two) when
# the English block's evidence grows by _SPLIT_GAIN read with both; an English block beside a paired
# one was joined with it in translation when the Chinese block holds _JOINED_EVIDENCE of it, and no
# less than of its partner. Measured on the seed article and TICO-19 sections: a paragraph cut at a
# sentence gains 0.07 to 0.68 (median 0.35), a translator's note 0.08 at most; a paragraph joined
# with its neighbour holds 0.5 to 2.2 times its neighbour's evidence, an unrelated one under 0.36 in
# nine cases of ten, so joins are taken only when sure: a join not taken still reads the pair.
_SPLIT_GAIN = 0.1
_JOINED_EVIDENCE, _JOINED_SHARE = 0.3, 1.0
_MAX_ALIGNED = 1_000_000  # English blocks times Chinese blocks of a section: more is left out (it takes seconds)
_NONE = float("-inf")  # the evidence of no pairing


@dataclass(frozen=True)
class _Alignment:
    english_path: str
    pairs: list[tuple[TextBlock, TextBlock]]  # read, in order
    english_only: list[tuple[TextBlock, int]]  # no Chinese block translates these; where it would be, in Chinese
    chinese_only: list[TextBlock]  # these translate no English block
    in_doubt: list[tuple[TextBlock, TextBlock]]  # paired best, but another pairing is nearly as good: not read
    located: bool  # each block without a counterpart is beyond doubt that block

    def unpaired(self) -> list[_Unpaired]:
        """What the section leaves out, in the Chinese page's order."""
        if self.located:
            found = [_Unpaired(block.line, f"{_a(block.kind)} with no counterpart in {self.english_path} (a "
                                           "block added in translation)") for block in self.chinese_only]
            found += [_Unpaired(line, f"no counterpart here for the {block.kind} at {self.english_path}:"
                                      f"{block.line} (a block left out in translation)")
                      for block, line in self.english_only]
            return sorted(found, key=lambda unpaired: unpaired.line)
        chinese = sorted({block.line for block in self.chinese_only} | {block.line for _, block in self.in_doubt})
        english = sorted({block.line for block, _ in self.english_only} | {block.line for block, _ in self.in_doubt})
        line = chinese[0] if chinese else min(line for _, line in self.english_only)
        here = f"{_blocks_said(len(chinese))} here ({_lines_said(chinese)})" if chinese else "no block here"
        there = f"{len(english)} in {self.english_path} ({_lines_said(english)})" if english else \
            f"none in {self.english_path}"
        return [_Unpaired(line, f"{here} and {there} cannot be paired one to one beyond doubt (a block added, "
                                "removed, split or joined)")]


def _lines_said(lines: list[int]) -> str:
    if len(lines) == 1:
        return f"line {lines[0]}"
    return f"lines {', '.join(map(str, lines[:-1]))} and {lines[-1]}" if len(lines) <= 4 else \
        f"lines {lines[0]} to {lines[-1]}"


def _aligned(english: list[TextBlock], chinese: list[TextBlock], evidence: _Evidence, english_path: str) -> _Alignment:
    """The section's blocks paired where their kinds and their words say so beyond doubt."""
    rows, columns = len(english), len(chinese)
    if rows * columns > _MAX_ALIGNED:
        return _Alignment(english_path, [], [(block, chinese[0].line if chinese else 1) for block in english],
                          list(chinese), [], False)
    same = [[english_block.kind == chinese_block.kind for chinese_block in chinese] for english_block in english]
    before = _most_pairs(same, columns)  # before[i][j]: the most pairs english[:i] and chinese[:j] make
    after = _reversed(_most_pairs(_reversed(same), columns))  # after[i][j]: of english[i:] and chinese[j:]
    most = before[rows][columns]
    score = {(i, j): evidence(english[i].text, chinese[j].text) for i in range(rows) for j in range(columns)
             if same[i][j] and before[i][j] + 1 + after[i + 1][j + 1] == most}
    forward = _best_evidence(score, before)
    backward = _reversed(_best_evidence({(rows - 1 - i, columns - 1 - j): value for (i, j), value in score.items()},
                                        _reversed(after)))
    best = forward[rows][columns]

    def through(i: int, j: int) -> float:
        """The most evidence of a pairing (of the most pairs) that pairs english[i] with chinese[j]."""
        return forward[i][j] + score[i, j] + backward[i + 1][j + 1] if (i, j) in score else _NONE

    def without_english(i: int) -> float:
        """The most evidence of a pairing that leaves english[i] unpaired."""
        return max((forward[i][j] + backward[i + 1][j] for j in range(columns + 1)
                    if before[i][j] + after[i + 1][j] == most), default=_NONE)

    def without_chinese(j: int) -> float:
        """The most evidence of a pairing that leaves chinese[j] unpaired."""
        return max((forward[i][j] + backward[i][j + 1] for i in range(rows + 1)
                    if before[i][j] + after[i][j + 1] == most), default=_NONE)

    floor = best - _SURE_MARGIN  # a pairing with this much evidence or more is as likely as the best

    def beyond_doubt(alternatives) -> bool:
        return max(alternatives, default=_NONE) < floor

    path = _best_path(score, forward, before)
    partner_of_english, partner_of_chinese = dict(path), {j: i for i, j in path}
    # what else each paired block may pair with (None: nothing), as likely as its partner
    rivals_of_english = {i: {other for other in range(columns) if other != j and through(i, other) >= floor}
                         | ({None} if without_english(i) >= floor else set()) for i, j in path}
    rivals_of_chinese = {j: {other for other in range(rows) if other != i and through(other, j) >= floor}
                         | ({None} if without_chinese(j) >= floor else set()) for i, j in path}
    english_only = [i for i in range(rows) if i not in partner_of_english]
    chinese_only = [j for j in range(columns) if j not in partner_of_chinese]
    read = _splits_and_joins(english, chinese, evidence, path, rivals_of_english, rivals_of_chinese, english_only,
                             chinese_only, rivals_allowed=set())
    in_doubt = []
    for i, j in path:
        if (i, j) not in read:
            if rivals_of_english[i]:
                in_doubt.append((english[i], chinese[j]))
            else:
                read[i, j] = (english[i], chinese[j])
    located = not in_doubt \
        and all(beyond_doubt(through(i, j) for j in range(columns)) for i in english_only) \
        and all(beyond_doubt(through(i, j) for i in range(rows)) for j in chinese_only)
    return _Alignment(english_path, [read[i, j] for i, j in path if (i, j) in read],
                      [(english[i], _gap(i, path, chinese)) for i in english_only],
                      [chinese[j] for j in chinese_only], in_doubt, located)


# When the blocks of a section both pages hold pair in order only with a neighbour's translation (a
# paragraph added to the English and another dropped before the translation caught up: the counts
# match, and _shifted leaves every block between them out) or _aligned, held to the most pairs of
# the same kind, is in doubt (the translation lacks a paragraph whose neighbour shares no word with
# it), the section is aligned again as a sentence aligner aligns sentences (bleualign, Gale-Church):
# by the evidence of the words and the lengths (_LengthRatio), in order, any block free to be left
# out at _GAP_COST, within _REALIGN_REACH blocks of the diagonal. Its pairs are read when it reads more than the pairing in
# order does, each beyond doubt by _SURE_MARGIN as in _aligned. Measured on the seed article as one
# page (20 edits each) and 150 TICO-19 pages of 6 to 30 paragraphs: right pairs read of those
# possible, and wrong pairs read, before and after:
#   edit                         seed before   seed after    TICO before       TICO after
#   none                         640/640, 0    640/640, 0    2,610/2,613, 0    2,613/2,613, 0
#   a paragraph added            639/640, 0    640/640, 0    2,634/2,643, 0    2,640/2,643, 0
#   a paragraph removed          615/620, 0    619/620, 0    2,512/2,529, 1    2,520/2,529, 1
#   one added, one removed       437/620, 0    618/620, 1    2,102/2,533, 16   2,520/2,533, 12
#   one split, one added         507/640, 1    638/640, 1    2,324/2,731, 9    2,722/2,731, 12
# Most wrong pairs left are an English paragraph added where a Chinese one was dropped: a pair in
# order that no neighbour tells from a translation (the seed's one is a paragraph added twice).
_REALIGN_REACH = 3  # blocks beyond the difference in the sections' block counts
# Blocks compared at most in a section (a 2,000-item list with an item added and one dropped: 14,000,
# 4 s); a larger section whose blocks differ is left out, as _aligned leaves it.
_MAX_REALIGNED = 50_000


def _realigned(english: list[TextBlock], chinese: list[TextBlock], evidence: _Evidence,
               english_path: str) -> _Alignment:
    """The section's blocks paired by their words and lengths, any block free to be left out (at
    _GAP_COST): the pairing of most evidence, each pair read only when every pairing without it
    has less evidence by _SURE_MARGIN."""
    rows, columns = len(english), len(chinese)
    reach = abs(rows - columns) + _REALIGN_REACH  # a band around the diagonal: a page's blocks keep their order

    def band(i: int) -> range:
        """The Chinese blocks english[i] may pair with (and, to columns, the states of the pairing)."""
        return range(max(0, i - reach), min(columns, i + reach) + 1)

    if (rows + 1) * (2 * reach + 1) > _MAX_REALIGNED:
        return _Alignment(english_path, [], [(block, chinese[0].line if chinese else 1) for block in english],
                          list(chinese), [], False)
    lengths = _LengthRatio([(block.text, other.text) for block, other in zip(english, chinese)])
    score = {(i, j): evidence(english[i].text, chinese[j].text) + lengths.agreement(english[i].text, chinese[j].text)
             for i in range(rows) for j in band(i)
             if j < columns and english[i].kind == chinese[j].kind and english[i].text and chinese[j].text}
    forward = _best_with_gaps(score, rows, columns, band)

    def band_from_end(i: int) -> range:
        """band() of the pairing read from the last blocks: english[rows - i] from the end."""
        states = band(rows - i)
        return range(columns - states[-1], columns - states[0] + 1) if states else states

    from_end = _best_with_gaps({(rows - 1 - i, columns - 1 - j): value for (i, j), value in score.items()},
                               rows, columns, band_from_end)

    def backward(i: int, j: int) -> float:
        """The most evidence of a pairing of english[i:] and chinese[j:]."""
        return from_end.get((rows - i, columns - j), _NONE)

    best = forward[rows, columns]
    floor = best - _SURE_MARGIN

    def through(i: int, j: int) -> float:
        return forward.get((i, j), _NONE) + score[i, j] + backward(i + 1, j + 1) if (i, j) in score else _NONE

    def without_english(i: int) -> float:
        return max(forward.get((i, j), _NONE) - _GAP_COST + backward(i + 1, j) for j in band(i))

    def without_chinese(j: int) -> float:
        return max((forward.get((i, j), _NONE) - _GAP_COST + backward(i, j + 1)
                    for i in range(max(0, j - reach), min(rows, j + reach) + 1)), default=_NONE)

    path = _best_path_with_gaps(score, forward, rows, columns)
    rivals_of_english = {i: {other for other in band(i) if other != j and through(i, other) >= floor}
                         | ({None} if without_english(i) >= floor else set()) for i, j in path}
    rivals_of_chinese = {j: {other for other in range(max(0, j - reach), min(rows, j + reach + 1))
                             if other != i and through(other, j) >= floor}
                         | ({None} if without_chinese(j) >= floor else set()) for i, j in path}
    english_only = [i for i in range(rows) if i not in dict(path)]
    chinese_only = [j for j in range(columns) if j not in {j for _, j in path}]
    read = _splits_and_joins(english, chinese, evidence, path, rivals_of_english, rivals_of_chinese, english_only,
                             chinese_only, rivals_allowed={None})
    in_doubt = []
    for i, j in path:
        if (i, j) not in read:
            if rivals_of_english[i] or rivals_of_chinese[j]:
                in_doubt.append((english[i], chinese[j]))
            else:
                read[i, j] = (english[i], chinese[j])
    return _Alignment(english_path, [read[i, j] for i, j in path if (i, j) in read],
                      [(english[i], _gap(i, path, chinese)) for i in english_only],
                      [chinese[j] for j in chinese_only], in_doubt, not in_doubt)


# A translation's length follows its original's (Gale and Church 1993): on the seed article and
# TICO-19, an English paragraph has some 2 to 3.5 times the characters of its Chinese. The ratio is
# the section's own (the median of its blocks in order, shifted or not), and a pair whose ratio is
# near it gains up to _LENGTH_WEIGHT / 2 of evidence, one far from it loses as much: on the pages
# measured above (the figures include it), 9 more blocks read of 2,533 in TICO-19 with an English
# paragraph added and another dropped, and one wrong pair fewer.
_LENGTH_WEIGHT = 0.1
_LENGTH_SPREAD = 0.35  # of the natural logarithm of the ratio


class _LengthRatio:
    """How well the lengths of two blocks agree with the section's usual ratio."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        ratios = sorted(_log_ratio(english, chinese) for english, chinese in pairs if english and chinese)
        self.usual = ratios[len(ratios) // 2] if ratios else 0.0

    def agreement(self, english: str, chinese: str) -> float:
        distance = (_log_ratio(english, chinese) - self.usual) / _LENGTH_SPREAD
        return _LENGTH_WEIGHT * (math.exp(-distance * distance / 2) - 0.5)


def _log_ratio(english: str, chinese: str) -> float:
    return math.log(len(english) / len(chinese))


def _best_with_gaps(score: dict[tuple[int, int], float], rows: int, columns: int,
                    band) -> dict[tuple[int, int], float]:
    """best[i, j]: the most evidence of a pairing of the first i English and j Chinese blocks, each
    block left out costing _GAP_COST; for the j of band(i) only."""
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    for i in range(rows + 1):
        for j in band(i):
            found = best.get((i, j), _NONE)
            if i:
                found = max(found, best.get((i - 1, j), _NONE) - _GAP_COST)
            if j:
                found = max(found, best.get((i, j - 1), _NONE) - _GAP_COST)
            if i and j and (i - 1, j - 1) in score:
                found = max(found, best.get((i - 1, j - 1), _NONE) + score[i - 1, j - 1])
            best[i, j] = found
    return best


def _best_path_with_gaps(score: dict[tuple[int, int], float], best: dict[tuple[int, int], float], rows: int,
                         columns: int) -> list[tuple[int, int]]:
    """The pairs of the pairing `best` ends with, in order."""
    i, j = rows, columns
    path: list[tuple[int, int]] = []
    while i or j:
        here = best[i, j]
        if i and j and (i - 1, j - 1) in score and best.get((i - 1, j - 1), _NONE) + score[i - 1, j - 1] == here:
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif j and best.get((i, j - 1), _NONE) - _GAP_COST == here:
            j -= 1
        else:
            i -= 1
    return path[::-1]


def _splits_and_joins(english: list[TextBlock], chinese: list[TextBlock], evidence: _Evidence,
                      path: list[tuple[int, int]], rivals_of_english: dict[int, set], rivals_of_chinese: dict[int, set],
                      english_only: list[int], chinese_only: list[int],
                      *, rivals_allowed: set) -> dict[tuple[int, int], tuple[TextBlock, TextBlock]]:
    """The pairs of `path` that take in an unpaired neighbour: a paragraph split in two in
    translation pairs with both halves, two joined in one pair as one. A block taken in is removed
    from english_only or chinese_only. A pair takes in a neighbour only when its block's only rivals
    are that neighbour and `rivals_allowed`."""
    partner_of_english, partner_of_chinese = dict(path), {j: i for i, j in path}
    read: dict[tuple[int, int], tuple[TextBlock, TextBlock]] = {}
    for odd in list(chinese_only):  # a paragraph split in two: the English one pairs with both halves
        for j in (odd - 1, odd + 1):
            i = partner_of_chinese.get(j)
            if i is None or (i, j) in read or chinese[j].kind != chinese[odd].kind \
                    or not rivals_of_english[i] <= {odd} | rivals_allowed:
                continue
            both = joined(chinese[min(j, odd)], chinese[max(j, odd)])
            if evidence(english[i].text, both.text) - evidence(english[i].text, chinese[j].text) >= _SPLIT_GAIN:
                read[i, j] = (english[i], both)
                chinese_only.remove(odd)
                break
    for odd in list(english_only):  # two paragraphs joined in one: it pairs with both
        for i in (odd - 1, odd + 1):
            j = partner_of_english.get(i)
            if j is None or (i, j) in read or english[i].kind != english[odd].kind \
                    or not rivals_of_chinese[j] <= {odd} | rivals_allowed:
                continue
            held = evidence(english[odd].text, chinese[j].text)
            if held >= _JOINED_EVIDENCE and held >= _JOINED_SHARE * evidence(english[i].text, chinese[j].text):
                read[i, j] = (joined(english[min(i, odd)], english[max(i, odd)]), chinese[j])
                english_only.remove(odd)
                break
    return read


def _gap(english_index: int, path: list[tuple[int, int]], chinese: list[TextBlock]) -> int:
    """The line of the Chinese block after which english[english_index]'s translation would come."""
    preceding = [j for i, j in path if i < english_index]
    if preceding:
        return chinese[preceding[-1]].line
    return chinese[0].line if chinese else 1


def _most_pairs(same: list[list[bool]], columns: int) -> list[list[int]]:
    """counts[i][j]: the most pairs of blocks of the same kind, in order, of the first i English
    blocks and the first j Chinese ones (a longest common subsequence)."""
    counts = [[0] * (columns + 1) for _ in range(len(same) + 1)]
    for i, kinds in enumerate(same):
        row, next_row = counts[i], counts[i + 1]
        for j in range(columns):
            next_row[j + 1] = row[j] + 1 if kinds[j] else max(row[j + 1], next_row[j])
    return counts


def _best_evidence(score: dict[tuple[int, int], float], counts: list[list[int]]) -> list[list[float]]:
    """best[i][j]: the most evidence of a pairing of the first i English and j Chinese blocks
    that makes the most pairs (counts[i][j]), each pair of `score`."""
    rows, columns = len(counts) - 1, len(counts[0]) - 1
    best = [[_NONE] * (columns + 1) for _ in range(rows + 1)]
    best[0][0] = 0.0
    for i in range(rows + 1):
        for j in range(columns + 1):
            here, found = counts[i][j], best[i][j]
            if i and counts[i - 1][j] == here:
                found = max(found, best[i - 1][j])
            if j and counts[i][j - 1] == here:
                found = max(found, best[i][j - 1])
            if i and j and (i - 1, j - 1) in score and counts[i - 1][j - 1] + 1 == here:
                found = max(found, best[i - 1][j - 1] + score[i - 1, j - 1])
            best[i][j] = found
    return best


def _best_path(score: dict[tuple[int, int], float], best: list[list[float]],
               counts: list[list[int]]) -> list[tuple[int, int]]:
    """The pairs of the pairing `best` ends with, in order; of pairings as good, the one that
    pairs blocks earliest (any other would be in doubt, see _aligned)."""
    i, j = len(best) - 1, len(best[0]) - 1
    path: list[tuple[int, int]] = []
    while i or j:
        here = best[i][j]
        if j and counts[i][j - 1] == counts[i][j] and best[i][j - 1] == here:
            j -= 1
        elif i and counts[i - 1][j] == counts[i][j] and best[i - 1][j] == here:
            i -= 1
        else:  # the pair that `best` was made with
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return path[::-1]


def _reversed(grid: list[list]) -> list[list]:
    """The grid read from its last row and column: the start of a pairing from the end."""
    return [row[::-1] for row in grid[::-1]]


_LATIN_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


_PIECES_KEPT = 64
# A one-character translation (国 of national, 泵 of pump) is in many blocks: half the evidence of a
# word. With it, "Heat pumps move heat from outside." pairs with 热泵从室外转移热量。 beyond doubt where
# the neighbour it might instead pair with shares no word (on the pages measured at _realigned: 13
# more blocks read of some 2,500 per case, 1 to 2 more wrong pairs).
_CHARACTER_EVIDENCE = 0.5


class _Evidence:
    """How well a Chinese block translates an English one, from 0 to 1: the share of the English
    block's words and numbers that the Chinese block holds a translation of (a CC-CEDICT
    translation, the pinyin of a name, the same Latin word or number; a one-character
    translation counts half), the Latin words and numbers
    of the Chinese block that the English lacks counting against it. The dictionary (0.4 s, some
    270 MB) is loaded on first use: by the first section where a block could pair with a
    neighbour's translation, two blocks of a kind side by side."""

    def __init__(self) -> None:
        self._lexicon = None
        self._pinyin: dict[str, list[str]] = {}
        self._characters: dict[str, frozenset[str]] = {}  # of an English word: its one-character translations
        self._pieces: dict[str, frozenset[str]] = {}  # of a Chinese block: its substrings a headword may be
        self._headwords: dict[str, frozenset[str]] = {}  # of an English word: its translations of two characters or more

    def __call__(self, english: str, chinese: str) -> float:
        from ..stopwords import is_english_stopword

        english_words = _LATIN_WORD.findall(english)
        words = {word.lower(): word for word in reversed(english_words) if not is_english_stopword(word)}
        numbers = set(_NUMBER.findall(english))
        chinese_words = {word.lower() for word in _LATIN_WORD.findall(chinese)}
        chinese_numbers = set(_NUMBER.findall(chinese))
        found = len(numbers & chinese_numbers) + sum(self._translated(word, chinese, chinese_words)
                                                     for word in words.values())
        unexplained = chinese_numbers - numbers, chinese_words - {word.lower() for word in english_words}
        total = len(words) + len(numbers) + sum(map(len, unexplained))
        return found / total if total else 0.0

    def _translated(self, word: str, chinese: str, chinese_words: set[str]) -> float:
        if word.lower() in chinese_words:
            return 1.0
        if self._lexicon is None:
            from ..lexicon import Lexicon

            self._lexicon = Lexicon()
        if word not in self._headwords:  # a one-character translation (国 of national) is in too many blocks to tell
            self._headwords[word] = frozenset(headword for headword in self._lexicon.translations(word)
                                              if len(headword) > 1)
        if chinese not in self._pieces:  # a set look-up per headword: a word like `make` has hundreds
            from ..lexicon import MAX_HEADWORD_CHARS

            if len(self._pieces) >= _PIECES_KEPT:  # blocks are compared with their neighbours only
                self._pieces.clear()
            self._pieces[chinese] = frozenset(chinese[start:start + length] for start in range(len(chinese))
                                              for length in range(2, MAX_HEADWORD_CHARS + 1))
        if not self._headwords[word].isdisjoint(self._pieces[chinese]):
            return 1.0
        if word[0].isupper() and has_han(chinese) and self._is_name(word, chinese):
            return 1.0
        if word not in self._characters:
            self._characters[word] = frozenset(headword for headword in self._lexicon.translations(word)
                                               if len(headword) == 1)
        return _CHARACTER_EVIDENCE if not self._characters[word].isdisjoint(chinese) else 0.0

    def _is_name(self, word: str, chinese: str) -> bool:
        from ..lexicon import segment_pinyin

        if chinese not in self._pinyin:
            if len(self._pinyin) >= _PIECES_KEPT:
                self._pinyin.clear()
            self._pinyin[chinese] = segment_pinyin(chinese)
        return bool(self._lexicon.matches(word, chinese, self._pinyin[chinese], substrings={}))


__all__ = ["read", "read_directories", "holds_pages", "MARKDOWN_EXTENSIONS"]
