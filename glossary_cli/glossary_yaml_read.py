"""Read glossary YAML through PyYAML's composer, and remember the file's text for the writer.

This is the reference reader: it takes any YAML text, refuses `!!python/object`, other non-plain
tags, anchors and aliases with their line and column, and reports every schema problem, not
just the first, at the line an editor shows (EditorLines), which is not always PyYAML's.
Besides the Glossary it cuts the file into header, one block per entry and trailer, noting where
each key sits (_Document, _Block, _KeySpan), so that glossary_yaml can write unchanged parts back
byte for byte and patch only the keys that changed.
glossary_yaml_quick reads the usual files faster with the same steps and must agree with it.
"""

from __future__ import annotations

import datetime
import difflib
import re

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import yaml

from .atomic import FileKind
from .exchange.fields import KNOWN_EXTRA
from .glossary import ENTRY_FIELDS, SCHEMA_VERSION, Entry, Glossary, Status, item_key
from .models import Alternative, Evidence
from .scope import PATHS, pattern_problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A glossary's mark, as a file a symbolic link points to must show it for a command to write a
# glossary through the link: a `glossary:` or `terms:` key at the top level (in flow style too).
_GLOSSARY_MARK = re.compile(r"""^\ufeff?(?:\{\s*)?["']?(?:glossary|terms)["']?[ \t]*:""", re.MULTILINE)
GLOSSARY_FILE = FileKind("glossary", lambda text: _GLOSSARY_MARK.search(text) is not None)


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
    item_indent: str | None = None  # the spaces before each entry's `-`, as read (None: no entries)


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
        "source_forbidden": list(entry.source_forbidden) or None,
        "case_sensitive": entry.case_sensitive,
        "keep_source": True if entry.keep_source else None,
        "evidence": [{"where": e.where, "source": e.source, "target": e.target} for e in entry.evidence] or None,
        "alternatives": [_alternative_record(alternative) for alternative in entry.alternatives] or None,
        "checksum": entry.checksum,
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


# ---------------------------------------------------------------- reading

_CONFLICT_MARKER = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


_WIDE_COLON = "the key '{key}' is followed by a full-width colon '：'; YAML needs an ASCII ':' after a key"
_WIDE_COLON_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\uff1a", re.MULTILINE)


def _wide_colon_key(text: str, error_line: int, path: str) -> Problem | None:
    """A key typed with a Chinese input method's colon (`source：WHO`), at or before the line YAML
    stopped at: YAML reads it as text and stops a line or more later, naming the wrong line."""
    last = None
    for found in _WIDE_COLON_KEY.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        if line > error_line:
            break
        last = (found, line)
    if last is None:
        return None
    found, line = last
    column = found.end() - (text.rfind("\n", 0, found.start()) + 1)
    return Problem(path, line, column, _WIDE_COLON.format(key=found.group(1)))


