"""TBX termbases (ISO 30042): export TBX v3 in the TBX-Basic dialect (or TBX v2, `martif`, for tools
that read no other, such as translate-toolkit and so Weblate), import TBX v3 and v2 (tbx_read).

One glossary entry is one concept. The mapping, both ways:

  entry.source            source-language term, preferredTerm-admn-sts
  entry.source_variants   further source-language terms, admittedTerm-admn-sts
  entry.source_forbidden  source-language terms, deprecatedTerm-admn-sts (on import also superseded,
                          obsolete, forbidden and notRecommended): English wordings to avoid
  entry.target            target-language terms, the first preferredTerm-admn-sts, the rest
                          admittedTerm-admn-sts (no status at all for a candidate entry)
  entry.forbidden         target-language terms, deprecatedTerm-admn-sts (on import also superseded,
                          obsolete, forbidden and notRecommended; case, spaces and hyphens ignored;
                          an unknown status is an error at the term's line, never an allowed term;
                          a status in a CAT tool's own field, as MultiTerm's <descrip type="Status">
                          Forbidden, is read as one)
  entry.keep_source       the source term listed again as a target-language term, with the term
                          note "keep_source: leave this term untranslated" (TBX-Basic has no
                          termType for it; on import also termType internationalism, as earlier
                          exports wrote); unmarked it is one of the entry's targets
                          (`target: [V2G, 车网互动]`)
  entry.note              one concept <note>, its text as written (tabs, double spaces, line breaks;
                          on import several notes are joined by line breaks, and term-level
                          notes are added as "term: note"). Terms keep their tabs and spaces too.
                          In a pretty-printed file, a line break indented at least as deep as
                          the element itself is the file's layout: one space (see _text).
  extra part_of_speech    termNote partOfSpeech        (TBX-Basic values: noun, verb, adjective, adverb, other)
  extra definition        descrip definition of the source language (or of the concept)
  extra subject_field     descrip subjectField

On import, data category names are compared without case (MultiTerm writes `Definition`). What no
entry field holds (context sentences, transactions, graphics, sources, a termType other than the
keep_source mark, definitions of the target language) is counted in one warning per category.

A concept's id is a hash of its source term (see concept_ids), the same from one export to the next.

On import an entry is approved when one of its target terms is preferred or admitted, else a
candidate; rejected entries are never exported. Concepts without a source-language term cannot
become entries and are counted in a warning; other languages in a multilingual termbase are left out.
"""

from __future__ import annotations

import hashlib
import os
import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Callable, Iterable

from .. import TOOL
from ..errors import GlossaryFileError
from ..glossary import Entry, Glossary, Status
from ..readers.xml_safe import XML_LANG
from .fields import DEFINITION, PART_OF_SPEECH, SUBJECT_FIELD, report_unrepresentable
from .tbx_read import KEEP_SOURCE_NOTE, read_tbx, unique_texts

__all__ = ["glossary_to_tbx", "concept_ids", "read_tbx"]  # read_tbx: the other direction, in tbx_read

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
PREFERRED, ADMITTED, DEPRECATED, SUPERSEDED = ("preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                               "deprecatedTerm-admn-sts", "supersededTerm-admn-sts")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")  # the TBX-Basic picklist
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_INDENTED_LINE = re.compile(r"[\r\n][ \t]")
# Characters XML 1.0 cannot hold, not even escaped: C0 controls other than tab and line ends,
# lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _ignore(message: str) -> None:
    pass


# ---------------------------------------------------------------- export

