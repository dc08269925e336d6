"""Benchmark (not a test): `run_check` on 100,000 segment pairs against 5,000 approved terms.

    python tests/bench/bench_check.py [--pairs 100000] [--terms 5000] [--violations 0.03] [--seed 7] [--jobs N]

Runs `run_check` with jobs=1, then with --jobs (default: the number of CPU cores), reports the
seconds (matcher construction included) and pairs/s of each, and checks both found the same.

Pairs are 1-3 TICO-19 pairs glued together (about 390 characters per pair, nearly all unique).
Terms are the TICO-19 gold terms plus synthetic terms (made-up English words with made-up Chinese
renderings). Each pair gets 0-3 synthetic terms inserted into its English and, except for a
`--violations` share, their renderings into its Chinese, so the run looks like a real CI check:
most occurrences comply, some do not, and the gold terms bring TICO's own inconsistencies.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.normalize import english_key

TICO = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "tico19_en_zh"
SYLLABLES = "ka lo mi zer vex tor quin dra bel sul nor fen gal rik tam osh ple vyn cor dax".split()
HAN = "能源储网电池光伏风力氢燃料碳排放交易充桩智慧城市调度负荷峰谷配售绿证碳汇核聚变"


def load_tico() -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]]:
    segments = [tuple(line.split("\t")) for line in (TICO / "segments.tsv").read_text(encoding="utf-8").splitlines()]
    gold = []
    for line in (TICO / "gold.tsv").read_text(encoding="utf-8").splitlines():
        source, targets = line.split("\t")
        gold.append((source, targets.split("|")))
    return segments, gold


def make_terms(gold, count: int, rng: random.Random) -> tuple[list[Entry], list[Entry]]:
    """All approved entries, and the synthetic ones among them."""
    entries: dict[str, Entry] = {}
    for source, targets in gold:
        entries.setdefault(english_key(source), Entry(source=source, target=targets, status=Status.APPROVED))
    renderings: set[str] = set()
    while len(entries) < count:
        words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))) for _ in range(rng.choice((1, 2, 3)))]
        rendering = "".join(rng.choice(HAN) for _ in range(rng.choice((2, 3, 4))))
        if rendering in renderings:
            continue
        renderings.add(rendering)
        entries.setdefault(english_key(" ".join(words)),
                           Entry(source=" ".join(words), target=[rendering], status=Status.APPROVED))
    synthetic = list(entries.values())[len(gold):]
    return list(entries.values()), [entry for entry in synthetic if entry.status is Status.APPROVED]


def make_pairs(segments, synthetic, count: int, violations: float, rng: random.Random) -> list[SegmentPair]:
    pairs = []
    for number in range(1, count + 1):
        chosen = [rng.choice(segments) for _ in range(rng.choice((1, 2, 3)))]
        source_words = " ".join(s for s, _ in chosen).split(" ")
        target = "".join(t for _, t in chosen)
        for entry in rng.sample(synthetic, rng.choice((0, 1, 2, 3))):
            source_words.insert(rng.randrange(len(source_words) + 1), entry.source)
            if rng.random() >= violations:
                cut = [i + 1 for i, char in enumerate(target) if char in "，。；："] or [0]
                at = rng.choice(cut + [0])
                target = target[:at] + entry.target[0] + target[at:]
        pairs.append(SegmentPair(" ".join(source_words), target, Location("bench.tsv", number)))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=5_000)
    parser.add_argument("--violations", type=float, default=0.03)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPU cores)")
    options = parser.parse_args()
    if not (TICO / "segments.tsv").is_file():
        print(f"TICO-19 data not found at {TICO}", file=sys.stderr)
        return 2
    rng = random.Random(options.seed)
    segments, gold = load_tico()
    terms, synthetic = make_terms(gold, options.terms, rng)
    pairs = make_pairs(segments, synthetic, options.pairs, options.violations, rng)
    characters = sum(len(p.source) + len(p.target) for p in pairs)
    print(f"{len(pairs):,} pairs ({characters / 1e6:.1f}M characters), {len(terms):,} approved terms")

    results = []
    for jobs in dict.fromkeys((1, options.jobs)):
        started = time.perf_counter()
        result = run_check(Glossary(terms=terms), pairs, jobs=jobs)
        seconds = time.perf_counter() - started
        results.append(result)
        print(f"jobs={jobs}: {len(result.findings):,} findings {result.counts_by_rule()}, "
              f"total {seconds:.2f} s, {len(pairs) / seconds:,.0f} pairs/s", flush=True)
    if any(result.findings != results[0].findings for result in results):
        print("findings differ between job counts", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
