"""A word-level EN<->ZH lexicon learned from the corpus itself (IBM Model 1, both directions).

CC-CEDICT does not know that this corpus renders `fever` as 发热 or `lockdown` as 封锁; the
aligned segments do. Expectation-maximisation over co-occurring (English word, Chinese token)
pairs, vectorised with numpy, learns t(zh|en) and t(en|zh); pairs likely in both directions
become lexicon entries that the segment aligner uses like dictionary translations.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

ITERATIONS = 5
MIN_COOCCURRENCE = 3
MIN_PROBABILITY = 0.2  # geometric mean of both directions
MAX_TOKENS_PER_SIDE = 60  # very long segments add noise and quadratic cost


def learn_lexicon(english: Sequence[Sequence[str]], chinese: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """English word -> {Chinese token: probability} for pairs both directions agree on."""
    english_ids: dict[str, int] = {}
    chinese_ids: dict[str, int] = {}
    segments = []
    for words, tokens in zip(english, chinese):
        e = np.array(sorted({english_ids.setdefault(w, len(english_ids)) for w in words[:MAX_TOKENS_PER_SIDE]}),
                     dtype=np.int64)
        z = np.array(sorted({chinese_ids.setdefault(t, len(chinese_ids)) for t in tokens[:MAX_TOKENS_PER_SIDE]}),
                     dtype=np.int64)
        if len(e) and len(z):
            segments.append((e, z))
    if not segments:
        return {}
    # Every (e, z) co-occurrence in every segment, as flat arrays.
    pair_e = np.concatenate([np.repeat(e, len(z)) for e, z in segments])
    pair_z = np.concatenate([np.tile(z, len(e)) for e, z in segments])
    segment_of = np.concatenate([np.full(len(e) * len(z), index) for index, (e, z) in enumerate(segments)])
    keys = pair_e * len(chinese_ids) + pair_z
    unique_keys, pair_index, cooccurrence = np.unique(keys, return_inverse=True, return_counts=True)
    forward = _ibm1(pair_index, len(unique_keys), segment_of, pair_z, source_ids=pair_e)
    backward = _ibm1(pair_index, len(unique_keys), segment_of, pair_e, source_ids=pair_z)
    strength = np.sqrt(forward * backward)
    keep = (cooccurrence >= MIN_COOCCURRENCE) & (strength >= MIN_PROBABILITY)
    english_words = _inverse(english_ids)
    chinese_tokens = _inverse(chinese_ids)
    lexicon: dict[str, dict[str, float]] = {}
    for key, value in zip(unique_keys[keep], strength[keep]):
        word, token = english_words[key // len(chinese_ids)], chinese_tokens[key % len(chinese_ids)]
        lexicon.setdefault(word, {})[token] = round(float(value), 4)
    return lexicon


def _ibm1(pair_index: np.ndarray, pair_count: int, segment_of: np.ndarray, target_ids: np.ndarray,
          source_ids: np.ndarray) -> np.ndarray:
    """t(target | source) for every distinct pair, by EM; each target token in a segment spreads
    one unit of probability over the source words of that segment."""
    probability = np.ones(pair_count)
    # Normalisation groups: one per (segment, target token) occurrence.
    group_keys = segment_of * (int(target_ids.max()) + 1) + target_ids
    _, group = np.unique(group_keys, return_inverse=True)
    for _ in range(ITERATIONS):
        weight = probability[pair_index]
        totals = np.bincount(group, weights=weight)
        expected = weight / totals[group]
        counts = np.bincount(pair_index, weights=expected, minlength=pair_count)
        source_of_pair = np.zeros(pair_count, dtype=np.int64)
        source_of_pair[pair_index] = source_ids
        source_totals = np.bincount(source_of_pair, weights=counts)
        probability = counts / np.maximum(source_totals[source_of_pair], 1e-12)
    return probability


def _inverse(ids: dict[str, int]) -> list[str]:
    names = [""] * len(ids)
    for name, index in ids.items():
        names[index] = name
    return names
