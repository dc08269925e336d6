"""Entities an XML document declares for itself, in its internal subset:
`<!DOCTYPE resources [<!ENTITY app_name "Notely">]>` and `Welcome to &app_name;`. aapt expands
them, and Android apps use them to write a name once.

Only text the document holds is expanded. An external entity (SYSTEM or PUBLIC: it would read
another file, or the network), an unparsed one (NDATA) and a parameter entity (`<!ENTITY % …>`,
which writes declarations) are refused where they are declared.

expat expands the entities; this module bounds what they may expand to, since a few nested
entities can stand for gigabytes of text (the "billion laughs"). An entity that would expand to
more than MAX_ENTITY_CHARACTERS, that nests entities more than MAX_DEPTH deep, or that refers to
itself is refused at its declaration; and the references of a whole document may add at most
MAX_EXPANDED_CHARACTERS to what it holds, or it is refused at the reference that goes over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputFormatError

MAX_ENTITY_CHARACTERS = 10_000
MAX_DEPTH = 8
MAX_EXPANDED_CHARACTERS = 1_000_000

_REFERENCE = re.compile(r"&(#?)([^;&\s]*);")
_PREDEFINED = frozenset({"amp", "lt", "gt", "quot", "apos"})


@dataclass(frozen=True)
class _Entity:
    value: str  # as expat hands it over: character references read, entity references not
    line: int  # of its declaration


@dataclass(frozen=True)
class _Size:
    characters: int
    depth: int  # how many entities deep its references go: 0 for text alone


class InternalEntities:
    """Watches an expat parser that expands internal entities: refuses the declarations it
    must not read and stops expansions beyond the limits, each an InputFormatError at a line."""

    def __init__(self, path: str, kind: str) -> None:
        self.path = path
        self.kind = kind
        self.parser = None
        self.declared: dict[str, _Entity] = {}
        self.handed_over = 0  # characters of text and attribute values the parser has handed over

    def watch(self, parser) -> None:
        """Install the guards on an expat parser whose handlers are otherwise set."""
        self.parser = parser
        parser.EntityDeclHandler = self._declared
        parser.UnparsedEntityDeclHandler = self._unparsed
        parser.EndDoctypeDeclHandler = self._check_sizes
        text_handler, start_handler = parser.CharacterDataHandler, parser.StartElementHandler

        def text(data: str) -> None:
            self._count(len(data))
            text_handler(data)

        def start(tag: str, attributes) -> None:
            values = attributes[1::2] if isinstance(attributes, list) else attributes.values()
            self._count(sum(len(value) for value in values))
            return start_handler(tag, attributes)

        parser.CharacterDataHandler = text
        if start_handler is not None:
            parser.StartElementHandler = start

    def _declared(self, name: str, is_parameter_entity: bool, value: str | None, base, system_id: str | None,
                  public_id: str | None, notation_name: str | None) -> None:
        if is_parameter_entity:
            self._refuse(f"{self.kind} declares the parameter entity '%{name}'; parameter entities are not read "
                         f'(declare the text itself: <!ENTITY {name} "…">)')
        if value is None:
            resource = f" NDATA {notation_name}" if notation_name else ""
            self._refuse(f"{self.kind} declares the entity '{name}' as the external resource "
                         f"\"{system_id or public_id}\"{resource}; external entities are refused, since they read "
                         "other files or the network "
                         f'(declare the text itself: <!ENTITY {name} "…">)')
        self.declared.setdefault(name, _Entity(value, self._line()))  # XML: the first declaration binds

    def _unparsed(self, name: str, base, system_id: str | None, public_id: str | None, notation_name: str) -> None:
        self._declared(name, False, None, base, system_id, public_id, notation_name)

    def _check_sizes(self) -> None:
        sizes: dict[str, _Size] = {}
        for name in self.declared:
            self._size(name, sizes, ())

    def _size(self, name: str, sizes: dict[str, _Size], within: tuple[str, ...]) -> _Size:
        """How many characters an entity expands to, and how deep its entities nest; an entity
        beyond a limit, or one that refers to itself, is refused at its declaration."""
        if name in sizes:
            return sizes[name]
        entity = self.declared[name]
        if name in within:
            chain = " -> ".join((*within[within.index(name):], name))
            self._refuse(f"the entity '{name}' refers to itself ({chain}); it cannot be expanded",
                         line=entity.line)
        if len(within) > MAX_DEPTH:  # the entities met on the way nest too deep (and recursion stays shallow)
            self._refuse_depth(within[0])
        characters, depth = len(entity.value), 0
        for reference in _REFERENCE.finditer(entity.value):
            is_character, referred = reference.group(1), reference.group(2)
            characters -= len(reference.group()) - 1  # a character, or the text of an entity
            if not is_character and referred not in _PREDEFINED and referred in self.declared:
                inner = self._size(referred, sizes, (*within, name))
                characters += inner.characters - 1
                depth = max(depth, inner.depth + 1)
            if characters > MAX_ENTITY_CHARACTERS:
                break
        if characters > MAX_ENTITY_CHARACTERS:
            self._refuse(f"the entity '{name}' expands to more than {MAX_ENTITY_CHARACTERS:,} characters; refused "
                         "as a possible entity-expansion bomb", line=entity.line)
        if depth > MAX_DEPTH:
            self._refuse_depth(name)
        sizes[name] = _Size(characters, depth)
        return sizes[name]

    def _refuse_depth(self, name: str) -> None:
        self._refuse(f"the entity '{name}' nests entities more than {MAX_DEPTH} deep; refused as a possible "
                     "entity-expansion bomb", line=self.declared[name].line)

    def _count(self, characters: int) -> None:
        """Count what the parser hands over. The document's own text and attribute values before
        a byte hold at most as many characters as there are bytes, so whatever exceeds the byte
        position is text the entities added."""
        if characters and self.handed_over - self.parser.CurrentByteIndex > MAX_EXPANDED_CHARACTERS:
            self._refuse(f"the entities of this {self.kind} expand to more than {MAX_EXPANDED_CHARACTERS:,} "
                         "characters in all; refused as a possible entity-expansion bomb")
        self.handed_over += characters

    def _line(self) -> int | None:
        return self.parser.CurrentLineNumber if self.parser is not None else None

    def _refuse(self, message: str, *, line: int | None = None) -> None:
        raise InputFormatError(message, path=self.path, line=line if line is not None else self._line())
