"""TBX import: a glossary from a TBX v3 (conceptEntry) or v2 (martif/termEntry) termbase.

The mapping is tbx.py's, read the other way; what no entry field holds is named in one warning.
Elements are read through readers.xml_safe, which refuses entity and attribute declarations and
external references.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .. import TOOL
from ..errors import InputFormatError
from ..glossary import Entry, Glossary, Status
from ..language_tags import chinese_standard, is_plain_chinese
from ..readers.xml_safe import (SIMPLIFIED, TRADITIONAL, chinese_script, element_language, expect_root, iter_xml,
                                language_matches, local_name)
from . import READ_PROGRESS_EVERY, ImportProgress, ImportStage, _unreported
from .alike import fold_renderings_read_alike

# keep_source: the source term listed again among the target-language terms, with this term-level
# note. TBX-Basic's termType picklist has no value for it (fullForm, acronym, abbreviation,
# shortForm, variant, phrase); exports before that used termType internationalism, still read.
KEEP_SOURCE_NOTE = "keep_source: leave this term untranslated"
INTERNATIONALISM = "internationalism"
# administrativeStatus / normativeAuthorization values, compared as `status_word` folds them
# (case, spaces, hyphens and the -admn-sts and Term suffixes ignored: `Deprecated Term`,
# `deprecatedTerm-admn-sts` and `DeprecatedTerm` are one value).
_POSITIVE = {"preferred", "admitted", "approved", "standardized", "legal", "regulated"}  # allowed; the entry is approved
_NEGATIVE = {"deprecated", "superseded", "obsolete", "forbidden", "notrecommended"}  # forbidden renderings
_NEUTRAL = {"proposed", "new", "candidate"}  # allowed, but decided by nobody yet: the entry stays a candidate
_KNOWN_STATUSES = ("preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, "
                   "supersededTerm-admn-sts (also approved, forbidden, obsolete, notRecommended, proposed)")
# Data categories that say whether a term may be used: TBX's own two, and the picklist fields CAT
# tools export under names of their own (MultiTerm: <descrip type="Status">Forbidden</descrip>).
# Compared as status_word folds them; processStatus is workflow (unprocessed, finalized), not usage.
_STATUS_CATEGORIES = {"administrativestatus", "normativeauthorization"}
_NOT_A_USAGE_STATUS = {"processstatus"}
_TERM_CONTAINERS = {"termSec", "tig", "ntig"}
_SPACE = re.compile(r"\s+")
_LAYOUT_AT_ENDS = re.compile(r"^[ \t]*[\r\n]\s*|\s*[\r\n][ \t]*$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_RUN = re.compile(r"[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)+")


def _ignore(message: str) -> None:
    pass


def unique_texts(values: Iterable[str], exclude: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The texts without blanks at their ends, each once, in order, leaving out empty ones and `exclude`."""
    seen: list[str] = []
    for value in values:
        value = value.strip()
        if value and value not in seen and value not in exclude:
            seen.append(value)
    return seen


@dataclass
class TermRecord:
    """One term of a concept as the termbase states it."""

    text: str
    language: str
    status: str | None = None  # "preferred", "admitted", "deprecated", ... (see status_word)
    status_text: str = ""  # the value as written, for messages
    status_field: str = "administrativeStatus"  # the data category it was given in, as written
    line: int | None = None  # of its termSec/tig/ntig
    part_of_speech: str | None = None
    term_type: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class ConceptRecord:
    line: int
    terms: list[TermRecord] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (language, or "" for the concept; text)
    definitions: list[tuple[str, str]] = field(default_factory=list)  # (language, or "" for the concept; text)
    subject_field: str | None = None
    unread: list[tuple[str, str]] = field(default_factory=list)  # (language or "", data category) not imported


