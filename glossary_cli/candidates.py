"""Monolingual term candidates inside one segment.

English: word n-grams that neither start nor end with a function word nor cross punctuation,
longer runs for capitalised names, and whole quoted or bracketed spans. Chinese: spans of
several jieba tokens (jieba splits 虚拟/电厂 and 绿电/交易), bounded by punctuation and function
words, plus quoted spans “…” 《…》 and bracketed ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import chinese_headwords
from .models import Span, Token
from .normalize import chinese_key, english_display, english_key, singular
from .placeholders import placeholder_mask
from .script import has_han, visible
from .wordclass import cannot_be_a_noun, is_participle, is_verb_base, only_a_verb, only_an_adverb
from .stopwords import (CHINESE_CONNECTORS, ENGLISH_CONNECTORS, is_chinese_function_word,
                        is_english_stopword, is_shouted)


@dataclass(frozen=True)
class CandidateLimits:
    max_words: int = 5  # English n-gram length
    max_name_words: int = 9  # capitalised names run longer: United Nations Framework Convention on Climate Change
    max_tokens: int = 6  # Chinese span length in jieba tokens
    max_chars: int = 12  # Chinese span length in characters
    max_quoted_chars: int = 24


# Quote and bracket pairs whose content is a candidate as a whole.
_ENGLISH_ENCLOSED = re.compile(r"“([^”]{2,120})”|\"([^\"]{2,120})\"|‘([^’]{2,80})’|\(([^()]{1,120})\)|\[([^\[\]]{1,120})\]")
_CHINESE_ENCLOSED = re.compile(r"“([^”]{1,40})”|\"([^\"]{1,40})\"|《([^》]{1,40})》|「([^」]{1,40})」|『([^』]{1,40})』"
                               r"|（([^（）]{1,40})）|\(([^()]{1,40})\)")
_QUOTE_GROUPS_EN = 3  # groups 1-3 are quotes, the rest brackets
_QUOTE_GROUPS_ZH = 5
# Inside a plain n-gram only 之 may join (光伏之城); 与/和 make coordinations (风电与光伏).
_CHINESE_INNER_CONNECTORS = frozenset({"之"})
_ADVERB = re.compile(r"(ally|ively|ously|ently|antly|ably|ibly|edly|ingly|fully|lessly|arly|ately|ctly|rly|tly)$")


# A section number before a heading's words: `4.3 Earthing`, `12. Technical Data`, `2 产品概述`.
# Up to two digits, or dotted: `2019 Novel Coronavirus` starts with a year, not a section; and
# `5 GHz Wi-Fi` starts with a quantity (units are symbols, not capitalised words: GHz, mA, Mbps).
_HEADING_NUMBER = re.compile(r"\s*(?:\d{1,2}\.?|\d+(?:\.\d+)+\.?)\s+(?=(?![A-Z]bps)[A-Z][a-z]{2}|[\u4e00-\u9fff])")


def heading_number_end(text: str) -> int:
    """Where a heading's words start after its section number (0 when there is none): the number
    is no part of the label a heading is (`4.3 Earthing` is the label `Earthing`)."""
    found = _HEADING_NUMBER.match(text)
    return found.end() if found else 0


def _is_content(token: Token, shouted: bool = False) -> bool:
    """A word that can start or end a term: not a function word (WHO is an acronym), not an adverb."""
    return _is_content_word(token.text, shouted)


@lru_cache(maxsize=200_000)  # every segment asks again of the same words
def _is_content_word(text: str, shouted: bool) -> bool:
    lower = text.lower()
    return (any(c.isalpha() for c in text) and not is_english_stopword(text, shouted)
            and not (len(lower) > 5 and (_ADVERB.search(lower) or only_an_adverb(lower))))


_cannot_be_a_noun = lru_cache(maxsize=200_000)(cannot_be_a_noun)  # every segment asks again of the same words


@lru_cache(maxsize=200_000)
def _finite_verb(word: str) -> bool:
    """A verb inflected for its subject or tense, and only a verb (`detects`, `requires`, `took`):
    a word no term holds after its first, since with it the words make a clause (`detector
    detects air`)."""
    return only_a_verb(word) and not is_verb_base(word)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _breaks_phrase(token: Token, masked: list[bool]) -> bool:
    return masked[token.start] or _breaking_word(token.text)


@lru_cache(maxsize=200_000)
def _breaking_word(text: str) -> bool:
    return not any(c.isalnum() for c in text) or text in ("'s", "’s")


_COORDINATORS = frozenset({"and", "or", "&"})
_NAME_ENDINGS = frozenset({"limited", "united", "incorporated", "unlimited"})


def _acceptable_phrase(lowered: list[str], first: int, last: int, name: bool, coordinated: bool) -> bool:
    """Reject coordinations (`Siemens and Bosch`, `grids and vehicles`) and phrases ending in a
    past participle (`Zhang noted`); names may hold `and` (`Ministry of Ecology and Environment`).
    The phrase is tokens `first` to `last` of the segment's tokens in lower case, `lowered`;
    `coordinated` says whether one of them is in _COORDINATORS (the caller knows as it extends
    the phrase a word at a time)."""
    if coordinated:
        if not name or (last - first == 2 and lowered[first + 1] in _COORDINATORS):
            return False
    # In title case too: `Folder Created`, `File Uploaded` are messages; `Limited`, `United` end names.
    return not (last > first and is_participle(lowered[last]) and lowered[last] not in _NAME_ENDINGS)


def _capitalised_word(token: Token) -> bool:
    return token.text[:1].isupper() and _is_content(token)


def _cuts_a_name(tokens: tuple[Token, ...], first: int, last: int, capitalised: list[bool]) -> bool:
    """`International Energy` inside `International Energy Agency` is not a term: a
    capitalised phrase may not stop right before, or start right after, another capitalised word.
    `capitalised` holds _capitalised_word of each token."""
    if not capitalised[last] and not capitalised[first]:
        return False
    if last + 1 < len(tokens) and capitalised[last] and capitalised[last + 1] and tokens[last + 1].start - tokens[last].end <= 1:
        return True
    return (first - 1 > 0 and capitalised[first] and capitalised[first - 1]
            and tokens[first].start - tokens[first - 1].end <= 1)


# C0 controls but tab and line breaks, DEL and C1: a term never holds one, and a span that does
# (`Grid ESC]8;;ESC\\ work`, a terminal hyperlink pasted into a corpus) would be a candidate
# validate refuses and no screen can show as written.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


_ALPHANUMERIC = re.compile(r"[^\W_]")  # a character str.isalnum() accepts: regex word characters but _


def _in_order_without_controls(spans: dict[tuple[int, int], Span], text: str) -> list[Span]:
    """The spans in text order, less those holding a control character or no letter or digit at all
    (the `/` of a `[/]` tag the Chinese repeats). Spans are keyed by (start, end): sorting the
    keys sorts by it. A span's text is drawn from the segment's `text`: without a control there,
    none of them holds one."""
    ordered = [spans[key] for key in sorted(spans)]
    if _CONTROL.search(text):
        ordered = [span for span in ordered if not _CONTROL.search(span.text)]
    search = _ALPHANUMERIC.search
    return [span for span in ordered if search(span.text)]


def english_spans(text: str, tokens: tuple[Token, ...], limits: CandidateLimits = CandidateLimits()) -> list[Span]:
    masked = placeholder_mask(text)
    shouted = is_shouted([text])
    spans: dict[tuple[int, int], Span] = {}
    count = len(tokens)
    breaks = [_breaks_phrase(token, masked) for token in tokens]
    contents = [_is_content_word(token.text, shouted) for token in tokens]
    lowered = [token.text.lower() for token in tokens]
    capitalised = [_capitalised_word(token) for token in tokens]
    # What the loop below asks of each token as a phrase's last word, asked once per token
    no_noun = [_cannot_be_a_noun(token.text.rpartition("-")[2]) for token in tokens]
    finite = [_finite_verb(token.text.lower()) for token in tokens]
    capital_first = [_is_capitalised(token) for token in tokens]
    label = text[heading_number_end(text):].strip().rstrip(".!?:…")
    no_term_starts = _units(tokens) | _phrasal_verbs(tokens)  # `25 mL`, `log in to the console`
    words = [token.text for token in tokens if token.text.isalpha() and not is_english_stopword(token.text)]
    heading = len(words) >= 3 and all(word[:1].isupper() for word in words)
    for first in range(count):
        if breaks[first] or not contents[first] or first in no_term_starts:
            continue
        # `tested in clinical trials`, `focused on repurposing`: a participle governing a preposition
        verb_first = only_a_verb(tokens[first].text) or (
            is_participle(tokens[first].text) and first + 1 < count and not contents[first + 1])
        connectors = 0
        name, article, clause, coordinated = True, False, False, False
        for last in range(first, min(count, first + max(limits.max_words, limits.max_name_words))):
            token = tokens[last]
            if breaks[last]:
                break
            lower = lowered[last]
            coordinated = coordinated or lower in _COORDINATORS
            if not contents[last]:
                if lower not in ENGLISH_CONNECTORS and not token.text.isdigit():
                    break
                connectors += 1
                article = article or lower == "the"
                if connectors > 3:
                    break
                continue
            # `surveillance to monitor`: an infinitive makes a clause
            clause = clause or (last > first and lowered[last - 1] == "to" and is_verb_base(token.text))
            name = name and not shouted and capital_first[last]  # capitals in a shouted text say nothing
            length = last - first + 1
            if length > limits.max_words and not name:
                break
            if (connectors > 1 or article) and not name:  # `deepening the transformation` is a clause
                break
            if not _acceptable_phrase(lowered, first, last, name, coordinated):
                continue
            if length > 1 and not name and no_noun[last]:
                continue  # `heat pumps allow`, `global economic`: a term ends in its head noun
            if length > 1 and not name and any(finite[first + 1:last + 1]):
                continue  # `detector detects air`, `procedure requires washing`: a clause
            if length > 1 and not name and (verb_first or clause) and text[tokens[first].start:token.end] != label:
                continue  # `develop polymerase chain reaction` is a clause; a UI label `Open file` is a term
            if not shouted and not heading and _cuts_a_name(tokens, first, last, capitalised):
                continue
            start, end = tokens[first].start, token.end
            spans[(start, end)] = _english_span(text[start:end], start, end, first, last + 1, shouted)
    label_span = _label_with_function_words(text, tokens, breaks, contents, shouted)
    if label_span is not None:
        spans.setdefault((label_span.start, label_span.end), label_span)
    for start, end, quoted in _english_enclosed(text):
        inner = text[start:end].strip().rstrip(".,;:!?")
        if not inner or has_han(inner) or len(inner.split()) > 8 or masked[start]:
            continue
        start = text.index(inner, start)
        end = start + len(inner)
        first, last = _token_range(tokens, start, end)
        existing = spans.get((start, end))
        if existing is None or quoted:
            if existing is None and (inner[-1:] in ".,;:!?" or not any(_is_content(t) for t in tokens[first:last])):
                continue
            existing = _english_span(inner, start, end, first, last, shouted, as_written=quoted)
        spans[(start, end)] = Span(existing.start, existing.end, existing.text, existing.key, existing.first_token,
                                   existing.last_token, quoted=existing.quoted or quoted,
                                   bracketed=existing.bracketed or not quoted)
    return _in_order_without_controls(spans, text)


# Verbs of software instructions that take a particle, and the particles: in `log in to the
# console` the `log` is no log (日志), it is half of 登录; the whole label `Log In` stays a term.
_PHRASAL_VERBS = {"log": {"in", "on", "out", "off", "into"}, "sign": {"in", "on", "out", "off", "up", "into"},
                  "check": {"in", "out"}, "set": {"up"}, "back": {"up"}, "plug": {"in"}, "turn": {"on", "off"},
                  "shut": {"down"}, "roll": {"back"}, "opt": {"in", "out"}, "look": {"up"}, "pair": {"up"}}


_QUOTES = "\"“‘"


def _english_enclosed(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, quoted) of the text inside each quote and bracket pair. A bracket holding a
    quote gives the quote: `(the "Services")` defines the term `Services`, not `the "Services"`."""
    for found in _ENGLISH_ENCLOSED.finditer(text):
        group = next(index for index in range(1, found.lastindex + 1) if found.group(index) is not None)
        start, end = found.start(group), found.end(group)
        if group > _QUOTE_GROUPS_EN and any(quote in text[start:end] for quote in _QUOTES):
            for inside in _ENGLISH_ENCLOSED.finditer(text, start, end):
                inner_group = next(index for index in range(1, inside.lastindex + 1) if inside.group(index) is not None)
                if inner_group <= _QUOTE_GROUPS_EN:
                    yield inside.start(inner_group), inside.end(inner_group), True
            continue
        yield start, end, group <= _QUOTE_GROUPS_EN


