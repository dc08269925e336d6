"""`glossary validate` for machines: JSON (schema glossary-validate/1) and GitHub workflow
annotations, so a CI job that gates on the glossary points at its lines as check's reports do."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .github import escape_data, escape_property

VALIDATE_SCHEMA = "glossary-validate/1"


@dataclass(frozen=True)
class FoundProblem:
    """A problem of one glossary file; `line` and `column` are None where the file could not be read."""

    line: int | None
    column: int | None
    message: str
    code: str = ""
    told: str = ""  # the whole message where the file could not be read, as the error says it


@dataclass(frozen=True)
class FileValidation:
    """What validate found in one file: its problems, or the entries it counted by status."""

    path: str
    problems: tuple[FoundProblem, ...] = ()
    entries: dict[str, int] | None = None  # by status, for a file that could be read
    unreadable: bool = False  # missing, a directory, not UTF-8…: its one error is the whole report
    warnings: tuple[str, ...] = field(default=())
    # Of the warnings, the problems of entries check does not enforce (validate.unenforced_problems), located
    unenforced: tuple[FoundProblem, ...] = field(default=())

    @property
    def valid(self) -> bool:
        return not self.problems


def render_validation_json(results: list[FileValidation]) -> str:
    files = [{"path": result.path, "valid": result.valid, "entries": result.entries,
              "problems": [{"line": problem.line, "column": problem.column, "code": problem.code or None,
                            "message": problem.message} for problem in result.problems],
              "warnings": list(result.warnings)} for result in results]
    return json.dumps({"schema": VALIDATE_SCHEMA, "valid": all(result.valid for result in results), "files": files},
                      ensure_ascii=False, indent=2) + "\n"


def render_validation_github(results: list[FileValidation]) -> str:
    """One error annotation per problem, at its file, line and column, and a warning annotation
    for each problem of an entry check does not enforce."""
    lines = []
    for result in results:
        annotated = sorted([("error", problem) for problem in result.problems]
                           + [("warning", problem) for problem in result.unenforced],
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
