"""`--format sarif`: SARIF 2.1.0, one reporting descriptor per rule ID, fingerprints that
survive line moves, baselineState when a baseline was given.

A finding the baseline accepts is a result with an accepted `external` suppression (SARIF's word
for a finding someone decided to live with, recorded outside the analysed file) at level `note`,
so neither a SARIF viewer nor code scanning shows it as an error; its rule keeps its own level.

Code scanning takes `partialFingerprints` as an alert's identity, so no two results of a file may
share one. `glossaryFinding/v2` is the finding's fingerprint (rule, term, normalised English; the
one baselines list) and which occurrence of it in the file this is, `<fingerprint>:<n>`, as
CodeQL's primaryLocationLineHash counts repeated lines: the same sentence translated wrongly on
lines 2 and 40 gives `…:1` and `…:2`, and editing other lines changes neither.

Artifact locations: a file beneath the current directory is a relative URI with
`uriBaseId: "%SRCROOT%"` (the run's `originalUriBaseIds` says where that is), as code scanning
expects; any other file an absolute `file://` URI. Standard input has no artifact: its results
carry a logical location named `<stdin>` instead. A region starts where the translation to fix
starts (a <target>'s words, a msgstr's text, the Chinese cell), its column counted in UTF-16 code
units as `columnKind` says."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..rules import Severity
from . import ReportContext, report_order
from .json_report import provenance
from .json_stream import LIST_GOES_HERE, json_chunks

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub code scanning rejects a SARIF run of more than 25,000 results, and of a run of more than
# 5,000 keeps 5,000, the most severe ("SARIF results exceed one or more limits"):
# https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
CODE_SCANNING_RESULTS_PER_RUN = 25_000
CODE_SCANNING_RESULTS_KEPT = 5_000
SOURCE_ROOT = "%SRCROOT%"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def artifact_location(path: str) -> dict:
    """A path as report_path gives it: relative to %SRCROOT% with forward slashes, or absolute as file://."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": SOURCE_ROOT}


def sarif_chunks(result, context: ReportContext) -> Iterator[str]:
    """The log in pieces, a result at a time (json_stream.py)."""
    rule_index = {rule.id: index for index, rule in enumerate(result.rules)}
    rules = [{
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    } for rule in result.rules]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "glossary-cli", "version": __version__, "rules": rules}},
            "originalUriBaseIds": {SOURCE_ROOT: {"uri": Path(os.path.abspath(context.root)).as_uri().rstrip("/") + "/"}},
            "results": LIST_GOES_HERE,
            "columnKind": "utf16CodeUnits",
            "properties": {"provenance": provenance(context)},
        }],
    }
    return json_chunks(document, _results(result, context, rule_index))


def _results(result, context: ReportContext, rule_index: dict[str, int]) -> Iterator[dict]:
    occurrences: Counter[tuple[str, str]] = Counter()
    for where, finding in report_order(result, context):
        occurrences[where.path, finding.fingerprint] += 1
        occurrence = occurrences[where.path, finding.fingerprint]
        location: dict = {}
        logical = []
        if where.stdin:
            logical.append({"name": where.path, "kind": "resource"})
            if where.line is not None:
                location["message"] = {"text": str(where)}
        else:
            physical: dict = {"artifactLocation": artifact_location(where.path)}
            if where.line is not None:
                physical["region"] = {"startLine": where.line}
                if where.column_utf16 is not None:
                    physical["region"]["startColumn"] = where.column_utf16
            location["physicalLocation"] = physical
        if where.unit is not None:
            logical.append({"name": where.unit, "kind": "translationUnit"})
        if logical:
            location["logicalLocations"] = logical
        record = {
            "ruleId": finding.rule_id,
            "ruleIndex": rule_index[finding.rule_id],
            "level": _LEVEL[finding.severity],
            "message": {"text": f"{finding.message}\n{finding.languages[1]}: {finding.target_text}"},
            "locations": [location],
            "partialFingerprints": {"glossaryFinding/v2": f"{finding.fingerprint}:{occurrence}"},
            "properties": {"term": finding.source_term, "expected": list(finding.expected)},
        }
        if context.baseline is not None:
            record["baselineState"] = "unchanged" if finding.known else "new"
        if finding.known:
            # Accepted: suppressed, and the suppression lives outside the corpus (in the baseline).
            # Code scanning may ignore suppressions, so the level drops to note as well: never an error alert.
            record["level"] = "note"
            baseline = f"the baseline {context.baseline}" if context.baseline is not None else "a baseline"
            record["suppressions"] = [{"kind": "external", "status": "accepted",
                                       "justification": f"accepted in {baseline}"}]
        yield record


def render_sarif(result, context: ReportContext) -> str:
    return "".join(sarif_chunks(result, context))


def beyond_code_scanning_limits(result) -> str | None:
    """What to tell when the run holds more results than GitHub code scanning takes or keeps (every
    finding is a result: a known one too, suppressed), or None."""
    results = len(result.findings)
    if results > CODE_SCANNING_RESULTS_PER_RUN:
        fate = f"GitHub code scanning rejects a run of more than {CODE_SCANNING_RESULTS_PER_RUN:,}"
    elif results > CODE_SCANNING_RESULTS_KEPT:
        fate = (f"GitHub code scanning keeps {CODE_SCANNING_RESULTS_KEPT:,} results of a run, the most severe, "
                "and drops the rest")
    else:
        return None
    return (f"the SARIF report holds {results:,} results in one run; {fate}; glossary check --statistics "
            "counts the findings by term")
