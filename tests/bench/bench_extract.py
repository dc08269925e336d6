"""Benchmark (not a test): `glossary extract` speed and memory as the corpus grows.

    python tests/bench/bench_extract.py [--sizes 10000,50000,200000] [--jobs 2] [--only-parallel] [--profile 10000]

For each size N it writes a corpus of N distinct pairs (TICO-19's segments, the seed article and
the PO and XLIFF sample pairs, repeated; each repeat perturbs every pair a little, a doubled
space or a dropped English word, so repeats are not the exact duplicates `extract` drops), then
runs, each in a fresh process:

- floor: tokenising alone, spaCy's blank English tokenizer and jieba (HMM on) over the same texts;
- `glossary extract` with --jobs 1 and with --jobs J, each with an empty token cache;
- `glossary extract` with --jobs J again on the warm cache (tokens, lexicon and link tallies);
- once more on the warm cache in one timed process, for the warm run's breakdown by stage;
- once more with another --min-score: the cached ranking does not apply, so every shard's cached
  tallies are read, merged and ranked again (what a change that re-links one shard costs, too);
- once more on a copy with one English word of the middle pair replaced: the lexicon is learned
  again, and only the segments whose words gained or lost a learned translation are linked
  again (their shards are tallied again);
- once more after inserting a pair at the top, which moves every later line: one or two shards
  are tokenised and linked again (shards end where a pair's text says, and tallies do not hold
  file:line);
- once more into a copy of that output with the 30 best entries approved and the next 10
  rejected, as after a first review: only the Chinese texts holding an approved term are cut
  again, and only the segments whose tokens that changes are linked again.

It reports seconds, pairs/s, the ratio to the floor, the peak RSS of the main process and of the
whole process tree (the sum counts pages shared by forked workers more than once), the tree's peak
PSS (each shared page divided among the processes that map it: what the tree holds), the warm-cache
speed-up, how many pairs the warm run tokenised and linked (0 and 0 unless the code changed in
between), and the load average at the start of each run; the outputs of all runs must be identical.
`--profile N` profiles a whole extract (one process) on N pairs and prints the top functions.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GLOSSARY_SHARED", REPO.parent / "shared")) / "data"
SOURCES = [SHARED / "tico19_en_zh" / "segments.tsv", REPO / "seeds" / "000_890636b9e1f69f65.txt",
           SHARED / "formats" / "apostrophe-zh_CN.po", SHARED / "formats" / "rclone-webui-messages.zh-CN.xlf"]

FLOOR = """
import sys, time, jieba, logging, spacy
jieba.setLogLevel(logging.WARNING)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
pairs = [line.split("\\t") for line in lines]
nlp = spacy.blank("en"); cutter = jieba.Tokenizer(); cutter.initialize()
started = time.perf_counter()
words = sum(len(doc) for doc in nlp.tokenizer.pipe((english for english, _ in pairs), batch_size=256))
tokens = sum(1 for _, chinese in pairs for _ in cutter.tokenize(chinese, HMM=True))
print(time.perf_counter() - started, words, tokens)
"""

WARM_STAGES = """
import sys, time
started = time.perf_counter()
import glossary_cli.extract as extract
from glossary_cli.atomic import write_atomic
from glossary_cli.cli.extract_view import provenance
from glossary_cli.glossary_yaml import dump_glossary
from glossary_cli.readers import read_pairs
from glossary_cli.update import update_glossary
marks = {"imported": time.perf_counter()}

def marked(name, function):
    def timed(*args, **kwargs):
        marks[name + " start"] = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            marks[name] = time.perf_counter()
    return timed

