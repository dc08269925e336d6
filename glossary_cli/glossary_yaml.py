"""Read and write glossary YAML without losing a person's edits.

Loading remembers the exact text of the header, of every entry (with the comment lines above
it) and of the tail of the file, and where each key sits. Writing emits that text unchanged when
the data did not change; otherwise only the changed keys are rewritten: one-line values in place
(a comment after them stays), other values as whole lines, new keys appended to their entry, so
comments, key order, quoting, CRLF line ends and a missing final newline all survive. New entries
are written fresh after the last one. Flow-style entries (`- {source: ...}`) are rewritten whole
when they change. PyYAML's safe loader reads everything the quick reader below does not take on
(entries laid out as the tool writes them, in a problem-free file): `!!python/object`, other
non-plain tags, anchors and aliases are refused with their line and column.
"""

from __future__ import annotations

import gc
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import GlossaryFileError
from .glossary import ENTRY_FIELDS, SCHEMA_VERSION, Entry, Glossary, Status
from .models import Alternative, Evidence

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One located mistake in a glossary file."""

    path: str
    line: int
    column: int
    message: str
    code: str = ""  # a stable id for semantic checks (GV001...); empty for schema and syntax problems

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class GlossaryProblems(GlossaryFileError):
    """All the mistakes found in one file, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(first.message, path=first.path, line=first.line, column=first.column)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


@dataclass(slots=True)  # the quick reader makes one per key of every entry
class _KeySpan:
    """Where one key of a block mapping sits, in lines relative to its block's text."""

    first: int  # the line holding the key
    last: int  # the last line holding part of its value
    column: int  # the key's column
    scalar: tuple[int, int] | None = None  # (col0, col1) of a one-line scalar value on line `last`


@dataclass
class _Block:
    """The exact text of an entry (with the comment lines above it) or of the file header."""

    text: str
    data: dict[str, Any]  # what the text says, as entry_to_data / glossary_header would write it
    keys: list[str]  # every key written in the text, in file order (also empty ones like `note:`)
    spans: dict[str, _KeySpan] = field(default_factory=dict)
    patchable: bool = True  # False for a flow mapping ({source: ..}), which is rewritten whole
    leading: str = ""  # comment lines above the entry, kept even when the entry is rewritten


@dataclass
class _Document:
    header: _Block  # everything above the `terms:` key
    terms_line: str  # `terms:` itself and anything between it and the first entry
    trailer: str  # everything after the last entry
    newline: str  # "\n" or "\r\n", used for text the tool writes into this file
    had_terms: bool
    bom: bool = False


# ---------------------------------------------------------------- conversion to plain data

def entry_to_data(entry: Entry, key_order: list[str] | None = None) -> dict[str, Any]:
    """The YAML mapping for an entry: empty fields left out, a single target as a scalar."""
    values: dict[str, Any] = {
        "source": entry.source,
        "target": (entry.target[0] if len(entry.target) == 1 else list(entry.target)) if entry.target else None,
        "status": entry.status.value,
        "score": entry.score,
        "count": entry.count,
        "signals": list(entry.signals) or None,
        "note": entry.note,
        "forbidden": list(entry.forbidden) or None,
        "source_variants": list(entry.source_variants) or None,
        "case_sensitive": entry.case_sensitive,
        "keep_source": True if entry.keep_source else None,
        "evidence": [{"where": e.where, "source": e.source, "target": e.target} for e in entry.evidence] or None,
        "alternatives": [{"target": a.target, "score": a.score} for a in entry.alternatives] or None,
    }
    values.update(entry.extra)
    order = list(key_order or [])
    order += [key for key in ENTRY_FIELDS if key not in order]
    order += [key for key in entry.extra if key not in order]
    # Unknown keys are kept even when empty (`reviewer:`): they are a person's, not ours to drop.
    return {key: values[key] for key in order if values.get(key) is not None or key in entry.extra}


def glossary_header(glossary: Glossary) -> dict[str, Any]:
    header: dict[str, Any] = {"glossary": glossary.version, "languages": dict(glossary.languages)}
    if glossary.generated:
        header["generated"] = glossary.generated
    header.update(glossary.extra)
    return header


# ---------------------------------------------------------------- writing

