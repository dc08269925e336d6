"""A CSV/TSV export's header is the same from one export of a glossary to the next, so a CAT tool's
saved column mapping keeps fitting: en,zh,status,note,forbidden always, the forbidden column empty
when no exported entry forbids a rendering. Only fields an entry uses add columns after those."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary
from support import write_here

PLAIN = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n"
WITH_FORBIDDEN = PLAIN + "    forbidden: [网格]\n"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.mark.parametrize("to, separator", [("csv", ","), ("tsv", "\t")])
def test_the_header_holds_the_forbidden_column_whether_or_not_an_entry_forbids_a_rendering(runner, workdir, to,
                                                                                          separator):
    write_here("plain.yaml", PLAIN)
    write_here("withf.yaml", WITH_FORBIDDEN)
    plain = run(runner, "export", "plain.yaml", "--to", to)
    with_forbidden = run(runner, "export", "withf.yaml", "--to", to)
    header = separator.join(["en", "zh", "status", "note", "forbidden"])
    assert plain.stdout == f"{header}\n" + separator.join(["grid", "电网", "approved", "", ""]) + "\n"
    assert with_forbidden.stdout == f"{header}\n" + separator.join(["grid", "电网", "approved", "", "网格"]) + "\n"


def test_an_export_with_an_empty_forbidden_column_imports_back_as_it_was(runner, workdir):
    write_here("plain.yaml", PLAIN)
    assert run(runner, "export", "plain.yaml", "--to", "csv", "-o", "plain.csv").exit_code == 0
    result = run(runner, "import", "plain.csv", "-o", "back.yaml")
    assert (result.exit_code, result.stderr) == (0, "back.yaml: 1 entry (1 approved, 0 other) imported from plain.csv\n")
    (entry,) = load_glossary("back.yaml").terms
    assert (entry.source, entry.target, entry.status.value, entry.forbidden) == ("grid", ["电网"], "approved", [])


def test_export_help_says_what_the_header_holds(runner):
    help_text = " ".join(run(runner, "export", "--help").stdout.split())
    assert "always starts en,zh,status,note,forbidden" in help_text
    assert "only when an exported entry uses them" in help_text
