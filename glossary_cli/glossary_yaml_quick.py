"""Read glossary entries line by line, without PyYAML's composer, for speed.

Composing a 15,000-entry glossary builds about 400,000 nodes, each with two marks; with the
construction and the alias scan that is seconds. Entries laid out as the tool writes them (one
`key: value` per line; values plain, quoted without escapes, or flow lists and mappings of such
scalars; `evidence:` and `alternatives:` items as `- {...}` lines; whole-line comments and
comments after a value) are read here line by line. Any other entry is composed alone by PyYAML
at its place in the file; anything unusual elsewhere (the header aside, which is always composed),
and any problem at all, sends the whole file to _parse_fully (glossary_yaml_read), so errors are
reported by one code path. tests/test_glossary_yaml_reader.py holds the two readers to the same
results.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .collector import collector_paused
from .glossary import ENTRY_FIELDS, Entry, Glossary
from .glossary_yaml_read import (
    ITEM_KEYS,
    MAX_GLOSSARY_CHARS,
    _cut_text,
    _entry_from,
    _EntryLayout,
    _KeySpan,
    _layout_of,
    _Loader,
    _read_entry,
    _read_header,
    _refuse_aliases,
    _refuse_complex_keys,
)

# Control characters, BOMs and the line breaks only YAML counts (U+0085, U+2028, U+2029): with one,
# PyYAML's lines are not the editor's, and _parse_fully moves every location to the editor's line.
_NOT_QUICK_TEXT = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                             "\U00010000-\U0010ffff]")
_TERMS_LINE = re.compile(r"^terms:\r?$", re.MULTILINE)
_KEY_LINE = re.compile(r"(?:  - |    )([A-Za-z_][A-Za-z0-9_]*):(?: +(?=[^ #])|$)")
_ITEM_LINE = "      - "
_SINGLE_QUOTED = re.compile(r"'((?:[^'\t]|'')*)'")
_DOUBLE_QUOTED = re.compile(r'"([^"\\\t]*)"')
# A plain scalar inside [..] or {..} that cannot end early or mean anything but its text.
_FLOW_PLAIN = re.compile(r"(?:[^-\s?:,\[\]{}#&*!|>'\"%@`]|-(?=[^\s,\[\]{}]))(?:[^\t,?\[\]{}:#]*[^\s,?\[\]{}:#])?")
_FLOW_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*): ")
_FLOW_TOKEN = r"""('(?:[^'\t]|'')*'|"[^"\\\t]*"|""" + _FLOW_PLAIN.pattern + ")"  # one quoted or plain scalar
# The evidence and alternatives lines the tool writes, read with one match each.
_RECORD_LINES = {
    "evidence": re.compile(rf"      - {{where: {_FLOW_TOKEN}, source: {_FLOW_TOKEN}, target: {_FLOW_TOKEN}}}(?: +#.*)?\Z"),
    "alternatives": re.compile(rf"      - {{target: {_FLOW_TOKEN}, score: {_FLOW_TOKEN}}}(?: +#.*)?\Z"),
}
_RECORD_FIELDS = {"evidence": ("where", "source", "target"), "alternatives": ("target", "score")}
# Per first character, the implicit types a plain scalar may have (Resolver.resolve, restated).
_IMPLICIT_TYPES = {first: list(resolvers)
                   for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}
_STRING_KEYS = frozenset(ENTRY_FIELDS) | {"where"}  # keys known to be read as strings, not checked again
_WHOLE_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(r"[0-9]+\.[0-9]+\Z")
_COMMENT_AFTER = re.compile(r"(?: +#.*)?\Z")
_QUICK_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class _NotQuick(Exception):
    """This text is not one the quick reader takes on."""


