"""Which parts of speech an English word can have, without a tagger.

spaCy's blank pipeline has no tagger and trained pipelines may not be installed, but the
`spacy-lookups-data` package ships the WordNet-derived lemma tables that spaCy's rule lemmatizer
uses: base forms per part of speech, irregular forms and suffix rules. A word the tables know
only as an adjective, verb or adverb cannot be the head of a term (`days of intensive`,
`heat pumps allow`); a word they do not know (`photovoltaics`, `P2G`) may be anything.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from functools import lru_cache

PARTS = ("noun", "verb", "adj", "adv")


@dataclass(frozen=True)
class LemmaTables:
    bases: dict[str, frozenset[str]]  # part of speech -> base forms
    irregular: dict[str, dict[str, tuple[str, ...]]]  # part of speech -> form listed as an exception -> its bases
    suffixes: dict[str, tuple[tuple[str, str], ...]]  # part of speech -> (suffix, replacement) rules


@lru_cache(maxsize=1)
def lemma_tables() -> LemmaTables | None:
    """The English tables of spacy-lookups-data, or None when the package is missing."""
    try:
        import spacy_lookups_data
    except ImportError:
        return None
    folder = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data")

    def table(name: str) -> dict:
        with gzip.open(os.path.join(folder, f"en_lemma_{name}.json.gz"), "rt", encoding="utf-8") as handle:
            return json.load(handle)

    index, exceptions, rules = table("index"), table("exc"), table("rules")
    return LemmaTables(
        bases={part: frozenset(index.get(part, ())) for part in PARTS},
        irregular={part: {form: tuple(bases) for form, bases in exceptions.get(part, {}).items()} for part in PARTS},
        suffixes={part: tuple((suffix, replacement) for suffix, replacement in rules.get(part, ()))
                  for part in PARTS})


def irregular_verb_forms(word: str) -> frozenset[str]:
    """The inflected forms of a verb that the lemma tables list as exceptions, the ones no spelling
    rule makes: `built` of build, `spent` of spend, `sang` and `sung` of sing. Lower case; empty for
    a regular verb, a word the tables do not know, or without the package."""
    return _irregular_verbs().get(word.lower(), frozenset())


@lru_cache(maxsize=1)
def _irregular_verbs() -> dict[str, frozenset[str]]:
    """Base form -> its irregular forms, from the verb exceptions table alone (4 ms to read)."""
    try:
        import spacy_lookups_data
    except ImportError:
        return {}
    path = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", "en_lemma_exc.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        exceptions = json.load(handle).get("verb", {})
    forms: dict[str, set[str]] = {}
    for form, bases in exceptions.items():
        if form.isalpha():  # `allowed_for`, `baby-sat`: phrases and compounds, no forms of one word
            for base in bases:
                forms.setdefault(base, set()).add(form)
    return {base: frozenset(found) for base, found in forms.items()}


@lru_cache(maxsize=100_000)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech the lemma tables allow for a word; empty when they do not know it."""
    tables = lemma_tables()
    lower = word.lower()
    if tables is None or not lower.isalpha():
        return frozenset()
    found = set()
    for part in PARTS:
        if lower in tables.bases[part] or lower in tables.irregular[part]:
            found.add(part)
            continue
        for suffix, replacement in tables.suffixes[part]:
            if suffix and lower.endswith(suffix) and lower[: -len(suffix)] + replacement in tables.bases[part]:
                found.add(part)
                break
    return frozenset(found)


@lru_cache(maxsize=100_000)
def base_forms(word: str) -> frozenset[str]:
    """The word (lower case) and the base forms the lemma tables make of it by inflection:
    `lungs` -> lung, `breathing` -> breathe, `built` -> build. Derivation is left alone: `supportive`
    is no form of `support`. Just the word without the package or for a word they do not know."""
    lower = word.lower()
    tables = lemma_tables()
    if tables is None or not lower.isalpha():
        return frozenset({lower})
    found = {lower}
    for part in PARTS:
        found.update(tables.irregular[part].get(lower, ()))
        for suffix, replacement in tables.suffixes[part]:
            if suffix and lower.endswith(suffix) and lower[: -len(suffix)] + replacement in tables.bases[part]:
                found.add(lower[: -len(suffix)] + replacement)
    return frozenset(found)


def cannot_be_a_noun(word: str) -> bool:
    """Known to the tables, and never as a noun: `tangible`, `allow`, `economic`. A gerund may
    head a term even where the tables list only the verb (`carbon offsetting`)."""
    if word.lower().endswith("ing"):
        return False
    parts = parts_of_speech(word)
    return bool(parts) and "noun" not in parts


def only_a_verb(word: str) -> bool:
    """Known to the tables as a verb and as nothing that can start a noun phrase: `develop`,
    `include`, `avoid`. Participles and gerunds (`advanced`, `operating`) modify nouns."""
    lower = word.lower()
    if lower.endswith(("ing", "ed")):
        return False
    parts = parts_of_speech(lower)
    return "verb" in parts and not parts & {"noun", "adj"}


def only_an_adverb(word: str) -> bool:
    """Known to the tables only as an adverb (`rapidly`, `mostly`): no term starts or ends with one."""
    return parts_of_speech(word) == frozenset({"adv"})


def is_verb_base(word: str) -> bool:
    """A verb's base form by the tables (`monitor`, `wash`, `care`): after `to`, an infinitive."""
    tables = lemma_tables()
    return tables is not None and word.islower() and word in tables.bases["verb"]


def is_participle(word: str) -> bool:
    """A lowercase word in -ed (`reported`, `tested`), not one in -eed (`speed`, `need`)."""
    return word.islower() and word.endswith("ed") and not word.endswith("eed") and len(word) > 4
