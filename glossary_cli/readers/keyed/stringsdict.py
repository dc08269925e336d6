"""iOS and macOS `.stringsdict` files (`en.lproj/Localizable.stringsdict`): the plural, width and
device variants of a strings table's strings, as a property list in XML.

Each entry, a key of the top-level <dict>, gives:
- its NSStringLocalizedFormatKey, keyed by the entry's key (`files_selected`): the format that
  places the variables (`%#@files@ selected`). A format of nothing but variables has no words of
  its own, and is read empty;
- each category (`zero` `one` `two` `few` `many` `other`) of each variable whose
  NSStringFormatSpecTypeKey is NSStringPluralRuleType, keyed `files_selected/files[one]`;
- each width of an NSStringVariableWidthRuleType and each device of an
  NSStringDeviceSpecificRuleType, keyed `welcome[20]`, `welcome[mac]`; a device's value may be a
  format with variables of its own (`welcome[mac]/files[one]`).

The strings of an entry other than its format are variants of it (KeyedString.variant_of), paired
by key, variable and category, as Android's plural quantities are: Chinese has one plural form
(`other`) where English has two, and a translation may give fewer widths or devices, so an English
variant the Chinese entry lacks is no gap.

Parsed with xml_safe: no entity or attribute declarations, no external references (the
PropertyList DTD a DOCTYPE names is never read). A binary property list, as Xcode compiles one
into an app, is refused: a finding points at a line, which only the XML source has. What
Foundation cannot read (a <key> without a value, a variable without its rule type, a category it
does not know) is an error at its line.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ...errors import InputFormatError
from ...textio import open_binary
from ..xml_safe import XmlEvent, expect_root, iter_xml, local_name
from . import KeyedString

_FORMAT_KEY = "NSStringLocalizedFormatKey"
_SPEC_TYPE_KEY = "NSStringFormatSpecTypeKey"
_VALUE_TYPE_KEY = "NSStringFormatValueTypeKey"
_PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_ONLY_VARIABLES = re.compile(r"(?:\s*%(?:\d+\$)?#@[A-Za-z_]\w*@)*\s*")  # `%#@files@`, `%1$#@files@ %2$#@folders@`
_WIDTH = re.compile(r"[0-9]+")
_KIND = "property list (.stringsdict)"


class Rule(Enum):
    """The rule a dictionary of variants follows, as its key (width, device) or its
    NSStringFormatSpecTypeKey (plural) names it."""

    PLURAL = "NSStringPluralRuleType"
    WIDTH = "NSStringVariableWidthRuleType"
    DEVICE = "NSStringDeviceSpecificRuleType"


_ENTRY_RULES = {Rule.WIDTH.value: Rule.WIDTH, Rule.DEVICE.value: Rule.DEVICE}


@dataclass(frozen=True)
class _Item:
    """One key of a <dict> and its value, with the line of the <key>."""

    key: str
    value: ElementTree.Element
    line: int


def read(path: str, options) -> Iterator[KeyedString]:
    _refuse_binary(path)
    events = iter_xml(path, ends=frozenset({"plist"}), marked=frozenset({"key", "string"}),
                      segments=frozenset({"key", "string"}), encoding=options.encoding,
                      kind=_KIND, on_warning=options.on_warning)
    for event in events:
        if event.kind == "root":
            expect_root(event, {"plist"}, _KIND, path)
        elif event.kind == "end":
            yield from _Document(path, event).strings()


def _refuse_binary(path: str) -> None:
    try:
        with open_binary(path) as handle:
            head = handle.read(8)
    except OSError:
        return  # iter_xml says what is wrong
    if head.startswith(b"bplist"):
        raise InputFormatError("a binary property list, whose strings have no lines to point at; give its XML "
                               f"source, or convert it: plutil -convert xml1 {path}", path=path)


class _Document:
    def __init__(self, path: str, event: XmlEvent) -> None:
        self.path = path
        self.event = event

    def strings(self) -> Iterator[KeyedString]:
        plist = self.event.element
        values = [child for child in plist if isinstance(child.tag, str)]
        if len(values) != 1 or local_name(values[0].tag) != "dict":
            self._fail("a .stringsdict holds one <dict> of entries in its <plist>", self.event.line)
        for item in self._items(values[0], self.event.line):
            yield from self._entry(item.key, item, entry=item.key)

    def _entry(self, key: str, item: _Item, *, entry: str) -> Iterator[KeyedString]:
        """The strings of an entry, or of a device's format inside the entry `entry`: its format,
        then its variants, in file order."""
        if local_name(item.value.tag) != "dict":
            self._fail(f'the entry {_quoted(key)} is a <{local_name(item.value.tag)}>; an entry is a <dict> of '
                       f"{_FORMAT_KEY} and its variables, or of a width or device rule", item.line)
        for inner in self._items(item.value, item.line):
            if inner.key == _FORMAT_KEY:
                text, element = self._text(inner, f"{_FORMAT_KEY} of {_quoted(key)}")
                yield self._string(key, "" if _ONLY_VARIABLES.fullmatch(text) else text, inner, element,
                                   None if key == entry else entry)
            elif inner.key in _ENTRY_RULES:
                yield from self._rule(key, inner, _ENTRY_RULES[inner.key], entry)
            elif local_name(inner.value.tag) == "dict":
                yield from self._variable(key, inner, entry)
            # any other key holding no <dict> is a note for people (a comment), not a string

    def _variable(self, key: str, item: _Item, variant_of: str) -> Iterator[KeyedString]:
        """The categories of a plural variable, keyed `key/variable[category]`."""
        items = self._items(item.value, item.line)
        spec_types = [inner for inner in items if inner.key == _SPEC_TYPE_KEY]
        if not spec_types:
            self._fail(f'the variable {_quoted(item.key)} of {_quoted(key)} has no {_SPEC_TYPE_KEY}; add '
                       f"<key>{_SPEC_TYPE_KEY}</key><string>{Rule.PLURAL.value}</string>", item.line)
        spec_type, _ = self._text(spec_types[0], f"{_SPEC_TYPE_KEY} of {_quoted(item.key)}")
        if spec_type != Rule.PLURAL.value:
            self._fail(f"the variable {_quoted(item.key)} of {_quoted(key)} has the {_SPEC_TYPE_KEY} "
                       f"{_quoted(spec_type)}; a variable follows {Rule.PLURAL.value}", spec_types[0].line)
        yield from self._variants(f"{key}/{item.key}", items, Rule.PLURAL, variant_of,
                                  skipped=(_SPEC_TYPE_KEY, _VALUE_TYPE_KEY))

    def _rule(self, key: str, item: _Item, rule: Rule, variant_of: str) -> Iterator[KeyedString]:
        if local_name(item.value.tag) != "dict":
            self._fail(f'the {rule.value} of {_quoted(key)} is a <{local_name(item.value.tag)}>, not a <dict> of '
                       "variants", item.line)
        yield from self._variants(key, self._items(item.value, item.line), rule, variant_of)

    def _variants(self, key: str, items: list[_Item], rule: Rule, variant_of: str, *,
                  skipped: tuple[str, ...] = ()) -> Iterator[KeyedString]:
        for item in items:
            if item.key in skipped:
                continue
            self._check_variant_name(item, rule, key)
            variant_key = f"{key}[{item.key}]"
            if rule is Rule.DEVICE and local_name(item.value.tag) == "dict":  # a format with variables of its own
                yield from self._entry(variant_key, item, entry=variant_of)
                continue
            text, element = self._text(item, f"the variant {_quoted(item.key)} of {_quoted(key)}")
            yield self._string(variant_key, text, item, element, variant_of)

    def _check_variant_name(self, item: _Item, rule: Rule, key: str) -> None:
        """A plural category must be one Foundation knows, a width a number; a device is any name."""
        if rule is Rule.PLURAL and item.key not in _PLURAL_CATEGORIES:
            self._fail(f'{_quoted(item.key)} is no plural category (of {_quoted(key)}); the categories are '
                       f"{', '.join(_PLURAL_CATEGORIES)}", item.line)
        if rule is Rule.WIDTH and not _WIDTH.fullmatch(item.key):
            self._fail(f"the width {_quoted(item.key)} of {_quoted(key)} is not a number", item.line)

    def _items(self, dictionary: ElementTree.Element, line: int) -> list[_Item]:
        """The keys of a <dict> and their values; `line`: where the <dict> is named (its own
        start is not recorded)."""
        items: list[_Item] = []
        children = [child for child in dictionary if isinstance(child.tag, str)]
        for index in range(0, len(children), 2):
            key = children[index]
            if local_name(key.tag) != "key":
                after = f" after the value of {_quoted(items[-1].key)}" if items else ""
                self._fail(f"<{local_name(key.tag)}> where a <key> is expected{after}", self._line(key, line))
            key_line = self._line(key, line)
            if index + 1 >= len(children):
                self._fail(f"the key {_quoted(key.text or '')} has no value", key_line)
            items.append(_Item(key.text or "", children[index + 1], key_line))
        return items

    def _text(self, item: _Item, what: str) -> tuple[str, ElementTree.Element]:
        """The text of a <string> value (its surrounding white space left out), and the element."""
        value = item.value
        if local_name(value.tag) != "string":
            self._fail(f"{what} is a <{local_name(value.tag)}>, not a <string>", item.line)
        if len(value):
            self._fail(f"{what} holds the element <{local_name(value[0].tag)}>; a property list string is text "
                       "(write < as &lt;)", self._line(value, item.line))
        return (value.text or "").strip(), value

    def _string(self, key: str, text: str, item: _Item, element: ElementTree.Element,
                variant_of: str | None) -> KeyedString:
        start = self.event.text_start(element)
        if start is None or not text:
            return KeyedString(key, text, item.line, self._line(element, item.line), 1, 1, variant_of)
        verbatim = self.event.plain_texts.get(id(element)) == text
        return KeyedString(key, text, item.line, start.line, start.column, start.column_utf16 or start.column,
                           variant_of, verbatim)

    def _line(self, element: ElementTree.Element, default: int) -> int:
        return self.event.inner_lines.get(id(element), default)

    def _fail(self, message: str, line: int) -> None:
        raise InputFormatError(f"malformed .stringsdict: {message}", path=self.path, line=line)


def _quoted(key: str) -> str:
    """A key as a message shows it: in quotes, a line break in it written \\n (keys are often
    English text)."""
    return json.dumps(key, ensure_ascii=False)