class _Mark:
    """Where a value starts (0-based), as yaml.Mark says it."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def _plain_value(text: str) -> Any:
    """A plain scalar's value, by the resolver and constructor PyYAML's safe loader uses."""
    resolvers = _IMPLICIT_TYPES.get(text[0])
    if resolvers is None:
        return text
    for tag, regexp in resolvers:
        if regexp.match(text):
            break
    else:
        return text
    if tag == "tag:yaml.org,2002:float" and _DECIMAL.match(text):
        return float(text)
    if tag == "tag:yaml.org,2002:int" and _WHOLE_NUMBER.match(text):
        return int(text)
    if tag not in _QUICK_TAGS:
        raise _NotQuick  # timestamps, merge keys, `=`: left to the composer
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, text))


def _flow_token_value(token: str) -> Any:
    """The value of a scalar matched by _FLOW_TOKEN."""
    first = token[0]
    if first == "'":
        return token[1:-1].replace("''", "'")
    if first == '"':
        return token[1:-1]
    return _plain_value(token)


def _flow_scalar(line: str, start: int) -> tuple[Any, int]:
    """The scalar at line[start] inside a flow collection, and where it ends."""
    first = line[start:start + 1]
    if first == "'":
        match = _SINGLE_QUOTED.match(line, start)
        if match is None:
            raise _NotQuick
        return match.group(1).replace("''", "'"), match.end()
    if first == '"':
        match = _DOUBLE_QUOTED.match(line, start)
    else:
        match = _FLOW_PLAIN.match(line, start)
        if match is not None:
            return _plain_value(match.group()), match.end()
    if match is None:
        raise _NotQuick
    return match.group(1), match.end()


def _flow_collection(line: str, start: int, starts: list[int] | None = None) -> tuple[Any, int]:
    """`[a, b]` or `{key: value, ...}` of scalars at line[start], and where it ends; where each
    item of a list starts goes to `starts`."""
    closing = "]" if line[start] == "[" else "}"
    values: Any = [] if closing == "]" else {}
    position = start + 1
    while True:
        if closing == "]":
            if starts is not None:
                starts.append(position)
            value, position = _flow_scalar(line, position)
            values.append(value)
        else:
            match = _FLOW_KEY.match(line, position)
            if match is None or (match.group(1) not in _STRING_KEYS and _plain_value(match.group(1)) != match.group(1)):
                raise _NotQuick
            value, position = _flow_scalar(line, match.end())
            values[match.group(1)] = value
        if line.startswith(", ", position):
            position += 2
        elif line.startswith(closing, position):
            return values, position + 1
        else:
            raise _NotQuick


def _block_value(line: str, start: int, starts: list[int] | None = None) -> tuple[Any, int, bool]:
    """The value after `key: ` at line[start], where it ends, and whether it is a scalar; where
    each item of a flow list starts goes to `starts`."""
    first = line[start]
    if first in "[{":
        value, end = _flow_collection(line, start, starts)
        scalar = False
    elif first in "'\"":
        match = (_SINGLE_QUOTED if first == "'" else _DOUBLE_QUOTED).match(line, start)
        if match is None:
            raise _NotQuick
        value, end, scalar = match.group(1), match.end(), True
        if first == "'":
            value = value.replace("''", "'")
    else:
        if first in "-?:,[]{}#&*!|>'\"%@`" and not (first == "-" and line[start + 1:start + 2] not in ("", " ")):
            raise _NotQuick
        comment = line.find(" #", start)
        end = len(line) if comment < 0 else comment
        while line[end - 1] == " ":
            end -= 1
        text = line[start:end]
        if "\t" in text or ": " in text or text.endswith(":"):
            raise _NotQuick
        value, scalar = _plain_value(text), True
    if _COMMENT_AFTER.match(line, end) is None:
        raise _NotQuick
    return value, end, scalar


def _quick_entry(lines: list[str], first: int, end: int) -> tuple[Entry, _EntryLayout]:
    """The entry written on lines[first:end] (lines[first] starts with `  - `), read line by line."""
    values: dict[str, Any] = {}
    marks: dict[str, _Mark] = {}
    key_marks: dict[str, _Mark] = {}
    item_marks: dict[str, list[_Mark]] = {}  # where each item of a list of ITEM_KEYS starts
    spans: dict[str, _KeySpan] = {}
    keys: list[str] = []
    last = first
    items: list | None = None  # the list the `      - ` lines under the current key go to
    for number in range(first, end):
        line = lines[number].rstrip("\r\n")
        if number > first and line.startswith(_ITEM_LINE):
            if items is None:
                raise _NotQuick
            if not items:
                marks[keys[-1]] = _Mark(number, len(_ITEM_LINE) - 2)
            start = len(line) - len(line[len(_ITEM_LINE):].lstrip(" "))  # `-  value` is `- value`
            if start == len(line) or line[start] == "#":
                raise _NotQuick  # an empty item: the composer reads it and reports the problem
            record = _RECORD_LINES.get(keys[-1])
            match = record.match(line) if record is not None else None
            if match is not None:
                value = dict(zip(_RECORD_FIELDS[keys[-1]], map(_flow_token_value, match.groups())))
            elif line[start:start + 1] in ("[", "{"):
                value, stop = _flow_collection(line, start)
                if _COMMENT_AFTER.match(line, stop) is None:
                    raise _NotQuick
            else:
                value, stop, _ = _block_value(line, start)
            if keys[-1] in ITEM_KEYS:
                item_marks.setdefault(keys[-1], []).append(_Mark(number, start))
            items.append(value)
            last = number
            spans[keys[-1]].last = number - first
            continue
        match = _KEY_LINE.match(line)
        if match is None or (number == first) != line.startswith("  - "):
            stripped = line.lstrip(" ")
            if (not stripped or stripped[0] == "#") and number > first:
                continue  # a blank line or a comment line
            raise _NotQuick
        key = match.group(1)
        if key in spans or (key not in _STRING_KEYS and _plain_value(key) != key):
            raise _NotQuick  # a duplicate key (a problem) or a key such as `true:`
        keys.append(key)
        key_marks[key] = _Mark(number, match.start(1))
        start = match.end()
        last = number
        span = spans[key] = _KeySpan(first=number - first, last=number - first, column=4)
        if start == len(line):  # `key:` alone: empty, or a list of `      - ` lines follows
            values[key] = items = []
            marks[key] = _Mark(number, start)
            continue
        items = None
        starts: list[int] = []
        values[key], stop, scalar = _block_value(line, start, starts)
        marks[key] = _Mark(number, start)
        if starts and key in ITEM_KEYS:
            item_marks[key] = [_Mark(number, column) for column in starts]
        if scalar:
            span.scalar = (start, stop)
    for key in keys:
        if values[key] == [] and marks[key].line == first + spans[key].first:
            values[key] = None  # `key:` with nothing under it
    problems: list[Any] = []
    entry = _entry_from(values, marks, _Mark(first, 4), lambda *_: problems.append(True), key_marks=key_marks,
                        item_marks=item_marks)
    if problems:
        raise _NotQuick
    return entry, _EntryLayout(first=first, last=last, keys=keys, spans=spans)


def _composed_entry(lines: list[str], first: int, end: int) -> tuple[Entry, _EntryLayout]:
    """The entry written on lines[first:end], composed by PyYAML on its own."""
    text = "".join(lines[first:end])
    try:
        root = yaml.compose(text, Loader=_Loader)
        if "&" in text or "*" in text:
            _refuse_aliases(text, _not_quick)
    except (yaml.YAMLError, RecursionError):
        raise _NotQuick from None
    if not isinstance(root, yaml.SequenceNode) or root.flow_style or len(root.value) != 1:
        raise _NotQuick
    item = root.value[0]
    if item.tag != "tag:yaml.org,2002:map":  # `- !!python/object:…`: the full reader refuses it
        raise _NotQuick
    _move_marks(item, first)
    _refuse_complex_keys(item, _not_quick)
    entry = _read_entry(item, _not_quick)
    if entry is None:
        raise _NotQuick
    return entry, _layout_of(item)


def _not_quick(*_: Any) -> None:
    """A `problem` callback for the quick reader: problems are reported by _parse_fully."""
    raise _NotQuick


def _move_marks(node: yaml.Node, lines: int) -> None:
    """Count a node's marks from `lines` lines further up, as if composed in the whole file."""
    for name in ("start_mark", "end_mark"):
        mark = getattr(node, name)
        setattr(node, name, yaml.Mark(mark.name, mark.index, mark.line + lines, mark.column, None, None))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _move_marks(key, lines)
            _move_marks(value, lines)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _move_marks(item, lines)