def _phrasal_verbs(tokens: tuple[Token, ...]) -> set[int]:
    """Indices of verbs followed by their particle (`log in`, `set up`): no term starts with one."""
    return {index for index in range(len(tokens) - 1)
            if tokens[index + 1].text.lower() in _PHRASAL_VERBS.get(tokens[index].text.lower(), ())}


_LATIN_LETTER = re.compile("[A-Za-z]")
# A unit symbol: up to four letters, a power (mm², m³) and a product of such (N·m, kW·h); not an
# acronym of three capitals or more (`2019–20 NBA season`, `5 PDF files`).
_UNIT = re.compile("°?[^\\W\\d_]{1,4}[\u00b2\u00b3]?(?:[\u00b7\u22c5][^\\W\\d_]{1,4}[\u00b2\u00b3]?)*")
_ACRONYM = re.compile("[A-Z]{3,}")
_NUMBER = re.compile("[+-]?\\d[\\d.,]*%?")  # 25, 2.5, 1,200, 10%
# A range or a pair of numbers (100–240, 50/60) is also a season (2017–18) or a fraction (3/4): a
# word after one is a unit only when it is no lower-case word: it has a capital, a power or a
# product (`100–240 V`, `50/60 Hz`, `6–32 A`, `6–10 mm²`), unlike `flu` of `2017–18 flu season`.
_RANGE = re.compile("[+-]?\\d[\\d.,]*[/\u2013~-]\\d[\\d.,]*%?")


