"""The text report against a baseline shows what is new: new findings in full, the known ones summed
up in one line, and `--show-known` to list them too (team probe F10: 222 known findings printed in
full, ~1,100 lines, buried the one new finding). Machine formats carry every finding, marked known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: file
    target: 文件
    forbidden: [档案]
    status: approved
  - source: folder
    target: 文件夹
    status: approved
"""

NEW_MISTAKE = """\
docs/b.tsv
  docs/b.tsv:3:20  error GL002 Forbidden rendering used for an approved term
    "file" is rendered as forbidden "档案"; use "文件"
    expected: 文件
    en: Delete the file.
    zh: 删除档案。

"""


@pytest.fixture
def project(workdir):
    """Three known mistakes in two files, and a new one in docs/b.tsv."""
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("docs").mkdir()
    Path("docs/a.tsv").write_text("Open the file.\t打开档案。\nSave the folder.\t保存目录。\n", encoding="utf-8")
    Path("docs/b.tsv").write_text("Close the file.\t关闭文件。\nMove the folder.\t移动目录。\n", encoding="utf-8")
    assert check("--write-baseline", "baseline.json").exit_code == 0
    with open("docs/b.tsv", "a", encoding="utf-8") as corpus:
        corpus.write("Delete the file.\t删除档案。\n")
    return workdir


def check(*args):
    from typer.testing import CliRunner

    return CliRunner().invoke(app, ["check", "g.yaml", "docs/a.tsv", "docs/b.tsv", *args])


def test_the_new_finding_is_shown_in_full_and_the_known_ones_summed_up_in_one_line(project):
    result = check("--baseline", "baseline.json")

    assert result.exit_code == 1
    assert result.stdout == NEW_MISTAKE + (
        "3 known findings not shown (GL001 2, GL002 1); --show-known lists them.\n"
        "4 findings (GL001 2, GL002 2) in 5 pairs, 2 approved terms; 3 known from the baseline; "
        "1 at or above error.\n")


def test_show_known_lists_the_known_findings_too(project):
    result = check("--baseline", "baseline.json", "--show-known")

    assert result.exit_code == 1
    assert result.stdout == (
        "docs/a.tsv\n"
        "  docs/a.tsv:1:18  known GL002 Forbidden rendering used for an approved term\n"
        '    "file" is rendered as forbidden "档案"; use "文件"\n'
        "    expected: 文件\n"
        "    en: Open the file.\n"
        "    zh: 打开档案。\n"
        "  docs/a.tsv:2:18  known GL001 Approved term not rendered with an approved target\n"
        '    "folder" should be translated as "文件夹"\n'
        "    expected: 文件夹\n"
        "    en: Save the folder.\n"
        "    zh: 保存目录。\n"
        "\n"
        "docs/b.tsv\n"
        "  docs/b.tsv:2:18  known GL001 Approved term not rendered with an approved target\n"
        '    "folder" should be translated as "文件夹"\n'
        "    expected: 文件夹\n"
        "    en: Move the folder.\n"
        "    zh: 移动目录。\n"
        + NEW_MISTAKE.removeprefix("docs/b.tsv\n") +
        "4 findings (GL001 2, GL002 2) in 5 pairs, 2 approved terms; 3 known from the baseline; "
        "1 at or above error.\n")


def test_when_every_finding_is_known_the_report_is_the_two_summary_lines(project):
    Path("docs/b.tsv").write_text("Close the file.\t关闭文件。\nMove the folder.\t移动目录。\n", encoding="utf-8")

    result = check("--baseline", "baseline.json")

    assert result.exit_code == 0
    assert result.stdout == (
        "3 known findings not shown (GL001 2, GL002 1); --show-known lists them.\n"
        "3 findings (GL001 2, GL002 1) in 4 pairs, 2 approved terms; 3 known from the baseline; "
        "none at or above error.\n")


def test_one_known_finding_is_summed_up_in_the_singular(project):
    Path("docs/a.tsv").write_text("Open the file.\t打开文件。\nSave the folder.\t保存文件夹。\n", encoding="utf-8")

    result = check("--baseline", "baseline.json")

    assert "\n1 known finding not shown (GL001 1); --show-known lists it.\n" in result.stdout


def test_json_still_carries_every_finding_marked_known_or_not(project):
    result = check("--baseline", "baseline.json", "--format", "json")

    assert [finding["known"] for finding in json.loads(result.stdout)["findings"]] == [True, True, True, False]


def test_show_known_with_a_machine_format_is_a_usage_error_not_ignored(project):
    result = check("--baseline", "baseline.json", "--format", "github", "--show-known")

    assert result.exit_code == 2
    assert result.stderr == ("error: --show-known lists known findings in the text report; "
                             "--format github leaves them out\n")
