"""The glossary as people see it: entries with a status, allowed and forbidden renderings, notes.

This module is the schema; `glossary_yaml` reads and writes it without losing human edits.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any

from .models import Alternative, Evidence

SCHEMA_VERSION = 1


class Status(str, Enum):
    CANDIDATE = "candidate"
    APPROVED = "approved"
    REJECTED = "rejected"


# Field order of a freshly written entry: what a reviewer reads first comes first.
ENTRY_FIELDS = (
    "source", "target", "status", "score", "count", "signals", "note", "forbidden",
    "source_variants", "source_forbidden", "case_sensitive", "keep_source", "evidence", "alternatives", "checksum",
)


@dataclass
class Entry:
    """One term. `target` is always a list here; a single rendering is written as a scalar."""

    source: str
    target: list[str] = field(default_factory=list)
    status: Status = Status.CANDIDATE
    score: float | None = None
    count: int | None = None
    signals: list[str] = field(default_factory=list)
    note: str | None = None
    forbidden: list[str] = field(default_factory=list)
    source_variants: list[str] = field(default_factory=list)
    # English wordings of the term a translation from Chinese must not use (`green transformation`
    # for 绿色转型): check's GL007, forbidden's counterpart for files translated from Chinese.
    source_forbidden: list[str] = field(default_factory=list)
    case_sensitive: bool | None = None
    keep_source: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    checksum: str | None = None  # extract's fingerprint of the source and targets it proposed
    extra: dict[str, Any] = field(default_factory=dict)  # keys we do not know, kept as written
    line: int | None = field(default=None, compare=False)  # 1-based line in the file it came from
    column: int | None = field(default=None, compare=False)  # 1-based column of the entry there
    positions: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)  # key -> line, col
    # The text this entry had in its file (set by glossary_yaml), so unchanged parts are written
    # back byte-for-byte. Not data: ignored by ==, kept by dataclasses.replace and copy.deepcopy.
    origin: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.normalize()

    def normalize(self) -> None:
        """An entry built or changed in Python as people write YAML: `Entry("grid", "电网",
        "approved")`, `entry.status = "approved"`. A text status never compared as Status.APPROVED,
        so check enforced nothing, and a text target was read character by character (电 alone
        satisfied it). Construction calls it, and check calls it on every entry it reads."""
        if not isinstance(self.status, Status):
            self.status = Status(self.status)  # an unknown status is a ValueError, never a candidate
        for name in ("target", "forbidden", "source_variants", "source_forbidden"):
            if isinstance(getattr(self, name), str):
                setattr(self, name, [getattr(self, name)])

    def position(self, key: str | None = None, item: int | None = None) -> tuple[int, int]:
        """1-based (line, column) of `key`'s value in the file (of its `item`th list item, where
        the reader located it), else of the entry itself."""
        if key is not None and item is not None and item_key(key, item) in self.positions:
            return self.positions[item_key(key, item)]
        if key is not None and key in self.positions:
            return self.positions[key]
        return (self.line or 1, self.column or 1)

    def allowed_targets(self) -> list[str]:
        """Renderings that satisfy the entry; a keep_source term is rendered as itself."""
        if self.keep_source:
            return [self.source, *self.source_variants, *self.target]
        return list(self.target)

    def is_case_sensitive(self) -> bool:
        """Explicit setting, else true when every word has an uppercase letter after its first (P2G, iPhone)."""
        return self.spelling_is_case_sensitive(self.source)

    def spelling_is_case_sensitive(self, spelling: str) -> bool:
        """Whether one spelling of the entry (its source or a source variant) matches only in its
        own case, as a whole: the explicit setting, else whether each of its words has a capital
        inside (`V2G`, `SARS-CoV-2` yes; `Vehicle-to-Grid` no; `API key` only in part, see
        words_in_exact_case)."""
        if self.case_sensitive is not None:
            return self.case_sensitive
        if not has_inner_capital(spelling):  # most terms: no word can have one
            return False
        return all(map(has_inner_capital, _cased_words(spelling)))

    def words_in_exact_case(self, spelling: str) -> frozenset[str]:
        """The words of a spelling whose case matters (words split at spaces and hyphens): all of
        them when the entry says `case_sensitive: true`, none when it says false, else those with
        a capital inside. `API key` keeps `API` exact and lets `key` be `Key` or `KEY`, since UI
        labels write terms in Title Case (`Manage API Keys`) and headings in capitals."""
        if self.case_sensitive is not None:
            return frozenset(_cased_words(spelling)) if self.case_sensitive else frozenset()
        if not has_inner_capital(spelling):
            return frozenset()
        return frozenset(word for word in _cased_words(spelling) if has_inner_capital(word))

    def is_reviewed(self) -> bool:
        """True when a person has made a decision or added something the tool never writes."""
        return (self.status is not Status.CANDIDATE or self.note is not None or bool(self.forbidden)
                or bool(self.source_variants) or bool(self.source_forbidden) or self.case_sensitive is not None
                or self.keep_source or bool(self.extra))

    def copy(self) -> Entry:
        """A copy to change without changing this entry, made in a tenth of copy.deepcopy's time
        (which import spent most of its time on at 50k entries): lists hold strings or frozen
        records, and the origin is never changed in place, only replaced."""
        clone = copy.copy(self)
        for name in _ENTRY_LISTS:
            setattr(clone, name, list(getattr(self, name)))
        clone.extra = copy.deepcopy(self.extra) if self.extra else {}
        clone.positions = dict(self.positions)
        return clone


@dataclass
class Glossary:
    terms: list[Entry] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=lambda: {"source": "en", "target": "zh"})
    generated: dict[str, Any] = field(default_factory=dict)
    version: int = SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict)
    origin: Any = field(default=None, compare=False, repr=False)  # the file's text, see Entry.origin

    def copy(self) -> Glossary:
        """A copy to change without changing this glossary (see Entry.copy)."""
        return Glossary([entry.copy() for entry in self.terms], dict(self.languages), copy.deepcopy(self.generated),
                        self.version, copy.deepcopy(self.extra), self.origin)

    def approved(self) -> list[Entry]:
        return [entry for entry in self.terms if entry.status is Status.APPROVED]

    def find(self, source: str) -> list[Entry]:
        """Entries whose source is `source` (exactly, or ignoring case when the entry allows it)."""
        folded = source.casefold()
        return [entry for entry in self.terms
                if entry.source == source or (not entry.is_case_sensitive() and entry.source.casefold() == folded)]


def item_key(key: str, item: int) -> str:
    """The Entry.positions key of one item of a list (`source_forbidden[1]`)."""
    return f"{key}[{item}]"


_ENTRY_LISTS = tuple(each.name for each in fields(Entry) if each.type.startswith("list"))


_WORD_SEPARATORS = re.compile("[\\s\u2010\u2011\u2012\u2013\u2014\u2015\u2212-]+")


def _cased_words(spelling: str) -> list[str]:
    """The words of a spelling that have a letter, whose case can matter (`2` in `SARS-CoV-2` has none)."""
    return [word for word in _WORD_SEPARATORS.split(spelling) if any(char.isalpha() for char in word)]


def has_inner_capital(spelling: str) -> bool:
    """An uppercase letter right after a letter or digit (`V2G`, `iPhone`, `macOS`, `COVID-19`): the
    spelling says its case matters. Capitals that start words (`Smart Grid`, `Wi-Fi`,
    `Vehicle-to-Grid`), as titles and termbase exports write terms, say nothing."""
    return any(char.isupper() and spelling[index - 1].isalnum() for index, char in enumerate(spelling) if index)
