"""Entry fields beyond term, rendering, status and note, as the exchange formats carry them.

CSV/TSV carry every field in a column of its own (written on an entry's first row); TBX carries
those with a fitting data category. What a format cannot carry is named in one warning per export,
so a termbase that check would read differently from the glossary is never handed on in silence.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..glossary import Entry

# Keys of Entry.extra that the formats know by name; any other key is a custom one.
PART_OF_SPEECH, DEFINITION, SUBJECT_FIELD, MATCH_COMPOUNDS = ("part_of_speech", "definition", "subject_field",
                                                              "match_compounds")
KNOWN_EXTRA = (PART_OF_SPEECH, DEFINITION, SUBJECT_FIELD, MATCH_COMPOUNDS)


def encode_value(value: Any) -> str | None:
    """A field value as one table cell: a string as it is, unless it reads as JSON (`true`, `3`,
    `"x"`), which, like any other value, is written as JSON; None when JSON cannot hold it."""
    if isinstance(value, str):
        try:
            json.loads(value)
        except ValueError:
            return value
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return None


def decode_value(cell: str) -> Any:
    """The value `encode_value` wrote: JSON when the cell reads as JSON, else the text."""
    try:
        return json.loads(cell)
    except ValueError:
        return cell


def report_unrepresentable(lost: Counter, fmt: str, path: str | None, on_warning: Callable[[str], None]) -> None:
    """One warning naming each field the export left out and how many entries it was set in."""
    if not lost:
        return
    parts = [f"{field} of {count} entr{'y' if count == 1 else 'ies'}" for field, count in lost.items()]
    where = f"{path}: " if path else ""
    on_warning(f"{where}not representable in {fmt}, left out: {', '.join(parts)} (the glossary keeps them)")


def custom_keys(entries: Iterable[Entry]) -> list[str]:
    """The custom keys the entries use, in order of first use."""
    return list(dict.fromkeys(key for entry in entries for key in entry.extra if key not in KNOWN_EXTRA))
