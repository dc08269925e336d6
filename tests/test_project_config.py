"""Project settings: option defaults from pyproject.toml's [tool.glossary] or glossary.toml, found
from the current directory up to the top of the git work tree, as ruff finds its own; the command
line wins, and a setting the commands do not take is an error at its line, never ignored."""

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A git checkout with a glossary, a translation that breaks it (GL001) and docs/ below."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.tsv").write_text("Smart grids are here\t电网来了\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def settings(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_pyproject_settings_are_the_defaults_of_a_command_run_in_a_subdirectory(project, runner, monkeypatch):
    settings(project / "pyproject.toml", '[project]\nname = "site"\n\n[tool.glossary.check]\nformat = "json"\n'
                                         'select = ["GL002"]\n')
    monkeypatch.chdir(project / "docs")
    result = runner.invoke(app, ["check", "../g.yaml", "bad.tsv"])
    assert result.exit_code == 0  # GL001 is not selected
    assert json.loads(result.stdout)["provenance"]["options"]["rules"] == ["GL002"]
    # the command line wins
    result = runner.invoke(app, ["check", "../g.yaml", "bad.tsv", "--select", "GL001", "--format", "text"])
    assert result.exit_code == 1 and "bad.tsv:1:22  error GL001" in result.stdout


def test_a_path_in_the_settings_is_relative_to_the_file_that_gives_it(project, runner, monkeypatch):
    written = runner.invoke(app, ["check", "g.yaml", "docs/bad.tsv", "--write-baseline", ".glossary-baseline.json"])
    assert written.exit_code == 0
    settings(project / "pyproject.toml", '[tool.glossary.check]\nbaseline = ".glossary-baseline.json"\n')
    monkeypatch.chdir(project / "docs")
    result = runner.invoke(app, ["check", "../g.yaml", "bad.tsv"])
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (
        0, "1 finding (GL001 1) in 1 pair, 1 approved term; 1 known from the baseline; none at or above error.")


def test_glossary_toml_holds_the_command_tables_and_wins_over_pyproject_beside_it(project, runner):
    settings(project / "glossary.toml", '[check]\nformat = "json"\n')
    settings(project / "pyproject.toml", '[tool.glossary.check]\nformat = "sarif"\n')
    result = runner.invoke(app, ["check", "g.yaml", "docs/bad.tsv"])
    assert json.loads(result.stdout)["schema"] == "glossary-check/1"
    assert result.stderr.splitlines()[0] == ("warning: pyproject.toml: [tool.glossary] is not read: glossary.toml "
                                             "beside it is")


def test_the_search_passes_over_a_pyproject_without_the_table_and_stops_at_the_top_of_the_checkout(
        tmp_path, runner, monkeypatch):
    settings(tmp_path / "glossary.toml", '[check]\nformat = "sarif"\n')  # another project's, above the checkout
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    (checkout / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (checkout / "docs").mkdir()
    (checkout / "docs" / "bad.tsv").write_text("Smart grids are here\t电网来了\n", encoding="utf-8")
    settings(checkout / "pyproject.toml", '[tool.glossary.check]\nformat = "json"\n')
    settings(checkout / "docs" / "pyproject.toml", '[tool.ruff]\nline-length = 120\n')
    monkeypatch.chdir(checkout / "docs")
    assert json.loads(runner.invoke(app, ["check", "../g.yaml", "bad.tsv"]).stdout)["schema"] == "glossary-check/1"
    (checkout / "pyproject.toml").unlink()
    assert runner.invoke(app, ["check", "../g.yaml", "bad.tsv"]).stdout.startswith("bad.tsv\n")  # the text report


@pytest.mark.parametrize("text, message", [
    ('[tool.glossary.check]\nselect = ["GL001"]\nfail_on = "warning"\n',
     "pyproject.toml:3: [tool.glossary.check] has no setting fail_on; did you mean fail-on?"),
    ('[tool.glossary.chek]\nfail-on = "warning"\n',
     "pyproject.toml:1: no command is called chek ([tool.glossary.chek]); did you mean [tool.glossary.check]?"),
    ('[tool.glossary]\nfail-on = "warning"\n',
     "pyproject.toml:2: fail-on is an option, set per command: under [tool.glossary.check]"),
    ('[tool.glossary]\ncheck.fail-on = "warnin"\n',
     "pyproject.toml:2: [tool.glossary.check] fail-on: \"warnin\" is not one of warning, error"),
    ('[tool.glossary.extract]\njobs = "2"\n',
     "pyproject.toml:2: [tool.glossary.extract] jobs: takes a whole number of at least 1, not \"2\""),
    ('[tool.glossary.check]\nwrite-baseline = "b.json"\n',
     "pyproject.toml:2: [tool.glossary.check] write-baseline is what one run does, not a project's setting; "
     "give --write-baseline on the command line"),
    ('[tool.glossary.check]\nfail-on = warning\n',
     "pyproject.toml:2:11: not valid TOML: invalid value; mend it, or run with --no-config"),
])
def test_a_setting_no_command_takes_is_an_error_at_its_line(project, runner, text, message):
    settings(project / "pyproject.toml", text)
    result = runner.invoke(app, ["check", "g.yaml", "docs/bad.tsv"])
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"error: {message}\n", "")


def test_no_config_reads_no_file_and_config_names_one(project, runner):
    settings(project / "pyproject.toml", "[tool.glossary.check\n")
    broken = runner.invoke(app, ["check", "g.yaml", "docs/bad.tsv"])
    assert (broken.exit_code, broken.stderr) == (
        2, "error: pyproject.toml:1:21: not valid TOML: expected ']' at the end of a table declaration; mend it, "
           "or run with --no-config\n")
    ignored = runner.invoke(app, ["check", "--no-config", "g.yaml", "docs/bad.tsv"])
    assert (ignored.exit_code, ignored.stdout.splitlines()[0]) == (1, "docs/bad.tsv")
    assert runner.invoke(app, ["check", "--help"]).exit_code == 0  # help is shown whatever the settings hold
    settings(project / "ci.toml", '[check]\nformat = "json"\n')
    named = runner.invoke(app, ["--config", "ci.toml", "check", "g.yaml", "docs/bad.tsv"])
    assert (named.exit_code, json.loads(named.stdout)["schema"]) == (1, "glossary-check/1")
    missing = runner.invoke(app, ["check", "g.yaml", "docs/bad.tsv", "--config", "nope.toml"])
    assert (missing.exit_code, missing.stderr) == (2, "error: nope.toml: no such configuration file\n")
