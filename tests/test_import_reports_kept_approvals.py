"""A vendor's termbase that no longer approves a term: import keeps the term approved, and says
which terms and what the file did (left them out, emptied their status, made them candidates),
so the lead learns what the vendor did."""

from __future__ import annotations

import re
from pathlib import Path

from glossary_cli.cli.common import app
from support import write_here

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: save
    target: 保存
    status: approved
  - source: Export
    target: 导出
    status: approved
  - source: cough
    target: 咳嗽
    status: approved
  - source: fever
    target: 发热
    status: approved
"""


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def test_a_deleted_row_and_an_emptied_status_cell_are_named_and_kept_approved(runner, workdir):
    write_here("g.yaml", GLOSSARY)
    write_here("vendor.csv", "en,zh,status\nsave,保存,\nExport,导出,candidate\ncough,咳嗽,approved\n")

    result = run(runner, "import", "vendor.csv", "-o", "g.yaml")

    assert (result.exit_code, result.stderr) == (0, (
        'warning: g.yaml:4: "save" → 保存 is approved; vendor.csv:2 gives it no status; kept approved\n'
        'warning: g.yaml:7: "Export" → 导出 is approved; vendor.csv:3 has it as a candidate; kept approved\n'
        'warning: g.yaml:13: "fever" → 发热 is approved; vendor.csv leaves it out; kept approved\n'
        "g.yaml: merged 3 entries (1 approved, 2 other) from vendor.csv (0 new, 0 changed; kept approved: "
        "1 term left out of the file, 1 with no status in the file, 1 not approved in the file)\n"))
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_an_empty_status_read_as_approved_with_unstated_approved_is_no_news(runner, workdir):
    write_here("g.yaml", GLOSSARY)
    write_here("vendor.csv", "en,zh,status\nsave,保存,\nExport,导出,approved\ncough,咳嗽,approved\n")

    result = run(runner, "import", "vendor.csv", "--unstated", "approved", "-o", "g.yaml")

    assert (result.exit_code, result.stderr) == (0, (
        'warning: g.yaml:13: "fever" → 发热 is approved; vendor.csv leaves it out; kept approved\n'
        "g.yaml: merged 3 entries (3 approved, 0 other) from vendor.csv (0 new, 0 changed; kept approved: "
        "1 term left out of the file)\n"))


def test_a_termbase_whose_status_the_vendor_removed_or_whose_concept_they_deleted(runner, workdir):
    write_here("g.yaml", GLOSSARY)
    assert run(runner, "export", "g.yaml", "--to", "tbx", "-o", "vendor.tbx").exit_code == 0
    text = Path("vendor.tbx").read_text(encoding="utf-8")
    concepts = re.findall(r"      <conceptEntry.*?</conceptEntry>\n", text, flags=re.S)
    save_unstated = re.sub(r"\s*<termNote type=\"administrativeStatus\">[^<]*</termNote>", "", concepts[0])
    Path("vendor.tbx").write_text(text.replace(concepts[0], save_unstated).replace(concepts[3], ""), encoding="utf-8")

    result = run(runner, "import", "vendor.tbx", "-o", "g.yaml")

    assert result.exit_code == 0
    assert result.stderr == (
        'warning: g.yaml:4: "save" → 保存 is approved; vendor.tbx:12 gives it no status; kept approved\n'
        'warning: g.yaml:13: "fever" → 发热 is approved; vendor.tbx leaves it out; kept approved\n'
        "g.yaml: merged 3 entries (2 approved, 1 other) from vendor.tbx (0 new, 0 changed; kept approved: "
        "1 term left out of the file, 1 with no status in the file)\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_a_returned_termbase_missing_many_terms_lists_the_first_ten_and_counts_the_rest(runner, workdir):
    terms = "".join(f"  - source: term {number}\n    target: 术语{number}\n    status: approved\n"
                    for number in range(1, 26))
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n" + terms)
    write_here("vendor.csv", "en,zh,status\n" + "".join(f"term {number},术语{number},approved\n"
                                                        for number in range(1, 14)))  # 12 rows deleted

    result = run(runner, "import", "vendor.csv", "-o", "g.yaml")

    lines = result.stderr.splitlines()
    assert result.exit_code == 0
    assert len(lines) == 12
    assert lines[0] == 'warning: g.yaml:43: "term 14" → 术语14 is approved; vendor.csv leaves it out; kept approved'
    assert lines[10:] == [
        "warning: g.yaml: 2 more approved terms that vendor.csv leaves out or does not approve; kept approved",
        "g.yaml: merged 13 entries (13 approved, 0 other) from vendor.csv (0 new, 0 changed; kept approved: "
        "12 terms left out of the file)"]


def test_a_file_of_a_few_new_terms_says_nothing_of_the_terms_it_does_not_hold(runner, workdir):
    write_here("g.yaml", GLOSSARY)
    write_here("new.csv", "en,zh,status\nsore throat,咽痛,approved\nsave,保存,\n")

    result = run(runner, "import", "new.csv", "-o", "g.yaml")

    assert (result.exit_code, result.stderr) == (0, (
        'warning: g.yaml:4: "save" → 保存 is approved; new.csv:3 gives it no status; kept approved\n'
        "g.yaml: merged 2 entries (1 approved, 1 other) from new.csv (1 new, 0 changed; kept approved: "
        "1 term with no status in the file)\n"))
