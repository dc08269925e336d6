"""Web i18n JSON (`locales/en.json`, i18next, vue-i18n, react-intl) and Flutter `.arb` files.

A nested object's strings are keyed by their dotted path (`settings.title`), an array's by index
(`steps[0]`); numbers, booleans and nulls hold no text and are left out. ARB's `@key` and
`@@locale` entries are metadata (descriptions, placeholder types), not strings. A vue-i18n linked
message (`"@:common.save"`) refers to another string and holds no text of its own. i18next's plural
keys (`files_one`, `files_other`) are quantities of one plural, as Android's `<plurals>` items are.
An object holding a `message` (Docusaurus's `i18n/*/code.json`, a Chrome extension's
`messages.json`) is one string: its `description` is a note for the translator, which stays in
English on both sides, and would pair English with English.

Python's json module says nothing of where a value is, and `check` must point at the Chinese
value's line and column, so the document is walked here; its strings are still decoded by the
json module's own scanstring, so escapes read exactly as json.loads reads them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from json.decoder import scanstring

from ...errors import InputFormatError
from ...textio import lone_surrogate_problem, read_text
from . import KeyedString
from .offsets import LineIndex

_SPACE = re.compile(r"[ \t\r\n]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_LINKED = re.compile(r"^@(?:\.\w+)?:[\w.-]+$")  # vue-i18n: @:common.save, @.lower:common.save
_PLURAL_SUFFIX = re.compile(r"^(.+?)(?:_ordinal)?_(?:zero|one|two|few|many|other)$")  # i18next v4
_MAX_DEPTH = 200
# scanstring's messages, which json's own error then ends with a position ("... starting at")
_JSON_MESSAGES = {"Unterminated string starting at": "unterminated string: its closing quote is missing",
                  "Invalid control character at": "a line break or other control character inside a string "
                                                  "(write it as \\n or \\t)",
                  "Invalid \\escape": "invalid backslash escape",
                  "Invalid \\uXXXX escape": "malformed \\uXXXX escape"}


def read(path: str, options) -> Iterator[KeyedString]:
    text = read_text(path, options.encoding)
    yield from _Document(text, path, arb=path.lower().endswith(".arb")).strings()


class _Document:
    def __init__(self, text: str, path: str, *, arb: bool) -> None:
        self.text = text
        self.path = path
        self.arb = arb
        self.lines = LineIndex(text)
        self.found: list[KeyedString] = []

    def strings(self) -> list[KeyedString]:
        position = self._space(0)
        if not self.text.startswith("{", position):
            self._fail("the top level is not an object of strings", position)
        position = self._space(self._object(position, "", 1))
        if position < len(self.text):
            self._fail("more data after the top-level object", position)
        messages = {found.key for found in self.found if found.key.endswith(".message")}
        return [found for found in self.found
                if not (found.key.endswith(".description") and found.key[:-len("description")] + "message" in messages)]

    def _value(self, position: int, key: str, depth: int, record: bool) -> int:
        character = self.text[position:position + 1]
        if character == "{":
            return self._object(position, key, depth + 1, record)
        if character == "[":
            return self._array(position, key, depth + 1, record)
        if character == '"':
            value, end = self._string(position)
            if record and value.strip() and not _LINKED.match(value.strip()):
                self._record(key, value, position)
            return end
        scalar = _SCALAR.match(self.text, position)
        if scalar is None:
            self._fail("expecting a value", position)
        return scalar.end()

    def _object(self, position: int, prefix: str, depth: int, record: bool = True) -> int:
        self._check_depth(depth, position)
        position = self._space(position + 1)
        if self.text.startswith("}", position):
            return position + 1
        while True:
            if not self.text.startswith('"', position):
                self._fail("expecting a property name in double quotes", position)
            name, position = self._string(position)
            position = self._space(position)
            if not self.text.startswith(":", position):
                self._fail("expecting ':' after the property name", position)
            position = self._space(position + 1)
            metadata = self.arb and depth == 1 and name.startswith("@")
            key = f"{prefix}.{name}" if prefix else name
            position = self._space(self._value(position, key, depth, record and not metadata))
            if self.text.startswith(",", position):
                position = self._space(position + 1)
            elif self.text.startswith("}", position):
                return position + 1
            else:
                self._fail("expecting ',' or '}' after a value", position)

    def _array(self, position: int, prefix: str, depth: int, record: bool) -> int:
        self._check_depth(depth, position)
        position = self._space(position + 1)
        if self.text.startswith("]", position):
            return position + 1
        index = 0
        while True:
            position = self._space(self._value(position, f"{prefix}[{index}]", depth, record))
            index += 1
            if self.text.startswith(",", position):
                position = self._space(position + 1)
            elif self.text.startswith("]", position):
                return position + 1
            else:
                self._fail("expecting ',' or ']' after a value", position)

    def _string(self, position: int) -> tuple[str, int]:
        """The string whose opening quote is at `position`, decoded as json.loads decodes it (the two
        halves of a pair, \\ud83d\\ude00, joined)."""
        try:
            value, end = scanstring(self.text, position + 1, True)
        except json.JSONDecodeError as error:
            self._fail(_JSON_MESSAGES.get(error.msg, error.msg[0].lower() + error.msg[1:]), error.pos)
        problem = lone_surrogate_problem(value)  # refused, as in a JSON corpus: it was read as U+FFFD unsaid
        if problem is not None:
            self._fail(f"the string {problem}", position)
        return value, end

    def _record(self, key: str, value: str, quote: int) -> None:
        text_start = quote + 1 + len(value) - len(value.lstrip())  # an escape before the text shifts this: rare
        line, column, column_utf16 = self.lines.where(text_start)
        plural = _PLURAL_SUFFIX.match(key)
        self.found.append(KeyedString(key, value.strip(), line, line, column, column_utf16,
                                      plural.group(1) if plural else None, self.lines.shows(text_start, value.strip())))

    def _space(self, position: int) -> int:
        return _SPACE.match(self.text, position).end()

    def _check_depth(self, depth: int, position: int) -> None:
        if depth > _MAX_DEPTH:
            self._fail(f"nested more than {_MAX_DEPTH} deep", position)

    def _fail(self, message: str, position: int) -> None:
        line, column, _ = self.lines.where(min(position, len(self.text)))
        raise InputFormatError(f"invalid JSON: {message}", path=self.path, line=line, column=column)
