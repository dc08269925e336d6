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

