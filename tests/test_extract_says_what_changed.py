"""A re-run of extract says what it did to the candidates: its git diff can run to thousands of
lines (a year-long probe saw 7,500 per quarter), and the reviewer wants to know what is new."""

import re

import yaml

from glossary_cli.cli.common import app


def candidates(glossary):
    return [entry for entry in yaml.safe_load(glossary.read_text(encoding="utf-8"))["terms"]
            if entry["status"] == "candidate"]


def counts(stderr):
    found = re.search(r"candidates: (\d+) new, (\d+) dropped, (\d+) re-scored or re-rendered, (\d+) unchanged", stderr)
    return tuple(int(number) for number in found.groups())


def test_an_unchanged_rerun_says_every_candidate_is_unchanged(runner, tmp_path, seed_article):
    glossary = tmp_path / "seed.yaml"
    first = runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)])
    assert "candidates:" not in first.stderr  # a new glossary: nothing to compare with
    again = runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)])
    assert counts(again.stderr) == (0, 0, 0, len(candidates(glossary)))


def test_a_changed_corpus_counts_what_came_and_went(runner, tmp_path, seed_article):
    glossary = tmp_path / "seed.yaml"
    runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)])
    before = {entry["source"]: (entry["target"], entry["score"]) for entry in candidates(glossary)}
    half = tmp_path / "half.txt"
    half.write_text("".join(seed_article.read_text(encoding="utf-8").splitlines(keepends=True)[:40]), encoding="utf-8")

    result = runner.invoke(app, ["extract", str(half), "-o", str(glossary)])

    after = {entry["source"]: (entry["target"], entry["score"]) for entry in candidates(glossary)}
    kept = before.keys() & after.keys()
    changed = sum(before[source] != after[source] for source in kept)
    assert counts(result.stderr) == (len(after.keys() - before.keys()), len(before.keys() - after.keys()),
                                     changed, len(kept) - changed)
    assert counts(result.stderr)[1] > 0  # half the article proposes fewer terms
