"""XLIFF 1.2 (<trans-unit>) and XLIFF 2.x (<unit>/<segment>) localisation files.

A unit without a translation (no target, an empty one, or one marked new / needs-translation /
initial) is skipped and counted in one warning per file. A unit marked translate="no", or inside a
<group> (or an XLIFF 2 <file>) so marked, is protected content (a brand, legal text) and is not read
at all; translate="yes" inside it opens it again. The file's declared languages decide the
direction: a zh -> en file is read with English as the source. A Trados or memoQ unit segmented
into <mrk mtype="seg" mid> sentences in its <seg-source> gives one pair per sentence, with the
target <mrk> of the same mid (an empty one is untranslated); a <target> not so segmented is read
whole with the <source>. Location: the file, the line of the unit and its id; when a unit has
several segments or sentences, the line of each and `unit-id/segment-id`. The target position is
where the words of the <target> (or its sentence) start: the English one in a zh -> en file, whose
pairs are translated from Chinese (SegmentPair.from_chinese). Where the units' scripts contradict
the declared languages (source-language="en" over Chinese <source> elements), the scripts decide,
with one warning per <file>, as for a PO catalogue whose Language contradicts its msgstrs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import OtherLanguageError
from ..models import Location, SegmentPair
from ..script import has_han
from .xml_safe import (at_text, children, expect_root, first_child, iter_xml, language_matches, segment_text,
                       local_name, swap_for_declared, wanted_languages)

# Target states that mean "not translated yet" (XLIFF 1.2 state values, XLIFF 2 segment states).
_UNTRANSLATED_STATES = {"new", "needs-translation", "initial"}
# Elements whose translate="no" covers the units inside them.
_CONTAINERS = frozenset({"file", "group"})
# The elements whose words are one side of a pair (or, in a <seg-source>, the sentences of one).
_SEGMENTS = frozenset({"source", "target", "seg-source"})


def read(path: str, options) -> Iterator[SegmentPair]:
    swap = False
    version = "1.2"
    untranslated = 0
    first_untranslated_line: int | None = None
    translatable = [True]  # of each open <file>/<group>, inherited by what it holds
    files = _Files()
    events = iter_xml(path, starts=_CONTAINERS, ends=_CONTAINERS | {"trans-unit", "unit"},
                      marked=frozenset({"segment", "source", "target", "mrk"}), segments=_SEGMENTS,
                      encoding=options.encoding, kind="XLIFF", on_warning=options.on_warning)
    declared = _Declared()
    pending: list[_Unit] = []  # of the <file> being read (XLIFF 2: of the document), until its direction is known
    for event in events:
        element = event.element
        if event.name in _CONTAINERS:
            if event.kind == "start":
                translatable.append(_translatable(element, translatable[-1]))
            else:
                translatable.pop()
        if event.kind == "root":
            expect_root(event, {"xliff"}, "XLIFF", path)
            version = element.get("version", "1.2")
            if not version.startswith("1"):
                swap = swap_for_declared(element.get("srcLang"), element.get("trgLang"), options, path, event.line)
                declared = _Declared(element.get("srcLang"), element.get("trgLang"), event.line, "srcLang", "trgLang")
        elif event.name == "file":
            if event.kind == "start" and version.startswith("1"):  # XLIFF 1.2 declares the languages here
                yield from _read_as_written(pending, swap, declared, files, options, path)
                swap = files.opened(element, event.line, options, path)
                declared = _Declared(element.get("source-language"), element.get("target-language"), event.line)
            elif event.kind == "end":
                files.in_other_language = False
        elif event.name not in _CONTAINERS:
            if not _translatable(element, translatable[-1]) or files.in_other_language:
                continue
            segments = _segments(element, event.name)
            for segment_id, segment, source_element, target_element in segments:
                unit = element.get("id") or "?"
                line = event.line
                if len(segments) > 1:  # each segment at its own line, so a finding says which one
                    unit, line = f"{unit}/{segment_id}", event.line_of(segment)
                source = segment_text(source_element) if source_element is not None else ""
                target = ""
                if target_element is not None and target_element.get("state") not in _UNTRANSLATED_STATES:
                    target = segment_text(target_element)
                if source and target:
                    location = at_text(Location(path, line, unit), event, target_element, target)  # the text to fix
                    pending.append(_Unit(source, target, location))
                elif source:
                    untranslated += 1
                    first_untranslated_line = first_untranslated_line or line
    yield from _read_as_written(pending, swap, declared, files, options, path)
    files.finish(options, path)
    if untranslated:
        options.on_warning(f"{path}:{first_untranslated_line}: {untranslated} untranslated or empty unit(s) "
                           "skipped (first one here)")


@dataclass(frozen=True)
class _Unit:
    """A translated unit (or sentence) as the file writes it: the words of its <source> and
    <target>, located at the <target>."""

    source: str
    target: str
    location: Location


@dataclass(frozen=True)
class _Declared:
    """The languages a <file> (XLIFF 2: the document) declares, for a warning to quote."""

    source: str | None = None
    target: str | None = None
    line: int | None = None
    source_attribute: str = "source-language"
    target_attribute: str = "target-language"

    def said(self) -> str:
        return " ".join(f'{attribute}="{value}"' for attribute, value in ((self.source_attribute, self.source),
                                                                          (self.target_attribute, self.target))
                        if value)


def _read_as_written(pending: list[_Unit], swap: bool, declared: _Declared, files: _Files, options,
                     path: str) -> Iterator[SegmentPair]:
    """The pairs of a <file>'s units, English first, and the list emptied. The units' scripts
    decide the direction where they contradict the declared languages, as in a PO catalogue: more
    units with Chinese only in the <source> than only in the <target> are translated from Chinese
    whatever source-language says (a template's en left in the header), with one warning."""
    by_script = _chinese_source(pending, options)
    if by_script is not None and by_script != swap and not (declared.source or declared.target):
        swap = by_script  # a file that declares no language is read as its scripts say, unsaid, as a table is
    elif by_script is not None and by_script != swap:
        source_language, target_language = wanted_languages(options)
        read_as = f"{target_language} -> {source_language}" if by_script else f"{source_language} -> {target_language}"
        where = f"{path}:{declared.line}" if declared.line else path
        options.on_warning(f"{where}: the <source> elements are {target_language if by_script else source_language}"
                           f" and the <target> elements {source_language if by_script else target_language}, but "
                           f"{declared.said()}; read as {read_as}")
        swap = by_script
    for unit in pending:
        source, target = (unit.target, unit.source) if swap else (unit.source, unit.target)
        files.saw_translation(target)
        yield SegmentPair(source, target, unit.location, from_chinese=swap)
    pending.clear()


def _chinese_source(units: list[_Unit], options) -> bool | None:
    """Whether the units' <source> elements are the Chinese side by their scripts (None: they do
    not say, or Chinese is not one of the languages read)."""
    source_language, target_language = wanted_languages(options)
    if not language_matches(target_language, "zh") or language_matches(source_language, "zh"):
        return None
    chinese_source = sum(1 for unit in units if has_han(unit.source) and not has_han(unit.target))
    chinese_target = sum(1 for unit in units if has_han(unit.target) and not has_han(unit.source))
    return None if chinese_source == chinese_target else chinese_source > chinese_target


@dataclass
class _Files:
    """The <file> elements of an XLIFF 1.2 document, each declaring its own languages.

    A <file> in other languages is skipped while the others are read (one warning says so); the
    document is an OtherLanguageError only when none is in the wanted languages. A <file> with no
    target-language whose targets hold no Han character, when Chinese is wanted, is likely in
    another language (an Angular messages.fr.xlf): one warning says so."""

    in_other_language: bool = False
    read: int = 0
    skipped: int = 0
    first_error: OtherLanguageError | None = None
    first_languages: str = ""  # what the first skipped <file> declares, "en -> ja"
    undeclared_line: int | None = None  # of the first <file> without target-language, when Chinese is wanted
    undeclared_han: bool = False  # whether a target read since then holds Chinese
    undeclared_targets: int = 0

    def opened(self, element, line: int, options, path: str) -> bool:
        """Whether the <file> just opened is read swapped (zh -> en); it may be in other languages."""
        declared_target = element.get("target-language")
        try:
            swap = swap_for_declared(element.get("source-language"), declared_target, options, path, line)
        except OtherLanguageError as error:
            self.in_other_language = True
            self.skipped += 1
            if self.first_error is None:
                self.first_error = error
                self.first_languages = f"{element.get('source-language') or '?'} -> {declared_target or '?'}"
            return False
        self.in_other_language = False
        self.read += 1
        chinese_side = element.get("source-language") if swap else declared_target
        if chinese_side:
            options.on_language(chinese_side)
        if not declared_target and self.undeclared_line is None \
                and language_matches(wanted_languages(options)[1], "zh"):
            self.undeclared_line = line
        return swap

    def saw_translation(self, chinese_side: str) -> None:
        if self.undeclared_line is not None and not self.undeclared_han:
            self.undeclared_targets += 1
            self.undeclared_han = has_han(chinese_side)

    def finish(self, options, path: str) -> None:
        if self.first_error is not None and not self.read:
            raise self.first_error
        if self.skipped:
            options.on_warning(f"{self.first_error.where()}: {self.skipped} <file> element(s) in other languages "
                               f"skipped (first one here: {self.first_languages})")
        if self.undeclared_targets and not self.undeclared_han:
            options.on_warning(f"{path}:{self.undeclared_line}: no target-language declared, and none of the "
                               f"{self.undeclared_targets} translated unit(s) holds Chinese: is this a translation "
                               "into another language?")


def _translatable(element, inherited: bool) -> bool:
    """An element's own translate="yes"/"no", else what its enclosing <file> or <group> says."""
    own = element.get("translate")
    return inherited if own not in ("yes", "no") else own == "yes"


def _segments(unit, name: str):
    """(segment id, segment element, source element, target element) for each translatable part of a unit."""
    if name == "trans-unit":
        source, target = first_child(unit, "source"), first_child(unit, "target")
        return _marked_segments(first_child(unit, "seg-source"), target) or [("", unit, source, target)]
    found = []
    for number, segment in enumerate(children(unit, "segment"), start=1):
        target = first_child(segment, "target")
        if target is not None and segment.get("state") in _UNTRANSLATED_STATES:
            target = None
        found.append((segment.get("id") or str(number), segment, first_child(segment, "source"), target))
    return found



def _marked_segments(seg_source, target):
    """The sentences of a Trados or memoQ unit: each <mrk mtype="seg" mid> of the <seg-source>
    with the <mrk> of the same mid in the <target> (None when it has none), or [] when the unit
    is not segmented so. A <target> holding words but no sentence marks (a tool that does not
    segment wrote it) translates the unit whole: [] too, so <source> and <target> are paired; an
    empty one leaves each sentence untranslated."""
    if seg_source is None:
        return []
    target_marks = [] if target is None else _sentence_marks(target)
    if target is not None and not target_marks and segment_text(target):
        return []
    targets = {mark.get("mid"): mark for mark in target_marks}
    return [(mark.get("mid") or str(number), mark, mark, targets.get(mark.get("mid")))
            for number, mark in enumerate(_sentence_marks(seg_source), start=1)]


def _sentence_marks(element):
    return [mark for mark in element.iter() if local_name(mark.tag) == "mrk" and mark.get("mtype") == "seg"]