def _units(tokens: tuple[Token, ...]) -> set[int]:
    """Indices of units of measure: a unit symbol right after a number or a degree sign (`25 mL`,
    `6 mm²`, `2.5 N·m`, `50/60 Hz`, `45 °C`), or after a slash that follows one (the `h` of
    `mL/h`). Manuals are full of them, kept in Latin letters on both sides, and they are no terms
    of the text."""
    found: set[int] = set()
    for index in range(1, len(tokens)):
        text, before = tokens[index].text, tokens[index - 1].text
        if not _UNIT.fullmatch(text) or _ACRONYM.fullmatch(text):
            continue
        if (_NUMBER.fullmatch(before) or before == "°" or (before == "/" and index - 2 in found)
                or _RANGE.fullmatch(before) and not (text.isalpha() and text.islower())):
            found.add(index)
    return found


def _english_span(surface: str, start: int, end: int, first: int, last: int, shouted: bool,
                  as_written: bool = False) -> Span:
    """In a text all in capitals the capitals say nothing (`WARNING: FORCE PUSH`), so the term is
    counted and written as the lower-case words it is, with short acronyms kept (USB, PDF). A term
    is written with its head noun singular, unless `as_written` (a quoted prompt, `"Check pads"`,
    must match the device's text)."""
    text, key = _english_forms(surface, shouted, as_written)
    return Span(start, end, text, key, first, last)


