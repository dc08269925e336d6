"""Streaming, hardened XML for the TMX, XLIFF and TBX readers.

defusedxml refuses entity declarations (so entity-expansion bombs and external entities never
get a chance to run) and external references; a DOCTYPE that only names a DTD is allowed, as
TMX files often carry one, but the DTD is never read, and attribute declarations in the DOCTYPE
are refused (expat would give every element their defaults, unseen). A reader may ask for the
entities a document declares with their text to be expanded instead, within limits
(xml_entities: Android resources use them). Elements are handed out as they complete and then
detached from the tree, so a large translation memory is read in constant memory; nesting
deeper than MAX_NESTING, and a segment larger than a segment may be, are refused as they are
read. Every element comes with the line of its start tag, and every parse problem becomes an
InputFormatError at a line.
Elements named in `marked` also come with where their text starts (TextStart), so that `check`
can point at the words of a <target> or <seg> rather than at its unit.
"""

from __future__ import annotations

import codecs
import json
import pyexpat
import re
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import InputFormatError, OtherLanguageError
# the rule for whether a declared language is the wanted one; imported from here by the readers
from ..language_tags import (SIMPLIFIED, TRADITIONAL, chinese_script, language_matches,  # noqa: F401
                             normalize_language)
from ..textio import MAX_SEGMENT_CHARS, decode, declared_encoding, encoding_problem, open_binary, read_bytes
from . import mislabelled, xml_errors

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ITS_TRANSLATE = "{http://www.w3.org/2005/11/its}translate"
_CHUNK_SIZE = 1 << 16
# How deep elements may nest: as deep as libxml2 reads by default (and so lxml, and the tools built
# on it, translate-toolkit among them). Real files nest a dozen levels with XLIFF groups and inline
# codes; one nested deeper is broken, or made to stall a reader or exhaust its recursion.
MAX_NESTING = 256
# How much of the file one segment element may span with its inline codes, white space and tags:
# room for any segment within MAX_SEGMENT_CHARS, and little enough to hold in memory.
MAX_SEGMENT_BYTES = 10 * MAX_SEGMENT_CHARS
# How much text the elements held in memory at once may hold: a unit (a TMX <tu>, an XLIFF
# <trans-unit> with its notes, a TBX concept), or the header before the first. A hundred times what
# a segment may hold; a <note> or <prop> of a hundred megabytes is a broken or hostile file, and
# held whole it took gigabytes before anything said so.
MAX_HELD_CHARS = 100 * MAX_SEGMENT_CHARS
# Encodings expat decodes itself; any other declared encoding is decoded by Python first.
_EXPAT_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf16", "iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_XML_SPACE = re.compile(r"[ \t\r\n]+")

# Inline codes that stand for formatting or placeholders: their content never becomes words, but
# for a <sub> in it (TMX, XLIFF 1.2), a sub-flow of translatable text such as a footnote.
# (TMX: ph bpt ept it ut; XLIFF 1.2: x bx ex ph bpt ept it; XLIFF 2: ph sc ec sm em. XLIFF 2's <cp/>
# is no code but a character XML cannot hold, see cp_character.)
PLACEHOLDER_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em"})
# The standalone ones: a line break, a variable, an image. Each stands where words would, so it
# separates the words around it, as a literal `%s` or `<br/>` does; the paired ones (bpt/ept, sc/ec,
# and <g>/<pc> around text) wrap words and join them.
STANDALONE_CODES = frozenset({"ph", "x"})
# <it>, <bx/> and <ex/> are halves of paired formatting codes, and Angular writes its paired tags
# as <x id="START_BOLD_TEXT"/> ... <x id="CLOSE_BOLD_TEXT"/>: they join like <g>, unless nothing
# stands between the two (<mat-icon></mat-icon>: an icon where a word would be).
# Trados tracked changes: text a reviewer deleted (its added text, x-sdl-added, is read as any).
DELETED_MARKS = frozenset({"x-sdl-deleted", "x-sdl-feedback-deleted"})
# Text the translator is told to leave as it is (a product name, a command) is no place where a term
# must be translated: it is read as a standalone code is. XLIFF 2 marks it <mrk translate="no">, or
# <sm translate="no"/> ... <em startRef/> when it crosses other markup; XLIFF 1.2 <mrk mtype="protected">.
_PROTECTED_MTYPES = frozenset({"protected"})
# What a standalone code leaves in the text: a placeholder that stands for a word (placeholders.py),
# so `user <ph>%s</ph> account` holds no `user account` and `the<x/>grid` is no word `thegrid`.
CODE_MARK = "{}"

