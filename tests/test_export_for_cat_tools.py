"""What a CSV/TSV export hands a CAT tool by default: the approved terms, one row per rendering, and
their forbidden renderings in a column, never as rows a tool that maps only the term columns would
import as terms to suggest. A sheet to review (--status all) holds every entry and reads back whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary

EXCHANGE = Path(__file__).parent / "data" / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture
def all_statuses(workdir):
    shutil.copy(EXCHANGE / "all_statuses.yaml", "g.yaml")  # V2G approved, forbids 车辆到电网; a rejected; a candidate
    return "g.yaml"


def test_a_csv_for_a_cat_tool_holds_only_approved_renderings_as_terms(runner, all_statuses):
    result = run(runner, "export", all_statuses, "--to", "csv", "-o", "terms.csv")
    assert result.exit_code == 0, result.output
    assert Path("terms.csv").read_text(encoding="utf-8") == (
        "en,zh,status,note,forbidden\n"
        "V2G,车网互动,approved,,车辆到电网\n")
    assert result.stderr == ("terms.csv: exported 1 entry as csv (approved only; 1 candidate and 1 rejected left out: "
                             "--status all exports them)\n")


def test_a_tsv_to_standard_output_holds_the_approved_terms_too(runner, all_statuses):
    result = run(runner, "export", all_statuses, "--to", "tsv")
    assert (result.exit_code, result.stdout) == (0, "en\tzh\tstatus\tnote\tforbidden\nV2G\t车网互动\tapproved\t\t车辆到电网\n")


def test_a_sheet_to_review_holds_every_entry_and_imports_back_as_it_was(runner, all_statuses):
    result = run(runner, "export", all_statuses, "--to", "csv", "--status", "all", "-o", "review.csv")
    assert (result.exit_code, result.stderr) == (0, "review.csv: exported 3 entries as csv\n")
    assert Path("review.csv").read_text(encoding="utf-8") == (
        "en,zh,status,note,forbidden\n"
        "V2G,车网互动,approved,,车辆到电网\n"
        'policy stack,政策堆栈,rejected,"wrong sense, never use",\n'
        "smart grid,智慧电网,candidate,,\n")
    assert run(runner, "import", "review.csv", "-o", "back.yaml").exit_code == 0
    assert [(e.source, e.target, e.status.value, e.forbidden, e.note) for e in load_glossary("back.yaml").terms] == [
        ("V2G", ["车网互动"], "approved", ["车辆到电网"], None),
        ("policy stack", ["政策堆栈"], "rejected", [], "wrong sense, never use"),
        ("smart grid", ["智慧电网"], "candidate", [], None)]


def test_forbidden_renderings_holding_a_separator_come_back_whole(runner, workdir):
    Path("g.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                              "  - source: switch\n    target: 开关\n    status: approved\n"
                              "    forbidden: [开;关]\n"
                              "  - source: toggle\n    target: 切换\n    status: approved\n"
                              "    forbidden: [开|关, 开/关]\n", encoding="utf-8")
    assert run(runner, "export", "g.yaml", "--to", "csv", "-o", "g.csv").exit_code == 0
    assert run(runner, "import", "g.csv", "-o", "back.yaml").exit_code == 0
    assert [entry.forbidden for entry in load_glossary("back.yaml").terms] == [["开;关"], ["开|关", "开/关"]]
