"""Which writing system a piece of text is in. Ranges are written as escapes and tested."""

from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-F.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
HAN = re.compile(f"[{HAN_RANGES}]")
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’\-]*")


def has_han(text: str) -> bool:
    return HAN.search(text) is not None