def read_tbx(path: str, *, source_lang: str | None = None, target_lang: str | None = None,
             encoding: str | None = None, unstated: Status = Status.CANDIDATE,
             on_warning: Callable[[str], None] = _ignore, spelled_as: Glossary | None = None,
             progress: ImportProgress | None = None) -> Glossary:
    """A glossary from a TBX v3 or v2 termbase, for the given languages (default en and zh); a
    concept none of whose target terms has a status gets `unstated`. Renderings of a term that
    check reads as the same are kept once (see alike.py; `spelled_as` is the glossary the
    termbase is imported into). `progress` hears how many concept entries are read."""
    source_language, target_language = source_lang or "en", target_lang or "zh"
    progress = progress or _unreported
    progress(ImportStage.READING, 0, None)
    concepts: list[ConceptRecord] = []
    for event in iter_xml(path, ends=frozenset({"conceptEntry", "termEntry"}), marked=frozenset(_TERM_CONTAINERS),
                          encoding=encoding, kind="TBX", on_warning=on_warning):
        if event.kind == "root":
            expect_root(event, {"tbx", "martif"}, "TBX", path)
        else:
            concepts.append(read_concept(event.element, event.line, event.line_of))
            if len(concepts) % READ_PROGRESS_EVERY == 0:
                progress(ImportStage.READING, len(concepts), None)
    progress(ImportStage.READING, len(concepts), None)
    terms_by_language = Counter(normalize_code(term.language) for concept in concepts for term in concept.terms)
    target_matches = _target_matcher(target_language, terms_by_language, path, on_warning)
    for language, role, matches in ((source_language, "source", lambda code: language_matches(code, source_language)),
                                    (target_language, "target", target_matches)):
        option = f"--{role}-lang"
        if concepts and not any(matches(code) for code in terms_by_language):
            found = ", ".join(f"{code} ({count:,} terms)"
                              for code, count in sorted(terms_by_language.items())) or "none"
            raise InputFormatError(f"no {language} terms in this termbase (languages: {found}); pass {option} "
                                   f"to choose the {role} language", path=path)

    if target_lang is None:  # zh by default: a Traditional Chinese termbase says so in the glossary
        written = Counter({code: count for code, count in terms_by_language.items() if target_matches(code)})
        target_language = traditional_tag(written) or target_language
    glossary = Glossary(languages={"source": source_language, "target": target_language},
                        generated={"tool": TOOL, "imported_from": os.path.basename(path)})
    no_source: list[int] = []
    no_target: list[int] = []
    not_imported: Counter = Counter()
    term_lines: dict[int, dict[str, int]] = {}  # id(entry) -> its target terms' texts -> the line of the first
    for concept in concepts:
        try:
            entry = concept_to_entry(concept, source_language, target_language, target_matches=target_matches,
                                     unstated=unstated)
        except InputFormatError as error:
            error.path = path
            raise
        if entry is None:
            no_source.append(concept.line)
            continue
        if not entry.target and not entry.keep_source:
            no_target.append(concept.line)
        glossary.terms.append(entry)
        term_lines[id(entry)] = {term.text: term.line for term in reversed(concept.terms)
                                 if term.line and target_matches(term.language)}
        not_imported.update(left_out(concept, source_language, target_matches))
    fold_renderings_read_alike(glossary, path=path, on_warning=on_warning, spelled_as=spelled_as,
                               line_of=lambda entry, field, rendering: term_lines[id(entry)].get(rendering))
    if no_source:
        on_warning(f"{path}:{no_source[0]}: {len(no_source):,} concept(s) with no {source_language} term (or only "
                   "deprecated ones) skipped "
                   "(first one here)")
    if no_target:
        on_warning(f"{path}:{no_target[0]}: {len(no_target):,} concept(s) with no {target_language} term imported "
                   "as candidates with no target (first one here)")
    _warn_about_left_out(not_imported, path, on_warning)
    return glossary


def traditional_tag(written: Counter) -> str | None:
    """The tag a Traditional Chinese target is written with, the most used (zh-TW, zh-Hant), so
    that a glossary imported with the default zh keeps its script; None when the target is not
    all Traditional Chinese (plain zh means Simplified)."""
    if not written or any(chinese_script(code) != TRADITIONAL for code in written):
        return None
    most_used = sorted(written, key=lambda code: (-written[code], code))[0]
    return _cased(most_used)


def _cased(code: str) -> str:
    """A language tag in the case BCP 47 recommends: `ZH-tw` and `zh_TW` as zh-TW, `zh-hant` as zh-Hant."""
    subtags = code.replace("_", "-").split("-")
    return "-".join([subtags[0].lower()] + [subtag.title() if len(subtag) == 4 else
                                            subtag.upper() if len(subtag) == 2 else subtag for subtag in subtags[1:]])


