"""`--format gitlab`: a GitLab Code Quality report (the subset of the Code Climate issue format
GitLab reads), for `artifacts: reports: codequality:`, which shows new and fixed findings in a
merge request.

    [{"description": "...", "check_name": "GL001", "fingerprint": "…", "severity": "major",
      "location": {"path": "docs/zh.po", "lines": {"begin": 13}}}]

GitLab shows one issue per fingerprint and compares fingerprints between the merge request and its
target branch, so a fingerprint must be unique in the report and survive edits elsewhere: it hashes
the finding's own fingerprint (rule, term, normalised English), its file, and which occurrence of
it in that file this is, as SARIF's does. Errors are `major` and warnings `minor`. Known (baseline)
findings are left out, as GitHub annotations leave them out. The path is the one every report
shows (relative to the current directory, the repository root in a CI job); a finding read from
standard input has the path `<stdin>`, and one without a line number line 1.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator

from ..rules import Severity
from . import ReportContext, report_order
from .json_stream import LIST_GOES_HERE, json_chunks

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def gitlab_chunks(result, context: ReportContext) -> Iterator[str]:
    """The report in pieces, an issue at a time (json_stream.py): the report is one JSON list."""
    return json_chunks(LIST_GOES_HERE, _issues(result, context))


def _issues(result, context: ReportContext) -> Iterator[dict]:
    occurrences: Counter[tuple[str, str]] = Counter()
    for where, finding in report_order(result, context):
        occurrences[where.path, finding.fingerprint] += 1
        if finding.known:
            continue
        identity = f"{finding.fingerprint}\0{where.path}\0{occurrences[where.path, finding.fingerprint]}"
        yield {
            "description": f"{finding.message}; {finding.languages[1]}: {finding.target_text}",
            "check_name": finding.rule_id,
            "fingerprint": hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32],
            "severity": _SEVERITY[finding.severity],
            "location": {"path": where.path, "lines": {"begin": where.line or 1}},
        }


def render_gitlab(result, context: ReportContext) -> str:
    return "".join(gitlab_chunks(result, context))
