"""The entries of glossaries a person asks to see (`glossary list`): chosen by status, score and
text, in file order or best first, with how many of each status there are. Several glossaries
(a team's glossaries/*.yaml) are listed as one, each entry with the file it is in.

A reviewer of a 10,000-entry file wants the candidates above a score before approving them in
bulk, every entry that renders a Chinese word, or how much is left to review; reading the YAML
answers none of these."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from .glossary import Entry, Glossary, Status
from .normalize import english_key
from .script import HAN, to_simplified


class ListOrder(str, Enum):
    FILE = "file"  # as the file has them: what an editor shows at the lines listed
    SCORE = "score"  # best first, as review offers them
    SOURCE = "source"  # alphabetical, case aside
    COUNT = "count"  # most frequent in the corpus first


@dataclass(frozen=True)
class EntryQuery:
    """Which entries to list, in what order, how many. Unset fields choose nothing out."""

    statuses: frozenset[Status] = frozenset(Status)
    min_score: float | None = None
    max_score: float | None = None
    # Any of these texts in the source, a variant, a target or a forbidden rendering (see _searched)
    containing: tuple[str, ...] = ()
    order: ListOrder = ListOrder.FILE
    limit: int | None = None


@dataclass(frozen=True)
class Listed:
    """An entry a listing shows, and the glossary file it is in."""

    entry: Entry
    glossary: str


@dataclass(frozen=True)
class Listing:
    entries: list[Listed]  # those shown: the matching entries in order, at most `limit`
    matching: int  # entries the query matches, before the limit
    total: int  # entries in the glossaries
    by_status: dict[Status, int] = field(default_factory=dict)  # the matching entries, per status


def list_entries(glossaries: list[tuple[str, Glossary]], query: EntryQuery) -> Listing:
    """The entries of the named glossaries that the query asks for; in file order, the files in
    the order given."""
    wanted = {form for text in query.containing for form in _searched(text)}
    matching = [Listed(entry, name) for name, glossary in glossaries for entry in glossary.terms
                if entry.status in query.statuses
                and _within(entry.score, query.min_score, query.max_score)
                and (not wanted or any(_holds(text, form) for text in _texts(entry) for form in wanted))]
    by_status = {status: 0 for status in Status}
    for listed in matching:
        by_status[listed.entry.status] += 1
    if query.order is not ListOrder.FILE:
        key = _sort_key(query.order)
        matching.sort(key=lambda listed: key(listed.entry))
    shown = matching if query.limit is None else matching[:query.limit]
    return Listing(shown, len(matching), sum(len(glossary.terms) for _, glossary in glossaries),
                   by_status)


def _within(score: float | None, lowest: float | None, highest: float | None) -> bool:
    """An entry without a score (added by hand) is left out by either bound: it has none to compare."""
    if lowest is None and highest is None:
        return True
    return score is not None and (lowest is None or score >= lowest) and (highest is None or score <= highest)


def _texts(entry: Entry) -> list[str]:
    return [entry.source, *entry.source_variants, *entry.target, *entry.forbidden, *entry.source_forbidden]


def _searched(text: str) -> set[str]:
    """What a searched text is looked for as: itself, and with its last word singular (`antiviral
    drugs` finds `anti-viral drug`), each squashed as the entries' texts are."""
    return {_squashed(text), _squashed(english_key(text))} - {""}


def _squashed(text: str) -> str:
    """A text compared as check reads a term: full-width letters as ASCII and case aside (`ＡＰＩ`
    finds `API`), Traditional characters as Simplified (`電網` finds `电网`), and hyphens and spaces
    left out, so a spelling open, hyphenated or closed is one (`lock down`, `lock-down`,
    `lockdown`; `covid19` finds `COVID-19`)."""
    return _SEPARATORS.sub("", _normalized(text))


def _normalized(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold()


def _holds(text: str, searched: str) -> bool:
    """Whether the text holds the squashed search text; one starting with a letter or digit only at
    the start of a word, as people mean a Latin search (`AI` finds `AI chip` and `用AI`, not `email`;
    `net` finds `network`, not `internet`). Chinese has no word edges to keep."""
    if searched not in _squashed(text):
        return False
    if not searched[0].isascii() or not searched[0].isalnum():
        return True
    squashed, starts = _squashed_with_word_starts(text)
    at = squashed.find(searched)
    while at >= 0:
        if at in starts:
            return True
        at = squashed.find(searched, at + 1)
    return False


def _squashed_with_word_starts(text: str) -> tuple[str, frozenset[int]]:
    """`_squashed(text)`, and the places in it where a word of the text starts."""
    kept: list[str] = []
    starts = set()
    after_word = False  # whether the character before is a letter or digit of a Latin (non-Han) word
    for char in _normalized(text):
        if _SEPARATORS.fullmatch(char):
            after_word = False
            continue
        in_word = char.isalnum() and not HAN.match(char)
        if not (after_word and in_word):
            starts.add(len(kept))
        kept.append(char)
        after_word = in_word
    return "".join(kept), frozenset(starts)


_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_·・]+")


def _sort_key(order: ListOrder):
    """Python's sort is stable: entries that tie stay in file order, except best first, which
    orders them as review offers them (review_order: then by count, then by source). review is
    imported here, not at the top: `glossary --help` imports this module."""
    if order is ListOrder.SCORE:
        from .review import review_order

        return review_order
    if order is ListOrder.SOURCE:
        return lambda entry: entry.source.casefold()
    return lambda entry: (entry.count is None, -(entry.count or 0))