def _target_matcher(target_language: str, terms_by_language: Counter, path: str,
                    on_warning: Callable[[str], None]) -> Callable[[str], bool]:
    """Which langSec codes are the target language (language_tags.language_matches): zh-CN takes
    zh, zh-Hans, zh-CN and zh-SG; zh-TW takes zh-Hant and zh-TW, not zh-HK, whose terms differ
    (軟件 for 軟體); a plain zh langSec is Simplified. Plain zh takes whichever the file holds: Simplified, with a warning, when it
    holds both scripts, and the region with the most terms, with a warning, when it holds two."""
    wanted = chinese_script(target_language)
    if wanted is None:
        return lambda code: language_matches(code, target_language)
    if not is_plain_chinese(target_language):  # a termbase's plain zh langSec is Simplified, as CAT tools read it
        return lambda code: chinese_script(code) == wanted and language_matches(code, target_language)
    scripts = Counter()
    for code, count in terms_by_language.items():
        if chinese_script(code):
            scripts[chinese_script(code)] += count
    if len(scripts) > 1:
        on_warning(f"{path}: holds Simplified ({scripts[SIMPLIFIED]} terms) and Traditional Chinese "
                   f"({scripts[TRADITIONAL]} terms); importing Simplified. Pass --target-lang zh-CN or zh-TW to "
                   "choose one")
        return lambda code: chinese_script(code) == SIMPLIFIED
    regions = Counter()
    for code, count in terms_by_language.items():
        if chinese_standard(code):
            regions[_cased(code)] += count
    if len({chinese_standard(code) for code in regions}) > 1:
        chosen = sorted(regions, key=lambda code: (-regions[code], code))[0]
        shown = " and ".join(f"{code} ({regions[code]} terms)" for code in sorted(regions))
        on_warning(f"{path}: holds {shown}, whose terms differ; importing {chosen}. Pass --target-lang to "
                   "choose another")
        return lambda code: chinese_script(code) is not None and language_matches(code, chosen)
    return lambda code: chinese_script(code) is not None


def normalize_code(code: str) -> str:
    return code.strip().replace("_", "-") or "?"


def read_concept(element: ElementTree.Element, line: int,
                 line_of: Callable[[ElementTree.Element], int] | None = None) -> ConceptRecord:
    """Everything an entry needs from a <conceptEntry> (v3) or <termEntry> (v2); `line_of` gives
    the line of a term's container (see xml_safe.XmlEvent.line_of). What no entry field holds is
    listed in `unread`, for the warning that names it."""
    concept = ConceptRecord(line=line)
    for child, indentation in _data_elements(element):
        if local_name(child.tag) in ("langSec", "langSet"):
            _read_language_section(child, concept, line_of or (lambda _: line))
        else:
            _read_concept_detail(child, indentation, concept, "")
    return concept


# Elements that only group data categories: their children are read one by one. A transacGrp
# (a transaction: who changed the entry, when) is one datum, named whole.
_GROUPS = {"descripGrp", "adminGrp", "termNoteGrp", "termGrp"}


def _data_elements(parent: ElementTree.Element) -> Iterator[tuple[ElementTree.Element, str | None]]:
    """The elements under `parent`, groups opened, each with its indentation (see _indentation)."""
    before = parent.text or ""
    for child in parent:
        if local_name(child.tag) in _GROUPS:
            yield from _data_elements(child)
        else:
            yield child, _indentation(before)
        before = child.tail or ""


def _indentation(before: str) -> str | None:
    """The white space starting an element's line, when only white space stands before the element
    there (a pretty-printed file); None when something else does, or the line is the parent's."""
    if "\n" not in before and "\r" not in before:
        return None
    last_line = _LINE_BREAK.split(before)[-1]
    return last_line if not last_line.strip() else None


def _category(element: ElementTree.Element) -> str:
    """The data category as TBX names it: `descrip definition`, `xref xGraphic`, `transacGrp`."""
    kind = element.get("type")
    return f"{local_name(element.tag)} {kind}" if kind else local_name(element.tag)


