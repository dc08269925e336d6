"""The report of a run an input error stopped (exit 2): still a document the CI system can read.

A CI job that saves `--format gitlab > gl-code-quality.json` (or uploads SARIF, or reads JUnit)
would otherwise get an empty file, which GitLab and code scanning refuse to parse, while the error
itself is only in the log. So each machine format says what stopped the run, where it can:
GitLab as one blocker issue, SARIF as a failed invocation with its notification, JUnit as a test
case in error, JSON with an `error` object (and no findings), GitHub as an error annotation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import xml.etree.ElementTree as ElementTree

from .. import __version__
from ..errors import GlossaryError
from ..textio import spelled
from . import ReportContext, ReportFormat, report_path
from .github import escape_data, escape_property
from .json_report import SCHEMA, provenance
from .sarif import SARIF_SCHEMA, artifact_location

CHECK_NAME = "glossary-input-error"


def render_failure(report_format: ReportFormat, error: GlossaryError, context: ReportContext) -> str:
    """The report for `report_format` of a run that `error` stopped; empty for text (stderr has it)."""
    # a name that is not valid UTF-8 (caf\xe9.txt from a zip) is shown escaped, as the error line shows it
    context = dataclasses.replace(context, glossary_path=_printable(context.glossary_path),
                                  corpus=tuple(_printable(name) for name in context.corpus))
    path = _printable(report_path(error.path, context.root)) if error.path else None
    message = _printable(error.message)
    if report_format is ReportFormat.GITLAB:
        identity = f"{CHECK_NAME}\0{path}\0{message}"
        return json.dumps([{
            "description": f"glossary check stopped: {error}", "check_name": CHECK_NAME,
            "fingerprint": hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32],
            "severity": "blocker",
            "location": {"path": path or context.glossary_path, "lines": {"begin": error.line or 1}},
        }], ensure_ascii=False, indent=2) + "\n"
    if report_format is ReportFormat.SARIF:
        notification: dict = {"level": "error", "message": {"text": message}}
        if path:
            physical: dict = {"artifactLocation": artifact_location(path)}
            if error.line:
                physical["region"] = {"startLine": error.line}
            notification["locations"] = [{"physicalLocation": physical}]
        return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
            "tool": {"driver": {"name": "glossary-cli", "version": __version__}},
            "invocations": [{"executionSuccessful": False, "toolExecutionNotifications": [notification]}],
            "results": [],
        }]}, ensure_ascii=False, indent=2) + "\n"
    if report_format is ReportFormat.JUNIT:
        suites = ElementTree.Element("testsuites", name="glossary check", tests="1", failures="0", errors="1")
        suite = ElementTree.SubElement(suites, "testsuite", name=f"glossary check {context.glossary_path}", tests="1",
                                       failures="0", errors="1", skipped="0")
        case = ElementTree.SubElement(suite, "testcase", classname="glossary-check",
                                      name="read the glossary and corpus")
        ElementTree.SubElement(case, "error", type=CHECK_NAME, message=str(error)).text = str(error)
        ElementTree.indent(suites)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
    if report_format is ReportFormat.JSON:
        return json.dumps({"schema": SCHEMA, "provenance": provenance(context),
                           "error": {"message": message, "path": path, "line": error.line, "column": error.column},
                           "findings": []}, ensure_ascii=False, indent=2) + "\n"
    if report_format is ReportFormat.GITHUB:
        where = [f"file={escape_property(path)}"] if path else []
        where += [f"line={error.line}"] if path and error.line else []
        return f"::error {','.join([*where, 'title=glossary check stopped'])}::{escape_data(message)}\n"
    return ""


def _printable(text: str) -> str:
    return spelled(text, "backslashreplace").encode("utf-8", "backslashreplace").decode("utf-8")
