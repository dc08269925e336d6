"""What is wrong with an XML document expat calls "not well-formed", said so that a translator can
fix it: an `&` or `<` written as it is (R&D, a <3), a control character XML cannot hold (U+000B,
common in old translation-memory exports), an entity XML does not define (&nbsp;), or bytes that
are not in the file's encoding, the one case where --encoding helps."""

from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass

from ..textio import read_bytes

_BARE_AMPERSAND = re.compile(r"&#?[^\s&<>;\"']*$")  # an entity or character reference never finished
_WORD_BEFORE = re.compile(r"[^\s>\"'=]*$")
_WORD_AFTER = re.compile(r"[^\s<\"']*")
_ENTITY = re.compile(r"&([^\s;&<]+);")
_XML_DEFINES = "&amp;, &lt;, &gt;, &quot; and &apos;"


@dataclass(frozen=True)
class Culprit:
    """What is wrong, and how many characters before expat's position it starts."""

    reason: str
    back: int = 0


def explain(reason: str, before: str, after: str | None, encoding: str, path: str) -> Culprit | None:
    """The culprit of expat's `reason`, from the text of its line before the position expat gives
    (`before`) and the text from there on (`after`: None when the bytes there are not in the file's
    `encoding`); None when there is nothing better to say."""
    if reason == "undefined entity" and after is not None:
        entity = _ENTITY.match(after)
        return None if entity is None else Culprit(_undefined_entity(entity.group(1)))
    if not reason.startswith("not well-formed"):
        return None
    if after is None:
        return Culprit(_not_in_encoding(encoding, path))
    if after and _forbidden(after[0]):
        return Culprit(_forbidden_character(after[0]))
    ampersand = _BARE_AMPERSAND.search(before)
    if ampersand is not None:
        context = _context(before[:ampersand.start()], ampersand.group(), after)
        return Culprit(_unescaped("&", context, "&amp;"), back=len(before) - ampersand.start())
    if before.endswith("<"):
        return Culprit(_unescaped("<", _context(before[:-1], "<", after), "&lt;"), back=1)
    return Culprit(reason)  # the bytes are in the encoding, so --encoding would not help


def _forbidden(character: str) -> bool:
    """Whether XML 1.0 forbids a character outright (its Char production)."""
    code = ord(character)
    return (code < 0x20 and character not in "\t\n\r") or code in (0xFFFE, 0xFFFF)


def _forbidden_character(character: str) -> str:
    code = ord(character)
    if code < 0x20:
        return f"the control character U+{code:04X} is not allowed in XML (not even as &#{code};); remove it"
    return f"the character U+{code:04X} is not allowed in XML; remove it"


def _context(head: str, culprit: str, after: str) -> str:
    """The word the culprit stands in (R&D), as far as spaces and markup around it."""
    return _WORD_BEFORE.search(head).group() + culprit + _WORD_AFTER.match(after).group()


def _unescaped(character: str, context: str, escape: str) -> str:
    where = "" if context == character else f' in "{context}"'
    return f'unescaped "{character}"{where}; XML needs it written as {escape}'


def _undefined_entity(name: str) -> str:
    code = html.entities.name2codepoint.get(name)
    fix = f"; write the character itself or &#{code};" if code is not None else "; write the character itself"
    return f"undefined entity &{name}; (XML defines only {_XML_DEFINES}){fix}"


def _not_in_encoding(encoding: str, path: str) -> str:
    if encoding == "UTF-8" and _decodes(path, "gb18030"):
        return "bytes that are not UTF-8 (the file looks like GB18030/GBK); pass --encoding gb18030"
    return f"bytes that are not {encoding}; if the file is in another encoding, pass --encoding"


def _decodes(path: str, encoding: str) -> bool:
    try:
        read_bytes(path).decode(encoding)
    except (UnicodeDecodeError, OSError):
        return False
    return True
