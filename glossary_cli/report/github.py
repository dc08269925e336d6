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

from collections import Counter
from collections.abc import Iterator

from ..rules import Severity
from . import ReportContext, counted, report_order, visible_controls

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning"}

# GitHub shows at most 10 error and 10 warning annotations of a step (and 50 of a job); the other
# commands stay lines of the log, and nothing says so. The limits, as GitHub's toolkit documents
# them: https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations
ANNOTATIONS_SHOWN_PER_STEP = 10  # of each kind
ANNOTATIONS_SHOWN_PER_JOB = 50


def escape_data(text: str) -> str:
    return visible_controls(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_chunks(result, context: ReportContext) -> Iterator[str]:
    """The workflow commands, one line at a time."""
    titles = {rule.id: rule.title for rule in result.rules}
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
        message = f"{finding.message}\n{finding.languages[1]}: {finding.target_text}"
        yield f"::{_COMMAND[finding.severity]} {','.join(properties)}::{escape_data(message)}\n"


def render_github(result, context: ReportContext) -> str:
    return "".join(github_chunks(result, context))


def annotations_not_shown(result) -> str | None:
    """What to tell about annotations GitHub will not show (more than it shows of a step), or None."""
    kinds = Counter(_COMMAND[finding.severity] for finding in result.findings if not finding.known)
    hidden = sum(max(0, count - ANNOTATIONS_SHOWN_PER_STEP) for count in kinds.values())
    if not hidden:
        return None
    each = ", ".join(counted(kinds[kind], kind) for kind in _COMMAND.values() if kinds[kind])
    return (f"{counted(sum(kinds.values()), 'annotation')} ({each}): GitHub shows {ANNOTATIONS_SHOWN_PER_STEP} of each "
            f"kind for a step and {ANNOTATIONS_SHOWN_PER_JOB} for a job, so at least {hidden:,} are only lines of this "
            "log; glossary check --statistics counts the findings by term")
