"""Errors a user can act on. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class GlossaryError(Exception):
    """Base error: carries the file and line a person should look at."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def where(self) -> str:
        parts = [str(self.path)] if self.path else []
        if self.path and self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputFormatError(GlossaryError):
    """A corpus file cannot be read: missing, undecodable, malformed or misaligned."""


class OtherLanguageError(InputFormatError):
    """A corpus file (or a part of one) translates between other languages than the ones wanted:
    an error for a file named on the command line, skipped with a warning in a directory, where a
    locale tree holds every language."""


class GlossaryFileError(GlossaryError):
    """A glossary YAML file is broken or violates the schema."""


class UsageError(GlossaryError):
    """Options that cannot work together, or a resource (e.g. a spaCy model) that is missing."""


class OutputError(GlossaryError):
    """A result cannot be written (unwritable directory, disk full)."""


class FileChangedError(OutputError):
    """The file on disk is no longer what the command read: something else wrote it meanwhile."""