extract._learned_lexicon = marked("lexicon", extract._learned_lexicon)
extract.rank = marked("rank", extract.rank)
corpus, output, jobs, cache = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
result = extract.extract(read_pairs([corpus]), jobs=jobs, cache_dir=cache)
marks["extracted"] = time.perf_counter()
glossary = update_glossary(None, result.pairs, provenance(result, [corpus], extract.ExtractOptions()))
marks["updated"] = time.perf_counter()
text = dump_glossary(glossary)
marks["dumped"] = time.perf_counter()
write_atomic(output, text)
marks["written"] = time.perf_counter()
marks.setdefault("rank start", marks["extracted"])  # no ranking when it came from the cache
marks.setdefault("rank", marks["extracted"])
stages = [("start, imports", "started", "imported"), ("read, tokens", "imported", "lexicon start"),
          ("lexicon", "lexicon start", "lexicon"), ("tallies or cached ranking", "lexicon", "rank start"),
          ("rank", "rank start", "rank"), ("update", "extracted", "updated"), ("yaml", "updated", "dumped"),
          ("write", "dumped", "written")]
marks["started"] = started
print("; ".join(f"{name} {marks[end] - marks[begin]:.1f}" for name, begin, end in stages),
      f"(tokenized {result.tokenized_pairs}, linked {result.linked_pairs})")
"""


def base_pairs() -> list[tuple[str, str]]:
    from glossary_cli.readers import read_pairs

    flat = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
    return [(pair.source.translate(flat).strip(), pair.target.translate(flat).strip())
            for pair in read_pairs([str(path) for path in SOURCES])]


def perturbed(source: str, target: str, rng: random.Random) -> tuple[str, str]:
    words = source.split(" ")
    if len(words) >= 6 and rng.random() < 0.5:
        del words[rng.randrange(1, len(words))]
    elif len(words) >= 2:  # a doubled space
        at = rng.randrange(1, len(words))
        words[at] = " " + words[at]
    if len(words) < 2 or rng.random() < 0.5 and len(target) > 2:
        at = rng.randrange(1, max(2, len(target)))
        target = target[:at] + " " + target[at:]
    return " ".join(words), target


def write_corpus(path: Path, size: int, base: list[tuple[str, str]]) -> None:
    """`size` distinct pairs: the base pairs, then perturbed repeats of them."""
    seen: set[tuple[str, str]] = set()
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as out:
        repeat = 0
        while len(seen) < size:
            for source, target in base:
                pair = (source, target) if repeat == 0 else perturbed(source, target, rng)
                if pair in seen or not pair[0].strip() or not pair[1].strip():
                    continue
                seen.add(pair)
                out.write(f"{pair[0]}\t{pair[1]}\n")
                if len(seen) == size:
                    break
            repeat += 1


def _tree_memory(root: int) -> tuple[int, int, int]:
    """(RSS of `root`, summed RSS of `root` and its descendants, their summed PSS), in bytes. The
    RSS sum counts a page forked workers share with their parent once per process; PSS divides
    each page among the processes that map it, so its sum is what the tree really holds."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        pss += _pss(pid)
        stack += children.get(pid, [])
    return rss.get(root, 0), total, pss


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measured(command: list[str], env: dict | None = None) -> dict:
    """Run a command; wall seconds, peak RSS (main, tree), the tree's peak PSS and the load average
    when it started."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, **(env or {})})
    peak = [0, 0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[:] = map(max, peak, _tree_memory(child.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}")
    return {"seconds": time.perf_counter() - started, "main": peak[0], "tree": peak[1], "pss": peak[2], "load": load,
            "stdout": stdout, "stderr": stderr}


def extract_command(corpus: Path, output: Path, jobs: int, cache: Path) -> list[str]:
    return [sys.executable, "-m", "glossary_cli", "extract", str(corpus), "-o", str(output), "--jobs", str(jobs),
            "--cache-dir", str(cache), "--show", "0"]


def row(label: str, size: int, run: dict, floor: float | None = None) -> str:
    rate = size / run["seconds"]
    ratio = f"{floor / rate:6.1f}x" if floor else "     - "
    return (f"{size:>8,} {label:<22} {run['seconds']:8.1f} s {rate:9,.0f} pairs/s {ratio} "
            f"{_memory(run)}  load {run['load']:.2f}")


def _memory(run: dict) -> str:
    """Peak RSS of the main process and of the tree, and the tree's peak PSS."""
    return f"{run['main'] / 2**20:7,.0f} MB {run['tree'] / 2**20:7,.0f} MB {run['pss'] / 2**20:7,.0f} MB"


