"""Render a `CheckResult` for people (text) and machines (json, sarif, github, junit).

Machine formats are pure functions `render_<format>(result, context) -> str`; text writes to a
rich console so colour appears only on a terminal (and never with NO_COLOR).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..rules import Severity


class ReportFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"


@dataclass(frozen=True)
class ReportContext:
    """What the report needs besides the findings: inputs and options, for provenance."""

    glossary_path: str
    corpus: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    baseline: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


# C0 controls but tab and line breaks, DEL and C1 controls: from a corpus, an ESC could recolour or
# clear the terminal (or the CI log) showing the report. Shown as their Control Pictures (␛), C1
# as U+FFFD: one character for one, so highlight offsets still hold.
_CONTROLS = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)}
_CONTROLS[0x7F] = "\u2421"
_CONTROLS.update({code: "\ufffd" for code in range(0x80, 0xA0)})


def visible_controls(text: str) -> str:
    """Text from the corpus made safe for a terminal: control characters become visible symbols."""
    return text.translate(_CONTROLS)


def render(result, context: ReportContext, report_format: ReportFormat) -> str:
    """The report text of a machine format."""
    if report_format is ReportFormat.JSON:
        from .json_report import render_json as renderer
    elif report_format is ReportFormat.SARIF:
        from .sarif import render_sarif as renderer
    elif report_format is ReportFormat.GITHUB:
        from .github import render_github as renderer
    elif report_format is ReportFormat.JUNIT:
        from .junit import render_junit as renderer
    else:
        raise ValueError(f"{report_format.value} is written with render_text")
    return renderer(result, context)


def summary_line(result, context: ReportContext) -> str:
    """One line: how many findings per rule, over how many pairs and terms, how many known."""
    scope = f"{_count(result.pairs_checked, 'pair')}, {_count(len(result.terms), 'approved term')}"
    if not result.findings:
        return f"No findings in {scope}."
    counts = ", ".join(f"{rule_id} {count}" for rule_id, count in result.counts_by_rule().items())
    total = len(result.findings)
    line = f"{_count(total, 'finding')} ({counts}) in {scope}"
    known = total - len(result.new_findings())
    if known:
        line += f"; {known:,} known from the baseline"
    failing = len(result.failing(context.fail_on))
    line += f"; {failing:,} at or above {context.fail_on.value}" if failing else f"; none at or above {context.fail_on.value}"
    return line + "."


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


__all__ = ["ReportContext", "ReportFormat", "render", "summary_line", "visible_controls"]
