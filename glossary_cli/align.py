"""Pairing inside one segment pair: score every (English span, Chinese span) by the evidence
that one translates the other, then link them one-to-one, best first (competitive linking,
Melamed 2000), so a Chinese span taken by a better pair is not reused.

Evidence per pair:
- lexicon: share of English content words whose dictionary/learned translation lies inside the
  Chinese span, and share of the span's characters those translations cover (an F1 of the two);
- quote: both sides are quoted spans, matched in order when the counts agree;
- parenthesis: `Vehicle-to-Grid (V2G)` <-> `车网互动(V2G)`, `CCUS [carbon capture…]` <-> `CCUS(二氧化碳捕集…)`;
- identical: the same Latin string on both sides (CCUS <-> CCUS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, Match, segment_pinyin, substring_positions
from .models import Span, Token
from .script import HAN, has_han
from .stopwords import CHINESE_CONNECTORS, is_english_stopword


@dataclass(frozen=True)
class Link:
    """One English span linked to one Chinese span in one segment pair."""

    source: Span
    target: Span
    score: float
    lexical: float
    signals: frozenset[str]
    nested: bool = False  # inside a longer link of the same segment (a fragment of a bigger term)
    matched: int = 0  # English content words with translation evidence inside the Chinese span


@dataclass(frozen=True)
class SegmentEvidence:
    """What the pairing of one segment needs besides its spans."""

    source_text: str
    target_text: str
    source_tokens: tuple[Token, ...]


_OPEN = "([（"
_CLOSE = {"(": ")", "[": "]", "（": "）"}
_MIN_LINK_SCORE = 0.25
_TARGETS_PER_SPAN = 4
_NEAREST_TARGETS = 60
_VERB_INITIAL_FACTOR = 0.85  # 推进智能 loses to 智能电网 when the dictionary explains both alike


def _bracket_after(text: str, end: int) -> str | None:
    """The content of a bracket that follows position `end` (after optional spaces)."""
    index = end
    while index < len(text) and text[index] == " ":
        index += 1
    if index >= len(text) or text[index] not in _OPEN:
        return None
    close = text.find(_CLOSE[text[index]], index + 1)
    if close < 0 or close - index > 80:
        return None
    return text[index + 1:close].strip()


def _bracket_before(text: str, start: int) -> str | None:
    """The Latin token right before an opening bracket at `start - 1`: `CCUS` in `CCUS(二氧化碳…)`."""
    index = start - 1
    if index < 1 or text[index] not in _OPEN:
        return None
    before = text[:index].rstrip()
    found = re.search(r"([A-Za-z][A-Za-z0-9-]*)$", before)
    return found.group(1) if found else None


def _quote_order(spans: list[Span]) -> dict[tuple[int, int], int]:
    quoted = [span for span in spans if span.quoted]
    return {(span.start, span.end): index for index, span in enumerate(quoted)}


class SegmentAligner:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def link(self, evidence: SegmentEvidence, english: list[Span], chinese: list[Span]) -> list[Link]:
        scored = self.score_pairs(evidence, english, chinese)
        chosen = competitive_linking(scored)
        return chosen + acronym_links(chosen, english, evidence.source_text)

    def score_pairs(self, evidence: SegmentEvidence, english: list[Span], chinese: list[Span]) -> list[Link]:
        source, target, tokens = evidence.source_text, evidence.target_text, evidence.source_tokens
        pinyin = segment_pinyin(target) if has_han(target) else None
        word_matches = self._word_matches(tokens, target, pinyin)
        countable = [_countable(ch) for ch in target]
        prefix = [0]
        for flag in countable:
            prefix.append(prefix[-1] + flag)

        english_quotes, chinese_quotes = _quote_order(english), _quote_order(chinese)
        quotes_aligned = len(english_quotes) == len(chinese_quotes) and english_quotes
        english_paren = {(s.start, s.end): _bracket_after(source, s.end) for s in english}
        chinese_paren = {(z.start, z.end): _bracket_after(target, z.end) for z in chinese}
        english_after = {(s.start, s.end): _bracket_before(source, s.start) for s in english}
        chinese_after = {(z.start, z.end): _bracket_before(target, z.start) for z in chinese}

        # Only Chinese spans that hold a translation of one of the words, or that an anchor
        # (quote, parenthesis, identical text) could tie to the English span, can be linked.
        containing: dict[tuple[int, int], list[int]] = {}
        anchored = [index for index, zspan in enumerate(chinese)
                    if zspan.quoted or chinese_paren[(zspan.start, zspan.end)] or chinese_after[(zspan.start, zspan.end)]]
        by_text: dict[str, list[int]] = {}
        for index, zspan in enumerate(chinese):
            by_text.setdefault(zspan.text, []).append(index)

        links = []
        for span in english:
            content = [key for i in range(span.first_token, span.last_token) for key in word_matches.get(i, ())]
            if not content:
                continue
            matches = [(key, m) for i in range(span.first_token, span.last_token)
                       for key, found in word_matches.get(i, {}).items() for m in found]
            reachable = set(anchored) | set(by_text.get(span.text, ()))
            for _, match in matches:
                interval = (match.start, match.end)
                if interval not in containing:
                    containing[interval] = [index for index, zspan in enumerate(chinese)
                                            if zspan.start <= match.start and match.end <= zspan.end]
                reachable.update(containing[interval])
            if len(reachable) > _NEAREST_TARGETS:  # long segments: the spans nearest in relative position
                middle = (span.start + span.end) / (2 * max(1, len(source)))
                reachable = set(sorted(reachable, key=lambda index: (
                    abs((chinese[index].start + chinese[index].end) / (2 * max(1, len(target))) - middle), index))
                    [:_NEAREST_TARGETS])
            options: list[Link] = []
            for zspan in (chinese[index] for index in sorted(reachable)):
                total = prefix[zspan.end] - prefix[zspan.start]
                if total == 0:
                    continue
                signals = set()
                matched_words = set()
                covered = set()
                for i, match in matches:
                    if zspan.start <= match.start and match.end <= zspan.end:
                        matched_words.add(i)
                        covered.update(range(match.start, match.end))
                lexical = lexical_score(len(content), len(matched_words), total,
                                        sum(countable[c] for c in covered))
                if zspan.verb_initial:
                    lexical *= _VERB_INITIAL_FACTOR
                source_share = len(matched_words) / len(content)
                if matched_words:
                    signals.add("lexicon")
                score = lexical
                if span.text == zspan.text and not has_han(zspan.text):
                    signals.add("identical")
                    score = max(score, 0.9)
                key, zkey = (span.start, span.end), (zspan.start, zspan.end)
                if span.quoted and zspan.quoted:
                    signals.add("quote")
                    in_order = quotes_aligned and english_quotes.get(key) == chinese_quotes.get(zkey)
                    # Quoted on both sides and in the same order, or with translated words in common.
                    score = max(score, (0.6 if in_order else 0.5 if lexical > 0 else 0.3) + 0.4 * lexical)
                paren = _parenthesis(span, zspan, english_paren[key], chinese_paren[zkey],
                                     english_after[key], chinese_after[zkey])
                if paren:
                    signals.add("parenthesis")
                    score = max(score, 0.6 + 0.4 * lexical)
                if score >= _MIN_LINK_SCORE and (source_share >= 0.5 or signals - {"lexicon"}):
                    options.append(Link(span, zspan, score, lexical, frozenset(signals), matched=len(matched_words)))
            # Only a span's best few targets can win competitive linking; keeping the rest makes a
            # long repetitive segment quadratic.
            options.sort(key=_linking_order)
            links += options[:_TARGETS_PER_SPAN]
        return links

    def _word_matches(self, tokens: tuple[Token, ...], target: str,
                      pinyin: list[str] | None) -> dict[int, dict[tuple[int, int], list[Match]]]:
        """Token index -> {(token, piece): matches}: `Vehicle-to-Grid` is two content words."""
        found: dict[int, dict[tuple[int, int], list[Match]]] = {}
        substrings = substring_positions(target)
        for index, token in enumerate(tokens):
            if not any(c.isalnum() for c in token.text) or is_english_stopword(token.text):
                continue
            whole = self.lexicon.identical(token.text, target)
            pieces = [piece for piece in token.text.split("-")
                      if any(c.isalpha() for c in piece) and not is_english_stopword(piece)] or [token.text]
            found[index] = {(index, number): whole + self.lexicon.matches(piece, target, pinyin, substrings)
                            for number, piece in enumerate(pieces)}
        return found


# Unexplained words on one side and unexplained characters on the other may translate each other
# (`transition` <-> `转型` when the dictionary knows neither): half credit, when their sizes fit.
_UNEXPLAINED_CREDIT = 0.4
_CHARS_PER_WORD = (1, 3)


def lexical_score(words: int, matched_words: int, chars: int, covered_chars: int) -> float:
    """F1 of the English words explained and the Chinese characters explained."""
    if matched_words == 0:
        return 0.0
    open_words, open_chars = words - matched_words, chars - covered_chars
    source_explained, target_explained = float(matched_words), float(covered_chars)
    if open_words and open_chars and _CHARS_PER_WORD[0] * open_words <= open_chars <= _CHARS_PER_WORD[1] * open_words:
        source_explained += _UNEXPLAINED_CREDIT * open_words
        target_explained += _UNEXPLAINED_CREDIT * open_chars
    source_share, target_share = source_explained / words, target_explained / chars
    return 2 * source_share * target_share / (source_share + target_share)


def _parenthesis(span: Span, zspan: Span, english_paren: str | None, chinese_paren: str | None,
                 english_after: str | None, chinese_after: str | None) -> bool:
    """`X (T)` <-> `Z(T)`, `T` <-> `Z(T)`, and `T [X]` <-> `T(Z)` with the same Latin T."""
    if english_paren and chinese_paren and english_paren == chinese_paren and not has_han(chinese_paren):
        return True
    if chinese_paren and span.text == chinese_paren:
        return True
    if span.bracketed and zspan.bracketed and english_after and english_after == chinese_after:
        return True
    return False


def _countable(char: str) -> int:
    if HAN.match(char):
        return 0 if char in CHINESE_CONNECTORS else 1
    return 1 if char.isalnum() else 0


def acronym_links(chosen: list[Link], english: list[Span], source_text: str) -> list[Link]:
    """`Vehicle-to-Grid (V2G)` linked to 车网互动 also links V2G to 车网互动: the English
    parenthesis says the acronym and the name are one term."""
    acronyms = {(span.text, span.start): span for span in english if span.bracketed}
    derived = []
    for link in chosen:
        inside = _bracket_after(source_text, link.source.end)
        if not inside or " " in inside or link.source.text == inside:
            continue
        start = source_text.find(inside, link.source.end)
        acronym = acronyms.get((inside, start))
        if acronym is not None and not any(other.source == acronym and other.target == link.target for other in chosen):
            derived.append(Link(acronym, link.target, link.score * 0.9, link.lexical, frozenset({"parenthesis"}),
                                nested=False, matched=link.matched))
    return derived


def _properly_nested(inner: Link, outer: Link) -> bool:
    return (outer.source.contains(inner.source) and outer.target.contains(inner.target)
            and (inner.source.start, inner.source.end) != (outer.source.start, outer.source.end)
            and (inner.target.start, inner.target.end) != (outer.target.start, outer.target.end))


_PHRASE_BONUS = 0.05  # per extra English word, up to three: whole terms are linked before their parts
# Anchors outrank lexical coverage when linking: `车网互动(V2G)` fixes the span even where the
# dictionary explains a shorter one (车网) perfectly.
_ANCHOR_BONUS = {"parenthesis": 0.3, "quote": 0.1, "identical": 0.0}


def _linking_priority(link: Link) -> float:
    anchor = max((_ANCHOR_BONUS.get(signal, 0.0) for signal in link.signals), default=0.0)
    return link.score + anchor + _PHRASE_BONUS * min(3, max(0, link.matched - 1))


def _linking_order(link: Link) -> tuple:
    return (-_linking_priority(link), -link.score, link.source.start, link.target.start, -link.target.end,
            link.source.end)


def competitive_linking(scored: list[Link]) -> list[Link]:
    """Best links first; a later link may not overlap a chosen one on either side unless one nests
    properly inside the other on both sides (`green`/`绿色` inside `green transition`/`绿色转型`).
    Links inside a longer chosen link are marked nested: fragments of a bigger term."""
    order = sorted(scored, key=_linking_order)
    chosen: list[Link] = []
    top_level: list[Link] = []  # sub-phrase pairs inside one term may overlap each other, not other terms
    for link in order:
        inside = [other for other in top_level if _properly_nested(link, other)]
        rivals = top_level if not inside else [other for other in top_level if other not in inside]
        if all(not (link.source.overlaps(other.source) or link.target.overlaps(other.target))
               or _properly_nested(other, link) for other in rivals):
            chosen.append(link)
            if not inside:
                top_level.append(link)
    return [Link(link.source, link.target, link.score, link.lexical, link.signals,
                 nested=any(_properly_nested(link, other) for other in chosen), matched=link.matched)
            for link in chosen]
