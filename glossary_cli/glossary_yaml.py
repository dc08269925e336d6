"""Read and write glossary YAML without losing a person's edits: the public functions.

Loading remembers the exact text of the header, of every entry (with the comment lines above
it) and of the tail of the file, and where each key sits. Writing emits that text unchanged when
the data did not change; otherwise only the changed keys are rewritten: one-line values in place
(a comment after them stays), other values as whole lines, new keys appended to their entry (a
key people add goes above extract's evidence and checksum where the entry has them), so
comments, key order, quoting, CRLF line ends and a missing final newline all survive. New entries
are written fresh after the last one. Flow-style entries (`- {source: ...}`) are rewritten whole
when they change.

The work is split by speed: glossary_yaml_read reads any file through PyYAML's composer and
reports every problem; glossary_yaml_quick reads files laid out as the tool writes them without
the composer, and glossary_yaml_emit writes the tool's own entries without PyYAML's emitter,
because both are slow on glossaries of 10,000 entries and more. This module writes everything
else and chooses the reader.
"""

from __future__ import annotations

import codecs
import dataclasses
import math
import os
import shlex
from collections.abc import Iterable
from typing import Any

import yaml

from .errors import GlossaryFileError
from .glossary import ENTRY_FIELDS, Entry, Glossary
from .glossary_yaml_emit import _FLOW_LIST_KEYS, _plain_entry_text, _plain_field_text, _scalar_text
from .glossary_yaml_quick import _parse_quickly
from .textio import ENCODING_NAMES, backslash_hint, line_and_column, marked_encoding, not_utf8
from . import glossary_yaml_read
from .glossary_yaml_read import (
    EditorLines,
    Problem,
    Unkept,
    _Block,
    _Document,
    _KeySpan,
    _parse_fully,
    too_large,
    comment_at,
    entry_to_data,
    glossary_header,
)


class GlossaryProblems(GlossaryFileError):
    """All the mistakes found in one file, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(first.message, path=first.path, line=first.line, column=first.column)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


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


def _dump(data: Any) -> str:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=math.inf)
    # After a `|+` scalar (a note keeping its final blank line) at its end, PyYAML closes the
    # document with `...`; the text is written into a file as a part of it, where that line
    # would end the document in mid-list. The next key or entry ends the scalar as well.
    return text[:-len("...\n")] if text.endswith("\n...\n") else text


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


def _field_text(key: str, value: Any) -> str:
    """`_dump_mapping({key: value})`, by the quick writer where it can: a re-run that changes every
    entry's evidence (the corpus moved, a pair inserted at its top) patches thousands of them."""
    quick = _plain_field_text(key, value)
    return quick if quick is not None else _dump_mapping({key: value})


def _dump_scalar(value: Any) -> str | None:
    """A value as it would appear after `key: ` on one line, or None if it needs several lines."""
    if isinstance(value, (list, dict)):
        return None
    quick = _scalar_text(value, flow=False)
    return quick if quick is not None else _emitted_scalar(value)


def _emitted_scalar(value: Any) -> str | None:
    """`_dump_scalar` as PyYAML's emitter writes it."""
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


def _indent_line(indent: str, line: str) -> str:
    """A line moved right by `indent`; an empty line (a blank line inside a block scalar) stays empty."""
    return indent + line if line.strip("\r\n") else line


def _with_newline(text: str, newline: str) -> str:
    return text.replace("\n", newline) if newline != "\n" else text


def _in_line_ends(text: str, newline: str) -> str:
    """Text from another file, its lines ended as this file's are."""
    return _with_newline(text.replace("\r\n", "\n").replace("\r", "\n"), newline)


def _entry_text(entry: Entry, newline: str, indent: str) -> str:
    block: _Block | None = entry.origin if isinstance(entry.origin, _Block) else None
    if block is None:
        return _with_newline(_indented(_fresh_entry_text(entry_to_data(entry)), indent), newline)
    data = entry_to_data(entry, key_order=block.keys)
    if data == block.data:
        return block.text
    patched = _patch(block, data, newline) if block.patchable else _flow_entry_text(block, data)
    if patched is not None:
        return patched
    own_lines = block.text.splitlines(keepends=True)[block.leading.count("\n"):]
    comments = [line[comment_at(line):].rstrip("\r\n") for line in own_lines if comment_at(line) >= 0]
    return (block.leading + "".join("  " + comment + newline for comment in comments)
            + _with_newline(_indented(_fresh_entry_text(data), indent), newline))


