"""Read and write glossary YAML without losing a person's edits.

Loading remembers the exact text of every entry. Writing emits that text unchanged when the
entry's data did not change, patches single-line values in place when only those changed
(so comments and key order survive an approval), and writes fresh YAML only for new entries.
PyYAML's safe loader is the only parser: `!!python/object` and friends are refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import GlossaryFileError
from .glossary import ENTRY_FIELDS, SCHEMA_VERSION, Entry, Glossary, Status
from .models import Alternative, Evidence

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HEADER_KEYS = ("glossary", "languages", "generated")


@dataclass(frozen=True)
class Problem:
    """One located mistake in a glossary file."""

    path: str
    line: int
    column: int
    message: str

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


@dataclass
class _RawEntry:
    """The text an entry had in its file, and where each single-line value sits in it."""

    text: str
    data: dict[str, Any]
    leading: str = ""  # comment lines written above the entry
    scalar_spans: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # key -> (line, col0, col1)


@dataclass
class _RawDocument:
    header: str
    header_data: dict[str, Any]
    trailer: str


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
    return {key: values[key] for key in order if values.get(key) is not None}


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


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
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


def _flow_lists(data: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in data.items():
        if key in ("evidence", "alternatives") and isinstance(value, list):
            value = [_FlowMap(item) if isinstance(item, dict) else item for item in value]
        elif key in _FLOW_LIST_KEYS and isinstance(value, list):
            value = _FlowList(value)
        out[key] = value
    return out


def _dump_scalar(value: Any) -> str:
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, default_flow_style=True, width=math.inf)
    return text.split("\n...")[0].rstrip("\n")


def _fresh_entry_text(data: dict[str, Any]) -> str:
    text = _dump([_flow_lists(data)])
    return "".join("  " + line if line.strip() else line for line in text.splitlines(keepends=True))


def _entry_text(entry: Entry) -> str:
    raw: _RawEntry | None = getattr(entry, "_raw", None)
    if raw is None:
        return _fresh_entry_text(entry_to_data(entry))
    data = entry_to_data(entry, key_order=list(raw.data))
    if data == raw.data:
        return raw.text
    patched = _patch(raw, data)
    return patched if patched is not None else raw.leading + _fresh_entry_text(data)


def _patch(raw: _RawEntry, data: dict[str, Any]) -> str | None:
    """Rewrite only the changed one-line values, keeping comments and layout; None if not possible."""
    if list(data) != list(raw.data):
        return None
    changed = [key for key in data if data[key] != raw.data[key]]
    if not all(key in raw.scalar_spans and not isinstance(data[key], (list, dict)) for key in changed):
        return None
    lines = raw.text.splitlines(keepends=True)
    for key in sorted(changed, key=lambda k: raw.scalar_spans[k], reverse=True):
        line, start, end = raw.scalar_spans[key]
        lines[line] = lines[line][:start] + _dump_scalar(data[key]) + lines[line][end:]
    return "".join(lines)


def dump_glossary(glossary: Glossary) -> str:
    """The file text for a glossary: byte-stable, and byte-identical where nothing changed."""
    raw_doc: _RawDocument | None = getattr(glossary, "_raw", None)
    header = glossary_header(glossary)
    if raw_doc is not None and header == raw_doc.header_data:
        head = raw_doc.header
    else:
        head = _dump({key: (_FlowMap(value) if key == "languages" else value) for key, value in header.items()})
        head += "terms:" + ("\n" if glossary.terms else " []\n")
    if raw_doc is not None and head is raw_doc.header and not glossary.terms:
        head = head.rstrip("\n") + ("" if head.rstrip().endswith("[]") else " []") + "\n"
    trailer = raw_doc.trailer if raw_doc is not None else ""
    return head + "".join(_entry_text(entry) for entry in glossary.terms) + trailer


# ---------------------------------------------------------------- reading

def load_glossary(path: str) -> Glossary:
    """Read and validate a glossary file; every problem found is reported, not just the first."""
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
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise GlossaryFileError(f"not UTF-8 (byte {error.start}); glossary files are UTF-8",
                                path=path, line=line) from None
    glossary, problems = parse_glossary(text, path)
    if problems:
        raise GlossaryProblems(problems)
    return glossary


def parse_glossary(text: str, path: str = "<glossary>") -> tuple[Glossary, list[Problem]]:
    """Parse glossary text into a Glossary and the list of schema problems found in it."""
    problems: list[Problem] = []

    def problem(node_or_mark: Any, message: str) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        problems.append(Problem(path, mark.line + 1, mark.column + 1, message))

    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "invalid YAML"
        return Glossary(), [Problem(path, line, column, f"YAML syntax error: {reason}")]
    except yaml.YAMLError as error:  # e.g. a reader error on control characters
        return Glossary(), [Problem(path, 1, 1, f"YAML error: {error}")]
    if root is None:
        return Glossary(), []
    if not isinstance(root, yaml.MappingNode):
        problem(root, "a glossary is a mapping with a 'terms:' list")
        return Glossary(), problems

    glossary = Glossary()
    terms_node = None
    for key_node, value_node in root.value:
        key = key_node.value
        if key == "terms":
            terms_node = value_node
            continue
        value = _construct(value_node, problem)
        if key == "glossary":
            if value != SCHEMA_VERSION:
                problem(value_node, f"unsupported glossary version {value!r}; this tool reads version {SCHEMA_VERSION}")
            else:
                glossary.version = value
        elif key == "languages":
            if not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
                problem(value_node, "languages must be a mapping like {source: en, target: zh}")
            else:
                glossary.languages = value
        elif key == "generated":
            glossary.generated = value if isinstance(value, dict) else {}
        else:
            glossary.extra[key] = value
    _check_duplicate_keys(root, problem)

    lines = text.splitlines(keepends=True)
    if terms_node is None:
        return glossary, problems
    if not isinstance(terms_node, yaml.SequenceNode):
        if not (isinstance(terms_node, yaml.ScalarNode) and terms_node.value in ("", "~", "null")):
            problem(terms_node, "'terms' must be a list of entries")
        return glossary, problems

    items = terms_node.value
    for item in items:
        entry = _read_entry(item, problem)
        if entry is not None:
            glossary.terms.append(entry)

    block = not terms_node.flow_style and _terms_is_last(root)
    if block and len(glossary.terms) == len(items):
        _remember_text(glossary, items, lines, terms_node)
    return glossary, problems


def _terms_is_last(root: yaml.MappingNode) -> bool:
    return bool(root.value) and root.value[-1][0].value == "terms"


def _remember_text(glossary: Glossary, items: list[yaml.Node], lines: list[str], terms_node: yaml.Node) -> None:
    """Cut the file into header, one chunk per entry and trailer, so unchanged parts round-trip."""
    if not items:
        return
    starts = [item.start_mark.line for item in items]
    content_ends = [_last_content_line(item) for item in items]
    # A chunk runs from just after the previous entry's last content line, so comments written
    # above an entry travel with it.
    chunk_starts = [starts[0]] + [content_ends[i - 1] + 1 for i in range(1, len(items))]
    end = content_ends[-1] + 1
    # Comment lines right above the first entry belong to it, not to the header.
    first = starts[0]
    while first > 0 and lines[first - 1].lstrip().startswith("#"):
        first -= 1
    chunk_starts[0] = first
    header = "".join(lines[:first])
    trailer = "".join(lines[end:])
    if header.count("terms:") == 0:
        return
    glossary._raw = _RawDocument(header=header, header_data=glossary_header(glossary), trailer=trailer)
    bounds = chunk_starts + [end]
    for index, (entry, item) in enumerate(zip(glossary.terms, items)):
        first_line = bounds[index]
        text = "".join(lines[first_line:bounds[index + 1]])
        if not text.endswith("\n"):
            text += "\n"
        spans: dict[str, tuple[int, int, int]] = {}
        if isinstance(item, yaml.MappingNode) and not item.flow_style:
            for key_node, value_node in item.value:
                if (isinstance(value_node, yaml.ScalarNode) and value_node.style != "|" and value_node.style != ">"
                        and value_node.start_mark.line == value_node.end_mark.line):
                    spans[key_node.value] = (value_node.start_mark.line - first_line,
                                             value_node.start_mark.column, value_node.end_mark.column)
        leading = "".join(line for line in lines[first_line:item.start_mark.line] if line.lstrip().startswith("#"))
        entry._raw = _RawEntry(text=text, data=entry_to_data(entry, key_order=_keys_of(item)), leading=leading,
                               scalar_spans=spans)


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


def _construct(node: yaml.Node, problem: Any) -> Any:
    try:
        return _Loader("").construct_document(node)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or node.start_mark
        problem(mark, f"refused: {error.problem} (only plain YAML data is allowed)")
        return None


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
    values = {key: _construct(value, problem) for key, value in nodes.items()}
    entry = Entry(source="", line=item.start_mark.line + 1)

    source = values.get("source")
    if not isinstance(source, str) or not source.strip():
        problem(nodes.get("source", item), "entry has no 'source' text")
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
        problem(nodes[key], f"'{key}' must be a string or a list of strings")
        return []

    def flag(key: str) -> bool | None:
        value = values.get(key)
        if value is None or isinstance(value, bool):
            return value
        problem(nodes[key], f"'{key}' must be true or false, got {value!r}")
        return None

    entry.target = string_list("target")
    status = values.get("status", "candidate")
    try:
        entry.status = Status(status)
    except ValueError:
        problem(nodes["status"], f"unknown status {status!r}; use candidate, approved or rejected")
    score = values.get("score")
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            problem(nodes["score"], f"score must be a number between 0 and 1, got {score!r}")
        elif not 0 <= score <= 1:
            problem(nodes["score"], f"score must be between 0 and 1, got {score}")
        else:
            entry.score = score
    count = values.get("count")
    if count is not None:
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            problem(nodes["count"], f"count must be a whole number, got {count!r}")
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
    entry.evidence = _read_records(values, nodes, "evidence", ("where", "source", "target"), problem, Evidence)
    entry.alternatives = _read_records(values, nodes, "alternatives", ("target", "score"), problem, Alternative)
    entry.extra = {key: value for key, value in values.items() if key not in ENTRY_FIELDS}
    return entry


def _read_records(values: dict, nodes: dict, key: str, fields: tuple[str, ...], problem: Any, kind: type) -> list:
    value = values.get(key)
    if value is None:
        return []
    shape = "{" + ", ".join(f"{name}: ..." for name in fields) + "}"
    if not isinstance(value, list) or not all(isinstance(v, dict) and set(fields) <= set(v) for v in value):
        problem(nodes[key], f"'{key}' must be a list of {shape}")
        return []
    try:
        return [kind(**{name: record[name] for name in fields}) for record in value]
    except TypeError:
        problem(nodes[key], f"'{key}' must be a list of {shape}")
        return []
