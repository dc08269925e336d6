"""A word-level EN<->ZH lexicon learned from the corpus itself (IBM Model 1, both directions).

CC-CEDICT does not know that this corpus renders `resilience` as 韧性 or `retrofit` as 改造; the
aligned segments do. Expectation-maximisation over co-occurring (English word, Chinese token)
pairs, vectorised with numpy, learns t(zh|en) and t(en|zh); pairs likely in both directions
become lexicon entries that the segment aligner uses like dictionary translations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice

import numpy as np

ITERATIONS = 5
MIN_COOCCURRENCE = 3
MIN_PROBABILITY = 0.2  # geometric mean of both directions
MAX_TOKENS_PER_SIDE = 60  # very long segments add noise and quadratic cost
RARE_COOCCURRENCE = 5  # up to this many shared segments, a neighbour's translation may be what was learned
CHUNK_PAIRS = 250_000  # co-occurrences made at once: about 40 MB of temporaries, whatever the corpus size
# Up to this many co-occurrences (the 50,000-pair benchmark corpus has 10M), each one's pair index
# is kept between EM iterations (4 bytes each, 256 MB at most) instead of being searched for again.
KEPT_PAIR_INDICES = 64_000_000
SEGMENT_BATCH = 10_000  # segments whose words are turned into ids at once


class _Segments:
    """Each kept segment's sorted English ids and sorted Chinese ids, flat, and the co-occurrences
    of a range of segments, made from them."""

    def __init__(self, english: Iterable[Sequence[str]], chinese: Iterable[Sequence[str]]) -> None:
        self.english_ids: dict[str, int] = {}
        self.chinese_ids: dict[str, int] = {}
        parts: list[tuple[np.ndarray, ...]] = []
        pairs = zip(english, chinese)
        while batch := list(islice(pairs, SEGMENT_BATCH)):  # read a batch at a time: the words are not all kept
            english_flat, english_counts = _sorted_ids([words[:MAX_TOKENS_PER_SIDE] for words, _ in batch],
                                                       self.english_ids)
            chinese_flat, chinese_counts = _sorted_ids([tokens[:MAX_TOKENS_PER_SIDE] for _, tokens in batch],
                                                       self.chinese_ids)
            kept = (english_counts > 0) & (chinese_counts > 0)
            parts.append((english_flat[np.repeat(kept, english_counts)], english_counts[kept],
                          chinese_flat[np.repeat(kept, chinese_counts)], chinese_counts[kept]))
        columns = list(zip(*parts)) or [()] * 4
        self.english, self.english_counts, self.chinese, self.chinese_counts = (
            np.concatenate([np.zeros(0, dtype=np.int64), *column]) for column in columns)
        self.english_starts = np.concatenate(([0], np.cumsum(self.english_counts)))
        self.chinese_starts = np.concatenate(([0], np.cumsum(self.chinese_counts)))

    def __len__(self) -> int:
        return len(self.english_counts)

    def cooccurrences(self, first: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """The co-occurrences of segments first..stop-1 in corpus order (in a segment, English
        word by English word, each with every Chinese token), as the index of their English
        occurrence and of their Chinese occurrence, both counted from the range's first."""
        english_counts = self.english_counts[first:stop]
        runs = np.repeat(self.chinese_counts[first:stop], english_counts)  # per English occurrence, its Chinese tokens
        english_occurrence = np.repeat(np.arange(len(runs)), runs)
        run_starts = np.cumsum(runs) - runs
        chinese_starts = self.chinese_starts[first:stop] - self.chinese_starts[first]
        chinese_occurrence = np.arange(len(english_occurrence)) + np.repeat(
            np.repeat(chinese_starts, english_counts) - run_starts, runs)
        return english_occurrence, chinese_occurrence

    def keys(self, first: int, stop: int, english_occurrence: np.ndarray, chinese_occurrence: np.ndarray,
             width: int) -> np.ndarray:
        """English id * width + Chinese id of each co-occurrence of segments first..stop-1."""
        return (self.english[self.english_starts[first] + english_occurrence] * width
                + self.chinese[self.chinese_starts[first] + chinese_occurrence])


