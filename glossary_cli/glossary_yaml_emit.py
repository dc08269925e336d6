"""Write the entries the tool makes without PyYAML's emitter, for speed.

PyYAML's emitter spends about 0.5 ms on an entry (it weighs every character of every scalar in
pure Python), seven seconds for a 15,000-entry glossary. An entry made only of one-line strings
without control characters, numbers and booleans, in the fields the tool writes, is written
here instead, choosing each scalar's style by PyYAML's own rules (Emitter.analyze_scalar and
choose_scalar_style, restated with string operations for such scalars); anything else returns
None and goes through PyYAML in glossary_yaml. tests/test_glossary_yaml_writer.py holds the two
to the same bytes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from .glossary import ENTRY_FIELDS

# Keys whose lists both writers put on one line: `target: [a, b]`.
_FLOW_LIST_KEYS = ("target", "signals", "forbidden", "source_variants", "source_forbidden")

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
    it is not a scalar this writer knows. Remembered, since a glossary repeats its keys, statuses,
    signals and scores: a float by its repr, as 0.0 and -0.0 are equal keys yet written apart."""
    kind = type(value)
    if kind is float:
        return _remembered_text(float, repr(value), flow)
    if kind is str or kind is int or kind is bool:
        return _remembered_text(kind, value, flow)
    return None


@lru_cache(maxsize=1 << 16)
def _remembered_text(kind: type, value: Any, flow: bool) -> str | None:
    if kind is float:
        value = float(value)
    return _written_text(value, flow)


def _written_text(value: Any, flow: bool) -> str | None:
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
        pairs = []
        for key, item in value.items():
            key_text, item_text = _scalar_text(key, True), _scalar_text(item, True)
            if type(key) is not str or key_text is None or item_text is None:
                return None
            pairs.append(f"{key_text}: {item_text}")
        return "{" + ", ".join(pairs) + "}"
    return None


def _plain_entry_text(data: dict[str, Any]) -> str | None:
    """glossary_yaml's `_fresh_entry_text` for the entries the tool writes itself, without PyYAML's
    emitter; None for any other entry."""
    lines = []
    for key, value in data.items():
        text = _plain_field_text(key, value)
        if text is None:
            return None
        first, *rest = text.splitlines(keepends=True)
        lines.append(("  - " if not lines else "    ") + first)
        lines += ["    " + line for line in rest]
    return "".join(lines) if lines else None


def _plain_field_text(key: str, value: Any) -> str | None:
    """One field of an entry as glossary_yaml's `_dump_mapping({key: value})` writes it, at the
    margin (`key: value`, or `key:` over its one-line mappings); None for a field this writer does
    not take on. Rewriting a field that changed (an entry's evidence after the corpus moved) goes
    this way too."""
    if key not in ENTRY_FIELDS:
        return None
    if key in ("evidence", "alternatives"):
        if type(value) is not list or not value:
            return None
        items = [_flow_text(item) if type(item) is dict else None for item in value]
        if None in items:
            return None
        return f"{key}:\n" + "".join(f"  - {item}\n" for item in items)
    text = _flow_text(value) if key in _FLOW_LIST_KEYS and type(value) is list else _scalar_text(value, False)
    return None if text is None else f"{key}: {text}\n"
