"""Which columns of a table header hold the source and the target terms.

CAT tools name them by language, in several ways: a code (`en`, `zh-CN`, `en_US`), a language
name with the region or script after it (`English (United States)`, `Chinese (Simplified)`,
`English_United_States`, `Chinese_PRC`, `简体中文`), or a role (`source`, `term`, `translation`).
A column is taken for a language when its name starts with that language's name or code and its
region or script does not contradict the wanted one: with --target-lang zh-TW, `Chinese
(Traditional)` and `zh-HK` are the target, `Chinese (Simplified)` is not. Chinese is matched by
script as in TBX (see tbx.chinese_script); with plain zh a Simplified column is preferred to a
Traditional one. Any other name is chosen with --source-column / --target-column.
"""

from __future__ import annotations

import re

from ..errors import InputFormatError
from ..readers.csv_reader import SOURCE_COLUMN_NAMES, TARGET_COLUMN_NAMES, Columns
from ..readers.xml_safe import language_matches, normalize_language

# Language names in headers, and the codes they stand for.
LANGUAGE_NAMES = {
    "english": "en", "chinese": "zh", "mandarin": "zh", "french": "fr", "german": "de", "spanish": "es",
    "italian": "it", "portuguese": "pt", "russian": "ru", "japanese": "ja", "korean": "ko", "arabic": "ar",
    "dutch": "nl", "polish": "pl", "turkish": "tr", "vietnamese": "vi", "thai": "th", "indonesian": "id",
    "\u82f1\u6587": "en", "\u82f1\u8bed": "en",  # 英文, 英语
    "\u7b80\u4f53\u4e2d\u6587": "zh-Hans", "\u7e41\u9ad4\u4e2d\u6587": "zh-Hant",  # 简体中文, 繁體中文
    "\u7e41\u4f53\u4e2d\u6587": "zh-Hant", "\u4e2d\u6587": "zh", "\u6c49\u8bed": "zh",  # 繁体中文, 中文, 汉语
}
# Words after a language name that give its script or region: `Chinese (Simplified)`, `Chinese_PRC`.
QUALIFIERS = {
    "simplified": "Hans", "traditional": "Hant", "\u7b80\u4f53": "Hans", "\u7e41\u9ad4": "Hant",
    "\u7e41\u4f53": "Hant",
    "prc": "CN", "china": "CN", "mainland": "CN", "taiwan": "TW", "hong kong": "HK", "hongkong": "HK",
    "macau": "MO", "macao": "MO", "singapore": "SG", "united states": "US", "usa": "US", "us": "US",
    "united kingdom": "GB", "uk": "GB", "great britain": "GB", "britain": "GB",
}
_CODE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")
_LEADING_WORD = re.compile(r"[A-Za-z]+")
_WORDS = re.compile(r"[A-Za-z]+|[\u4e00-\u9fff]+")
_ROLE_NAMES = {"source": SOURCE_COLUMN_NAMES, "target": TARGET_COLUMN_NAMES}


def column_language(name: str) -> str | None:
    """The language a header cell names, as a tag: `zh_CN` as written, `English (United States)`
    as en-US, `Chinese_PRC` as zh-CN, `Chinese (Simplified)` as zh-Hans; None for `Status`."""
    text = name.strip()
    if _CODE.fullmatch(text):
        return text.replace("_", "-")
    code, rest = None, ""
    for language_name in sorted(LANGUAGE_NAMES, key=len, reverse=True):
        if not language_name.isascii() and text.startswith(language_name):
            code, rest = LANGUAGE_NAMES[language_name], text[len(language_name):]
            break
    if code is None:
        leading = _LEADING_WORD.match(text)
        if leading is None:
            return None
        word, rest = leading.group().lower(), text[leading.end():]
        code = LANGUAGE_NAMES.get(word) or (word if 2 <= len(word) <= 3 and rest[:1] in " _-(" else None)
        if code is None:
            return None
    words = [word.lower() for word in _WORDS.findall(rest)]
    subtags: list[str] = []
    for index, word in enumerate(words):
        pair = " ".join(words[index:index + 2])
        subtag = QUALIFIERS.get(pair) or QUALIFIERS.get(word)
        if subtag and subtag not in subtags:
            subtags.append(subtag)
    return "-".join([code, *sorted(subtags, key=len, reverse=True)])  # script before region


def names_language(name: str, wanted: str) -> bool:
    """Whether the header cell names the wanted language (one may be more specific than the other:
    `English` is en-US, `en-GB` is not; Chinese by script, see the module docstring)."""
    from .tbx_read import chinese_script

    tag = column_language(name)
    if tag is None:
        return False
    wanted_script = chinese_script(wanted)
    if wanted_script is not None:
        script = chinese_script(tag)
        return script is not None and (normalize_language(wanted) == "zh" or script == wanted_script)
    return language_matches(tag, wanted) or language_matches(wanted, tag)


def find_columns(cells: list[str], source_language: str, target_language: str, *, source_column: str | None = None,
                 target_column: str | None = None, path: str | None = None, line: int | None = None) -> Columns | None:
    """The source and target columns of a header row, or None when it names no such pair.
    A column named with --source-column/--target-column must be there (else InputFormatError)."""
    chosen: dict[str, int | None] = {}
    for role, language, named in (("source", source_language, source_column),
                                  ("target", target_language, target_column)):
        taken = set(chosen.values())
        if named is not None:
            chosen[role] = _named_column(cells, named, role, taken, path, line)
        else:
            chosen[role] = _column_for(cells, role, language, taken)
    if chosen["source"] is None or chosen["target"] is None:
        return None
    return Columns(chosen["source"], chosen["target"])


def _named_column(cells: list[str], named: str, role: str, taken: set, path: str | None, line: int | None) -> int:
    names = [cell.strip().lower() for cell in cells]
    wanted = named.strip().lower()
    index = next((index for index, name in enumerate(names) if name == wanted and index not in taken), None)
    if index is None:
        problem = "is the source column too" if wanted in names else "names no column"
        shown = ", ".join(f'"{cell.strip()}"' for cell in cells)
        raise InputFormatError(f'--{role}-column "{named}" {problem}; the first row has {shown}', path=path, line=line)
    return index


def _column_for(cells: list[str], role: str, language: str, taken: set) -> int | None:
    """The first free column named for the language (plain zh: a Simplified one first), else the
    first free column named for the role (source, term, english; target, translation, chinese)."""
    from .tbx_read import SIMPLIFIED, chinese_script

    free = [index for index in range(len(cells)) if index not in taken]
    by_language = [index for index in free if names_language(cells[index], language)]
    if by_language and normalize_language(language) == "zh":
        by_language.sort(key=lambda index: chinese_script(column_language(cells[index]) or "") != SIMPLIFIED)
    if by_language:
        return by_language[0]
    return next((index for index in free if cells[index].strip().lower() in _ROLE_NAMES[role]), None)