# YAML 1.1 ends a line at U+0085, U+2028 and U+2029 too, and PyYAML counts them; editors, git, grep
# and whoever follows a `file:line` count LF, CRLF and CR only. Pasted in from a web page or Word,
# one such separator moved every location PyYAML gave after it a line down.
_YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")
_YAML_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_BREAKS = re.compile("\r\n|[\r\n]")
_SEPARATOR_NAMES = {"\x85": "NEXT LINE (NEL)", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


class EditorLines:
    """Locations in a glossary's text as an editor shows them: 1-based line and column, lines
    ended by LF, CRLF or CR alone, whatever PyYAML counted as a line break."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.shifted = _YAML_ONLY_BREAKS.search(text) is not None  # PyYAML's lines are not the editor's
        self._yaml_starts: list[int] | None = None
        self._editor_starts: list[int] | None = None

    def of_mark(self, line: int, column: int) -> tuple[int, int]:
        """Where PyYAML's 0-based (line, column) is."""
        if not self.shifted:
            return line + 1, column + 1
        return self.of_index(self.index(line, column))

    def index(self, line: int, column: int) -> int:
        """The offset in the text of PyYAML's 0-based (line, column)."""
        if self._yaml_starts is None:
            self._yaml_starts = [0, *(found.end() for found in _YAML_BREAKS.finditer(self.text))]
        return self._yaml_starts[min(line, len(self._yaml_starts) - 1)] + column

    def of_index(self, index: int) -> tuple[int, int]:
        """Where the character at an offset in the text is."""
        starts = self._line_starts()
        line = bisect_right(starts, index) - 1
        return line + 1, index - starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based editor line, without its line break."""
        starts = self._line_starts()
        if not 0 < line <= len(starts):
            return ""
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[starts[line - 1]:end].rstrip("\r\n")

    def _line_starts(self) -> list[int]:
        if self._editor_starts is None:
            self._editor_starts = [0, *(found.end() for found in _EDITOR_BREAKS.finditer(self.text))]
        return self._editor_starts

    def moved(self, entry: Entry) -> None:
        """An entry located by PyYAML's lines, located by the editor's."""
        entry.line, entry.column = self.of_mark(entry.line - 1, entry.column - 1)
        entry.positions = {key: self.of_mark(line - 1, column - 1) for key, (line, column) in entry.positions.items()}


# Quotation marks TextEdit's and Word's smart quotes type for ' and " (and a few other languages'
# pairs), each with the mark that closes it. YAML quotes a value with the ASCII ' and " only: these
# are part of the text to it.
TYPOGRAPHIC_QUOTES = {"\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c", "\u201a": "\u2018",
                      "\u201d": "\u201d", "\u2019": "\u2019", "\u00ab": "\u00bb", "\u2039": "\u203a"}
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s\[{,]))" + "[\u201c\u2018\u201e\u201a\u00ab\u2039]")  # where a value starts


def typographic_quotes(value: str) -> tuple[str, str] | None:
    """The typographic quotes (opening, closing) wrapped around a whole value, as TextEdit and Word
    type `'checkout'` and `"结账"`: ‘checkout’, “结账”; else None."""
    closing = TYPOGRAPHIC_QUOTES.get(value[:1])
    if closing is None or len(value) < 3 or value[-1] not in (closing, "\u201d", "\u2019"):
        return None
    return value[0], value[-1]


def _syntax_error(text: str, path: str, where: EditorLines, mark: Any, reason: str) -> Problem:
    """PyYAML's syntax error as a person can act on it, at the editor's line. It names the usual
    causes its own words hide: an invisible line separator (which PyYAML reads as a line break), a
    tab in the indentation, a value put in typographic quotes."""
    if mark is None:
        return Problem(path, 1, 1, f"YAML syntax error: {reason}")
    line, column = where.of_mark(mark.line, mark.column)
    separator = _separator_to_blame(text, where, where.index(mark.line, mark.column))
    if separator is not None:
        at_line, at_column = where.of_index(separator)
        name = _SEPARATOR_NAMES[text[separator]]
        return Problem(path, at_line, at_column,
                       f"YAML syntax error: the invisible {name} (U+{ord(text[separator]):04X}) here is a line break "
                       f"to YAML, though an editor shows none, so YAML stopped at {line}:{column} ({reason}); replace "
                       "it with a space or a line break")
    shown = where.line_text(line)
    indent = len(shown) - len(shown.lstrip(" \t"))
    if "\t" in shown[:indent] and column <= indent + 1:
        return Problem(path, line, shown.index("\t") + 1, "YAML syntax error: a tab indents this line, and YAML "
                                                          "indents with spaces only; replace the tab with spaces")
    if shown[column - 1:column] == "\t":  # `-<tab>source:`
        return Problem(path, line, column, "YAML syntax error: a tab here, where YAML takes spaces only; replace it "
                                           "with a space")
    quote = _OPENING_QUOTE.search(shown)
    if quote is not None:
        pair = f"{quote.group()} {TYPOGRAPHIC_QUOTES[quote.group()]}"
        reason += (f"; {pair} are typographic quotes, which YAML reads as text: quote the value with ASCII \" "
                   "or ' instead")
    elif reason.startswith("mapping values are not allowed"):
        reason += "; a value holding ': ' must be written in quotes"
    elif re.search(r"(?:^|[\s\[,])\*+$", shown[:column - 1]):  # `paths: [*.po]`: a glob, where YAML reads an alias
        reason += '; a value that starts with * must be written in quotes, as in paths: ["*.po"]'
    return Problem(path, line, column, f"YAML syntax error: {reason}")


def _separator_to_blame(text: str, where: EditorLines, error: int) -> int | None:
    """The offset of the line separator (U+2028, U+2029, U+0085) that caused a syntax error at
    offset `error`: the last one before it, if the text parses past that point once they are read
    as spaces. None when there is none, or the error is there without them."""
    if not where.shifted:
        return None
    before = [found.start() for found in _YAML_ONLY_BREAKS.finditer(text, 0, error + 1)]
    if not before:
        return None
    try:
        yaml.compose(_YAML_ONLY_BREAKS.sub(" ", text), Loader=_Loader)
    except yaml.MarkedYAMLError as error_without:  # its lines are the editor's: nothing else breaks one
        mark = error_without.problem_mark or error_without.context_mark
        if mark is None or (mark.line + 1, mark.column + 1) <= where.of_index(error):
            return None  # read without them, it fails there or before
    except yaml.YAMLError:
        return None
    return before[-1]


# The most text a glossary file may hold. A glossary of 100,000 entries, evidence and all, takes
# about 60 million characters; a file much larger is no glossary (or a note pasted in by mistake),
# and parsing it took six times its size in memory before it ended in a MemoryError traceback.
MAX_GLOSSARY_CHARS = 100_000_000


def too_large(text: str, path: str, *, whole: bool = True) -> Problem | None:
    """A glossary text over MAX_GLOSSARY_CHARS, located at the line where it goes past the limit;
    `whole`: the text is the whole file (else only its beginning was read)."""
    if len(text) <= MAX_GLOSSARY_CHARS:
        return None
    line = text.count("\n", 0, MAX_GLOSSARY_CHARS) + 1
    column = MAX_GLOSSARY_CHARS - text.rfind("\n", 0, MAX_GLOSSARY_CHARS)
    holds = f"this one holds {len(text):,}" if whole else "this one holds more"
    return Problem(path, line, column, f"a glossary file holds at most {MAX_GLOSSARY_CHARS:,} characters (100,000 "
                                       f"entries take about 60 million); {holds} and goes past the limit here: "
                                       "is it a glossary?")


def _parse_fully(text: str, path: str, *, bom: bool) -> tuple[Glossary, list[Problem]]:
    """parse_glossary by PyYAML's composer alone: the reference the quick reader must agree with."""
    oversized = too_large(text, path)
    if oversized is not None:
        return Glossary(), [oversized]
    problems: list[Problem] = []
    where = EditorLines(text)

    def problem(node_or_mark: Any, message: str) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        problems.append(Problem(path, *where.of_mark(mark.line, mark.column), message))

    try:
        root = yaml.compose(text, Loader=_Loader)
        if root is not None and ("&" in text or "*" in text):
            _refuse_aliases(text, problem)
    except yaml.MarkedYAMLError as error:
        markers = [found.start() for found in _CONFLICT_MARKER.finditer(text)]
        if markers:  # YAML's own message would point a line past the first marker and not name it
            blocks = [start for start in markers if text.startswith("<", start)] or markers[:1]
            return Glossary(), [Problem(path, text.count("\n", 0, start) + 1, 1,
                                        "unresolved merge conflict: git left its conflict markers (<<<<<<<, "
                                        "=======, >>>>>>>) here; keep one side, or both with glossary merge, "
                                        "then run glossary validate") for start in blocks]
        mark = error.problem_mark or error.context_mark
        wide = _wide_colon_key(text, where.of_mark(mark.line, mark.column)[0] if mark else 1, path)
        if wide is not None:
            return Glossary(), [wide]
        return Glossary(), [_syntax_error(text, path, where, mark, error.problem or error.context or "invalid YAML")]
    except yaml.reader.ReaderError as error:  # a control character or other unprintable one
        character = error.character if isinstance(error.character, int) else ord(error.character)
        position = error.position
        if _Loader is not yaml.SafeLoader:  # libyaml counts the position in UTF-8 bytes
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line, column = where.of_index(position)
        return Glossary(), [Problem(path, line, column, f"character U+{character:04X} is not allowed in YAML; "
                                                        "remove it or write it as an escape in double quotes")]
    except yaml.YAMLError as error:
        return Glossary(), [Problem(path, 1, 1, f"YAML error: {error}")]
    except RecursionError:
        return Glossary(), [Problem(path, 1, 1, "YAML nested too deeply to be a glossary")]
    if problems:
        return Glossary(), problems
    if root is None:
        return _comments_only(text, bom=bom), []
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
            _remember_text(glossary, root, items, text, bom=bom)  # cut at PyYAML's lines, as it read them
    if where.shifted:
        for entry in glossary.terms:
            where.moved(entry)
    if glossary.origin is None and not problems and any(comment_at(line) >= 0 for line in text.splitlines()):
        glossary.origin = _why_unkept(root, terms_node, path, where)
    return glossary, problems


def _comments_only(text: str, *, bom: bool) -> Glossary:
    """An empty glossary; for a file holding only comments, one that remembers them, so the first
    command to write it keeps them above the header it adds."""
    glossary = Glossary()
    if any(comment_at(line) >= 0 for line in text.splitlines()):
        newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
        if text and not text.endswith(("\n", "\r")):
            text += newline
        glossary.origin = _Document(header=_Block(text=text, data={}, keys=[]), terms_line="", trailer="",
                                    newline=newline, had_terms=False, bom=bom)
    return glossary


@dataclass(frozen=True)
class Unkept:
    """A layout whose comments the writer cannot keep: writing it is refused, not done lossily."""

    path: str
    line: int
    reason: str


def _why_unkept(root: yaml.MappingNode, terms_node: yaml.Node, path: str, where: EditorLines) -> Unkept:
    keys = [key for key, _ in root.value]
    terms_key = next(key for key in keys if key.value == "terms")

    def line(node: yaml.Node) -> int:
        return where.of_mark(node.start_mark.line, node.start_mark.column)[0]

    if root.flow_style or getattr(terms_node, "flow_style", False):
        return Unkept(path, line(terms_node), "the entries are written in flow style ([...]); write "
                      "them as a block list (`- source: ...`, one key per line) so the file's comments can be kept")
    after = keys[keys.index(terms_key) + 1:]
    if after:
        return Unkept(path, line(after[0]), f"'{after[0].value}:' comes after the 'terms:' list; move it "
                      "above 'terms:' so the file's comments can be kept")
    return Unkept(path, line(terms_key), "'terms:' shares its line with another key; put it on a line "
                  "of its own so the file's comments can be kept")


def comment_at(line: str) -> int:
    """Where a YAML line's comment starts (-1: none): a `#` at its start or after white space,
    outside quotes (a quote opens a quoted scalar only where a value starts, so the ' in `it's`
    does not)."""
    if "#" not in line:  # most lines: the scan below is the costliest part of reading a big glossary
        return -1
    quote = None
    index = 0
    while index < len(line):
        char = line[index]
        if quote == "'":
            if char == "'":
                if line.startswith("''", index):
                    index += 1
                else:
                    quote = None
        elif quote == '"':
            if char == "\\":
                index += 1
            elif char == '"':
                quote = None
        elif char in "'\"" and (index == 0 or line[index - 1] in " \t[{,"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
        index += 1
    return -1


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
    if terms_node is None:  # `term:` or `Terms:` would leave a glossary that enforces nothing, silently
        for key_node, _ in root.value:
            if isinstance(key_node.value, str) and difflib.get_close_matches(key_node.value.lower(), ["terms"], cutoff=0.7):
                problem(key_node, f"no 'terms:' list; is '{key_node.value}' meant to be 'terms'?")
        for key_node, value_node in root.value:  # indented by mistake under another key
            inner = [key for key, _ in value_node.value] if isinstance(value_node, yaml.MappingNode) else []
            nested = next((key for key in inner if key.value == "terms"), None)
            if nested is not None:
                problem(nested, f"'terms:' is inside '{key_node.value}:'; move it to the start of the line, "
                                "at the top level")
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
    newline = "\r\n" if first_line.endswith("\r\n") else "\r" if first_line.endswith("\r") else "\n"
    header_keys = [key.value for key, _ in header.value if key.value != "terms"] if header is not None else []
    spans, patchable = _spans_of(header, header_keys) if header is not None else ({}, True)
    block = _block_of(lines, 0, terms_line, header_keys, spans, patchable)
    block.data = {key: value for key, value in glossary_header(glossary).items() if key in header_keys}
    if set(block.data) != set(glossary_header(glossary)):
        block.data = glossary_header(glossary)  # e.g. no `languages:` written: the default is added
    first_item = lines[layouts[0].first] if layouts else ""
    dash_at = len(first_item) - len(first_item.lstrip(" "))
    glossary.origin = _Document(header=block, terms_line="".join(lines[terms_line:bounds[0]]),
                                trailer="".join(lines[bounds[-1]:]), newline=newline, had_terms=bool(layouts),
                                bom=bom, item_indent=first_item[:dash_at] if first_item[dash_at:].startswith("-")
                                else None)
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


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _refuse_complex_keys(node: yaml.Node, problem: Any) -> None:
    """Keys must be plain strings: `? [a, b]: c` is valid YAML but not a glossary. Nor is the merge
    key `<<`: it copies a mapping (`<<: *defaults`) into another, and with anchors and aliases
    refused all it could do is spell an entry's keys a second way, which the writer, patching a
    file key by key, would not keep."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                problem(key, "keys must be plain words like 'source:'")
            elif key.tag == _MERGE_TAG:
                problem(key, "the merge key '<<' is not allowed in a glossary (it copies a mapping, which needs "
                             "anchors and aliases); write the keys out")
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
        wide = _WIDE_COLON_KEY.match(item.value) if isinstance(item, yaml.ScalarNode) else None
        if wide is not None:
            problem(item, _WIDE_COLON.format(key=wide.group(1)))
        else:
            problem(item, "each entry must be a mapping with at least 'source:'")
        return None
    _check_duplicate_keys(item, problem)
    nodes = {key.value: value for key, value in item.value}
    try:  # one construction per entry; only on a refused tag go key by key to locate it
        values = _Loader("").construct_document(item)
    except yaml.constructor.ConstructorError:
        if item.tag != "tag:yaml.org,2002:map":  # `- !!python/object:…` on the entry itself
            problem(item.start_mark, f"refused: the tag {item.tag!r} (only plain YAML data is allowed)")
        constructed = {key: _construct(value, problem) for key, value in nodes.items()}
        values = {key: value for key, value in constructed.items() if value is not _REFUSED}
    spelled = {key: [getattr(part, "value", None) for part in node.value] if isinstance(node, yaml.SequenceNode)
               else getattr(node, "value", None) for key, node in nodes.items()}
    item_marks = {key: [part.start_mark for part in node.value] for key, node in nodes.items()
                  if key in ITEM_KEYS and isinstance(node, yaml.SequenceNode)}
    return _entry_from(values, {key: node.start_mark for key, node in nodes.items()}, item.start_mark, problem,
                       spelled, key_marks={key.value: key.start_mark for key, _ in item.value}, item_marks=item_marks)


# The lists whose items a problem can be about (a forbidden wording that is the term itself, a
# rendering listed twice): each item is located, so the problem points at it, not at the list.
ITEM_KEYS = frozenset({"target", "forbidden", "source_variants", "source_forbidden"})


def _entry_from(values: dict[str, Any], marks: dict[str, Any], item_mark: Any, problem: Any,
                spelled: dict[str, Any] | None = None, key_marks: dict[str, Any] | None = None,
                item_marks: dict[str, list[Any]] | None = None) -> Entry:
    """An entry from its constructed values; `marks` (anything with 0-based .line and .column)
    say where each key's value starts, for Entry.positions and for locating problems. `spelled`:
    each value as typed (a list's items as typed), to name it in a problem as the person wrote it.
    `key_marks` say where each key starts: a key of no known meaning is placed there, since what
    is wrong with it (a misspelt `stauts:`) is the key, not its value. `item_marks` say where
    each item of the lists of ITEM_KEYS starts (Entry.position's `item`)."""
    entry = Entry(source="", line=item_mark.line + 1, column=item_mark.column + 1,
                  positions={key: (mark.line + 1, mark.column + 1) for key, mark in marks.items()})
    for key, starts in (item_marks or {}).items():
        for number, mark in enumerate(starts):
            entry.positions[item_key(key, number)] = (mark.line + 1, mark.column + 1)
    spelled = spelled or {}

    source = values.get("source")
    if source is not None and not isinstance(source, (str, list, dict)):
        problem(marks["source"], f"'source' must be text, {_read_as(source)}")
    elif isinstance(source, list):
        problem(marks["source"], "'source' must be one term, not a list; write other spellings under source_variants")
    elif not isinstance(source, str) or not source.strip():
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
        message = f"'{key}' must be a string or a list of strings"
        if isinstance(value, list):  # the culprit is named: `no` in [氮氧化物, no] is false to YAML
            at = next(index for index, item in enumerate(value) if not isinstance(item, str))
            typed = spelled.get(key)
            item = typed[at] if isinstance(typed, list) and at < len(typed) and typed[at] is not None else None
            if value[at] is None:
                message += f", but item {at + 1} is empty; write its text or remove it"
            elif item is not None and _misread(value[at]):
                message += ", " + _read_as(value[at]).replace("this value", f"the item {item}", 1)
        elif _misread(value):
            message += ", " + _read_as(value)
        problem(marks[key], message)
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
        if isinstance(status, bool) and isinstance(spelled.get("status"), str):
            shown = f"{spelled['status']} (YAML reads it as true/false)"
        else:
            shown = repr(status)
        problem(marks["status"], f"unknown status {shown}; use candidate, approved or rejected")
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
        problem(marks["note"], f"'note' must be text, {_read_as(note)}")
        note = None
    entry.note = note
    entry.forbidden = string_list("forbidden")
    entry.source_variants = string_list("source_variants")
    entry.source_forbidden = string_list("source_forbidden")
    entry.case_sensitive = flag("case_sensitive")
    entry.keep_source = bool(flag("keep_source"))
    entry.evidence = _read_records(values, marks, "evidence", ("where", "source", "target"), problem, Evidence)
    entry.alternatives = _read_records(values, marks, "alternatives", ("target", "score"), problem, Alternative,
                                       optional=("score",))
    checksum = values.get("checksum")
    if checksum is not None and not isinstance(checksum, str):
        problem(marks["checksum"], f"'checksum' must be text as extract wrote it, {_read_as(checksum)}")
    else:
        entry.checksum = checksum
    entry.extra = {key: value for key, value in values.items() if key not in ENTRY_FIELDS}
    for key in entry.extra.keys() - KNOWN_EXTRA:
        if key_marks and key in key_marks:
            entry.positions[key] = (key_marks[key].line + 1, key_marks[key].column + 1)
    flag("match_compounds")  # kept among the extra keys, but check reads it as true or false
    _check_paths(values, marks, problem, string_list)  # kept among them too; check reads its globs
    return entry


def _check_paths(values: dict[str, Any], marks: dict[str, Any], problem: Any, string_list: Any) -> None:
    """`paths:` (scope.py) must be a glob or a list of them that check can read: a pattern it cannot
    would leave the term enforced nowhere, or everywhere, without a word."""
    value = values.get(PATHS)
    if value is None:
        return
    patterns = string_list(PATHS)  # reports a value that is no list of strings
    if value == []:
        problem(marks[PATHS], f"'{PATHS}' is an empty list, which would enforce the term in no file; list globs "
                              "such as locale/**, or remove the key to enforce it everywhere")
    for pattern in patterns:
        why = pattern_problem(pattern)
        if why is not None:
            problem(marks[PATHS], f"'{PATHS}': {why}")


def _misread(value: Any) -> bool:
    """A value YAML reads as something other than the text a person likely meant: `yes`, `no`,
    `on`, `off` (true/false), or a date."""
    return isinstance(value, (bool, datetime.date))


def _read_as(value: Any) -> str:
    """Why a plain value is not text: YAML reads `yes`, `NO`, `0755`, `12:30` or `2024-01-01` as
    something else, and writing it back would change what a person typed."""
    kinds = {bool: "true/false", int: "a number", float: "a number", datetime.date: "a date",
             datetime.datetime: "a date and time"}
    return f"but YAML reads this value as {kinds.get(type(value), type(value).__name__)} ({value}); put it in quotes"


def _alternative_record(alternative: Alternative) -> dict:
    """An alternative as written: its score left out when it has none."""
    if alternative.score is None:
        return {"target": alternative.target}
    return {"target": alternative.target, "score": alternative.score}


def _read_records(values: dict, marks: dict, key: str, fields: tuple[str, ...], problem: Any, kind: type, *,
                  optional: tuple[str, ...] = ()) -> list:
    value = values.get(key)
    if value is None:
        return []
    shape = "{" + ", ".join(f"{name}: ..." for name in fields) + "}"
    required = set(fields) - set(optional)
    if not isinstance(value, list) or not all(isinstance(v, dict) and required <= set(v) for v in value):
        problem(marks[key], f"'{key}' must be a list of {shape}")
        return []
    for record in value:
        for name in fields:
            wrong = _wrong_record_field(name, record[name]) if name in record else ""
            if wrong:
                problem(marks[key], f"'{key}': {wrong}")
                return []
    try:
        return [kind(**{name: record[name] for name in fields if name in record}) for record in value]
    except TypeError:
        problem(marks[key], f"'{key}' must be a list of {shape}")
        return []


def _wrong_record_field(name: str, value: Any) -> str:
    """Why a field of an evidence or alternative record cannot be used ("" when it can): a score
    is a number, everything else text (a target typed as 2025 is a number to YAML)."""
    if name == "score":
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
            return ""
        shown = "null" if value is None else repr(value)
        return f"score must be a number from 0 to 1, not {shown}"
    if not isinstance(value, str):
        return f"{name} must be text, {_read_as(value)}"
    return ""