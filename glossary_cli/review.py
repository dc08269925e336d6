"""Reviewing candidates: decisions applied to the glossary and saved at once, one by one.

No terminal I/O here: `cli/review_cmd.py` draws the screen and reads keys, this module keeps the
queue (best candidates first), applies each decision, writes the file atomically and can undo.
The non-interactive `approve`, `reject` and bulk approval live here too.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
import shlex
import stat
from dataclasses import dataclass, field
from enum import Enum

from .atomic import ANY_CONTENT, content_now, write_atomic
from .errors import FileChangedError, GlossaryFileError, OutputError, UsageError
from .glossary import Entry, Glossary, Status, has_inner_capital
from .glossary_yaml import Problem, comments_of, dump_glossary, load_glossary, parse_glossary, refuse_unkeepable
from .models import Alternative
from .normalize import closed_compound, english_key
from .update import worked_on
from .validate import ValidationIndex, same_term, term_forms, term_groups


class Action(str, Enum):
    APPROVE = "approved"
    REJECT = "rejected"
    EDIT = "edited"
    PICK = "picked"
    SKIP = "skipped"
    NOTE = "noted"  # a note written on the entry, which stays to be decided


# The fields a review key changes, and undo restores.
_UNDONE_FIELDS = ("target", "status", "score", "alternatives", "note")


@dataclass
class _Step:
    """What undo needs: which queue item, what the entry looked like before, what was done, and
    whether a skip put the entry back at the end of the queue."""

    position: int
    before: Entry
    action: Action
    requeued: bool = False


# How review shows a list of renderings, and how a person types one after `e`: ` / ` (or a
# full-width ／, or the 、 a Chinese input method gives for the / key) with a space either side.
# A slash inside a rendering (TCP/IP, 输入/输出) has none, and stays.
_BETWEEN_RENDERINGS = re.compile(r"(?<=\s)[/\uff0f\u3001](?=\s)")


def renderings(typed: str) -> list[str]:
    """The renderings in what a person typed: `WHO / 世界卫生组织` is two, as review shows them."""
    parts = (part.strip() for part in _BETWEEN_RENDERINGS.split(f" {typed} "))
    return list(dict.fromkeys(part for part in parts if part))


def review_order(entry: Entry) -> tuple:
    """Best first: higher score, then more occurrences, then the source alphabetically."""
    return (-(entry.score if entry.score is not None else -1.0), -(entry.count or 0), entry.source.casefold())


@dataclass
class ReviewSession:
    """Candidates of one glossary file, reviewed in order; every decision is on disk at once.

    A skipped candidate goes to the end of the queue, once: it comes back after the others, and
    skipped again it stays a candidate, for the next session. The file keeps no record of a skip:
    a skip means "not now", and a mark in a shared, committed glossary would be noise in its diffs
    and merges; a next session orders candidates by score again, skipped ones among them."""

    path: str
    glossary: Glossary
    queue: list[Entry]
    position: int = 0
    history: list[_Step] = field(default_factory=list)
    _written: bytes | None = None
    _validation: ValidationIndex | None = None  # the file's problems when opened, which are not ours to refuse

    @classmethod
    def open(cls, path: str, *, min_score: float | None = None, known_terms: frozenset[str] = frozenset()
             ) -> ReviewSession:
        """The candidates to review, best first: those scoring at least `min_score` (a candidate
        without a score, written by hand, has none to compare, as approve --approve-all and list
        read it), and not of a term in `known_terms` (English keys: `review --new-since`)."""
        read = content_now(path)  # before parsing: a change made after it is caught at the first save
        glossary = load_glossary(path)
        refuse_unkeepable(glossary)  # before the first decision, which could not be saved
        _refuse_read_only(path)  # likewise
        queue = sorted((entry for entry in glossary.terms if entry.status is Status.CANDIDATE
                        and (min_score is None or (entry.score is not None and entry.score >= min_score))
                        and english_key(entry.source) not in known_terms), key=review_order)
        session = cls(path, glossary, queue)
        session._written = read
        session._validation = ValidationIndex(glossary, path)  # the whole file, once: each key validates its term
        return session

    # ------------------------------------------------------------ where we are

    @property
    def current(self) -> Entry | None:
        return self.queue[self.position] if self.position < len(self.queue) else None

    @property
    def done(self) -> bool:
        return self.current is None

    @property
    def second_look(self) -> bool:
        """Whether the current candidate was skipped earlier in this session and is back."""
        return self.current is not None and any(entry is self.current for entry in self.queue[:self.position])

    def counts(self) -> dict[Action, int]:
        result = {action: 0 for action in Action}
        for step in self.history:
            result[step.action] += 1
        return result

    def left(self) -> tuple[int, int]:
        """The candidates of the queue still undecided: (skipped in this session, not yet shown)."""
        seen = {id(entry) for entry in self.queue[:self.position]}
        undecided = {id(entry): entry for entry in self.queue if entry.status is Status.CANDIDATE}
        skipped = sum(1 for key in undecided if key in seen)
        return skipped, len(undecided) - skipped

    def approval_refused(self) -> str | None:
        """Why `approve` would refuse the current candidate as it stands (a mistake in its own
        fields, such as a source_forbidden naming its own term, or one it makes with another
        entry once approved), as `approve` says it; None when it can be approved. The card shows
        it before the key, which then refuses with the same words."""
        entry = self._require_current()
        status = entry.status
        entry.status = Status.APPROVED
        try:
            problems = self._validation.new_problems(entry)
        finally:
            entry.status = status
        return problems_shown(problems) if problems else None

    # ------------------------------------------------------------ decisions

    def approve(self) -> Entry:
        """Approve the current candidate as it stands."""
        return self._decide(Action.APPROVE, lambda entry: _set_status(entry, Status.APPROVED))

    def reject(self) -> Entry:
        return self._decide(Action.REJECT, lambda entry: _set_status(entry, Status.REJECTED))

    def reject_term(self) -> Entry:
        """Reject the source itself, a span that is no term: no target is left, so extract
        proposes it in no rendering again (update.rejected_terms); the renderings become alternatives."""
        def apply(entry: Entry) -> None:
            _replace_target(entry, [])
            entry.status = Status.REJECTED
        return self._decide(Action.REJECT, apply)

    def edit(self, target: str) -> Entry:
        """Approve the current source with what the reviewer typed: one rendering, or several
        apart by ` / ` as review shows a list (see `renderings`)."""
        targets = renderings(target)
        if not targets:
            raise UsageError("the new target is empty; nothing changed")

        def apply(entry: Entry) -> None:
            _replace_target(entry, targets)
            entry.status = Status.APPROVED

        return self._decide(Action.EDIT, apply)

    def pick(self, number: int) -> Entry:
        """Approve the current source with its alternative number `number` (1-based)."""
        entry = self._require_current()
        if not 1 <= number <= len(entry.alternatives):
            raise UsageError(f"no alternative {number}; this entry has {len(entry.alternatives)}")
        chosen = entry.alternatives[number - 1]

        def apply(entry: Entry) -> None:
            _replace_target(entry, [chosen.target], score=chosen.score)
            entry.status = Status.APPROVED

        return self._decide(Action.PICK, apply)

    def note(self, text: str) -> Entry:
        """Write a note on the current candidate (a question for the client, a source to check)
        and stay on it: a note decides nothing, and keeps the candidate as written on later
        extracts, as any entry a person worked on. An empty note removes the note."""
        entry = self._require_current()
        before = entry.copy()
        entry.note = text.strip() or None
        try:
            self.save()
        except BaseException:
            entry.note = before.note
            raise
        self.history.append(_Step(self.position, before, Action.NOTE))
        return entry

    def skip(self) -> Entry:
        """Leave the current candidate for later: at the end of the queue, the first time."""
        requeue = not self.second_look
        entry = self._decide(Action.SKIP, lambda entry: None, save=False)
        if requeue:
            self.queue.append(entry)
            self.history[-1].requeued = True
        return entry

    @property
    def back_later(self) -> bool:
        """Whether the last skip put its candidate at the end of the queue."""
        return bool(self.history) and self.history[-1].requeued

    def undo(self) -> Entry | None:
        """Take back the last decision (saved at once); None when there is nothing to undo."""
        if not self.history:
            return None
        step = self.history.pop()
        if step.requeued:  # the steps after it are undone already, so its copy is the last
            self.queue.pop()
        entry = self.queue[step.position]
        for name in _UNDONE_FIELDS:
            setattr(entry, name, copy.deepcopy(getattr(step.before, name)))
        self.position = step.position
        if step.action is not Action.SKIP:
            self.save()
        return entry

    def save(self) -> None:
        """Write the glossary atomically, unless someone else changed the file since we last did."""
        text = dump_glossary(self.glossary)
        try:
            write_atomic(self.path, text, expected=self._written)
        except FileChangedError:
            raise GlossaryFileError("changed by another program during the review; decisions made before "
                                    "this one are saved, run `glossary review` again to continue",
                                    path=self.path) from None
        self._written = text.encode("utf-8")

    # ------------------------------------------------------------ internals

    def _require_current(self) -> Entry:
        entry = self.current
        if entry is None:
            raise UsageError("no candidate left to review")
        return entry

    def _decide(self, action: Action, apply, *, save: bool = True) -> Entry:
        entry = self._require_current()
        before = entry.copy()
        apply(entry)
        try:
            if save:
                refuse_contradictions(self._validation.new_problems(entry), self.path, action.value, entry.source,
                                      error=UsageError)
                self.save()
        except BaseException:
            for name in _UNDONE_FIELDS:
                setattr(entry, name, getattr(before, name))
            raise
        self.history.append(_Step(self.position, before, action))
        self.position += 1
        return entry


def _set_status(entry: Entry, status: Status) -> None:
    entry.status = status


def _refuse_read_only(path: str) -> None:
    """A file without any write permission could save no decision: say so before the first one
    (by the mode bits, as the write itself refuses it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError("is read-only, so review could save no decision; make it writable (chmod u+w) to "
                          "review it", path=path)


def _replace_target(entry: Entry, targets: list[str], *, score: float | None = None) -> None:
    """Make `targets` the renderings; those they replace become alternatives, so nothing is lost."""
    if entry.target == targets:
        return
    alternatives = [alternative for alternative in entry.alternatives if alternative.target not in targets]
    for old in entry.target:
        if old not in targets and all(alternative.target != old for alternative in alternatives):
            alternatives.insert(0, Alternative(old, entry.score))
    entry.target = list(targets)
    entry.alternatives = alternatives
    if score is not None:
        entry.score = score


# ---------------------------------------------------------------- non-interactive decisions

@dataclass
class BulkResult:
    approved: list[Entry]
    skipped: list[tuple[Entry, str]]  # candidate and why it could not be approved
    worked_on: list[tuple[Entry, str]] = field(default_factory=list)  # candidate a person held back, and how


@dataclass(frozen=True)
class Decision:
    """What `decide` did: the entry decided; whether it is a new entry for a term no entry wrote
    so; and then the entry that is the same term to check and validate, written otherwise (`Wi-Fi`
    beside a new `Wi Fi`), which a person will want to spell alike."""

    entry: Entry
    added: bool
    written_otherwise: Entry | None = None
    was: Status | None = None  # the status the decision replaced (of the list a rendering was taken from)
    changed: bool = True  # False: the entry said so already, and the glossary is as it was
    rest: Entry | None = None  # the entry a rejected rendering was taken from, holding the others
    replaced: tuple[str, ...] = ()  # the renderings of a decided entry a changed decision replaced
    taken_back: tuple[str, ...] = ()  # rejections an approval with --replace took back ("" : every rendering)


def decide(glossary: Glossary, source: str, status: Status, *, target: str | None = None,
           replace: bool = False, all_renderings: bool = False, path: str = "<glossary>") -> Decision:
    """Approve or reject the entry for `source` (creating it when approving with a target).
    With `replace`, `target` becomes the only rendering of the entry, approved or rejected as it
    may be: a changed decision (the team now writes 暴发 for `outbreak`, not 爆发). Rejecting with
    `all_renderings` rejects the term itself: its renderings move to the alternatives, and a
    rejected entry without a target is one extract proposes in no rendering again.

    `source` finds the entries written so, else the one entry check reads as the same term
    (`entries_of_term`: `Wi Fi` finds `Wi-Fi`, `smart grid` finds `smart grids`). Refuses, with
    a message saying how to fix it, when the source matches several entries or when the decision
    would leave the glossary with a problem check refuses (see `validate`).
    """
    if not source.strip():
        raise UsageError("the term is empty; give the English source of an entry", path=path)
    written_so, written_otherwise = _entries_of(glossary, source, path)
    matches = written_so if written_otherwise is None else [written_otherwise]
    entry = _select(matches, source, None if replace else target, path, whole_term=replace or all_renderings)
    if (target is not None and status is Status.APPROVED and not replace
            and (entry is None or entry.status is Status.REJECTED and entry.target)):
        # another rendering of an approved term, or one rejected beside it: changed, or allowed too?
        _refuse_second_rendering(matches, source, target, path)
    taken_back: tuple[str, ...] = ()
    if replace and target is not None and entry is not None and status is Status.APPROVED:
        # before indexing, whose places a removed entry would shift; nothing is written if refused
        taken_back = _take_back_rejections(glossary, [other for other in matches if other is not entry], [target])
    validation = ValidationIndex(glossary, path)  # before the decision: what the glossary had is not its doing
    if entry is None and all_renderings:
        entry = Entry(source=source, status=status)
        glossary.terms.append(entry)
        decision = Decision(entry, added=not written_so, written_otherwise=written_otherwise)
    elif entry is None:
        if target is None:
            _refuse_a_rendering_named_as_term(glossary, source, status, path)
            rejecting = status is Status.REJECTED
            how = "give --target to record a rejected rendering" if rejecting else "give --target to add it"
            similar = near_terms(glossary, source)
            if similar:  # a case-sensitive entry (`Advanced Options`) asked for in other case, or a typo
                raise UsageError(f'no entry "{source}" in the glossary; did you mean "{similar[0]}"? '
                                 f"(or {how}{'' if rejecting else ' as written'})", path=path)
            raise UsageError(f'no entry "{source}" in the glossary; {how}', path=path)
        entry = Entry(source=source, target=[target], status=status)
        glossary.terms.append(entry)
        decision = Decision(entry, added=not written_so, written_otherwise=written_otherwise)
    elif (status is Status.REJECTED and entry.status is not Status.REJECTED and target in entry.target
          and len(entry.target) > 1):
        # One rendering of a list is wrong: it leaves the list for an entry of its own, and the
        # others stay as they were: approved (rejecting the whole entry would stop check enforcing
        # them), or candidates still to review.
        entry.target = [rendering for rendering in entry.target if rendering != target]
        decision = Decision(Entry(source=entry.source, target=[target], status=status), added=False,
                            was=entry.status, rest=entry)
        glossary.terms.append(decision.entry)
    else:
        before_decision = entry.copy()
        # A candidate takes the named rendering as its only target (the others become
        # alternatives), as picking it in `review` does; a reviewed entry holding it keeps its list.
        if all_renderings:
            _replace_target(entry, [])
        elif target is not None and (target not in entry.target or entry.status is Status.CANDIDATE or replace):
            _replace_target(entry, [target])
        elif (status is Status.APPROVED and not entry.keep_source
              and not any(rendering.strip() for rendering in entry.target)):
            where = f" (line {entry.line})" if entry.line else ""
            raise UsageError(f'"{entry.source}"{where} has no target to approve; give --target, or set '
                             "keep_source: true to keep it in English", path=path)
        entry.status = status
        if status is Status.APPROVED and before_decision.status is Status.REJECTED and not before_decision.target:
            taken_back += ("",)  # the term was rejected in every rendering: this approval takes that back
        replaced = () if before_decision.status is Status.CANDIDATE or status is not Status.APPROVED else tuple(
            rendering for rendering in before_decision.target if rendering not in entry.target)
        decision = Decision(entry, added=False, was=before_decision.status,
                            changed=entry != before_decision or bool(taken_back), replaced=replaced,
                            taken_back=taken_back)
    changed = [decision.entry] + ([decision.rest] if decision.rest is not None else [])
    refuse_contradictions(validation.new_problems(*changed), path, status.value, source)
    return decision


def _refuse_a_rendering_named_as_term(glossary: Glossary, source: str, status: Status, path: str) -> None:
    """A Chinese rendering typed where the English term goes (`approve 车网互动`, as a team
    translating from Chinese thinks of its terms): name the entries it renders."""
    rendering = source.strip()
    entries = [entry for entry in glossary.terms if rendering in entry.target]
    if not entries:
        return
    named = ", ".join(f'"{entry.source}"' + (f" (line {entry.line})" if entry.line else "") for entry in entries[:3])
    command = "approve" if status is Status.APPROVED else "reject"
    raise UsageError(f'no entry "{rendering}": it is the Chinese rendering of {named}; an entry is named by its '
                     f'English term (glossary {command} {shlex.quote(path)} "{entries[0].source}")', path=path)


def _take_back_rejections(glossary: Glossary, others: list[Entry], approved: list[str]) -> tuple[str, ...]:
    """An approval with --replace is the term's decision now: a rejection of the rendering it
    approves (an entry `reject --target` split off), or of the term in every rendering, would
    contradict it, so it is taken back; rejections of other renderings stay on record. Returns
    the renderings whose rejection was taken back ("" for every rendering)."""
    taken: list[str] = []
    for other in others:
        if other.status is not Status.REJECTED:
            continue
        kept = [rendering for rendering in other.target if rendering not in approved]
        if other.target and kept == other.target:
            continue
        taken += [rendering for rendering in other.target if rendering not in kept] or [""]
        if kept:
            other.target = kept
        else:
            glossary.terms.remove(other)
    return tuple(taken)


def _refuse_second_rendering(matches: list[Entry], source: str, target: str, path: str) -> None:
    """Approving another rendering of an approved term would add a second entry that validate
    refuses: say what the person can mean instead, a changed rendering or a second one."""
    approved = [entry for entry in matches if entry.status is Status.APPROVED]
    if len(approved) == 1:
        entry = approved[0]
        where = f" (line {entry.line})" if entry.line else ""
        shown = " / ".join(f'"{rendering}"' for rendering in entry.target)
        raise UsageError(f'"{entry.source}" is approved as {shown}{where}; to change its rendering, approve again with '
                         f"--replace (the old one is kept among the alternatives; add it under forbidden to have "
                         f'check name it), or to allow both, add "{target}" to the target list', path=path)


def near_terms(glossary: Glossary, source: str) -> list[str]:
    """Sources of the glossary a term may be a misspelling of, closest first: the same letters in
    another case (`Advanced Options` for a case-sensitive entry), else a near spelling
    (`frontier technolgy`)."""
    sources = sorted({entry.source for entry in glossary.terms})
    same_case = [other for other in sources if other.casefold() == source.casefold() and other != source]
    if same_case:
        return same_case
    folded = {other.casefold(): other for other in sources}
    return [folded[near] for near in difflib.get_close_matches(source.casefold(), list(folded), n=3, cutoff=0.85)]


def refuse_contradictions(new_problems: list[Problem], path: str, decision: str, source: str, *,
                          error: type[Exception] = GlossaryFileError) -> None:
    """Stop a decision that gives the glossary a problem it did not have (ValidationIndex.new_problems):
    the file must stay one that `check` accepts."""
    if new_problems:
        verb = {"approved": "approving", "rejected": "rejecting"}.get(decision, "approving")
        raise error(f"{verb} \"{source}\" would leave the glossary with {problems_shown(new_problems)}; "
                    "nothing written", path=path)


def problems_shown(new_problems: list[Problem]) -> str:
    """`a problem check refuses: line 5: target "例如，中国" is one rendering…`: what a decision
    would give the glossary, as approve, approve --approve-all and review's card say it."""
    return ("a problem check refuses: "
            + "; ".join(f"line {problem.line}: {problem.message}" if problem.line > 1 else problem.message
                        for problem in new_problems))  # an entry a decision adds has no line yet (1)


def entries_of_term(glossary: Glossary, source: str) -> list[Entry]:
    """Entries check finds where the text says `source`, by validate's rule (same_term): hyphen or
    space, singular or plural, and case unless the entry's own spelling says its case matters
    (`v2g` is no spelling of `V2G`); and as check reads a hyphenated word, spelled closed too
    (`wifi` and `WiFi` find `Wi-Fi`, `e-mail` finds `email`). An open spelling is no closed one:
    `setup` does not find `set up`."""
    spelled_cased = has_inner_capital(source)  # AIDS as typed is an acronym whatever the entry aid says
    typed = [(term_forms(spelling), {cased: Entry(source=spelling, case_sensitive=cased) for cased in (False, True)})
             for spelling in _spellings(source)]
    return [entry for entry in glossary.terms
            if any(_meets(forms, typed_as[entry.is_case_sensitive() or spelled_cased], entry)
                   for forms, typed_as in typed)]


def _spellings(term: str) -> list[str]:
    """The term as written and, for a hyphenated word, spelled closed (`Wi-Fi`, `WiFi`)."""
    closed = closed_compound(term)
    return [term, closed] if closed else [term]


def _meets(forms: frozenset[str], typed: Entry, entry: Entry) -> bool:
    """Whether the typed spelling is the entry's term, under the entry's source or its closed
    spelling, which keeps the case rule of the source (`WiFi` of a `Wi-Fi` that ignores case)."""
    for spelling in _spellings(entry.source):
        spelled = entry if spelling == entry.source else Entry(source=spelling,
                                                               case_sensitive=entry.is_case_sensitive())
        if not forms.isdisjoint(term_forms(spelling)) and same_term(typed, spelled):
            return True
    return False


def _entries_of(glossary: Glossary, source: str, path: str) -> tuple[list[Entry], Entry | None]:
    """The entries a decision on `source` is about: those written so (as Glossary.find reads
    case), else the one entry that is the term under another spelling (`Wi-Fi` for `Wi Fi`),
    returned second. Several such are refused, named: which one is meant is the person's call."""
    written_so = glossary.find(source)
    if written_so:
        return written_so, None
    otherwise = entries_of_term(glossary, source)
    if len(otherwise) > 1:
        shown = " and ".join(_named(entry) for entry in otherwise)
        raise UsageError(f'"{source}" is written otherwise in the glossary, as {len(otherwise)} entries check reads '
                         f"as that term: {shown}; give the term as the one you mean writes it", path=path)
    return [], otherwise[0] if otherwise else None


def _named(entry: Entry) -> str:
    """`"Wi-Fi" (rejected, line 6)`"""
    return f'"{entry.source}" ({entry.status.value}{f", line {entry.line}" if entry.line else ""})'


def _select(matches: list[Entry], source: str, target: str | None, path: str, *, whole_term: bool = False
            ) -> Entry | None:
    """The entry a decision on `source` changes. `whole_term` (--replace, --all-renderings): a
    decision on the term itself, which goes to its one entry not rejected where `reject --target`
    split a rendering off into a rejected entry of its own."""
    if target is not None:  # a person's decision is never rewritten to another rendering: a new entry is,
        # except for a term rejected in every rendering, which a rendering approved takes back
        matches = [entry for entry in matches if target in entry.target or entry.status is Status.CANDIDATE
                   or (entry.status is Status.REJECTED and not entry.target)]
    if whole_term and len(matches) > 1:
        standing = [entry for entry in matches if entry.status is not Status.REJECTED]
        matches = standing if len(standing) == 1 else matches
    if len(matches) > 1:  # `cache` beside `Cache` (case-sensitive, or one rejected): the one spelled as typed
        exact = [entry for entry in matches if entry.source == source]
        matches = exact if len(exact) == 1 else matches
    if target is not None and len(matches) > 1:
        matches = [entry for entry in matches if target in entry.target] or matches
    if len(matches) > 1:
        candidates = [entry for entry in matches if entry.status is Status.CANDIDATE]
        matches = candidates if len(candidates) == 1 else matches
    if len(matches) > 1:
        lines = ", ".join(str(entry.line) for entry in matches if entry.line) or "several places"
        raise UsageError(f'"{source}" matches {len(matches)} entries (lines {lines}); give --target to choose one',
                         path=path)
    return matches[0] if matches else None


def approve_all(glossary: Glossary, *, min_score: float | None = None, include_worked_on: bool = False,
                path: str = "<glossary>") -> BulkResult:
    """Approve every candidate scoring at least `min_score` that can be approved without a conflict,
    and without a problem validate refuses that a single `approve` of it would refuse (a Chinese
    comma in its target, say): those stay candidates, named with the problem.

    A candidate a person worked on (a note, a comment, a target typed over the proposal, one extract
    never proposed: update.worked_on, which extract keeps as written) is left as it is, with what
    shows the work, unless `include_worked_on`: a note such as "ask the client first" holds a
    term back, and a bulk approval would make check enforce it."""
    result = BulkResult([], [])
    eligible = [entry for entry in glossary.terms if entry.status is Status.CANDIDATE
                and (min_score is None or (entry.score is not None and entry.score >= min_score))]
    group_of = {id(entry): group for group in term_groups([*glossary.approved(), *eligible]) for entry in group}
    validation: ValidationIndex | None = None  # built at the first approval (seconds for a large glossary)
    for entry in sorted(eligible, key=review_order):  # same_term, validate's rule, decides within a group
        others = [other for other in group_of[id(entry)] if other is not entry and same_term(entry, other)]
        held_back = None if include_worked_on else _held_back(entry)
        if held_back is not None:
            result.worked_on.append((entry, held_back))
        elif not entry.target and not entry.keep_source:
            result.skipped.append((entry, "it has no target"))
        elif any(other.status is Status.APPROVED and other not in result.approved for other in others):
            approved = [other for other in others if other.status is Status.APPROVED and other not in result.approved]
            result.skipped.append((entry, f"this source is already approved ({_lines_of(approved)})"))
        elif others:
            result.skipped.append((entry, f"several candidates share this source ({_lines_of(others)}); "
                                          "review them one by one"))
        else:
            if validation is None:
                validation = ValidationIndex(glossary, path)
            entry.status = Status.APPROVED
            problems = validation.new_problems(entry)  # what `approve TERM` refuses (decide)
            if problems:
                entry.status = Status.CANDIDATE
                result.skipped.append((entry, "approving it would leave the glossary with "
                                              + problems_shown(problems)))
            else:
                result.approved.append(entry)
    return result


def _lines_of(entries: list[Entry]) -> str:
    """`"COVID19" at line 29661`: the other entries a candidate shares its term with, three at most."""
    shown = ", ".join(f'"{entry.source}" at line {entry.position()[0]}' for entry in entries[:3])
    return shown + (f" and {len(entries) - 3:,} more" if len(entries) > 3 else "")


def _held_back(entry: Entry) -> str | None:
    """What shows a person worked on a candidate (`a note, "ask the client"`), or None."""
    if not worked_on(entry):
        return None
    if entry.note is not None:
        return f'a note, "{_first_line(entry.note)}"'
    comments = comments_of(entry)
    if comments:
        return f'a comment, "{_first_line(comments[0])}"'
    added = [key for key in ("forbidden", "source_variants", "source_forbidden", "case_sensitive", "keep_source")
             if getattr(entry, key) not in (None, False, [])] + list(entry.extra)
    if added:
        return f"{', '.join(added)} set by hand"
    if entry.checksum is not None or entry.evidence:
        return "a target not as extract proposed it"
    return "not proposed by extract (imported or written by hand)"


def _first_line(text: str) -> str:
    lines = text.strip().splitlines() or [""]
    return lines[0] + (" …" if len(lines) > 1 else "")


def save_glossary(glossary: Glossary, path: str, *, expected: bytes | None | object = ANY_CONTENT) -> None:
    """Write atomically after checking the text reads back as the same glossary; `expected`, the
    file's bytes when the glossary was read (atomic.content_now), makes the write refuse a file
    changed since then rather than drop that change."""
    text = dump_glossary(glossary)
    again, problems = parse_glossary(text, path)
    if problems or again != glossary:  # a bug in the writer must never reach the disk
        raise GlossaryFileError("internal error: the glossary would not read back the same; nothing written",
                                path=path)
    write_atomic(path, text, expected=expected)
