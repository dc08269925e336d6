"""Pairing inside one segment pair: score every (English span, Chinese span) by the evidence
that one translates the other, then link them one-to-one, best first (competitive linking,
Melamed 2000), so a Chinese span taken by a better pair is not reused.

Evidence per pair:
- lexicon: share of English content words whose dictionary/learned translation lies inside the
  Chinese span, and share of the span's characters those translations cover (an F1 of the two);
- quote: both sides are quoted spans, matched in order when the counts agree;
- parenthesis: `Power-to-Gas (P2G)` <-> `电转气(P2G)`, `LNG [liquefied natural gas]` <-> `LNG(液化天然气)`;
- identical: the same Latin string on both sides (LNG <-> LNG).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import MORPHEME_STRENGTH, Lexicon, Match, segment_pinyin, stands_alone, stem
from .candidates import CLASSIFIERS, LABEL_MAX_WORDS, heading_number_end
from .lists import ListItem, parallel_items
from .models import Span, Token
from .script import HAN, has_han
from .stopwords import CHINESE_CONNECTORS, is_english_stopword, is_shouted


@dataclass(slots=True)  # not frozen, for speed: see models.Token
class Link:
    """One English span linked to one Chinese span in one segment pair."""

    source: Span
    target: Span
    score: float
    lexical: float
    signals: frozenset[str]
    nested: bool = False  # inside a longer link of the same segment (a fragment of a bigger term)
    matched: float = 0  # English content words with translation evidence inside the Chinese span (weak: half)
    distortion: int = 0  # how far apart the two spans sit, in eighths of their segments' lengths
    head_final: bool = False  # the English head noun's translation ends the Chinese span, as Chinese puts heads last


@dataclass(frozen=True)
class SegmentEvidence:
    """What the pairing of one segment needs besides its spans."""

    source_text: str
    target_text: str
    source_tokens: tuple[Token, ...]


_OPEN = "([（"
_CLOSE = {"(": ")", "[": "]", "（": "）"}
_MIN_LINK_SCORE = 0.25
_TARGETS_PER_SPAN = 3
_NEAREST_TARGETS = 60
# Relative positions are compared in eighths of a segment: quarters could not tell apart two 建筑
# a dozen characters apart, so `construction` took the one of 循环建筑 (circular construction).
_PLACES = 8
_VERB_INITIAL_FACTOR = 0.85  # 推进光伏 loses to 光伏发电 when the dictionary explains both alike


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
    """The Latin token right before an opening bracket at `start - 1`: `LNG` in `LNG(液化天然气)`."""
    index = start - 1
    if index < 1 or text[index] not in _OPEN:
        return None
    before = text[:index].rstrip()
    found = re.search(r"([A-Za-z][A-Za-z0-9-]*)$", before)
    return found.group(1) if found else None


def _has_bracket(text: str) -> bool:
    """Whether an opening bracket occurs in the text: without one, `_bracket_after` and
    `_bracket_before` find nothing anywhere in it."""
    return any(bracket in text for bracket in _OPEN)


def _quote_order(spans: list[Span]) -> dict[tuple[int, int], int]:
    quoted = [span for span in spans if span.quoted]
    return {(span.start, span.end): index for index, span in enumerate(quoted)}


class SegmentAligner:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def link(self, evidence: SegmentEvidence, english: list[Span], chinese: list[Span]) -> list[Link]:
        chosen = _competitive_linking(self._ordered_links(evidence, english, chinese))
        return chosen + acronym_links(chosen, english, evidence.source_text)

    def score_pairs(self, evidence: SegmentEvidence, english: list[Span], chinese: list[Span]) -> list[Link]:
        return [link for _, link in self._ordered_links(evidence, english, chinese)]

    def _ordered_links(self, evidence: SegmentEvidence, english: list[Span], chinese: list[Span]
                       ) -> list[tuple[tuple, Link]]:
        """The scored links, each with its key in linking order (`_linking_order`), computed
        once with the link rather than again while sorting."""
        source, target, tokens = evidence.source_text, evidence.target_text, evidence.source_tokens
        word_matches, piece_words = self._word_matches(tokens, target)
        # Character sets are bit masks over the target: bit c stands for character c.
        countable = _countable_mask(target)
        target_sizes = [((((1 << (zspan.end - zspan.start)) - 1) << zspan.start) & countable).bit_count()
                        for zspan in chinese]

        english_quotes, chinese_quotes = _quote_order(english), _quote_order(chinese)
        quotes_aligned = len(english_quotes) == len(chinese_quotes) and english_quotes
        if _has_bracket(source):
            english_paren = {(s.start, s.end): _bracket_after(source, s.end) for s in english}
            english_after = {(s.start, s.end): _bracket_before(source, s.start) for s in english}
        else:  # most segments: no bracket, so none after or before a span
            english_paren = english_after = dict.fromkeys([(s.start, s.end) for s in english])
        if _has_bracket(target):
            chinese_paren = [_bracket_after(target, z.end) for z in chinese]
            chinese_after = [_bracket_before(target, z.start) for z in chinese]
        else:
            chinese_paren = chinese_after = [None] * len(chinese)

        # Only Chinese spans that hold a translation of one of the words, or that an anchor
        # (quote, parenthesis, identical text) could tie to the English span, can be linked.
        anchored = {index for index, zspan in enumerate(chinese)
                    if zspan.quoted or chinese_paren[index] or chinese_after[index]}
        # A short string translated as a whole (a UI label, a heading): the English span and the
        # Chinese span that each cover their whole text, punctuation aside, are anchored together.
        whole_source, whole_target = _core(source), _core(target)
        whole_chinese = next((index for index, zspan in enumerate(chinese)
                              if (zspan.start, zspan.end) == whole_target), None)
        if whole_chinese is None and target[whole_target[0]:whole_target[0] + 1] in CLASSIFIERS:
            # the label after the classifier of a number left out (`个文件夹`: candidates.counts_a_noun)
            whole_chinese = next((index for index, zspan in enumerate(chinese)
                                  if (zspan.start, zspan.end) == (whole_target[0] + 1, whole_target[1])), None)
        by_text: dict[str, list[int]] = {}
        for index, zspan in enumerate(chinese):
            by_text.setdefault(zspan.text, []).append(index)
        pieces = _PieceEvidence(word_matches, piece_words, chinese)
        # The characters some English word's translation covers, anywhere in the segment.
        translated = 0
        for by_piece in word_matches.values():
            for matches in by_piece.values():
                for match in matches:
                    translated |= ((1 << (match.end - match.start)) - 1) << match.start
        listed = _listed(source, target, tokens, word_matches, chinese) if "、" in target else []
        latin_only = [not has_han(zspan.text) for zspan in chinese]
        # the Chinese spans that can be a Latin name with a noun after it (`PIN码`: see _named_kind)
        naming = [zspan.text[-1:] in _NAMING_SUFFIXES for zspan in chinese]
        next_of = _next_of(tokens)

        # Each piece's evidence and, for pieces whose translations sit in several places of the
        # segment (研究院, 研究所 and 所长 for `institute`), the mask of each place: a span holding
        # two of them holds no one of them.
        evidence_of = {key: pieces.evidence(key) for key in pieces.matches}
        places_of = {key: masks for key in pieces.matches if len(masks := pieces.place_masks(key)) > 1}

        links = []
        for span in english:
            content = [key for i in range(span.first_token, span.last_token) for key in word_matches.get(i, ())]
            if not content:
                continue
            covering = [evidence_of[key] for key in content]
            several = ({position: places_of[key] for position, key in enumerate(content) if key in places_of}
                       if places_of else {})
            learned_alone = None  # made when a target first asks (many spans have none worth scoring)
            head = covering[_head(content, min(next_of[span.first_token], span.last_token))][0]
            reachable = anchored | set(by_text.get(span.text, ()))
            whole = (whole_chinese is not None and (span.start, span.end) == whole_source
                     and len(span.text.split()) <= LABEL_MAX_WORDS)
            if whole:
                reachable.add(whole_chinese)
            in_list: dict[int, bool] = {}  # Chinese span index -> whether both items are exact
            for english_item, indices, exact in listed:
                # English may name an item's head the Chinese leaves out (`storage solutions` <-> 储能):
                # any span inside the item, exact only when it is the whole item.
                if english_item.start <= span.start and span.end <= english_item.end:
                    exact = exact and (span.start, span.end) == (english_item.start, english_item.end)
                    in_list.update((index, exact or in_list.get(index, False)) for index in indices)
            reachable.update(in_list)
            may_anchor = set(reachable)
            # Chinese span index -> the English words with a translation inside it (weak ones half)
            matched_at: dict[int, float] = {}
            for by_span, weak in covering:
                credit = _WEAK_CREDIT if weak else 1
                for index in by_span:
                    matched_at[index] = matched_at.get(index, 0) + credit
            reachable.update(matched_at)
            middle = (span.start + span.end) / (2 * max(1, len(source)))
            if len(reachable) > _NEAREST_TARGETS:  # long segments: the spans nearest in relative position
                reachable = set(sorted(reachable, key=lambda index: (
                    abs((chinese[index].start + chinese[index].end) / (2 * max(1, len(target))) - middle), index))
                    [:_NEAREST_TARGETS])
            options: list[tuple] = []
            key = (span.start, span.end)
            words = len(content)
            span_text, span_quoted, span_bracketed = span.text, span.quoted, span.bracketed
            several_words = " " in span_text
            neighbours = (span.first_token - 1, span.last_token)
            for index in sorted(reachable):
                total = target_sizes[index]
                if total == 0 or (2 * matched_at.get(index, 0) < words and index not in may_anchor):
                    continue  # explains under half the words, and no anchor can tie it: never linked
                zspan = chinese[index]
                matched_words, covered, weakly_covered, shared = 0, 0, 0, False
                for by_span, weak in covering:
                    inside = by_span.get(index)
                    if inside:
                        if weak:
                            matched_words += _WEAK_CREDIT
                            weakly_covered |= inside
                        else:
                            matched_words += 1
                            shared = shared or bool(covered & inside)
                            covered |= inside
                if learned_alone is None and not shared:
                    learned_alone = pieces.learned_alone(content)
                if shared or index in learned_alone:  # one word may owe its place to the corpus alone
                    matched_words -= pieces.echoes(content, zspan, neighbours)
                if several:
                    for position, masks in several.items():
                        inside = covering[position][0].get(index)
                        if inside and inside not in masks:
                            # a word's translation found twice in the span (技术研究院碳中和技术)
                            covered, weakly_covered = pieces.once_per_word(content, zspan)
                            break
                explained = (covered & countable).bit_count() + _WEAK_CREDIT * (
                    weakly_covered & ~covered & countable).bit_count()
                named = naming[index] and _named_kind(span_text, zspan.text) and not translated >> (zspan.end - 1) & 1
                if named:
                    explained += 1  # `PIN码`: the 码 says what a PIN is, as no English word does
                lexical = lexical_score(words, matched_words, total, explained)
                if zspan.verb_initial:
                    lexical *= _VERB_INITIAL_FACTOR
                signals = ["lexicon"] if matched_words else []
                score = lexical
                anchor = 0.0  # the largest _ANCHOR_BONUS of the signals, as _priority takes it
                if named or latin_only[index] and (
                        span_text == zspan.text
                        or span_text.casefold() == zspan.text.casefold() and stands_alone(target, zspan.start, zspan.end)):
                    signals.append("identical")
                    score = max(score, 0.9)
                    anchor = max(anchor, _ANCHOR_BONUS["identical"])
                if span_quoted and zspan.quoted:
                    signals.append("quote")
                    in_order = quotes_aligned and english_quotes.get(key) == chinese_quotes.get((zspan.start, zspan.end))
                    # Quoted on both sides and in the same order, or with translated words in common.
                    score = max(score, (0.6 if in_order else 0.5 if lexical > 0 else 0.3) + 0.4 * lexical)
                    anchor = max(anchor, _ANCHOR_BONUS["quote"])
                if (chinese_paren[index] or span_bracketed) and _parenthesis(  # rarely either: skip the call
                        span, zspan, english_paren[key], chinese_paren[index], english_after[key], chinese_after[index]):
                    signals.append("parenthesis")
                    score = max(score, 0.6 + 0.4 * lexical)
                    anchor = max(anchor, _ANCHOR_BONUS["parenthesis"])
                if index in in_list and (lexical > 0 or in_list[index]):
                    signals.append("list")
                    score = max(score, (0.5 if in_list[index] else 0.4) + 0.4 * lexical)
                    anchor = max(anchor, _ANCHOR_BONUS["list"])
                if whole and index == whole_chinese:
                    signals.append("segment")
                    score = max(score, 0.6 + 0.4 * lexical)
                    anchor = max(anchor, _ANCHOR_BONUS["segment"])
                anchored_here = len(signals) > (1 if matched_words else 0)  # a signal besides the lexicon
                if several_words and latin_only[index] and not anchored_here:
                    continue  # `Cron Expression` -> `Cron`, `SARS-CoV-2 RNA` -> `SARS-CoV-2`: a word kept, the rest lost
                if score >= _MIN_LINK_SCORE and (2 * matched_words >= words or anchored_here):
                    head_later = not named and not head.get(index, 0) >> (zspan.end - 1) & 1
                    extra_words = matched_words - 1  # _priority's sum, with its min(3, max(0, ...)) as comparisons
                    priority = score + anchor + _PHRASE_BONUS * (0 if extra_words < 0 else 3 if extra_words > 3
                                                                 else extra_words)
                    options.append(((-priority, -score, head_later, zspan.start, -zspan.end), zspan, lexical,
                                    signals, matched_words))
            # Only a span's best few targets can win competitive linking; keeping the rest makes a
            # long repetitive segment quadratic.
            options.sort(key=_first)
            for order, zspan, lexical, signals, matched in options[:_TARGETS_PER_SPAN]:
                distortion = int(abs((zspan.start + zspan.end) / (2 * len(target)) - middle) * _PLACES)
                priority, score, head_later = order[0], -order[1], order[2]
                links.append(((priority, order[1], head_later, distortion, span.start, zspan.start, -zspan.end,
                               span.end),
                              Link(span, zspan, score, lexical, frozenset(signals), matched=matched,
                                   distortion=distortion, head_final=not head_later)))
        return links

    def _word_matches(self, tokens: tuple[Token, ...], target: str
                      ) -> tuple[dict[int, dict[tuple[int, int], list[Match]]], dict[tuple[int, int], str]]:
        """Token index -> {(token, piece): matches}: `Power-to-Gas` is two content words; and
        each (token, piece)'s word, lowercased."""
        found: dict[int, dict[tuple[int, int], list[Match]]] = {}
        words: dict[tuple[int, int], str] = {}
        substrings = self.lexicon.occurrences(target)
        shouted = is_shouted(token.text for token in tokens)
        context = frozenset(word_stem for token in tokens for word_stem in _piece_stems(token.text))
        # The target's pinyin, which only capitalised words look up (names: 龙岗 <-> Longgang), made
        # when one first does, not for every segment
        pinyin: list[str] | None = None
        spells_names = has_han(target)
        # A segment repeats its words: each token's and each piece's matches are looked up once
        # (lists only read from here on, so repeats share them).
        token_matches: dict[str, list[list[Match]]] = {}
        for index, token in enumerate(tokens):
            pieces = _content_pieces(token.text, shouted)
            if pieces is None:
                continue
            by_piece = found[index] = {}
            looked_up = token_matches.get(token.text)
            if looked_up is None:
                looked_up = token_matches[token.text] = []
                whole = self.lexicon.identical(token.text, target)
                for piece in pieces:
                    if pinyin is None and spells_names and _may_be_spelled(piece):
                        pinyin = segment_pinyin(target)
                    looked_up.append(whole + self._kept_piece(piece, pieces, target)
                                     + self.lexicon.matches(piece, target, pinyin, substrings, context))
            for number, matches in enumerate(looked_up):
                by_piece[(index, number)] = matches
            words.update(((index, number), piece.lower()) for number, piece in enumerate(pieces))
        return found, words


    def _kept_piece(self, piece: str, pieces: list[str], target: str) -> list[Match]:
        """A piece of a compound the Chinese keeps as a word of its own: the Qi of `Qi-certified`
        in Qi 认证充电器."""
        if len(pieces) < 2 or len(piece) < 2:
            return []
        return [match for match in self.lexicon.identical(piece, target) if stands_alone(target, match.start, match.end)]