def bench(size: int, jobs: int, directory: Path, base, only_parallel: bool = False) -> None:
    corpus = directory / f"corpus{size}.tsv"
    write_corpus(corpus, size, base)
    floor = measured([sys.executable, "-c", FLOOR, str(corpus)])
    floor_seconds = float(floor["stdout"].split()[0])
    floor_rate = size / floor_seconds
    print(f"{size:>8,} {'floor (tokenize only)':<22} {floor_seconds:8.1f} s {floor_rate:9,.0f} pairs/s "
          f"     - {_memory(floor)}  load {floor['load']:.2f}",
          flush=True)
    outputs = []
    runs = {}
    plan = [("extract --jobs 1", 1, "cold1"), (f"extract --jobs {jobs}", jobs, "cold2"),
            (f"extract --jobs {jobs} warm", jobs, "cold2")]
    if only_parallel:
        plan = plan[1:2]
    for label, run_jobs, cache in plan:
        output = directory / f"out{size}-{label.replace(' ', '')}.yaml"
        runs[label] = measured(extract_command(corpus, output, run_jobs, directory / cache), {"GLOSSARY_DEBUG": "1"})
        outputs.append(output.read_bytes())
        print(row(label, size, runs[label], floor_rate), flush=True)
    if only_parallel:
        return
    import re

    found = re.search(r"from ([\d,]+) segment pairs", runs["extract --jobs 1"]["stderr"])
    print(f"{size:>8,} distinct pairs seen by extract: {found.group(1) if found else '?'}")
    cold, warm = runs[f"extract --jobs {jobs}"]["seconds"], runs[f"extract --jobs {jobs} warm"]["seconds"]
    speedup = runs["extract --jobs 1"]["seconds"] / cold
    print(f"{size:>8,} --jobs {jobs} vs --jobs 1: {speedup:.2f}x; warm cache vs cold: {cold / warm:.2f}x; "
          f"outputs identical: {all(output == outputs[0] for output in outputs)}", flush=True)
    found = re.search(r"tokenized (\d+) pairs and linked (\d+)", runs[f"extract --jobs {jobs} warm"]["stderr"])
    print(f"{size:>8,} warm run tokenized {found.group(1) if found else '?'} pairs and linked "
          f"{found.group(2) if found else '?'}", flush=True)
    stages = measured([sys.executable, "-c", WARM_STAGES, str(corpus), str(directory / f"stages{size}.yaml"),
                       str(jobs), str(directory / "cold2")])
    print(f"{size:>8,} warm run by stage, seconds (one more run, {stages['seconds']:.1f} s, "
          f"load {stages['load']:.2f}): {stages['stdout'].strip()}", flush=True)
    reranked = measured(extract_command(corpus, directory / f"reranked{size}.yaml", jobs, directory / "cold2")
                        + ["--min-score", "0.25"], {"GLOSSARY_DEBUG": "1"})
    found = re.search(r"linked (\d+)", reranked["stderr"])
    print(f"{size:>8,} warm run with --min-score 0.25 (tallies read, merged, ranked again): "
          f"{reranked['seconds']:.1f} s, {cold / reranked['seconds']:.2f}x, linked {found.group(1) if found else '?'}, "
          f"load {reranked['load']:.2f}", flush=True)
    word = edit_in_place(corpus)
    rerun(f"replacing one word ({word!r}) of the middle pair", "edited", corpus, size, jobs, directory, cold)
    insert_at_top(corpus)
    rerun("inserting a pair at the top (every later line moves down)", "inserted", corpus, size, jobs, directory, cold)
    review(directory / f"inserted{size}.yaml", directory / f"reviewed{size}.yaml")
    rerun("approving the 30 best entries and rejecting the next 10", "reviewed", corpus, size, jobs, directory, cold)


