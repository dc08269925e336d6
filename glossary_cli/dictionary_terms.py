"""Terms CC-CEDICT lists whole: `lung` is a gloss of 肺, `disinfectant` one of 消毒剂, `breathe`
one of 呼吸.

A corpus often renders one English term several ways (肺 and 肺部 for `lungs`, 呼吸 and 呼气 for
`breathing`), and its counts between such close renderings say more about its translators than
about the term. A rendering the dictionary gives for the whole term is the one a terminologist
would pick, so `rank` proposes it when the corpus supports it nearly as well as its best. The
word-level index (lexicon.py) cannot say this: it knows which headwords use a word, not which
headword a gloss names as a whole.

The index is built from the dictionary file once and cached beside the word-level one; only the
main process ranks, so workers never load it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from functools import lru_cache

from . import lexicon, wordclass
from .lexicon import _PARENTHESES, _SKIPPED_GLOSS, _cedict_path, cedict_entries
from .normalize import chinese_key
from .wordclass import base_forms

_CACHE_VERSION = 2
_MAX_GLOSS_WORDS = 4  # longer glosses explain a headword rather than name it (as lexicon.py)
_LEADING_WORDS = re.compile(r"^(?:to|a|an|the) ")  # `to breathe`, `a lung`: the gloss names `breathe`
_WORD = re.compile(r"[a-z0-9]+")


def gloss_keys(english: str) -> frozenset[str]:
    """What a term and a gloss that names it have in common: the lowercase words, a leading `to`
    or article dropped, the last one as written or as any base form it inflects (`Lungs` and
    `lung`, `breathing` and `to breathe`; `supportive` is no `support`)."""
    words = _WORD.findall(_LEADING_WORDS.sub("", " ".join(english.lower().split())))
    if not words:
        return frozenset()
    return frozenset(" ".join(words[:-1] + [base]) for base in base_forms(words[-1]))


def listed_renderings(english: str) -> frozenset[str]:
    """The Chinese (as chinese_key compares it) whose dictionary glosses include the term whole."""
    index = _index()
    return frozenset(headword for key in gloss_keys(english) for headword in index.get(key, ()))


def parse_glosses(lines) -> dict[str, tuple[str, ...]]:
    """Each gloss_keys of each short gloss -> the simplified headwords it glosses."""
    index: dict[str, set[str]] = {}
    for simplified, glosses in cedict_entries(lines):
        headword = chinese_key(simplified)
        for gloss in glosses:
            if not gloss or _SKIPPED_GLOSS.match(gloss):
                continue
            for key in gloss_keys(_PARENTHESES.sub(" ", gloss)):
                if key.count(" ") < _MAX_GLOSS_WORDS:
                    index.setdefault(key, set()).add(headword)
    return {key: tuple(sorted(headwords)) for key, headwords in index.items()}  # tuples: a third of sets' memory


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    from .cache import load_plain, open_regular, write_cache_file

    source = _cedict_path()
    cache = _cache_path(source)
    if cache is not None:
        try:
            with open_regular(cache) as handle:
                return load_plain(handle)
        except Exception:  # missing, damaged or foreign: parsed again
            pass
    with open(source, encoding="utf-8") as handle:
        index = parse_glosses(handle)
    if cache is not None:
        write_cache_file(cache, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    return index


def _cache_path(source: str) -> str | None:
    """Named by the dictionary file and this module's code, as lexicon.py names its parse."""
    from .cache_places import user_cache_root

    base = user_cache_root()
    if base is None:
        return None
    status = os.stat(source)
    digest = hashlib.sha256()
    for module in (__file__, lexicon.__file__, wordclass.__file__):  # which glosses are skipped; base forms
        with open(module, "rb") as code:
            digest.update(code.read())
    return os.path.join(base, f"cedict-glosses-v{_CACHE_VERSION}-{status.st_size}-{int(status.st_mtime)}"
                              f"-{digest.hexdigest()[:12]}.pickle")