# Language codes written differently for the same language.


@dataclass(frozen=True)
class TextStart:
    """Where the first words inside an element start: line, and 1-based column in characters and
    in UTF-16 code units (None when the encoding of the bytes before it on its line is not known)."""

    line: int
    column: int
    column_utf16: int | None


@dataclass(frozen=True)
class XmlEvent:
    """An element whose start tag was just read ("start") or which is now complete ("end")."""

    kind: str
    name: str  # local name, without the namespace
    element: ElementTree.Element
    line: int  # line of the start tag
    inner_lines: dict[int, int] = field(default_factory=dict)  # id(element) -> start line, for `marked` names
    text_starts: dict[int, TextStart] = field(default_factory=dict)  # id(element) -> its text, for `marked` names
    # id(element) -> its words as written, for `marked` elements whose words came in one piece of the
    # file (no entity, inline element or line break among them): the file shows them as they are
    plain_texts: dict[int, str] = field(default_factory=dict)

    def line_of(self, inner: ElementTree.Element) -> int:
        """The start line of an element inside this one (one named in `marked`), else this one's."""
        return self.inner_lines.get(id(inner), self.line)

    def text_start(self, inner: ElementTree.Element) -> TextStart | None:
        """Where the words of an element inside this one (one named in `marked`) start, if it has any."""
        return self.text_starts.get(id(inner))


def at_text(location, event: XmlEvent, inner: ElementTree.Element | None, text: str | None = None):
    """The location with its target position where the words of `inner` (a marked element) start;
    given the reader's `text` of it, whether the file shows that text as it is (Location.target_verbatim)."""
    start = event.text_start(inner) if inner is not None else None
    if start is None:
        return location
    verbatim = text is not None and inner is not None and event.plain_texts.get(id(inner)) == text
    return type(location)(location.path, location.line, location.unit, start.line, start.column, start.column_utf16,
                          verbatim)


def local_name(tag: object) -> str:
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in element if local_name(child.tag) == name]


def first_child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    for child in element:
        if local_name(child.tag) == name:
            return child
    return None


def element_language(element: ElementTree.Element) -> str:
    """xml:lang, or the bare `lang` attribute of TMX 1.1 and some TBX v2 files."""
    return element.get(XML_LANG) or element.get("lang") or ""


def is_protected(name: str, element: ElementTree.Element) -> bool:
    """Whether an inline <mrk> holds text marked not to be translated (see _PROTECTED_MTYPES)."""
    return name == "mrk" and (element.get("translate") == "no" or element.get(ITS_TRANSLATE) == "no"
                              or element.get("mtype") in _PROTECTED_MTYPES)


def opens_protected(name: str, element: ElementTree.Element) -> str | None:
    """The id of an XLIFF 2 <sm translate="no"/>, whose text runs to the <em/> of that startRef."""
    if name == "sm" and (element.get("translate") == "no" or element.get(ITS_TRANSLATE) == "no"):
        return element.get("id") or ""
    return None


def closes_protected(name: str, element: ElementTree.Element, open_ids) -> str | None:
    """The id an <em startRef/> closes, when it is one of the open protected <sm/>s."""
    if name == "em" and (element.get("startRef") or "") in open_ids:
        return element.get("startRef") or ""
    return None


def cp_character(element: ElementTree.Element) -> str:
    """The character an XLIFF 2 <cp hex="0009"/> stands for. One that is no text (a control
    character, a surrogate, a noncharacter, a malformed hex) separates the words as a space."""
    try:
        character = chr(int(element.get("hex") or "", 16))
    except (ValueError, OverflowError):
        return " "
    return " " if unicodedata.category(character) in ("Cc", "Cs", "Cn") else character


def segment_text(element: ElementTree.Element) -> str:
    """The words of a segment: text inside <g>/<pc>/<hi>/<mrk> kept (but not tracked deletions),
    paired codes dropped, each run of standalone codes between words turned into CODE_MARK (at the
    ends: dropped), line breaks and runs of spaces turned into one space, the ends stripped. The
    words of a <sub> inside a code (a footnote, a link's title) are kept, set apart as by a
    standalone code on each side. Text marked not to be translated counts as a standalone code; an
    XLIFF 2 <cp/> as its character."""
    parts: list[str] = []
    _collect_text(element, parts)
    text = _XML_SPACE.sub(" ", "".join(part for part in parts if part is not _OPENED)).strip(" " + _CODE)
    return _CODE_RUN.sub(CODE_MARK, text) if _CODE in text else text


