"""`check --statistics`: how many findings each rule and each term gives, most first, in place of
the findings themselves (as `ruff check --statistics` counts violations by rule).

A first run over a translation memory reports tens of thousands of findings, and most come from a
few terms (`March` 452, `one` 385, `people` 297): that table says what to mend in the glossary,
where the report would take a hundred thousand lines of scrolling.

On a terminal the two are rich tables (a long term folds within its column); on a pipe or in a
CI log, tab-separated lines with a header, as extract's table:

    findings	rule	title
    21000	GL001	Approved term not rendered
    468	GL002	Forbidden rendering used

    findings	rule	term	expected
    452	GL001	March	三月
    385	GL001	one	一
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.console import Console

from ..safe_text import one_line
from ..script import has_han
from . import ReportContext, summary_line
from .text import known_line


@dataclass(frozen=True)
class TermCount:
    """How many findings one rule gives for one term."""

    findings: int
    rule_id: str
    term: str
    expected: tuple[str, ...]


def term_counts(findings) -> list[TermCount]:
    """Findings counted by rule and term: most first, then by rule ID and term."""
    counts: Counter[tuple[str, str]] = Counter()
    expected: dict[tuple[str, str], tuple[str, ...]] = {}
    for finding in findings:
        key = (finding.rule_id, finding.source_term)
        counts[key] += 1
        expected.setdefault(key, finding.expected)
    rows = [TermCount(count, rule_id, term, expected[rule_id, term]) for (rule_id, term), count in counts.items()]
    return sorted(rows, key=lambda row: (-row.findings, row.rule_id, row.term.casefold(), row.term))


_NUMBERS = ("findings",)  # columns aligned right


def _write_table(console: Console, title: str, header: tuple[str, ...], rows: list[tuple[str, ...]],
                 drawn: bool) -> None:
    """A rich table, its terms folded onto further lines rather than pushing the next column out
    of line; or, where no table is drawn (a pipe, a CI log), tab-separated lines under the header,
    the counts without separators, for `cut`, `sort -n` or a spreadsheet (as extract's table)."""
    if not drawn:
        lines = ["\t".join(header), *("\t".join(cell.replace("\t", " ") for cell in row) for row in rows)]
        console.file.write("\n".join(lines) + "\n\n")  # past rich, which would expand the tabs
        console.file.flush()
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left")
    for column in header:
        table.add_column(column, justify="right" if column in _NUMBERS else "left", overflow="fold")
    for row in rows:
        table.add_row(f"{int(row[0]):,}", *map(Text, row[1:]))  # text, never markup: a term may hold `[b]`
    console.print(table)
    console.print()


def render_statistics(result, context: ReportContext, console: Console, *, show_known: bool = False,
                      drawn: bool = False) -> None:
    """Write the counts for people to `console`, most first: by rule, then by rule and term, as
    rich tables when `drawn` (a terminal wide enough), else as tab-separated lines; then the lines
    that end the text report (the known findings summed up, the summary). Findings the baseline
    knows are counted only with `show_known`, as the report lists them only then."""
    counted_findings = [finding for finding in result.findings if show_known or not finding.known]
    if counted_findings:
        by_rule = Counter(finding.rule_id for finding in counted_findings)
        rules = [(str(by_rule[rule.id]), rule.id, rule.title)
                 for rule in sorted(result.rules, key=lambda rule: -by_rule[rule.id]) if by_rule[rule.id]]
        terms = [(str(row.findings), row.rule_id, one_line(row.term), one_line(_listed(row.expected)))
                 for row in term_counts(counted_findings)]
        _write_table(console, "findings by rule", ("findings", "rule", "title"), rules, drawn)
        _write_table(console, "findings by term", ("findings", "rule", "term", "expected"), terms, drawn)
    hidden = None if show_known else known_line(result)
    if hidden is not None:
        console.print(hidden, style="dim", soft_wrap=True, highlight=False, markup=False)
    console.print(summary_line(result, context), soft_wrap=True, highlight=False)


def _listed(renderings: tuple[str, ...]) -> str:
    """Chinese renderings apart by 、, English ones (GL005 asks for English terms) by commas."""
    return ("、" if any(map(has_han, renderings)) else ", ").join(renderings)
