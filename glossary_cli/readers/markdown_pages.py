"""An English Markdown page and its Chinese translation, paired block by block; or two directories
of pages (`docs/en` and `docs/zh`), paired by relative path as resource directories pair by name.

The blocks of the two pages (see markdown.py) are paired in order where their kinds agree: the
front matter by key, then the body section by section, a section being a heading and the blocks
up to the next one. A translator keeps a page's headings, so two pages with the same headings
(levels, in order) have corresponding sections; within a section whose blocks are of the same
kinds in the same order, the Nth block translates the Nth. Where they differ (a translator's note
added, two paragraphs joined, a list item dropped, English edited before Chinese caught up),
pairing in order would compare each English block with its neighbour's translation: that section
is left out, and one warning per page names the first divergence at its line in the Chinese page
(`--strict`: an error). Pages whose headings differ are left out whole, since no section can be
matched then. Reflowing a paragraph's lines (one line per sentence, one per paragraph) changes
nothing: a paragraph is one block however it is wrapped.

A page only one directory has, or a Chinese page with no Chinese in it (an English copy awaiting
translation), is not yet translated: one warning per kind, not an error. Pages given the wrong
way round (a mostly Chinese --source) are read swapped, with one warning, as line-aligned files are.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputFormatError, UsageError
from ..models import Location, SegmentPair
from ..script import has_han
from ..textio import MAX_SEGMENT_CHARS
from .discover import not_regular_message, regular_file, warn_one_sided
from .markdown import MARKDOWN_EXTENSIONS, TRANSLATED_FRONT_MATTER, Page, TextBlock, is_markdown, read_page  # noqa: F401
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
    pair = _PagePair(read_page(source_path, options.encoding), read_page(target_path, options.encoding))
    yield from _pairs([pair], source_path, target_path, options)


def holds_pages(directory: str) -> bool:
    return next(iter(_pages(directory)), None) is not None


def read_directories(source_path: str, target_path: str, options) -> Iterator[SegmentPair]:
    """The pairs of the pages of the same relative path under two directories."""
    english, chinese = _pages(source_path, options.on_warning), _pages(target_path, options.on_warning)
    english_only = [name for name in english if name not in chinese]
    chinese_only = [name for name in chinese if name not in english]
    pairs = [_PagePair(read_page(os.path.join(source_path, name), options.encoding),
                       read_page(os.path.join(target_path, name), options.encoding))
             for name in english if name in chinese]
    warn_one_sided(options.on_warning, source_path, target_path, english_only, chinese_only, "page")
    yield from _pairs(pairs, source_path, target_path, options)


def _pages(directory: str, on_warning=None) -> list[str]:
    """The Markdown pages under a directory by relative name, sorted; hidden entries skipped, and,
    as in every directory walk, symbolic links, pipes and devices, which a warning names."""
    found: list[str] = []
    left_out: list[str] = []
    for root, directories, files in os.walk(directory):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
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
    if mostly_chinese(english_texts) and not mostly_chinese(chinese_texts) and any(map(has_han, english_texts)):
        options.on_warning(f"{source_path}: mostly Chinese and {target_path} mostly not; read as zh -> en, "
                           f"with {target_path} as the English side")
        pairs = [_PagePair(pair.chinese, pair.english) for pair in pairs]
    untranslated = [pair.chinese.path for pair in pairs if not pair.chinese.has_chinese]
    if untranslated:
        options.on_warning(f"{untranslated[0] if len(untranslated) == 1 else target_path}: "
                           + (f"{_pages_said(untranslated)} with " if len(untranslated) > 1 else "")
                           + "no Chinese in it (not yet translated?), not read"
                           + (f" (first: {untranslated[0]})" if len(untranslated) > 1 else ""))
    for pair in pairs:
        if pair.chinese.has_chinese:
            yield from _paired(pair, options)


@dataclass(frozen=True)
class _Divergence:
    """Where the Chinese page's blocks stop matching the English page's, said of a line of it."""

    line: int
    what: str


def _paired(pair: _PagePair, options) -> Iterator[SegmentPair]:
    english, chinese = pair.english, pair.chinese
    one_side_empty: list[tuple[TextBlock, TextBlock]] = []
    matched = sorted(((english.front_matter[key], chinese.front_matter[key]) for key in TRANSLATED_FRONT_MATTER
                      if key in english.front_matter and key in chinese.front_matter),
                     key=lambda pair: pair[0].line)  # in the English page's order
    english_sections, chinese_sections = _sections(english.blocks), _sections(chinese.blocks)
    headings = _divergence([section[0] for section in english_sections[1:]],
                           [section[0] for section in chinese_sections[1:]], pair)
    divergences: list[_Divergence] = []
    if headings is not None:
        divergences.append(headings)
    else:
        for english_section, chinese_section in zip(english_sections, chinese_sections):
            if not english_section and not chinese_section:
                continue  # neither page has blocks before its first heading
            found = _divergence(english_section, chinese_section, pair)
            if found is None:
                matched.extend(zip(english_section, chinese_section))
                continue
            divergences.append(found)
            if english_section[0].starts_section:  # the headings matched: the section's own still pairs
                matched.append((english_section[0], chinese_section[0]))
    if divergences:
        sections = sum(1 for section in english_sections if section)
        _tell_divergence(divergences, headings is not None, sections, chinese.path, options)
    for english_block, chinese_block in matched:
        length = max(len(english_block.text), len(chinese_block.text))
        if length > MAX_SEGMENT_CHARS:  # an inline SVG, a data: URI: no sentence, and no reason to stop every page
            options.on_warning(f"{chinese.path}:{chinese_block.line}: a block of {length:,} characters, more than a "
                               f"segment holds ({MAX_SEGMENT_CHARS:,}); not read")
            continue
        if english_block.text and chinese_block.text:
            location = at_target(Location(chinese.path, chinese_block.line), chinese_block.text_line,
                                 chinese_block.line_text, chinese_block.offset, chinese_block.text)
            yield SegmentPair(english_block.text, chinese_block.text, location)
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


def _sections(blocks: tuple[TextBlock, ...]) -> list[list[TextBlock]]:
    """The blocks split before each heading that is not inside a list or a quote; the first
    section holds the blocks before the first heading, and is empty when there are none."""
    sections: list[list[TextBlock]] = [[]]
    for block in blocks:
        if block.starts_section:
            sections.append([])
        sections[-1].append(block)
    return sections


def _divergence(english: list[TextBlock], chinese: list[TextBlock], pair: _PagePair) -> _Divergence | None:
    """The first place where two lists of blocks differ in kind or in number, or None."""
    english_path = pair.english.path
    for index in range(max(len(english), len(chinese))):
        counts = f" ({_blocks_said(len(chinese))} here, {len(english)} in English)"
        if index >= len(english):
            return _Divergence(chinese[index].line, f"{_a(chinese[index].kind)} with no counterpart in "
                                                    f"{english_path}{counts}")
        if index >= len(chinese):
            line = chinese[-1].line if chinese else 1
            return _Divergence(line, f"no counterpart here for the {english[index].kind} at "
                                     f"{english_path}:{english[index].line}{counts}")
        if english[index].kind != chinese[index].kind:
            return _Divergence(chinese[index].line, f"{_a(chinese[index].kind)} here, where "
                                                    f"{english_path}:{english[index].line} has {_a(english[index].kind)}")
    return None


def _blocks_said(count: int) -> str:
    return f"{count} block{'s' if count != 1 else ''}"


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _tell_divergence(divergences: list[_Divergence], whole_page: bool, sections: int, chinese_path: str,
                     options) -> None:
    first = divergences[0]
    if options.strict:
        raise InputFormatError(f"{first.what}; the pages' blocks differ from here (--strict)",
                               path=chinese_path, line=first.line)
    if whole_page:
        left_out = "its headings differ from the English page's, so the page is left unpaired"
    else:
        others = sections - len(divergences)
        left_out = ("so this section is left unpaired" if len(divergences) == 1
                    else f"so this section and {len(divergences) - 1} more are left unpaired") \
            + (f"; the page's other {f'{others} sections are' if others != 1 else 'section is'} paired" if others else "")
    options.on_warning(f"{chinese_path}:{first.line}: {first.what}: the pages' blocks differ from here (a block "
                       f"added, removed, split or joined), {left_out}")


__all__ = ["read", "read_directories", "holds_pages", "MARKDOWN_EXTENSIONS"]
