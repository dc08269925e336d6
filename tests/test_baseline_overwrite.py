"""`check --write-baseline` never writes over a file it is checking: a glossary replaced by
baseline JSON has no approved terms, and every later check would pass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"
CORPUS = "Smart grids need a material passport.\n电网需要材料护照。\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("s.txt").write_text(CORPUS, encoding="utf-8")
    return tmp_path


def test_write_baseline_naming_the_glossary_is_refused(runner, workdir):
    result = runner.invoke(app, ["check", "g.yaml", "s.txt", "--write-baseline", "g.yaml"])

    assert (result.exit_code, result.stderr) == (
        2, "error: --write-baseline g.yaml would overwrite the glossary being checked; choose another file\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_write_baseline_naming_the_glossary_through_a_link_is_refused(runner, workdir):
    os.symlink("g.yaml", "baseline.json")

    result = runner.invoke(app, ["check", "g.yaml", "s.txt", "--write-baseline", "baseline.json"])

    assert result.exit_code == 2
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


@pytest.mark.parametrize("corpus", [["s.txt"], ["--source", "s.en", "--target", "s.zh"]])
def test_write_baseline_naming_a_corpus_file_is_refused(runner, workdir, corpus):
    Path("s.en").write_text("Smart grids.\n", encoding="utf-8")
    Path("s.zh").write_text("电网。\n", encoding="utf-8")
    overwritten = corpus[-1] if len(corpus) == 1 else "s.en"

    result = runner.invoke(app, ["check", "g.yaml", *corpus, "--write-baseline", overwritten])

    assert (result.exit_code, result.stderr) == (
        2, f"error: --write-baseline {overwritten} would overwrite a corpus file being checked; choose another file\n")
    assert Path("s.txt").read_text(encoding="utf-8") == CORPUS
    assert Path("s.en").read_text(encoding="utf-8") == "Smart grids.\n"


def test_refreshing_a_baseline_in_place_still_works(runner, workdir):
    assert runner.invoke(app, ["check", "g.yaml", "s.txt", "--write-baseline", "known.json"]).exit_code == 0

    result = runner.invoke(app, ["check", "g.yaml", "s.txt", "--baseline", "known.json", "--write-baseline", "known.json"])

    assert result.exit_code == 0, result.output
    assert result.stderr.endswith("wrote 1 finding to known.json\n")


def test_writing_a_baseline_prints_the_count_not_the_findings_it_accepts(runner, workdir):
    result = runner.invoke(app, ["check", "g.yaml", "s.txt", "--write-baseline", "known.json"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 finding (GL001 1) in 1 pair, 1 approved term; 1 at or above error.\n"
    assert result.stderr == "wrote 1 finding to known.json\n"
