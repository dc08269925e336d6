"""Function words that may not start or end a term, in English and Chinese."""

from __future__ import annotations

from functools import lru_cache

# spaCy's English stop list holds content words that start real terms ("side effects",
# "front end", "first aid", "next generation"); those stay usable here.
_CONTENT_WORDS = frozenset("""
first next last top bottom front back side full part name show call put made fire amount system
well empty serious move give
""".split())  # number words stay stop words: `two days`, `two major economies` are counts, not terms

# Connectors allowed inside a multi-word term: "Institute of Technology", "Research and Development".
ENGLISH_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "to", "de", "&"})

CHINESE_FUNCTION_WORDS = frozenset("""
的 了 和 与 及 以及 或 或者 在 是 将 对 把 被 从 向 等 等等 也 都 就 而 并 并且 且 以 为 由 于 即 则 又 还 其 这 那
该 此 要 能 会 可 让 使 着 过 地 得 之一 中 上 下 里 内 外 个 位 名 项 种 些 所 如 若 但 却 因 因为 所以 而且 不仅
更 最 很 已 已经 正 正在 一 一个 一种 这一 这些 那些 我们 他们 她们 它们 他 她 它 我 你 您 其中 通过 作为 以及 对于
关于 根据 随着 进行 实现 有 没有 不 无法 能够 可以 需要 应 应该 必须 来 去 到 给 得到 仅 只 同时 此外 然而 因此
时 时候 之后 之前 以后 以前 本 每 每个 各 各个 第 请 如果 如需
""".split())  # 时 and the like say `when`, `after`, `before`, English stop words: 输入时 is `when typing`

# Function words allowed inside a Chinese term: 风、光、储一体化, 研究与开发, 光伏之城.
CHINESE_CONNECTORS = frozenset({"与", "和", "及", "之", "、"})


@lru_cache(maxsize=1)
def _english_stopwords() -> frozenset[str]:
    return frozenset(word for word in _spacy_stop_words() if word not in _CONTENT_WORDS) | {"'s", "’s", "etc", "e.g", "i.e"}


def _spacy_stop_words() -> set[str]:
    """spaCy's English stop list. Its module is a plain list of words, read here from its file:
    importing it imports spaCy (0.4-0.7 s), which `check` of Markdown pages would pay for nothing
    else. Through spaCy's own import where the file cannot be found that way (a zipped install)."""
    import importlib.util
    import os

    found = importlib.util.find_spec("spacy")
    locations = list(found.submodule_search_locations or []) if found else []
    path = os.path.join(locations[0], "lang", "en", "stop_words.py") if locations else ""
    if os.path.isfile(path):
        spec = importlib.util.spec_from_file_location("glossary_cli._spacy_english_stop_words", path)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module.STOP_WORDS
    from spacy.lang.en.stop_words import STOP_WORDS

    return STOP_WORDS


@lru_cache(maxsize=1 << 16)  # asked for every token of every span: a few thousand distinct words
def is_english_stopword(word: str, shouted: bool = False) -> bool:
    """A function word, case aside; but a word in capitals is an acronym (WHO, US, IT) unless the
    whole text is in capitals (`shouted`: `HOW TO WASH YOUR HANDS`)."""
    if not shouted and len(word) > 1 and word.isupper():
        return False
    return word.lower() in _english_stopwords() or _is_contracted_function_word(word, shouted)


# The tokenizer keeps a contraction whole (`don't`); its parts are function words.
_NEGATED_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "am"}  # can't, won't, shan't, ain't
_CONTRACTED_ENDINGS = frozenset({"s", "re", "ll", "ve", "d", "m"})


def _is_contracted_function_word(word: str, shouted: bool) -> bool:
    """`don't`, `can't`, `it's`, `you're`, `we'll`, `I'm`; not a possessive such as `patient's`
    or an acronym's (`WHO's`)."""
    text = word.replace("\u2019", "'")
    if "'" not in text:
        return False
    stopwords = _english_stopwords()
    if text.lower().endswith("n't"):
        stem = text[:-3].lower()
        return _NEGATED_STEMS.get(stem, stem) in stopwords
    base, _, ending = text.rpartition("'")
    if not shouted and len(base) > 1 and base.isupper():
        return False
    return ending.lower() in _CONTRACTED_ENDINGS and base.lower() in stopwords


def is_shouted(texts) -> bool:
    """No lowercase letter anywhere: a heading or warning in capitals, whose capitals say nothing."""
    return not any(char.islower() for text in texts for char in text)


def is_chinese_function_word(word: str) -> bool:
    return word in CHINESE_FUNCTION_WORDS
