"""A key of one's own written `x-reviewer` goes to a vendor as the column `x-reviewer`, not
`x-x-reviewer`, and comes back into the glossary as `x-reviewer`; tables earlier versions exported
with `x-x-reviewer` still read back as `x-reviewer`."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from support import write_here

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh-CN}
terms:
  - source: patient
    target: 患者
    status: approved
    forbidden: [病人]
    x-reviewer: Li
  - source: cough
    target: 咳嗽
    status: approved
"""


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.mark.parametrize("to, cell", [("csv", ","), ("tsv", "\t")])
def test_a_key_written_x_reviewer_is_the_column_x_reviewer(runner, workdir, to, cell):
    write_here("g.yaml", GLOSSARY)

    result = run(runner, "export", "g.yaml", "--to", to)

    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [cell.join(["en", "zh-CN", "status", "note", "forbidden", "x-reviewer"]),
                                              cell.join(["patient", "患者", "approved", "", "病人", "Li"])]


@pytest.mark.parametrize("to, cell", [("csv", ","), ("tsv", "\t")])
def test_the_vendors_table_comes_back_into_the_glossary_as_x_reviewer_changing_nothing(runner, workdir, to, cell):
    write_here("g.yaml", GLOSSARY)
    rows = [["en", "zh-CN", "status", "note", "forbidden", "x-reviewer"], ["patient", "患者", "approved", "", "病人", "Li"],
            ["cough", "咳嗽", "approved", "", "", ""]]
    write_here(f"vendor.{to}", "".join(cell.join(row) + "\n" for row in rows))  # as the export writes it

    result = run(runner, "import", f"vendor.{to}", "-o", "g.yaml")

    assert (result.exit_code, result.stderr) == (
        0, f"g.yaml: merged 2 entries (2 approved, 0 other) from vendor.{to} (0 new, 0 changed)\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_a_table_an_earlier_version_exported_with_x_x_reviewer_still_reads_back_as_x_reviewer(runner, workdir):
    write_here("g.yaml", GLOSSARY)
    write_here("old.csv", "en,zh-CN,status,note,forbidden,x-x-reviewer\npatient,患者,approved,,病人,Wang\n"
                          "cough,咳嗽,approved,,,\n")
    write_here("new.csv", "en,zh-CN,status,note,forbidden,x-reviewer\npatient,患者,approved,,病人,Wang\n"
                          "cough,咳嗽,approved,,,\n")

    for name in ("old.csv", "new.csv"):  # the vendor changed the reviewer: a conflict on the key as written
        result = run(runner, "import", name, "-o", "g.yaml")
        assert result.exit_code == 1
        assert f'"patient": x-reviewer differs (g.yaml:8 "Li"; {name}:2 "Wang")' in result.stderr



SCOPED = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: pandemic
    paths: ["docs/**"]
    target: 流行病
    status: approved
"""


@pytest.mark.parametrize("table", ["e.csv", "e.tsv"])
def test_an_entry_s_paths_travel_as_a_paths_column_and_come_back(runner, workdir, table):
    """Exported as the column x-paths, which import then refused as the glossary's own key written
    as a custom one, even into the glossary it came from (newcomer probe, H1)."""
    write_here("g.yaml", SCOPED)
    assert run(runner, "export", "g.yaml", "--to", table[2:], "-o", table).exit_code == 0
    assert Path(table).read_text(encoding="utf-8").splitlines()[0].split("," if table.endswith("csv") else "\t")[-1] \
        == "paths"
    back = run(runner, "import", table, "-o", "g.yaml")
    assert back.exit_code == 0, back.output
    assert Path("g.yaml").read_text(encoding="utf-8") == SCOPED
    assert run(runner, "import", table, "-o", "new.yaml").exit_code == 0
    assert "    paths:\n      - docs/**\n" in Path("new.yaml").read_text(encoding="utf-8")
