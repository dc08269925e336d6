"""eval's table of misses on an ordinary terminal: a term too long for its column folds onto the
next line, so a wrong proposal never reads, cut short, as the expected rendering."""

from __future__ import annotations

import io

from rich.console import Console

from glossary_cli.cli import eval_cmd
from glossary_cli.evaluate import evaluate, merge_terms
from glossary_cli.glossary import Entry, Glossary, Status


def test_a_wrong_proposal_is_shown_whole_at_70_columns():
    glossary = Glossary(terms=[Entry(source="next-generation photovoltaics", target=["新型光伏关键技术"],
                                     status=Status.CANDIDATE, score=0.9)])
    reference = merge_terms("gold.tsv", [(1, "next-generation photovoltaics", ["新型光伏"])])
    evaluation = evaluate(glossary, reference.terms, k=200)
    screen = io.StringIO()
    eval_cmd._miss_table(Console(file=screen, force_terminal=True, color_system=None, width=70),
                         list(evaluation.misses), len(evaluation.misses))
    table = screen.getvalue()
    assert "…" not in table
    rows = [line.split("│")[1:-1] for line in table.splitlines() if line.startswith("│")]
    proposed = "".join(cells[3].strip() for cells in rows)
    term = "".join(cells[1].strip() for cells in rows)
    assert (proposed, term) == ("新型光伏关键技术", "next-generationphotovoltaics")  # its lines joined
