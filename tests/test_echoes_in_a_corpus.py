"""Words a corpus only ever says together (`charging case`, `in-ear detection`) each learn the
other's Chinese; the term is still linked whole, not to the one word's character (盒, 入耳)."""

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary

EARBUDS = Path(__file__).parent / "bench" / "dev" / "earbuds_guide.jsonl"


def test_terms_whose_words_always_come_together_are_linked_whole(runner, tmp_path):
    output = tmp_path / "earbuds.yaml"
    result = runner.invoke(app, ["extract", str(EARBUDS), "-o", str(output), "--no-cache", "--show", "0"])
    assert result.exit_code == 0, result.output
    best = {}
    for entry in sorted(load_glossary(str(output)).terms, key=lambda entry: -entry.score):
        best.setdefault(entry.source.lower(), entry.target[0])
    assert best["charging case"] == "充电盒"  # charging, no dictionary word, learned 充电 and 盒
    assert best["in-ear detection"] == "入耳检测"  # detection learned 入耳, whose 耳 is ear's
