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
  when its targets differ from theirs; a bare proposal is added only when the source is new;
- an incoming candidate never adds to what check enforces of a base decision on the same pair (a
  forbidden rendering or wording, a variant, case_sensitive, paths): nobody reviewed that with the
  decision, so it is a conflict for a person to settle (its note and comments come along).

An incoming entry laid out as the base's are (line ends, list indentation) is added as written,
comments and all; others are written in the base's layout, their comments coming along as
comment lines above the entry they were added as, or folded into. Outside the entries, the
incoming file's top-level keys of its own and its comments (above `terms:`, after the last
entry) come along too; a comment that cannot (a file in flow style) is named in a warning.

Without the version both files started from, a deletion cannot be told from an addition: see
merge_three_way for merging against that common ancestor.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from .glossary import ENTRY_FIELDS, Entry, Glossary, Status
from .glossary_yaml import (OUTSIDE_PARTS, add_comments, add_outside_comments, carried_to, comments_of, entry_to_data,
                            header_line, outside_comments, take_outside_text)
from .glossary_yaml_read import Unkept
from .language_tags import merged_languages
from .update import worked_on
from .validate import same_term, term_forms
from .models import Alternative
from .normalize import chinese_key
from .scope import PATHS


@dataclass(frozen=True)
class MergeConflict:
    """Two decisions about one source term that cannot both hold."""

    source: str
    reason: str
    base: Entry | None = None
    incoming: Entry | None = None
    base_name: str = "base"
    incoming_name: str = "incoming"
    key: str | None = None  # the key whose two values differ (note, x-reviewer…): shown instead of the entries
    values: tuple[str, str] | None = None
    base_taken: str = ""  # what the base entry holds from an incoming entry merged into it, and where from

    def __str__(self) -> str:
        if not self.source:
            return self.reason
        sides = []
        for side, (name, entry) in enumerate(((self.base_name, self.base), (self.incoming_name, self.incoming))):
            if entry is not None:
                line = entry.position(self.key)[0] if self.key and entry.line else entry.line
                where = f":{line}" if line else ""
                shown = _describe(entry) if self.values is None else self.values[side]
                taken = f", {self.base_taken}" if side == 0 and self.base_taken else ""
                sides.append(f"{name}{where} {shown}{taken}")
        return f'"{self.source}": {self.reason} ({"; ".join(sides)})' if sides else f'"{self.source}": {self.reason}'


@dataclass
class MergeResult:
    glossary: Glossary
    conflicts: list[MergeConflict] = field(default_factory=list)
    added: int = 0  # entries appended to the base's
    changed: int = 0  # base entries the merge changed (a decision made, a note or forbidden rendering added…)
    skipped: list[Entry] = field(default_factory=list)  # the tool's proposals for terms the base has already
    deleted: int = 0  # base entries a three-way merge removed, as the other side did
    header_conflict: bool = False  # the conflicts include the languages or a top-level key
    dropped: list[str] = field(default_factory=list)  # what the merge could not carry over, said as warnings
    stopped: bool = False  # the languages differ: no entries were compared


