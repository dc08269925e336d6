"""Merge two glossaries without silently choosing between two people's decisions.

Entries are matched by source term, as validate and check match them (`smart grid` is
`Smart-Grids`; see validate.same_term). A decision (approved, rejected) beats a candidate; two
decisions that disagree are reported as a `MergeConflict` for a person to settle. Base entries
the merge does not change keep their text, comments and layout byte-for-byte.

What a person wrote on a candidate (note, forbidden, source_variants, case_sensitive,
keep_source, fields of their own, comments above it) is never dropped:

- an incoming decision about a base candidate is made on that candidate, in place, as `review`
  would: its comments, note, forbidden list and own fields stay, a proposed target the decision
  does not keep becomes an alternative, and anything that contradicts the decision (a forbidden
  rendering it approves, a different keep_source, case_sensitive or value of the same field) is
  a conflict;
- an incoming candidate that carries such work is added beside the base's entries for its source
  when its targets differ from theirs; a bare proposal is added only when the source is new.

An incoming entry laid out as the base's are (line ends, list indentation) is added as written,
comments and all; others are written in the base's layout, their comments coming along as
comment lines above the entry they were added as, or folded into.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from .glossary import Entry, Glossary, Status
from .glossary_yaml import add_comments, carried_to, comments_of, entry_to_data
from .update import worked_on
from .validate import same_term
from .models import Alternative


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
    added: int = 0  # entries appended to the base's
    changed: int = 0  # base entries the merge changed (a decision made, a note or forbidden rendering added…)


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
        _merge_entry(merged, same_source, carried_to(theirs, merged), conflict)
    changed = sum(entry_to_data(before) != entry_to_data(after) or comments_of(before) != comments_of(after)
                  for before, after in zip(base.terms, merged.terms))
    return MergeResult(merged, conflicts, added=len(merged.terms) - len(base.terms), changed=changed)


def _merge_entry(merged: Glossary, same_source: list[Entry], theirs: Entry, conflict) -> None:
    ours = next((entry for entry in same_source if set(entry.target) == set(theirs.target)), None)
    if ours is not None:
        _merge_same_pair(ours, theirs, conflict, merged)
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
        if candidate is not None:  # a person's decision settles the proposal, in place
            _settle_candidate(merged, candidate, theirs, conflict)
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
    if not same_source:
        merged.terms.append(theirs)
        return
    if not worked_on(theirs):  # the tool's proposal: the base already knows this source
        return
    for entry in same_source:  # a person's work on a proposal: kept beside the base's entries
        if entry.status is Status.APPROVED and set(theirs.forbidden) & set(entry.allowed_targets()):
            conflict(theirs.source, "one approves a rendering the other forbids", entry, theirs)
            return
    merged.terms.append(theirs)


def _settle_candidate(merged: Glossary, candidate: Entry, theirs: Entry, conflict) -> None:
    """Make the decision `theirs` on the base's candidate, keeping what people wrote on it."""
    if candidate.keep_source and not theirs.keep_source:
        conflict(theirs.source, "keep_source differs", candidate, theirs)
        return
    settled = copy.deepcopy(candidate)  # keeps its origin: comments and layout survive
    kept = [alternative for alternative in settled.alternatives if alternative.target not in theirs.target]
    proposed = [Alternative(target, settled.score if settled.score is not None else 0.0)
                for target in settled.target
                if target not in theirs.target and all(other.target != target for other in kept)]
    settled.target, settled.alternatives, settled.keep_source = list(theirs.target), proposed + kept, theirs.keep_source
    found: list[str] = []
    _merge_same_pair(settled, theirs, lambda source, reason, *entries: found.append(reason), merged)
    if found:
        conflict(theirs.source, found[0], candidate, theirs)
        return
    merged.terms[merged.terms.index(candidate)] = settled


def _merge_same_pair(ours: Entry, theirs: Entry, conflict, into: Glossary) -> None:
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
    differing = [key for key, value in theirs.extra.items()
                 if key in ours.extra and not _same_value(ours.extra[key], value)]
    if differing:
        conflict(ours.source, f"{differing[0]} differs", ours, theirs)
        return
    if ours.status is Status.CANDIDATE:
        ours.status = theirs.status
    ours.forbidden += [value for value in theirs.forbidden if value not in ours.forbidden]
    ours.source_variants += [value for value in theirs.source_variants if value not in ours.source_variants]
    if ours.case_sensitive is None:
        ours.case_sensitive = theirs.case_sensitive
    ours.keep_source = ours.keep_source or theirs.keep_source
    if theirs.note and (not ours.note or ours.note.strip() in theirs.note):
        ours.note = theirs.note  # theirs says all ours does, and more: a note extended or corrected by addition
    elif theirs.note and theirs.note.strip() not in ours.note:
        ours.note = f"{ours.note}\n{theirs.note}"  # both kept: neither person's words are dropped
    for key, value in theirs.extra.items():
        ours.extra.setdefault(key, value)
    add_comments(ours, comments_of(theirs), into)


def _same_source(entry: Entry, other: Entry) -> bool:
    """The same term as validate and check see it (plural, hyphen, spacing, Unicode form, case),
    so two approvals merge cannot tell apart are never written side by side."""
    return same_term(entry, other)


def _same_value(ours: object, theirs: object) -> bool:
    """Equal, or the same words: a TBX or CSV round trip may rewrap a definition."""
    if isinstance(ours, str) and isinstance(theirs, str):
        return ours.split() == theirs.split()
    return ours == theirs


def _describe(entry: Entry) -> str:
    renderings = [f'"{target}"' for target in entry.target]
    if entry.keep_source and entry.source not in entry.target:
        renderings.insert(0, f'"{entry.source}" (keep_source)')
    targets = " / ".join(renderings) or "no target"
    extra = f", forbids {' / '.join(entry.forbidden)}" if entry.forbidden else ""
    return f"{entry.status.value} {targets}{extra}"
