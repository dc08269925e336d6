"""Placeholders and markup in localisation strings (`%s`, `%1$d`, `{name}`, `{0}`, `{:n}`, `${x}`,
i18next's `{{name}}`, `{{- html}}`, `{{date, datetime}}` and `$t(other.key)`, iOS's `%#@files@`,
`<b>`, `<code>…</code>`, `<!-- comments -->`, BBCode `[b]`, `&amp;`, `` `code` ``, `--option`, URLs,
`\\n`, ICU MessageFormat arguments): never terms nor parts of terms. `extract` blanks them before
tokenizing and `check` before matching, with the same definition.

ICU MessageFormat: a typed argument (`{count, number}`, `{when, date, short}`) is blanked whole; in
a plural, selectordinal or select argument (`{count, plural, one {# file} other {# files}}`) the
argument name, keyword, offset, selector keys (`one`, `=0`, `male`), braces and the `#` of a plural
branch are blanked, while the text of each branch (`file`, `文件`) stays text; so are the limits
and `|` of Java's choice format (`{0,choice,0#no files|1#one file}`). Branches may hold
further ICU arguments. An argument that does not parse as ICU is left to the patterns below.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"(?=[-%${<&`h\\[])(?:"  # every alternative starts with one of these: rejects other positions 8x faster
    r"%(?:\d+\$)?#@[A-Za-z_]\w*@"       # %#@files@: a .stringsdict variable in an iOS .strings value
    r"|%(?:\d+\$|\([A-Za-z_]\w*\))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcsaAp@]"
    r"|\$\{[^{}\n]*\}"               # ${var}
    r"|\{\{?[\w.:!|$-]*\}?\}"         # {name}, {0}, {:n}, {x!r} without spaces
    r"|\{[\w.]*(?:![rsa])?:[^{}\s]*\}"  # format specs: {count:>4}, {:,}, {name!r:^10}
    r"|\{\{-?\s*[\w.:|$-]+\s*(?:,[^{}\n]*)?\}\}"  # {{ var }}; i18next {{- html}}, {{date, datetime}}
    r"|(?<![\w$])\$t\((?:[^()\n]|\([^()\n]*\))*\)"  # i18next nesting: $t(common.save), $t(key, {"count": 2})
    r"|<!--[\s\S]*?-->"               # <!-- a comment -->: a note to translators, not text
    r"|<(?P<code>code|kbd|samp|var)(?:\s[^<>]*)?>[^<]*</(?P=code)>"  # <code>gc</code>, <kbd>V</kbd>: code, like `code`
    r"|</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>"  # <b>, </a>, <br/>, <a href="...">
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);"  # &amp; &#160;
    # BBCode of games and forums: [b], [/b], [url=...], [color=#f00]; an opening tag never right
    # after a Latin word, where brackets index (`items[i]`)
    r"|(?:(?<![A-Za-z0-9_\]])\[|\[/)(?i:b|i|u|s|url|img|color|colour|size|font|quote|code|list|center|left|right"
    r"|sup|sub|spoiler|table|tr|td|th|hr|\*)(?:=[^\[\]\n]*)?\]"
    r"|`[^`\n]+`"                     # `code`
    r"|(?<![\w-])--[A-Za-z][\w-]*"    # --option
    r"|\bhttps?://[^\s<>\"']+"        # URLs
    r"|(?<!\\)\\[nrt]"                  # \n, \t written out in a string (`File\nChoose`)
    r")"
)


_ICU_TYPED = "number|date|time|spellout|ordinal|duration"
_ICU_START = re.compile(r"\{\s*[\w.-]+\s*,\s*(?:plural|selectordinal|select|choice|" + _ICU_TYPED + r")\s*[,}]")
_ICU_HEAD = re.compile(r"\{\s*[\w.-]+\s*,\s*(?:(plural|selectordinal)|(select)|(" + _ICU_TYPED + r")|(choice))\s*([,}])\s*")
_CHOICE_LIMIT = re.compile(r"\s*-?(?:\d+(?:\.\d+)?|\u221e)\s*[#<\u2264]")  # 0#, 1<, -1≤, ∞#
_ICU_OFFSET = re.compile(r"offset\s*:\s*\d+\s*")
_ICU_SELECTOR = re.compile(r"(?:=\s*-?\d+(?:\.\d+)?|[\w.-]+)\s*\{")
_ICU_SPACE = re.compile(r"\s*")


def _icu_ranges(text: str) -> list[tuple[int, int]]:
    """The (start, end) ranges of ICU MessageFormat syntax in the text; branch text excluded."""
    if "," not in text or (found := _ICU_START.search(text)) is None:
        return []
    ranges: list[tuple[int, int]] = []
    while found is not None:
        end = _icu_argument(text, found.start(), False, ranges)
        found = _ICU_START.search(text, max(end or 0, found.start() + 1))  # always forward
    return ranges


def _icu_argument(text: str, start: int, in_plural: bool, ranges: list[tuple[int, int]]) -> int | None:
    """Parse the ICU argument whose `{` is at `start`: add its syntax to `ranges` and return its
    end, or return None (ranges untouched) when it is not one."""
    head = _ICU_HEAD.match(text, start)
    if head is None:
        return None
    plural, select, choice, after = head.group(1), head.group(2), head.group(4), head.group(5)
    if choice:
        return _choice_argument(text, start, head.end(), in_plural, ranges) if after == "," else None
    if not (plural or select):  # {n, number} or {n, number, ::currency/EUR}: blanked whole
        end = head.start(5) + 1 if after == "}" else _closing_brace(text, head.end())
        if end is None:
            return None
        ranges.append((start, end))
        return end
    if after != ",":
        return None
    found: list[tuple[int, int]] = [(start, head.end())]
    position = head.end()
    if plural and (offset := _ICU_OFFSET.match(text, position)):
        position = offset.end()
        found.append((offset.start(), offset.end()))
    branches = 0
    while (selector := _ICU_SELECTOR.match(text, position)) is not None:
        found.append((selector.start(), selector.end()))
        close = _icu_message(text, selector.end(), in_plural or bool(plural), found)
        if close is None:
            return None
        space = _ICU_SPACE.match(text, close + 1)
        found.append((close, space.end()))
        position = space.end()
        branches += 1
    if not branches or position >= len(text) or text[position] != "}":
        return None
    found.append((position, position + 1))
    ranges.extend(found)
    return position + 1


def _choice_argument(text: str, start: int, position: int, in_plural: bool,
                     ranges: list[tuple[int, int]]) -> int | None:
    """Java's choice format, `{0,choice,0#no files|1#one file|1<{0,number} files}`: the limits,
    `|` and braces are syntax, the text of each choice is text."""
    found: list[tuple[int, int]] = [(start, position)]
    while (limit := _CHOICE_LIMIT.match(text, position)) is not None:
        found.append((limit.start(), limit.end()))
        close = _icu_message(text, limit.end(), in_plural, found, stops="|}")
        if close is None:
            return None
        found.append((close, close + 1))
        if text[close] == "}":
            ranges.extend(found)
            return close + 1
        position = close + 1
    return None


def _icu_message(text: str, position: int, in_plural: bool, ranges: list[tuple[int, int]],
                 stops: str = "}") -> int | None:
    """Scan a branch's text from `position`: add the `#` of a plural branch and nested ICU
    arguments to `ranges`; return the index of the branch's closing `}` (or of another of
    `stops`; None: never closed)."""
    length = len(text)
    while position < length:
        char = text[position]
        if char in stops:
            return position
        if char == "{":
            end = _icu_argument(text, position, in_plural, ranges)
            if end is None:  # a simple argument such as {name}: the patterns below blank it
                end = _closing_brace(text, position + 1)
                if end is None:
                    return None
            position = end
            continue
        if char == "#" and in_plural:
            ranges.append((position, position + 1))
        elif char == "'" and position + 1 < length:  # ICU quoting: '' is an apostrophe, '{…' literal
            following = text[position + 1]
            if following == "'":
                position += 2
                continue
            if following in "{}" or (following == "#" and in_plural):
                quote = text.find("'", position + 2)
                position = length if quote < 0 else quote + 1
                continue
        position += 1
    return None


def _closing_brace(text: str, position: int) -> int | None:
    """The index just after the `}` closing a `{` opened before `position`."""
    depth = 1
    for index in range(position, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _without_icu(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with the ranges blanked to spaces (same length, same offsets)."""
    if not ranges:
        return text
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _may_hold_placeholders(text: str) -> bool:
    """Every placeholder holds one of these marks; most segments hold none, and `in` is far
    cheaper than a regex scan."""
    return ("%" in text or "{" in text or "<" in text or "&" in text or "`" in text or "$" in text
            or "--" in text or "://" in text or "\\" in text or "[" in text)


def mask_placeholders(text: str) -> str:
    """The text with every placeholder and markup blanked to spaces (same length, same offsets)."""
    if not _may_hold_placeholders(text):
        return text
    text = _without_icu(text, _icu_ranges(text))
    if PLACEHOLDER.search(text) is None:
        return text
    return PLACEHOLDER.sub(lambda match: " " * len(match.group()), text)


def placeholder_mask(text: str) -> list[bool]:
    """True for each character inside a placeholder or markup."""
    mask = [False] * len(text)
    if _may_hold_placeholders(text):
        ranges = _icu_ranges(text)
        for start, end in ranges:
            mask[start:end] = [True] * (end - start)
        for found in PLACEHOLDER.finditer(_without_icu(text, ranges)):
            mask[found.start():found.end()] = [True] * (found.end() - found.start())
    return mask
