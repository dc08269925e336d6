"""The review card shows what a person wrote on a candidate before anyone approves it: the
spellings check will also read as the term, the renderings it will refuse, the note and the
comments (lead probe M9: only the note was shown)."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  # client says: prefer 车网互动 over 车辆到电网
  - source: V2G
    target: 车网互动
    score: 0.9
    note: check with Li
    forbidden: [车辆到电网]
    source_variants: [Vehicle-to-Grid]
"""


def test_the_card_shows_variants_forbidden_renderings_note_and_comments(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)], input="q")
    assert result.exit_code == 0, result.output
    card = [line.strip("│ ").rstrip() for line in result.stdout.splitlines()]
    assert card[card.index("score 0.90") + 1:][:4] == [
        "also written: Vehicle-to-Grid", "forbidden: 车辆到电网", "note: check with Li",
        "# client says: prefer 车网互动 over 车辆到电网"]
    assert Path(path).read_text(encoding="utf-8") == GLOSSARY