def _parse_quickly(text: str, *, bom: bool) -> Glossary | None:
    """parse_glossary for a problem-free file with a block `terms:` list last, indented as the
    tool writes it; None for any other text, to be read by _parse_fully."""
    if len(text) > MAX_GLOSSARY_CHARS:
        return None  # refused by _parse_fully, before it is split into lines
    found = _TERMS_LINE.search(text)
    if found is None or _NOT_QUICK_TEXT.search(text) or text.count("\r") != text.count("\r\n"):
        return None
    terms_line = text.count("\n", 0, found.start())
    lines = text.splitlines(keepends=True)
    header_text = "".join(lines[:terms_line])
    if any(line.startswith(("---", "...", "%")) for line in lines[:terms_line]):
        return None  # documents and directives: one document is a glossary
    starts: list[int] = []
    trailer = len(lines)
    for number in range(terms_line + 1, len(lines)):
        line = lines[number]
        if line.startswith(("  - ", "  -\n", "  -\r\n")) or line == "  -":
            starts.append(number)
        elif line.startswith("   "):
            if not starts and line.strip(" \r\n")[:1] not in ("", "#"):
                return None
        elif line.strip(" \r\n")[:1] not in ("", "#"):
            trailer = number  # an entry list ends at the first line less indented
            break
    if not starts or any(line.strip(" \r\n")[:1] not in ("", "#") for line in lines[trailer:]):
        return None
    with collector_paused():  # hundreds of thousands of small objects, none of them garbage
        try:
            glossary = _quick_header(header_text)
            if glossary is None:
                return None
            glossary, header = glossary
            layouts = []
            for first, end in zip(starts, starts[1:] + [trailer]):
                try:
                    entry, layout = _quick_entry(lines, first, end)
                except _NotQuick:
                    entry, layout = _composed_entry(lines, first, end)
                glossary.terms.append(entry)
                layouts.append(layout)
            _cut_text(glossary, header, terms_line, layouts, lines, 0, bom=bom)
        except _NotQuick:
            return None
    return glossary


def _quick_header(text: str) -> tuple[Glossary, yaml.MappingNode | None] | None:
    """The glossary's header fields from the text above `terms:`, composed by PyYAML."""
    try:
        root = yaml.compose(text, Loader=_Loader)
        if root is not None and ("&" in text or "*" in text):
            _refuse_aliases(text, _not_quick)
    except (yaml.YAMLError, RecursionError):
        return None
    glossary = Glossary()
    if root is None:
        return glossary, None
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return None
    _refuse_complex_keys(root, _not_quick)
    if _read_header(root, glossary, _not_quick) is not None:
        return None  # a second `terms:`
    return glossary, root
