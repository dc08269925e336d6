"""The same input gives byte-identical YAML: across runs, PYTHONHASHSEED values and --jobs settings.

Each run is a fresh `python -m glossary_cli extract` process, so set and dict iteration orders
really differ between hash seeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED

TSV = """\
en\tzh
The Vehicle-to-Grid (V2G) pilot connects a material passport to smart grids.\t车网互动(V2G)试点把材料护照与智能电网连接起来。
Smart grids need a material passport.\t智能电网需要材料护照。
Battery swapping stations serve electric taxis.\t换电站为电动出租车服务。
Every electric taxi needs a battery swapping station nearby.\t每辆电动出租车附近都需要换电站。
A material passport records the battery's materials.\t材料护照记录电池的材料。
The smart grid balances solar power and wind power.\t智能电网平衡太阳能发电和风力发电。
"""


def extract(corpus: Path, output: Path, *, hash_seed: str, jobs: int = 1) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "NO_COLOR": "1", "TERM": "dumb"}
    completed = subprocess.run([sys.executable, "-m", "glossary_cli", "extract", str(corpus), "-o", str(output),
                                "--jobs", str(jobs)], env=env, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    return output.read_bytes()


@pytest.fixture
def small_tsv(tmp_path) -> Path:
    path = tmp_path / "small.tsv"
    path.write_text(TSV, encoding="utf-8")
    return path


def test_small_tsv_is_byte_identical_across_hash_seeds_and_runs(small_tsv, tmp_path):
    runs = [extract(small_tsv, tmp_path / f"out{index}.yaml", hash_seed=seed)
            for index, seed in enumerate(["0", "1", "4242", "0"])]
    assert b"terms:" in runs[0]
    assert all(run == runs[0] for run in runs), "YAML differs between runs"


def test_seed_article_is_byte_identical_across_hash_seeds_and_jobs(tmp_path):
    """The output path is the same for every run (it is recorded in the provenance block)."""
    output = tmp_path / "seed.yaml"
    first = extract(SEED, output, hash_seed="0")
    output.unlink()
    assert extract(SEED, output, hash_seed="123", jobs=1) == first
    output.unlink()
    assert extract(SEED, output, hash_seed="98765", jobs=2) == first
    assert first.count(b"\n  - source: ") >= 10


def test_rerun_into_the_existing_file_changes_no_byte(small_tsv, tmp_path):
    output = tmp_path / "small.yaml"
    first = extract(small_tsv, output, hash_seed="7")
    assert extract(small_tsv, output, hash_seed="8", jobs=2) == first


def test_the_same_pairs_in_another_order_score_alike(tmp_path):
    """`extract corpus/*.tsv` takes its file order from the shell's locale: two machines must agree.
    jieba cuts 鼻拭子 as 鼻/拭子 in one sentence and otherwise in another, and the first cut seen used
    to decide how common its words were."""
    forward = (Path(__file__).parent / "data" / "tico19_zoonotic_nasal_swab.tsv").read_text(encoding="utf-8")
    (tmp_path / "forward.tsv").write_text(forward, encoding="utf-8")
    (tmp_path / "reversed.tsv").write_text("".join(reversed(forward.splitlines(keepends=True))), encoding="utf-8")

    def scores(name: str) -> dict:
        import yaml

        extract(tmp_path / f"{name}.tsv", tmp_path / f"{name}.yaml", hash_seed="0")
        terms = yaml.safe_load((tmp_path / f"{name}.yaml").read_text(encoding="utf-8"))["terms"]
        return {(term["source"], str(term["target"])): (term["score"], term["count"]) for term in terms}

    assert scores("forward") == scores("reversed")