def _folded(kind: str | None) -> str:
    """A data category name without case, spaces, hyphens or underscores (`Definition`, `subject field`)."""
    return re.sub(r"[\s_-]+", "", kind or "").lower()


def _read_concept_detail(element: ElementTree.Element, indentation: str | None, concept: ConceptRecord,
                         language: str) -> None:
    """Notes, definitions and the subject field, at concept or language level (also inside *Grp)."""
    name = local_name(element.tag)
    kind = _folded(element.get("type")) if name == "descrip" else name
    if name == "note":
        text = _text(element, indentation)
        if text.strip():
            concept.notes.append((language, text))
    elif kind == "definition":
        concept.definitions.append((language, _text(element, indentation)))
    elif kind == "subjectfield" and not language and concept.subject_field is None:
        concept.subject_field = _text(element, indentation)
    else:
        concept.unread.append((language, _category(element)))


def _read_language_section(section: ElementTree.Element, concept: ConceptRecord,
                           line_of: Callable[[ElementTree.Element], int]) -> None:
    language = element_language(section)
    for child, indentation in _data_elements(section):
        if local_name(child.tag) in _TERM_CONTAINERS:
            term = _read_term(child, language, concept)
            if term is not None:
                term.line = line_of(child)
                concept.terms.append(term)
        else:
            _read_concept_detail(child, indentation, concept, language)


def _read_term(container: ElementTree.Element, language: str, concept: ConceptRecord) -> TermRecord | None:
    term_element = next((node for node in container.iter() if local_name(node.tag) == "term"), None)
    if term_element is None:
        return None
    text = _text(term_element, None)
    if not text.strip():
        return None
    term = TermRecord(text=text, language=language)
    unread: list[tuple[str, str]] = []
    for node, indentation in _data_elements(container):
        name = local_name(node.tag)
        kind = node.get("type") if name in ("termNote", "descrip", "admin") else name
        if node is term_element:
            continue
        if is_status_category(kind) and term.status is None:
            term.status_text, term.status_field = _clean(node), (kind or "").strip()
            term.status = status_word(term.status_text)
        elif _folded(kind) == "termtype" and term.term_type is None:
            term.term_type = _clean(node)  # internationalism marks keep_source; any other value is left out
        elif _folded(kind) == "partofspeech" and term.part_of_speech is None:
            term.part_of_speech = _clean(node)
        elif name == "note":
            if _text(node, indentation).strip():
                term.notes.append(_text(node, indentation))
        else:
            unread.append((language, _category(node)))
    concept.unread += unread
    return term


def is_status_category(kind: str | None) -> bool:
    """Whether a data category says if a term may be used: administrativeStatus,
    normativeAuthorization, or a field of a CAT tool's own named as a status (`Status`, `Usage
    status`, `Term Status`); processStatus is the workflow's."""
    folded = re.sub(r"[\s_-]+", "", kind or "").lower()
    return folded in _STATUS_CATEGORIES or (folded.endswith("status") and folded not in _NOT_A_USAGE_STATUS)


def status_word(value: str) -> str:
    """'preferredTerm-admn-sts', 'Preferred Term' and 'preferredTerm' are all 'preferred'."""
    folded = re.sub(r"[\s_-]+", "", value).lower()
    return folded.removesuffix("admnsts").removesuffix("term")


def _refuse_unknown_statuses(terms: list[TermRecord]) -> None:
    for term in terms:
        if term.status is not None and term.status not in _POSITIVE | _NEGATIVE | _NEUTRAL:
            raise InputFormatError(f"term \"{term.text}\" has the unknown {term.status_field} "
                                   f"{term.status_text!r}; use {_KNOWN_STATUSES}", line=term.line)


def _refuse_allowed_and_forbidden(targets: list[TermRecord]) -> None:
    """One concept that allows a rendering and forbids it too is a contradiction for a person to
    settle; neither term may win in silence (the forbidden one used to be dropped)."""
    allowing = {}
    for term in targets:
        if term.status not in _NEGATIVE:
            allowing.setdefault(term.text, term)
    for term in targets:
        other = allowing.get(term.text) if term.status in _NEGATIVE else None
        if other is not None:
            said = other.status_text or "allowed, with no status,"
            where = f" at line {other.line}" if other.line else ""
            raise InputFormatError(f'term "{term.text}" is {term.status_text} here and {said}{where} of the same '
                                   "concept; a rendering is allowed or forbidden, not both: remove one of the terms",
                                   line=term.line)