def merge_glossaries(base: Glossary, incoming: Glossary, *, base_name: str = "base",
                     incoming_name: str = "incoming") -> MergeResult:
    """Fold `incoming` into a copy of `base`; neither argument is modified."""
    merged = base.copy()
    conflicts: list[MergeConflict] = []
    origins = FieldOrigins([(incoming_name, incoming)])

    def conflict(source: str, reason: str, base_entry: Entry | None, incoming_entry: Entry | None,
                 key: str | None = None, values: tuple[str, str] | None = None) -> None:
        # the entry met may itself be one added from incoming, which then contradicts itself
        added = base_entry is not None and any(base_entry is entry for entry in merged.terms[len(base.terms):])
        place = next((place for place, entry in enumerate(merged.terms[:len(base.terms)]) if entry is base_entry), None)
        taken = "" if place is None else taken_from(base_entry, base.terms[place], origins)
        conflicts.append(MergeConflict(source, reason, base_entry, incoming_entry,
                                       incoming_name if added else base_name, incoming_name, key, values, taken))

    languages = merged_languages(base.languages, incoming.languages)
    if languages is None:
        conflict("", f"the glossaries are for different languages ({base_name} {language_pair(base.languages)}, "
                     f"{incoming_name} {language_pair(incoming.languages)})", None, None)
        return MergeResult(merged, conflicts, stopped=True)
    dropped = _merge_outside(merged, base, incoming, conflict, base_name, incoming_name)
    if languages != base.languages:
        merged.languages = languages
        dropped.append(narrowed_languages(languages, (base_name, base.languages), (incoming_name, incoming.languages)))
    header_conflict = bool(conflicts)

    skipped: list[Entry] = []
    terms = TermIndex(merged)
    for theirs in incoming.terms:
        positions = terms.same_term_as(theirs)
        same_source = [merged.terms[position] for position in positions]
        # Only the base's entries decide whether a proposal is news: entries just added from the
        # incoming file stood beside it there (a rejected span and its corrected candidate).
        in_base = any(position < len(base.terms) for position in positions)
        if not worked_on(theirs) and theirs.status is Status.CANDIDATE and same_source and not in_base:
            merged.terms.append(carried_to(theirs, merged))
        elif not merge_entry(merged, same_source, carried_to(theirs, merged), conflict):
            skipped.append(theirs)
        terms.update(positions)
    changed = sum(entry_to_data(before) != entry_to_data(after) or comments_of(before) != comments_of(after)
                  for before, after in zip(base.terms, merged.terms))
    return MergeResult(merged, conflicts, added=len(merged.terms) - len(base.terms), changed=changed,
                       skipped=skipped, header_conflict=header_conflict, dropped=dropped)


class FieldOrigins:
    """Where a field of a merged entry came from, for a message about it: a merged entry holds
    what both files wrote (ours' candidate with theirs' forbidden rendering), so the file and line
    of the entry alone can name the wrong file."""

    def __init__(self, sides: Iterable[tuple[str, Glossary]]) -> None:
        self.sides = list(sides)
        self._terms: dict[str, TermIndex] = {}

    def whence(self, entry: Entry, key: str, item: int | None) -> str | None:
        """`theirs.yaml:7`: the file (and line) of the first entry of `entry`'s term, in the files in
        the order given, whose `key` holds what `entry`'s does (its `item`th value, for a list)."""
        value = field_value(entry, key, item)
        if value is None:
            return None
        for name, glossary in self.sides:
            terms = self._terms.get(name) or self._terms.setdefault(name, TermIndex(glossary))
            for position in terms.same_term_as(entry):
                other = glossary.terms[position]
                if holds(other, key, value, listed=item is not None):
                    if not other.line:
                        return name
                    at = field_value(other, key, None).index(value) if item is not None else None
                    return f"{name}:{other.position(key, at)[0]}"
        return None


def taken_from(entry: Entry, original: Entry, origins: FieldOrigins) -> str:
    """`its forbidden "电力网" from theirs.yaml:7`: what a base entry holds that it did not before the
    merge (a decision made on it, a list item added), with the file and line each came from, so a
    conflict about it does not blame the base for the other file's rendering; "" when nothing."""
    taken = []
    for key in ("status", "target", *ENFORCED_LISTS):
        now, before = getattr(entry, key), getattr(original, key)
        for item, value in enumerate(now) if isinstance(now, list) else [(None, now)]:
            if (value in before if item is not None else value == before):
                continue
            where = origins.whence(entry, key, item)
            if where is not None:
                shown = f'"{value}"' if item is not None else getattr(value, "value", value)
                taken.append(f"{key} {shown} from {where}")
    return f"its {', '.join(taken)}" if taken else ""


def holds(entry: Entry, key: str, value: object, *, listed: bool) -> bool:
    """Whether an entry's `key` is `value`, or, `listed`, holds it among its list items."""
    held = field_value(entry, key, None)
    return value in held if listed and isinstance(held, list) else not listed and held == value


def field_value(entry: Entry, key: str, item: int | None) -> object:
    """The value of `key` (its `item`th, for a list) of an entry, else None."""
    value = getattr(entry, key, None) if key in ENTRY_FIELDS else entry.extra.get(key)
    if item is None:
        return value
    return value[item] if isinstance(value, list) and item < len(value) else None