@lru_cache(maxsize=200_000)  # a corpus repeats its terms: each surface is read once
def _english_forms(surface: str, shouted: bool, as_written: bool) -> tuple[str, str]:
    """(text, key) of an English span that reads `surface` (see _english_span)."""
    if shouted:
        surface = " ".join(word if len(word) <= _SHOUTED_ACRONYM_LETTERS and not is_english_stopword(word, True)
                           else word.lower() for word in surface.split(" "))
    surface = visible(surface)
    return surface if as_written else english_display(surface), english_key(surface)


_SHOUTED_ACRONYM_LETTERS = 3
_LABEL_WORDS = 3
LABEL_MAX_WORDS = 4  # a longer string translated as a whole is a sentence, not a label


def _label_with_function_words(text: str, tokens: tuple[Token, ...], breaks: list[bool], contents: list[bool],
                               shouted: bool) -> Span | None:
    """A short UI label that starts or ends with a function word is one term: `Log Out`, `Select
    All`, `Save As`, `Out of Stock`, `Do Not Disturb`. N-grams never start or end with one, so the
    whole label is a span of its own. Three words need title case: `Sign in to` is a sentence."""
    words_start = heading_number_end(text)
    words = [index for index, token in enumerate(tokens) if not breaks[index] and token.start >= words_start]
    label = text[words_start:].strip().rstrip(".!?:…").rstrip()
    if not words or len(words) > _LABEL_WORDS or not any(contents[index] for index in words):
        return None
    first, last = words[0], words[-1]
    if words != list(range(first, last + 1)) or text[tokens[first].start:tokens[last].end] != label:
        return None  # punctuation or a placeholder inside: not one label
    if contents[first] and contents[last]:
        return None  # an ordinary n-gram
    if _ADVERB.search(tokens[last].text.lower()):
        return None  # `Folder Created Successfully` is a message
    if len(words) == _LABEL_WORDS and not all(_is_capitalised(tokens[index]) or tokens[index].text.lower()
                                              in ENGLISH_CONNECTORS for index in words):
        return None
    return _english_span(label, tokens[first].start, tokens[last].end, first, last + 1, shouted)


