"""`check --statistics` as people and scripts read it: a table on a terminal, whose long terms
fold within their column, and tab-separated lines on a pipe, as extract's table."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.report import ReportContext
from glossary_cli.report.statistics import render_statistics

LONG_TERM = "Shenzhen National Low-Carbon City Forum"  # 39 characters
GLOSSARY = Glossary(terms=[Entry(source="Shenzhen", target=["深圳"], status=Status.APPROVED),
                           Entry(source=LONG_TERM, target=["深圳国家低碳城论坛"], status=Status.APPROVED)])
PAIRS = [SegmentPair("Shenzhen is green.", "深市是绿色的。", Location("a.tsv", 1)),
         SegmentPair(f"The {LONG_TERM} opened.", "深市国家低碳城论坛开幕。", Location("a.tsv", 2))]
CONTEXT = ReportContext(glossary_path="g.yaml", root=".")


def statistics(drawn: bool) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=drawn, no_color=True, legacy_windows=False)
    render_statistics(run_check(GLOSSARY, PAIRS), CONTEXT, console, drawn=drawn)
    return buffer.getvalue()


def test_on_a_terminal_a_long_term_keeps_every_expected_rendering_in_its_column():
    table = statistics(drawn=True)
    rows = [line for line in table.splitlines() if line.startswith("│") and "深圳" in line]
    assert len(rows) == 2
    # where the expected column starts, in terminal cells (a Chinese character takes two)
    starts = {cell_len(row[:row.index("深圳")]) for row in rows}
    assert len(starts) == 1
    assert "Shenzhen National Low-Carbon" in table and "…" not in table


def test_on_a_pipe_each_row_is_tab_separated_whatever_the_length_of_the_term():
    lines = statistics(drawn=False).splitlines()
    assert lines[3:6] == ["findings\trule\tterm\texpected", "1\tGL001\tShenzhen\t深圳",
                          f"1\tGL001\t{LONG_TERM}\t深圳国家低碳城论坛"]
