"""The report of a run that stopped before its findings were known: still a document the CI system can read.

A CI job that saves `--format gitlab > gl-code-quality.json` (or uploads SARIF, or reads JUnit)
would otherwise get an empty file, which GitLab and code scanning refuse to parse, while the reason
is only in the log. Two things stop a run: an input error (exit 2), with every problem found, as a
glossary with several mistakes has them; and a signal (Ctrl-C, a CI job's timeout sending
SIGTERM; exit 130 or 143), as pytest still writes its junitxml after a KeyboardInterrupt. Each
machine format says what stopped the run, where it can: GitLab as a blocker issue per problem,
SARIF as a failed invocation with a notification per problem (and the signal's name), JUnit as a
test case in error, JSON with an `error` object (and no findings), GitHub as an error annotation
per problem.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass

from .. import __version__
from ..errors import GlossaryError
from ..textio import spelled
from . import ReportContext, ReportFormat, report_path
from .github import escape_data, escape_property
from .json_report import SCHEMA, provenance
from .sarif import SARIF_SCHEMA, artifact_location

CHECK_NAME = "glossary-input-error"
INTERRUPTED_CHECK_NAME = "glossary-interrupted"


@dataclass(frozen=True)
class _Problem:
    """One thing that stopped the run, as the reports show it: path relative as findings' are."""

    message: str
    path: str | None
    line: int | None
    column: int | None

    def __str__(self) -> str:
        if not self.path:
            return self.message
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class _Stop:
    """Why the run stopped: its problems, the name CI files them under, the JUnit case that erred."""

    problems: tuple[_Problem, ...]
    check_name: str
    case_name: str
    signal_number: int | None = None

    @property
    def signal_name(self) -> str | None:
        return None if self.signal_number is None else signal.Signals(self.signal_number).name


def render_failure(report_format: ReportFormat, error: GlossaryError, context: ReportContext) -> str:
    """The report for `report_format` of a run that `error` stopped; empty for text (stderr has it).
    An error holding several problems (every mistake of a glossary) reports each."""
    problems = tuple(_problem(problem, context) for problem in getattr(error, "problems", None) or [error])
    return _render(report_format, _Stop(problems, CHECK_NAME, "read the glossary and corpus"), context)


def render_interrupted(report_format: ReportFormat, signal_number: int, context: ReportContext) -> str:
    """The report for `report_format` of a run a signal stopped before its findings were known."""
    name = signal.Signals(signal_number).name
    message = f"interrupted by {name} before the check finished; its findings are not known"
    stop = _Stop((_Problem(message, None, None, None),), INTERRUPTED_CHECK_NAME, "check the corpus", signal_number)
    return _render(report_format, stop, context)


def _problem(error, context: ReportContext) -> _Problem:
    """A GlossaryError or a glossary's Problem, its path as reports show it; a name that is not
    valid UTF-8 (caf\\xe9.txt from a zip) shown escaped, as the error line shows it."""
    path = _printable(report_path(error.path, context.root, os.getcwd())) if error.path else None
    return _Problem(_printable(error.message), path, error.line, error.column)


def _render(report_format: ReportFormat, stop: _Stop, context: ReportContext) -> str:
    context = dataclasses.replace(context, glossary_path=_printable(context.glossary_path),
                                  corpus=tuple(_printable(name) for name in context.corpus))
    if report_format is ReportFormat.GITLAB:
        return _gitlab(stop, context)
    if report_format is ReportFormat.SARIF:
        return _sarif(stop)
    if report_format is ReportFormat.JUNIT:
        return _junit(stop, context)
    if report_format is ReportFormat.JSON:
        return _json(stop, context)
    if report_format is ReportFormat.GITHUB:
        return "".join(_github(problem) for problem in stop.problems)
    return ""


def _gitlab(stop: _Stop, context: ReportContext) -> str:
    issues = []
    seen: Counter[str] = Counter()
    for problem in stop.problems:
        identity = f"{stop.check_name}\0{problem.path}\0{problem.message}"
        seen[identity] += 1
        if seen[identity] > 1:  # the same mistake on another line: GitLab shows one issue per fingerprint
            identity += f"\0{seen[identity]}"
        issues.append({
            "description": f"glossary check stopped: {problem}", "check_name": stop.check_name,
            "fingerprint": hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32],
            "severity": "blocker",
            "location": {"path": problem.path or context.glossary_path, "lines": {"begin": problem.line or 1}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _sarif(stop: _Stop) -> str:
    notifications = []
    for problem in stop.problems:
        notification: dict = {"level": "error", "message": {"text": problem.message}}
        if problem.path:
            physical: dict = {"artifactLocation": artifact_location(problem.path)}
            if problem.line:
                physical["region"] = {"startLine": problem.line}
            notification["locations"] = [{"physicalLocation": physical}]
        notifications.append(notification)
    invocation: dict = {"executionSuccessful": False, "toolExecutionNotifications": notifications}
    if stop.signal_number is not None:
        invocation.update(exitSignalName=stop.signal_name, exitSignalNumber=stop.signal_number)
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "glossary-cli", "version": __version__}},
        "invocations": [invocation],
        "results": [],
    }]}, ensure_ascii=False, indent=2) + "\n"


def _junit(stop: _Stop, context: ReportContext) -> str:
    suites = ElementTree.Element("testsuites", name="glossary check", tests="1", failures="0", errors="1")
    suite = ElementTree.SubElement(suites, "testsuite", name=f"glossary check {context.glossary_path}", tests="1",
                                   failures="0", errors="1", skipped="0")
    case = ElementTree.SubElement(suite, "testcase", classname="glossary-check", name=stop.case_name)
    text = "\n".join(str(problem) for problem in stop.problems)
    ElementTree.SubElement(case, "error", type=stop.check_name, message=str(stop.problems[0])).text = text
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"


def _json(stop: _Stop, context: ReportContext) -> str:
    """`error` is the first problem, as it always was, with `problems` listing all of them and
    `signal` naming the signal that stopped the run (null after an input error)."""
    records = [{"message": problem.message, "path": problem.path, "line": problem.line, "column": problem.column}
               for problem in stop.problems]
    error = {**records[0], "problems": records, "signal": stop.signal_name}
    return json.dumps({"schema": SCHEMA, "provenance": provenance(context), "error": error, "findings": []},
                      ensure_ascii=False, indent=2) + "\n"


def _github(problem: _Problem) -> str:
    where = [f"file={escape_property(problem.path)}"] if problem.path else []
    where += [f"line={problem.line}"] if problem.path and problem.line else []
    return f"::error {','.join([*where, 'title=glossary check stopped'])}::{escape_data(problem.message)}\n"


def _printable(text: str) -> str:
    return spelled(text, "backslashreplace").encode("utf-8", "backslashreplace").decode("utf-8")