def _clean(element: ElementTree.Element) -> str:
    """A status or picklist value: spaces and line breaks are layout."""
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _text(element: ElementTree.Element, indentation: str | None) -> str:
    """A term, note or definition as written: tabs, double spaces and line breaks inside are
    content. The layout of a pretty-printed file is not: the white space running up to or down
    from a line break at either end, blanks at the ends of a term, and, in an element indented
    `indentation`, a line break followed by at least that indentation (the text wrapped to the
    file's layout), which is one space, or a blank line between paragraphs. An element that does
    not start its own line (indentation None: no pretty-printer put it there, and the export puts a
    note with blanks at its ends so) keeps the white space at its ends as its own."""
    text = "".join(element.itertext())
    if indentation is not None or local_name(element.tag) == "term":
        text = _LAYOUT_AT_ENDS.sub("", text)
    if indentation:
        def unwrapped(run: re.Match) -> str:
            lines = _LINE_BREAK.split(run.group())
            if not lines[-1].startswith(indentation):
                return run.group()  # a line break of the text's own
            return " " if len(lines) == 2 else "\n\n"

        text = _LINE_BREAK_RUN.sub(unwrapped, text)
    return text.strip() if local_name(element.tag) == "term" else text


def _banned_source_terms(concept: ConceptRecord, source_language: str) -> list[TermRecord]:
    """The concept's English terms marked deprecated (superseded, ...): no spellings of the term,
    but wordings to avoid (concept_to_entry)."""
    return [term for term in concept.terms if language_matches(term.language, source_language)
            and term.status in _NEGATIVE]


def concept_to_entry(concept: ConceptRecord, source_language: str, target_language: str, *,
                     target_matches: Callable[[str], bool] | None = None,
                     unstated: Status = Status.CANDIDATE) -> Entry | None:
    """The glossary entry for a concept, or None when it has no source-language term."""
    target_matches = target_matches or (lambda code: language_matches(code, target_language))
    every_source = [term for term in concept.terms if language_matches(term.language, source_language)]
    targets = [term for term in concept.terms if target_matches(term.language)]
    _refuse_unknown_statuses(every_source + targets)
    # A deprecated English term is no spelling of the term: as the source or a variant, check would
    # take it for the approved term. It is an English wording to avoid (source_forbidden, GL007),
    # unless check reads it as the term itself (`e-mail` deprecated beside `email`): the note keeps
    # that one, since forbidding the term's own spelling would forbid the term.
    sources = _ordered([term for term in every_source if term.status not in _NEGATIVE])
    if not sources:  # no English term, or only deprecated ones: nothing to name the entry by
        return None
    source = sources[0].text
    banned_sources = _banned_source_terms(concept, source_language)
    spelled_alike = [term for term in banned_sources if _same_term(term.text, source)]
    allowed = unique_texts((term.text for term in _ordered(targets) if term.status not in _NEGATIVE))
    _refuse_allowed_and_forbidden(targets)
    forbidden = unique_texts((term.text for term in targets if term.status in _NEGATIVE), exclude=set(allowed))
    keep_source = any(term.text == source and _marks_keep_source(term) for term in targets)
    if any(term.status in _POSITIVE for term in targets):
        status = Status.APPROVED
    elif allowed and all(term.status is None for term in targets if term.status not in _NEGATIVE):
        status = unstated  # nothing said of the allowed renderings (deprecated ones aside): the caller decides
    else:
        status = Status.CANDIDATE
    stated = next((term for term in _ordered(targets) if term.status is not None and term.status not in _NEGATIVE),
                  None)  # where the termbase says the term's status (see approvals.py)
    entry = Entry(
        source=source,
        target=[text for text in allowed if text != source or not keep_source],
        status=status,
        forbidden=forbidden,
        source_variants=unique_texts((term.text for term in sources[1:]
                                      if all(term is not banned for banned in banned_sources)), exclude={source}),
        source_forbidden=unique_texts((term.text for term in banned_sources
                                       if all(term is not alike for alike in spelled_alike)),
                                      exclude={source}),
        keep_source=keep_source,
        line=concept.line,  # the concept entry's, so a merge conflict can name it
    )
    if stated is not None:
        entry.positions["status"] = (stated.line or concept.line or 1, 1)
    involved = every_source + targets
    wanted = (source_language, target_language)
    notes = [text for language, text in concept.notes
             if not language or any(language_matches(language, code) for code in wanted)]
    kept = {id(term) for term in targets if keep_source and term.text == source}  # the mark is no note of a person's
    notes += [f"{term.text}: {note}" for term in involved for note in term.notes
              if not (id(term) in kept and _is_keep_source_note(note))]
    notes += [f"{term.text}: {term.status} {source_language} term" for term in spelled_alike]
    entry.note = "\n".join(notes) or None
    part_of_speech = next((term.part_of_speech for term in involved if term.part_of_speech), None)
    if part_of_speech:
        entry.extra["part_of_speech"] = part_of_speech
    chosen = _chosen_definition(concept, source_language)
    if chosen is not None and concept.definitions[chosen][1]:
        entry.extra["definition"] = concept.definitions[chosen][1]
    if concept.subject_field:
        entry.extra["subject_field"] = concept.subject_field
    return entry


