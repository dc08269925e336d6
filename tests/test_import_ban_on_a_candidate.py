"""A CAT tool's ban (`forbidden`) on the rendering a candidate proposes is a conflict at the row, as a
ban on an approved rendering is: the import wrote a second, target-less entry for the term, which
`approve` then could not tell from the candidate (team probe F6). A ban on another rendering still
joins the candidate."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: hydrogen energy
    target: 氢能
    status: candidate
    score: 0.8
"""


def test_a_ban_on_the_rendering_a_candidate_proposes_is_a_conflict_at_its_row(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("cat.csv").write_text("en,zh,status,note\nhydrogen energy,氢能,forbidden,\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "cat.csv", "-o", "g.yaml"])
    assert (result.exit_code, result.stderr) == (
        1, 'error: conflict: "hydrogen energy": one proposes a rendering the other forbids (g.yaml:4 candidate '
           '"氢能"; cat.csv:2 candidate no target, forbids 氢能)\n'
           "error: 1 conflict; nothing written. Settle it in g.yaml or cat.csv and import again\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_a_ban_on_another_rendering_joins_the_candidate(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("cat.csv").write_text("en,zh,status,note\nhydrogen energy,氢气能,forbidden,\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "cat.csv", "-o", "g.yaml"])
    assert result.exit_code == 0, result.output
    assert [(entry.source, entry.target, entry.forbidden) for entry in load_glossary("g.yaml").terms] == [
        ("hydrogen energy", ["氢能"], ["氢气能"])]
