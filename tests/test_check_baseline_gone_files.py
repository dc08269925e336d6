"""A baseline forgets the files that are gone: renamed or deleted, their records are dropped when
the baseline is refreshed, so a file that later comes back under the old name is checked afresh
(team probe F4). Files that are there but were not read (a pre-commit run) keep their records."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: file
    target: 文件
    status: approved
"""

WRONG = "Open the file.\t打开档案。\nSave the file.\t保存档案。\n"  # two known mistakes: 档案 for `file`
RIGHT = "Close the file.\t关闭文件。\n"


@pytest.fixture
def team(workdir):
    """A repository whose baseline knows the two mistakes of docs/health-b2.tsv."""
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("docs").mkdir()
    Path("docs/health-a.tsv").write_text(RIGHT, encoding="utf-8")
    Path("docs/health-b2.tsv").write_text(WRONG, encoding="utf-8")
    assert check("g.yaml", "docs/health-a.tsv", "docs/health-b2.tsv", "--write-baseline", "baseline.json").exit_code == 0
    return workdir


def check(*args):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, ["check", *args])


def recorded_files() -> list[str]:
    return sorted({record["path"] for record in json.loads(Path("baseline.json").read_text("utf-8"))["findings"]})


def test_refreshing_after_a_rename_drops_the_records_of_the_old_name_and_says_so(team):
    os.rename("docs/health-b2.tsv", "docs/health-b.tsv")

    refreshed = check("g.yaml", "docs/health-a.tsv", "docs/health-b.tsv",
                      "--baseline", "baseline.json", "--write-baseline", "baseline.json")

    assert refreshed.exit_code == 0
    assert refreshed.stderr == ("wrote 2 findings to baseline.json; dropped 2 records of a file that no longer "
                                "exists: docs/health-b2.tsv\n")
    assert recorded_files() == ["docs/health-b.tsv"]


def test_a_file_that_comes_back_under_a_dropped_name_is_checked_afresh(team):
    os.rename("docs/health-b2.tsv", "docs/health-b.tsv")
    check("g.yaml", "docs/health-a.tsv", "docs/health-b.tsv", "--baseline", "baseline.json",
          "--write-baseline", "baseline.json")
    Path("docs/health-b2.tsv").write_text(WRONG, encoding="utf-8")  # a revert, or a new file reusing the name

    result = check("g.yaml", "docs/health-b2.tsv", "--baseline", "baseline.json")

    assert result.exit_code == 1
    assert "  docs/health-b2.tsv:1:16  error GL001" in result.stdout


def test_a_check_against_a_baseline_naming_a_file_that_is_gone_says_how_to_drop_its_records(team):
    os.remove("docs/health-b2.tsv")

    result = check("g.yaml", "docs/health-a.tsv", "--baseline", "baseline.json")

    assert result.exit_code == 0
    assert result.stderr == ("warning: baseline.json: 2 known findings of a file that no longer exists (renamed or "
                             "deleted): docs/health-b2.tsv; --write-baseline baseline.json drops them\n")


def test_a_pre_commit_refresh_keeps_the_records_of_files_that_are_there_but_were_not_read(team):
    Path("docs/health-a.tsv").write_text(RIGHT + "Delete the file.\t删除档案。\n", encoding="utf-8")

    refreshed = check("g.yaml", "docs/health-a.tsv", "--baseline", "baseline.json", "--write-baseline", "baseline.json")

    assert refreshed.stderr == "wrote 1 finding to baseline.json, and kept 2 records of files this run did not read\n"
    assert recorded_files() == ["docs/health-a.tsv", "docs/health-b2.tsv"]


def test_files_are_looked_for_beside_the_baseline_whatever_the_working_directory(team):
    """Records name files relative to the baseline's directory: from docs/, health-b2.tsv is still there."""
    os.chdir("docs")

    refreshed = check("../g.yaml", "health-a.tsv", "--baseline", "../baseline.json",
                      "--write-baseline", "../baseline.json")

    assert refreshed.stderr == ("wrote 0 findings to ../baseline.json, and kept 2 records of files this run "
                                "did not read\n")
    os.chdir("..")
    assert recorded_files() == ["docs/health-b2.tsv"]


def test_the_files_that_are_gone_are_named_relative_to_the_working_directory(team):
    os.remove("docs/health-b2.tsv")
    os.chdir("docs")

    result = check("../g.yaml", "health-a.tsv", "--baseline", "../baseline.json")

    assert result.stderr == ("warning: ../baseline.json: 2 known findings of a file that no longer exists (renamed "
                             "or deleted): health-b2.tsv; --write-baseline ../baseline.json drops them\n")


def test_many_files_gone_are_counted_and_the_first_few_named(team):
    for name in ("c.tsv", "d.tsv", "e.tsv", "f.tsv"):
        Path("docs", name).write_text(WRONG, encoding="utf-8")
    check("g.yaml", "docs/", "--input-format", "tsv", "--write-baseline", "baseline.json")
    for name in ("c.tsv", "d.tsv", "e.tsv", "f.tsv"):
        os.remove(Path("docs", name))

    refreshed = check("g.yaml", "docs/health-a.tsv", "--write-baseline", "baseline.json")

    assert refreshed.stderr == ("wrote 0 findings to baseline.json, and kept 2 records of files this run did not "
                                "read; dropped 8 records of 4 files that no longer exist: docs/c.tsv, docs/d.tsv, "
                                "docs/e.tsv and 1 more\n")


def test_a_baseline_written_on_macos_serves_the_linux_checkout(workdir):
    """macOS hands out `résumé.tsv` decomposed (e + U+0301), git on Linux checks it out composed:
    every finding was new there, and the baseline's file 'no longer existed'."""
    import unicodedata

    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("docs").mkdir()
    decomposed, composed = (unicodedata.normalize(form, "docs/résumé.tsv") for form in ("NFD", "NFC"))
    Path(decomposed).write_text(WRONG, encoding="utf-8")
    assert check("g.yaml", decomposed, "--write-baseline", "baseline.json").exit_code == 0
    os.rename(decomposed, composed)

    result = check("g.yaml", composed, "--baseline", "baseline.json")

    assert result.exit_code == 0, result.output
    assert "2 known findings not shown" in result.stdout
    assert "no longer exists" not in result.stderr


def test_a_baseline_naming_files_with_backslashes_matches_them(team):
    """A record path written by hand on Windows (`docs\\health-b2.tsv`) names the same file."""
    document = json.loads(Path("baseline.json").read_text("utf-8"))
    for record in document["findings"]:
        record["path"] = record["path"].replace("/", "\\")
    Path("baseline.json").write_text(json.dumps(document), encoding="utf-8")

    result = check("g.yaml", "docs/health-a.tsv", "docs/health-b2.tsv", "--baseline", "baseline.json")

    assert result.exit_code == 0, result.output
    assert "no longer exists" not in result.stderr