def _kept_english(surface: str, source: str) -> bool:
    """Whether the English segment has these words as they are, whole words at both ends."""
    start = source.find(surface)
    while start >= 0:
        end = start + len(surface)
        if not (start and source[start - 1].isalnum()) and not (end < len(source) and source[end].isalnum()):
            return True
        start = source.find(surface, start + 1)
    return False


def _token_range(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int]:
    first = next((index for index, token in enumerate(tokens) if token.end > start), len(tokens))
    last = next((index for index, token in enumerate(tokens) if token.start >= end), len(tokens))
    return first, last


def _whole_label(text: str, tokens: tuple[Token, ...], masked: list[bool], limits: CandidateLimits,
                 source: str = "") -> tuple[int, int] | None:
    """A short string translated as a whole (a UI label) is a span even where a function word sits
    inside it: 启动时自动挂载 (`Auto Mount on Startup`), 保存到磁盘 (`Save to Disk`)."""
    words_start = heading_number_end(text)
    first_index = next((index for index, token in enumerate(tokens)
                        if not _zh_breaks(token, masked) and token.start >= words_start), None)
    if first_index is None:
        return None
    if counts_a_noun(text, tokens, first_index, masked, source):  # `%d 个文件夹`, its number left out: 文件夹
        first_index += 1
    first = tokens[first_index]
    last = next(token for token in reversed(tokens) if not _zh_breaks(token, masked))
    start, end = first.start, last.end
    if end - start > limits.max_chars:
        return None  # most segments: a sentence, told at once by its length
    # A function word at an edge (到店自提, `Store Pickup`; 从相册导入, `Import from Album`) is part of
    # a label, as English labels may start with one (`Log Out`), only where the English is one too.
    english_label = 0 < len(source.split()) <= LABEL_MAX_WORDS
    if (is_chinese_function_word(first.text) or is_chinese_function_word(last.text)) and not (
            english_label and first is not last):
        return None
    inside = [token for token in tokens if start <= token.start and token.end <= end]
    words = [token for token in inside if not _zh_breaks(token, masked)]
    if (len(words) > limits.max_tokens or not any(has_han(token.text) for token in words)
            or any(not token.text.isspace() for token in inside if _zh_breaks(token, masked))):
        return None
    return start, end


@lru_cache(maxsize=200_000)  # a corpus repeats its terms
def _chinese_forms(written: str) -> tuple[str, str]:
    """(text, key) of a Chinese span that reads `written`: its visible characters, and their key."""
    surface = visible(written)
    return surface, chinese_key(surface)


def _zh_breaks(token: Token, masked: list[bool]) -> bool:
    return masked[token.start] or _breaks_chinese_phrase(token.text)


