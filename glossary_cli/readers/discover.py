"""Corpus files under a directory, so `glossary check terms.yaml locale/` reads a whole tree.

A directory is walked the way ripgrep walks one: in sorted order, skipping hidden entries (`.git`,
`.venv`, dotfiles) and following no symbolic link, to a directory or to a file. A link in a checkout
is content a branch chose: `docs/zh/x.po -> /etc/passwd` or `-> ../../.git/config` would be read,
and the first line of the file quoted in an error that CI publishes. Nor is anything read that is
not a regular file: a named pipe waits forever for a writer. A link to a file the walk reads anyway
(`zh.po -> zh_CN.po`) is left out unsaid; any other entry left out is named in one warning, and a
file named on the command line is read whatever it is (a link, a pipe, <(cmd)). Only the formats that
are always translations are picked by default (PO, XLIFF, TMX; not a PO template, which holds no translations): a `.txt`, `.csv`, `.tsv` or
`.jsonl` beside them is as likely a licence or a data table as a corpus, so those are read from a
directory only when --input-format names their format.

A file found under a directory is a FileUnderDirectory, a path that remembers the directory named:
`read_pairs` skips such a file with a warning when it translates other languages (the de and ja
catalogues of a locale tree), where a file named by itself is an error.
"""

from __future__ import annotations

import os
import stat
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
    def refuse(error: OSError) -> None:  # a subdirectory a check cannot read must not pass silently
        raise InputFormatError(f"cannot read this directory: {error.strerror}", path=error.filename)

    extensions = _extensions(input_format)
    named = [path for path in _entries(directory, refuse) if path.lower().endswith(extensions)]
    found = [FileUnderDirectory(path, directory) for path in named if regular_file(path)]
    if not found:
        hint = "; pass --input-format to read .tsv, .csv, .jsonl or .txt files" if input_format is InputFormat.AUTO else ""
        left_out = f"; {not_regular_message(named)}" if named else ""
        if input_format is InputFormat.AUTO and _holds_markdown(directory):
            hint += ("; its Markdown pages pair with their translations by directory: "
                     "--source docs/en --target docs/zh")
        raise InputFormatError(f"is a directory with no corpus files (looked for {', '.join(extensions)}{hint})"
                               f"{left_out}", path=directory)
    return found


def _holds_markdown(directory: str) -> bool:
    from .markdown_pages import holds_pages

    return holds_pages(directory)


def _extensions(input_format: InputFormat) -> tuple[str, ...]:
    wanted = _DIRECTORY_DEFAULT if input_format is InputFormat.AUTO else (input_format,)
    return tuple(extension for format_ in wanted for extension, found in BY_EXTENSION.items()
                 if found is format_ and extension != ".pot")  # a template holds no translations


def _entries(directory: str, onerror=None) -> Iterator[str]:
    """The path of every entry under `directory` that is not a directory (nor a link to one), hidden
    ones aside, in sorted order; normpath'd: `check .` names ./de/app.po as de/app.po, in warnings
    as the reports name it."""
    for root, directories, files in os.walk(directory, onerror=onerror):  # into no linked directory
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        yield from (os.path.normpath(os.path.join(root, name)) for name in sorted(files) if not name.startswith("."))


def walk_one_side(directory: str, other_side: str | None = None) -> Iterator[tuple[str, list[str], list[str]]]:
    """os.walk of one side of two directories paired by relative name, in sorted order, hidden
    entries skipped, and the other side left out where it lies inside this one: English pages kept
    in `docs/en` beside the Chinese ones in `docs` are no untranslated Chinese pages."""
    left_out = os.path.realpath(other_side) if other_side is not None else None
    for root, directories, files in os.walk(directory):
        directories[:] = sorted(name for name in directories if not name.startswith(".")
                                and os.path.realpath(os.path.join(root, name)) != left_out)
        yield root, directories, files


def claim_nested(outer: str, inner: str, outer_names: list[str], inner_names: list[str]) -> tuple[list[str], list[str]]:
    """The relative names of two sides' files once the outer side has claimed its own files inside
    the inner directory, which its walk left out (walk_one_side): a file of the inner directory is
    the outer side's when the inner side holds its translation under the outer side's name for it,
    and the outer side holds no counterpart of it (`--source docs --target docs/zh`, the English page
    docs/zh/c.md translated in docs/zh/zh/c.md). Otherwise the names are returned as they are."""
    outer_real, inner_real = os.path.realpath(outer), os.path.realpath(inner)
    if not inner_real.startswith(outer_real.rstrip(os.sep) + os.sep):
        return outer_names, inner_names
    prefix = os.path.relpath(inner_real, outer_real)
    held, counterparts = set(inner_names), set(outer_names)
    claimed = [name for name in inner_names if os.path.join(prefix, name) in held and name not in counterparts]
    if not claimed:
        return outer_names, inner_names
    taken = set(claimed)
    return (sorted(outer_names + [os.path.join(prefix, name) for name in claimed]),
            [name for name in inner_names if name not in taken])


def regular_file(path: str) -> bool:
    """Whether a directory walk reads `path`: a regular file, not a symbolic link (to anywhere), a
    named pipe, a device or a socket."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def not_regular_files_left_out(directory: str, input_format: InputFormat) -> list[str]:
    """The entries under a directory, named as corpus files are, that its walk does not read and
    whose content it does not read under another name: links out of the directory (or to a file
    the walk leaves out), pipes, devices."""
    named = [path for path in _entries(directory) if path.lower().endswith(_extensions(input_format))]
    read = {os.path.realpath(path) for path in named if regular_file(path)}
    return [path for path in named if not regular_file(path) and os.path.realpath(path) not in read]


def not_regular_message(left_out: list[str]) -> str:
    """What a warning (or the error of a directory with nothing else) says of the entries left out."""
    shown = ", ".join(left_out[:3]) + (f" and {len(left_out) - 3:,} more" if len(left_out) > 3 else "")
    return (f"{len(left_out):,} file{'s' if len(left_out) != 1 else ''} not read ({shown}): a directory walk "
            "follows no symbolic link and opens no pipe or device; name such a file on the command line to read it")


# Table files a directory walk leaves out unless --input-format names their format: a corpus, most
# likely, so the run says so rather than checking less than the user thinks (.txt and .json are too
# often something else: a README, a config).
_TABLE_EXTENSIONS = (".tsv", ".tab", ".csv", ".jsonl", ".ndjson")


def tables_left_out(directory: str) -> list[str]:
    """The table files under a directory that a walk without --input-format does not read."""
    return [path for path in _entries(directory) if path.lower().endswith(_TABLE_EXTENSIONS) and regular_file(path)]


def warn_one_sided(on_warning, source_path: str, target_path: str, english_only: list[str], chinese_only: list[str],
                   counted: str) -> None:
    """Files of two directories paired by name that only one side has (`counted`: `page`,
    `resource file`): one warning per side, naming the first; they are not read."""
    def said(names: list[str]) -> str:
        return f"{len(names)} {counted}{'s' if len(names) != 1 else ''}"

    if english_only:
        on_warning(f"{target_path}: {said(english_only)} of {source_path} missing here (not yet translated), not read "
                   f"(first: {english_only[0]})")
    if chinese_only:
        on_warning(f"{target_path}: {said(chinese_only)} here that {source_path} lacks, not read "
                   f"(first: {chinese_only[0]})")
