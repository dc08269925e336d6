"""check shows progress as extract does (a bar on a terminal, a line every few seconds on a pipe),
always on stderr: a 100,000-unit catalogue against a big glossary takes minutes, and check used to
say nothing until the report."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair

GLOSSARY = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.tsv").write_text("Smart grids\t电网\nThe smart grid\t智能电网\nA grid\t电网\n", encoding="utf-8")
    return tmp_path


def pairs(count: int) -> list[SegmentPair]:
    return [SegmentPair("Smart grids", "智能电网", Location("c.tsv", line)) for line in range(1, count + 1)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_check_tells_how_many_pairs_are_checked_after_each_chunk(jobs):
    glossary = Glossary(terms=[Entry(source="smart grid", target=["智能电网"], status=Status.APPROVED)])
    told = []

    result = run_check(glossary, pairs(2_500), jobs=jobs, progress=told.append)

    assert told == [0, 1_000, 2_000, 2_500]
    assert result.pairs_checked == 2_500


def test_on_a_pipe_a_long_run_prints_progress_lines_on_stderr_only(runner, workdir, monkeypatch):
    import glossary_cli.cli.progress as progress

    short = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--format", "json"])
    monkeypatch.setattr(progress, "PLAIN_PROGRESS_EVERY", 0.0)  # as if the run had taken minutes
    long = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--format", "json"])

    assert "checking" not in short.stderr  # a short run is quiet
    assert long.exit_code == 1
    assert "checking: 3 pairs\n" in long.stderr
    assert json.loads(long.stdout)["summary"]["pairs"] == 3  # the report alone on stdout


def test_quiet_leaves_out_the_progress_lines_but_not_the_summary(runner, workdir, monkeypatch):
    import glossary_cli.cli.progress as progress

    monkeypatch.setattr(progress, "PLAIN_PROGRESS_EVERY", 0.0)  # as if the run had taken minutes
    result = runner.invoke(app, ["-q", "check", "g.yaml", "c.tsv", "--format", "json"])

    assert result.exit_code == 1
    assert "checking:" not in result.stderr
    assert "finding" in result.stderr  # the summary line stays
    assert json.loads(result.stdout)["summary"]["pairs"] == 3


def test_on_a_terminal_a_bar_is_drawn_on_stderr_and_the_report_goes_to_stdout(workdir):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", "LINES": "40",
           "PYTHONPATH": str(Path(__file__).resolve().parents[1])}  # this checkout's code
    command = f"'{sys.executable}' -m glossary_cli check g.yaml c.tsv --format json > report.json"
    child = pexpect.spawn("sh", ["-c", command], env=env, cwd=str(workdir), encoding="utf-8",
                          dimensions=(40, 100), timeout=60)
    child.expect(pexpect.EOF)

    assert "pairs/s" in child.before  # the bar, drawn while the pairs were checked
    assert json.loads(Path("report.json").read_text(encoding="utf-8"))["summary"]["pairs"] == 3
