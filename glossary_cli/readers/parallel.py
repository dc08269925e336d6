"""Two line-aligned files: line N of the English file translates to line N of the Chinese one."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputFormatError
from ..models import Location, SegmentPair
from ..textio import read_corpus_text, text_lines


def read(source_path: str, target_path: str, options) -> Iterator[SegmentPair]:
    sources = text_lines(read_corpus_text(source_path, options.encoding))
    targets = text_lines(read_corpus_text(target_path, options.encoding))
    if len(sources) != len(targets):
        raise InputFormatError(
            f"{len(sources)} lines, but {target_path} has {len(targets)}; parallel files must have "
            "the same number of lines", path=source_path)
    for number, (source, target) in enumerate(zip(sources, targets), start=1):
        if source.strip() and target.strip():
            yield SegmentPair(source.strip(), target.strip(), Location(source_path, number))
        elif source.strip() or target.strip():
            options.on_warning(f"{source_path}:{number}: one side is empty; pair skipped")
