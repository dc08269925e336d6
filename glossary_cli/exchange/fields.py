"""Entry fields beyond term, rendering, status and note, as the exchange formats carry them.

CSV/TSV carry every field in a column of its own (written on an entry's first row); TBX carries
those with a fitting data category. What a format cannot carry is named in one warning per export,
so a termbase that check would read differently from the glossary is never handed on in silence.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..glossary import Entry
from ..scope import PATHS as SCOPE_KEY

# Keys of Entry.extra that the formats know by name; any other key is a custom one.
PART_OF_SPEECH, DEFINITION, SUBJECT_FIELD, MATCH_COMPOUNDS = ("part_of_speech", "definition", "subject_field",
                                                              "match_compounds")
PATHS = SCOPE_KEY  # where check enforces the term (scope.py): a column of its own, read back as the key
KNOWN_EXTRA = (PART_OF_SPEECH, DEFINITION, SUBJECT_FIELD, MATCH_COMPOUNDS, PATHS)


def encode_value(value: Any) -> str | None:
    """A field value as one table cell: a string as it is, unless it reads as JSON (`true`, `3`,
    `"x"`) or as an ISO date, which, like any other value, is written as JSON; a date (YAML reads
    `2025-01-01` as one) as ISO text; None when JSON cannot hold the value."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, str) and _as_date(value) is None:
        try:
            json.loads(value)
        except ValueError:
            return value
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return None


def decode_value(cell: str) -> Any:
    """The value `encode_value` wrote: a date when the cell is ISO date text, JSON when it reads
    as JSON, else the text."""
    date = _as_date(cell)
    if date is not None:
        return date
    try:
        return json.loads(cell)
    except ValueError:
        return cell


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([+-]\d{2}:\d{2})?")


def _as_date(text: str) -> datetime.date | datetime.datetime | None:
    """The date or date and time ISO text stands for, as isoformat writes it; else None."""
    try:
        if _ISO_DATE.fullmatch(text):
            return datetime.date.fromisoformat(text)
        if _ISO_DATE_TIME.fullmatch(text):
            return datetime.datetime.fromisoformat(text)
    except ValueError:  # 2025-02-30
        return None
    return None


def report_unrepresentable(lost: Counter, fmt: str, path: str | None, on_warning: Callable[[str], None]) -> None:
    """One warning naming each field the export left out and how many entries it was set in."""
    if not lost:
        return
    parts = [f"{field} of {count:,} entr{'y' if count == 1 else 'ies'}" for field, count in lost.items()]
    where = f"{path}: " if path else ""
    on_warning(f"{where}not representable in {fmt}, left out: {', '.join(parts)} (the glossary keeps them)")


def custom_keys(entries: Iterable[Entry]) -> list[str]:
    """The custom keys the entries use, in order of first use."""
    return list(dict.fromkeys(key for entry in entries for key in entry.extra if key not in KNOWN_EXTRA))


# A table column holding a custom key: `x-` and the key, so that it is never taken for a column a
# CAT tool added (`Client`, `Created by`), which import leaves out with a warning.
CUSTOM_PREFIX = "x-"


def custom_column(key: str, keys: Iterable[str]) -> str:
    """The table column of a custom key, among the custom `keys` exported with it: `x-reviewer`
    for `reviewer`, and for `x-reviewer` too, as the key is written already (it was `x-x-reviewer`,
    which a vendor's CAT tool showed as it is). A key written `x-NAME` gets `x-x-NAME` only where
    `x-NAME` would be read as another key: the exported entries also use NAME, or NAME is a key the
    glossary reads itself or a near miss of one (`x-scope`, written so beside `score`), which
    import refuses from an `x-` column."""
    name = key[len(CUSTOM_PREFIX):] if key.startswith(CUSTOM_PREFIX) else None
    if name and name not in set(keys) and not name.startswith(CUSTOM_PREFIX) and not _own_key_or_near_miss(name):
        return key
    return CUSTOM_PREFIX + key


def custom_key(column: str, keys_in_use: Iterable[str] = ()) -> str:
    """The custom key a column `x-NAME` holds: NAME, as custom_column writes a key NAME, or `x-NAME`
    where the glossary imported into uses that key and not NAME (custom_column writes `x-NAME` so).
    `x-x-NAME`, as earlier versions wrote every key `x-NAME`, is `x-NAME`. Imported into a new
    glossary, `x-NAME` is NAME: the column cannot tell which of the two it was."""
    name = column[len(CUSTOM_PREFIX):]
    used = set(keys_in_use)
    if CUSTOM_PREFIX + name in used and name not in used:
        return CUSTOM_PREFIX + name
    return name


def _own_key_or_near_miss(name: str) -> bool:
    from ..validate import ENTRY_KEYS, misspelt_key

    return name in ENTRY_KEYS or misspelt_key(name, ENTRY_KEYS) is not None
