"""Which writing system a piece of text is in. Ranges are written as escapes and tested."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-F.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
HAN = re.compile(f"[{HAN_RANGES}]")
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’\-]*")
# Unicode's format characters (category Cf, Unicode 15.1): soft hyphen, zero-width space and joiners,
# direction marks, the byte-order mark. Pasted in from web pages and CAT tools, they show nowhere.
INVISIBLE = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
                       "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                       "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def visible(text: str) -> str:
    """The text without its invisible characters: what a person sees, and so what a term is."""
    return text if text.isascii() else INVISIBLE.sub("", text)


def to_simplified(text: str) -> str:
    """The text in Simplified characters (OpenCC `t2s`), one character for one, so offsets into it
    are offsets into the text as written: check compares in Simplified, and extract reads
    Traditional text through jieba and CC-CEDICT, which know Simplified words."""
    if not has_han(text):
        return text
    converted = _converter("t2s").convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(char if len(single := _converter("t2s").convert(char)) != 1 else single for char in text)


@lru_cache(maxsize=None)
def _converter(config: str) -> Any:
    """An OpenCC converter (`t2s`, `s2t`, `s2twp`...), built once: loading its dictionaries costs."""
    import opencc

    return opencc.OpenCC(config)


# OpenCC's configuration giving a script, with a region's usual words where OpenCC knows them.
_TO_SCRIPT = {("Simplified", None): "t2s", ("Traditional", None): "s2t",
              ("Traditional", "TW"): "s2twp", ("Traditional", "HK"): "s2hk"}


def in_script(text: str, script: str, standard: str | None = None) -> tuple[str, str]:
    """(OpenCC configuration, the text converted by it) to write the text in `script`, with the
    regional standard's words where OpenCC has them (s2twp: 操作系统 as 作業系統): a suggestion
    for a person to confirm, since a phrase table cannot know every term."""
    config = _TO_SCRIPT.get((script, standard)) or _TO_SCRIPT[(script, None)]
    return config, _converter(config).convert(text)


def written_script(text: str) -> str | None:
    """"Simplified" or "Traditional" when the text is plainly written in that script: converting
    it to the other script changes it and converting it to its own does not (操作系统, 作業系統).
    None for text both scripts write alike (CPU, 中文), and for a mix (台灣, which OpenCC writes 臺灣)."""
    if not has_han(text):
        return None
    simplified, traditional = _converter("t2s").convert(text), _converter("s2t").convert(text)
    if simplified == text and traditional != text:
        return "Simplified"
    if traditional == text and simplified != text:
        return "Traditional"
    return None


def prevailing_script(texts: Iterable[str]) -> str | None:
    """The script the texts are plainly written in, when those that show one agree (a few strays
    aside: nine in ten or more); None when none shows one or they disagree."""
    counts = Counter(script for script in map(written_script, texts) if script is not None)
    if not counts:
        return None
    script, count = counts.most_common(1)[0]
    return script if count * 10 >= sum(counts.values()) * 9 else None


def to_simplified_many(texts: Sequence[str]) -> list[str]:
    """`to_simplified` of each text, in one OpenCC call: the call costs more than the characters.

    Joined by line breaks, which no OpenCC phrase contains, so each text converts as it would alone.
    """
    result = list(texts)
    batch = []
    for index, text in enumerate(texts):
        if "\n" in text:
            result[index] = to_simplified(text)
        elif has_han(text):
            batch.append(index)
    if not batch:
        return result
    converted = _converter("t2s").convert("\n".join(texts[index] for index in batch)).split("\n")
    if len(converted) != len(batch):
        converted = [_converter("t2s").convert(texts[index]) for index in batch]
    for index, simplified in zip(batch, converted):
        result[index] = simplified if len(simplified) == len(texts[index]) else to_simplified(texts[index])
    return result
