"""`--format sarif`: SARIF 2.1.0, one reporting descriptor per rule ID, fingerprints that
survive line moves, baselineState when a baseline was given.

Code scanning takes `partialFingerprints` as an alert's identity, so no two results of a file may
share one. `glossaryFinding/v2` is the finding's fingerprint (rule, term, normalised English; the
one baselines list) and which occurrence of it in the file this is, `<fingerprint>:<n>`, as
CodeQL's primaryLocationLineHash counts repeated lines: the same sentence translated wrongly on
lines 2 and 40 gives `…:1` and `…:2`, and editing other lines changes neither."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..rules import Severity
from . import ReportContext
from .json_report import provenance, sorted_findings

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference with forward slashes; an absolute one as file://."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"))


def render_sarif(result, context: ReportContext) -> str:
    rule_index = {rule.id: index for index, rule in enumerate(result.rules)}
    rules = [{
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    } for rule in result.rules]
    results = []
    occurrences: Counter[tuple[str, str]] = Counter()
    for finding in sorted_findings(result):
        occurrences[finding.location.path, finding.fingerprint] += 1
        occurrence = occurrences[finding.location.path, finding.fingerprint]
        physical = {"artifactLocation": {"uri": artifact_uri(finding.location.path)}}
        if finding.location.line is not None:
            physical["region"] = {"startLine": finding.location.line}
        location = {"physicalLocation": physical}
        if finding.location.unit is not None:
            location["logicalLocations"] = [{"name": finding.location.unit, "kind": "translationUnit"}]
        record = {
            "ruleId": finding.rule_id,
            "ruleIndex": rule_index[finding.rule_id],
            "level": _LEVEL[finding.severity],
            "message": {"text": f"{finding.message}\nzh: {finding.target_text}"},
            "locations": [location],
            "partialFingerprints": {"glossaryFinding/v2": f"{finding.fingerprint}:{occurrence}"},
            "properties": {"term": finding.source_term, "expected": list(finding.expected)},
        }
        if context.baseline is not None:
            record["baselineState"] = "unchanged" if finding.known else "new"
        results.append(record)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "glossary-cli", "version": __version__, "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"provenance": provenance(context)},
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