def _marks_keep_source(term: TermRecord) -> bool:
    """A target-language term that is the source kept as it is: its keep_source note, or the
    termType internationalism earlier exports wrote."""
    return term.term_type == INTERNATIONALISM or any(_is_keep_source_note(note) for note in term.notes)


def _is_keep_source_note(note: str) -> bool:
    return _SPACE.sub(" ", note).strip() == KEEP_SOURCE_NOTE


def _chosen_definition(concept: ConceptRecord, source_language: str) -> int | None:
    """Which definition an entry takes: the first of the source language, else the first of the concept."""
    in_source = [index for index, (language, _) in enumerate(concept.definitions)
                 if language and language_matches(language, source_language)]
    of_concept = [index for index, (language, _) in enumerate(concept.definitions) if not language]
    return (in_source or of_concept or [None])[0]


def left_out(concept: ConceptRecord, source_language: str, target_matches: Callable[[str], bool]) -> Counter:
    """What of a concept no entry field holds, by data category (`descrip context`, `transacGrp`):
    what read_concept found no field for, a termType other than the keep_source mark, and the
    definitions besides the one the entry takes. Sections of other languages are not counted:
    a bilingual glossary leaves them out whole."""
    def wanted(language: str) -> bool:
        return not language or language_matches(language, source_language) or target_matches(language)

    counts = Counter(category for language, category in concept.unread if wanted(language))
    source = next((term.text for term in _ordered(concept.terms) if language_matches(term.language, source_language)),
                  None)
    for term in concept.terms:
        marks_keep_source = (term.term_type == INTERNATIONALISM and term.text == source
                             and target_matches(term.language))
        if term.term_type and wanted(term.language) and not marks_keep_source:
            counts["termNote termType"] += 1
    chosen = _chosen_definition(concept, source_language)
    for index, (language, _) in enumerate(concept.definitions):
        if index != chosen and wanted(language):
            counts[f"descrip definition in {language}" if language else "descrip definition"] += 1
    return counts


def _warn_about_left_out(counts: Counter, path: str, on_warning: Callable[[str], None]) -> None:
    """One warning naming each data category the import left out and how often, the most first."""
    if counts:
        shown = ", ".join(f"{category} ({count:,})"
                          for category, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        on_warning(f"{path}: not imported, as no glossary field holds them: {shown}")


def _same_term(one: str, other: str) -> bool:
    """Whether check reads two English spellings as one term (validate.same_term)."""
    from ..validate import same_term

    return same_term(Entry(one), Entry(other))


def _ordered(terms: list[TermRecord]) -> list[TermRecord]:
    """Preferred terms first, then the others in document order."""
    return sorted(terms, key=lambda term: term.status != "preferred")