# Stands for a standalone code while the text is collected (XML text never holds U+0000).
_CODE = "\x00"
_OPENED = "\x01"  # an Angular START_ tag whose CLOSE_ has not come yet; compared by identity
_CODE_RUN = re.compile("\x00(?: ?\x00)*")


class _Parts:
    """The pieces of a segment's text as they are collected, none while protected text runs
    between an <sm translate="no"/> and its <em/>."""

    def __init__(self, parts: list[str]) -> None:
        self.parts = parts
        self.protected: set[str] = set()  # ids of the <sm translate="no"/> open

    def add(self, text: str | None) -> None:
        if text and not self.protected:
            self.parts.append(text)


def _collect_text(element: ElementTree.Element, parts: list[str]) -> None:
    """Append the text of `element` in document order. The walk keeps its own stack (of children
    still to visit, and the tail that follows them), since markup nested thousands deep would
    exhaust Python's recursion limit."""
    collected = _Parts(parts)
    collected.add(element.text)
    pending: list[tuple[Iterator[ElementTree.Element], str | None]] = [(iter(element), None)]
    while pending:
        children_left, tail = pending[-1]
        child = next(children_left, None)
        if child is None:
            pending.pop()
            collected.add(tail)
            continue
        name = local_name(child.tag)
        code_id = child.get("id") or "" if name == "x" else ""
        if code_id.startswith("START_"):
            collected.add(_OPENED)
        elif code_id.startswith("CLOSE_"):
            if parts and parts[-1] is _OPENED and not collected.protected:
                parts[-1] = _CODE  # nothing between: an element standing alone (an icon), as a word would
        elif name in STANDALONE_CODES or is_protected(name, child):
            collected.add(_CODE)
        elif opens_protected(name, child) is not None:
            collected.add(_CODE)
            collected.protected.add(opens_protected(name, child))
        elif closes_protected(name, child, collected.protected) is not None:
            collected.protected.discard(closes_protected(name, child, collected.protected))
        elif name == "cp":
            collected.add(cp_character(child))
        elif name == "mrk" and child.get("mtype") in DELETED_MARKS:
            pass
        elif name == "sub":  # a sub-flow inside a code: words, but of another sentence than those around
            collected.add(_CODE)
            collected.add(child.text)
            pending.append((iter(child), _CODE))  # its tail is the code's content, not words
            continue
        elif name not in PLACEHOLDER_ELEMENTS and isinstance(child.tag, str):
            collected.add(child.text)
            pending.append((iter(child), child.tail))
            continue
        sub_flows = children(child, "sub") if name in PLACEHOLDER_ELEMENTS else []
        if sub_flows:
            pending.append((iter(sub_flows), child.tail))
        else:
            collected.add(child.tail)


class TextKind(Enum):
    """What the text directly inside an element is, as segment_text reads it."""

    WORDS = "words"
    CODE = "code"  # the content of an inline code (the `<b>` of a <bpt>, the `{0}` of a <ph>)
    DELETED = "deleted"  # a tracked deletion, dropped with all it holds


def text_kind(name: str, element: ElementTree.Element, enclosing: TextKind) -> TextKind:
    """The kind of text inside an element, within one whose text is `enclosing`: so that `check`
    points past codes and deletions at where the words start, and at the <sub> of a code."""
    if enclosing is TextKind.DELETED or (name == "mrk" and element.get("mtype") in DELETED_MARKS):
        return TextKind.DELETED
    if name == "sub":
        return TextKind.WORDS
    if name in PLACEHOLDER_ELEMENTS or is_protected(name, element):
        return TextKind.CODE
    return enclosing


def wanted_languages(options) -> tuple[str, str]:
    """(source, target) language the caller wants: English and Chinese unless overridden."""
    return (options.source_lang or "en"), (options.target_lang or "zh")