def field_at(entry: Entry, line: int, column: int) -> tuple[str, int | None] | None:
    """(key, list item) of the field of an entry read from a file at line:column, as a problem
    locates it (Entry.position), else None."""
    found = sorted((name for name, place in entry.positions.items() if place == (line, column)),
                   key=lambda name: "[" not in name)  # a list item before its key
    if not found:
        return None
    key, _, item = found[0].partition("[")
    return key, int(item.rstrip("]")) if item else None


def language_pair(languages: dict) -> str:
    return f"{languages.get('source')}→{languages.get('target')}"


def narrowed_languages(merged: dict, *sides: tuple[str, dict]) -> str:
    """What a merge of glossaries whose languages differ only in how narrowly they are named says."""
    named = " and ".join(f"{name} is for {language_pair(languages)}" for name, languages in sides)
    return f"{named}: the merged glossary is for {language_pair(merged)}, the narrower"


def _merge_outside(merged: Glossary, base: Glossary, incoming: Glossary, conflict, base_name: str,
                   incoming_name: str) -> list[str]:
    """What incoming holds outside its entries, into `merged`: top-level keys of its own (a
    different value is a conflict) and its comments above `terms:` and after the last entry; into
    a blank base (a new or empty file), its header (provenance included) and trailer as written.
    Returns warnings for comments that could not be carried."""
    for key, value in incoming.extra.items():
        if key not in merged.extra:
            merged.extra[key] = value
        elif not _same_value(merged.extra[key], value):
            lines = [header_line(glossary, key) for glossary in (base, incoming)]
            ours, theirs = (f"{name}{f':{line}' if line else ''}"
                            for name, line in zip((base_name, incoming_name), lines))
            conflict("", f"the top-level key {key} differs ({ours} {_shown_value(merged.extra[key])}; "
                         f"{theirs} {_shown_value(value)})", None, None)
    blank = not base.terms and not base.extra and not base.generated and not any(
        outside_comments(base, part) for part in OUTSIDE_PARTS)
    if blank:
        merged.generated = copy.deepcopy(incoming.generated)
    dropped = []
    if isinstance(incoming.origin, Unkept):
        origin = incoming.origin
        dropped.append(f"{origin.path}:{origin.line}: the comments in this file are not carried over: {origin.reason}")
    for part in OUTSIDE_PARTS:
        if blank and take_outside_text(merged, incoming, part):
            continue
        comments = outside_comments(incoming, part)
        if comments and not add_outside_comments(merged, part, comments):
            dropped.append(comments_not_kept(comments, incoming_name, part, base_name))
    return dropped


class TermIndex:
    """The merged glossary's entries by the forms check finds their term under, so each incoming
    entry meets only its own term's entries (comparing every pair took minutes for 10,000 terms).
    Entries keep their positions: merging appends, or settles an entry in place."""

    def __init__(self, merged: Glossary) -> None:
        self.merged = merged
        self.by_form: dict[str, set[int]] = {}
        self.indexed = 0
        self.update(())

    def same_term_as(self, entry: Entry) -> list[int]:
        """Positions of the entries that are `entry`'s term (validate.same_term), in file order."""
        found = {position for form in term_forms(entry.source) for position in self.by_form.get(form, ())}
        return [position for position in sorted(found) if _same_source(self.merged.terms[position], entry)]

    def update(self, settled: Iterable[int]) -> None:
        """Index the entries appended since, and again those at `settled` (a decision may replace one)."""
        for position in [*settled, *range(self.indexed, len(self.merged.terms))]:
            for form in term_forms(self.merged.terms[position].source):
                self.by_form.setdefault(form, set()).add(position)
        self.indexed = len(self.merged.terms)


