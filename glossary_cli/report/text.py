"""The terminal report: findings grouped by file, the term highlighted, a summary line."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from ..rules import Severity
from . import ReportContext, report_order, summary_line, visible_controls

_LINE_BREAKS = {ord("\n"): "↵", ord("\r"): "↵"}
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def _one_line(text: str) -> str:
    """Line breaks shown as ↵ and other controls as symbols or <U+XXXX> escapes (see visible_controls)."""
    return visible_controls(text).translate(_LINE_BREAKS)


def _highlighted_source(finding) -> Text:
    """The English with the term's occurrences in bold: each piece made visible on its own, since an
    escape is longer than the character it shows."""
    text = Text()
    position = 0
    for occurrence in sorted(finding.source_occurrences, key=lambda occurrence: occurrence.start):
        if occurrence.start < position:
            continue
        text.append(_one_line(finding.source_text[position:occurrence.start]))
        text.append(_one_line(finding.source_text[occurrence.start:occurrence.end]), style="bold underline")
        position = occurrence.end
    text.append(_one_line(finding.source_text[position:]))
    return text


def render_text(result, context: ReportContext, console: Console) -> None:
    """Write the report for people to `console` (colour only where the console allows it)."""
    rules = {rule.id: rule for rule in result.rules}
    for path, group in groupby(report_order(result, context), key=lambda item: item[0].path):
        console.print(Text(_one_line(path), style="bold"), soft_wrap=True)
        for where, finding in group:
            header = Text("  ")
            header.append(_one_line(str(where)))
            header.append("  ")
            if finding.known:
                header.append("known", style="dim")
            else:
                header.append(finding.severity.value, style=_SEVERITY_STYLE[finding.severity])
            header.append(f" {finding.rule_id} {rules[finding.rule_id].title if finding.rule_id in rules else ''}")
            console.print(header, soft_wrap=True)
            console.print(Text("    ") + Text(_one_line(finding.message)), soft_wrap=True)
            if finding.expected:
                expected = Text(_one_line("、".join(finding.expected)), style="green")
                console.print(Text("    expected: ") + expected, soft_wrap=True)
            console.print(Text("    en: ") + _highlighted_source(finding), soft_wrap=True)
            console.print(Text("    zh: ") + Text(_one_line(finding.target_text)), soft_wrap=True)
        console.print()
    console.print(summary_line(result, context), soft_wrap=True, highlight=False)
