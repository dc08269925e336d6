"""`check --baseline` and `--write-baseline` in CI: a known finding is known in its own file, a first
refresh creates the file, and SARIF marks accepted findings as suppressed (QA probe of check, F1, F7,
F8, F10)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from glossary_cli.cli.common import app

DATA = Path(__file__).parent / "data"

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: file
    target: 文件
    status: approved
"""

# The known mistake: 档案 for `file`. msgstr "…" on line 6, its text from column 9.
WRONG_PO = 'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\nmsgid "Open the file."\nmsgstr "打开档案。"\n'


@pytest.fixture
def project(workdir):
    """A repository with a glossary and one module whose known mistake is in the baseline."""
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("locale").mkdir()
    Path("locale/z_module.po").write_text(WRONG_PO, encoding="utf-8")
    return workdir


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


# ------------------------------------------------------------------ F1: a baseline knows the file

def test_a_baselined_mistake_repeated_in_a_new_file_fails_pre_commit(runner, project):
    """pre-commit passes only the changed file: the known mistake of z_module.po does not cover it."""
    assert check(runner, "g.yaml", "locale/", "--write-baseline", "baseline.json").exit_code == 0
    Path("locale/a_new_module.po").write_text(WRONG_PO, encoding="utf-8")

    result = check(runner, "g.yaml", "locale/a_new_module.po", "--baseline", "baseline.json")

    assert result.exit_code == 1
    assert "  locale/a_new_module.po:6:9  error GL001" in result.stdout
    assert "known" not in result.stdout


def test_on_the_whole_directory_the_new_file_is_blamed_not_the_untouched_one(runner, project):
    assert check(runner, "g.yaml", "locale/", "--write-baseline", "baseline.json").exit_code == 0
    Path("locale/a_new_module.po").write_text(WRONG_PO, encoding="utf-8")  # sorts before z_module.po

    result = check(runner, "g.yaml", "locale/", "--baseline", "baseline.json", "--format", "github")

    assert result.exit_code == 1
    assert result.stdout == (
        "::error file=locale/a_new_module.po,line=6,col=9,title=GL001 Approved term not rendered with an approved "
        'target::"file" should be translated as "文件"%0Azh: 打开档案。\n')


def test_the_baseline_records_each_finding_with_its_file_as_reports_name_it(runner, project):
    check(runner, "g.yaml", "./locale/../locale/", "--write-baseline", "baseline.json")

    (record,) = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]

    assert record["path"] == "locale/z_module.po"
    assert (record["rule"], record["term"], record["source"]) == ("GL001", "file", "Open the file.")


def test_a_known_finding_that_moved_within_its_file_is_still_known(runner, project):
    check(runner, "g.yaml", "locale/", "--write-baseline", "baseline.json")
    moved = WRONG_PO.replace('msgid "Open', 'msgid "Close"\nmsgstr "关闭"\n\nmsgid "Open')
    Path("locale/z_module.po").write_text(moved, encoding="utf-8")

    result = check(runner, "g.yaml", "locale/", "--baseline", "baseline.json", "--show-known")

    assert result.exit_code == 0
    assert "  locale/z_module.po:9:9  known GL001" in result.stdout


def test_a_baseline_written_before_files_were_recorded_still_covers_its_findings_in_any_file(runner, project):
    check(runner, "g.yaml", "locale/", "--write-baseline", "baseline.json")
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    for record in document["findings"]:
        del record["path"]  # as glossary-cli wrote it before
    Path("baseline.json").write_text(json.dumps(document), encoding="utf-8")
    Path("locale/a_new_module.po").write_text(WRONG_PO, encoding="utf-8")

    result = check(runner, "g.yaml", "locale/a_new_module.po", "--baseline", "baseline.json", "--show-known")

    assert result.exit_code == 0
    assert "  locale/a_new_module.po:6:9  known GL001" in result.stdout
    assert result.stderr == (
        "warning: baseline.json: 1 known finding names no file (a baseline written by an older glossary-cli) and "
        "is accepted in any file; --write-baseline baseline.json records the files\n")


def test_a_file_a_finding_was_recorded_for_wins_over_a_record_naming_no_file(runner, project):
    """In an old baseline refreshed by hand, or merged from two: each finding takes the record of its own
    file first, so a record naming no file is left for a finding nobody recorded."""
    check(runner, "g.yaml", "locale/", "--write-baseline", "baseline.json")
    document = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    record = dict(document["findings"][0])
    del record["path"]
    document["findings"].append(record)
    Path("baseline.json").write_text(json.dumps(document), encoding="utf-8")
    Path("locale/a_new_module.po").write_text(WRONG_PO, encoding="utf-8")

    result = check(runner, "g.yaml", "locale/", "--baseline", "baseline.json", "--show-known")

    assert result.exit_code == 0
    assert "  locale/a_new_module.po:6:9  known GL001" in result.stdout
    assert "  locale/z_module.po:6:9  known GL001" in result.stdout


# ------------------------------------------------------------------ F8: the first refresh

def test_the_first_refresh_of_a_baseline_that_does_not_exist_yet_creates_it(runner, project):
    result = check(runner, "g.yaml", "locale/", "--baseline", "new.json", "--write-baseline", "new.json")

    assert (result.exit_code, result.stderr) == (0, "wrote 1 finding to new.json\n")
    assert len(json.loads(Path("new.json").read_text(encoding="utf-8"))["findings"]) == 1


def test_a_missing_baseline_written_elsewhere_is_still_an_error(runner, project):
    result = check(runner, "g.yaml", "locale/", "--baseline", "typo.json", "--write-baseline", "new.json")

    assert (result.exit_code, result.stderr) == (
        2, "error: typo.json: no such baseline file; create it with --write-baseline\n")
    assert not Path("new.json").exists()


# ------------------------------------------------------------------ F7: a baseline in a new directory

def test_write_baseline_creates_its_directory_as_every_command_that_writes_a_file_does(runner, project):
    """extract -o, export -o and approve all write through atomic.write_atomic, which creates missing
    directories (extract's default output is glossaries/<input>.yaml); a mistyped directory shows on
    the next --baseline run, which names the file it cannot find."""
    result = check(runner, "g.yaml", "locale/", "--write-baseline", "ci/glossary/baseline.json")

    assert (result.exit_code, result.stderr) == (0, "wrote 1 finding to ci/glossary/baseline.json\n")
    assert Path("ci/glossary/baseline.json").is_file()



# ------------------------------------------------------------------ F10: SARIF for accepted findings

def test_sarif_marks_a_baselined_finding_as_suppressed_and_no_error(runner, project):
    check(runner, "g.yaml", "locale/", "--write-baseline", "baseline.json")
    Path("locale/a_new_module.po").write_text(WRONG_PO, encoding="utf-8")

    result = check(runner, "g.yaml", "locale/", "--baseline", "baseline.json", "--format", "sarif")

    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    new, known = document["runs"][0]["results"]
    assert (new["level"], new["baselineState"], "suppressions" in new) == ("error", "new", False)
    assert (known["level"], known["baselineState"]) == ("note", "unchanged")
    assert known["suppressions"] == [{"kind": "external", "status": "accepted",
                                      "justification": "accepted in the baseline baseline.json"}]
