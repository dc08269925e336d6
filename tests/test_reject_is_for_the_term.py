"""What a reviewer rejects is often a span that is no term, which came back on every extract under
its next-best rendering. `reject --all-renderings` (review's `x`) rejects the term itself, while a
plain reject still leaves the term free to come back rightly rendered (`成会明则` → `成会明`)."""

import yaml

from glossary_cli.cli.common import app


def entries_of(glossary, source):
    return [entry for entry in yaml.safe_load(glossary.read_text(encoding="utf-8"))["terms"] if entry["source"] == source]


def test_a_term_rejected_in_all_renderings_does_not_come_back(runner, tmp_path, seed_article):
    glossary = tmp_path / "seed.yaml"
    assert runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)]).exit_code == 0
    [proposed] = entries_of(glossary, "ultimate message")
    assert proposed["alternatives"]  # the corpus offers other renderings it could come back with

    result = runner.invoke(app, ["reject", str(glossary), "ultimate message", "--all-renderings"])
    assert (result.exit_code, result.stderr) == (0, f"rejected ultimate message → (every rendering) in {glossary}\n")
    assert runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)]).exit_code == 0

    [rejected] = entries_of(glossary, "ultimate message")
    assert rejected["status"] == "rejected" and "target" not in rejected
    assert rejected["alternatives"][0]["target"] == proposed["target"]  # the record of what was proposed


def test_a_rejected_rendering_leaves_the_term_free_to_come_back_otherwise_rendered(runner, tmp_path, seed_article):
    glossary = tmp_path / "seed.yaml"
    assert runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)]).exit_code == 0
    [proposed] = entries_of(glossary, "ultimate message")
    assert runner.invoke(app, ["reject", str(glossary), "ultimate message"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)]).exit_code == 0
    entries = entries_of(glossary, "ultimate message")
    assert [entry["status"] for entry in entries] == ["rejected", "candidate"]
    assert entries[1]["target"] != proposed["target"]


def test_all_renderings_and_a_target_are_refused_together(runner, tmp_path, seed_article):
    glossary = tmp_path / "g.yaml"
    glossary.write_text("glossary: 1\nterms: []\n", encoding="utf-8")
    result = runner.invoke(app, ["reject", str(glossary), "x", "--all-renderings", "--target", "叉"])
    assert result.exit_code == 2
    assert "give it or --target, not both" in result.stderr
