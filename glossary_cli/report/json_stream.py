"""A JSON report written a record at a time: the bytes `json.dumps(document, ensure_ascii=False,
indent=2)` gives, without the whole document in memory.

A first run over a translation memory has a hundred thousand findings; as one dict, then one
string, then its UTF-8 bytes, the JSON report took more memory than the check itself (1.1 GB
for 111,000 findings against 560 MB after checking). Here the document is dumped with a
placeholder where its long list goes, and the list's records are dumped one by one into it, each
indented as json.dumps would indent it there (a dumped string never holds a line break, so
indenting its lines is safe).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

LIST_GOES_HERE = "\0glossary: the streamed list goes here\0"  # no report holds a NUL: json writes \u0000


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def json_chunks(document: Any, items: Iterable[Any]) -> Iterator[str]:
    """`dumps(document) + "\\n"` in pieces, with `items` as the list where the value LIST_GOES_HERE
    stands (or as the document itself, when it is LIST_GOES_HERE)."""
    text = dumps(document) + "\n"
    placeholder = dumps(LIST_GOES_HERE)
    at = text.index(placeholder)
    line_start = text.rfind("\n", 0, at) + 1
    indent = len(text[line_start:at]) - len(text[line_start:at].lstrip(" "))
    yield text[:at]
    inner = "\n" + " " * (indent + 2)
    opened = False
    for item in items:
        yield ("," if opened else "[") + inner + dumps(item).replace("\n", inner)
        opened = True
    yield "\n" + " " * indent + "]" if opened else "[]"
    yield text[at + len(placeholder):]
