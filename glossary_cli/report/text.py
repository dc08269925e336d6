"""The terminal report: new findings grouped by file, the term highlighted, the findings a
baseline knows summed up in one line (listed too with --show-known), a summary line.

A first run over a translation memory can report a hundred thousand findings, and rich spends
far more on a `console.print` of a `Text` (console size, terminal checks, control codes stripped,
the text split into lines, spans divided, a flush) than on the text itself. So the report is not
printed a line at a time: the lines of many findings are gathered as (text, style) pieces and
printed at once as rich `Segment`s. The bytes are those rich writes for the same lines printed one
by one as `Text`: tabs expanded to the next multiple of 8 cells, styles rendered as the console
renders them (and not at all in a file, a pipe or with NO_COLOR).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment, Segments

from ..rules import Severity
from ..safe_text import one_line
from . import ReportContext, counted, report_order, summary_line

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
_FINDINGS_PER_WRITE = 500
# From this many findings listed, the report ends by saying that --statistics counts them by term:
# a few terms cause most of a first run's thousands, and the table says which.
_STATISTICS_HINT_FROM = 100

Piece = tuple[str, "str | None"]  # text and its rich style, if any; ("\n", None) ends a line


class _Lines:
    """Report lines gathered for one write."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.findings = 0

    def add(self, text: str, style: str | None = None) -> None:
        if text:
            self.pieces.append((text, style))

    def end_line(self) -> None:
        self.pieces.append(("\n", None))

    def write(self, console: Console) -> None:
        """Write the gathered lines to the console and start afresh."""
        pieces: Iterator[Piece] | list[Piece] = self.pieces
        if any("\t" in text for text, _ in pieces):
            pieces = _tabs_expanded(pieces, console.tab_size or 8)
        get_style = console.get_style
        segments = (Segment(text, get_style(style)) if style else Segment(text) for text, style in pieces)
        console.print(Segments(segments), soft_wrap=True)
        self.pieces, self.findings = [], 0


def _tabs_expanded(pieces: list[Piece], tab_size: int) -> Iterator[Piece]:
    """The pieces with each tab as rich writes it (`Text.expand_tabs`): a space, then spaces up to
    the next multiple of tab_size cells (a Chinese character takes two), in the tab's style; rich
    renders the text up to a tab and the text after it as separate pieces."""
    cells = 0  # of the line up to its last tab
    since_tab: list[str] = []  # the line's text after its last tab
    for text, style in pieces:
        if text == "\n":
            cells, since_tab = 0, []
            yield text, style
            continue
        *ended_by_tab, rest = text.split("\t")
        for part in ended_by_tab:
            cells += cell_len("".join(since_tab) + part + " ")  # as rich measures the text between tabs
            since_tab = []
            padding = -cells % tab_size
            cells += padding
            yield part + " " * (1 + padding), style
        if rest:
            since_tab.append(rest)
            yield rest, style


def _add_highlighted_source(lines: _Lines, finding) -> None:
    """The text translated with the term's occurrences in bold: each piece made visible on its own, since an
    escape is longer than the character it shows."""
    position = 0
    for occurrence in sorted(finding.source_occurrences, key=lambda occurrence: occurrence.start):
        if occurrence.start < position:
            continue
        lines.add(one_line(finding.source_text[position:occurrence.start]))
        lines.add(one_line(finding.source_text[occurrence.start:occurrence.end]), "bold underline")
        position = occurrence.end
    lines.add(one_line(finding.source_text[position:]))


def _add_finding(lines: _Lines, where, finding, title: str) -> None:
    lines.add(f"  {one_line(str(where))}  ")
    if finding.known:
        lines.add("known", "dim")
    else:
        lines.add(finding.severity.value, _SEVERITY_STYLE[finding.severity])
    lines.add(f" {finding.rule_id} {title}")
    lines.end_line()
    lines.add(f"    {one_line(finding.message)}")
    lines.end_line()
    source, target = finding.languages
    if finding.expected:
        lines.add("    expected: ")
        lines.add(one_line(("、" if target == "zh" else ", ").join(finding.expected)), "green")
        lines.end_line()
    lines.add(f"    {source}: ")
    _add_highlighted_source(lines, finding)
    lines.end_line()
    lines.add(f"    {target}: {one_line(finding.target_text)}")
    lines.end_line()
    lines.findings += 1


def known_line(result) -> str | None:
    """`222 known findings not shown (GL001 125, GL002 97); --show-known lists them.`, or None
    when the baseline knows none of the findings."""
    counts = Counter(finding.rule_id for finding in result.findings if finding.known)
    total = sum(counts.values())
    if not total:
        return None
    by_rule = ", ".join(f"{rule.id} {counts[rule.id]:,}" for rule in result.rules if counts[rule.id])
    them = "it" if total == 1 else "them"
    return f"{counted(total, 'known finding')} not shown ({by_rule}); --show-known lists {them}."


def render_text(result, context: ReportContext, console: Console, *, show_known: bool = False) -> None:
    """Write the report for people to `console` (colour only where the console allows it). Findings
    the baseline knows are summed up in one line before the summary, unless `show_known`: a run
    against a baseline of hundreds would bury the one new finding among them."""
    titles = {rule.id: rule.title for rule in result.rules}
    lines = _Lines()
    shown = report_order(result, context)
    if not show_known:
        shown = [(where, finding) for where, finding in shown if not finding.known]
    for path, group in groupby(shown, key=lambda item: item[0].path):
        lines.add(one_line(path), "bold")
        lines.end_line()
        for where, finding in group:
            _add_finding(lines, where, finding, titles.get(finding.rule_id, ""))
            if lines.findings >= _FINDINGS_PER_WRITE:
                lines.write(console)
        lines.end_line()  # a blank line after each file
    lines.write(console)
    if len(shown) >= _STATISTICS_HINT_FROM:
        console.print(f"{len(shown):,} findings listed; --statistics counts them by rule and term instead.",
                      style="dim", soft_wrap=True, highlight=False, markup=False)
    hidden = None if show_known else known_line(result)
    if hidden is not None:
        console.print(hidden, style="dim", soft_wrap=True, highlight=False, markup=False)
    console.print(summary_line(result, context), soft_wrap=True, highlight=False)
