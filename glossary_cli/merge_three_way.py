"""Merge two teammates' glossaries against the version both started from, as git and diff3 do.

Without that common ancestor an entry one side deleted looks like one the other side added, and
comes back; with it, a change made on one side only is taken, whatever it is: an entry added or
deleted, a decision taken back, a forbidden rendering or a note removed, a comment corrected.

Entries are matched by term, as validate and check match them (merge.same_term); within a term,
by source and targets, then by source. A term one side left as the ancestor had it takes the other
side's entries. When both changed it, each entry is merged field by field: a field changed on one
side takes that change, the same change on both is taken once, and different changes to one field
are a conflict, as is an entry deleted on one side and changed on the other. A decision (source,
target, status, keep_source) is one field: never one side's status with the other side's target,
and a person's decision or edit wins over what extract only re-proposed on the other side; a
candidate one side deleted and the other only re-proposed stays deleted. Forbidden renderings
and source variants merge item by item, note lines line by line, but what one side added to a
candidate the other side decided on is a conflict (merge.unreviewed_additions); the tool's own fields (score,
count, signals, evidence, alternatives) follow ours when both sides re-ran extract, and the
checksum follows the decision. Entries both sides added are merged as merge_glossaries merges
two files.

Ours is the file written: its entries, comments and layout are kept where the merge takes them.
Entries one side moved by hand keep that order when the other side only edited them or only
re-ran extract (whose best-first layout says nothing a person meant): then the entries are laid
out over the person's order as extract would lay them out (update.fill_places). Two orders made
by hand stay ours'.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from .glossary import Entry, Glossary, Status
from .glossary_yaml import (OUTSIDE_PARTS, add_comments, add_outside_comments, carried_to, comments_of,
                            header_line, outside_comments, outside_text, take_outside_text)
from .language_tags import merged_languages
from .merge import (FieldOrigins, MergeConflict, MergeResult, TermIndex, comments_not_kept, enforced_shown,
                    language_pair, merge_entry, narrowed_languages, taken_from, unreviewed_additions,
                    unreviewed_reason)
from .normalize import english_key
from .scope import PATHS
from .update import as_extracted, fill_places, worked_on
from .validate import term_forms

# One decision about one pair (approve V2G → 车网互动): taken whole from the side that changed it,
# never one side's status with the other side's target; both sides deciding differently is a conflict.
_DECISION = ("source", "target", "status", "keep_source")
_SETTINGS = ("case_sensitive",)  # a person's; a clash is a conflict
_ITEMS = ("forbidden", "source_variants", "source_forbidden")  # merged item by item
_TOOL_FIELDS = ("score", "count", "signals", "evidence", "alternatives")  # extract's; ours when both changed
_ABSENT = object()  # a key one version does not have


@dataclass
class _Term:
    """One term's entries in the three versions; ours by position in ours' list."""

    ancestor: list[Entry] = field(default_factory=list)
    ours: list[int] = field(default_factory=list)
    theirs: list[Entry] = field(default_factory=list)


def merge_three_way(ancestor: Glossary, ours: Glossary, theirs: Glossary, *, ours_name: str = "ours",
                    theirs_name: str = "theirs") -> MergeResult:
    """Fold into a copy of `ours` what `theirs` changed since `ancestor`; no argument is modified."""
    merged = ours.copy()
    conflicts: list[MergeConflict] = []

    from_theirs: set[int] = set()  # ids of the entries taken from theirs as they are
    became: dict[int, Entry] = {}  # id of a merged entry -> ours' entry it was merged from
    origins = FieldOrigins([(theirs_name, theirs)])

    def conflict(source: str, reason: str, ours_entry: Entry | None, theirs_entry: Entry | None,
                 key: str | None = None, values: tuple[str, str] | None = None) -> None:
        ours_side = theirs_name if ours_entry is not None and id(ours_entry) in from_theirs else ours_name
        original = became.get(id(ours_entry)) if ours_side == ours_name else None
        taken = "" if original is None else taken_from(ours_entry, original, origins)
        conflicts.append(MergeConflict(source, reason, ours_entry, theirs_entry, ours_side, theirs_name, key, values,
                                       taken))

    dropped: list[str] = []
    if not _merge_header(ancestor, ours, theirs, merged, conflict, (ours_name, theirs_name), dropped):
        return MergeResult(merged, conflicts, stopped=True)
    header_conflict = bool(conflicts)
    slots = [[entry] for entry in merged.terms]  # what each of ours' entries became
    appended: list[Entry] = []
    folded: list[Entry] = []  # theirs' additions to a term both changed: merged as two files are
    for term in _terms(ancestor, merged, theirs):
        mine = [merged.terms[position] for position in term.ours]
        if _same(term.theirs, term.ancestor) or _same(mine, term.theirs):
            continue
        added = _merge_term(term, mine, slots, merged, conflict, ours_name, theirs_name)
        if _same(mine, term.ancestor):  # only theirs changed the term: what they added is taken as it is
            appended += [carried_to(entry, merged) for entry in added]
        else:
            folded += added
    successors = [position for position, slot in enumerate(slots) for _ in slot]  # ours' entry each came from
    merged.terms = [entry for slot in slots for entry in slot] + appended
    became.update((id(entry), ours.terms[position]) for position, slot in enumerate(slots) for entry in slot)
    first_of_slot = {position: index for index, position in reversed(list(enumerate(successors)))}
    skipped: list[Entry] = []
    index = TermIndex(merged)
    from_theirs.update(map(id, appended))
    assembled = len(merged.terms)
    for entry in folded:
        positions = index.same_term_as(entry)
        if not merge_entry(merged, [merged.terms[position] for position in positions], carried_to(entry, merged),
                           conflict):
            skipped.append(entry)
        from_theirs.update(id(added) for added in merged.terms[assembled:])
        index.update(positions)
    changed = sum(1 for position, index in first_of_slot.items()
                  if not _same([merged.terms[index]], [ours.terms[position]]))
    if _reordered(ancestor, theirs) and not _reordered(ancestor, ours):
        merged.terms = _in_order_of(merged.terms, theirs)  # theirs regrouped the entries; ours only edited
    elif _reordered(ancestor, ours) and _reordered(ancestor, theirs):
        merged.terms = _in_the_person_s_order(ancestor, ours, theirs, merged.terms)
    return MergeResult(merged, conflicts, added=len(merged.terms) - len(first_of_slot), changed=changed,
                       skipped=skipped, deleted=len(ours.terms) - len(first_of_slot),
                       header_conflict=header_conflict, dropped=dropped)


def _order(glossary: Glossary) -> list[str]:
    """The terms of a glossary in file order, each once, by the key validate and check match on."""
    return list(dict.fromkeys(english_key(entry.source) for entry in glossary.terms))


def _reordered(ancestor: Glossary, side: Glossary) -> bool:
    """Whether a side moved entries (grouped them under headings, sorted them): the terms both
    hold come in another order."""
    before, after = _order(ancestor), _order(side)
    common = set(before) & set(after)
    return [key for key in before if key in common] != [key for key in after if key in common]


def laid_out_by_extract(ancestor: Glossary, side: Glossary) -> bool:
    """Whether a side's order is the one extract gives when re-run on the ancestor
    (update.fill_places): the ancestor's entries people worked on keep their places, candidates the
    run dropped leave theirs, and the side's candidates fill the others best first by score (equal
    scores keep the side's order: a score is written rounded). An entry the side worked on since
    was either placed by extract as a candidate and decided after the run, or decided before it
    and kept in its place: the order is extract's if either reading, taken for all such entries,
    gives it."""
    order = _order(side)
    held = set(order)
    worked = {english_key(entry.source) for entry in ancestor.terms if worked_on(entry)}
    since = {english_key(entry.source) for entry in side.terms if worked_on(entry)} - worked
    score: dict[str, float | None] = {}
    for entry in side.terms:
        score.setdefault(english_key(entry.source), entry.score)
    for kept in (worked, worked | since):
        layout = [key if key in kept else None for key in _order(ancestor) if key in held]
        placed = set(layout) - {None}
        candidates = [key for key in order if key not in placed]
        best_first = sorted(candidates, key=lambda key: (score[key] is None, -(score[key] or 0.0)))
        if fill_places(layout, best_first) == order:
            return True
    return False


def _in_the_person_s_order(ancestor: Glossary, ours: Glossary, theirs: Glossary, entries: list[Entry]) -> list[Entry]:
    """Both sides moved entries. Where one side's order is only extract's re-run, which says
    nothing a person meant, the entries are laid out over the other side's order; where both
    are a person's (or both extract's), they stay in ours' order: two groupings cannot be merged."""
    by_extract = (laid_out_by_extract(ancestor, ours), laid_out_by_extract(ancestor, theirs))
    if by_extract == (True, False):
        return _laid_out_over(entries, person=theirs, extracted=ours)
    if by_extract == (False, True):
        return _laid_out_over(entries, person=ours, extracted=theirs)
    return entries