class _Dumper(yaml.SafeDumper):
    """Block style for entries, one-line mappings for evidence and alternatives, no wrapping."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


class _FlowMap(dict):
    pass


class _FlowList(list):
    pass


_UNUSUAL_BREAKS = frozenset("\r\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if _UNUSUAL_BREAKS.intersection(value):
        style = '"'  # PyYAML's single-quoted form folds these into spaces; double quotes escape them
    else:
        style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(_FlowMap, lambda dumper, data: dumper.represent_mapping(
    "tag:yaml.org,2002:map", data.items(), flow_style=True))
_Dumper.add_representer(_FlowList, lambda dumper, data: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=True))
_Dumper.add_representer(str, _represent_str)
_FLOW_LIST_KEYS = ("target", "signals", "forbidden", "source_variants")


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=math.inf)


def _styled(key: str, value: Any) -> Any:
    """Short lists on one line, evidence and alternatives as one-line mappings, languages inline."""
    if key in ("evidence", "alternatives") and isinstance(value, list):
        return [_FlowMap(item) if isinstance(item, dict) else item for item in value]
    if key in _FLOW_LIST_KEYS and isinstance(value, list):
        return _FlowList(value)
    if key == "languages" and isinstance(value, dict):
        return _FlowMap(value)
    return value


def _dump_mapping(data: dict[str, Any]) -> str:
    return _dump({key: _styled(key, value) for key, value in data.items()})


def _dump_scalar(value: Any) -> str | None:
    """A value as it would appear after `key: ` on one line, or None if it needs several lines."""
    if isinstance(value, (list, dict)):
        return None
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, default_flow_style=True, width=math.inf)
    text = text.split("\n...")[0].rstrip("\n")
    return text if len(text.splitlines()) == 1 else None


def _fresh_entry_text(data: dict[str, Any]) -> str:
    plain = _plain_entry_text(data)
    return plain if plain is not None else _emitted_entry_text(data)


def _emitted_entry_text(data: dict[str, Any]) -> str:
    """An entry as PyYAML's emitter writes it, indented under `terms:`."""
    text = _dump([{key: _styled(key, value) for key, value in data.items()}])
    # Indent every line that has content; str.strip() would also drop "\xa0" and other spaces
    # that are content inside a block scalar.
    return "".join("  " + line if line.strip("\r\n") else line for line in text.splitlines(keepends=True))


# ---------------------------------------------------------------- writing entries without PyYAML's emitter
#
# PyYAML's emitter spends about 0.5 ms on an entry (it weighs every character of every scalar in
# pure Python), seven seconds for a 15,000-entry glossary. An entry made only of one-line strings
# without control characters, numbers and booleans, in the fields the tool writes, is written
# here instead, choosing each scalar's style by PyYAML's own rules (Emitter.analyze_scalar and
# choose_scalar_style, restated with string operations for such scalars); anything else returns
# None and goes through PyYAML. tests/test_glossary_yaml_writer.py holds the two to the same bytes.