@lru_cache(maxsize=200_000)  # Chinese texts repeat their tokens
def _breaks_chinese_phrase(text: str) -> bool:
    """Punctuation or spaces: no Han character, letter or digit."""
    return not (has_han(text) or any(c.isalnum() for c in text))


_has_han_token = lru_cache(maxsize=200_000)(has_han)  # asked of every token of every segment


def bound_function_words(text: str, tokens: tuple[Token, ...], known: Callable[[str], bool] | None = None) -> set[int]:
    """Function-word tokens that are really part of a dictionary word jieba cut through:
    in 碳/中/和 (carbon neutrality) 中 and 和 spell 中和, so they do not end a span. A word that
    would cut through a dictionary word of jieba's does not count: in 基础设施/与 the 与 is `and`,
    though 施与 is a word too, and in 隐私/和/数据安全 it is `and` again, though 和数 is one."""
    headwords = chinese_headwords()

    def word(token: Token | None) -> bool:
        return token is not None and len(token.text) > 1 and (token.text in headwords or bool(known and known(token.text)))

    return {index for index, token in enumerate(tokens)
            if is_chinese_function_word(token.text) and _inside_a_longer_word(text, tokens, index, headwords, word)}


def _inside_a_longer_word(text: str, tokens: tuple[Token, ...], index: int, headwords: frozenset[str],
                          word: Callable[[Token | None], bool]) -> bool:
    """Whether a dictionary word of up to 4 characters holds the token and more, and cuts
    through no neighbouring token that is a dictionary word itself."""
    token = tokens[index]
    before = tokens[index - 1] if index else None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    for start in range(max(0, token.start - 3), token.start + 1):
        if before and before.start < start < before.end and word(before):
            continue
        for end in range(max(token.end, start + 2), min(len(text), start + 4) + 1):
            if after and after.start < end < after.end and word(after):
                continue
            if (start < token.start or end > token.end) and text[start:end] in headwords:
                return True
    return False


# Derivational suffixes (-ity, -ize, -er, plural, rate, type ...): alone as a token right after a
# Chinese word they end that word (可降解/性/材料 is 可降解性 材料), so no term starts with them.
_CHINESE_SUFFIXES = frozenset("性化者们率式型度界员家类")


# 性 (-ity, -ic) binds to the word before it even when jieba glues it to the next one instead:
# 易燃/性气体 is 易燃性 气体 (flammable gas). Dictionary words (性能, 性别) are exempt.
_BOUND_PREFIX_OF_NEXT_TOKEN = "性"


# The dots between the parts of a transliterated name (唐纳德·特朗普), as typed in either width.
_NAME_DOTS = frozenset("·・‧")


def _joins_a_name(tokens: tuple[Token, ...], index: int) -> bool:
    """A name's dot between two words, or a hyphen between two Chinese words (约翰-霍普金斯大学)."""
    if index + 1 >= len(tokens):
        return False
    token, before, after = tokens[index], tokens[index - 1].text, tokens[index + 1].text
    if token.start != tokens[index - 1].end or token.end != tokens[index + 1].start:
        return False
    if token.text in _NAME_DOTS:
        return (before[-1:].isalnum() or has_han(before[-1:])) and (after[:1].isalnum() or has_han(after[:1]))
    return token.text == "-" and has_han(before[-1:]) and has_han(after[:1])


# Units of dates and times, which count what the number before them says: the 月 of `2 月`
# (February), the 日 of `21日`. The English names a month, or says `days`, with no word for them.
_DATE_UNITS = frozenset("年月日号时点分秒周天")
_CHINESE_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万几")


def _counts_a_number(text: str, token: Token) -> bool:
    """A date or time unit right after a number: `2020 年 2 月 21 日` holds no term 月."""
    if token.text not in _DATE_UNITS:
        return False
    before = text[:token.start].rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] in _CHINESE_NUMERALS)


# Classifiers, which count the noun after them: the 个 of `%d 个文件夹` (`%d folders`), the 张 of
# `3 张照片`. Before a noun and after a number, one belongs to no term: `folder` is 文件夹, not
# 个文件夹. At the end of a string one may translate the noun (`%d items` <-> `%d 项`), and it
# stays a span.
CLASSIFIERS = frozenset("个项条张位份台件篇首本支辆封只块座间家款种部批组名次")


