"""Quality benchmark (not a test): `glossary extract`, then `glossary eval`, on the shared corpora
and on a development set.

    python tests/bench/bench_quality.py [--only NAME | --shared | --holdout] [--keep DIR]

One line per corpus: pairs read, R@K and top-1 accuracy (issue 6 definitions, as
`../shared/tools/score_glossary.py` computes them) and the wall-clock seconds of the extract run
(a fresh process, so spaCy and jieba start-up are included).

- seed article: `seeds/000_890636b9e1f69f65.txt` against `../shared/data/seed/gold.tsv`, K=200.
- TICO-19: `../shared/data/tico19_en_zh/segments.tsv` against its `gold.tsv`, K=1000, counting only
  the gold terms reachable in the segments (`--reachable-in`).
- the development set in `tests/bench/dev/` (see its SOURCE.md): four documentation corpora and
  one of UI strings at K=100, four UI-string corpora at K=50 (K=20 for the smallest), reachable
  terms only.
- with `--holdout`, only the held-out corpora in `tests/bench/holdout/` (K=100, reachable terms):
  a check that a change generalises, never a target to tune on (see its SOURCE.md).

The shared data is looked for beside the repository, or where GLOSSARY_SHARED points.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GLOSSARY_SHARED", REPO.parent / "shared")) / "data"


@dataclass(frozen=True)
class Corpus:
    name: str
    label: str
    corpus: Path
    reference: Path
    k: int
    reachable: bool


DEV = Path(__file__).resolve().parent / "dev"
CORPORA = (
    Corpus("seed", "seed article", REPO / "seeds" / "000_890636b9e1f69f65.txt", SHARED / "seed" / "gold.tsv",
           200, reachable=False),
    Corpus("tico", "TICO-19", SHARED / "tico19_en_zh" / "segments.tsv", SHARED / "tico19_en_zh" / "gold.tsv",
           1000, reachable=True),
    # The development set (dev/SOURCE.md): documentation at K=100, UI strings at K=50 (K=20 for the
    # twelve terms of the Latin + Chinese strings), reachable terms only.
    Corpus("cloud", "cloud docs", DEV / "cloud_docs.tsv", DEV / "cloud_docs.gold.tsv", 100, reachable=True),
    Corpus("pump", "pump manual", DEV / "infusion_pump_ifu.txt", DEV / "infusion_pump_ifu.gold.tsv", 100,
           reachable=True),
    Corpus("earbuds", "earbuds guide", DEV / "earbuds_guide.jsonl", DEV / "earbuds_guide.gold.tsv", 100,
           reachable=True),
    Corpus("checkout", "UI checkout", DEV / "ui-checkout.tsv", DEV / "ui-checkout.gold.tsv", 50, reachable=True),
    Corpus("git", "UI git client", DEV / "ui-git-client.tsv", DEV / "ui-git-client.gold.tsv", 50, reachable=True),
    Corpus("settings", "UI settings", DEV / "ui-settings-zh_CN.po", DEV / "ui-settings.gold.tsv", 50,
           reachable=True),
    Corpus("latin", "UI Latin+zh", DEV / "ui-latin-mixed.tsv", DEV / "ui-latin-mixed.gold.tsv", 20, reachable=True),
    Corpus("bank", "UI bank app", DEV / "bank-app.xlf", DEV / "bank-app.gold.tsv", 100, reachable=True),
    Corpus("ev", "EV charger", DEV / "ev-charger.tmx", DEV / "ev-charger.gold.tsv", 100, reachable=True),
)
HOLDOUT = Path(__file__).resolve().parent / "holdout"
HOLDOUT_CORPORA = (
    Corpus("photo", "UI photo edit", HOLDOUT / "photo-editor.po", HOLDOUT / "photo-editor.gold.tsv", 100,
           reachable=True),
    Corpus("dataframe", "dataframe docs", HOLDOUT / "dataframe-docs.csv", HOLDOUT / "dataframe-docs.gold.tsv", 100,
           reachable=True),
    Corpus("privacy", "privacy policy", HOLDOUT / "privacy_policy.tsv", HOLDOUT / "privacy_policy.gold-surface.tsv",
           100, reachable=True),
    Corpus("game", "game UI", HOLDOUT / "ember_tides-zh_CN.po", HOLDOUT / "ember_tides.gold-surface.tsv", 100,
           reachable=True),
    Corpus("aed", "AED leaflet", HOLDOUT / "aed_ifu.txt", HOLDOUT / "aed_ifu.gold-surface.tsv", 100, reachable=True),
)
SHARED_CORPORA = ("seed", "tico")


def glossary(*args: str) -> subprocess.CompletedProcess:
    """Run the CLI of this checkout in a fresh interpreter; stop the benchmark if it fails."""
    done = subprocess.run([sys.executable, "-m", "glossary_cli", *args], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, cwd=REPO)
    if done.returncode != 0:
        sys.exit(f"glossary {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done


def pair_count(corpus: Path) -> int:
    from glossary_cli.readers import read_pairs

    return sum(1 for _ in read_pairs([str(corpus)]))


def measure(corpus: Corpus, workdir: Path) -> str:
    output = workdir / f"{corpus.name}.yaml"
    output.unlink(missing_ok=True)  # extract into an existing glossary would merge with it
    started = time.perf_counter()
    glossary("extract", str(corpus.corpus), "-o", str(output), "--show", "0")
    seconds = time.perf_counter() - started
    options = ["--k", str(corpus.k), "--format", "json", "--misses", "0"]
    if corpus.reachable:
        options += ["--reachable-in", str(corpus.corpus)]
    summary = json.loads(glossary("eval", str(output), str(corpus.reference), *options).stdout)["summary"]
    scope = " reachable" if corpus.reachable else ""
    return (f"{corpus.label:<14} {pair_count(corpus.corpus):>5,} pairs  "
            f"R@{corpus.k} {_rate(summary['recall_at_k'])} ({summary['found']}/{summary['reference_terms']}{scope})  "
            f"top-1 {_rate(summary['top1_accuracy'])} ({summary['top1_correct']}/{summary['top1_terms']})  "
            f"extract {seconds:.1f} s")


def _rate(value: float | None) -> str:
    """eval's rate as the text report shows it: n/a over no terms."""
    return "n/a" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=[corpus.name for corpus in CORPORA + HOLDOUT_CORPORA],
                        help="Measure one corpus.")
    parser.add_argument("--shared", action="store_true", help="Only the shared corpora (seed, TICO-19), whose "
                                                               "figures the quality issue sets targets for.")
    parser.add_argument("--keep", type=Path, help="Write the extracted glossaries here (default: a temporary "
                                                  "directory, removed afterwards).")
    parser.add_argument("--holdout", action="store_true", help="Only the held-out corpora: measure, never tune "
                                                                "on them (tests/bench/holdout/SOURCE.md).")
    arguments = parser.parse_args()
    corpora = HOLDOUT_CORPORA if arguments.holdout else CORPORA + (HOLDOUT_CORPORA if arguments.only else ())
    chosen = [corpus for corpus in corpora if arguments.only in (None, corpus.name)
              and (not arguments.shared or corpus.name in SHARED_CORPORA)]
    missing = [str(path) for corpus in chosen for path in (corpus.corpus, corpus.reference) if not path.is_file()]
    if missing:
        sys.exit(f"missing input(s): {', '.join(missing)}; set GLOSSARY_SHARED to the shared directory")
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as temporary:
        workdir = arguments.keep or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        for corpus in chosen:
            print(measure(corpus, workdir.resolve()), flush=True)


if __name__ == "__main__":
    main()
