"""`word_alignment.learn_lexicon` in bounded memory, with bit-identical results.

The reference builds every (English word, Chinese token) co-occurrence of the corpus as flat
int64/float64 arrays at once: about 120 bytes per co-occurrence, 1 GB for 50k TICO-like pairs.
Here segments are kept as flat int32 id arrays and the co-occurrences are made chunk by chunk,
again in every EM iteration. Every floating-point sum is taken in the reference's order (per
(segment, token) group inside one chunk; per distinct pair with `np.add.at`, which adds in array
order as `np.bincount` does), so the learned lexicon is the same to the last bit; a test checks it
against the reference on the shared corpora.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from .word_alignment import ITERATIONS, MAX_TOKENS_PER_SIDE, MIN_COOCCURRENCE, MIN_PROBABILITY

CHUNK_PAIRS = 250_000  # co-occurrences made at once: about 40 MB of temporaries


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
    """English word -> {Chinese token: probability}, as `word_alignment.learn_lexicon` returns it."""
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

    def cooccurrences() -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(keys, forward group, backward group) of each chunk, in corpus order."""
        e_flat, z_flat, e_counts, z_counts, e_starts, z_starts = flat
        for first, stop in chunks:
            sizes = e_counts[first:stop] * z_counts[first:stop]
            segment = np.repeat(np.arange(first, stop), sizes)
            local = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            z_width = z_counts[segment]
            e_position, z_position = local // z_width, local % z_width
            keys = e_flat[e_starts[segment] + e_position] * width + z_flat[z_starts[segment] + z_position]
            # groups: one per (segment, token) occurrence, numbered as the reference's np.unique numbers them
            yield keys, z_starts[segment] + z_position, e_starts[segment] + e_position

    unique_keys = np.zeros(0, dtype=np.int64)
    cooccurrence = np.zeros(0, dtype=np.int64)
    for keys, _, _ in cooccurrences():
        chunk_keys, chunk_counts = np.unique(keys, return_counts=True)
        merged, inverse = np.unique(np.concatenate((unique_keys, chunk_keys)), return_inverse=True)
        cooccurrence = np.bincount(inverse, weights=np.concatenate((cooccurrence, chunk_counts)),
                                   minlength=len(merged)).astype(np.int64)
        unique_keys = merged
    forward = _ibm1(unique_keys, cooccurrences, unique_keys // width, forward=True)
    backward = _ibm1(unique_keys, cooccurrences, unique_keys % width, forward=False)
    strength = np.sqrt(forward * backward)
    keep = (cooccurrence >= MIN_COOCCURRENCE) & (strength >= MIN_PROBABILITY)
    english_words = _inverse(english_ids)
    chinese_tokens = _inverse(chinese_ids)
    lexicon: dict[str, dict[str, float]] = {}
    for key, value in zip(unique_keys[keep], strength[keep]):
        word, token = english_words[key // width], chinese_tokens[key % width]
        lexicon.setdefault(word, {})[token] = round(float(value), 4)
    return lexicon


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


def _ibm1(unique_keys: np.ndarray, cooccurrences, source_of_pair: np.ndarray, forward: bool) -> np.ndarray:
    """t(target | source) for every distinct pair, by EM, summing as the reference does."""
    probability = np.ones(len(unique_keys))
    for _ in range(ITERATIONS):
        counts = np.zeros(len(unique_keys))
        for keys, forward_group, backward_group in cooccurrences():
            pair_index = np.searchsorted(unique_keys, keys)
            group = forward_group if forward else backward_group
            first_group = group.min()
            group = group - first_group
            weight = probability[pair_index]
            totals = np.bincount(group, weights=weight)
            np.add.at(counts, pair_index, weight / totals[group])
        source_totals = np.bincount(source_of_pair, weights=counts)
        probability = counts / np.maximum(source_totals[source_of_pair], 1e-12)
    return probability


def _inverse(ids: dict[str, int]) -> list[str]:
    names = [""] * len(ids)
    for name, index in ids.items():
        names[index] = name
    return names
