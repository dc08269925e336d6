"""Which columns of a table header hold the source and the target terms.

CAT tools name them by language, in several ways: a code (`en`, `zh-CN`, `en_US`), a language
name with the region or script after it (`English (United States)`, `Chinese (Simplified)`,
`English_United_States`, `Chinese_PRC`, `简体中文`), or a role (`source`, `term`, `translation`).
A column is taken for a language when its name starts with that language's name or code and its
region or script does not contradict the wanted one: with --target-lang zh-TW, `zh-TW`,
`Chinese (Taiwan)` and `Chinese (Traditional)` are the target, `zh-HK` and `Chinese (Simplified)`
are not (the rule is language_tags.language_matches), and a column named exactly as wanted is
taken before one that names only the script. With plain zh, a column of the preferred script (a
plain-zh glossary's own, see language_tags.variant_rank) is taken first, else a Simplified one.
Any other name is chosen with --source-column / --target-column.

A language name followed by the name of a field is that field's column, not a term column:
memoQ writes `English_United_States_Def` (the definition) before `English_United_States` (the
term), and other tools write `en_Note`, `Chinese (Simplified) Comment` or 英文定义. Of two term
columns for one language, the one named by the language alone (`English`) is taken before one with
another word after it (`English term`).
"""

from __future__ import annotations

import re

from ..errors import InputFormatError
from ..readers.csv_reader import SOURCE_COLUMN_NAMES, TARGET_COLUMN_NAMES, Columns
from ..language_tags import chinese_script, language_matches, same_language, variant_rank

# Language names in headers, and the codes they stand for.
LANGUAGE_NAMES = {
    "english": "en", "chinese": "zh", "mandarin": "zh", "french": "fr", "german": "de", "spanish": "es",
    "italian": "it", "portuguese": "pt", "russian": "ru", "japanese": "ja", "korean": "ko", "arabic": "ar",
    "dutch": "nl", "polish": "pl", "turkish": "tr", "vietnamese": "vi", "thai": "th", "indonesian": "id",
    "\u82f1\u6587": "en", "\u82f1\u8bed": "en",  # 英文, 英语
    "\u7b80\u4f53\u4e2d\u6587": "zh-Hans", "\u7e41\u9ad4\u4e2d\u6587": "zh-Hant",  # 简体中文, 繁體中文
    "\u7e41\u4f53\u4e2d\u6587": "zh-Hant", "\u4e2d\u6587": "zh", "\u6c49\u8bed": "zh",  # 繁体中文, 中文, 汉语
    "\u7e41\u4e2d": "zh-Hant", "\u7b80\u4e2d": "zh-Hans", "\u7c21\u4e2d": "zh-Hans",  # 繁中, 简中, 簡中
    "\u6f22\u8a9e": "zh", "\u82f1\u8a9e": "en",  # 漢語, 英語
}
# Words after a language name that give its script or region: `Chinese (Simplified)`, `Chinese_PRC`.
QUALIFIERS = {
    "simplified": "Hans", "traditional": "Hant", "\u7b80\u4f53": "Hans", "\u7e41\u9ad4": "Hant",
    "\u7e41\u4f53": "Hant", "\u7c21\u9ad4": "Hans",  # 繁体, 簡體
    "\u53f0\u7063": "TW", "\u53f0\u6e7e": "TW", "\u81fa\u7063": "TW",  # 台灣, 台湾, 臺灣
    "\u9999\u6e2f": "HK", "\u6fb3\u9580": "MO", "\u6fb3\u95e8": "MO", "\u65b0\u52a0\u5761": "SG",  # 香港 澳門 澳门 新加坡
    "\u5927\u9646": "CN", "\u5927\u9678": "CN", "\u4e2d\u56fd\u5927\u9646": "CN",  # 大陆, 大陸, 中国大陆
    "\u4e2d\u570b\u5927\u9678": "CN",  # 中國大陸
    "prc": "CN", "china": "CN", "mainland": "CN", "taiwan": "TW", "hong kong": "HK", "hongkong": "HK",
    "macau": "MO", "macao": "MO", "singapore": "SG", "united states": "US", "usa": "US", "us": "US",
    "united kingdom": "GB", "uk": "GB", "great britain": "GB", "britain": "GB",
}
# Words after a language name that make a header the name of a field of that language (memoQ's
# `English_United_States_Def`), not of its terms; compared in lower case.
FIELD_WORDS = frozenset({
    "def", "definition", "definitions", "note", "notes", "comment", "comments", "remark", "remarks",
    "example", "examples", "context", "description", "desc", "explanation", "info", "information", "usage",
    "status", "date", "created", "modified", "author", "gender", "pos", "url",
    "\u5b9a\u4e49", "\u91ca\u4e49", "\u5907\u6ce8", "\u6ce8\u91ca", "\u8bf4\u660e",  # 定义 释义 备注 注释 说明
    "\u4f8b\u53e5", "\u793a\u4f8b", "\u8bed\u5883", "\u4e0a\u4e0b\u6587", "\u72b6\u6001",  # 例句 示例 语境 上下文 状态
})
DEFINITION_WORDS = frozenset({"def", "definition", "\u5b9a\u4e49", "\u91ca\u4e49"})  # 定义 释义
_CODE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")
_LEADING_WORD = re.compile(r"[A-Za-z]+")
_WORDS = re.compile(r"[A-Za-z]+|[\u4e00-\u9fff]+")
_ROLE_NAMES = {"source": SOURCE_COLUMN_NAMES, "target": TARGET_COLUMN_NAMES}


