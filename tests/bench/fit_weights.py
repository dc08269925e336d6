"""Fit the learned combination of extraction signals (glossary_cli.scoring.FITTED_WEIGHTS) on TICO-19.

    python tests/bench/fit_weights.py ../shared/data/tico19_en_zh/segments.tsv ../shared/data/tico19_en_zh/gold.tsv

Every English term of the corpus, with the target `rank` chooses for it, is an example, positive
when the pair is in the reference glossary (English case-folded with the head plural folded, Chinese after NFKC).
L2-regularised logistic regression with Newton steps in numpy. Names and acronyms are left out on
purpose: TICO-19's reference lists none, and an article's glossary is mostly names. The seed
article is never used for fitting.
"""

from __future__ import annotations

import sys

import numpy as np

from glossary_cli.extract import collect, distinct
from glossary_cli.normalize import chinese_key, english_key
from glossary_cli.readers import read_pairs
from glossary_cli.scoring import FITTED_FEATURES, preferred_rendering, term_options

L2 = 1.0


def reference(path: str) -> dict[str, set[str]]:
    gold: dict[str, set[str]] = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            english, chinese = line.rstrip("\n").split("\t")[:2]
            gold.setdefault(english_key(english).lower(), set()).update(chinese_key(z) for z in chinese.split("|"))
    return gold


def examples(corpus: str, gold: dict[str, set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """One example per English term, its target as `rank` chooses it (best translation evidence,
    or the dictionary's rendering where the corpus supports it nearly as well):
    the learned combination only ever ranks these against each other."""
    tallies, _ = collect(distinct(read_pairs([corpus])))
    rows, labels = [], []
    for source_key, options in term_options(tallies.pairs, tallies.source_postings, tallies.target_postings).items():
        ordered = sorted(options, key=lambda option: (-option[0].prior(), -option[0].score(), option[1]))
        first = preferred_rendering(source_key, [(pair.prior(), pair.count, key) for pair, key, _ in ordered])
        pair, target_key, _ = next(option for option in ordered if option[1] == first)
        rows.append(pair.statistics())
        labels.append(float(target_key in gold.get(english_key(source_key).lower(), ())))
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    weights = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(60):
        p = 1 / (1 + np.exp(-x @ weights))
        gradient = x.T @ (p - y) + penalty * weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-7:
            break
    return weights


def main() -> None:
    x, y = examples(sys.argv[1], reference(sys.argv[2]))
    weights = fit(x, y)
    print(f"{int(y.sum())} positive of {len(y)} terms")
    for name, weight in zip(FITTED_FEATURES, weights):
        print(f"  {name:20} {weight:+.3f}")
    print("FITTED_WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")


if __name__ == "__main__":
    main()