def counts_a_noun(text: str, tokens: tuple[Token, ...], index: int, masked: list[bool], source: str) -> bool:
    """A classifier token before a Chinese word, after a number or a placeholder; or opening the
    text where the English opens with a plural, whose number the reader left out with the code
    that held it (`<x/> folders` <-> `<x/> 个文件夹`). Most classifiers are words too: 位深度
    opening `Bit depth` is the bit's 位."""
    token = tokens[index]
    if token.text not in CLASSIFIERS or index + 1 >= len(tokens) or not has_han(tokens[index + 1].text):
        return False
    before = text[:token.start].rstrip()
    if not before:
        first = source.split(maxsplit=1)[0] if source.strip() else ""
        return first.isalpha() and first.islower() and singular(first) != first
    return before[-1].isdigit() or before[-1] in _CHINESE_NUMERALS or masked[len(before) - 1]


def _attached_suffix(text: str, token: Token) -> bool:
    if token.start == 0 or not has_han(text[token.start - 1]):
        return False
    if token.text in _CHINESE_SUFFIXES:
        return True
    return (token.text[0] == _BOUND_PREFIX_OF_NEXT_TOKEN and token.text not in chinese_headwords()
            and not is_chinese_function_word(text[token.start - 1]))


_BRACKETED_ACRONYM = re.compile(r"[(（]\s*([A-Za-z][A-Za-z0-9-]{1,11})\s*[)）]")


def _named_by_acronym(text: str, tokens: tuple[Token, ...], masked: list[bool], source: str,
                      limits: CandidateLimits) -> Iterator[tuple[int, int]]:
    """(first, last) token indices of the runs that end right before an acronym in brackets which
    the English brackets too: `基于角色的访问控制 (RBAC)` for `role-based access control (RBAC)`.
    The acronym says where the name ends, so the name may hold the 的 and 和 that end spans
    elsewhere (身份和访问管理); each run back to a punctuation mark, the longest within the limits."""
    for found in _BRACKETED_ACRONYM.finditer(text):
        if not re.search(r"[(（]\s*" + re.escape(found.group(1)) + r"\s*[)）]", source):
            continue
        ends = [index for index, token in enumerate(tokens) if token.end <= found.start()
                and text[token.end:found.start()].strip() == "" and has_han(token.text)]
        if not ends:
            continue
        last = ends[-1]
        first = last
        while (first > 0 and not _zh_breaks(tokens[first - 1], masked) and has_han(tokens[first - 1].text)
               and tokens[last].end - tokens[first - 1].start <= limits.max_chars):
            first -= 1
            if has_han(tokens[first].text) and not is_chinese_function_word(tokens[first].text) and first < last - 1:
                yield first, last


