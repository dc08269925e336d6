"""Benchmark (not a test): `run_check` on 100,000 segment pairs against 5,000 approved terms.

    python tests/bench/bench_check.py [--pairs 100000] [--terms 5000] [--seed 7]

Pairs are 1-3 TICO-19 pairs glued together, so nearly every segment is unique (no cache can
remember whole segments). Terms are the TICO-19 gold terms plus English word bigrams and trigrams
sampled from the segments, each given a Chinese rendering cut from a random target segment, so
most terms really occur and most pairs exercise both sides of the matcher.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.normalize import english_key

TICO = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "tico19_en_zh"
WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
HAN_RUN = re.compile("[\u4e00-\u9fff]{4,}")


def load_tico() -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]]:
    segments = [tuple(line.split("\t")) for line in (TICO / "segments.tsv").read_text(encoding="utf-8").splitlines()]
    gold = []
    for line in (TICO / "gold.tsv").read_text(encoding="utf-8").splitlines():
        source, targets = line.split("\t")
        gold.append((source, targets.split("|")))
    return segments, gold


def make_terms(segments, gold, count: int, rng: random.Random) -> list[Entry]:
    entries: dict[str, Entry] = {}
    for source, targets in gold:
        entries.setdefault(english_key(source), Entry(source=source, target=targets, status=Status.APPROVED))
    han_runs = [run for _, target in segments for run in HAN_RUN.findall(target)]
    while len(entries) < count:
        words = WORD.findall(rng.choice(segments)[0])
        size = rng.choice((2, 2, 3))
        if len(words) < size:
            continue
        start = rng.randrange(len(words) - size + 1)
        source = " ".join(words[start:start + size]).lower()
        run = rng.choice(han_runs)
        length = rng.choice((2, 3, 4))
        offset = rng.randrange(len(run) - length + 1)
        entries.setdefault(english_key(source), Entry(source=source, target=[run[offset:offset + length]],
                                                      status=Status.APPROVED))
    return list(entries.values())[:count]


def make_pairs(segments, count: int, rng: random.Random) -> list[SegmentPair]:
    pairs = []
    for number in range(1, count + 1):
        chosen = [rng.choice(segments) for _ in range(rng.choice((1, 2, 3)))]
        pairs.append(SegmentPair(" ".join(s for s, _ in chosen), "".join(t for _, t in chosen),
                                 Location("bench.tsv", number)))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    if not (TICO / "segments.tsv").is_file():
        print(f"TICO-19 data not found at {TICO}", file=sys.stderr)
        return 2
    rng = random.Random(options.seed)
    segments, gold = load_tico()
    terms = make_terms(segments, gold, options.terms, rng)
    pairs = make_pairs(segments, options.pairs, rng)
    characters = sum(len(p.source) + len(p.target) for p in pairs)
    print(f"{len(pairs):,} pairs ({characters / 1e6:.1f}M characters), {len(terms):,} approved terms")

    started = time.perf_counter()
    result = run_check(Glossary(terms=terms), pairs)
    seconds = time.perf_counter() - started
    print(f"{len(result.findings):,} findings {result.counts_by_rule()}")
    print(f"total {seconds:.2f} s, {len(pairs) / seconds:,.0f} pairs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
