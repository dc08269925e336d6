"""What a reviewer rejects is mostly a span that is no term. Before, a rejected term came back on
the next extract under its next-best rendering, to be rejected again every quarter."""

import yaml

from glossary_cli.cli.common import app


def entries_of(glossary, source):
    return [entry for entry in yaml.safe_load(glossary.read_text(encoding="utf-8"))["terms"] if entry["source"] == source]


def test_a_rejected_term_does_not_come_back_under_another_rendering(runner, tmp_path, seed_article):
    glossary = tmp_path / "seed.yaml"
    assert runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)]).exit_code == 0
    [proposed] = entries_of(glossary, "ultimate message")
    assert proposed["alternatives"]  # the corpus offers other renderings it could come back with

    assert runner.invoke(app, ["reject", str(glossary), "ultimate message"]).exit_code == 0
    result = runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)])

    assert result.exit_code == 0
    assert [(entry["target"], entry["status"]) for entry in entries_of(glossary, "ultimate message")] == [
        (proposed["target"], "rejected")]