_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


# Segments repeat their words: what a token's text says of its pieces is worked out once per text.
@lru_cache(maxsize=200_000)
def _content_pieces(text: str, shouted: bool) -> tuple[str, ...] | None:
    """The pieces of a token looked up one by one (`Power`, `Gas` of `Power-to-Gas`; the token
    itself when no piece is a content word), or None for a token that is no content word."""
    if not any(c.isalnum() for c in text) or is_english_stopword(text, shouted):
        return None
    return tuple([piece for piece in word_pieces(text)
                  if any(c.isalpha() for c in piece) and not is_english_stopword(piece, shouted)] or [text])


def _may_be_spelled(word: str) -> bool:
    """Whether `Lexicon.matches` looks for the word's pinyin (its condition, word for word)."""
    return word[:1].isupper() and word.isalpha() and len(word) >= 2


@lru_cache(maxsize=200_000)
def _piece_stems(text: str) -> tuple[str, ...]:
    """The stems of a token's alphabetic pieces: the segment's context for `Lexicon.matches`."""
    return tuple(stem(piece.lower()) for piece in word_pieces(text) if piece.isalpha())


def word_pieces(word: str) -> list[str]:
    """The words inside a compound token: `Power-to-Gas` and the camel-case `MountPoint`
    (Mount, Point) of UI strings and identifiers; `iPhone` and `OAuth` stay whole."""
    return [piece for part in word.split("-") for piece in _CAMEL_HUMP.split(part)]