def merge_entry(merged: Glossary, same_source: list[Entry], theirs: Entry, conflict) -> bool:
    """Fold one incoming entry in; False when it is a proposal left out (the base has the term)."""
    ours = next((entry for entry in same_source if set(entry.target) == set(theirs.target)), None)
    if ours is not None:
        _merge_same_pair(ours, theirs, conflict, merged)
        return True
    decided = [entry for entry in same_source if entry.status is Status.APPROVED]
    if theirs.status is Status.APPROVED:
        for entry in decided:
            if not (set(entry.allowed_targets()) & set(theirs.allowed_targets())) or entry.keep_source != theirs.keep_source:
                conflict(theirs.source, "approved with different targets", entry, theirs)
                return True
        for entry in same_source:
            if set(entry.forbidden) & set(theirs.target):
                conflict(theirs.source, "one approves a rendering the other forbids", entry, theirs)
                return True
        for entry in same_source:
            if entry.status is Status.REJECTED and set(entry.target) & set(theirs.target):
                conflict(theirs.source, "one approves what the other rejects", entry, theirs)
                return True
        if decided:  # the same term approved on both sides with overlapping target lists
            conflict(theirs.source, "approved with different target lists", decided[0], theirs)
            return True
        candidate = next((entry for entry in same_source if entry.status is Status.CANDIDATE), None)
        if candidate is not None:  # a person's decision settles the proposal, in place
            _settle_candidate(merged, candidate, theirs, conflict)
            return True
        merged.terms.append(theirs)
        return True
    if theirs.status is Status.REJECTED:
        for entry in decided:
            if set(entry.target) & set(theirs.target):
                conflict(theirs.source, "one approves what the other rejects", entry, theirs)
                return True
        merged.terms.append(theirs)
        return True
    if not same_source:
        merged.terms.append(theirs)
        return True
    if not worked_on(theirs):  # the tool's proposal: the base already knows this source
        return False
    banned_only = not theirs.target and not theirs.keep_source  # a CAT tool's ban: no rendering of its own
    for entry in same_source:  # a person's work on a proposal: kept beside the base's entries
        if entry.status is Status.APPROVED and set(theirs.forbidden) & set(entry.allowed_targets()):
            conflict(theirs.source, "one approves a rendering the other forbids", entry, theirs)
            return True
        if banned_only and entry.status is Status.CANDIDATE and set(theirs.forbidden) & set(entry.allowed_targets()):
            # kept beside it, the ban would make a second, target-less entry for the term
            conflict(theirs.source, "one proposes a rendering the other forbids", entry, theirs)
            return True
    merged.terms.append(theirs)
    return True


def _settle_candidate(merged: Glossary, candidate: Entry, theirs: Entry, conflict) -> None:
    """Make the decision `theirs` on the base's candidate, keeping what people wrote on it."""
    if candidate.keep_source and not theirs.keep_source:
        conflict(theirs.source, "keep_source differs", candidate, theirs)
        return
    settled = candidate.copy()  # keeps its origin: comments and layout survive
    kept = [alternative for alternative in settled.alternatives if alternative.target not in theirs.target]
    proposed = [Alternative(target, settled.score)
                for target in settled.target
                if target not in theirs.target and all(other.target != target for other in kept)]
    settled.target, settled.alternatives, settled.keep_source = list(theirs.target), proposed + kept, theirs.keep_source
    found: list[tuple] = []
    _merge_same_pair(settled, theirs, lambda source, reason, *entries, **shown: found.append((reason, shown)),
                     merged)
    if found:
        reason, shown = found[0]
        conflict(theirs.source, reason, candidate, theirs, **shown)
        return
    merged.terms[merged.terms.index(candidate)] = settled


