"""`e` in review: several renderings typed as review shows a list, and a confirmation that says
what was saved."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary

TEXT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: World Health Organization
    target: [WHO, 世界卫生组织]
    status: candidate
    score: 0.95
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def entry(path):
    (only,) = load_glossary(str(path)).terms
    return only.target, only.status


def test_e_takes_several_renderings_apart_by_a_slash_as_review_shows_a_list(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="e\nWHO / 世界卫生组织 / 世卫组织\n")
    assert result.exit_code == 0
    assert entry(path) == (["WHO", "世界卫生组织", "世卫组织"], Status.APPROVED)
    assert "World Health Organization  →  WHO / 世界卫生组织" in result.stdout  # the list as review shows it
    assert ("new target for World Health Organization, approved on Enter (several: A / B; Tab: the current one; "
            "empty to cancel): ") in result.stdout
    assert "  approved World Health Organization → WHO / 世界卫生组织 / 世卫组织 (3 targets)\n" \
        in result.stdout


def test_a_target_with_a_slash_but_no_spaces_is_one_target_and_review_says_how_to_type_several(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="e\n世界卫生组织/世卫组织\n")
    assert ("  approved World Health Organization → 世界卫生组织/世卫组织\n"
            '  saved as one target; for several, put " / " (spaces around the slash) between them, and u undoes '
            "this\n") in result.stdout
    assert entry(path) == (["世界卫生组织/世卫组织"], Status.APPROVED)
