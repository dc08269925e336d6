"""Two line-aligned files: line N of the English file translates to line N of the Chinese one.
Two Markdown pages, or two directories of them, are paired block by block instead (see
markdown_pages); two app resource files (Android strings.xml, iOS .strings and .stringsdict, i18n JSON, .arb,
.properties) are paired by key instead (see keyed/); a pair whose Chinese side is another variant of
Chinese than the one wanted (values-zh-rTW for a zh-CN glossary) is skipped with a warning, as a
file in another language is.

A mostly Chinese --source is content written in Chinese (--source is the original): the files are
read swapped, so English stays the source, without a warning (the user did as documented; check's
summary says how many pairs were read zh -> en); the pairs are translated from Chinese
(SegmentPair.from_chinese) and located in the English file, the translation to fix."""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..errors import InputFormatError, OtherLanguageError, UsageError
from ..models import Location, SegmentPair
from ..script import has_han
from ..textio import read_corpus_text, text_lines


def read(source_path: str, target_path: str, options) -> Iterator[SegmentPair]:
    """Pairs located in the translation (the Chinese file, or the English one of a zh -> en pair of
    files): a finding of `check` is fixed there."""
    from . import markdown_pages
    from .keyed.pairing import holds_resource_files, read_keyed, refuse_the_same

    if markdown_pages.is_markdown(source_path) or markdown_pages.is_markdown(target_path):
        yield from markdown_pages.read(source_path, target_path, options)
        return
    if os.path.isdir(source_path) and os.path.isdir(target_path) and \
            (markdown_pages.holds_pages(source_path) or markdown_pages.holds_pages(target_path)):
        refuse_the_same(source_path, target_path, "directory")
        yield from markdown_pages.read_directories(source_path, target_path, options)
        if not (holds_resource_files(source_path) or holds_resource_files(target_path)):
            return  # a docs tree: its pages are all it has to translate
    keyed = read_keyed(source_path, target_path, options)
    if keyed is not None:
        try:
            yield from keyed
        except OtherLanguageError as error:  # values-zh-rTW beside a zh-CN glossary: as a PO file in it is
            options.on_warning(f"{error.where()}: skipped: {error.message}")
        return
    refuse_the_same(source_path, target_path, "file", _SIDES)
    sources = _without_trailing_blanks(text_lines(read_corpus_text(source_path, options.encoding)))
    targets = _without_trailing_blanks(text_lines(read_corpus_text(target_path, options.encoding)))
    if len(sources) != len(targets):
        raise InputFormatError(
            f"{len(sources)} lines, but {target_path} has {len(targets)}; parallel files must have "
            "the same number of lines", path=source_path)
    english_path, chinese_path = source_path, target_path
    _refuse_one_language(source_path, sources, target_path, targets, options)
    from_chinese = mostly_chinese(sources) and not mostly_chinese(targets)
    if from_chinese:  # written in Chinese: --source is the original, as documented, so nothing to warn of
        english_path, chinese_path = target_path, source_path
        sources, targets = targets, sources
    skipped: list[int] = []
    for number, (source, target) in enumerate(zip(sources, targets), start=1):
        if source.strip() and target.strip():
            # A location names one file: the translation, where a finding of check is fixed (the line is
            # the same in both).
            translation = english_path if from_chinese else chinese_path
            yield SegmentPair(source.strip(), target.strip(), Location(translation, number), from_chinese=from_chinese)
        elif source.strip() or target.strip():
            if options.strict:
                raise InputFormatError(f"the {'English' if not source.strip() else 'Chinese'} line is empty (--strict)",
                                       path=chinese_path if source.strip() else english_path, line=number)
            skipped.append(number)
    if skipped:
        options.on_warning(f"{chinese_path}:{skipped[0]}: {len(skipped)} line(s) with one side empty skipped "
                           "(first one here)")


_SIDES = "--source takes the English text, --target its Chinese translation, line by line"


def _refuse_one_language(source_path: str, sources: list[str], target_path: str, targets: list[str],
                         options) -> None:
    """Two files in one language pair each line with its copy or its neighbour, never with a
    translation: two English files made English -> English "terms", and check found nothing to
    enforce in them and passed. No Chinese in either file is certain; a Chinese side with a few
    lines in Latin letters only (a brand name, a version, a URL) is ordinary and read as ever.
    Two mostly Chinese files are refused as two Chinese resource files are. A --target-lang
    naming another language than Chinese is left alone."""
    from ..language_tags import normalize_language

    if options.target_lang and normalize_language(options.target_lang).split("-")[0] != "zh":
        return
    if not any(line.strip() for line in sources) or not any(line.strip() for line in targets):
        return  # an empty side: said below, as a difference in lines or no pairs
    if not any(has_han(line) for line in sources) and not any(has_han(line) for line in targets):
        raise UsageError(f"neither --source {source_path} nor --target {target_path} holds any Chinese; "
                         f"{_SIDES}")
    if mostly_chinese(sources) and mostly_chinese(targets):
        raise UsageError(f"--source {source_path} and --target {target_path} are both mostly Chinese; {_SIDES}")


def mostly_chinese(lines: list[str]) -> bool:
    """Whether more than half of the lines with text have Chinese in them."""
    with_text = [line for line in lines if line.strip()]
    return 2 * sum(has_han(line) for line in with_text) > len(with_text)


def _without_trailing_blanks(lines: list[str]) -> list[str]:
    """The lines up to the last one with text: a blank line at the end of one file is not a pair."""
    while lines and not lines[-1].strip():
        lines.pop()
    return lines
