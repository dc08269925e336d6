"""`--format github`: GitHub Actions workflow commands, one annotation per new finding.

    ::error file=docs/zh.po,line=13,col=9,title=GL001 Approved term not rendered::message

The line and column are where the translation to fix starts (the msgstr's text, here).

Known (baseline) findings get no annotation. The file is repository-relative when it is under the
current directory (GitHub attaches annotations only to such paths); a finding read from standard
input names no file. Escaping follows the workflow-command rules:
in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in property values `:` and `,` are
escaped too (`%3A`, `%2C`). Other control characters, which the log viewer would obey, are shown
as symbols (`visible_controls`).
"""

from __future__ import annotations

from ..rules import Severity
from . import ReportContext, report_order, visible_controls

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def escape_data(text: str) -> str:
    return visible_controls(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result, context: ReportContext) -> str:
    titles = {rule.id: rule.title for rule in result.rules}
    lines = []
    for where, finding in report_order(result, context):
        if finding.known:
            continue
        properties = []
        if not where.stdin:  # standard input is no file of the repository: the annotation goes to the run
            properties.append(f"file={escape_property(where.path)}")
            if where.line is not None:
                properties.append(f"line={where.line}")
                if where.column is not None:
                    properties.append(f"col={where.column}")
        title = f"{finding.rule_id} {titles.get(finding.rule_id, '')}".strip()
        properties.append(f"title={escape_property(title)}")
        message = f"{finding.message}\nzh: {finding.target_text}"
        lines.append(f"::{_COMMAND[finding.severity]} {','.join(properties)}::{escape_data(message)}\n")
    return "".join(lines)
