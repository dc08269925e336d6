"""Fold a fresh extraction into an existing glossary without touching what people decided.

Reviewed entries (approved, rejected, or carrying a person's note, forbidden list, variants,
comments…) are kept exactly as written. Candidate entries are re-scored in place, dropped when the corpus
no longer supports them, and new candidates are appended best first, so a re-run on the same
corpus changes no byte and a re-run on a grown corpus touches only candidates.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from .glossary import Entry, Glossary, Status
from .glossary_yaml import has_comments
from .models import ScoredPair
from .normalize import chinese_key, closed_compound, english_key, singular
from .scoring import EVIDENCE_WINDOW

Placed = TypeVar("Placed")  # an entry, or what stands for one (its term's key)


def entry_from_pair(pair: ScoredPair) -> Entry:
    return Entry(source=pair.source, target=pair.targets, status=Status.CANDIDATE, score=pair.score,
                 count=pair.count, signals=list(pair.signals), evidence=list(pair.evidence),
                 alternatives=list(pair.alternatives), checksum=proposal_checksum(pair.source, pair.targets))


def _refresh(entry: Entry, pair: ScoredPair) -> None:
    entry.target = pair.targets
    entry.score = pair.score
    entry.count = pair.count
    entry.signals = list(pair.signals)
    entry.evidence = list(pair.evidence)
    entry.alternatives = list(pair.alternatives)
    entry.checksum = proposal_checksum(entry.source, entry.target)


def proposal_checksum(source: str, targets: list[str]) -> str:
    """What extract proposed, as a fingerprint written beside it: any change a person makes to the
    source or the targets (a reordered list, a rendering removed, a span trimmed) no longer matches.
    Eight letters and digits 2-7 (base32), so YAML never reads it as a number."""
    digest = hashlib.sha256("\x1f".join((source, *targets)).encode("utf-8")).digest()
    return base64.b32encode(digest[:5]).decode("ascii").lower()


def rejected_pairs(glossary: Glossary | None) -> set[tuple[str, str]]:
    """(English key, Chinese key) of every rejected rendering, never to be proposed again: the
    term may still come with another (`成会明则` rejected, `成会明` proposed)."""
    if glossary is None:
        return set()
    return {(key, chinese_key(target)) for entry in glossary.terms if entry.status is Status.REJECTED
            for key in _spellings(entry.source) for target in entry.target}


def rejected_terms(glossary: Glossary | None) -> set[str]:
    """English keys of the terms rejected whole, by a rejected entry without a target (`reject
    --all-renderings`), under its source and variants, each spelled closed too: extract proposes
    none of them again in any rendering. A span that is no term (`tract infection`, `severe acute`)
    otherwise comes back under its next-best rendering on every run."""
    if glossary is None:
        return set()
    return {key for entry in glossary.terms if entry.status is Status.REJECTED and not is_rendered(entry)
            for term in (entry.source, *entry.source_variants) for key in _spellings(term)}


def is_rendered(entry: Entry) -> bool:
    return any(target.strip() for target in entry.target)


def known_chinese_terms(glossary: Glossary | None) -> list[str]:
    """Approved renderings, given to jieba so they are never split."""
    if glossary is None:
        return []
    return sorted({target for entry in glossary.approved() for target in entry.target})


def update_glossary(existing: Glossary | None, pairs: Iterable[ScoredPair], generated: dict) -> Glossary:
    pairs = list(pairs)
    if existing is None:
        return Glossary(terms=[entry_from_pair(pair) for pair in pairs], generated=generated)
    by_key: dict[str, ScoredPair] = {}
    for pair in pairs:  # an entry is found under its pair's key or under its written source's key
        for key in _keys(pair, closed=False):
            by_key.setdefault(key, pair)
    settled = decided_terms(existing).keys() | rejected_terms(existing)  # terms extract proposes no longer
    rejected = rejected_pairs(existing)
    # Entries people worked on keep their places; the candidates fill the other places best first,
    # new ones included, so the file reads best-first whatever runs came before.
    layout: list[Entry | None] = []  # None: a place a candidate takes
    candidates: dict[int, Entry] = {}  # rank of its pair -> candidate
    rank_of = {id(pair): rank for rank, pair in enumerate(pairs)}
    for entry in existing.terms:
        key = english_key(entry.source)
        if worked_on(entry):
            layout.append(entry)
            continue
        pair = by_key.get(key)
        if pair is None or rank_of[id(pair)] in candidates or settled.intersection(_keys(pair)):
            continue  # the corpus no longer proposes it, or a person decided on the term
        _refresh(entry, pair)
        candidates[rank_of[id(pair)]] = entry
        layout.append(None)
    for rank, pair in enumerate(pairs):
        keys = _keys(pair)
        if rank in candidates or settled.intersection(keys) or any(
                (key, chinese_key(pair.target)) in rejected for key in keys):
            continue
        candidates[rank] = entry_from_pair(pair)
    existing.terms = fill_places(layout, [candidates[rank] for rank in sorted(candidates)])
    existing.generated = generated
    return existing


def fill_places(layout: list[Placed | None], best_first: Iterable[Placed]) -> list[Placed]:
    """Extract's layout: what `layout` holds (the entries people worked on) keeps its place, the
    candidates fill the other places (None) best first, and those left over follow, best first.
    There are never more places than candidates. Merge lays files out by it too (and checks
    whether a side's order is one it gives), so both read a file's order alike."""
    candidates = iter(best_first)
    return [placed if placed is not None else next(candidates) for placed in layout] + list(candidates)


def decided_terms(glossary: Glossary) -> dict[str, Entry]:
    """English key -> the entry people worked on (rejected ones aside) that holds the term, under
    its source and its variants (`PPE` of `personal protective equipment`), each spelled closed too
    (`email` for `e-mail`), as check reads them all as that term: extract proposes none of them
    again, which would make a second entry for one term."""
    found: dict[str, Entry] = {}
    for entry in glossary.terms:
        if worked_on(entry) and entry.status is not Status.REJECTED:
            for term in (entry.source, *entry.source_variants):
                for key in _spellings(term):
                    found.setdefault(key, entry)
    return found


def decided_entry(decided: dict[str, Entry], pair: ScoredPair) -> Entry | None:
    """The entry of `decided_terms` that holds the pair's term, if any."""
    return next((decided[key] for key in _keys(pair) if key in decided), None)


def _keys(pair: ScoredPair, closed: bool = True) -> list[str]:
    """The keys a pair is known by: the key its occurrences were counted under, and the key of the
    source as written (they differ where case variants were merged: `SALE PRICE`, `sale price`),
    and with `closed`, the key of the source spelled closed."""
    written = _spellings(pair.source) if closed else [english_key(pair.source)]
    return list(dict.fromkeys([*([pair.source_key] if pair.source_key else []), *written]))


def _spellings(term: str) -> list[str]:
    """The keys of a term as written and, for a hyphenated word, spelled closed (`e-mail`, `email`)."""
    closed = closed_compound(term)
    return [english_key(term), *([english_key(closed)] if closed else [])]


def worked_on(entry: Entry) -> bool:
    """Reviewed, or a candidate a person commented on: a comment above it (a section heading, a
    question for the client) or beside a hand-edited target would be lost or left describing
    the tool's value if the entry were dropped or re-scored. Or a candidate that no longer says
    what extract wrote: a target or source typed over the proposal."""
    return entry.is_reviewed() or has_comments(entry) or not as_extracted(entry)


def as_extracted(entry: Entry) -> bool:
    """Whether a candidate still says what extract wrote: its checksum says so. A candidate written
    before extract wrote checksums is read from its evidence. Extract cuts each evidence snippet
    EVIDENCE_WINDOW characters either side of the linked span, so its proposal sits at a known
    place in the snippet: a target trimmed by hand (海风电 to 风电), a source moved to other words
    of the sentence, or a rendering typed over the proposal is no longer there, even where the
    sentence holds it. Extract never writes a rendering as both a target and an alternative, so
    a target among the alternatives was picked by a person. An entry without evidence came from
    somewhere else (a termbase, a colleague)."""
    if entry.checksum is not None:
        return entry.checksum == proposal_checksum(entry.source, entry.target)
    if not entry.evidence:
        return False
    alternatives = {chinese_key(alternative.target) for alternative in entry.alternatives}
    if any(chinese_key(target) in alternatives for target in entry.target):
        return False
    return (all(any(_placed(target, evidence.target, _chinese_at) for evidence in entry.evidence)
                for target in entry.target)
            and any(_placed(entry.source, evidence.source, _english_at) for evidence in entry.evidence))


def _placed(term: str, snippet: str, at: Callable[[str, str, int | None, int | None], bool]) -> bool:
    """Whether `term` is where extract put the linked span in its snippet: EVIDENCE_WINDOW characters
    after an opening `…` and before a closing one. A closing `…` may be the text's own (a UI string
    `New Album…`): then extract added no mark, because the span ends less than EVIDENCE_WINDOW
    characters before the end of the text."""
    left = snippet.startswith("…")
    text = snippet[1:] if left else snippet
    start = EVIDENCE_WINDOW if left else None
    if not text.endswith("…"):
        return at(term, text, start, None)
    body = text[:-1]
    if at(term, body, start, len(body) - EVIDENCE_WINDOW):
        return True
    return at(term, text, start, None) and at(term, text[max(0, len(text) - EVIDENCE_WINDOW - len(term)):], None, None)


def _chinese_at(term: str, text: str, start: int | None, end: int | None) -> bool:
    """The rendering starts at `start` and ends at `end` of the text (where given), and is in it."""
    key = chinese_key(term)
    if start is not None and not chinese_key(text[start:]).startswith(key):
        return False
    if end is not None and not chinese_key(text[:max(0, end)]).endswith(key):
        return False
    return key in chinese_key(text)


def _english_at(term: str, text: str, start: int | None, end: int | None) -> bool:
    """The term's words start at `start` and end at `end` of the text (where given), and are in it,
    in the forms extract writes: a head noun in the singular, a verb without its -s (`define` of
    `The manifest defines`)."""
    wanted = _words(term)
    if not wanted:
        return True
    if start is not None and not _same_words(wanted, _words(text[start:])[:len(wanted)]):
        return False
    if end is not None and not _same_words(wanted, _words(text[:max(0, end)])[-len(wanted):]):
        return False
    seen = _words(text)
    return all(any(_same_word(word, other) for other in seen) for word in wanted)


def _same_words(wanted: list[str], found: list[str]) -> bool:
    return len(found) == len(wanted) and all(map(_same_word, wanted, found))


def _same_word(written: str, in_text: str) -> bool:
    """`policy` for `policies`, `act` for `acts`: the text's word, as extract may have written it."""
    return written == in_text or singular(in_text) == written or in_text.startswith(written) or (
        len(written) > 3 and in_text.startswith(written[:-1]))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


@dataclass(frozen=True)
class CandidateChanges:
    """What a re-run of extract did to the candidates, to say with its summary: the git diff of a
    quarterly re-extract runs to thousands of lines, and a reviewer wants to know what is new."""

    new: int
    dropped: int
    changed: int  # another target, or another score
    unchanged: int

    def __str__(self) -> str:
        return (f"candidates: {self.new:,} new, {self.dropped:,} dropped, {self.changed:,} re-scored or re-rendered, "
                f"{self.unchanged:,} unchanged")


def candidate_proposals(glossary: Glossary | None) -> dict[str, tuple]:
    """English key -> (targets, score) of each candidate extract may rewrite: taken before
    update_glossary, which refreshes those entries in place."""
    if glossary is None:
        return {}
    return {english_key(entry.source): (tuple(entry.target), entry.score)
            for entry in glossary.terms if entry.status is Status.CANDIDATE and not worked_on(entry)}


def candidate_changes(before: dict[str, tuple], after: Glossary) -> CandidateChanges:
    now = candidate_proposals(after)
    kept = before.keys() & now.keys()
    changed = sum(before[key] != now[key] for key in kept)
    return CandidateChanges(len(now.keys() - before.keys()), len(before.keys() - now.keys()), changed,
                            len(kept) - changed)

