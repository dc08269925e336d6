"""A word-level EN<->ZH lexicon learned from the corpus itself (IBM Model 1, both directions).

CC-CEDICT does not know that this corpus renders `resilience` as 韧性 or `retrofit` as 改造; the
aligned segments do. Expectation-maximisation over co-occurring (English word, Chinese token)
pairs, vectorised with numpy, learns t(zh|en) and t(en|zh); pairs likely in both directions
become lexicon entries that the segment aligner uses like dictionary translations.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

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


class _Segments:
    """Each kept segment's sorted English ids and sorted Chinese ids, flat."""

    def __init__(self) -> None:
        self.english, self.chinese = array("i"), array("i")
        self.english_counts, self.chinese_counts = array("i"), array("i")

    def add(self, english: list[int], chinese: list[int]) -> None:
        self.english.extend(english)
        self.chinese.extend(chinese)
        self.english_counts.append(len(english))
        self.chinese_counts.append(len(chinese))

    def arrays(self):
        e_counts = np.frombuffer(self.english_counts, dtype=np.int32).astype(np.int64)
        z_counts = np.frombuffer(self.chinese_counts, dtype=np.int32).astype(np.int64)
        e_starts = np.concatenate(([0], np.cumsum(e_counts)[:-1])).astype(np.int64)
        z_starts = np.concatenate(([0], np.cumsum(z_counts)[:-1])).astype(np.int64)
        return (np.frombuffer(self.english, dtype=np.int32).astype(np.int64),
                np.frombuffer(self.chinese, dtype=np.int32).astype(np.int64), e_counts, z_counts, e_starts, z_starts)


def learn_lexicon(english: Iterable[Sequence[str]], chinese: Iterable[Sequence[str]]) -> dict[str, dict[str, float]]:
    """English word -> {Chinese token: probability} for pairs both directions agree on.

    Segments are kept as flat int32 id arrays and their co-occurrences are made chunk by chunk
    in every EM iteration, so memory stays bounded on any corpus; sums are taken in corpus
    order, so the result does not depend on the chunk size."""
    english_ids: dict[str, int] = {}
    chinese_ids: dict[str, int] = {}
    segments = _Segments()
    for words, tokens in zip(english, chinese):
        e = sorted({english_ids.setdefault(w, len(english_ids)) for w in words[:MAX_TOKENS_PER_SIDE]})
        z = sorted({chinese_ids.setdefault(t, len(chinese_ids)) for t in tokens[:MAX_TOKENS_PER_SIDE]})
        if e and z:
            segments.add(e, z)
    if not segments.english_counts:
        return {}
    flat = segments.arrays()
    del segments
    width = len(chinese_ids)
    chunks = _chunks(flat[2] * flat[3])

    def cooccurrences(with_keys: bool = True) -> Iterator[tuple[np.ndarray | None, np.ndarray, np.ndarray]]:
        """(keys, forward group, backward group) of each chunk, in corpus order; no keys when
        the caller has no use for them."""
        e_flat, z_flat, e_counts, z_counts, e_starts, z_starts = flat
        for first, stop in chunks:
            sizes = e_counts[first:stop] * z_counts[first:stop]
            segment = np.repeat(np.arange(first, stop), sizes)
            local = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            z_width = z_counts[segment]
            e_position, z_position = local // z_width, local % z_width
            keys = e_flat[e_starts[segment] + e_position] * width + z_flat[z_starts[segment] + z_position] if with_keys else None
            # groups: one per (segment, token) occurrence
            yield keys, z_starts[segment] + z_position, e_starts[segment] + e_position

    unique_keys = np.zeros(0, dtype=np.int64)
    cooccurrence = np.zeros(0, dtype=np.int64)
    for keys, _, _ in cooccurrences():
        chunk_keys, chunk_counts = np.unique(keys, return_counts=True)
        # Merged into the sorted keys seen so far: counts added where a key is known, the rest inserted in order.
        at = np.searchsorted(unique_keys, chunk_keys)
        known = at < len(unique_keys)
        known[known] = unique_keys[at[known]] == chunk_keys[known]
        cooccurrence[at[known]] += chunk_counts[known]
        unique_keys = np.insert(unique_keys, at[~known], chunk_keys[~known])
        cooccurrence = np.insert(cooccurrence, at[~known], chunk_counts[~known])
    forward, backward = _ibm1(unique_keys, cooccurrences, unique_keys // width, unique_keys % width)
    strength = np.sqrt(forward * backward)
    keep = (cooccurrence >= MIN_COOCCURRENCE) & (strength >= MIN_PROBABILITY)
    english_words = _inverse(english_ids)
    chinese_tokens = _inverse(chinese_ids)
    lexicon: dict[str, dict[str, float]] = {}
    for key, value in zip(unique_keys[keep], strength[keep]):
        word, token = english_words[key // width], chinese_tokens[key % width]
        lexicon.setdefault(word, {})[token] = round(float(value), 4)
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
    shared: Counter = Counter()
    explained: Counter = Counter()
    for words, tokens in zip(english, chinese):
        present = {word for word in words if word in lexicon}
        if not present:
            continue
        token_set, word_set = set(tokens), set(words)
        for word in present:
            for token, probability in lexicon[word].items():
                if token not in token_set or shared[word, token] >= RARE_COOCCURRENCE + 1:
                    continue
                shared[word, token] += 1
                if any(other != word and (lexicon.get(other, {}).get(token, 0.0) > probability
                                          or translates(other, token)) for other in word_set):
                    explained[word, token] += 1
    kept: dict[str, dict[str, float]] = {}
    for word, targets in lexicon.items():
        for token, probability in targets.items():
            count = shared[word, token]
            if not (0 < count <= RARE_COOCCURRENCE and explained[word, token] == count):
                kept.setdefault(word, {})[token] = probability
    return kept


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
          chinese_of_pair: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """t(zh | en) and t(en | zh) for every distinct pair, by EM. In t(zh | en) each Chinese token
    of a segment spreads one unit of probability over the segment's English words, and the other
    way round. The two directions are independent; they share each pass over the co-occurrences,
    which costs more than the arithmetic."""
    directions = [(np.ones(len(unique_keys)), english_of_pair), (np.ones(len(unique_keys)), chinese_of_pair)]
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
                if keeping:
                    size += len(pair_index)
                    keeping = size <= KEPT_PAIR_INDICES
                    if keeping:
                        kept.append(pair_index)
                    else:
                        kept.clear()
            for (probability, _), group, direction_counts in zip(directions, groups, counts):
                group = group - group.min()
                weight = probability[pair_index]
                group_totals = np.bincount(group, weights=weight)
                np.add.at(direction_counts, pair_index, weight / group_totals[group])
        directions = [(direction_counts / np.maximum(np.bincount(given, weights=direction_counts)[given], 1e-12), given)
                      for direction_counts, (_, given) in zip(counts, directions)]
    return directions[0][0], directions[1][0]


def _inverse(ids: dict[str, int]) -> list[str]:
    names = [""] * len(ids)
    for name, index in ids.items():
        names[index] = name
    return names
