"""Corpus files under a directory, so `glossary check terms.yaml locale/` reads a whole tree.

A directory is walked the way ruff or pytest walk one: in sorted order, skipping hidden entries
(`.git`, `.venv`, dotfiles) and following no symbolic links to directories. Only the formats that
are always translations are picked by default (PO, XLIFF, TMX; not a PO template, which holds no translations): a `.txt`, `.csv`, `.tsv` or
`.jsonl` beside them is as likely a licence or a data table as a corpus, so those are read from a
directory only when --input-format names their format.

A file found under a directory is a FileUnderDirectory, a path that remembers the directory named:
`read_pairs` skips such a file with a warning when it translates other languages (the de and ja
catalogues of a locale tree), where a file named by itself is an error.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from ..errors import InputFormatError
from . import BY_EXTENSION, InputFormat

_DIRECTORY_DEFAULT = (InputFormat.PO, InputFormat.XLIFF, InputFormat.TMX)


class FileUnderDirectory(str):
    """The path of a corpus file found by walking `directory`, the directory as the user named it."""

    directory: str

    def __new__(cls, path: str, directory: str = "") -> FileUnderDirectory:
        found = super().__new__(cls, path)
        found.directory = directory
        return found


def corpus_files(paths: Iterable[str], input_format: InputFormat = InputFormat.AUTO) -> Iterator[str]:
    """The given files, and in place of each directory the corpus files beneath it; a file named
    twice (`a.po a.po`, or a directory and a file in it) is read once, where it first comes."""
    seen: set[str] = set()
    for path in paths:
        for found in _files_under(path, input_format) if os.path.isdir(path) else [path]:
            identity = os.path.realpath(found) if os.path.isfile(found) else found
            if identity not in seen:
                seen.add(identity)
                yield found


def _files_under(directory: str, input_format: InputFormat) -> list[FileUnderDirectory]:
    wanted = _DIRECTORY_DEFAULT if input_format is InputFormat.AUTO else (input_format,)
    extensions = tuple(extension for format_ in wanted for extension, found in BY_EXTENSION.items()
                       if found is format_ and extension != ".pot")  # a template holds no translations

    def refuse(error: OSError) -> None:  # a subdirectory a check cannot read must not pass silently
        raise InputFormatError(f"cannot read this directory: {error.strerror}", path=error.filename)

    found = []
    for root, directories, files in os.walk(directory, onerror=refuse):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        # normpath: `check .` names ./de/app.po as de/app.po, in warnings as the reports name it
        found.extend(FileUnderDirectory(os.path.normpath(os.path.join(root, name)), directory) for name in sorted(files)
                     if not name.startswith(".") and name.lower().endswith(extensions))
    if not found:
        hint = "; pass --input-format to read .tsv, .csv, .jsonl or .txt files" if input_format is InputFormat.AUTO else ""
        raise InputFormatError(f"is a directory with no corpus files (looked for {', '.join(extensions)}{hint})",
                               path=directory)
    return found


# Table files a directory walk leaves out unless --input-format names their format: a corpus, most
# likely, so the run says so rather than checking less than the user thinks (.txt and .json are too
# often something else: a README, a config).
_TABLE_EXTENSIONS = (".tsv", ".tab", ".csv", ".jsonl", ".ndjson")


def tables_left_out(directory: str) -> list[str]:
    """The table files under a directory that a walk without --input-format does not read."""
    left_out = []
    for root, directories, files in os.walk(directory):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        left_out.extend(os.path.normpath(os.path.join(root, name)) for name in sorted(files)
                        if not name.startswith(".") and name.lower().endswith(_TABLE_EXTENSIONS))
    return left_out