def swap_for_declared(declared_source: str | None, declared_target: str | None, options,
                      path: str, line: int | None = None) -> bool:
    """Whether a file that declares its own direction must be read the other way round.

    A zh -> en file is swapped so that English stays the source; a file in other languages is an
    error that names the languages it declares."""
    source, target = wanted_languages(options)
    if not declared_source and not declared_target:
        return False
    forward = (not declared_source or language_matches(declared_source, source)) and \
              (not declared_target or language_matches(declared_target, target))
    if forward:
        return False
    backward = (not declared_source or language_matches(declared_source, target)) and \
               (not declared_target or language_matches(declared_target, source))
    if backward:
        return True
    raise OtherLanguageError(
        f"file translates {declared_source or '?'} -> {declared_target or '?'}, not {source} <-> {target}; "
        "pass --source-lang/--target-lang to read other languages", path=path, line=line)


class _LineTrackingBuilder(ElementTree.TreeBuilder):
    """Builds the tree, remembers each start tag's line, and hands out the elements asked for.

    Each start tag and piece of text costs the same whatever the depth of the elements open around
    it (a file nested thousands deep took minutes when each event looked at every open parent);
    the nesting is bounded all the same (MAX_NESTING), and so is what a segment holds."""

    def __init__(self, starts: frozenset[str], ends: frozenset[str], marked: frozenset[str] = frozenset(),
                 segments: frozenset[str] = frozenset(), *, path: str = "", kind: str = "XML") -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.starts = starts
        self.ends = ends
        self.marked = marked
        self.segments = segments
        self.path = path
        self.kind = kind
        self.marked_lines: dict[int, int] = {}  # of marked elements inside the `ends` element being built
        self.text_starts: dict[int, TextStart] = {}  # likewise
        # Whether the words of a marked element come in one piece of the file: `breaks` counts what
        # splits the words of every element open (a start tag, or words after the first piece), and
        # each marked element with words keeps its first piece and the count it came at.
        self.breaks = 0
        self.first_pieces: dict[int, tuple[str, int]] = {}  # of the marked elements open with words
        self.plain_texts: dict[int, str] = {}  # of those ended in one piece
        self.awaiting_text: list[ElementTree.Element] = []  # marked elements open and without words yet
        self.text_kinds: list[TextKind] = [TextKind.WORDS]  # of each open element
        self.segment: _OpenSegment | None = None  # the outermost `segments` element open
        self.input = _InputWindow()
        self.protected: set[str] = set()  # ids of the <sm translate="no"/> open: no words until their <em/>
        self.events: list[XmlEvent] = []
        self.open: list[tuple[ElementTree.Element, int]] = []
        self.root_name: str | None = None
        self.held = 0  # characters of text in the tree since an `ends` element was last handed out

    def start(self, tag, attrs):  # type: ignore[override]
        line = self.parser.parser.CurrentLineNumber if self.parser is not None else 0
        name = local_name(tag)
        if len(self.open) >= MAX_NESTING:
            raise InputFormatError(f"{self.kind} elements nested more than {MAX_NESTING:,} deep (<{name}> here); "
                                   "no real file nests so deep, so this one is refused as broken", path=self.path,
                                   line=line)
        element = super().start(tag, attrs)
        if self.root_name is None:
            self.root_name = name
            self.events.append(XmlEvent("root", name, element, line))
        self.open.append((element, line))
        self.text_kinds.append(text_kind(name, element, self.text_kinds[-1]))
        if opens_protected(name, element) is not None:
            self.protected.add(opens_protected(name, element))
        elif closes_protected(name, element, self.protected) is not None:
            self.protected.discard(closes_protected(name, element, self.protected))
        self.breaks += 1  # an inline element among the words of the elements open
        if self.segment is not None:
            self.segment.hold(0, self._position(), self)
        elif name in self.segments:
            self.segment = _OpenSegment(element, name, line, self._position())
        if name in self.marked:
            self.marked_lines[id(element)] = line
            self.awaiting_text.append(element)
        if name in self.starts:
            self.events.append(XmlEvent("start", name, element, line))
        return element

    def data(self, data):  # type: ignore[override]
        # Called for each piece of text as expat reads it (buffer_text is off), so the parser's
        # position is where this piece starts; expat hands line breaks over as pieces of their own.
        words = self.text_kinds[-1] is TextKind.WORDS and not self.protected
        if self.segment is not None:
            self.segment.hold(_non_space(data) if words else 0, self._position(), self)
        self.held += len(data)
        if self.held > MAX_HELD_CHARS:
            element, line = self.open[-1] if self.open else (None, 0)
            inside = f" (the last in <{local_name(element.tag)}>)" if element is not None else ""
            raise InputFormatError(f"over {MAX_HELD_CHARS:,} characters of text in one {self.kind} unit or header"
                                   f"{inside}; no real file holds so much in one place, so this one is refused as "
                                   "broken", path=self.path, line=line)
        if not data.strip():
            return super().data(data)
        self.breaks += 1  # words after the first piece of the elements already holding some
        if self.awaiting_text and words and self.parser is not None:
            expat = self.parser.parser
            lead = len(data) - len(data.lstrip())
            column = expat.CurrentColumnNumber + lead + 1
            astral = self.input.astral_before(expat.CurrentByteIndex)
            start = TextStart(expat.CurrentLineNumber, column, None if astral is None else column + astral)
            for element in self.awaiting_text:
                self.text_starts[id(element)] = start
                self.first_pieces[id(element)] = (data.strip(), self.breaks)
            self.awaiting_text.clear()
        return super().data(data)

    def _position(self) -> int:
        return self.parser.parser.CurrentByteIndex if self.parser is not None else 0

    def end(self, tag):  # type: ignore[override]
        element = super().end(tag)
        _, line = self.open.pop()
        self.text_kinds.pop()
        if self.awaiting_text and self.awaiting_text[-1] is element:  # it ended without words
            self.awaiting_text.pop()
        first = self.first_pieces.pop(id(element), None)
        if first is not None and first[1] == self.breaks:  # nothing came after its first piece of words
            self.plain_texts[id(element)] = first[0]
        if self.segment is not None and self.segment.element is element:
            self.segment = None
        name = local_name(tag)
        if name in self.ends:
            self.events.append(XmlEvent("end", name, element, line, self.marked_lines, self.text_starts,
                                        self.plain_texts))
            self.marked_lines = {}
            self.text_starts = {}
            self.plain_texts = {}
            self.first_pieces.clear()
            self.protected.clear()  # an <sm/> never closed ends with its unit
            if self.open:  # detach it so the tree does not grow with the file
                parent = self.open[-1][0]
                if len(parent) and parent[-1] is element:
                    del parent[-1]
            self.held = 0
        return element


