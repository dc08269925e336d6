"""Fold a fresh extraction into an existing glossary without touching what people decided.

Reviewed entries (approved, rejected, or carrying a person's note, forbidden list, variants,
comments…) are kept exactly as written. Candidate entries are re-scored in place, dropped when the corpus
no longer supports them, and new candidates are appended best first, so a re-run on the same
corpus changes no byte and a re-run on a grown corpus touches only candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .glossary import Entry, Glossary, Status
from .glossary_yaml import has_comments
from .models import ScoredPair
from .normalize import chinese_key, english_key, singular


def entry_from_pair(pair: ScoredPair) -> Entry:
    return Entry(source=pair.source, target=pair.targets, status=Status.CANDIDATE, score=pair.score,
                 count=pair.count, signals=list(pair.signals), evidence=list(pair.evidence),
                 alternatives=list(pair.alternatives))


def _refresh(entry: Entry, pair: ScoredPair) -> None:
    entry.target = pair.targets
    entry.score = pair.score
    entry.count = pair.count
    entry.signals = list(pair.signals)
    entry.evidence = list(pair.evidence)
    entry.alternatives = list(pair.alternatives)


def rejected_pairs(glossary: Glossary | None) -> set[tuple[str, str]]:
    """(English key, Chinese key) of every rejected rendering, never to be proposed again."""
    if glossary is None:
        return set()
    return {(english_key(entry.source), chinese_key(target))
            for entry in glossary.terms if entry.status is Status.REJECTED for target in entry.target}


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
        for key in _keys(pair):
            by_key.setdefault(key, pair)
    decided = {english_key(entry.source) for entry in existing.terms
               if worked_on(entry) and entry.status is not Status.REJECTED}
    rejected = rejected_pairs(existing)
    kept: list[Entry] = []
    placed: set[int] = set()  # ids of the pairs already written
    for entry in existing.terms:
        key = english_key(entry.source)
        if worked_on(entry):
            kept.append(entry)
            continue
        pair = by_key.get(key)
        if pair is None or id(pair) in placed or decided.intersection(_keys(pair)):
            continue  # the corpus no longer proposes it
        _refresh(entry, pair)
        kept.append(entry)
        placed.add(id(pair))
    for pair in pairs:
        keys = _keys(pair)
        if id(pair) in placed or decided.intersection(keys) or any(
                (key, chinese_key(pair.target)) in rejected for key in keys):
            continue
        kept.append(entry_from_pair(pair))
        placed.add(id(pair))
    existing.terms = kept
    existing.generated = generated
    return existing


def _keys(pair: ScoredPair) -> tuple[str, ...]:
    """The keys a pair is known by: the key its occurrences were counted under, and the key of the
    source as written (they differ where case variants were merged: `SALE PRICE`, `sale price`)."""
    written = english_key(pair.source)
    return (pair.source_key, written) if pair.source_key and pair.source_key != written else (written,)


def worked_on(entry: Entry) -> bool:
    """Reviewed, or a candidate a person commented on: a comment above it (a section heading, a
    question for the client) or beside a hand-edited target would be lost or left describing
    the tool's value if the entry were dropped or re-scored. Or a candidate that no longer says
    what extract wrote: a target or source typed over the proposal."""
    return entry.is_reviewed() or has_comments(entry) or not _as_extracted(entry)


def _as_extracted(entry: Entry) -> bool:
    """Whether a candidate's source and targets are ones its own evidence shows, as extract writes
    them: each target inside one of its evidence's Chinese snippets, each word of its source in
    one of the English ones. A target typed over the proposal, a second
    target added to the list or a renamed source is no longer there; an entry without evidence
    came from somewhere else (a termbase, a colleague)."""
    if not entry.evidence:
        return False
    snippets = [chinese_key(evidence.target) for evidence in entry.evidence]
    if not all(any(key in snippet for snippet in snippets) for key in map(chinese_key, entry.target)):
        return False
    seen = {singular(word) for evidence in entry.evidence for word in _words(evidence.source)}
    return all(singular(word) in seen for word in _words(entry.source))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())
