"""What extract writes, validate accepts: a hyphenated word and its closed spelling
(`micro-organism`, `microorganism`) are one term to check and validate, so extract proposes them
as one entry, not two that validate refuses as duplicates (which turned CI's check red, exit 2,
over two candidates check would not even enforce)."""

from glossary_cli.cli.common import app
from tests.conftest import DATA


def test_a_hyphenated_word_and_its_closed_spelling_are_proposed_as_one_entry(runner, tmp_path):
    glossary = tmp_path / "g.yaml"
    assert runner.invoke(app, ["extract", str(DATA / "tico19_microorganisms.tsv"), "-o", str(glossary),
                               "--no-cache"]).exit_code == 0

    validated = runner.invoke(app, ["validate", str(glossary)])

    assert validated.exit_code == 0, validated.output
    written = glossary.read_text(encoding="utf-8")
    spellings = [line for line in written.splitlines() if line in ("  - source: microorganism",
                                                                    "  - source: micro-organism")]
    assert len(spellings) == 1, spellings
    assert f"{spellings[0]}\n    target: 微生物\n" in written