_STR_TAG = "tag:yaml.org,2002:str"
# Printable per the emitter with allow_unicode, minus every line break (\x85, \u2028, \u2029).
_NOT_ONE_LINE_PRINTABLE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                                     "\U00010000-\U0010fffe]")
_LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`"
_FLOW_INDICATOR = re.compile(r"[,?\[\]{}:]")
_RESOLVER = yaml.resolver.Resolver()
# First characters some implicit type (int, float, bool, null, timestamp...) can start with; a
# string starting otherwise is read back as a string when written plain.
_TYPED_FIRST = None if None in _RESOLVER.yaml_implicit_resolvers else frozenset(_RESOLVER.yaml_implicit_resolvers)
_REPRESENTER = yaml.representer.SafeRepresenter()


def _scalar_text(value: Any, flow: bool) -> str | None:
    """How the emitter writes `value` after `key: ` (block) or inside [..]/{..} (flow); None if
    it is not a scalar this writer knows."""
    kind = type(value)
    if kind is str:
        text, tag = value, _STR_TAG
    elif kind is bool:
        return "true" if value else "false"
    elif kind is int or kind is float:
        node = _REPRESENTER.represent_data(value)
        text, tag = node.value, node.tag
    else:
        return None
    if not text or _NOT_ONE_LINE_PRINTABLE.search(text):
        return None
    first = text[0]
    spaced = first == " " or text[-1] == " "
    followed_by_space = len(text) == 1 or text[1] == " "
    document = text.startswith(("---", "..."))
    leading = first in _LEADING_INDICATORS or (first == "-" and followed_by_space)
    if flow:
        indicators = (document or leading or first in "?:" or " #" in text
                      or _FLOW_INDICATOR.search(text, 1) is not None)
    else:
        indicators = (document or leading or (first in "?:" and followed_by_space) or " #" in text
                      or text.find(": ", 1) > 0 or (len(text) > 1 and text[-1] == ":"))
    if _TYPED_FIRST is not None and first not in _TYPED_FIRST:
        implicit = tag == _STR_TAG
    else:
        implicit = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == tag
    if implicit and not spaced and not indicators:
        return text
    if tag != _STR_TAG:
        return None
    return "'" + text.replace("'", "''") + "'"


def _flow_text(value: Any) -> str | None:
    """[a, b] for a list of scalars, {key: value, ...} for a mapping of scalars."""
    if type(value) is list and value:
        items = [_scalar_text(item, flow=True) for item in value]
        return None if None in items else "[" + ", ".join(items) + "]"
    if type(value) is dict and value:
        items = [(_scalar_text(key, flow=True), _scalar_text(item, flow=True)) for key, item in value.items()]
        if any(type(key) is not str or None in pair for key, pair in zip(value, items)):
            return None
        return "{" + ", ".join(f"{key}: {item}" for key, item in items) + "}"
    return None


def _plain_entry_text(data: dict[str, Any]) -> str | None:
    """`_fresh_entry_text` for the entries the tool writes itself, without PyYAML's emitter."""
    lines = []
    for key, value in data.items():
        if key not in ENTRY_FIELDS:
            return None
        prefix = "  - " if not lines else "    "
        if key in ("evidence", "alternatives"):
            if type(value) is not list or not value:
                return None
            items = [_flow_text(item) if type(item) is dict else None for item in value]
            if None in items:
                return None
            lines.append(f"{prefix}{key}:\n")
            lines += [f"      - {item}\n" for item in items]
            continue
        text = _flow_text(value) if key in _FLOW_LIST_KEYS and type(value) is list else _scalar_text(value, False)
        if text is None:
            return None
        lines.append(f"{prefix}{key}: {text}\n")
    return "".join(lines) if lines else None


def _with_newline(text: str, newline: str) -> str:
    return text.replace("\n", newline) if newline != "\n" else text


def _entry_text(entry: Entry, newline: str) -> str:
    block: _Block | None = entry.origin if isinstance(entry.origin, _Block) else None
    if block is None:
        return _with_newline(_fresh_entry_text(entry_to_data(entry)), newline)
    data = entry_to_data(entry, key_order=block.keys)
    if data == block.data:
        return block.text
    patched = _patch(block, data, newline) if block.patchable else None
    if patched is not None:
        return patched
    return block.leading + _with_newline(_fresh_entry_text(data), newline)


def _patch(block: _Block, data: dict[str, Any], newline: str) -> str | None:
    """Rewrite only the keys whose values changed, keeping every other line (comments, order,
    quoting) as written. One-line values are replaced in place, so a comment after them stays.
    Returns None when the change cannot be made this way (e.g. removing the key after `- `)."""
    lines = block.text.splitlines(keepends=True)
    edits: list[tuple[_KeySpan, list[str] | None]] = []  # None: delete the key's lines
    added: list[str] = []
    for key in block.keys:
        if key not in data and key in block.data:
            span = block.spans[key]
            if lines[span.first][:span.column].strip():  # the key shares its line with `- `
                return None
            edits.append((span, None))
    for key, value in data.items():
        if key not in block.spans:
            added.append(key)
            continue
        if key in block.data and block.data[key] == value:
            continue
        span = block.spans[key]
        one_line = _dump_scalar(value)
        if span.scalar is not None and one_line is not None:
            line = lines[span.last]
            col0, col1 = span.scalar
            lines[span.last] = line[:col0] + one_line + line[col1:]
            continue
        fresh = _with_newline(_dump_mapping({key: value}), newline).splitlines(keepends=True)
        prefix = lines[span.first][:span.column]
        new_lines = [prefix + fresh[0]] + [" " * span.column + line for line in fresh[1:]]
        if not lines[span.last].endswith(("\n", "\r")):
            new_lines[-1] = new_lines[-1].rstrip("\r\n")
        edits.append((span, new_lines))
    for span, new_lines in sorted(edits, key=lambda edit: edit[0].first, reverse=True):
        lines[span.first:span.last + 1] = new_lines or []
    if added:
        column = min(span.column for span in block.spans.values())
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        fresh = _with_newline(_dump_mapping({key: data[key] for key in added}), newline)
        lines += [" " * column + line for line in fresh.splitlines(keepends=True)]
    return "".join(lines)


def _header_text(glossary: Glossary, document: _Document | None) -> str:
    header = glossary_header(glossary)
    if document is None:
        return _dump_mapping(header)
    block = document.header
    data = {key: header[key] for key in [*block.keys, *header] if key in header}
    if data == block.data:
        return block.text
    patched = _patch(block, data, document.newline)
    return patched if patched is not None else _with_newline(_dump_mapping(header), document.newline)


def dump_glossary(glossary: Glossary) -> str:
    """The file text for a glossary: byte-stable, and byte-identical where nothing changed."""
    document: _Document | None = glossary.origin if isinstance(glossary.origin, _Document) else None
    newline = document.newline if document is not None else "\n"
    pieces = [_header_text(glossary, document)]
    if document is not None and bool(glossary.terms) == document.had_terms:
        pieces.append(document.terms_line)
    else:
        pieces.append("terms:" + (newline if glossary.terms else " []" + newline))
    pieces += [_entry_text(entry, newline) for entry in glossary.terms]
    if document is not None:
        pieces.append(document.trailer)
    for index in range(len(pieces) - 1):  # a file may end without a newline; its middle may not
        if pieces[index] and not pieces[index].endswith(("\n", "\r")) and any(pieces[index + 1:]):
            pieces[index] += newline
    return ("\ufeff" if document is not None and document.bom else "") + "".join(pieces)


# ---------------------------------------------------------------- reading

def load_glossary(path: str) -> Glossary:
    """Read and validate a glossary file; every problem found is reported, not just the first."""
    glossary, problems = parse_glossary(read_glossary_text(path), path)
    if problems:
        raise GlossaryProblems(problems)
    return glossary


def read_glossary_text(path: str) -> str:
    """The text of a glossary file (UTF-8, BOM allowed), or a GlossaryFileError saying why not."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise GlossaryFileError("no such glossary file", path=path) from None
    except IsADirectoryError:
        raise GlossaryFileError("is a directory, not a glossary file", path=path) from None
    except OSError as error:
        raise GlossaryFileError(f"cannot read: {error.strerror}", path=path) from None
    try:
        text = raw.decode("utf-8")  # a BOM is kept: parse_glossary writes it back
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise GlossaryFileError(f"not UTF-8 (byte {error.start}); glossary files are UTF-8",
                                path=path, line=line) from None
    return text


def parse_glossary(text: str, path: str = "<glossary>") -> tuple[Glossary, list[Problem]]:
    """Parse glossary text into a Glossary and the list of schema problems found in it."""
    bom = text.startswith("\ufeff")
    text = text[1:] if bom else text
    glossary = _parse_quickly(text, bom=bom)
    if glossary is not None:
        return glossary, []
    return _parse_fully(text, path, bom=bom)


def _parse_fully(text: str, path: str, *, bom: bool) -> tuple[Glossary, list[Problem]]:
    """parse_glossary by PyYAML's composer alone: the reference the quick reader must agree with."""
    problems: list[Problem] = []

    def problem(node_or_mark: Any, message: str) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        problems.append(Problem(path, mark.line + 1, mark.column + 1, message))

    try:
        root = yaml.compose(text, Loader=_Loader)
        if root is not None and ("&" in text or "*" in text):
            _refuse_aliases(text, problem)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "invalid YAML"
        return Glossary(), [Problem(path, line, column, f"YAML syntax error: {reason}")]
    except yaml.reader.ReaderError as error:  # a control character or other unprintable one
        character = error.character if isinstance(error.character, int) else ord(error.character)
        before = text[:error.position]
        if _Loader is not yaml.SafeLoader:  # libyaml counts the position in UTF-8 bytes
            before = text.encode("utf-8")[:error.position].decode("utf-8", "ignore")
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        return Glossary(), [Problem(path, line, column, f"character U+{character:04X} is not allowed in YAML; "
                                                        "remove it or write it as an escape in double quotes")]
    except yaml.YAMLError as error:
        return Glossary(), [Problem(path, 1, 1, f"YAML error: {error}")]
    except RecursionError:
        return Glossary(), [Problem(path, 1, 1, "YAML nested too deeply to be a glossary")]
    if problems:
        return Glossary(), problems
    if root is None:
        return Glossary(), []
    if not isinstance(root, yaml.MappingNode):
        problem(root, "a glossary is a mapping with a 'terms:' list")
        return Glossary(), problems
    _refuse_complex_keys(root, problem)
    if problems:
        return Glossary(), problems

    glossary = Glossary()
    terms_node = _read_header(root, glossary, problem)

    if terms_node is None:
        return glossary, problems
    if not isinstance(terms_node, yaml.SequenceNode):
        if isinstance(terms_node, yaml.ScalarNode) and terms_node.value in ("", "~", "null"):
            if not problems:
                _remember_text(glossary, root, [], text, bom=bom)
        else:
            problem(terms_node, "'terms' must be a list of entries")
        return glossary, problems

    items = terms_node.value
    for item in items:
        entry = _read_entry(item, problem)
        if entry is not None:
            glossary.terms.append(entry)

    if not terms_node.flow_style or not items:
        if len(glossary.terms) == len(items) and not problems:
            _remember_text(glossary, root, items, text, bom=bom)
    return glossary, problems


def _read_header(root: yaml.MappingNode, glossary: Glossary, problem: Any) -> yaml.Node | None:
    """Fill the glossary's header fields from the top-level mapping; returns the `terms` node."""
    terms_node = None
    for key_node, value_node in root.value:
        key = key_node.value
        if key == "terms":
            terms_node = value_node
            continue
        value = _construct(value_node, problem)
        if value is _REFUSED:
            continue
        if key == "glossary":
            if isinstance(value, bool) or value != SCHEMA_VERSION:
                problem(value_node, f"unsupported glossary version {value!r}; this tool reads version {SCHEMA_VERSION}")
            else:
                glossary.version = value
        elif key == "languages":
            if not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
                problem(value_node, "languages must be a mapping like {source: en, target: zh}")
            else:
                glossary.languages = value
        elif key == "generated":
            if isinstance(value, dict):
                glossary.generated = value
            elif value is not None:
                problem(value_node, "'generated' must be a mapping (the tool writes it; delete it if unsure)")
        else:
            glossary.extra[key] = value
    _check_duplicate_keys(root, problem)
    return terms_node


def _remember_text(glossary: Glossary, root: yaml.MappingNode, items: list[yaml.Node], text: str, *,
                   bom: bool = False) -> None:
    """Cut the file into header, one chunk per entry and trailer, so unchanged parts round-trip.

    Only done for the usual layout: a block mapping whose last key is `terms`.
    """
    if root.flow_style or root.value[-1][0].value != "terms":
        return
    terms_key, terms_node = root.value[-1]
    terms_line = terms_key.start_mark.line
    if any(key.start_mark.line == terms_line for key, _ in root.value[:-1]):
        return
    layouts = [_layout_of(item) for item in items]
    empty_terms_end = max(terms_line, _last_content_line(terms_node)) + 1
    _cut_text(glossary, root, terms_line, layouts, text.splitlines(keepends=True), empty_terms_end, bom=bom)


@dataclass
class _EntryLayout:
    """Where one entry sits in the file, in lines counted from its start."""

    first: int  # the line of its first key
    last: int  # the last line holding part of it
    keys: list[str]  # every key, in file order
    spans: dict[str, _KeySpan]  # lines counted from `first`
    patchable: bool = True


def _layout_of(item: yaml.Node) -> _EntryLayout:
    keys = _keys_of(item)
    spans, patchable = _spans_of(item, keys, base=item.start_mark.line)
    return _EntryLayout(first=item.start_mark.line, last=_last_content_line(item), keys=keys, spans=spans,
                        patchable=patchable)


def _cut_text(glossary: Glossary, header: yaml.MappingNode | None, terms_line: int, layouts: list[_EntryLayout],
              lines: list[str], empty_terms_end: int, *, bom: bool) -> None:
    """_remember_text once the entries are located (by the composer or by the quick reader)."""
    if layouts:
        starts = [layout.first for layout in layouts]
        ends = [layout.last for layout in layouts]
        if len(set(starts)) != len(starts) or starts[0] <= terms_line:
            return  # several entries on one line, or an entry on the `terms:` line
        # A chunk runs from just after the previous entry's last line, so the comments written
        # above an entry travel with it. Comments right above the first entry belong to it too.
        first = starts[0]
        while first > terms_line + 1 and lines[first - 1].lstrip().startswith("#"):
            first -= 1
        bounds = [first] + [end + 1 for end in ends[:-1]] + [ends[-1] + 1]
    else:
        bounds = [empty_terms_end]
    first_line = lines[0] if lines else ""
    newline = "\r\n" if first_line.endswith("\r\n") else "\n"
    header_keys = [key.value for key, _ in header.value if key.value != "terms"] if header is not None else []
    spans, patchable = _spans_of(header, header_keys) if header is not None else ({}, True)
    block = _block_of(lines, 0, terms_line, header_keys, spans, patchable)
    block.data = {key: value for key, value in glossary_header(glossary).items() if key in header_keys}
    if set(block.data) != set(glossary_header(glossary)):
        block.data = glossary_header(glossary)  # e.g. no `languages:` written: the default is added
    glossary.origin = _Document(header=block, terms_line="".join(lines[terms_line:bounds[0]]),
                                trailer="".join(lines[bounds[-1]:]), newline=newline, had_terms=bool(layouts),
                                bom=bom)
    for index, (entry, layout) in enumerate(zip(glossary.terms, layouts)):
        block = _block_of(lines, bounds[index], bounds[index + 1], layout.keys, layout.spans, layout.patchable,
                          spans_from=layout.first)
        block.data = entry_to_data(entry, key_order=block.keys)
        block.leading = "".join(line for line in lines[bounds[index]:layout.first]
                                if line.lstrip().startswith("#"))
        entry.origin = block


def _block_of(lines: list[str], first: int, end: int, keys: list[str], spans: dict[str, _KeySpan],
              patchable: bool, spans_from: int = 0) -> _Block:
    """The text of lines[first:end], with the key spans (counted from line `spans_from`) moved to
    count from its first line."""
    block = _Block(text="".join(lines[first:end]), data={}, keys=keys, patchable=patchable)
    shift = spans_from - first
    block.spans = {key: _KeySpan(span.first + shift, span.last + shift, span.column, span.scalar)
                   for key, span in spans.items()} if shift else spans
    return block


def _spans_of(node: yaml.MappingNode, keys: list[str], base: int = 0) -> tuple[dict[str, _KeySpan], bool]:
    """For a block mapping, where each of its keys sits (lines counted from line `base`), and
    whether the mapping can be patched key by key."""
    spans: dict[str, _KeySpan] = {}
    if node.flow_style:
        return spans, False
    patchable = True
    for key_node, value_node in node.value:
        if key_node.value not in keys:
            continue
        if key_node.start_mark.line != key_node.end_mark.line:
            patchable = False  # a multi-line key: leave such an entry to a fresh write
            continue
        last = max(_last_content_line(value_node), key_node.start_mark.line)
        span = _KeySpan(first=key_node.start_mark.line - base, last=last - base, column=key_node.start_mark.column)
        if (isinstance(value_node, yaml.ScalarNode) and value_node.style not in ("|", ">")
                and value_node.start_mark.line == value_node.end_mark.line == last
                and value_node.end_mark.column > value_node.start_mark.column):
            span.scalar = (value_node.start_mark.column, value_node.end_mark.column)
        spans[key_node.value] = span
    return spans, patchable


def _keys_of(item: yaml.Node) -> list[str]:
    return [key.value for key, _ in item.value] if isinstance(item, yaml.MappingNode) else []


def _last_content_line(node: yaml.Node) -> int:
    """The last line holding part of a node (its end mark often sits on the next line)."""
    if isinstance(node, yaml.ScalarNode):
        end = node.end_mark
        return end.line if end.column > 0 or end.line == node.start_mark.line else end.line - 1
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            children += [key, value]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    if node.flow_style or not children:
        end = node.end_mark
        return end.line if end.column > 0 else max(node.start_mark.line, end.line - 1)
    return max(_last_content_line(child) for child in children)


_REFUSED = object()  # a value whose tag was refused: already reported, checked no further


def _construct(node: yaml.Node, problem: Any) -> Any:
    try:
        return _Loader("").construct_document(node)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or node.start_mark
        problem(mark, f"refused: {error.problem} (only plain YAML data is allowed)")
        return _REFUSED


def _refuse_aliases(text: str, problem: Any) -> None:
    """Anchors and aliases (&a, *a) have no use in a glossary and can expand exponentially."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            problem(event.start_mark, "anchors and aliases (&name, *name) are not allowed in a glossary; "
                                      "write the value out")
            return


def _refuse_complex_keys(node: yaml.Node, problem: Any) -> None:
    """Keys must be plain strings: `? [a, b]: c` is valid YAML but not a glossary."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                problem(key, "keys must be plain words like 'source:'")
            else:
                _refuse_complex_keys(value, problem)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_complex_keys(item, problem)


def _check_duplicate_keys(node: yaml.MappingNode, problem: Any) -> None:
    seen: set[str] = set()
    for key_node, _ in node.value:
        if key_node.value in seen:
            problem(key_node, f"duplicate key '{key_node.value}'")
        seen.add(key_node.value)


def _read_entry(item: yaml.Node, problem: Any) -> Entry | None:
    if not isinstance(item, yaml.MappingNode):
        problem(item, "each entry must be a mapping with at least 'source:'")
        return None
    _check_duplicate_keys(item, problem)
    nodes = {key.value: value for key, value in item.value}
    try:  # one construction per entry; only on a refused tag go key by key to locate it
        values = _Loader("").construct_document(item)
    except yaml.constructor.ConstructorError:
        constructed = {key: _construct(value, problem) for key, value in nodes.items()}
        values = {key: value for key, value in constructed.items() if value is not _REFUSED}
    return _entry_from(values, {key: node.start_mark for key, node in nodes.items()}, item.start_mark, problem)


def _entry_from(values: dict[str, Any], marks: dict[str, Any], item_mark: Any, problem: Any) -> Entry:
    """An entry from its constructed values; `marks` (anything with 0-based .line and .column)
    say where each key's value starts, for Entry.positions and for locating problems."""
    entry = Entry(source="", line=item_mark.line + 1, column=item_mark.column + 1,
                  positions={key: (mark.line + 1, mark.column + 1) for key, mark in marks.items()})

    source = values.get("source")
    if not isinstance(source, str) or not source.strip():
        problem(marks.get("source", item_mark), "entry has no 'source' text")
    else:
        entry.source = source

    def string_list(key: str) -> list[str]:
        value = values.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        problem(marks[key], f"'{key}' must be a string or a list of strings")
        return []

    def flag(key: str) -> bool | None:
        value = values.get(key)
        if value is None or isinstance(value, bool):
            return value
        problem(marks[key], f"'{key}' must be true or false, got {value!r}")
        return None

    entry.target = string_list("target")
    status = values.get("status", "candidate")
    try:
        entry.status = Status(status)
    except ValueError:
        problem(marks["status"], f"unknown status {status!r}; use candidate, approved or rejected")
    score = values.get("score")
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            problem(marks["score"], f"score must be a number between 0 and 1, got {score!r}")
        elif not 0 <= score <= 1:
            problem(marks["score"], f"score must be between 0 and 1, got {score}")
        else:
            entry.score = score
    count = values.get("count")
    if count is not None:
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            problem(marks["count"], f"count must be a whole number, got {count!r}")
        else:
            entry.count = count
    entry.signals = string_list("signals")
    note = values.get("note")
    if note is not None and not isinstance(note, str):
        note = str(note)
    entry.note = note
    entry.forbidden = string_list("forbidden")
    entry.source_variants = string_list("source_variants")
    entry.case_sensitive = flag("case_sensitive")
    entry.keep_source = bool(flag("keep_source"))
    entry.evidence = _read_records(values, marks, "evidence", ("where", "source", "target"), problem, Evidence)
    entry.alternatives = _read_records(values, marks, "alternatives", ("target", "score"), problem, Alternative)
    entry.extra = {key: value for key, value in values.items() if key not in ENTRY_FIELDS}
    return entry


def _read_records(values: dict, marks: dict, key: str, fields: tuple[str, ...], problem: Any, kind: type) -> list:
    value = values.get(key)
    if value is None:
        return []
    shape = "{" + ", ".join(f"{name}: ..." for name in fields) + "}"
    if not isinstance(value, list) or not all(isinstance(v, dict) and set(fields) <= set(v) for v in value):
        problem(marks[key], f"'{key}' must be a list of {shape}")
        return []
    try:
        return [kind(**{name: record[name] for name in fields}) for record in value]
    except TypeError:
        problem(marks[key], f"'{key}' must be a list of {shape}")
        return []



# ---------------------------------------------------------------- reading entries without PyYAML's composer
#
# Composing a 15,000-entry glossary builds about 400,000 nodes, each with two marks; with the
# construction and the alias scan that is seconds. Entries laid out as the tool writes them (one
# `key: value` per line; values plain, quoted without escapes, or flow lists and mappings of such
# scalars; `evidence:` and `alternatives:` items as `- {...}` lines; whole-line comments and
# comments after a value) are read here line by line. Any other entry is composed alone by PyYAML
# at its place in the file; anything unusual elsewhere (the header aside, which is always composed),
# and any problem at all, sends the whole file to _parse_fully, so errors are reported by one code
# path. tests/test_glossary_yaml_reader.py holds the two readers to the same results.

_NOT_QUICK_TEXT = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                             "\U00010000-\U0010ffff]")  # control characters, unusual line breaks, BOMs
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
_IMPLICIT_TYPES = {first: list(resolvers) for first, resolvers in _RESOLVER.yaml_implicit_resolvers.items()}
_STRING_KEYS = frozenset(ENTRY_FIELDS) | {"where"}  # keys known to be read as strings, not checked again
_WHOLE_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_DECIMAL = re.compile(r"[0-9]+\.[0-9]+\Z")
_COMMENT_AFTER = re.compile(r"(?: +#.*)?\Z")
_QUICK_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_NOT_QUICK = object()  # a value the quick reader leaves to the composer


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


def _flow_collection(line: str, start: int) -> tuple[Any, int]:
    """`[a, b]` or `{key: value, ...}` of scalars at line[start], and where it ends."""
    closing = "]" if line[start] == "[" else "}"
    values: Any = [] if closing == "]" else {}
    position = start + 1
    while True:
        if closing == "]":
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


def _block_value(line: str, start: int) -> tuple[Any, int, bool]:
    """The value after `key: ` at line[start], where it ends, and whether it is a scalar."""
    first = line[start]
    if first in "[{":
        value, end = _flow_collection(line, start)
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
            start = len(_ITEM_LINE)
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
        start = match.end()
        last = number
        span = spans[key] = _KeySpan(first=number - first, last=number - first, column=4)
        if start == len(line):  # `key:` alone: empty, or a list of `      - ` lines follows
            values[key] = items = []
            marks[key] = _Mark(number, start)
            continue
        items = None
        values[key], stop, scalar = _block_value(line, start)
        marks[key] = _Mark(number, start)
        if scalar:
            span.scalar = (start, stop)
    for key in keys:
        if values[key] == [] and marks[key].line == first + spans[key].first:
            values[key] = None  # `key:` with nothing under it
    problems: list[Any] = []
    entry = _entry_from(values, marks, _Mark(first, 4), lambda *_: problems.append(True))
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
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects, none of them garbage: spare the collector
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
    finally:
        if collecting:
            gc.enable()
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
