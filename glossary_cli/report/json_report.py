"""`--format json`: a stable, documented document (schema `glossary-check/1`).

    {
      "schema": "glossary-check/1",
      "provenance": {"tool": "glossary-cli", "version": ..., "command": "check",
                     "glossary": PATH, "corpus": [PATH, ...], "baseline": PATH | null,
                     "options": {"strict_count": bool, "fail_on": "error" | "warning", ...},
                     "normalisation": {"unicode": "NFKC", "opencc": "t2s", "segmenter": "jieba X.Y"}},
      "summary": {"pairs": int, "pairs_from_chinese": int, "approved_terms": int, "terms_found": int, "findings": int, "new": int,
                  "known": int, "failing": int, "by_rule": {"GL001": int, ...}},
      "rules": [{"id": "GL001", "name": ..., "title": ..., "severity": "error" | "warning"}],
      "findings": [{"rule": ..., "severity": ..., "message": ..., "path": ..., "line": int | null,
                    "column": int | null, "unit": str | null, "term": ..., "expected": [...], "found": [...],
                    "source": ..., "target": ..., "fingerprint": ..., "known": bool}]
    }

Paths are shown as `report_path` gives them (relative to the current directory when beneath it);
line and column (1-based, in characters) are where the translation to fix starts when the format
tells (XLIFF <target>, TMX <seg>, PO msgstr, TSV/CSV Chinese cell), else the segment's line.
Findings are sorted by path, line, rule and term; keys never disappear (null when unknown), so
consumers can rely on them. `pairs_from_chinese` counts the pairs translated from Chinese, read
zh -> en and checked with GL005. `terms_found` counts the approved terms whose English occurs in the
pairs checked: the others were not tested. New keys may be added; removing or renaming one bumps the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import metadata

from .. import __version__
from . import Place, ReportContext, report_order
from .json_stream import LIST_GOES_HERE, json_chunks as stream

SCHEMA = "glossary-check/1"


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def provenance(context: ReportContext) -> dict:
    jieba_version = _version("jieba")
    return {
        "tool": "glossary-cli",
        "version": __version__,
        "command": "check",
        "glossary": context.glossary_path,
        "corpus": list(context.corpus),
        "baseline": context.baseline,
        "options": {"fail_on": context.fail_on.value, **context.options},
        "normalisation": {"unicode": "NFKC", "opencc": f"t2s ({_version('opencc') or 'OpenCC'})",
                          "segmenter": f"jieba {jieba_version}" if jieba_version else None},
    }


def finding_record(where: Place, finding) -> dict:
    return {
        "rule": finding.rule_id,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": where.path,
        "line": where.line,
        "column": where.column,
        "unit": where.unit,
        "term": finding.source_term,
        "expected": list(finding.expected),
        "found": list(finding.found),
        "source": finding.source_text,
        "target": finding.target_text,
        "fingerprint": finding.fingerprint,
        "known": finding.known,
    }


def json_chunks(result, context: ReportContext) -> Iterator[str]:
    """The report in pieces, a finding at a time (json_stream.py)."""
    document = {
        "schema": SCHEMA,
        "provenance": provenance(context),
        "summary": {
            "pairs": result.pairs_checked,
            "pairs_from_chinese": result.pairs_from_chinese,
            "approved_terms": len(result.terms),
            "terms_found": result.terms_found(),
            "findings": len(result.findings),
            "new": len(result.new_findings()),
            "known": len(result.findings) - len(result.new_findings()),
            "failing": len(result.failing(context.fail_on)),
            "by_rule": result.counts_by_rule(),
        },
        "rules": [{"id": rule.id, "name": rule.name, "title": rule.title, "severity": rule.severity.value}
                  for rule in result.rules],
        "findings": LIST_GOES_HERE,
    }
    records = (finding_record(where, finding) for where, finding in report_order(result, context))
    return stream(document, records)


def render_json(result, context: ReportContext) -> str:
    return "".join(json_chunks(result, context))