def glossary_to_tbx(glossary: Glossary, *, statuses: Iterable[Status] = (Status.APPROVED,),
                    path: str | None = None, on_warning: Callable[[str], None] = _ignore, version: int = 3) -> str:
    """A TBX-Basic (TBX v3, DCA style) document holding the entries whose status is in `statuses`;
    with version 2, the same data categories in TBX v2's elements (martif, termEntry, langSet, tig).

    `path` is the glossary's file, named in the header and in errors. An entry holding a character
    XML cannot hold is refused (GlossaryFileError at its line): dropping the entry or the character
    would hand the CAT tool a termbase that silently differs from the glossary. Fields TBX has no
    data category for (case_sensitive, match_compounds, custom keys) are named in one warning, and
    so are rejected entries asked for along with others: a termbase holds no rejected terms.
    """
    wanted = set(statuses) - {Status.REJECTED}
    if Status.REJECTED in set(statuses) and wanted:  # rejected alone: export_glossary refuses it
        _warn_about_rejected(sum(entry.status is Status.REJECTED for entry in glossary.terms), path, on_warning)
    source_language = _bcp47(glossary.languages.get("source", "en"), path)
    target_language = _bcp47(glossary.languages.get("target", "zh"), path)
    root = ElementTree.Element("tbx", {"xmlns": TBX_NAMESPACE, "type": "TBX-Basic", "style": "dca",
                                       XML_LANG: source_language})
    header = _child(root, "tbxHeader")
    description = _child(_child(header, "fileDesc"), "sourceDesc")
    origin = f" from {os.path.basename(path)}" if path else ""
    _child(description, "p", f"Exported by {TOOL}{origin}.")
    body = _child(_child(root, "text"), "body")
    lost: Counter = Counter()
    exported = [entry for entry in glossary.terms if entry.status in wanted and entry.source.strip()]
    for entry in exported:
        _refuse_what_xml_cannot_hold(entry, path)
    for entry, identifier in zip(exported, concept_ids(exported)):
        body.append(_concept(entry, identifier, source_language, target_language))
        lost.update(_not_in_tbx(entry))
    if not len(body):
        root.find("text").remove(body)  # type: ignore[union-attr]  # <body> may not be empty
    if version == 2:
        _as_version_2(root)
    ElementTree.indent(root, space="  ")
    _unindent_text_with_indented_lines(root)
    # A carriage return in a note or term is written as a character reference: XML parsers turn
    # a literal one into a line feed.
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ElementTree.tostring(root, encoding="unicode").replace("\r", "&#13;") + "\n")
    unwritable = _NOT_XML.search(text)  # e.g. in the language codes: never write a broken termbase
    if unwritable:
        raise GlossaryFileError(f"{_named(unwritable.group())} cannot be written in TBX (XML); remove it",
                                path=path)
    report_unrepresentable(lost, "tbx", path, on_warning)
    return text


# TBX v3 elements and their TBX v2 (TBX 2008, `martif`) names; the data categories are the same.
_VERSION_2_NAMES = {"tbxHeader": "martifHeader", "conceptEntry": "termEntry", "langSec": "langSet",
                    "termSec": "tig"}


def _as_version_2(root: ElementTree.Element) -> None:
    """The TBX v3 tree, in place, in TBX v2's elements: <martif type="TBX-Basic"> without the v3
    namespace and style, termEntry/langSet/tig for conceptEntry/langSec/termSec. Only element names
    change, so every text stays as written."""
    root.tag = "martif"
    del root.attrib["xmlns"], root.attrib["style"]
    for element in root.iter():
        element.tag = _VERSION_2_NAMES.get(element.tag, element.tag)


def _unindent_text_with_indented_lines(root: ElementTree.Element) -> None:
    """A note or definition with a line that starts with white space, or with white space at its
    ends, is written right after what precedes it, not on a line of its own: the importer takes an
    indented line of an indented element, and the blanks and line breaks at its ends, for the
    file's layout (see tbx_read._text), and these are the text's own."""
    for parent in root.iter():
        before = None
        for child in parent:
            if not len(child) and child.text and child.text.strip() and (_INDENTED_LINE.search(child.text)
                                                                          or child.text != child.text.strip()):
                if before is None:
                    parent.text = ""
                else:
                    before.tail = ""
            before = child


def concept_ids(entries: list[Entry]) -> list[str]:
    """An id for each entry's concept that stays the same from one export to the next, so a CAT
    tool can update its termbase by id: `c` and a hash of the source term, which neither adding
    nor moving other entries, nor a new target, nor approval changes. When two entries share a
    source term (a candidate sense beside the approved one), the approved one keeps that id and the
    other gets a hash of its source, status and first target; should that be taken too, `-2`,
    `-3` in glossary order. Each id is an xml:id (it starts with a letter) and unique."""
    order = sorted(range(len(entries)), key=lambda index: entries[index].status is not Status.APPROVED)
    taken: set[str] = set()
    ids: dict[int, str] = {}
    for index in order:
        entry = entries[index]
        first_target = entry.target[0] if entry.target else ""
        choices = [_hashed(entry.source.strip()), _hashed(entry.source.strip(), entry.status.value, first_target)]
        identifier = next((choice for choice in choices if choice not in taken), None)
        number = 2
        while identifier is None or identifier in taken:
            identifier, number = f"{choices[1]}-{number}", number + 1
        taken.add(identifier)
        ids[index] = identifier
    return [ids[index] for index in range(len(entries))]


