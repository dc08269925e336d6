"""TMX translation memories: one SegmentPair per <tu> that has an English and a Chinese <tuv>.

The variants are picked by language code (zh, zh-CN, zh-Hans and zh_CN alike), so a zh -> en
memory is read with English as the source. A unit with several target variants (zh-CN and zh-TW)
is read in the one language_tags.variant_rank ranks first, whatever their order. Location: the file, the line of the <tu> and its
tuid (or its 1-based position when it has none); its target position is where the words of the
Chinese <seg> start. A unit whose srclang (its own, else the <header>'s) is Chinese translates from
Chinese (SegmentPair.from_chinese): its target position is then the English <seg>'s, the text to
fix. A srclang of *all* says no direction: such units are read en -> zh, with one warning when
most of them give the Chinese text first. A memory translated only into other languages (en + ja) is an OtherLanguageError naming the
languages it holds, not a memory with nothing translated yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputFormatError, OtherLanguageError
from ..language_tags import variant_rank
from ..models import Location, SegmentPair
from .xml_safe import (at_text, children, element_language, expect_root, first_child, iter_xml, language_matches,
                       segment_text, wanted_languages)


# How many language codes an error names at most (a memory may hold dozens).
_LANGUAGES_NAMED = 12
# The srclang of a memory whose every variant may be the source: it says no direction.
_ANY_SOURCE = "*all*"


@dataclass
class _AnySource:
    """The units read whose srclang is *all*, and how many of them give the Chinese text first:
    the order a memory translated from Chinese is most often written in."""

    units: int = 0
    chinese_first: int = 0
    line: int | None = None


def read(path: str, options) -> Iterator[SegmentPair]:
    source_language, target_language = wanted_languages(options)
    index = 0
    skipped = 0
    first_skipped_line: int | None = None
    competing_codes: set[str] = set()  # several target variants in one unit, e.g. zh-CN and zh-TW
    read_codes: set[str] = set()  # the target variants read
    chosen_codes: set[str] = set()  # those read where a unit offered several
    languages: set[str] = set()  # of the variants with text, to name when none is the wanted one
    found_source = found_target = translated = False
    first_line: int | None = None
    declared_source = ""  # the <header>'s srclang
    any_source = _AnySource()
    for event in iter_xml(path, starts=frozenset({"header"}), ends=frozenset({"tu"}), marked=frozenset({"seg"}),
                          segments=frozenset({"seg"}), encoding=options.encoding, kind="TMX",
                          on_warning=options.on_warning):
        if event.kind == "root":
            expect_root(event, {"tmx"}, "TMX", path)
            continue
        if event.name == "header":
            declared_source = event.element.get("srclang") or ""
            continue
        index += 1
        first_line = first_line or event.line
        unit = event.element.get("tuid") or str(index)
        source, source_segment = "", None
        targets: list[tuple[str, object]] = []  # (language, <seg>) of each target variant
        unit_codes: set[str] = set()
        unit_languages: set[str] = set()
        chinese_first = None  # whether the unit's first variant read is in the target language
        for variant in children(event.element, "tuv"):
            language = element_language(variant)
            segment = first_child(variant, "seg")
            if segment is None:
                continue
            if chinese_first is None and language_matches(language, source_language):
                chinese_first = False
            elif chinese_first is None and language_matches(language, target_language):
                chinese_first = True
            if len(languages) < _LANGUAGES_NAMED:
                languages.add(language or "?")
            unit_languages.add(language)
            if not source and language_matches(language, source_language):
                source, source_segment = segment_text(segment), segment
            elif language_matches(language, target_language):
                unit_codes.add(language)
                targets.append((language, segment))
        target, target_segment, target_code = "", None, ""
        for language, segment in sorted(targets, key=lambda variant: variant_rank(
                variant[0], target_language, options.preferred_target_lang)):
            target = segment_text(segment)
            if target:
                target_segment, target_code = segment, language
                read_codes.add(language)
                break
        if len(unit_codes) > 1:
            competing_codes |= unit_codes
            chosen_codes.add(target_code)
        found_source = found_source or bool(source)
        found_target = found_target or bool(unit_codes)
        translated = translated or len(unit_languages) > 1
        if source and target:
            unit_source = event.element.get("srclang") or declared_source
            if unit_source == _ANY_SOURCE:
                any_source.units += 1
                any_source.chinese_first += bool(chinese_first)
                any_source.line = any_source.line or event.line
            from_chinese = language_matches(unit_source, target_language) and \
                not language_matches(unit_source, source_language)
            translation, translated_text = (source_segment, source) if from_chinese else (target_segment, target)
            yield SegmentPair(source, target, at_text(Location(path, event.line, unit), event, translation,
                                                      translated_text), from_chinese=from_chinese)
            continue
        if options.strict:
            missing = target_language if source else source_language
            raise InputFormatError(f"translation unit {unit} has no {missing} text (--strict)", path=path, line=event.line)
        skipped += 1
        first_skipped_line = first_skipped_line or event.line
    if translated and not (found_source and found_target):
        missing, option = (target_language, "--target-lang") if found_source else (source_language, "--source-lang")
        raise OtherLanguageError(f"no {missing} variant in any translation unit (languages here: "
                                 f"{', '.join(sorted(languages))}); pass {option} to read another language",
                                 path=path, line=first_line)
    for code in sorted(code for code in read_codes if code):
        options.on_language(code)
    if any_source.chinese_first * 2 > any_source.units:
        options.on_warning(f'{path}:{any_source.line}: srclang="*all*" names no original language, and the '
                           f"{target_language} text comes first in {any_source.chinese_first} of {any_source.units} "
                           f"unit(s): read as {source_language} -> {target_language}; if the memory was translated "
                           f'from Chinese, set srclang="{target_language}" to check its English')
    if skipped:
        options.on_warning(f"{path}:{first_skipped_line}: {skipped} translation unit(s) without both "
                           f"{source_language} and {target_language} text skipped (first one here)")
    if competing_codes:
        options.on_warning(f"{path}: several {target_language} variants ({', '.join(sorted(competing_codes))}); "
                           f"read {', '.join(sorted(code for code in chosen_codes if code)) or 'none'}; "
                           "pass --target-lang to choose another")
