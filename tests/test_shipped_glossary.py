"""The reviewed glossary shipped for the seed article closes the loop: validate, check, re-extract."""

import shutil

from glossary_cli.cli import app
from tests.conftest import REPO, SEED

SHIPPED = REPO / "glossaries" / "000_890636b9e1f69f65.yaml"


def test_shipped_glossary_validates(runner):
    result = runner.invoke(app, ["validate", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    assert "approved" in result.output and "rejected" in result.output


def test_check_passes_on_the_seed_article(runner):
    result = runner.invoke(app, ["check", str(SHIPPED), str(SEED)])
    assert result.exit_code == 0, result.output


def test_re_extracting_into_the_reviewed_glossary_changes_no_entry(runner, tmp_path, monkeypatch):
    copy = tmp_path / "seed.yaml"
    shutil.copy(SHIPPED, copy)
    monkeypatch.chdir(REPO)  # evidence locations are recorded relative to the repository, as a user runs it
    result = runner.invoke(app, ["extract", str(SEED.relative_to(REPO)), "-o", str(copy)])
    assert result.exit_code == 0, result.output
    terms = lambda text: text[text.index("\nterms:"):]  # noqa: E731 - the header records tool versions
    assert terms(copy.read_text(encoding="utf-8")) == terms(SHIPPED.read_text(encoding="utf-8"))