def _flow_entry_text(block: _Block, data: dict[str, Any]) -> str | None:
    """An entry a person wrote as a flow mapping on one line (`- {source: …, target: …}`), written
    so again with its new values; None for any other entry, or where a value holds a line break
    (a note of several lines reads better as a block)."""
    own = block.text[len(block.leading):]
    dash = _dash_indent(block)
    line = own.rstrip("\r\n")
    if dash is None or len(line.splitlines()) != 1 or not own[len(dash):].startswith("- {") \
            or _holds_line_break(data):
        return None
    at = comment_at(line)  # a comment after the entry (`# verified`) stays where it is, as written
    comment = line[len(line[:at].rstrip()):] if at >= 0 else ""
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=True,
                     width=math.inf).rstrip("\n")
    return block.leading + f"{dash}- {text}{comment}{own[len(line):]}" if "\n" not in text else None


def _holds_line_break(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_holds_line_break(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_line_break(item) for item in value)
    return isinstance(value, str) and ("\n" in value or "\r" in value)


_TOOL_INDENT = "  "  # `  - source:` under `terms:`, as the tool writes entries


def _item_indent(glossary: Glossary) -> str:
    """How far the file's entries are indented (`- source:` at the margin, or four spaces in),
    so entries the tool writes into it line up with them: at other indentation the list would
    no longer be YAML."""
    for entry in glossary.terms:
        if isinstance(entry.origin, _Block) and entry.origin.keys:  # an entry read from this file
            indent = _dash_indent(entry.origin)
            if indent is not None:
                return indent
    document = glossary.origin if isinstance(glossary.origin, _Document) else None
    if document is not None and document.item_indent is not None:  # its entries were all replaced
        return document.item_indent
    return _TOOL_INDENT


def _dash_indent(block: _Block) -> str | None:
    """The spaces before the `-` that starts an entry's text (None: no dash, a flow entry)."""
    own = block.text[len(block.leading):]
    indent = own[:len(own) - len(own.lstrip(" "))]
    return indent if own[len(indent):len(indent) + 1] == "-" else None


def _indented(text: str, indent: str) -> str:
    """Entry text written at the tool's indentation, moved to `indent`."""
    if indent == _TOOL_INDENT:
        return text
    return "".join(indent + line[len(_TOOL_INDENT):] if line.startswith(_TOOL_INDENT) else line
                   for line in text.splitlines(keepends=True))


def has_comments(entry: Entry) -> bool:
    """True when a person wrote a comment above or inside the entry's text in the file: the tool
    writes none, so a commented candidate carries a person's work like one with a note."""
    return bool(comments_of(entry))


def carried_to(entry: Entry, glossary: Glossary) -> Entry:
    """A copy of an entry from another file, to be written into `glossary`'s file (merge adds
    incoming entries this way): as written, comments and all, when its layout fits the file;
    otherwise written afresh, the comments a person wrote above and inside it coming along as
    comment lines above it."""
    clone = entry.copy()
    block: _Block | None = entry.origin if isinstance(entry.origin, _Block) else None
    if block is not None and block.keys and _fits(block, glossary):
        return clone  # laid out as this file's entries are: its text comes along as written
    clone.origin = None
    add_comments(clone, comments_of(entry), glossary)
    return clone


def _fits(block: _Block, glossary: Glossary) -> bool:
    """Whether an entry's text from another file can go into this one as it is: the same line
    ends and the same list indentation."""
    document = glossary.origin if isinstance(glossary.origin, _Document) else None
    newline = document.newline if document is not None else "\n"
    return _line_end(block.text) == newline and _dash_indent(block) == _item_indent(glossary)


def _line_end(text: str) -> str:
    """The line end a text uses: CRLF (Windows), a lone CR (classic Mac OS) or LF."""
    return "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"


def add_comments(entry: Entry, comments: list[str], glossary: Glossary) -> None:
    """Write `comments` (`# ...` texts) as comment lines above an entry of `glossary`, those it
    does not have yet: merge folds an incoming entry's comments into the base's entry this way."""
    comments = [comment for comment in dict.fromkeys(comments) if comment not in comments_of(entry)]
    if not comments:
        return
    document = glossary.origin if isinstance(glossary.origin, _Document) else None
    newline = document.newline if document is not None else "\n"
    block: _Block | None = entry.origin if isinstance(entry.origin, _Block) else None
    if block is None:
        lines = "".join("  " + comment + newline for comment in comments)
        entry.origin = _Block(text=lines, data={}, keys=[], patchable=False, leading=lines)
        return
    own = block.text[len(block.leading):]
    lines = "".join((_dash_indent(block) or "") + comment + newline for comment in comments)
    shift = len(comments)
    entry.origin = dataclasses.replace(
        block, text=block.leading + lines + own, leading=block.leading + lines,
        spans={key: dataclasses.replace(span, first=span.first + shift, last=span.last + shift)
               for key, span in block.spans.items()})


# ---------------------------------------------------------------- outside the entries

OUTSIDE_PARTS = ("header", "terms_line", "trailer")  # above `terms:`, `terms:` to the first entry, after the last


def header_line(glossary: Glossary, key: str) -> int | None:
    """The line of a top-level key in the glossary's file (None: not known)."""
    document = glossary.origin if isinstance(glossary.origin, _Document) else None
    span = document.header.spans.get(key) if document is not None else None
    # as an editor counts lines, after a pasted U+2028 too (spans count PyYAML's)
    return EditorLines(document.header.text).of_mark(span.first, span.column)[0] if span is not None else None


def _document_of(glossary: Glossary) -> _Document | None:
    """The glossary's file layout; a glossary with none yet (a new or empty file) is given the one
    the tool writes, so text can be added to it. None for a layout that cannot be kept."""
    if glossary.origin is None:
        glossary.origin = parse_glossary(dump_glossary(glossary), "<new glossary>")[0].origin
    return glossary.origin if isinstance(glossary.origin, _Document) else None


def outside_text(glossary: Glossary, part: str) -> str | None:
    """A part of the file outside the entries (one of OUTSIDE_PARTS), its lines ended by LF; None
    for a glossary whose file layout is not known (a new file)."""
    document = glossary.origin if isinstance(glossary.origin, _Document) else None
    if document is None:
        return None
    text = document.header.text if part == "header" else getattr(document, part)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def outside_comments(glossary: Glossary, part: str) -> list[str]:
    """The comments (`# ...`) written in a part of the file outside the entries."""
    text = outside_text(glossary, part) or ""
    return [line[comment_at(line):] for line in text.splitlines() if comment_at(line) >= 0]


def take_outside_text(glossary: Glossary, other: Glossary, part: str) -> bool:
    """Make a part of `glossary`'s file outside the entries read as `other`'s does, in `glossary`'s
    line ends (a three-way merge takes the header only one side changed). The `terms:` line is
    left as it is, since it follows the entries; False when `other`'s layout is unknown or
    `glossary`'s cannot be kept."""
    source = other.origin if isinstance(other.origin, _Document) else None
    if source is None or part == "terms_line":
        return False
    document = _document_of(glossary)
    if document is None:
        return False
    if part == "header":
        header = dataclasses.replace(source.header, text=_in_line_ends(source.header.text, document.newline))
        glossary.origin = dataclasses.replace(document, header=header)
    else:
        glossary.origin = dataclasses.replace(document, trailer=_in_line_ends(source.trailer, document.newline))
    return True


def add_outside_comments(glossary: Glossary, part: str, comments: list[str]) -> bool:
    """Write `comments` (`# ...` texts) the file holds nowhere yet as lines of their own: header
    comments (and those of the `terms:` line) just above `terms:`, at the margin; trailing ones at
    the end of the file, as far in as the entries, which no block scalar of the last entry reaches.
    False (nothing written) when the glossary's file layout cannot be kept."""
    document = _document_of(glossary)
    if document is None:
        return False
    have = {comment for part in OUTSIDE_PARTS for comment in outside_comments(glossary, part)}
    have.update(comment for entry in glossary.terms for comment in comments_of(entry))
    comments = [comment for comment in dict.fromkeys(comments) if comment not in have]
    if not comments:
        return True
    newline = document.newline
    if part == "trailer":
        trailer = document.trailer
        if trailer and not trailer.endswith(("\n", "\r")):
            trailer += newline
        indent = _item_indent(glossary)
        glossary.origin = dataclasses.replace(
            document, trailer=trailer + "".join(indent + comment + newline for comment in comments))
        return True
    header = document.header
    text = header.text + "".join(comment + newline for comment in comments)
    glossary.origin = dataclasses.replace(document, header=dataclasses.replace(header, text=text))
    return True


def comments_of(entry: Entry) -> list[str]:
    """The comments written above and inside an entry in its file."""
    block: _Block | None = entry.origin if isinstance(entry.origin, _Block) else None
    if block is None:
        return []
    return [line[comment_at(line):].rstrip("\r\n") for line in block.text.splitlines() if comment_at(line) >= 0]


def _comments_kept(old_lines: list[str], new_lines: list[str], column: int, newline: str) -> list[str]:
    """`new_lines` replacing `old_lines`, with the comments written among the old ones kept: the
    one beside the first line stays beside it when the new value fits on one line, the others
    (beside list items, or on lines of their own) become comment lines above it."""
    above: list[str] = []
    beside = ""
    for index, line in enumerate(old_lines):
        at = comment_at(line)
        if at < 0:
            continue
        comment = line[at:].rstrip("\r\n")
        if index == 0 and len(new_lines) == 1 and line[:at].strip():
            beside = line[len(line[:at].rstrip()):at] + comment
        else:
            above.append(" " * column + comment + newline)
    if beside:
        ending = new_lines[0][len(new_lines[0].rstrip("\r\n")):]
        new_lines = [new_lines[0].rstrip("\r\n") + beside + ending]
    return above + new_lines


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
        fresh = _with_newline(_field_text(key, value), newline).splitlines(keepends=True)
        prefix = lines[span.first][:span.column]
        new_lines = [prefix + fresh[0]] + [_indent_line(" " * span.column, line) for line in fresh[1:]]
        if not lines[span.last].endswith(("\n", "\r")):
            new_lines[-1] = new_lines[-1].rstrip("\r\n")
        if prefix.strip():  # `- key:`: comments above it go above the item, at the dash
            edits.append((span, _comments_kept(lines[span.first:span.last + 1], new_lines, len(prefix) - 2, newline)))
        else:
            edits.append((span, _comments_kept(lines[span.first:span.last + 1], new_lines, span.column, newline)))
    column = min((span.column for span in block.spans.values()), default=0)  # an empty header: at the margin
    inserted: dict[int, list[str]] = {}  # line index -> new keys' lines to go before it
    appended: list[str] = []
    for key in added:
        before = _next_field(key, block)
        if before is None or lines[before.first][:before.column].strip():  # none after it, or on the line of `- `
            appended.append(key)
            continue
        fresh = _with_newline(_field_text(key, data[key]), newline).splitlines(keepends=True)
        inserted.setdefault(before.first, []).extend(_indent_line(" " * column, line) for line in fresh)
    changes = [(span.first, span.last + 1, new_lines or []) for span, new_lines in edits]
    changes += [(line, line, new_lines) for line, new_lines in inserted.items()]
    for first, end, new_lines in sorted(changes, key=lambda change: (change[0], change[1]), reverse=True):
        lines[first:end] = new_lines
    if appended:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        fresh = _with_newline(_dump_mapping({key: data[key] for key in appended}), newline)
        lines += [_indent_line(" " * column, line) for line in fresh.splitlines(keepends=True)]
    return "".join(lines)


_EXTRACTS_KEYS = ("score", "count", "signals", "evidence", "alternatives", "checksum")
_ANCHOR_KEYS = ("status", *_EXTRACTS_KEYS)


def _next_field(key: str, block: _Block) -> _KeySpan | None:
    """The first of the status and extract's keys the entry holds that a fresh entry writes after
    `key`: a target given to an entry rejected in every rendering goes above its status, and a
    note or forbidden list people add goes above extract's evidence and checksum, where a reviewer
    reads. None where there is none, or for a key of one's own: it goes last."""
    if key not in ENTRY_FIELDS:
        return None
    later = [span for other, span in block.spans.items()
             if other in _ANCHOR_KEYS and ENTRY_FIELDS.index(other) > ENTRY_FIELDS.index(key)]
    return min(later, key=lambda span: span.first, default=None)


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


def refuse_unkeepable(glossary: Glossary) -> None:
    """Raise GlossaryFileError for a file whose comments could not be kept in its layout: a
    command that will write it says so before any work (or any review decision), not after."""
    if isinstance(glossary.origin, Unkept):
        raise GlossaryFileError(f"{glossary.origin.reason}; nothing written", path=glossary.origin.path,
                                line=glossary.origin.line)


def dump_glossary(glossary: Glossary) -> str:
    """The file text for a glossary: byte-stable, and byte-identical where nothing changed.

    Raises GlossaryFileError for a file whose comments could not be kept in its layout."""
    return _joined(glossary, _pieces(glossary))


def dump_with_conflict_markers(glossary: Glossary, conflicts: Iterable[tuple[Entry | None, Entry | None]], *,
                               ours_label: str, theirs_label: str, theirs_header: Glossary | None = None) -> str:
    """The file text for a merge left with conflicts, as git leaves a file: each of `glossary`'s
    entries in a conflict pair, and the other side's entry, between `<<<<<<<`, `=======` and
    `>>>>>>>` lines (an entry only one side has faces an empty side; the other side's entries
    with no entry here come after the last one). `theirs_header`: the header is in conflict too.
    No YAML reader takes the result, so neither it nor validate can miss a conflict left in."""
    pieces = _pieces(glossary)
    document = glossary.origin if isinstance(glossary.origin, _Document) else None
    newline = document.newline if document is not None else "\n"
    indent = _item_indent(glossary)

    def hunk(ours: str, theirs: str) -> str:
        ours = ours if not ours or ours.endswith(("\n", "\r")) else ours + newline
        theirs = theirs if not theirs or theirs.endswith(("\n", "\r")) else theirs + newline
        return (f"<<<<<<< {ours_label}{newline}{ours}======={newline}{theirs}>>>>>>> {theirs_label}{newline}")

    facing: dict[int, list[Entry]] = {}
    unplaced: list[Entry] = []
    for ours, theirs in conflicts:
        if ours is None:
            unplaced += [theirs] if theirs is not None else []
        else:
            facing.setdefault(id(ours), [])
            if theirs is not None and all(theirs is not other for other in facing[id(ours)]):
                facing[id(ours)].append(theirs)

    def text_of(entries: list[Entry]) -> str:
        return "".join(_entry_text(carried_to(entry, glossary), newline, indent) for entry in entries)

    for index, entry in enumerate(glossary.terms, start=2):
        if id(entry) in facing:
            pieces[index] = hunk(pieces[index], text_of(facing[id(entry)]))
    if unplaced:
        pieces.insert(len(pieces) - (1 if document is not None else 0), hunk("", text_of(unplaced)))
    if theirs_header is not None:
        theirs_document = theirs_header.origin if isinstance(theirs_header.origin, _Document) else None
        pieces[0] = hunk(pieces[0], _in_line_ends(_header_text(theirs_header, theirs_document), newline))
    return _joined(glossary, pieces)


def _pieces(glossary: Glossary) -> list[str]:
    """The file's text in pieces: header, `terms:` line, one piece per entry, then (for a glossary
    read from a file) the text after the last entry."""
    refuse_unkeepable(glossary)
    document: _Document | None = glossary.origin if isinstance(glossary.origin, _Document) else None
    newline = document.newline if document is not None else "\n"
    pieces = [_header_text(glossary, document), _terms_line(document, bool(glossary.terms), newline)]
    indent = _item_indent(glossary)
    pieces += [_entry_text(entry, newline, indent) for entry in glossary.terms]
    if document is not None:
        pieces.append(document.trailer)
    return pieces


def _joined(glossary: Glossary, pieces: list[str]) -> str:
    document: _Document | None = glossary.origin if isinstance(glossary.origin, _Document) else None
    newline = document.newline if document is not None else "\n"
    for index in range(len(pieces) - 1):  # a file may end without a newline; its middle may not
        if pieces[index] and not pieces[index].endswith(("\n", "\r")) and any(pieces[index + 1:]):
            pieces[index] += newline
    return ("\ufeff" if document is not None and document.bom else "") + "".join(pieces)


def _terms_line(document: _Document | None, has_terms: bool, newline: str) -> str:
    """`terms:` and what follows it up to the first entry. When the list goes from empty to filled
    (or back), `terms: []` becomes `terms:` (or back), keeping a comment beside it and comment
    lines below it (`terms: []   # filled by merge`)."""
    if document is not None and has_terms == document.had_terms and document.terms_line:
        return document.terms_line
    first, *rest = (document.terms_line if document is not None else "").splitlines(keepends=True) or [""]
    at = comment_at(first)
    beside = first[len(first[:at].rstrip()):].rstrip("\r\n") if at >= 0 else ""
    comments = [line for line in rest if line.lstrip().startswith("#")]
    return "terms:" + ("" if has_terms else " []") + beside + newline + "".join(comments)


# ---------------------------------------------------------------- reading

def load_glossary(path: str) -> Glossary:
    """Read and validate a glossary file; every problem found is reported, not just the first."""
    glossary, problems = parse_glossary(read_glossary_text(path), path)
    if problems:
        raise GlossaryProblems(problems)
    return glossary


def read_glossary_text(path: str) -> str:
    """The text of a glossary file (UTF-8, BOM allowed), or a GlossaryFileError saying why not.

    Read a megabyte at a time, and no further than MAX_GLOSSARY_CHARS: a file past the limit (or
    /dev/zero given as a glossary) is refused there, not read whole into memory first."""
    decoder = codecs.getincrementaldecoder("utf-8")()  # a BOM is kept: parse_glossary writes it back
    pieces: list[str] = []
    chars = 0
    try:
        with open(path, "rb") as handle:
            while chars <= glossary_yaml_read.MAX_GLOSSARY_CHARS:
                chunk = handle.read(_READ_SIZE)
                if not pieces:
                    _refuse_wide(chunk, path)
                pending = decoder.getstate()[0]  # the bytes of a character the last chunk cut
                try:
                    piece = decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError as error:
                    raise _not_utf8(pending + chunk, error.start, "".join(pieces), path,
                                    complete=len(chunk) < _READ_SIZE) from None
                if not chunk:
                    break
                pieces.append(piece)
                chars += len(piece)
            beyond = bool(handle.read(1)) if chars > glossary_yaml_read.MAX_GLOSSARY_CHARS else False
    except FileNotFoundError:
        raise GlossaryFileError(f"no such glossary file{backslash_hint(path)}", path=path) from None
    except IsADirectoryError:
        raise GlossaryFileError("is a directory, not a glossary file", path=path) from None
    except OSError as error:
        raise GlossaryFileError(f"cannot read: {error.strerror}", path=path) from None
    text = "".join(pieces)
    if beyond:  # past the limit with more to come: parse_glossary reports a whole file past it
        problem = too_large(text, path, whole=False)
        raise GlossaryFileError(problem.message, path=path, line=problem.line, column=problem.column)
    return text


def _refuse_wide(head: bytes, path: str) -> None:
    """Refuse a glossary in UTF-16 or UTF-32 (Notepad's "Unicode"), by its byte-order mark.

    YAML allows them, but a glossary lives in git, which shows such a file as binary (no diff
    to review, no merge driver), and every command that rewrites the file would have to write
    it back so; converted once, it is read and written as UTF-8 like every other."""
    marked = marked_encoding(head)
    if marked in ("utf-16", "utf-32"):
        raise GlossaryFileError(f"{ENCODING_NAMES[marked]} text (it starts with a {ENCODING_NAMES[marked]} "
                                f"byte-order mark); glossary files are UTF-8: {_how_to_convert(path, marked)}",
                                path=path)


def _not_utf8(data: bytes, start: int, before: str, path: str, *, complete: bool) -> GlossaryFileError:
    """The error for a glossary whose bytes stop being UTF-8 at `data[start]`, `before` being the
    text read up to `data`: where, what the bytes look like (textio's guess, as for a corpus),
    and how to convert them."""
    if before.endswith("\r") and data.startswith(b"\n"):
        before = before[:-1]  # a CRLF the pieces cut in two: one line break, counted in `data`
    line, column = line_and_column(before)
    found = not_utf8(data, start, first_line=line, column_before=column - 1, complete=complete)
    if found.rest_is_utf8:
        message = f"{found.lines_said()}; {found.how_to_mend()}"
    elif found.looks_like is not None:
        message = (f"not UTF-8: it looks like {ENCODING_NAMES[found.looks_like]}; glossary files are UTF-8: "
                   f"{_how_to_convert(path, found.looks_like)}")
    else:
        message = f"not UTF-8 (byte 0x{data[start]:02X}); glossary files are UTF-8: save it as UTF-8"
    return GlossaryFileError(message, path=path, line=found.line, column=found.column)


def _how_to_convert(path: str, encoding: str) -> str:
    """'save it as UTF-8, e.g. iconv -f gb18030 -t utf-8 g.yaml > g.utf8.yaml'"""
    stem, extension = os.path.splitext(path)
    return (f"save it as UTF-8, e.g. iconv -f {encoding} -t utf-8 {shlex.quote(path)} > "
            f"{shlex.quote(stem + '.utf8' + extension)}")


_READ_SIZE = 1 << 20


def parse_glossary(text: str, path: str = "<glossary>") -> tuple[Glossary, list[Problem]]:
    """Parse glossary text into a Glossary and the list of schema problems found in it.

    A file laid out as the tool writes it is read quickly; any other, and any with a problem, by
    PyYAML's composer, which locates every problem."""
    bom = text.startswith("\ufeff")
    text = text[1:] if bom else text
    glossary = _parse_quickly(text, bom=bom)
    if glossary is not None:
        return glossary, []
    return _parse_fully(text, path, bom=bom)
