"""Merge two glossaries without silently choosing between two people's decisions.

Entries are matched by source term. A decision (approved, rejected) beats a candidate; two
decisions that disagree are reported as a `MergeConflict` for a person to settle. Base entries
the merge does not change keep their text, comments and layout byte-for-byte.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from .glossary import Entry, Glossary, Status


@dataclass(frozen=True)
class MergeConflict:
    """Two decisions about one source term that cannot both hold."""

    source: str
    reason: str
    base: Entry | None = None
    incoming: Entry | None = None
    base_name: str = "base"
    incoming_name: str = "incoming"

    def __str__(self) -> str:
        if not self.source:
            return self.reason
        sides = []
        for name, entry in ((self.base_name, self.base), (self.incoming_name, self.incoming)):
            if entry is not None:
                where = f":{entry.line}" if entry.line else ""
                sides.append(f"{name}{where} {_describe(entry)}")
        return f'"{self.source}": {self.reason} ({"; ".join(sides)})' if sides else f'"{self.source}": {self.reason}'


@dataclass
class MergeResult:
    glossary: Glossary
    conflicts: list[MergeConflict] = field(default_factory=list)


def merge_glossaries(base: Glossary, incoming: Glossary, *, base_name: str = "base",
                     incoming_name: str = "incoming") -> MergeResult:
    """Fold `incoming` into a copy of `base`; neither argument is modified."""
    merged = copy.deepcopy(base)
    conflicts: list[MergeConflict] = []

    def conflict(source: str, reason: str, base_entry: Entry | None, incoming_entry: Entry | None) -> None:
        conflicts.append(MergeConflict(source, reason, base_entry, incoming_entry, base_name, incoming_name))

    if incoming.languages != base.languages:
        def pair(languages: dict[str, str]) -> str:
            return f"{languages.get('source')}→{languages.get('target')}"

        conflict("", f"the glossaries are for different languages ({base_name} {pair(base.languages)}, "
                     f"{incoming_name} {pair(incoming.languages)})", None, None)
        return MergeResult(merged, conflicts)

    for theirs in incoming.terms:
        same_source = [entry for entry in merged.terms if _same_source(entry, theirs)]
        _merge_entry(merged, same_source, _fresh_copy(theirs), conflict)
    return MergeResult(merged, conflicts)


def _merge_entry(merged: Glossary, same_source: list[Entry], theirs: Entry, conflict) -> None:
    ours = next((entry for entry in same_source if set(entry.target) == set(theirs.target)), None)
    if ours is not None:
        _merge_same_pair(ours, theirs, conflict)
        return
    decided = [entry for entry in same_source if entry.status is Status.APPROVED]
    if theirs.status is Status.APPROVED:
        for entry in decided:
            if not (set(entry.allowed_targets()) & set(theirs.allowed_targets())) or entry.keep_source != theirs.keep_source:
                conflict(theirs.source, "approved with different targets", entry, theirs)
                return
        for entry in same_source:
            if set(entry.forbidden) & set(theirs.target):
                conflict(theirs.source, "one approves a rendering the other forbids", entry, theirs)
                return
        for entry in same_source:
            if entry.status is Status.REJECTED and set(entry.target) & set(theirs.target):
                conflict(theirs.source, "one approves what the other rejects", entry, theirs)
                return
        if decided:  # the same term approved on both sides with overlapping target lists
            conflict(theirs.source, "approved with different target lists", decided[0], theirs)
            return
        candidate = next((entry for entry in same_source if entry.status is Status.CANDIDATE), None)
        if candidate is not None:  # a person's decision replaces the tool's proposal, in place
            merged.terms[merged.terms.index(candidate)] = theirs
            return
        merged.terms.append(theirs)
        return
    if theirs.status is Status.REJECTED:
        for entry in decided:
            if set(entry.target) & set(theirs.target):
                conflict(theirs.source, "one approves what the other rejects", entry, theirs)
                return
        merged.terms.append(theirs)
        return
    # An incoming candidate: only worth keeping when nothing about this source is known yet.
    if not same_source:
        merged.terms.append(theirs)


def _merge_same_pair(ours: Entry, theirs: Entry, conflict) -> None:
    """The same source and targets on both sides: combine what people added, flag disagreements."""
    if ours.status is not theirs.status and Status.CANDIDATE not in (ours.status, theirs.status):
        reason = "one approves what the other rejects"
        conflict(ours.source, reason, ours, theirs)
        return
    if theirs.keep_source != ours.keep_source and theirs.is_reviewed() and ours.is_reviewed():
        conflict(ours.source, "keep_source differs", ours, theirs)
        return
    if ours.case_sensitive is not None and theirs.case_sensitive is not None \
            and ours.case_sensitive != theirs.case_sensitive:
        conflict(ours.source, "case_sensitive differs", ours, theirs)
        return
    if set(theirs.forbidden) & set(ours.allowed_targets()) or set(ours.forbidden) & set(theirs.allowed_targets()):
        conflict(ours.source, "one approves a rendering the other forbids", ours, theirs)
        return
    if ours.status is Status.CANDIDATE:
        ours.status = theirs.status
    ours.forbidden += [value for value in theirs.forbidden if value not in ours.forbidden]
    ours.source_variants += [value for value in theirs.source_variants if value not in ours.source_variants]
    if ours.case_sensitive is None:
        ours.case_sensitive = theirs.case_sensitive
    ours.keep_source = ours.keep_source or theirs.keep_source
    if theirs.note and not ours.note:
        ours.note = theirs.note
    elif theirs.note and theirs.note not in ours.note:
        ours.note = f"{ours.note}\n{theirs.note}"  # both kept: neither person's words are dropped
    for key, value in theirs.extra.items():
        ours.extra.setdefault(key, value)


def _same_source(entry: Entry, other: Entry) -> bool:
    if entry.source == other.source:
        return True
    if entry.is_case_sensitive() and other.is_case_sensitive():
        return False
    return entry.source.casefold() == other.source.casefold()


def _fresh_copy(entry: Entry) -> Entry:
    """A copy written afresh: its text belongs to another file."""
    clone = copy.deepcopy(entry)
    clone.origin = None
    return clone


def _describe(entry: Entry) -> str:
    targets = " / ".join(f'"{target}"' for target in entry.target) or "no target"
    extra = f", forbids {' / '.join(entry.forbidden)}" if entry.forbidden else ""
    return f"{entry.status.value} {targets}{extra}"
