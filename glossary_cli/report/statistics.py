"""`check --statistics`: how many findings each rule and each term gives, most first, in place of
the findings themselves (as `ruff check --statistics` counts violations by rule).

A first run over a translation memory reports tens of thousands of findings, and most come from a
few terms (`March` 452, `one` 385, `people` 297): that table says what to mend in the glossary,
where the report would take a hundred thousand lines of scrolling.

    findings  rule   title
      21,000  GL001  Approved term not rendered
         468  GL002  Forbidden rendering used

    findings  rule   term    expected
         452  GL001  March   三月
         385  GL001  one     一
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console

from ..safe_text import one_line
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


_WIDEST_COLUMN = 32  # cells; a longer term pushes the rest of its own row along, not of every row


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """Lines of columns two spaces apart, the first (a count) aligned right, the last as it is;
    widths in terminal cells, where a Chinese character takes two."""
    widths = [min(_WIDEST_COLUMN, max(cell_len(row[column]) for row in [header, *rows]))
              for column in range(len(header) - 1)]

    def line(row: tuple[str, ...]) -> str:
        cells = [" " * max(0, widths[0] - cell_len(row[0])) + row[0]]
        cells += [cell + " " * max(0, width - cell_len(cell)) for cell, width in zip(row[1:-1], widths[1:])]
        return "  ".join([*cells, row[-1]]).rstrip()

    return [line(header), *(line(row) for row in rows)]


def render_statistics(result, context: ReportContext, console: Console, *, show_known: bool = False) -> None:
    """Write the counts for people to `console`, most first: by rule, then by rule and term; then
    the lines that end the text report (the known findings summed up, the summary). Findings the
    baseline knows are counted only with `show_known`, as the report lists them only then."""
    counted_findings = [finding for finding in result.findings if show_known or not finding.known]
    if counted_findings:
        by_rule = Counter(finding.rule_id for finding in counted_findings)
        rules = [(f"{by_rule[rule.id]:,}", rule.id, rule.title)
                 for rule in sorted(result.rules, key=lambda rule: -by_rule[rule.id]) if by_rule[rule.id]]
        terms = [(f"{row.findings:,}", row.rule_id, one_line(row.term), one_line("、".join(row.expected)))
                 for row in term_counts(counted_findings)]
        lines = [*_table(("findings", "rule", "title"), rules), "",
                 *_table(("findings", "rule", "term", "expected"), terms), ""]
        console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
    hidden = None if show_known else known_line(result)
    if hidden is not None:
        console.print(hidden, style="dim", soft_wrap=True, highlight=False, markup=False)
    console.print(summary_line(result, context), soft_wrap=True, highlight=False)