@dataclass
class _OpenSegment:
    """An element whose words are one segment (a side of a pair), while it is read: refused as soon
    as it holds more than a segment may, rather than once the whole of it is in memory."""

    element: ElementTree.Element
    name: str
    line: int
    start: int  # byte offset of its start tag in what expat is fed
    words: int = 0  # characters of its words other than white space: segment_text keeps each of them

    def hold(self, words: int, position: int, builder: _LineTrackingBuilder) -> None:
        """Count `words` more characters, and check how far into the file (`position`) it runs."""
        self.words += words
        if self.words > MAX_SEGMENT_CHARS:
            raise InputFormatError(f"a segment of over {MAX_SEGMENT_CHARS:,} characters; a segment holds at most "
                                   f"{MAX_SEGMENT_CHARS:,} (split it into sentences)", path=builder.path,
                                   line=self.line)
        if position - self.start > MAX_SEGMENT_BYTES:  # codes, white space, words: all that is kept of it
            raise InputFormatError(f"a <{self.name}> of over {MAX_SEGMENT_BYTES:,} bytes of text and markup; a "
                                   f"segment holds at most {MAX_SEGMENT_CHARS:,} characters of text (split it "
                                   "into sentences)", path=builder.path, line=self.line)


def _non_space(text: str) -> int:
    """How many characters of `text` are not XML white space (which segment_text collapses)."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


def iter_xml(path: str, *, starts: frozenset[str] = frozenset(), ends: frozenset[str] = frozenset(),
             marked: frozenset[str] = frozenset(), encoding: str | None = None, kind: str = "XML",
             on_warning: Callable[[str], None] | None = None, internal_entities: bool = False,
             segments: frozenset[str] = frozenset()) -> Iterator[XmlEvent]:
    """Stream a file's XML events: the root element first, then start events for `starts` and
    complete elements for `ends` (local names), each with its line and the lines of the elements
    named in `marked` inside it (see XmlEvent.line_of).

    `encoding` overrides the encoding the document declares (the --encoding option). A document
    declaring a single-byte encoding whose bytes are UTF-8 Chinese is read as UTF-8, and
    `on_warning` told so. `internal_entities`: expand the entities the document declares with
    their text, within limits (xml_entities), rather than refuse any declaration. `segments`: the
    elements whose words are each one segment (a TMX <seg>, an XLIFF <source>), refused as soon as
    one holds more than a segment may (MAX_SEGMENT_CHARS), so that memory stays flat."""
    builder = _LineTrackingBuilder(starts, ends, marked, segments, path=path, kind=kind)
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=not internal_entities,
                              forbid_external=True)
    _refuse_attribute_declarations(parser.parser, path, kind)
    if internal_entities:
        from .xml_entities import InternalEntities

        InternalEntities(path, kind).watch(parser.parser)
    builder.parser = parser
    if marked:
        parser.parser.buffer_text = False  # text as it is read, at its own position (see data)
    fed_anything = False
    try:
        for chunk in _chunks(path, encoding, kind, on_warning):
            builder.input.saw(chunk)
            fed_anything = fed_anything or bool(chunk.strip())
            _feed(parser, chunk, path, kind, builder.input)
            yield from _drain(builder)
        if not fed_anything:
            raise InputFormatError(f"empty file: no {kind} content", path=path)
        _feed(parser, None, path, kind, builder.input)
        yield from _drain(builder)
    finally:
        builder.events.clear()


def _refuse_attribute_declarations(expat, path: str, kind: str) -> None:
    """Refuse the attribute declarations of a DOCTYPE's internal subset, at their line. expat gives
    every element the defaults they declare, so that one line above the root can make every
    <trans-unit> translate="no" or every <file> another target-language, and `check` skip them
    all, while nothing shows where the units are; a declared type other than CDATA changes how a
    value reads (its spaces collapsed). The DTD a DOCTYPE names is never read (no parameter entity
    is), so no declaration comes from there; and only the attributes an element is written with
    are read, defaults or not.

    <!ELEMENT> and <!NOTATION> change nothing expat hands over, and are let be: an ElementDeclHandler
    would have pyexpat convert each content model recursively, which one nested deep enough crashes."""

    def refuse(element: str, attribute: str, _type: str, default: str | None, _required: int) -> None:
        declares = (f"in its DOCTYPE that every <{element}> has {attribute}={_shown(default)} unless it says "
                    "otherwise" if default is not None else f"the attribute {attribute} of <{element}> in its DOCTYPE")
        raise InputFormatError(f"{kind} declares {declares}; attribute declarations (<!ATTLIST>) are refused, since "
                               "they change what elements say without it showing where they are",
                               path=path, line=expat.CurrentLineNumber)

    expat.AttlistDeclHandler = refuse
    expat.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    expat.specified_attributes = True


def _shown(value: str, limit: int = 40) -> str:
    """An attribute value as a message shows it: quoted, escaped, cut short."""
    return json.dumps(value if len(value) <= limit else value[:limit] + "…", ensure_ascii=False)


_UTF8_NAMES = {"utf-8", "utf8"}
_SINGLE_BYTE_NAMES = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}
_FOUR_BYTE_LEADS = [bytes([lead]) for lead in range(0xF0, 0xF5)]  # UTF-8: each starts one character beyond U+FFFF
# UTF-16 decoded with its surrogates let through: a character beyond U+FFFF, or the first half of
# one whose second half is in the next piece.
_ASTRAL_OR_HIGH_SURROGATE = re.compile("[\U00010000-\U0010ffff\ud800-\udbff]")


class _InputWindow:
    """The last two chunks fed to expat, to count the characters beyond U+FFFF between the start of
    a line and a byte offset: a UTF-16 column is the character column plus that count. Offsets are
    asked for in increasing order, so each byte is counted once, even on a file of one long line.

    expat reads UTF-8 (and text fed as str, which it is given as UTF-8), UTF-16 (told by its
    byte-order mark or by its first `<`; read here in whole code units, as the chunks are of even
    length) and single-byte encodings (which hold no such characters)."""

    def __init__(self) -> None:
        # "utf-8", "utf-16-le", "utf-16-be", "single-byte" or None (unknown), from the first chunk
        self.kind: str | None = None
        self.previous = b""
        self.current = b""
        self.start = 0  # byte offset of `previous` in the input
        self.counted_to = 0  # byte offset up to which...
        self.count = 0  # ...this many such characters follow the last line break

    def saw(self, chunk: bytes | str) -> None:
        first = not self.current and not self.start
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8")
            if first:
                self.kind = "utf-8"
        elif first:
            self.kind = self._kind(chunk)
        if self.kind not in (None, "single-byte"):
            self._count_to(self.start + len(self.previous))  # before `previous` is let go
        self.start += len(self.previous)
        self.previous, self.current = self.current, chunk

    @staticmethod
    def _kind(head: bytes) -> str | None:
        if head.startswith((codecs.BOM_UTF16_LE, b"<\x00")):
            return "utf-16-le"
        if head.startswith((codecs.BOM_UTF16_BE, b"\x00<")):
            return "utf-16-be"
        declared = (_declared_encoding(head) or "utf-8").lower()
        return "utf-8" if declared in _UTF8_NAMES else "single-byte" if declared in _SINGLE_BYTE_NAMES else None

    def around(self, offset: int) -> tuple[str, str | None] | None:
        """(the text of the line before byte `offset`, the text from it on: None when the bytes
        there are not in the file's encoding), while those bytes are in the window."""
        if self.kind is None:
            return None
        codec = "latin-1" if self.kind == "single-byte" else self.kind
        data = self.previous + self.current
        index = offset - self.start
        if not 0 <= index <= len(data):
            return None
        before = data[:index].decode(codec, errors="replace")
        before = before[max(before.rfind("\n"), before.rfind("\r")) + 1:]
        try:
            after = codecs.getincrementaldecoder(codec)().decode(data[index:index + 256], final=False)
        except UnicodeDecodeError as error:
            after = None if error.start == 0 else data[index:index + error.start].decode(codec)
        return before, after

    @property
    def encoding(self) -> str:
        return {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}.get(self.kind or "", "its encoding")

    def astral_before(self, offset: int) -> int | None:
        """How many characters beyond U+FFFF lie between the start of the line and byte `offset`."""
        if self.kind == "single-byte":
            return 0
        if self.kind is None or not self.counted_to <= offset <= self.start + len(self.previous) + len(self.current):
            return None
        self._count_to(offset)
        return self.count

    def _count_to(self, offset: int) -> None:
        for data, base in ((self.previous, self.start), (self.current, self.start + len(self.previous))):
            low, high = max(self.counted_to, base) - base, min(offset, base + len(data)) - base
            if low >= high:
                continue
            if self.kind == "utf-8":
                line_end = max(data.rfind(b"\n", low, high), data.rfind(b"\r", low, high))
                if line_end >= 0:
                    self.count = _count_astral(data, line_end + 1, high)
                else:
                    self.count += _count_astral(data, low, high)
            else:
                text = data[low:high - (high - low) % 2].decode(self.kind, errors="surrogatepass")
                line_end = max(text.rfind("\n"), text.rfind("\r"))
                count = len(_ASTRAL_OR_HIGH_SURROGATE.findall(text, line_end + 1))
                self.count = count if line_end >= 0 else self.count + count
        self.counted_to = max(self.counted_to, offset)


def _count_astral(utf8: bytes, start: int, end: int) -> int:
    return sum(utf8.count(lead, start, end) for lead in _FOUR_BYTE_LEADS)


def _drain(builder: _LineTrackingBuilder) -> Iterator[XmlEvent]:
    events, builder.events = builder.events, []
    yield from events


def _feed(parser: DefusedXMLParser, chunk: bytes | str | None, path: str, kind: str, window: _InputWindow) -> None:
    """Feed a chunk (None: end of input) and turn every parser complaint into an InputFormatError."""
    try:
        if chunk is None:
            parser.close()
        else:
            parser.feed(chunk)
    except ElementTree.ParseError as error:
        line, column = getattr(error, "position", (None, None))
        reason = re.sub(r": line \d+, column \d+$", "", str(error))
        culprit = _culprit(parser, window, reason, path)
        if culprit is not None:
            reason = culprit.reason
            column = None if column is None else column - culprit.back
        elif reason.startswith("no element found") or reason.startswith("unclosed token"):
            reason += " (the file is truncated or not closed)"
        elif reason.startswith("not well-formed"):
            reason += "; if the file is not UTF-8, pass --encoding"
        elif reason.startswith("encoding specified in XML declaration is incorrect"):
            reason += "; the file is saved in another encoding than it declares: pass the one it is in (--encoding utf-8)"
        raise InputFormatError(f"malformed {kind}: {reason}", path=path, line=line,
                               column=None if column is None else column + 1) from None
    except EntitiesForbidden as error:
        raise InputFormatError(
            f"{kind} declares the entity {error.name!r}; entity declarations are refused "
            "(they can expand without bound or read other files)", path=path,
            line=_current_line(parser)) from None
    except ExternalReferenceForbidden as error:
        raise InputFormatError(f"{kind} refers to the external resource {error.sysid!r}; it is not read",
                               path=path, line=_current_line(parser)) from None
    except DefusedXmlException as error:
        raise InputFormatError(f"{kind} refused: {error}", path=path, line=_current_line(parser)) from None
    except (ValueError, LookupError) as error:  # e.g. an encoding expat cannot handle
        raise InputFormatError(f"cannot read {kind}: {error}; pass --encoding", path=path,
                               line=_current_line(parser)) from None
    except RecursionError:
        raise InputFormatError(f"{kind} is nested too deeply", path=path, line=_current_line(parser)) from None


def _culprit(parser: DefusedXMLParser, window: _InputWindow, reason: str, path: str) -> xml_errors.Culprit | None:
    """What is wrong at expat's error position, from the text around it (see xml_errors)."""
    try:
        offset = parser.parser.ErrorByteIndex
    except AttributeError:
        return None
    text = window.around(offset)
    if text is None:
        return None
    return xml_errors.explain(reason, *text, window.encoding, path)


def _current_line(parser: DefusedXMLParser) -> int | None:
    try:
        return parser.parser.CurrentLineNumber
    except AttributeError:  # the parser is closed
        return None


def _chunks(path: str, encoding: str | None, kind: str,
            on_warning: Callable[[str], None] | None = None) -> Iterator[bytes | str]:
    """The file in pieces: raw bytes for expat when it can decode them itself, else decoded text."""
    with open_binary(path) as handle:
        try:
            head = handle.read(_CHUNK_SIZE)
        except OSError as error:
            raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None
        if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"<\x00", b"\x00<")):
            article = "an" if kind.startswith(("X", "S")) else "a"  # an XLIFF, an XML; a TMX, a TBX
            raise InputFormatError(f"binary file (NUL bytes); expected {article} {kind} document", path=path)
        declared = _declared_encoding(head)
        if encoding is None and declared and _utf8_despite(declared, head, path):
            if on_warning is not None:
                on_warning(mislabelled.warning(path, f"encoding={declared}", line=1))
            encoding = "utf-8"
        if encoding is None and declared and declared.lower() not in _EXPAT_ENCODINGS \
                and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                codecs.lookup(declared)
            except LookupError:
                raise InputFormatError(f"{kind} declares the unknown encoding {declared!r}; "
                                       "pass --encoding", path=path, line=1) from None
            # a codec of Python's that reads no text (rot13, hex, punycode) raised a traceback from decode
            problem = encoding_problem(declared, shown=f"the XML declaration's encoding={declared}")
            if problem is not None:
                raise InputFormatError(problem, path=path, line=1)
            encoding = declared_encoding(declared)
        if encoding is not None:
            rest = read_bytes(path)  # the override path: decode the whole file with textio's messages
            text = decode(rest, path, encoding).lstrip("\ufeff")
            for start in range(0, len(text), _CHUNK_SIZE):
                yield text[start:start + _CHUNK_SIZE]
            return
        yield head
        while True:
            try:
                chunk = handle.read(_CHUNK_SIZE)
            except OSError as error:
                raise InputFormatError(f"cannot read: {error.strerror}", path=path) from None
            if not chunk:
                return
            yield chunk


def _utf8_despite(declared: str, head: bytes, path: str) -> bool:
    """Whether a file declaring a single-byte encoding is UTF-8 Chinese. The whole file is read to
    tell only when its first piece holds bytes beyond ASCII that are UTF-8 (a Latin-1 é is not)."""
    if not mislabelled.is_single_byte(declared) or head.isascii():
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return mislabelled.is_utf8_chinese(read_bytes(path))


def _declared_encoding(head: bytes) -> str | None:
    match = _DECLARED_ENCODING.match(head.lstrip(codecs.BOM_UTF8))
    return match.group(1).decode("ascii") if match else None


def expect_root(event: XmlEvent, names: set[str], kind: str, path: str) -> None:
    """Refuse a document whose root element is not one of `names` (e.g. an XLIFF given as TMX)."""
    if event.name not in names:
        expected = " or ".join(f"<{name}>" for name in sorted(names))
        raise InputFormatError(f"not a {kind} file: the root element is <{event.name}>, expected {expected}",
                               path=path, line=event.line)
