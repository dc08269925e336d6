"""What an export says it did: the entries it left out, in every format (a termbase too), and counts
written as the other commands write them (`1,200 entries`, not `1200`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from support import write_here

EXCHANGE = Path(__file__).parent / "data" / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture
def all_statuses(workdir):
    shutil.copy(EXCHANGE / "all_statuses.yaml", "g.yaml")  # V2G approved; policy stack rejected; smart grid a candidate
    return "g.yaml"


def test_a_tbx_export_says_what_it_left_out_and_what_brings_it(runner, all_statuses):
    result = run(runner, "export", all_statuses, "--to", "tbx", "-o", "terms.tbx")
    assert result.exit_code == 0, result.output
    assert result.stderr == ("terms.tbx: exported 1 entry as tbx (approved only; 1 candidate and 1 rejected left out: "
                             "--status all exports the candidates; a termbase holds no rejected terms)\n")


def test_a_tbx_export_leaving_out_candidates_only_says_status_all_exports_them(runner, workdir):
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                         "  - source: V2G\n    target: 车网互动\n    status: approved\n"
                         "  - source: smart grid\n    target: 智慧电网\n    status: candidate\n"
                         "  - source: grid\n    target: 电网\n    status: candidate\n")
    result = run(runner, "export", "g.yaml", "--to", "tbx", "-o", "terms.tbx")
    assert (result.exit_code, result.stderr) == (
        0, "terms.tbx: exported 1 entry as tbx (approved only; 2 candidates left out: --status all exports them)\n")


def test_a_tbx_export_leaving_out_rejected_entries_only_says_where_they_can_go(runner, workdir):
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                         "  - source: V2G\n    target: 车网互动\n    status: approved\n"
                         "  - source: policy stack\n    target: 政策堆栈\n    status: rejected\n")
    result = run(runner, "export", "g.yaml", "--to", "tbx", "-o", "terms.tbx")
    assert (result.exit_code, result.stderr) == (
        0, "terms.tbx: exported 1 entry as tbx (approved only; 1 rejected left out: a termbase holds no rejected "
           "terms; --to csv --status rejected exports them)\n")


# ---------------------------------------------------------------- counts as people read them


def test_export_and_import_write_counts_with_thousands_separators(runner, workdir):
    names = [f"Zorbix Cloud {number}" for number in range(1200)]
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n" + "".join(
        f"  - source: {name}\n    target: 云产品{number}\n    status: {'approved' if number else 'candidate'}\n"
        for number, name in enumerate(names)))

    exported = run(runner, "export", "g.yaml", "--to", "csv", "-o", "terms.csv")
    assert exported.stderr == ("terms.csv: exported 1,199 entries as csv (approved only; 1 candidate left out: "
                               "--status all exports them)\n")
    imported = run(runner, "import", "terms.csv", "-o", "new.yaml")
    assert imported.stderr == "new.yaml: 1,199 entries (1,199 approved, 0 other) imported from terms.csv\n"
    everything = run(runner, "export", "g.yaml", "--to", "csv", "--status", "all", "-o", "all.csv")
    assert everything.stderr == "all.csv: exported 1,200 entries as csv\n"
    merged = run(runner, "import", "all.csv", "-o", "new.yaml")
    assert merged.stderr == "new.yaml: merged 1,200 entries (1,199 approved, 1 other) from all.csv (1 new, 0 changed)\n"