def _hashed(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return "c" + digest[:10]


def _warn_about_rejected(count: int, path: str | None, on_warning: Callable[[str], None]) -> None:
    if count:
        where = f"{path}: " if path else ""
        on_warning(f"{where}{count:,} rejected entr{'y' if count == 1 else 'ies'} not exported: a TBX termbase holds "
                   "no rejected terms; export them with --to csv --status rejected")


def _bcp47(code: str, path: str | None) -> str:
    """xml:lang takes BCP 47 tags: `zh_CN`, which the glossary accepts, is written `zh-CN`."""
    tag = str(code).strip().replace("_", "-")
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise GlossaryFileError(f"language {code!r} is not a language tag such as zh-CN; correct `languages:` "
                                "and export again", path=path)
    return tag


def _not_in_tbx(entry: Entry) -> list[str]:
    """The fields of `entry` that its concept cannot hold."""
    lost = ["case_sensitive"] if entry.case_sensitive is not None else []
    for key, value in entry.extra.items():
        carried = (key == PART_OF_SPEECH and value in PARTS_OF_SPEECH
                   or key in (DEFINITION, SUBJECT_FIELD) and isinstance(value, str))
        if not carried:
            lost.append(key)
    return lost


def _refuse_what_xml_cannot_hold(entry: Entry, path: str | None) -> None:
    fields = [("source", [entry.source]), ("source_variants", entry.source_variants),
              ("source_forbidden", entry.source_forbidden), ("target", entry.target),
              ("forbidden", entry.forbidden), ("note", [entry.note or ""])]
    fields += [(key, [entry.extra[key]]) for key in ("definition", "subject_field", "part_of_speech")
               if isinstance(entry.extra.get(key), str)]
    for key, values in fields:
        for value in values:
            unwritable = _NOT_XML.search(value)
            if unwritable:
                shown = _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", entry.source)
                raise GlossaryFileError(f'entry "{shown}" has {_named(unwritable.group())} in its {key}, which TBX '
                                        "(XML) cannot hold; remove it from the glossary and export again",
                                        path=path, line=entry.position(key)[0] if entry.line else None)


def _named(character: str) -> str:
    kind = "the control character" if character < " " else "the character"
    return f"{kind} U+{ord(character):04X}"


def _concept(entry: Entry, identifier: str, source_language: str, target_language: str) -> ElementTree.Element:
    concept = ElementTree.Element("conceptEntry", {"id": identifier})
    subject = entry.extra.get("subject_field")
    if isinstance(subject, str) and subject.strip():
        _child(concept, "descrip", subject, type="subjectField")
    if entry.note and entry.note.strip():
        _child(concept, "note", entry.note)  # one note, line breaks and spaces as written
    part_of_speech = entry.extra.get("part_of_speech")
    part_of_speech = part_of_speech if part_of_speech in PARTS_OF_SPEECH else None
    approved = entry.status is Status.APPROVED

    source_section = _child(concept, "langSec", **{XML_LANG: source_language})
    definition = entry.extra.get("definition")
    if isinstance(definition, str) and definition.strip():
        _child(source_section, "descrip", definition, type="definition")
    _term(source_section, entry.source, PREFERRED if approved else None, part_of_speech)
    for variant in unique_texts(entry.source_variants, exclude={entry.source}):
        _term(source_section, variant, ADMITTED if approved else None, part_of_speech)
    for wording in unique_texts(entry.source_forbidden, exclude={entry.source, *entry.source_variants}):
        _term(source_section, wording, DEPRECATED, part_of_speech)

    allowed = unique_texts(([entry.source] if entry.keep_source else []) + list(entry.target))
    forbidden = unique_texts(entry.forbidden, exclude=set(allowed))
    if allowed or forbidden:
        target_section = _child(concept, "langSec", **{XML_LANG: target_language})
        for index, rendering in enumerate(allowed):
            status = (PREFERRED if index == 0 else ADMITTED) if approved else None
            kept = entry.keep_source and rendering == entry.source.strip()
            _term(target_section, rendering, status, part_of_speech, KEEP_SOURCE_NOTE if kept else None)
        for rendering in forbidden:
            _term(target_section, rendering, DEPRECATED, part_of_speech)
    return concept


def _term(section: ElementTree.Element, text: str, status: str | None, part_of_speech: str | None,
          note: str | None = None) -> None:
    term_section = _child(section, "termSec")
    _child(term_section, "term", text)
    if part_of_speech:
        _child(term_section, "termNote", part_of_speech, type="partOfSpeech")
    if status:
        _child(term_section, "termNote", status, type="administrativeStatus")
    if note:
        _child(term_section, "note", note)


def _child(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element
