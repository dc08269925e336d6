"""Keyboard accelerators in UI strings: GTK and gettext write `_File` and `文件(_F)`, Qt and
Windows `&Save` and `保存(&S)`. The marker is no part of the word it sits in, and the Chinese
`(_F)` is no part of the term, so `extract` reads the strings without them and `check` matches
as if they were not there (`Keyboard _Shortcuts` holds the term `Keyboard Shortcuts`).

A marker is a single `_` or `&` before a letter or digit (`__` and `&&` are escaped literals, and
`&amp;` is an entity, see placeholders.py). It counts as an accelerator where it starts a word
(`_File`, `Save _As`), or inside a word when the translation marks the same key (`E_xit` with
`退出(_X)`); `max_connections`, `R&D` and `Q&A` are left alone unless the translation says so.
"""

from __future__ import annotations

import re

# `(_F)` / `（&F）` in the translation: the key the translator kept for the same command.
CHINESE_ACCELERATOR = re.compile(r"[(（]\s*[_&]([A-Za-z0-9])\s*[)）]")
_ENGLISH_MARKER = re.compile(r"(?<![_&])(?:_|&(?![A-Za-z][A-Za-z0-9]*;))(?=([A-Za-z0-9]))")


def accelerator_keys(target: str) -> frozenset[str]:
    """The accelerator keys a translation marks, lower-cased."""
    if "_" not in target and "&" not in target:
        return frozenset()
    return frozenset(key.lower() for key in CHINESE_ACCELERATOR.findall(target))


def english_markers(source: str, keys: frozenset[str] = frozenset()) -> list[int]:
    """Offsets of the accelerator markers in an English string (see the module docstring)."""
    if "_" not in source and "&" not in source:
        return []
    markers = []
    for found in _ENGLISH_MARKER.finditer(source):
        start = found.start()
        at_word_start = start == 0 or not (source[start - 1].isalnum() or source[start - 1] in "_&")
        if at_word_start or found.group(1).lower() in keys:
            markers.append(start)
    return markers


def without_accelerators(source: str, target: str) -> tuple[str, str]:
    """Both sides of a pair as `extract` reads them: `Keyboard _Shortcuts` -> `Keyboard Shortcuts`,
    `键盘快捷键(_S)` -> `键盘快捷键`. Text without markers comes back as it is."""
    keys = accelerator_keys(target)
    markers = english_markers(source, keys)
    if markers:
        dropped = set(markers)
        source = "".join(char for index, char in enumerate(source) if index not in dropped)
    if keys:
        target = CHINESE_ACCELERATOR.sub("", target)
    return source, target


def mask_chinese_accelerators(target: str) -> str:
    """The translation with each `(_F)` blanked to spaces (same length, same offsets)."""
    if "_" not in target and "&" not in target:
        return target
    return CHINESE_ACCELERATOR.sub(lambda found: " " * len(found.group()), target)
