"""Tokenisers: spaCy for English (blank pipeline by default), jieba with HMM for Chinese.

Both load lazily and report a signature (name + version) for the glossary's provenance block.
English tokens are merged into word units: spaCy splits `P2G` into `P2`+`G` and
`Power-to-Gas` into five tokens, but for terms they are one word each.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from .errors import UsageError
from .models import Token
from .stopwords import CHINESE_CONNECTORS, is_chinese_function_word

_ENGLISH_BATCH = 256


class EnglishTokenizer:
    def __init__(self, model: str | None = None) -> None:
        import spacy

        if model:
            try:
                self.nlp = spacy.load(model)
            except OSError:
                raise UsageError(f"spaCy model {model!r} is not installed; "
                                 f"install it or drop --spacy-model to use the blank English tokenizer") from None
            except (ImportError, ValueError) as error:  # blank:zz, an unknown language or a broken package
                raise UsageError(f"spaCy cannot load {model!r}: {error}") from None
            self.signature = f"spacy {spacy.__version__} {model} {self.nlp.meta.get('version', '')}".strip()
        else:
            self.nlp = spacy.blank("en")
            self.signature = blank_english_signature()

    def tokenize_many(self, texts: Sequence[str]) -> list[tuple[Token, ...]]:
        """Word units with offsets, from the pipeline's tokenizer alone (its tagger is not used yet)."""
        return [tokens_at(text, offsets) for text, offsets in zip(texts, self.word_offsets_many(texts))]

    def word_offsets_many(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """The (start, end) of each word unit of each text: `tokenize_many` without making a Token
        of each, for extract, which keeps a shard's tokens as offsets."""
        docs = self.nlp.tokenizer.pipe(texts, batch_size=_ENGLISH_BATCH)
        return [word_unit_offsets(text, [(t.idx, t.idx + len(t.text)) for t in doc]) for text, doc in zip(texts, docs)]


def tokens_at(text: str, offsets: Iterable[tuple[int, int]]) -> tuple[Token, ...]:
    """The tokens of `text` between these offsets."""
    return tuple([Token(text[start:end], start, end) for start, end in offsets])


def blank_english_signature() -> str:
    """The blank English tokenizer's signature, told without importing spaCy (1.2 s): a run whose
    tokens all come from the cache needs the signature alone."""
    return f"spacy {_spacy_version()} blank:en"


@lru_cache(maxsize=1)
def _spacy_version() -> str:
    """spaCy's `__version__`, read from its about.py, where spaCy itself imports it from."""
    import importlib.util

    found = importlib.util.find_spec("spacy")
    for location in (found.submodule_search_locations or []) if found else []:
        try:
            with open(os.path.join(location, "about.py"), encoding="utf-8") as about:
                version = _ABOUT_VERSION.search(about.read())
        except (OSError, ValueError):
            continue
        if version:
            return version.group(1)
    import spacy  # a zipped install, or an about.py that reads otherwise

    return spacy.__version__


_ABOUT_VERSION = re.compile(r"""^__version__ = ["']([^"'\\]+)["']$""", re.MULTILINE)


def merge_word_units(text: str, offsets: Iterable[tuple[int, int]]) -> tuple[Token, ...]:
    """Join tokens that touch without a space into one word unit when they form a word:
    letters/digits on both sides (`P2`+`G`) or a hyphen between two words (`Power-to-Gas`)."""
    return tokens_at(text, word_unit_offsets(text, offsets))


def word_unit_offsets(text: str, offsets: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`merge_word_units` as offsets."""
    found: list[tuple[int, int]] = []
    for start, end in _touching_joined(text, offsets, _joins_word_unit):
        if end - start > 1 and text[end - 1] == "-":  # a dangling hyphen ("low- or zero-carbon")
            found += ((start, end - 1), (end - 1, end))
        elif "." in text[start:end]:
            found += _full_stops_split(text[start:end], start)
        else:
            found.append((start, end))
    return found


def _joins_word_unit(previous: str, piece: str) -> bool:
    return (_joinable(previous, piece) or (piece == "-" and previous[-1:].isalnum())
            or (previous.endswith("-") and piece[:1].isalnum() and len(previous) > 1))


def _touching_joined(text: str, offsets: Iterable[tuple[int, int]], joins: Callable[[str, str], bool]
                     ) -> list[tuple[int, int]]:
    """The offsets, each piece that touches the one before it (no space between) joined to it
    where `joins(the text so far, the piece)` says."""
    joined: list[tuple[int, int]] = []
    unit_start = unit_end = -1  # the unit being built, not yet in `joined`
    for start, end in offsets:
        if start == unit_end and joins(text[unit_start:unit_end], text[start:end]):
            unit_end = end
            continue
        if unit_end >= 0:
            joined.append((unit_start, unit_end))
        unit_start, unit_end = start, end
    if unit_end >= 0:
        joined.append((unit_start, unit_end))
    return joined


# A full stop glued to the next sentence (`SARS-CoV-2.The`, `COVID-19.As`): after a digit or in a
# hyphenated word, before a capitalised word.
_GLUED_SENTENCE = re.compile(r"\.(?=[A-Z][a-z]+$)")
# A word spaCy leaves its full stop on, as it does abbreviations (`U.S.`, `Dr.`): a hyphenated
# word, one with a digit or a capital inside it, where that stop ends the sentence (`SARS-CoV.`).
_TERM_BEFORE_STOP = re.compile(r"[^.]*(?:-|\d|[a-z][A-Z])[^.]*")


def _full_stops_split(word: str, start: int) -> list[tuple[int, int]]:
    """The offsets of the word, with a sentence's full stop spaCy left on it taken off as a token of its own."""
    if word.endswith(".") and len(word) > 2 and _TERM_BEFORE_STOP.fullmatch(word, 0, len(word) - 1):
        return [(start, start + len(word) - 1), (start + len(word) - 1, start + len(word))]
    glued = _GLUED_SENTENCE.search(word)
    if glued and glued.start() and (word[glued.start() - 1].isdigit() or "-" in word[:glued.start()]):
        at = start + glued.start()
        return [*_full_stops_split(word[:glued.start()], start), (at, at + 1), (at + 1, start + len(word))]
    return [(start, start + len(word))]


def _joinable(previous: str, piece: str) -> bool:
    return previous[-1:].isalnum() and piece[:1].isalnum() and not piece.startswith(("'", "’"))


def _latin(piece: str) -> bool:
    return piece.isascii() and piece.isalnum()


def merge_latin_words(text: str, offsets: Iterable[tuple[int, int]]) -> tuple[Token, ...]:
    """Join touching ASCII tokens `Wi` `-` `Fi` into one; Han tokens stay as jieba cut them."""
    return tokens_at(text, latin_word_offsets(text, offsets))


def latin_word_offsets(text: str, offsets: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`merge_latin_words` as offsets."""
    found: list[tuple[int, int]] = []
    for start, end in _touching_joined(text, offsets, _joins_latin_word):
        if end - start > 1 and text[end - 1] == "-":  # "LNG-" before Chinese: hyphen is its own token
            found += ((start, end - 1), (end - 1, end))
        else:
            found.append((start, end))
    return found


def _joins_latin_word(previous: str, piece: str) -> bool:
    return piece.isascii() and ((piece == "-" and _latin(previous[-1:]))  # every join needs an ASCII piece
                                or (previous.endswith("-") and _latin(piece) and len(previous) > 1)
                                or (_latin(previous) and _latin(piece)))


def dictionary_digest(path: str) -> str:
    """What jieba's dictionary holds, for cache keys: a fork, a distribution's patch or a swapped-in
    dict.txt.big keeps jieba's version but cuts words otherwise (read once per file and change)."""
    try:
        status = os.stat(path)
    except OSError:
        return "no dictionary file"
    return _file_digest(path, status.st_size, status.st_mtime_ns)


@lru_cache(maxsize=8)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:16]


def chinese_signature() -> str:
    """The Chinese tokenizer's signature: jieba's version, told without loading its dictionary."""
    import jieba

    return f"jieba {getattr(jieba, '__version__', '')} hmm".strip()


def stock_dictionary_path() -> str:
    """The dictionary file jieba loads unless told another."""
    import jieba

    return os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)


def loaded_jieba():
    """A jieba tokenizer with its dictionary loaded.

    jieba keeps its parsed dictionary (9 MB) in the temporary directory, which is the current
    directory (a project checkout) when /tmp is read-only, and it raised when no directory was
    usable at all (a read-only container). It is kept under glossary-cli's cache instead; with no
    writable place for it, the dictionary is parsed again each run (about a second), silently."""
    import jieba

    from .cache_places import jieba_cache_dir

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = jieba_cache_dir() or os.devnull  # no file can be made under os.devnull
    jieba.setLogLevel(logging.CRITICAL)  # a cache it cannot write is logged with a traceback
    try:
        tokenizer.initialize()
    finally:
        jieba.setLogLevel(logging.WARNING)
    return tokenizer


class ChineseTokenizer:
    """jieba with HMM on; the glossary's known terms are added so they are never split."""

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self.jieba = loaded_jieba()
        self.user_words = sorted(set(word for word in user_words if word.strip()))
        # What the dictionary said of each user word before it was added: its general frequency.
        self._stock_frequency = {word: self.jieba.FREQ.get(word, 0) for word in self.user_words}
        for word in self.user_words:
            _add_word(self.jieba, word, max(self.jieba.suggest_freq(word, tune=False), 2000))
        self._commonness: dict[str, float | bool] = {}  # token -> commonness, or False for a function word
        # The approved terms given to jieba live in the glossary itself, so they stay out of the
        # signature: approving a term must not rewrite the file's header on the next run.
        self.signature = chinese_signature()
        self.dictionary_digest = dictionary_digest(self.jieba.dictionary or stock_dictionary_path())

    def tokenize(self, text: str) -> tuple[Token, ...]:
        """jieba tokens, with Latin words it splits at hyphens joined again (Wi-Fi, Li-ion), and a
        function word its HMM glued onto an unknown word, or a locative its dictionary glued onto a
        common word (工作日内), taken off again."""
        return tokens_at(text, self.offsets(text))

    def offsets(self, text: str) -> list[tuple[int, int]]:
        """`tokenize` as (start, end) offsets, without making a Token of each."""
        frequencies = self.jieba.FREQ
        spans = []
        for word, start, end in self.jieba.tokenize(text, HMM=True):
            last = word[-1:]  # both glues end in a few characters: most words are passed by this test alone
            if ((last in _PHRASE_OPENERS and _glued_function_word(word, frequencies))
                    or (last in _LOCATIVES and _glued_locative(word, frequencies))):
                spans += ((start, end - 1), (end - 1, end))
            else:
                spans.append((start, end))
        return latin_word_offsets(text, spans)

    def knows(self, word: str) -> bool:
        """Whether jieba's dictionary (or the glossary's known terms) holds the word."""
        return self.jieba.FREQ.get(word, 0) > 0

    def in_stock_dictionary(self, word: str) -> bool:
        """`knows` without the glossary's known terms."""
        stock = self._stock_frequency
        return (stock[word] if word in stock else self.jieba.FREQ.get(word, 0)) > 0

    @property
    def user_words_unknown_to_the_dictionary(self) -> frozenset[str]:
        """The known terms that `knows` and `in_stock_dictionary` disagree on."""
        return frozenset(word for word, frequency in self._stock_frequency.items() if frequency <= 0)

    @property
    def verbs(self) -> frozenset[str]:
        """Words jieba's dictionary tags as plain verbs (v), read once from its dictionary file."""
        return jieba_verbs()

    def commonness(self, tokens: Sequence[Token]) -> float:
        """log10 of the general-language frequency (jieba's dictionary) of the most common content
        token: the 和 of 碳中/和 (jieba's cut of 碳中和) or the 与 of 研究与开发 says nothing of the term.
        An approved term counts as often as the dictionary had it, not as the frequency it was given
        to keep it whole: approving a term makes it no more common, and it leaves the links of texts
        whose tokens it does not change as they were (see extract.segment_reads)."""
        known = self._commonness
        stock = self._stock_frequency
        found = 0.0
        first = True
        for token in tokens:
            text = token.text
            value = known.get(text)
            if value is None:  # a token's own figure, once per tokenizer: every linked span asks again
                value = known[text] = (False if is_chinese_function_word(text) or text in CHINESE_CONNECTORS
                                       else math.log10((stock[text] if text in stock else self.jieba.FREQ.get(text, 0)) + 1))
            if value is not False and (first or value > found):  # max(), default 0.0
                found, first = value, False
        return found


# Prepositions and conjunctions: they open or join phrases, so no word ends in one but a dictionary word.
_PHRASE_OPENERS = frozenset("则向对在把被将从与和及或并且而但却就才也都又还")


# Where and when words that follow what they place: 内 (within), 上 (on), 前 (before), 时 (when)...
_LOCATIVES = frozenset("内中上下里外前后时")
_RARE_WORD = 20  # jieba's dictionary counts; its compositional entries (工作日内, 操作前) have 2-15


def _glued_locative(word: str, frequencies: dict[str, int]) -> bool:
    """A rare dictionary word that is a common word and a locative: jieba's dictionary holds 工作日内
    (3) beside 工作日 (789), 操作前 (6) beside 操作 (3,727), so `working day` got 工作日内 (within
    working days) as its target. The glossary's approved terms are frequent words, never split."""
    count = frequencies.get(word, 0)
    return (len(word) >= 3 and word[-1] in _LOCATIVES and 0 < count <= _RARE_WORD
            and frequencies.get(word[:-1], 0) >= 100 * count)


def _glued_function_word(word: str, frequencies: dict[str, int]) -> bool:
    """A word of jieba's HMM, not its dictionary, that ends in a preposition or conjunction after a
    content character: 成会明则 cut 成会/明则 (`Cheng Huiming then`), 马云向 (`to Jack Ma`)."""
    return (len(word) >= 2 and word[-1] in _PHRASE_OPENERS and not frequencies.get(word)
            and not is_chinese_function_word(word[-2]))


def _add_word(jieba_tokenizer, word: str, frequency: int) -> None:
    """jieba's `add_word` without raising the dictionary's total frequency: the total weighs every
    route of every text, so with it a new word could change how texts without that word are cut.
    Without it, a text's tokens depend only on the user words inside it, and cached tokens of
    other texts stay valid when a term is approved."""
    jieba_tokenizer.FREQ[word] = frequency
    for end in range(1, len(word)):
        jieba_tokenizer.FREQ.setdefault(word[:end], 0)


@lru_cache(maxsize=1)
def jieba_verbs() -> frozenset[str]:
    import os

    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    verbs = set()
    with open(path, encoding="utf-8") as dictionary:
        for line in dictionary:
            if line.endswith(" v\n"):
                verbs.add(line.split(" ", 1)[0])
    return frozenset(verbs)