def rerun(change: str, name: str, corpus: Path, size: int, jobs: int, directory: Path, cold: float) -> None:
    """Extract again on the warm cache after a change to the corpus; report what was redone."""
    import re

    run = measured(extract_command(corpus, directory / f"{name}{size}.yaml", jobs, directory / "cold2"),
                   {"GLOSSARY_DEBUG": "1"})  # updates the glossary of that name if there is one (`review`)
    found = re.search(r"tokenized (\d+) pairs and linked (\d+)", run["stderr"])
    print(f"{size:>8,} warm run after {change}: {run['seconds']:.1f} s, {cold / run['seconds']:.2f}x, "
          f"tokenized {found.group(1) if found else '?'} and linked {found.group(2) if found else '?'}, "
          f"load {run['load']:.2f}", flush=True)


def review(glossary: Path, reviewed: Path) -> None:
    """A copy of the glossary as a first review leaves it: the 30 best entries approved (their
    Chinese terms are then given to jieba) and the next 10 rejected."""
    import re

    decided = iter(["approved"] * 30 + ["rejected"] * 10)
    reviewed.write_text(re.sub(r"(?m)^(    status: )candidate$", lambda found: found.group(1) + next(decided, "candidate"),
                               glossary.read_text(encoding="utf-8")), encoding="utf-8")


def insert_at_top(corpus: Path) -> None:
    """Add a new pair as the corpus's first line, as a translation memory grows."""
    text = corpus.read_text(encoding="utf-8")
    corpus.write_text("The charging station restarts after a firmware update.\t固件更新后充电站会重新启动。\n" + text,
                      encoding="utf-8")


def edit_in_place(corpus: Path) -> str:
    """Replace the longest English word of the corpus's middle pair: the edit a person makes
    between two runs. Returns the word replaced."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    middle = len(lines) // 2
    source, target = lines[middle].split("\t")
    words = source.split(" ")
    longest = max(range(len(words)), key=lambda index: len(words[index]))
    replaced, words[longest] = words[longest], "zebra"
    lines[middle] = " ".join(words) + "\t" + target
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return replaced


def profile(size: int, directory: Path, base) -> None:
    import cProfile
    import pstats

    from glossary_cli.extract import extract
    from glossary_cli.readers import read_pairs

    corpus = directory / f"profile{size}.tsv"
    write_corpus(corpus, size, base)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.runcall(lambda: extract(read_pairs([str(corpus)]), jobs=1))
    print(f"profile: whole extract, {size:,} pairs, one process, {time.perf_counter() - started:.1f} s "
          f"(under the profiler), load {os.getloadavg()[0]:.2f}")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000", help="Corpus sizes in pairs, comma-separated.")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--profile", type=int, default=0, help="Profile a whole extract on this many pairs.")
    parser.add_argument("--only-parallel", action="store_true",
                        help="Run only the floor and the cold --jobs J extract (for the largest sizes).")
    parser.add_argument("--keep", action="store_true", help="Keep the corpora and outputs (printed path).")
    arguments = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    base = base_pairs()
    try:
        if arguments.profile:
            profile(arguments.profile, directory, base)
            return 0
        print(f"{'pairs':>8} {'run':<22} {'time':>10} {'speed':>17} {'/floor':>7} {'RSS main':>10} "
              f"{'RSS tree':>10} {'PSS tree':>10}")
        for size in (int(value) for value in arguments.sizes.split(",")):
            bench(size, arguments.jobs, directory, base, arguments.only_parallel)
    finally:
        if arguments.keep:
            print(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
