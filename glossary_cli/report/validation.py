"""`glossary validate` for machines: JSON (schema glossary-validate/2) and GitHub workflow
annotations, so a CI job that gates on the glossary points at its lines as check's reports do."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .github import escape_data, escape_property

# /2: each warning is an object located as a problem is ({file, line, column, code, severity,
# message}), not the line of text /1 gave; problems gained `file` and `severity`. The layout
# around them (schema, valid, files: path, valid, entries, problems, warnings) is /1's.
VALIDATE_SCHEMA = "glossary-validate/2"


@dataclass(frozen=True)
class FoundProblem:
    """A problem or a warning of one glossary file; `line` and `column` are None where unknown
    (a file that could not be read; a warning about the file's layout names no column)."""

    line: int | None
    column: int | None
    message: str
    code: str = ""
    told: str = ""  # the whole line the text report prints, location included


@dataclass(frozen=True)
class FileValidation:
    """What validate found in one file: its problems, or the entries it counted by status."""

    path: str
    problems: tuple[FoundProblem, ...] = ()
    entries: dict[str, int] | None = None  # by status, for a file that could be read
    unreadable: bool = False  # missing, a directory, not UTF-8…: its one error is the whole report
    warnings: tuple[FoundProblem, ...] = field(default=())

    @property
    def valid(self) -> bool:
        return not self.problems


def _reported(path: str, found: FoundProblem, severity: str) -> dict:
    return {"file": path, "line": found.line, "column": found.column, "code": found.code or None,
            "severity": severity, "message": found.message}


def render_validation_json(results: list[FileValidation]) -> str:
    files = [{"path": result.path, "valid": result.valid, "entries": result.entries,
              "problems": [_reported(result.path, problem, "error") for problem in result.problems],
              "warnings": [_reported(result.path, warning, "warning") for warning in result.warnings]}
             for result in results]
    return json.dumps({"schema": VALIDATE_SCHEMA, "valid": all(result.valid for result in results), "files": files},
                      ensure_ascii=False, indent=2) + "\n"


def render_validation_github(results: list[FileValidation]) -> str:
    """One error annotation per problem and one warning annotation per warning, at its file, line
    and column (the file alone where it has no line), in line order."""
    lines = []
    for result in results:
        annotated = sorted([("error", problem) for problem in result.problems]
                           + [("warning", warning) for warning in result.warnings],
                           key=lambda each: (each[1].line or 0, each[1].column or 0))
        for level, problem in annotated:
            properties = [f"file={escape_property(result.path)}"]
            if problem.line is not None:
                properties.append(f"line={problem.line}")
                if problem.column is not None:
                    properties.append(f"col={problem.column}")
            title = f"glossary validate {problem.code}".rstrip()
            properties.append(f"title={escape_property(title)}")
            lines.append(f"::{level} {','.join(properties)}::{escape_data(problem.message)}\n")
    return "".join(lines)