def _forbids_what_the_other_approves(forbidding: Entry, approving: Entry) -> bool:
    """Whether one side forbids a rendering the other approves and does not forbid itself. An
    entry that forbids its own target on both sides, or a candidate's, is that entry's own mistake
    (validate warns of it), not a disagreement between the two: merging a file with itself must
    not call it a conflict."""
    return approving.status is Status.APPROVED and bool(
        (set(forbidding.forbidden) - set(approving.forbidden)) & set(approving.allowed_targets()))


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
        conflict(ours.source, "case_sensitive differs", ours, theirs, key="case_sensitive",
                 values=(str(ours.case_sensitive).lower(), str(theirs.case_sensitive).lower()))
        return
    if _forbids_what_the_other_approves(theirs, ours) or _forbids_what_the_other_approves(ours, theirs):
        conflict(ours.source, "one approves a rendering the other forbids", ours, theirs)
        return
    decided, candidate = (theirs, ours) if ours.status is Status.CANDIDATE else (ours, theirs)
    if decided.status is not Status.CANDIDATE and candidate.status is Status.CANDIDATE:
        added = unreviewed_additions(decided, candidate)  # whichever side holds the decision
        if added:
            key = added[0][0]
            conflict(ours.source, unreviewed_reason(decided, added), ours, theirs, key=key,
                     values=(enforced_shown(ours, key), enforced_shown(theirs, key)))
            return
    differing = [key for key, value in theirs.extra.items()
                 if key in ours.extra and not _same_value(ours.extra[key], value)]
    if differing:
        key = differing[0]
        conflict(ours.source, f"{key} differs", ours, theirs, key=key,
                 values=(_shown_value(ours.extra[key]), _shown_value(theirs.extra[key])))
        return
    note, corrected = merged_note(ours.note, theirs.note)
    if corrected is not None:
        conflict(ours.source, "the note was changed on one side", ours, theirs, key="note",
                 values=tuple(f'"{line}"' for line in corrected))
        return
    comment = _changed_line(comments_of(ours), comments_of(theirs))
    if comment is not None:
        conflict(ours.source, "a comment was changed on one side", ours, theirs,
                 values=tuple(f'"{line}"' for line in comment))
        return
    if ours.status is Status.CANDIDATE:
        ours.status = theirs.status
    ours.forbidden += [value for value in theirs.forbidden if value not in ours.forbidden]
    ours.source_variants += [value for value in theirs.source_variants if value not in ours.source_variants]
    ours.source_forbidden += [value for value in theirs.source_forbidden if value not in ours.source_forbidden]
    if ours.case_sensitive is None:
        ours.case_sensitive = theirs.case_sensitive
    ours.keep_source = ours.keep_source or theirs.keep_source
    ours.note = note
    for key, value in theirs.extra.items():
        ours.extra.setdefault(key, value)
    add_comments(ours, comments_of(theirs), into)


# What check enforces of an entry beside its decision: the renderings and English wordings it
# forbids, the spellings it finds the term under, how it reads case, where it applies.
ENFORCED_LISTS = ("forbidden", "source_forbidden", "source_variants")


def unreviewed_additions(decided: Entry, candidate: Entry, merged: Entry | None = None) -> list[tuple[str, str]]:
    """(key, value as shown) of what a candidate would add to what check enforces of a decision on
    the same pair; given `merged` (a three-way merge's entry), what that entry took from it.

    Approved and rejected entries are a person's reviewed work: a forbidden rendering, a variant or
    a setting nobody approved with the decision must not start failing (or passing) translations
    in CI because a merge carried it over, unseen, from a candidate."""
    merged = candidate if merged is None else merged
    added = [(key, f'"{value}"') for key in ENFORCED_LISTS for value in getattr(merged, key)
             if not _held(decided, key, value) and value in getattr(candidate, key)]
    if merged.case_sensitive is not None and merged.case_sensitive != decided.case_sensitive \
            and merged.case_sensitive == candidate.case_sensitive \
            and any(decided.spelling_is_case_sensitive(spelling) != merged.case_sensitive
                    for spelling in (decided.source, *decided.source_variants)):
        added.append(("case_sensitive", str(merged.case_sensitive).lower()))
    if merged.keep_source and not decided.keep_source and candidate.keep_source:
        added.append(("keep_source", "true"))
    if PATHS in merged.extra and PATHS not in decided.extra and PATHS in candidate.extra:
        paths = merged.extra[PATHS]
        added.append((PATHS, f"[{', '.join(map(str, paths))}]" if isinstance(paths, list) else _shown_value(paths)))
    return added


def _held(entry: Entry, key: str, value: str) -> bool:
    """Whether an entry's list `key` already holds `value` as check reads it: an English wording
    in another case or number (`Electric Grids` for `electric grid`), a rendering in another
    width or spacing, is no addition."""
    if key == "forbidden":
        return chinese_key(value) in {chinese_key(held) for held in entry.forbidden}
    forms = term_forms(value)
    return any(forms & term_forms(held) for held in getattr(entry, key))


def unreviewed_reason(decided: Entry, added: list[tuple[str, str]]) -> str:
    """The conflict for a candidate's additions to a decision (unreviewed_additions): what it would
    add, and how to settle it."""
    shown = "; ".join(f"{key} {value}" for key, value in added)
    them = "it" if len(added) == 1 else "them"
    decide = "approve" if decided.status is Status.APPROVED else "reject"
    return (f"the candidate would add {shown} to the {decided.status.value} entry, which nobody reviewed with "
            f"{them}: {decide} the entry with {them}, or remove {them} from the candidate")