def _laid_out_over(entries: list[Entry], *, person: Glossary, extracted: Glossary) -> list[Entry]:
    """The entries as extract would lay them out over a person's order (update.fill_places): in
    that order, the entries worked on (decided, commented, edited, on either side) keep their
    places; the candidates fill the other places in the order the extract side has them, best
    first, with the entries the person's side lacks (new candidates, a term approved after the run),
    and those left over follow, as extract appends new candidates. A heading stays above the
    entry it was written for, and a candidate never lands among entries the person grouped unless
    a candidate had a place there."""
    held = set(_order(person))
    ordered = _in_order_of(entries, person)
    layout = [entry if worked_on(entry) else None for entry in ordered if english_key(entry.source) in held]
    rank = {key: index for index, key in enumerate(_order(extracted))}
    floating = [entry for entry in ordered if english_key(entry.source) not in held or not worked_on(entry)]
    return fill_places(layout, sorted(floating, key=lambda entry: rank.get(english_key(entry.source), len(rank))))


def _in_order_of(entries: list[Entry], side: Glossary) -> list[Entry]:
    """The entries in the order `side` has their terms; one it lacks stays right after the entry
    it followed. Entries of one term keep their own order."""
    place = {key: index for index, key in enumerate(_order(side))}
    ranked = []
    last = -1
    for position, entry in enumerate(entries):
        last = place.get(english_key(entry.source), last)
        ranked.append((last, position, entry))
    return [entry for _, _, entry in sorted(ranked, key=lambda item: (item[0], item[1]))]


