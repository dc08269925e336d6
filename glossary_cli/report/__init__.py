"""Render a `CheckResult` for people (text) and machines (json, sarif, github, junit, gitlab).

Machine formats are pure functions `render_<format>(result, context) -> str`; text writes to a
rich console so colour appears only on a terminal (and never with NO_COLOR).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

from ..rules import Severity
from ..safe_text import visible_controls
from ..textio import STDIN_NAME, spelled


class ReportFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    GITHUB = "github"
    JUNIT = "junit"
    GITLAB = "gitlab"


@dataclass(frozen=True)
class ReportContext:
    """What the report needs besides the findings: inputs and options, for provenance."""

    glossary_path: str
    corpus: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    baseline: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    root: str = field(default_factory=os.getcwd)  # corpus paths under it are shown relative to it


@dataclass(frozen=True, slots=True)  # every report makes one per finding, a hundred thousand of them
class Place:
    """Where a report sends the reader for a finding: the path as reports show it (see report_path),
    and the line and column where the translation to fix starts when the reader knows them
    (a <target>, <seg>, msgstr or Chinese cell), else the line of the segment."""

    path: str
    line: int | None
    unit: str | None
    column: int | None = None  # 1-based, in characters
    column_utf16: int | None = None  # 1-based, in UTF-16 code units (for SARIF)
    stdin: bool = False  # read from standard input: there is no file to open

    def __str__(self) -> str:
        if self.line is not None and self.column is not None:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.unit is not None:
            return f"{self.path}#{self.unit}"
        return self.path


def report_path(path: str, root: str, typed_in: str | None = None) -> str:
    """A corpus path as every report shows it: `..` and `.` resolved, relative to `root` (the current
    directory, or for CI formats the top of its checkout) when the file is beneath it, absolute
    otherwise; `<stdin>` as it is. A relative path was typed in `typed_in` (by default `root`).

    GitHub attaches annotations only to repository-relative paths, and the text and json reports
    name the same file the same way. A UTF-8 name the locale could not decode is `spelled`."""
    if path == STDIN_NAME:
        return path
    absolute = os.path.normpath(os.path.join(os.path.abspath(typed_in or root), path))
    try:
        relative = os.path.relpath(absolute, os.path.abspath(root))
    except ValueError:  # another drive (Windows)
        return spelled(absolute, "backslashreplace")
    if relative == os.curdir or relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return spelled(absolute, "backslashreplace")
    return spelled(relative, "backslashreplace")


@lru_cache(maxsize=1024)  # a report names a few files many times over
def _report_path_from(path: str, root: str, cwd: str) -> str:
    """report_path, for the current directory `cwd` (which relative paths and root are resolved against)."""
    return report_path(path, root, cwd)


def place(finding, context: ReportContext) -> Place:
    location = finding.location
    path = _report_path_from(location.path, context.root, os.getcwd())
    if location.target_line is not None:
        column, column_utf16 = location.target_column, location.target_column_utf16
        if finding.target_at is not None:  # the offending text itself
            column, column_utf16 = location.target_columns_at(finding.target_text, finding.target_at)
        return Place(path, location.target_line, location.unit, column, column_utf16, stdin=location.path == STDIN_NAME)
    return Place(path, location.line, location.unit, stdin=location.path == STDIN_NAME)


def report_order(result, context: ReportContext) -> list[tuple[Place, Any]]:
    """(place, finding) for every finding, sorted by path, line, unit, rule and term: the order of every report."""
    from ..check import report_order_key

    placed = [(place(finding, context), finding) for finding in result.findings]
    return sorted(placed, key=lambda item: (item[0].path, *report_order_key(item[1])[1:]))


def report_chunks(result, context: ReportContext, report_format: ReportFormat) -> Iterator[str]:
    """The report text of a machine format, in pieces to write as they come: json, sarif, gitlab
    and github a finding at a time, so a report of a hundred thousand findings is never one
    string in memory (nor its dict, nor its bytes)."""
    if report_format is ReportFormat.JSON:
        from .json_report import json_chunks as chunks
    elif report_format is ReportFormat.SARIF:
        from .sarif import sarif_chunks as chunks
    elif report_format is ReportFormat.GITHUB:
        from .github import github_chunks as chunks
    elif report_format is ReportFormat.JUNIT:
        from .junit import render_junit

        return iter([render_junit(result, context)])
    elif report_format is ReportFormat.GITLAB:
        from .gitlab import gitlab_chunks as chunks
    else:
        raise ValueError(f"{report_format.value} is written with render_text")
    return chunks(result, context)


def render(result, context: ReportContext, report_format: ReportFormat) -> str:
    """The report text of a machine format."""
    return "".join(report_chunks(result, context, report_format))


def beyond_platform_limits(result, report_format: ReportFormat) -> list[str]:
    """Warnings that the CI platform a format is made for will not take or show all of the report:
    GitHub's annotations of a step, code scanning's results of a SARIF run. A CI log says nothing
    else about findings it drops."""
    if report_format is ReportFormat.GITHUB:
        from .github import annotations_not_shown as beyond
    elif report_format is ReportFormat.SARIF:
        from .sarif import beyond_code_scanning_limits as beyond
    else:
        return []
    warning = beyond(result)
    return [] if warning is None else [warning]


def summary_line(result, context: ReportContext) -> str:
    """One line: how many findings per rule, over how many pairs and terms, how many known."""
    scope = counted(result.pairs_checked, 'pair')
    if result.pairs_from_chinese:  # read so without a warning when the input says so: said here
        scope += (" read zh -> en" if result.pairs_from_chinese == result.pairs_checked
                  else f" ({result.pairs_from_chinese:,} read zh -> en)")
    scope += f", {counted(len(result.terms), 'approved term')}"
    found = result.terms_found()
    if found is not None and found < len(result.terms) and result.pairs_checked:
        scope += f" ({found:,} found in the {result.source_language()} text)"
    if not result.findings:
        return f"No findings in {scope}."
    counts = ", ".join(f"{rule_id} {count:,}" for rule_id, count in result.counts_by_rule().items())
    total = len(result.findings)
    line = f"{counted(total, 'finding')} ({counts}) in {scope}"
    known = total - len(result.new_findings())
    if known:
        line += f"; {known:,} known from the baseline"
    failing = len(result.failing(context.fail_on))
    line += f"; {failing:,} at or above {context.fail_on.value}" if failing else f"; none at or above {context.fail_on.value}"
    return line + "."


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 pair`, `3,070 pairs`, `1 entry`, `2 entries` (give `plural` where -s is wrong)."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


__all__ = ["Place", "ReportContext", "ReportFormat", "beyond_platform_limits", "place", "render", "report_chunks", "report_order",
           "report_path", "summary_line", "visible_controls"]
