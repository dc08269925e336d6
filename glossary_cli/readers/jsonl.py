"""JSON Lines: one object per line, `{"en": "...", "zh": "..."}`.

Keys are matched as language codes (so "zh-CN" or "zh_CN" serve for zh, and --source-lang /
--target-lang name other keys), then as source/target. The Hugging Face datasets layout
`{"translation": {"en": ..., "zh": ...}}` is read too. A null or empty value skips the line
(counted in one warning); a missing key is an error, since every line would miss it.
Location: path:line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputFormatError
from ..models import Location, SegmentPair
from ..textio import read_corpus_text
from .xml_safe import language_matches, wanted_languages

_SOURCE_KEYS = ("source", "src", "english")
_TARGET_KEYS = ("target", "tgt", "chinese")


def find_key(record: dict[str, Any], language: str, fallbacks: tuple[str, ...]) -> str | None:
    for key in record:
        if language_matches(key, language):
            return key
    for key in fallbacks:
        if key in record:
            return key
    return None


def read(path: str, options) -> Iterator[SegmentPair]:
    text = read_corpus_text(path, options.encoding)
    source_language, target_language = wanted_languages(options)
    skipped = 0
    # Split on newlines only: JSON strings may hold U+2028, which str.splitlines would break at.
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        record = _parse(line, path, number)
        if isinstance(record.get("translation"), dict):
            record = record["translation"]
        keys = (find_key(record, source_language, _SOURCE_KEYS), find_key(record, target_language, _TARGET_KEYS))
        if keys[0] is None or keys[1] is None:
            missing = source_language if keys[0] is None else target_language
            found = ", ".join(sorted(map(str, record))) or "none"
            raise InputFormatError(f'no "{missing}" key (keys here: {found}); pass --source-lang/--target-lang '
                                   "to name the keys", path=path, line=number)
        values = [record[key] for key in keys]
        for key, value in zip(keys, values):
            if value is not None and not isinstance(value, str):
                raise InputFormatError(f'"{key}" must be a string, got {type(value).__name__}', path=path, line=number)
            surrogate = _LONE_SURROGATE.search(value or "")
            if surrogate:  # JSON lets "\ud800" through; it is no character, and no text holds it
                raise InputFormatError(f'"{key}" holds the escape \\u{ord(surrogate.group()):04x}, half of a UTF-16 '
                                       "pair without its other half (not a character)", path=path, line=number)
        source, target = ((value or "").strip() for value in values)
        if not source or not target:
            if options.strict:
                raise InputFormatError("empty source or target (--strict)", path=path, line=number)
            skipped += 1
            continue
        yield SegmentPair(source, target, Location(path, number))
    if skipped:
        options.on_warning(f"{path}: {skipped} line(s) with an empty or null value skipped")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse(line: str, path: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputFormatError(f"invalid JSON: {error.msg}", path=path, line=number, column=error.colno) from None
    except RecursionError:
        raise InputFormatError("invalid JSON: nested too deeply", path=path, line=number) from None
    if not isinstance(record, dict):
        raise InputFormatError(f"expected a JSON object per line, got {type(record).__name__}",
                               path=path, line=number)
    return record