def column_language(name: str) -> str | None:
    """The language a header cell names, as a tag: `zh_CN` as written, `English (United States)`
    as en-US, `Chinese_PRC` as zh-CN, `Chinese (Simplified)` as zh-Hans; None for `Status`, and
    None for the column of a field of a language (`English_United_States_Def`, `en_Note`)."""
    parsed = _parse_header(name)
    if parsed is None or any(word in FIELD_WORDS for word in parsed[1]):
        return None
    return parsed[0]


def language_field(name: str) -> tuple[str, str] | None:
    """(language tag, field word) for the column of a field of a language: memoQ's
    `English_United_States_Def` is ("en-US", "def"); None for a term column or any other name."""
    parsed = _parse_header(name)
    if parsed is None:
        return None
    field = next((word for word in parsed[1] if word in FIELD_WORDS), None)
    return (parsed[0], field) if field else None


def _parse_header(name: str) -> tuple[str, list[str]] | None:
    """(language tag, the other words in lower case) of a header cell naming a language, else None."""
    text = name.strip()
    if _CODE.fullmatch(text):
        first, *subtags = re.split(r"[-_]", text)
        others = [subtag.lower() for subtag in subtags if subtag.lower() in FIELD_WORDS]
        kept = [subtag for subtag in subtags if subtag.lower() not in FIELD_WORDS]
        return "-".join([first, *kept]), others
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
    others: list[str] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index:index + 2])
        width = 2 if pair in QUALIFIERS and index + 1 < len(words) else 1
        subtag = QUALIFIERS.get(pair) if width == 2 else QUALIFIERS.get(words[index])
        if subtag is None:
            others.append(words[index])
        elif subtag not in subtags:
            subtags.append(subtag)
        index += width
    return "-".join([code, *sorted(subtags, key=len, reverse=True)]), others  # script before region


def names_language(name: str, wanted: str) -> bool:
    """Whether the header cell names the wanted language (one may be more specific than the other:
    `English` is en-US, `en-GB` is not; Chinese by script, see the module docstring)."""
    tag = column_language(name)
    return tag is not None and _tag_is(tag, wanted)


def field_of_language(name: str, wanted: str) -> str | None:
    """The field word of a header naming a field of the wanted language (`def` for memoQ's
    `English_United_States_Def` when English is wanted), else None."""
    found = language_field(name)
    return found[1] if found is not None and _tag_is(found[0], wanted) else None


def _tag_is(tag: str, wanted: str) -> bool:
    if chinese_script(wanted) is not None:
        return language_matches(tag, wanted)
    return same_language(tag, wanted)


def find_columns(cells: list[str], source_language: str, target_language: str, *, source_column: str | None = None,
                 target_column: str | None = None, path: str | None = None, line: int | None = None,
                 preferred_target: str | None = None) -> Columns | None:
    """The source and target columns of a header row, or None when it names no such pair.
    A column named with --source-column/--target-column must be there (else InputFormatError).
    Of several target columns, `preferred_target` ranks the script (language_tags.variant_rank)."""
    chosen: dict[str, int | None] = {}
    for role, language, named in (("source", source_language, source_column),
                                  ("target", target_language, target_column)):
        taken = set(chosen.values())
        if named is not None:
            chosen[role] = _named_column(cells, named, role, taken, path, line)
        else:
            chosen[role] = _column_for(cells, role, language, taken,
                                       preferred_target if role == "target" else None)
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


def _column_for(cells: list[str], role: str, language: str, taken: set, preferred: str | None = None) -> int | None:
    """The first free column named for the language (ranked as every reader ranks variants,
    language_tags.variant_rank: zh-TW before Chinese (Traditional) for zh-TW; for plain zh the
    preferred script, else Simplified; then one named by the language alone before one with another
    word), else the first free column named for the role (source, term, english; target,
    translation, chinese)."""
    free = [index for index in range(len(cells)) if index not in taken]
    by_language = [index for index in free if names_language(cells[index], language)]
    by_language.sort(key=lambda index: bool(_other_words(cells[index])))  # `English` before `English term`
    by_language.sort(key=lambda index: variant_rank(column_language(cells[index]) or "", language, preferred))
    if by_language:
        return by_language[0]
    return next((index for index in free if cells[index].strip().lower() in _ROLE_NAMES[role]), None)


def _other_words(name: str) -> list[str]:
    """The words of a language column's name that say neither the language nor its region or script."""
    parsed = _parse_header(name)
    return parsed[1] if parsed else []