def enforced_shown(entry: Entry, key: str) -> str:
    """`approved "智能电网", no source_forbidden`: one side of such a conflict, its decision and the
    field the candidate adds to."""
    value = getattr(entry, key) if key != PATHS else entry.extra.get(key)
    if isinstance(value, list):
        value = f"[{', '.join(map(str, value))}]" if value else None
    if isinstance(value, bool):
        value = str(value).lower() if value or key == "case_sensitive" else None
    held = f"no {key}" if value is None else f"{key} {value}"
    targets = " / ".join(f'"{target}"' for target in entry.target) or "no target"
    return f"{entry.status.value} {targets}, {held}"


def comments_not_kept(comments: list[str], name: str, part: str, into: str) -> str:
    """The warning for comments outside the entries that a merge could not write."""
    where = {"header": "above 'terms:'", "terms_line": "on the 'terms:' line", "trailer": "after the last entry"}[part]
    shown = "; ".join(comments[:3]) + (f"; and {len(comments) - 3} more" if len(comments) > 3 else "")
    return (f"{len(comments)} comment line{'s' if len(comments) != 1 else ''} {where} in {name} not carried over, as "
            f"{into} is not laid out as a block 'terms:' list: {shown}")


def _same_source(entry: Entry, other: Entry) -> bool:
    """The same term as validate and check see it (plural, hyphen, spacing, Unicode form, case),
    so two approvals merge cannot tell apart are never written side by side."""
    return same_term(entry, other)


def merged_note(ours: str | None, theirs: str | None) -> tuple[str | None, tuple[str, str] | None]:
    """The note that says what both notes say, and the pair of lines that stops it (None when none).

    Notes are combined line by line, so merging files that hold the same lines in another order
    (each teammate pulled the other's) changes nothing. A note one side extended (the other's text
    inside it) is taken whole; a line of theirs that ours lacks is added. A line changed on one
    side (`in al contexts` -> `in all contexts`, a change of case) cannot be told apart from a
    line changed on the other without a common ancestor, so it is returned as a conflict, never
    kept twice."""
    if not theirs or not theirs.strip():
        return ours, None
    if not ours or not ours.strip():
        return theirs, None
    if _words(theirs) in _words(ours):  # the same words (a TBX round trip drops a final line break): ours as written
        return ours, None
    if _words(ours) in _words(theirs):  # theirs extends ours
        written, extended = ours.rstrip("\n").splitlines(), theirs.rstrip("\n").splitlines()
        if extended[:len(written)] != written:
            return theirs, None  # ours rewritten inside a longer text: theirs says it all
        return _with_lines(ours, extended[len(written):]), None
    ours_lines = [line for line in ours.splitlines() if line.strip()]
    new_lines = [line for line in theirs.splitlines() if line.strip()
                 and not any(_words(line) in _words(mine) for mine in ours_lines)]
    changed = _changed_line(ours_lines, new_lines)
    if changed is not None:
        return ours, changed
    return _with_lines(ours, new_lines), None


def _with_lines(note: str, lines: list[str]) -> str:
    """The note as written (its final line break too, which keeps its block style), then the lines."""
    if not lines:
        return note
    body = note.rstrip("\n")
    return body + "\n" + "\n".join(lines) + note[len(body):]


def _changed_line(ours: list[str], theirs: list[str]) -> tuple[str, str] | None:
    """A line of theirs that is ours edited (a near copy, not an equal one), as (ours, theirs)."""
    for line in theirs:
        if any(_words(line) == _words(mine) for mine in ours):
            continue
        near = difflib.get_close_matches(_words(line).casefold(), [_words(mine).casefold() for mine in ours],
                                         n=1, cutoff=0.8)
        if near:
            mine = next(mine for mine in ours if _words(mine).casefold() == near[0])
            return mine.strip(), line.strip()
    return None


def _words(text: str) -> str:
    """Text with its white space made single spaces: a rewrapped note says the same."""
    return " ".join(text.split())


def _shown_value(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


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
