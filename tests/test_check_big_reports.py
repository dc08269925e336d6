"""check with thousands of findings: every format says what the run found in one line on stderr,
where a CI log shows it; the CI formats warn when GitHub will drop what they report; and
--statistics counts findings by rule and term instead of listing a hundred thousand lines."""

from __future__ import annotations

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
  - source: energy storage
    target: 储能
    forbidden: [能量存储]
    status: approved
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def corpus(name: str, *, grids: int = 0, storage: int = 0) -> str:
    """A TSV of `grids` pairs missing 智能电网 and `storage` pairs using the forbidden 能量存储."""
    lines = [f"Smart grid {number}\t电网 {number}\n" for number in range(grids)]
    lines += [f"Energy storage {number}\t能量存储 {number}\n" for number in range(storage)]
    Path(name).write_text("".join(lines), encoding="utf-8")
    return name


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


@pytest.mark.parametrize("report_format", ["json", "sarif", "github", "junit", "gitlab"])
def test_machine_formats_say_what_was_found_on_stderr(runner, workdir, report_format):
    result = check(runner, "g.yaml", corpus("c.tsv", grids=2, storage=1), "--format", report_format)

    assert result.exit_code == 1
    assert result.stderr == ("3 findings (GL001 2, GL002 1) in 3 pairs, 2 approved terms; "
                             "3 at or above error.\n")
    assert "3 findings" not in result.stdout  # the report for the program stays as it was


def test_the_summary_on_stderr_says_a_clean_run_too(runner, workdir):
    Path("c.tsv").write_text("Smart grids\t智能电网\n", encoding="utf-8")
    result = check(runner, "g.yaml", "c.tsv", "--format", "json")

    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["findings"] == 0
    assert result.stderr == "No findings in 1 pair, 2 approved terms (1 found in the English text).\n"


def test_github_warns_that_annotations_past_ten_of_a_kind_are_not_shown(runner, workdir):
    ten = check(runner, "g.yaml", corpus("c.tsv", grids=10), "--format", "github")
    fifteen = check(runner, "g.yaml", corpus("c.tsv", grids=12, storage=3), "--format", "github")

    assert ten.stdout.count("::error ") == 10 and "warning" not in ten.stderr  # all shown
    assert fifteen.stdout.count("::error ") == 15
    assert fifteen.stderr.splitlines() == [
        "warning: 15 annotations (15 errors): GitHub shows 10 of each kind for a step and 50 for a job, so at "
        "least 5 are only lines of this log; glossary check --statistics counts the findings by term",
        "15 findings (GL001 12, GL002 3) in 15 pairs, 2 approved terms; 15 at or above error.",
    ]


def test_sarif_warns_that_code_scanning_keeps_5000_results_of_a_run(runner, workdir):
    result = check(runner, "g.yaml", corpus("c.tsv", grids=5_001), "--format", "sarif")

    assert len(json.loads(result.stdout)["runs"][0]["results"]) == 5_001
    progress = "checking: "  # a run over five seconds (a busy machine) also says how far it got
    assert [line for line in result.stderr.splitlines() if not line.startswith(progress)] == [
        "warning: the SARIF report holds 5,001 results in one run; GitHub code scanning keeps 5,000 results of a "
        "run, the most severe, and drops the rest; glossary check --statistics counts the findings by term",
        "5,001 findings (GL001 5,001) in 5,001 pairs, 2 approved terms (1 found in the English text); "
        "5,001 at or above error.",
    ]


def test_sarif_warns_that_code_scanning_rejects_a_run_of_more_than_25000_results(runner, workdir, monkeypatch):
    import glossary_cli.report.sarif as sarif

    assert sarif.CODE_SCANNING_RESULTS_PER_RUN == 25_000
    monkeypatch.setattr(sarif, "CODE_SCANNING_RESULTS_PER_RUN", 2)  # as if the corpus gave 25,001 findings

    result = check(runner, "g.yaml", corpus("c.tsv", grids=3), "--format", "sarif")

    assert result.stderr.splitlines()[0] == (
        "warning: the SARIF report holds 3 results in one run; GitHub code scanning rejects a run of more than 2; "
        "glossary check --statistics counts the findings by term")


def test_statistics_count_findings_by_rule_and_by_term_most_first(runner, workdir):
    result = check(runner, "g.yaml", corpus("c.tsv", grids=2, storage=3), "--statistics")

    assert result.exit_code == 1  # counted, they still fail the run
    assert result.stdout == (  # on a pipe, tab-separated (a table on a terminal)
        "findings\trule\ttitle\n"
        "3\tGL002\tForbidden rendering used for an approved term\n"
        "2\tGL001\tApproved term not rendered with an approved target\n"
        "\n"
        "findings\trule\tterm\texpected\n"
        "3\tGL002\tenergy storage\t储能\n"
        "2\tGL001\tsmart grid\t智能电网\n"
        "\n"
        "5 findings (GL001 2, GL002 3) in 5 pairs, 2 approved terms; 5 at or above error.\n"
    )


def test_statistics_count_new_findings_and_sum_up_the_known_ones(runner, workdir):
    corpus("c.tsv", storage=1)
    assert check(runner, "g.yaml", "c.tsv", "--write-baseline", "b.json").exit_code == 0
    corpus("c.tsv", grids=1, storage=1)

    result = check(runner, "g.yaml", "c.tsv", "--baseline", "b.json", "--statistics")

    lines = result.stdout.splitlines()
    assert lines[3:5] == ["findings\trule\tterm\texpected", "1\tGL001\tsmart grid\t智能电网"]
    assert lines[-2] == "1 known finding not shown (GL002 1); --show-known lists it."


def test_statistics_of_a_clean_run_is_its_summary(runner, workdir):
    Path("c.tsv").write_text("Smart grids\t智能电网\n", encoding="utf-8")

    result = check(runner, "g.yaml", "c.tsv", "--statistics")

    assert result.stdout == "No findings in 1 pair, 2 approved terms (1 found in the English text).\n"


def test_statistics_are_for_the_text_report(runner, workdir):
    result = check(runner, "g.yaml", corpus("c.tsv", grids=1), "--statistics", "--format", "sarif")

    assert result.exit_code == 2
    assert result.stderr == ("error: --statistics counts findings in place of the text report; --format sarif lists "
                             "each finding, and its summary line on stderr counts them by rule\n")


def test_a_long_text_report_points_at_statistics(runner, workdir):
    long_report = check(runner, "g.yaml", corpus("c.tsv", grids=100))
    short_report = check(runner, "g.yaml", corpus("c.tsv", grids=99))

    assert long_report.stdout.splitlines()[-2] == (
        "100 findings listed; --statistics counts them by rule and term instead.")
    assert "--statistics" not in short_report.stdout