def _terms(ancestor: Glossary, ours: Glossary, theirs: Glossary) -> list[_Term]:
    """The entries of the three versions grouped by term: entries whose sources share a form check
    finds them under are one term, and so are their partners' partners."""
    nodes = ([("ancestor", index) for index in range(len(ancestor.terms))]
             + [("ours", index) for index in range(len(ours.terms))]
             + [("theirs", index) for index in range(len(theirs.terms))])
    versions = {"ancestor": ancestor, "ours": ours, "theirs": theirs}
    parent = list(range(len(nodes)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    first_with_form: dict[str, int] = {}
    for node, (version, index) in enumerate(nodes):
        for form in term_forms(versions[version].terms[index].source):
            other = first_with_form.setdefault(form, node)
            parent[root(node)] = root(other)
    terms: dict[int, _Term] = {}
    for node in sorted(range(len(nodes)), key=lambda node: ("ours", "theirs", "ancestor").index(nodes[node][0])):
        version, index = nodes[node]
        term = terms.setdefault(root(node), _Term())
        if version == "ours":
            term.ours.append(index)
        else:
            getattr(term, version).append(versions[version].terms[index])
    return list(terms.values())


def _same(entries: list[Entry], others: list[Entry]) -> bool:
    """The same entries, comments included (the layout may differ)."""
    return len(entries) == len(others) and all(
        entry == other and comments_of(entry) == comments_of(other) for entry, other in zip(entries, others))


def _paired(ancestor: list[Entry], side: list[Entry]) -> list[int | None]:
    """For each ancestor entry, the index of the side's entry it became (None: deleted): the same
    source and targets, else the same source, else the one entry left on both."""
    pairs: list[int | None] = [None] * len(ancestor)
    free = set(range(len(side)))
    for same in (lambda old, new: old.source == new.source and set(old.target) == set(new.target),
                 lambda old, new: old.source == new.source):
        for index, old in enumerate(ancestor):
            if pairs[index] is None:
                pairs[index] = next((new for new in sorted(free) if same(old, side[new])), None)
                free.discard(pairs[index])
    unpaired = [index for index, pair in enumerate(pairs) if pair is None]
    if len(unpaired) == 1 and len(free) == 1:
        pairs[unpaired[0]] = free.pop()
    return pairs


def _merge_term(term: _Term, mine: list[Entry], slots: list[list[Entry]], merged: Glossary, conflict,
                ours_name: str, theirs_name: str) -> list[Entry]:
    """Merge a term both sides changed, entry by entry; returns theirs' entries new to it, and those
    ours deleted as candidates and theirs decided on.

    A candidate one side deleted and the other only re-proposed is deleted (extract dropped it); one
    the other side approved, rejected or worked on is kept (a candidate's deletion says "not now",
    the other side's work says more)."""
    ours_pairs, theirs_pairs = _paired(term.ancestor, mine), _paired(term.ancestor, term.theirs)
    kept_from_theirs: list[Entry] = []
    for old, in_ours, in_theirs in zip(term.ancestor, ours_pairs, theirs_pairs):
        position = term.ours[in_ours] if in_ours is not None else None
        new = term.theirs[in_theirs] if in_theirs is not None else None
        if position is None:
            if new is not None and not _same([new], [old]):
                if _outweighs_deletion(old, new):
                    kept_from_theirs.append(carried_to(new, merged))
                elif old.status is not Status.CANDIDATE:  # else extract only re-proposed it: the deletion stands
                    conflict(old.source, f"deleted in {ours_name}, changed in {theirs_name}", None, new)
            continue
        own = merged.terms[position]
        if new is None:
            if _same([own], [old]) or (old.status is Status.CANDIDATE and not worked_on(own)):
                slots[position] = []  # extract only re-proposed it
            elif not _outweighs_deletion(old, own):
                conflict(old.source, f"changed in {ours_name}, deleted in {theirs_name}", own, None)
            continue
        slots[position] = [_merge_fields(old, own, new, merged, conflict)]
    return kept_from_theirs + [entry for index, entry in enumerate(term.theirs) if index not in theirs_pairs]


def _outweighs_deletion(old: Entry, changed: Entry) -> bool:
    """A person's work (a decision, an edit, a comment, a note...) on an entry that was a
    candidate, which the other side deleted."""
    return old.status is Status.CANDIDATE and worked_on(changed)


@dataclass(frozen=True)
class _Clash:
    """Different changes to one field on the two sides, as the conflict shows them."""

    ours: str
    theirs: str
    reason: str | None = None  # what each side did, where "<field> changed on both sides" would mislead
    key: str | None = None  # the key the conflict points at, where not the field's own


def _merge_fields(old: Entry, own: Entry, new: Entry, merged: Glossary, conflict) -> Entry:
    """One entry changed on both sides: each field takes the side that changed it. On a conflict
    ours is left as it is (the conflict says what theirs has)."""
    if _same([new], [old]) or _same([own], [new]):
        return own
    if _same([own], [old]):
        return carried_to(new, merged)
    values: dict[str, Any] = {name: _three_way(getattr(old, name), getattr(own, name), getattr(new, name))
                              for name in _SETTINGS}
    decided = _merged_decision(old, own, new)
    if isinstance(decided, _Clash):
        values["decision"] = decided
    else:
        values.update({name: getattr(decided, name) for name in _DECISION})
        values["checksum"] = _kept_checksum(decided, own, new)
    for name in _ITEMS:
        before, mine, theirs = getattr(old, name), getattr(own, name), getattr(new, name)
        values[name] = ([item for item in mine if item in theirs or item not in before]
                        + [item for item in theirs if item not in before and item not in mine])
    for name in _TOOL_FIELDS:
        values[name] = getattr(new, name) if getattr(own, name) == getattr(old, name) else getattr(own, name)
    values["note"] = _merged_note(old.note, own.note, new.note)
    extra = {key: _three_way(old.extra.get(key, _ABSENT), own.extra.get(key, _ABSENT), new.extra.get(key, _ABSENT))
             for key in dict.fromkeys([*own.extra, *new.extra, *old.extra])}
    result = _with_comments(old, own, new, merged)
    clashes = [(name, value) for name, value in [*values.items(), *extra.items()] if isinstance(value, _Clash)]
    if isinstance(result, _Clash):
        clashes.append(("comments", result))
    if not isinstance(decided, _Clash):
        clashes += _unreviewed_clash(decided, own, new, values, extra)
    for name, clash in clashes:
        name = clash.key or name
        located = name if name in own.positions or name in new.positions else None
        conflict(own.source, clash.reason or f"{name} changed on both sides", own, new, key=located,
                 values=(clash.ours, clash.theirs))
    if clashes or isinstance(result, _Clash):
        return own
    for name, value in values.items():
        setattr(result, name, value)
    result.extra = {key: value for key, value in extra.items() if value is not _ABSENT}
    return result


def _unreviewed_clash(decided: Entry, own: Entry, new: Entry, values: dict[str, Any],
                      extra: dict[str, Any]) -> list[tuple[str, _Clash]]:
    """A decision one side made while the other side, where the entry is still a candidate, added
    to what check enforces of it (a forbidden rendering, a variant...): taken into the decision,
    that would be enforced without anyone having reviewed it with the decision (merge.unreviewed_additions)."""
    candidate = new if decided is own else own
    if decided.status is Status.CANDIDATE or candidate.status is not Status.CANDIDATE:
        return []
    taken = copy.copy(decided)
    taken.forbidden, taken.source_forbidden, taken.source_variants = (
        values["forbidden"], values["source_forbidden"], values["source_variants"])
    if not isinstance(values["case_sensitive"], _Clash):
        taken.case_sensitive = values["case_sensitive"]
    paths = extra.get(PATHS, _ABSENT)
    taken.extra = {} if paths is _ABSENT or isinstance(paths, _Clash) else {PATHS: paths}
    added = unreviewed_additions(decided, candidate, taken)
    if not added:
        return []
    key = added[0][0]
    return [(key, _Clash(enforced_shown(own, key), enforced_shown(new, key), reason=unreviewed_reason(decided, added)))]


def _decision(entry: Entry) -> tuple:
    return tuple(getattr(entry, name) for name in _DECISION)


def _merged_decision(old: Entry, own: Entry, new: Entry) -> Entry | _Clash:
    """The side whose decision the merged entry takes. A candidate extract only re-proposed gives
    way to a person's decision or edit on the other side (and, re-proposed on both, ours' run
    stands, as its scores do); a person on each side deciding differently is a clash."""
    before, mine, theirs = _decision(old), _decision(own), _decision(new)
    if theirs == before or mine == theirs:
        return own
    if mine == before:
        return new
    if _proposed_by_extract(old, own) and not _proposed_by_extract(old, new):
        return new
    if _proposed_by_extract(old, new):
        return own
    if own.status is new.status and own.keep_source == new.keep_source and own.source == new.source:
        # only the targets differ: shown alone, and said as what each side did unless both changed it
        both = own.target != old.target and new.target != old.target
        return _Clash(_shown(own.target), _shown(new.target), key="target",
                      reason=None if both else _what_each_did(old, own, new))
    differ = [name for name in _DECISION if getattr(own, name) != getattr(new, name)]
    return _Clash(_shown_decision(own), _shown_decision(new), key=differ[0] if len(differ) == 1 else "",
                  reason=_what_each_did(old, own, new))


def _what_each_did(old: Entry, own: Entry, new: Entry) -> str:
    """`approved on one side, rejected on the other`, `approved on one side, target changed on the
    other`: each side's change to the decision since the ancestor, ours first."""
    done = [_what_was_done(old, side) for side in (own, new)]
    if done[0] == done[1]:
        return f"{done[0]} on both sides, differently"
    return f"{done[0]} on one side, {done[1]} on the other"


def _what_was_done(old: Entry, entry: Entry) -> str:
    """`approved`, `rejected with another target`, `target changed`, `source changed`: what one
    side did to an entry's decision."""
    changes = [name for name in ("source", "target", "keep_source") if getattr(entry, name) != getattr(old, name)]
    if entry.status is old.status:
        return " and ".join(f"{name} changed" for name in changes)
    if entry.status is Status.REJECTED and not entry.target and old.target:  # reject --all-renderings
        return "rejected in every rendering" + (" with another source" if "source" in changes else "")
    status = "made a candidate again" if entry.status is Status.CANDIDATE else entry.status.value
    others = {"source": "another source", "target": "another target", "keep_source": "keep_source changed"}
    return status + (f" with {' and '.join(others[name] for name in changes)}" if changes else "")


def _proposed_by_extract(old: Entry, entry: Entry) -> bool:
    """A candidate that says what extract proposed, where the ancestor was a candidate too: a
    change no person made."""
    return old.status is Status.CANDIDATE and entry.status is Status.CANDIDATE and as_extracted(entry)


def _kept_checksum(decided: Entry, own: Entry, new: Entry) -> str | None:
    """The checksum of the side the decision came from; where both sides hold the same target and
    one of them is a person's edit (its checksum no longer matches), that one: a later extract must
    still see the edit, not the proposal the other side's run happened to make alike."""
    if _decision(own) == _decision(new):
        edited = [side for side in (own, new) if side.checksum is not None and not as_extracted(side)]
        if edited:
            return edited[0].checksum
    return decided.checksum


def _shown_decision(entry: Entry) -> str:
    """`approved "车网互动"`, `rejected "政策堆栈"`: what one side decided about the term."""
    if entry.target:
        return f"{entry.status.value} {_shown(list(entry.target))}"
    return f"{entry.status.value} {'(every rendering)' if entry.status is Status.REJECTED else '(no target)'}"


def _three_way(old: Any, ours: Any, theirs: Any) -> Any:
    """The value a field takes: that of the side that changed it, or a _Clash if both did, differently."""
    if theirs == old or ours == theirs:
        return ours
    if ours == old:
        return theirs
    return _Clash(_shown(ours), _shown(theirs))


def _merged_note(old: str | None, ours: str | None, theirs: str | None) -> str | None | _Clash:
    """Notes merged line by line: lines one side removed go, lines either side added are kept; a
    line both sides replaced, differently, is a clash (shown as the lines each side wrote)."""
    if theirs == old or ours == theirs:
        return ours
    if ours == old:
        return theirs
    before, mine, their_lines = (_lines(note) for note in (old, ours, theirs))
    added_by_us = [line for line in mine if line not in before]
    added_by_them = [line for line in their_lines if line not in before]
    removed_by_us = {line for line in before if line not in mine}
    removed_by_them = {line for line in before if line not in their_lines}
    if removed_by_us & removed_by_them and added_by_us and added_by_them and set(added_by_us) != set(added_by_them):
        return _Clash(_shown(" / ".join(added_by_us)), _shown(" / ".join(added_by_them)))
    # ours as written (blank lines between paragraphs, the line breaks after its last line, which
    # make a `|+` note), less the lines theirs removed, then the lines theirs added
    body = (ours or "").rstrip("\n")
    lines = [line for line in body.splitlines() if line.strip() not in removed_by_them]
    lines += [line for line in (theirs or "").splitlines() if line.strip() in added_by_them and line.strip() not in mine]
    if not any(line.strip() for line in lines):
        return None
    ending = (ours or theirs or "")[len((ours or theirs or "").rstrip("\n")):]
    return "\n".join(lines) + ending


def _lines(note: str | None) -> list[str]:
    return [line.strip() for line in (note or "").splitlines() if line.strip()]


def _with_comments(old: Entry, own: Entry, new: Entry, merged: Glossary) -> Entry | _Clash:
    """A copy of the side whose comments the merged entry keeps (fields are set on it next): ours,
    unless only theirs changed the comments; a side that only added comment lines gets the
    other's added to it. Both sides rewriting them is a clash."""
    before, mine, theirs = comments_of(old), comments_of(own), comments_of(new)
    if theirs == before or mine == theirs:
        return own.copy()
    if mine == before:
        return carried_to(new, merged)
    if set(before) <= set(theirs):
        result = own.copy()
        add_comments(result, [comment for comment in theirs if comment not in before], merged)
        return result
    if set(before) <= set(mine):
        result = carried_to(new, merged)
        add_comments(result, [comment for comment in mine if comment not in before], merged)
        return result
    return _Clash(_shown(" ".join(mine)), _shown(" ".join(theirs)))


def _merge_header(ancestor: Glossary, ours: Glossary, theirs: Glossary, merged: Glossary, conflict,
                  names: tuple[str, str], dropped: list[str]) -> bool:
    """The header merged key by key, and the text outside the entries (comments above `terms:` and
    after the last entry) taken from the side that changed it, or its new comments added. False
    when the languages clash: entries of glossaries for different languages are not compared."""
    had_header = bool(ancestor.terms) or outside_text(ancestor, "header") is not None  # not an empty file
    languages = _three_way(ancestor.languages if had_header else _ABSENT, ours.languages, theirs.languages)
    if isinstance(languages, _Clash):
        languages = merged_languages(ours.languages, theirs.languages)
        if languages is None:
            conflict("", f"the glossaries are for different languages ({names[0]} {language_pair(ours.languages)}, "
                         f"{names[1]} {language_pair(theirs.languages)})", None, None)
            return False
        dropped.append(narrowed_languages(languages, (names[0], ours.languages), (names[1], theirs.languages)))
    merged.languages = languages
    merged.generated = theirs.generated if ours.generated == ancestor.generated else ours.generated
    merged.extra = {}
    for key in dict.fromkeys([*ours.extra, *theirs.extra, *ancestor.extra]):
        value = _three_way(ancestor.extra.get(key, _ABSENT), ours.extra.get(key, _ABSENT),
                           theirs.extra.get(key, _ABSENT))
        if isinstance(value, _Clash):
            sides = [f"{name}{f':{line}' if line else ''}"
                     for name, line in zip(names, (header_line(ours, key), header_line(theirs, key)))]
            conflict("", f"the top-level key {key} changed on both sides ({sides[0]} {value.ours}; "
                         f"{sides[1]} {value.theirs})", None, None)
            value = ours.extra.get(key, _ABSENT)
        if value is not _ABSENT:
            merged.extra[key] = value
    for part in OUTSIDE_PARTS:
        before, mine, their = (outside_text(version, part) for version in (ancestor, ours, theirs))
        if their is None or their == before or their == mine:
            continue
        if mine == before and take_outside_text(merged, theirs, part):
            continue
        ancestral = set(outside_comments(ancestor, part))
        new = [comment for comment in outside_comments(theirs, part) if comment not in ancestral]
        if new and not add_outside_comments(merged, part, new):
            dropped.append(comments_not_kept(new, names[1], part, names[0]))
    return True


def _shown(value: Any) -> str:
    if value is _ABSENT or value is None:
        return "(none)"
    if isinstance(value, list):
        return " / ".join(f'"{item}"' for item in value) or "(none)"
    if isinstance(value, bool):
        return str(value).lower()
    if hasattr(value, "value"):  # a Status
        return str(value.value)
    return f'"{value}"' if isinstance(value, str) else str(value)
