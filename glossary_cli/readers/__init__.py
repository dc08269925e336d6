"""Readers turn corpus files into SegmentPairs, each with a location a person can open.

`read_pairs` picks the reader from the file's extension and content unless a format is given.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from ..errors import InputFormatError, UsageError
from ..models import SegmentPair


class InputFormat(str, Enum):
    AUTO = "auto"
    TEXT = "text"  # interleaved English / Chinese lines, like the seed article
    TSV = "tsv"


def _ignore(message: str) -> None:
    pass


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None
    strict: bool = False  # turn skipped-pair warnings into errors
    include_fuzzy: bool = False  # PO: read fuzzy entries too
    source_lang: str | None = None  # override the language codes a file declares
    target_lang: str | None = None
    on_warning: Callable[[str], None] = _ignore


def detect_format(path: str, head: str = "") -> InputFormat:
    """The format of a corpus file from its extension, then from its first lines."""
    extension = os.path.splitext(path)[1].lower()
    by_extension = {".tsv": InputFormat.TSV, ".tab": InputFormat.TSV, ".txt": InputFormat.TEXT}
    if extension in by_extension:
        return by_extension[extension]
    lines = [line for line in head.splitlines()[:20] if line.strip()]
    if lines and all("\t" in line for line in lines):
        return InputFormat.TSV
    return InputFormat.TEXT


def read_pairs(paths: Iterable[str], *, input_format: InputFormat = InputFormat.AUTO,
               options: ReadOptions = ReadOptions()) -> Iterator[SegmentPair]:
    """All segment pairs of the given files, in file order."""
    from . import interleaved, tsv

    readers = {InputFormat.TEXT: interleaved.read, InputFormat.TSV: tsv.read}
    for path in paths:
        chosen = input_format
        if chosen is InputFormat.AUTO:
            chosen = detect_format(path, _peek(path))
        yield from readers[chosen](path, options)


def read_parallel(source_path: str, target_path: str, *, options: ReadOptions = ReadOptions()) -> Iterator[SegmentPair]:
    from . import parallel

    return parallel.read(source_path, target_path, options)


def _peek(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return ""  # the reader itself reports the problem with its own message


__all__ = ["InputFormat", "ReadOptions", "detect_format", "read_pairs", "read_parallel",
           "InputFormatError", "UsageError"]