def chinese_spans(text: str, tokens: tuple[Token, ...], limits: CandidateLimits = CandidateLimits(),
                  verbs: frozenset[str] = frozenset(), source: str = "",
                  known: Callable[[str], bool] | None = None) -> list[Span]:
    """`verbs`: words jieba's dictionary tags only as verbs; spans of several tokens starting
    with one are marked verb_initial. `source` is the English segment: several Latin words in a
    row are a span only where the translation keeps them as the English has them (a name such
    as `Wolf Vollprecht`, a product such as `Google Drive`). `known` tells the words of jieba's
    dictionary."""
    masked = placeholder_mask(text)
    spans: dict[tuple[int, int], Span] = {}
    count = len(tokens)
    bound = bound_function_words(text, tokens, known)
    # What the loops below ask of each token, asked once per token rather than once per span
    han_tokens = [_has_han_token(token.text) for token in tokens]
    breaks = [_zh_breaks(token, masked) for token in tokens]
    function_words = [is_chinese_function_word(token.text) for token in tokens]
    joins = [index > 0 and _joins_a_name(tokens, index) for index in range(count)]  # asked from the second token on
    for first in range(count):
        head = tokens[first]
        if (breaks[first] or function_words[first] or head.text in CHINESE_CONNECTORS
                or _attached_suffix(text, head) or _counts_a_number(text, head)
                or counts_a_noun(text, tokens, first, masked, source)):
            continue
        connectors = 0
        han = spaced = False
        latin_tail = count  # the index of the English word after a Chinese one, which ends the span
        for last in range(first, min(count, first + limits.max_tokens)):
            token = tokens[last]
            if last > latin_tail:
                break  # `面容 ID` ends with its English word
            if last > first and token.text == " " and source:
                if not han:
                    spaced = True  # the space between two words of a kept English name
                    continue
                after = tokens[last + 1] if last + 1 < count else None
                if (after is None or han_tokens[last + 1] or not _LATIN_LETTER.search(after.text)
                        or not _kept_english(after.text, source)):
                    break
                latin_tail = last + 1  # `面容 ID`, `触控 ID`: a Chinese word and a word the English keeps
                continue
            if han_tokens[last] and not han and spaced and not _LATIN_LETTER.search(text[head.start:token.start]):
                break  # `2 小时` is a number and its unit; `API 密钥` is a term, as zh-CN style spaces it
            han = han or han_tokens[last]
            if token.text in _CHINESE_INNER_CONNECTORS:
                connectors += 1
                if connectors > 1:
                    break
                continue
            if last > first and joins[last]:
                continue  # 唐纳德·特朗普 and 约翰-霍普金斯 are one name, not two spans
            if breaks[last] or (function_words[last] and last not in bound):
                break
            start, end = head.start, token.end
            if end - start > (limits.max_chars if han else limits.max_quoted_chars):
                break
            surface, key = _chinese_forms(text[start:end])
            if not han and last > first and not _kept_english(surface, source):
                continue  # several Latin tokens in a row belong to an English phrase, not a Chinese term
            spans[(start, end)] = Span(start, end, surface, key, first, last + 1,
                                       verb_initial=last > first and head.text in verbs)
    for first, last in _named_by_acronym(text, tokens, masked, source, limits):
        start, end = tokens[first].start, tokens[last].end
        if (start, end) not in spans:
            surface = visible(text[start:end])
            spans[(start, end)] = Span(start, end, surface, chinese_key(surface), first, last + 1,
                                       verb_initial=last > first and tokens[first].text in verbs)
    label = _whole_label(text, tokens, masked, limits, source)
    if label and label not in spans:
        first, last = _token_range(tokens, *label)
        surface = visible(text[label[0]:label[1]])
        spans[label] = Span(*label, surface, chinese_key(surface), first, last,
                            verb_initial=last - first > 1 and tokens[first].text in verbs)
    for found in _CHINESE_ENCLOSED.finditer(text):
        group = next(index for index in range(1, found.lastindex + 1) if found.group(index) is not None)
        start, end = found.start(group), found.end(group)
        inner = text[start:end].strip().rstrip("。，,；;：:！!？?")
        if not inner or len(inner) > limits.max_quoted_chars or masked[start]:
            continue
        start = text.index(inner, start)
        end = start + len(inner)
        quoted = group <= _QUOTE_GROUPS_ZH
        existing = spans.get((start, end))
        first, last = _token_range(tokens, start, end)
        spans[(start, end)] = Span(start, end, visible(inner), chinese_key(inner), first, last,
                                   quoted=quoted or bool(existing and existing.quoted),
                                   bracketed=not quoted or bool(existing and existing.bracketed))
    return _in_order_without_controls(spans, text)


# What may come before the first word of a sentence, a heading or a list item, where a capital
# says nothing: `Step 3: Configure security groups`, `… case. Dry them`, `- Restart`.
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", "…", "-", "–", "—", "•", "*", "|", ">"})
_OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«"})


def starts_sentence(tokens, first: int) -> bool:
    """Whether the word at `first` starts a sentence, heading or list item (after opening quotes
    or brackets): first in its segment, or after a sentence end, a colon or a list mark (`1.`)."""
    previous = first - 1
    while previous >= 0 and tokens[previous].text in _OPENERS:
        previous -= 1
    if previous < 0:
        return True
    text = tokens[previous].text
    if text == ")" and previous == 1:  # `3) Open it`
        text = tokens[0].text + text
    return text in _SENTENCE_BREAKS or (text[:-1].isdigit() and text[-1:] in ".)")
