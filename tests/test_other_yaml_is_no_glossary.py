"""A YAML file that is not a glossary (docker-compose, mkdocs.yml) is never read as an empty one:
merge refuses it as an input, and extract -o and import -o refuse to write a glossary into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from tests.support import write_here as write

COMPOSE = "services:\n  web:\n    image: nginx\n"
GLOSSARY = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n  - source: email\n    target: 电子邮箱\n" \
           "    status: approved\n"
NOT_A_GLOSSARY = ("error: compose.yaml:1:1: not a glossary: its top-level key is `services:`; a glossary has "
                  "`glossary: 1`, `languages:` and a `terms:` list")


@pytest.mark.parametrize("arguments", [["g.yaml", "compose.yaml", "-o", "g.yaml"], ["compose.yaml", "g.yaml"]])
def test_merge_refuses_a_docker_compose_file_as_either_side(runner, workdir, arguments):
    write("g.yaml", GLOSSARY)
    write("compose.yaml", COMPOSE)
    result = runner.invoke(app, ["merge", *arguments])
    assert (result.exit_code, result.stderr, result.stdout) == (2, NOT_A_GLOSSARY + "\n", "")
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_extract_does_not_write_its_glossary_into_a_compose_file(runner, workdir, seed_article):
    write("compose.yaml", COMPOSE)
    result = runner.invoke(app, ["extract", str(seed_article), "-o", "compose.yaml", "--show", "0", "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr == NOT_A_GLOSSARY + "; writing the glossary into it would change it: choose another file\n"
    assert Path("compose.yaml").read_text(encoding="utf-8") == COMPOSE


def test_import_does_not_merge_into_an_mkdocs_configuration(runner, workdir):
    mkdocs = "site_name: Docs\nnav:\n  - Home: index.md\ntheme: material\nplugins: [search]\n"
    write("mkdocs.yml", mkdocs)
    write("t.csv", "en,zh\nV2G,车网互动\n")
    result = runner.invoke(app, ["import", "t.csv", "-o", "mkdocs.yml"])
    assert result.exit_code == 2
    assert result.stderr == ("error: mkdocs.yml:1:1: not a glossary: its top-level keys are `site_name:`, `nav:`, "
                             "`theme:` and 1 more; a glossary has `glossary: 1`, `languages:` and a `terms:` list; "
                             "writing the glossary into it would change it: choose another file\n")
    assert Path("mkdocs.yml").read_text(encoding="utf-8") == mkdocs


def test_the_line_is_drawn_at_a_glossarys_own_keys_not_at_having_entries(runner, workdir):
    write("g.yaml", GLOSSARY)
    write("compose.yaml", COMPOSE)
    write("new.yaml", "")  # a glossary to be filled
    write("header.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\n")
    write("team.yaml", "glossary: 1\nowner: docs-team\nterms: []\n")  # a key of the team's own
    assert runner.invoke(app, ["merge", "compose.yaml", "g.yaml", "-o", "compose.yaml"]).exit_code == 2
    for ours in ("new.yaml", "header.yaml", "team.yaml"):
        result = runner.invoke(app, ["merge", ours, "g.yaml", "-o", ours])
        assert result.exit_code == 0, result.output
        assert "source: email" in Path(ours).read_text(encoding="utf-8")
    assert "owner: docs-team" in Path("team.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("arguments", [["approve", "compose.yaml", "V2G", "--target", "车网互动"],
                                       ["reject", "compose.yaml", "V2G", "--all-renderings"]])
def test_a_decision_is_not_written_into_a_compose_file(runner, workdir, arguments):
    write("compose.yaml", COMPOSE)
    result = runner.invoke(app, arguments)
    assert (result.exit_code, result.stderr) == (2, NOT_A_GLOSSARY + "\n")
    assert Path("compose.yaml").read_text(encoding="utf-8") == COMPOSE
