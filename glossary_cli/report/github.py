"""`--format github`: GitHub Actions workflow commands, one annotation per new finding.

    ::error file=docs/zh.po,line=12,title=GL001 Approved term not rendered::message

Known (baseline) findings get no annotation. Escaping follows the workflow-command rules:
in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in property values `:` and `,` are
escaped too (`%3A`, `%2C`). Other control characters, which the log viewer would obey, are shown
as symbols (`visible_controls`).
"""

from __future__ import annotations

from ..rules import Severity
from . import ReportContext, visible_controls
from .json_report import sorted_findings

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def escape_data(text: str) -> str:
    return visible_controls(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result, context: ReportContext) -> str:
    titles = {rule.id: rule.title for rule in result.rules}
    lines = []
    for finding in sorted_findings(result):
        if finding.known:
            continue
        properties = [f"file={escape_property(finding.location.path)}"]
        if finding.location.line is not None:
            properties.append(f"line={finding.location.line}")
        title = f"{finding.rule_id} {titles.get(finding.rule_id, '')}".strip()
        properties.append(f"title={escape_property(title)}")
        message = f"{finding.message}\nzh: {finding.target_text}"
        lines.append(f"::{_COMMAND[finding.severity]} {','.join(properties)}::{escape_data(message)}\n")
    return "".join(lines)