class _PieceEvidence:
    """Per English word piece, computed once per segment and shared by every span holding it:
    the Chinese spans that contain one of its translations, with the characters those cover."""

    def __init__(self, word_matches: dict[int, dict[tuple[int, int], list[Match]]], words: dict[tuple[int, int], str],
                 chinese: list[Span]) -> None:
        self.matches = {key: found for by_piece in word_matches.values() for key, found in by_piece.items()}
        self.words = words
        self.chinese = [(zspan.start, zspan.end) for zspan in chinese]
        # candidates.chinese_spans gives the spans in text order: those starting at or before a
        # place are then a prefix of them, found by bisection
        starts = [start for start, _ in self.chinese]
        self._starts = starts if all(starts[index] <= starts[index + 1] for index in range(len(starts) - 1)) else None
        self._longest = max((end - start for start, end in self.chinese), default=0)
        self._evidence: dict[tuple[int, int], tuple[dict[int, int], bool]] = {}
        self._containing: dict[tuple[int, int], list[int]] = {}
        self._places: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._place_masks: dict[tuple[int, int], frozenset[int]] = {}
        self._strong: dict[tuple[int, int], tuple[list[tuple[int, int]], ...]] = {}
        self._strong_masks: dict[tuple[int, int], tuple[list[tuple[int, int, int]], ...]] = {}
        self._learned_alone: dict[tuple[int, int], frozenset[int]] = {}
        self._keys_at: dict[int, list[tuple[int, int]]] = {}  # token index -> its pieces' keys
        self._strong_of: tuple[list | None, list] = (None, [])  # the last words `echoes` met, and their places
        self._held_in: dict[tuple, tuple[int, int, int]] = {}  # (word key, target start, end) -> its places inside
        for key in self.matches:
            self._keys_at.setdefault(key[0], []).append(key)

    def evidence(self, key: tuple[int, int]) -> tuple[dict[int, int], bool]:
        """Chinese span index -> mask of the piece's translated characters inside it; and whether
        the piece has only morpheme evidence (风电 for wind power), which counts half."""
        found = self._evidence.get(key)
        if found is None:
            matches = self.matches[key]
            found = self._evidence[key] = (
                self._covered(matches), bool(matches) and all(match.strength == MORPHEME_STRENGTH for match in matches))
        return found

    def places(self, key: tuple[int, int]) -> list[tuple[int, int]]:
        """Where the piece's translations sit in the segment: (start, end) of each."""
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = _places(self.matches[key])
        return found

    def place_masks(self, key: tuple[int, int]) -> frozenset[int]:
        """The mask of each place, or nothing for a piece with one match (the common case)."""
        found = self._place_masks.get(key)
        if found is None:
            found = self._place_masks[key] = (frozenset(_mask([place]) for place in self.places(key))
                                              if len(self.matches[key]) > 1 else frozenset())
        return found

    def once_per_word(self, content: list[tuple[int, int]], zspan: Span) -> tuple[int, int]:
        """Characters of `zspan` explained (strongly, weakly) when each English word explains one
        place of it per time it occurs: `Technology` one 技术 of 技术研究院碳中和技术, `institute` 研究所
        or 所长 of 研究所所长, never both, while `Carbon ... Carbon` explain both 碳 of 碳达峰碳中和. The
        places no other word explains come first (the 检测 of 实验室检测 for `testing`, whose 实验
        `laboratory` explains), then the longest, then the first."""
        inside: dict[str, list] = {}  # word -> [places inside zspan, weak, occurrences]
        for key in content:
            places = [(start, end) for start, end in self.places(key) if zspan.start <= start and end <= zspan.end]
            if places:
                found = inside.setdefault(self.words[key], [places, self.evidence(key)[1], 0])
                found[2] += 1
        masks = {word: _mask(places) for word, (places, _, _) in inside.items()}
        covered, weakly_covered = 0, 0
        taken = 0  # the places earlier words chose: a later word takes another where it has one
        for word, (places, weak, occurrences) in inside.items():
            others = 0
            for other, mask in masks.items():
                if other != word:
                    others |= mask
            chosen = 0
            ranked = sorted(((bool(mask & taken), -(mask & ~others).bit_count(), start - end, start, mask)
                             for start, end, mask in [(start, end, ((1 << (end - start)) - 1) << start)
                                                      for start, end in places]))
            for *_, place in ranked:
                if occurrences == 0:
                    break
                if not place & chosen:
                    chosen |= place
                    occurrences -= 1
            taken |= chosen
            if weak:
                weakly_covered |= chosen
            else:
                covered |= chosen
        return covered, weakly_covered

    def echoes(self, content: list[tuple[int, int]], zspan: Span, neighbours: tuple[int, int]) -> int:
        """How many words of a span owe their place inside `zspan` to an echo: a translation
        learned from the corpus that sits where another word's translation does, while the
        dictionary places the word itself elsewhere in the segment. Two words that always come
        together (`charging case`, `load balancer`) each learn the other's Chinese, and
        `charging case` -> 充电 would explain both words with one, though 盒 (`case`) follows it.
        Half of the learned place on another word's is enough: `detection`, always said after
        `in-ear`, learns 入耳, whose 耳 is `ear`'s, while the dictionary places it at 检测.
        A word the dictionary places nowhere keeps what it learned (`face` of `face mask` -> 口罩),
        unless what it learned also stands beside the span: `charging`, no dictionary word, learned
        充电 and 盒 from `charging case`, and its 盒 inside 盒 is case's while its 充电 is next door."""
        first, last = zspan.start, zspan.end

        def inside(places: list[tuple[int, int, int]]) -> int:
            found = 0
            for start, end, mask in places:
                if first <= start and end <= last:
                    found |= mask
            return found

        if content is not self._strong_of[0]:  # a span asks for each of its targets: its words' places once
            self._strong_of = (content, [self._strong_place_masks(key) for key in content])
        strong = self._strong_of[1]
        held_in = self._held_in
        held = []
        for key, (dictionary, characters, learned) in zip(content, strong):
            found = held_in.get((key, first, last))
            if found is None:  # the spans sharing a word ask of the same targets
                found = held_in[(key, first, last)] = (inside(dictionary), inside(characters), inside(learned))
            held.append(found)
        masks = [dictionary | characters | learned for dictionary, characters, learned in held]
        outside = None  # made when first needed, as most words are no echo
        echoes = 0
        for position, (dictionary, characters, learned) in enumerate(strong):
            in_dictionary, character, in_learned = held[position]
            if in_dictionary or not masks[position]:
                continue
            # ...or, for a word the dictionary places nowhere, what it learned stands right beside the span
            # (not anywhere: a word of a small corpus learns unrelated Chinese as well)
            elsewhere = (any(not (first <= start and end <= last) for start, end, _ in dictionary)
                         or any(not (first <= start and end <= last) for start, end, _ in characters)
                         or not dictionary and not characters
                         and any(end == first or last == start for start, end, _ in learned))
            if not elsewhere:
                continue
            # One character of the word's translation inside another word's counts where the word
            # modifies that word, which absorbs it (`air bubble` -> 气泡), or where the corpus taught
            # the character too (州 of `State of California` -> 加利福尼亚州); not by chance (学 of
            # `study` inside 学校 of `study of school closure`).
            modifies_next = position + 1 < len(content) and content[position + 1][0] - content[position][0] <= 1
            if character and (modifies_next or character & in_learned):
                continue
            if outside is None:
                # The English words right before and after the span (token indices `neighbours`) echo too:
                # in `Surgical face masks` the span `Surgical face` -> 外科口罩 holds the 口罩 of `masks`.
                outside = 0
                for neighbour in neighbours:
                    for key in self._keys_at.get(neighbour, ()):
                        outside |= inside(self._strong_place_masks(key)[0])
            others = outside
            for other, mask in enumerate(masks):
                if other != position:
                    others |= mask
            if 2 * (masks[position] & others).bit_count() >= masks[position].bit_count():
                echoes += 1
        return echoes

    def learned_alone(self, content: list[tuple[int, int]]) -> set[int]:
        """The Chinese spans (indices) inside which some word of the span is placed only by what
        the corpus taught it: the one case where a word outside the span can show it an echo
        (see `echoes`)."""
        found: set[int] = set()
        for key in content:
            alone = self._learned_alone.get(key)
            if alone is None:
                dictionary, characters, learned = self._strong_places(key)
                alone = self._learned_alone[key] = frozenset(
                    index for place in learned for index in self._containing_spans(place)).difference(
                    index for place in dictionary + characters for index in self._containing_spans(place)
                ) if learned else frozenset()
            found |= alone
        return found

    def _strong_places(self, key: tuple[int, int]
                       ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
        """(start, end) of a piece's translations found in full: by the dictionary (and identical
        text, pinyin), as one dictionary character (学 of `study`, which is also part of 学校), and
        those learned from the corpus."""
        found = self._strong.get(key)
        if found is None:
            matches = self.matches[key]
            found = self._strong[key] = (
                [(match.start, match.end) for match in matches if not match.piece and match.strength == 1.0],
                [(match.start, match.end) for match in matches if not match.piece and match.strength < 1.0],
                [(match.start, match.end) for match in matches if match.piece and match.strength == 1.0])
        return found

    def _strong_place_masks(self, key: tuple[int, int]) -> tuple[list[tuple[int, int, int]], ...]:
        """`_strong_places`, each place with its mask: (start, end, mask)."""
        found = self._strong_masks.get(key)
        if found is None:
            found = self._strong_masks[key] = tuple([(start, end, ((1 << (end - start)) - 1) << start)
                                                     for start, end in places] for places in self._strong_places(key))
        return found

    def _covered(self, matches: list[Match]) -> dict[int, int]:
        found: dict[int, int] = {}
        for match in matches:
            start, end = match.start, match.end
            mask = ((1 << (end - start)) - 1) << start
            for index in self._containing_spans((start, end)):
                found[index] = found.get(index, 0) | mask
        return found

    def _containing_spans(self, place: tuple[int, int]) -> list[int]:
        """The indices of the Chinese spans that hold the characters `place` (start, end)."""
        containing = self._containing.get(place)
        if containing is None:
            start, end = place
            chinese = self.chinese
            if self._starts is None:
                first, starting = 0, len(chinese)
            else:  # a span starting before end - longest ends before the place does
                first, starting = bisect_left(self._starts, end - self._longest), bisect_right(self._starts, start)
            containing = self._containing[place] = [
                index for index in range(first, starting) if chinese[index][0] <= start and end <= chinese[index][1]]
        return containing


def _listed(source: str, target: str, tokens: tuple[Token, ...],
            word_matches: dict[int, dict[tuple[int, int], list[Match]]], chinese: list[Span]
            ) -> list[tuple[ListItem, list[int], bool]]:
    """Parallel enumerations (败血症、凝血异常和器官损伤): each English item with the indices of
    the Chinese spans that can be its Chinese item, and whether both items are whole."""
    def explains(english: ListItem, chinese_item: ListItem) -> bool:
        """Whether a translation of a word of the English item lies inside the Chinese item."""
        return any(chinese_item.start <= match.start and match.end <= chinese_item.end
                   for index, token in enumerate(tokens) if english.start <= token.start and token.end <= english.end
                   for matches in word_matches.get(index, {}).values() for match in matches)

    return [(english, [index for index, zspan in enumerate(chinese) if chinese_item.holds(zspan.start, zspan.end)],
             english.exact and chinese_item.exact)
            for english, chinese_item in parallel_items(source, target, explains)]


def _head(content: list[tuple[int, int]], of: int) -> int:
    """Which of a span's content words is its head noun: the last one, or the last before its
    first `of` (token index `of`): `Institute` of `Institute of Carbon Neutrality Technology`."""
    for position in range(len(content) - 1, 0, -1):
        if content[position][0] < of:
            return position
    return 0


def _next_of(tokens: tuple[Token, ...]) -> list[int]:
    """For each token index, the index of the first `of` at or after it (or the token count)."""
    found = [len(tokens)] * (len(tokens) + 1)
    for index in range(len(tokens) - 1, -1, -1):
        found[index] = index if tokens[index].text.lower() == "of" else found[index + 1]
    return found


def _places(matches: list[Match]) -> list[tuple[int, int]]:
    """The (start, end) of a word's matches that lie inside no other: 能源, not its 能. Pieces of
    a translation (morphemes, learned jieba tokens) join their neighbouring pieces: 病毒 for
    `viral`, 储存池 (储存 + 池) for `backend`; dictionary words do not (研究所 and 所长 of 研究所所长
    are two places)."""
    places: list[tuple[int, int]] = []
    joins = False  # whether the last place is a piece
    for match in sorted(matches, key=_start_then_longest):
        start, end = match.start, match.end
        if places and start <= places[-1][1] and match.piece and joins:
            places[-1] = (places[-1][0], max(end, places[-1][1]))
            continue
        for first, last in places:
            if first <= start and end <= last:
                break  # inside a place already
        else:
            places.append((start, end))
            joins = match.piece
    return places


def _start_then_longest(match: Match) -> tuple[int, int]:
    return match.start, -match.end


def _mask(places) -> int:
    mask = 0
    for start, end in places:
        mask |= ((1 << (end - start)) - 1) << start
    return mask


# Unexplained words on one side and unexplained characters on the other may translate each other
# (`transition` <-> `转型` when the dictionary knows neither): half credit, when their sizes fit.
_UNEXPLAINED_CREDIT = 0.4
_WEAK_CREDIT = 0.5  # a word placed only by a morpheme of its translations
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


_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def _core(text: str) -> tuple[int, int]:
    """Where a text starts and ends once a section number, leading and trailing spaces and
    punctuation are dropped: `Save As...` and `另存为…` are the labels `Save As` and `另存为`,
    `4.3 Earthing` and `4.3 接地` the labels `Earthing` and `接地`."""
    start, end = heading_number_end(text), len(text)
    for edge in _EDGE_PUNCTUATION.finditer(text, start):
        if edge.start() == 0:
            start = edge.end()
        else:
            end = edge.start()
    return start, max(start, end)


# Nouns Chinese writes after a Latin name to say what it names: PIN码, CVV码, ATM机, SIM卡.
_NAMING_SUFFIXES = frozenset("码卡键机版号值币")


def _named_kind(english: str, chinese: str) -> bool:
    """Whether the Chinese is the English Latin word kept as it is, then a noun saying what it
    names (`PIN` -> `PIN码`). The caller checks that no English word of the segment explains it."""
    return (len(chinese) == len(english) + 1 and chinese[-1] in _NAMING_SUFFIXES
            and chinese[:-1] == english and english.isascii())


def _countable(char: str) -> int:
    if HAN.match(char):
        return 0 if char in CHINESE_CONNECTORS else 1
    return 1 if char.isalnum() else 0


_COUNTABLE_DIGITS: dict[str, str] = {}  # character -> "1" when _countable, else "0"; texts repeat their characters


def _countable_mask(text: str) -> int:
    """The text's countable characters as a bit mask: bit c for character c."""
    known = _COUNTABLE_DIGITS
    digits = []
    for char in reversed(text):
        digit = known.get(char)
        if digit is None:
            digit = known[char] = "1" if _countable(char) else "0"
        digits.append(digit)
    return int("".join(digits), 2) if digits else 0


def acronym_links(chosen: list[Link], english: list[Span], source_text: str) -> list[Link]:
    """`Power-to-Gas (P2G)` linked to 电转气 also links P2G to 电转气: the English
    parenthesis says the acronym and the name are one term."""
    acronyms = {(span.text, span.start): span for span in english if span.bracketed}
    derived = []
    for link in chosen:
        if link.nested:  # `gas (LNG)` is the tail of the name, not the name
            continue
        inside = _bracket_after(source_text, link.source.end)
        if not inside or " " in inside or link.source.text == inside or not _abbreviates(inside, link.source.text):
            continue
        start = source_text.find(inside, link.source.end)
        acronym = acronyms.get((inside, start))
        if acronym is not None and not any(other.source == acronym and other.target == link.target for other in chosen):
            derived.append(Link(acronym, link.target, link.score * 0.9, link.lexical, frozenset({"parenthesis"}),
                                nested=False, matched=link.matched))
    return derived


def _abbreviates(short: str, term: str) -> bool:
    """Whether the letters of `short` appear in order in `term`, the first one starting it: P2G in
    Power-to-Gas, LNG in liquefied natural gas, but not Json in `Custom Mount Option (Json)`, nor
    COVID-19 in `named coronavirus disease`, of which it abbreviates only a part (the first-letter
    rule of Schwartz and Hearst's abbreviation finder)."""
    wanted = [letter for letter in short.lower() if letter.isalpha()]
    first = next((char for char in term.lower() if char.isalpha()), None)
    if not wanted or first != wanted[0]:
        return False
    letters = iter(term.lower())
    return all(letter in letters for letter in wanted)


_PHRASE_BONUS = 0.05  # per extra English word, up to three: whole terms are linked before their parts
# Anchors outrank lexical coverage when linking: in `X (P2G)` <-> `Z(P2G)` the parenthesis fixes the span Z
# even where the dictionary explains a shorter span perfectly and Z only in part.
_ANCHOR_BONUS = {"parenthesis": 0.3, "quote": 0.1, "identical": 0.35, "segment": 0.2, "list": 0.3}


def _priority(score: float, signals, matched: int) -> float:
    anchor = max([_ANCHOR_BONUS.get(signal, 0.0) for signal in signals], default=0.0)
    return score + anchor + _PHRASE_BONUS * min(3, max(0, matched - 1))


def _linking_order(link: Link) -> tuple:
    # Equal evidence: the pair nearer in relative position first (of two `wind`s, the one whose
    # place in the sentence matches 风电's).
    return (-_priority(link.score, link.signals, link.matched), -link.score, not link.head_final, link.distortion,
            link.source.start,
            link.target.start, -link.target.end, link.source.end)


def competitive_linking(scored: list[Link]) -> list[Link]:
    """Best links first; a later link may not overlap a chosen one on either side unless one nests
    properly inside the other on both sides (`solar`/`太阳能` inside `solar cell`/`太阳能电池`).
    Links inside a longer chosen link are marked nested: fragments of a bigger term."""
    return _competitive_linking([(_linking_order(link), link) for link in scored])


def _first(item: tuple):
    return item[0]


def _competitive_linking(ordered: list[tuple[tuple, Link]]) -> list[Link]:
    """`competitive_linking` of links given with their keys in linking order."""
    chosen: list[tuple[Link, tuple[int, int, int, int]]] = []
    top_level: list[tuple[int, int, int, int]] = []  # sub-phrase pairs inside one term may overlap each other, not other terms
    ordered.sort(key=_first)
    for _, link in ordered:
        bounds = first, last, target_first, target_last = (link.source.start, link.source.end, link.target.start,
                                                           link.target.end)
        inside_a_term, free = False, True
        # _nests_in and _overlaps, inlined: a segment has many pairs, and each meets every term chosen
        for other_first, other_last, other_target_first, other_target_last in top_level:
            if (other_first <= first and last <= other_last and other_target_first <= target_first
                    and target_last <= other_target_last and (first != other_first or last != other_last)
                    and (target_first != other_target_first or target_last != other_target_last)):
                inside_a_term = True
            elif (((first < other_last and other_first < last) or (target_first < other_target_last
                                                                    and other_target_first < target_last))
                  and not (first <= other_first and other_last <= last and target_first <= other_target_first
                           and other_target_last <= target_last and (other_first != first or other_last != last)
                           and (other_target_first != target_first or other_target_last != target_last))):
                free = False
                break
        if free:
            chosen.append((link, bounds))
            if not inside_a_term:
                top_level.append(bounds)
    linked = []
    for link, (source_start, source_end, target_start, target_end) in chosen:
        nested = False
        for _, (first, last, target_first, target_last) in chosen:  # _nests_in, inlined: a segment has many pairs
            if (first <= source_start and source_end <= last and target_first <= target_start
                    and target_end <= target_last and (source_start != first or source_end != last)
                    and (target_start != target_first or target_end != target_last)):
                nested = True
                break
        linked.append(Link(link.source, link.target, link.score, link.lexical, link.signals, nested=nested,
                           matched=link.matched, distortion=link.distortion, head_final=link.head_final))
    return linked


def _nests_in(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    """Inside on both sides, and not the same span on either: (source start, end, target start, end)."""
    return (outer[0] <= inner[0] and inner[1] <= outer[1] and outer[2] <= inner[2] and inner[3] <= outer[3]
            and (inner[0], inner[1]) != (outer[0], outer[1]) and (inner[2], inner[3]) != (outer[2], outer[3]))


def _overlaps(one: tuple[int, int, int, int], other: tuple[int, int, int, int]) -> bool:
    return (one[0] < other[1] and other[0] < one[1]) or (one[2] < other[3] and other[2] < one[3])