def _sorted_ids(segments: list[Sequence[str]], ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Each segment's distinct ids, ascending, flat, and how many each segment has; `ids` gains
    the words it did not hold, numbered in the order they first occur."""
    for word in dict.fromkeys(chain.from_iterable(segments)):
        ids.setdefault(word, len(ids))
    lengths = np.fromiter(map(len, segments), dtype=np.int64, count=len(segments))
    flat = np.fromiter(map(ids.__getitem__, chain.from_iterable(segments)), dtype=np.int64, count=int(lengths.sum()))
    width = max(len(ids), 1)
    distinct = _distinct(np.repeat(np.arange(len(segments), dtype=np.int64), lengths) * width + flat)
    return distinct % width, np.bincount(distinct // width, minlength=len(segments))


def learn_lexicon(english: Iterable[Sequence[str]], chinese: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """English word -> {Chinese token: probability} for pairs both directions agree on.

    Segments are kept as flat id arrays and their co-occurrences are made chunk by chunk, so
    memory stays bounded on any corpus; sums are taken in corpus order, so the result does not
    depend on the chunk size."""
    segments = _Segments(english, chinese)
    if not len(segments):
        return {}
    width = len(segments.chinese_ids)
    chunks = _chunks(segments.english_counts * segments.chinese_counts)

    def cooccurrences(with_keys: bool = True) -> Iterator[tuple[np.ndarray | None, np.ndarray, np.ndarray]]:
        """(keys, forward group, backward group) of each chunk, in corpus order; no keys when
        the caller has no use for them. Groups: one per (segment, token) occurrence."""
        for first, stop in chunks:
            english_occurrence, chinese_occurrence = segments.cooccurrences(first, stop)
            keys = segments.keys(first, stop, english_occurrence, chinese_occurrence, width) if with_keys else None
            yield keys, chinese_occurrence, english_occurrence

    unique_keys = np.zeros(0, dtype=np.int64)
    pending: list[np.ndarray] = []  # each chunk's distinct keys, folded in when they outgrow those seen
    for keys, _, _ in cooccurrences():
        pending.append(_distinct(keys))
        if sum(map(len, pending)) > max(len(unique_keys), CHUNK_PAIRS):
            unique_keys = _distinct(np.concatenate([unique_keys, *pending]))
            pending.clear()
    unique_keys = _distinct(np.concatenate([unique_keys, *pending]))
    del pending
    forward, backward, cooccurrence = _ibm1(unique_keys, cooccurrences, unique_keys // width, unique_keys % width)
    strength = np.sqrt(forward * backward)
    keep = (cooccurrence >= MIN_COOCCURRENCE) & (strength >= MIN_PROBABILITY)
    english_words = _inverse(segments.english_ids)
    chinese_tokens = _inverse(segments.chinese_ids)
    lexicon: dict[str, dict[str, float]] = {}
    for key, value in zip(unique_keys[keep].tolist(), strength[keep].tolist()):
        word, token = english_words[key // width], chinese_tokens[key % width]
        lexicon.setdefault(word, {})[token] = round(value, 4)
    # Sorted, not in the order the corpus first showed each word: the same pairs in another order
    # (files named otherwise, a shell's locale sorting them) must link alike.
    return {word: dict(sorted(lexicon[word].items())) for word in sorted(lexicon)}


def without_explained_away(lexicon: dict[str, dict[str, float]], english: Iterable[Sequence[str]],
                           chinese: Iterable[Sequence[str]], translates: Callable[[str, str], bool]
                           ) -> dict[str, dict[str, float]]:
    """The lexicon less what Model 1 learned from a rare word's neighbours (Moore 2004's
    "garbage collectors"): `distraction` and `free` learn 编辑器 from three UI strings that all
    say `distraction-free editor`. A learned translation seen in at most RARE_COOCCURRENCE
    segments goes when, in every one of them, another English word of the segment already
    explains it: `translates` (a dictionary) says so, or the learner is surer of that word."""
    undecided = {word: set(targets) for word, targets in lexicon.items()}  # translations that may yet go
    shared: Counter = Counter()
    for words, tokens in zip(english, chinese):
        present = {word for word in words if word in undecided}
        if not present:
            continue
        token_set, word_set = set(tokens), set(words)
        for word in present:
            targets = undecided[word]
            for token in targets & token_set:
                shared[word, token] += 1
                probability = lexicon[word][token]
                # Kept once seen unexplained or in too many segments: no later segment changes that.
                if shared[word, token] > RARE_COOCCURRENCE or not any(
                        other != word and (lexicon.get(other, {}).get(token, 0.0) > probability
                                           or translates(other, token)) for other in word_set):
                    targets.discard(token)
            if not targets:
                del undecided[word]
    kept: dict[str, dict[str, float]] = {}
    for word, targets in lexicon.items():
        for token, probability in targets.items():
            if not (shared[word, token] and token in undecided.get(word, ())):
                kept.setdefault(word, {})[token] = probability
    return kept


def _distinct(values: np.ndarray) -> np.ndarray:
    """np.unique of integers, sorted, by a sort: numpy 2's np.unique hashes them first, and takes
    18 times as long."""
    values = np.sort(values)
    first = np.empty(len(values), dtype=bool)
    first[:1] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return values[first]


def _chunks(sizes: np.ndarray) -> list[tuple[int, int]]:
    """Consecutive segment ranges of about CHUNK_PAIRS co-occurrences (a longer segment alone)."""
    chunks, first, total = [], 0, 0
    for index, size in enumerate(sizes.tolist()):
        if total and total + size > CHUNK_PAIRS:
            chunks.append((first, index))
            first, total = index, 0
        total += size
    chunks.append((first, len(sizes)))
    return chunks


def _ibm1(unique_keys: np.ndarray, cooccurrences, english_of_pair: np.ndarray,
          chinese_of_pair: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """t(zh | en) and t(en | zh) for every distinct pair, by EM, and how many segments hold each
    pair. In t(zh | en) each Chinese token of a segment spreads one unit of probability over the
    segment's English words, and the other way round. The two directions are independent; they
    share each pass over the co-occurrences, which costs more than the arithmetic."""
    directions = [(np.ones(len(unique_keys)), english_of_pair), (np.ones(len(unique_keys)), chinese_of_pair)]
    cooccurrence = np.zeros(len(unique_keys), dtype=np.int64)
    kept: list[np.ndarray] = []  # each chunk's pair indices, found in the first iteration
    keeping = True  # whether they all fit under KEPT_PAIR_INDICES
    size = 0
    for iteration in range(ITERATIONS):
        counts = [np.zeros(len(unique_keys)) for _ in directions]
        reuse = iteration > 0 and keeping
        for number, (keys, *groups) in enumerate(cooccurrences(with_keys=not reuse)):
            if reuse:
                pair_index = kept[number]
            else:
                pair_index = np.searchsorted(unique_keys, keys).astype(np.int32)
                if iteration == 0:
                    np.add.at(cooccurrence, pair_index, 1)
                if keeping:
                    size += len(pair_index)
                    keeping = size <= KEPT_PAIR_INDICES
                    if keeping:
                        kept.append(pair_index)
                    else:
                        kept.clear()
            for (probability, _), group, direction_counts in zip(directions, groups, counts):
                weight = np.take(probability, pair_index)  # gathers faster than probability[pair_index]
                np.add.at(direction_counts, pair_index, weight / np.bincount(group, weights=weight)[group])
        directions = [(direction_counts / np.maximum(np.bincount(given, weights=direction_counts)[given], 1e-12), given)
                      for direction_counts, (_, given) in zip(counts, directions)]
    return directions[0][0], directions[1][0], cooccurrence


def _inverse(ids: dict[str, int]) -> list[str]:
    names = [""] * len(ids)
    for name, index in ids.items():
        names[index] = name
    return names
