"""Term normalisation shared by extract, check and eval: one place decides when two spellings
are the same term.

English: case folded unless the word is an acronym, the plural of the head (last) noun folded
with rules plus exception lists (library lemmatisers turn data into datum and physics into physic),
hyphens treated like spaces. Chinese: NFKC, so full-width and half-width forms compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .script import visible
from .stopwords import ENGLISH_CONNECTORS

# Words that look plural but are singular or uncountable in technical text.
_INVARIANT = frozenset("""
data media news series species means headquarters crossroads whereabouts aircraft spacecraft
gas bias atlas canvas alias pancreas lens bus chaos ethos cosmos kudos pathos thermos
analysis basis crisis diagnosis thesis synthesis prognosis emphasis hypothesis axis
virus status campus bonus census consensus corpus surplus focus nexus radius stimulus
process success access address business class glass grass loss stress mass progress
always perhaps whereas thus this its has was is as us yes
faeces feces diabetes herpes rabies scabies measles mumps rickets shingles
""".split())

_IRREGULAR = {
    "children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "people": "people", "criteria": "criterion",
    "phenomena": "phenomenon", "indices": "index", "matrices": "matrix", "vertices": "vertex",
    "appendices": "appendix", "analyses": "analysis", "crises": "crisis", "diagnoses": "diagnosis",
    "hypotheses": "hypothesis", "theses": "thesis", "syntheses": "synthesis", "prognoses": "prognosis",
    "parentheses": "parenthesis", "axes": "axis", "bases": "base", "viruses": "virus", "buses": "bus",
    "gases": "gas", "biases": "bias", "lenses": "lens", "statuses": "status", "campuses": "campus",
    "bonuses": "bonus", "censuses": "census", "consensuses": "consensus", "surpluses": "surplus",
    "corpora": "corpus", "leaves": "leaf", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "shelves": "shelf", "wolves": "wolf", "thieves": "thief", "calves": "calf",
    "loaves": "loaf", "selves": "self", "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato",
    "echoes": "echo", "vetoes": "veto", "torpedoes": "torpedo", "volcanoes": "volcano",
    "quizzes": "quiz", "dice": "die",
    # Latin and Greek plurals of science and medicine
    "bacteria": "bacterium", "curricula": "curriculum", "memoranda": "memorandum", "addenda": "addendum",
    "errata": "erratum", "strata": "stratum", "spectra": "spectrum", "maxima": "maximum", "minima": "minimum",
    "optima": "optimum", "mitochondria": "mitochondrion", "automata": "automaton",
    "larvae": "larva", "formulae": "formula", "antennae": "antenna", "vertebrae": "vertebra", "algae": "alga",
    "nuclei": "nucleus", "fungi": "fungus", "stimuli": "stimulus", "radii": "radius", "loci": "locus",
    "foci": "focus", "bacilli": "bacillus", "cacti": "cactus", "alumni": "alumnus", "syllabi": "syllabus",
    "cortices": "cortex", "metastases": "metastasis",
}

# Irregular plurals long enough to be the tail of a compound (coronaviruses, subindices); shorter
# ones are not: specimen does not end in the plural `men`.
_COMPOUND_TAILS = tuple(sorted((plural for plural in _IRREGULAR if len(plural) >= 7), key=len, reverse=True))
# The last letters a regular plural or a compound tail can end in; any other word is no plural.
_PLURAL_LAST_LETTERS = frozenset("s") | {tail[-1] for tail in _COMPOUND_TAILS}

# Singular words ending in -che: "headaches" -> "headache", not "headach".
_CHE_ENDINGS = ("ache", "niche", "cache", "avalanche", "psyche", "cliche", "quiche", "moustache", "mustache")

_HYPHENS = re.compile("[\u2010-\u2015\u2212-]")
# A hyphen joining two parts of one word (`e-mail`, `Wi-Fi`): hyphen-minus, hyphen, non-breaking,
# small and full-width hyphens between letters or digits; dashes join nothing.
INNER_HYPHEN = re.compile("(?<=[^\\W_])[-\u2010\u2011\ufe63\uff0d](?=[^\\W_])")


def closed_compound(term: str) -> str | None:
    """The term with the hyphens inside its words left out (`Wi-Fi` -> `WiFi`, `e-mail` -> `email`),
    or None when it has none: the closed spelling of a hyphenated word is the same term."""
    closed = INNER_HYPHEN.sub("", term)
    return closed if closed != term else None


_SPACES = re.compile(r"\s+")


def singular(word: str) -> str:
    """The singular of an English noun; words that are not plural come back unchanged."""
    if _is_acronym_plural(word):
        return word[:-1]  # EVs -> EV
    if word.isupper():
        return word  # an acronym (AIDS, CCUS) or a word in a text all in capitals: no telling
    lower = word.lower()
    if lower in _IRREGULAR:  # men, feet, teeth
        return _IRREGULAR[lower]
    if len(word) <= 3 or word[-1:] not in _PLURAL_LAST_LETTERS:  # a capital S ends no plural: SaaS, macOS
        return word
    tail = lower.endswith(_COMPOUND_TAILS) and next(tail for tail in _COMPOUND_TAILS if lower.endswith(tail))
    if tail:  # coronaviruses -> coronavirus, grandchildren -> grandchild
        return word[:-len(tail)] + _match_case(_IRREGULAR[tail], word[-len(tail):])
    if lower in _INVARIANT or not lower.endswith("s"):
        return word
    if lower.endswith(("ss", "us", "is", "ics", "ous", "species", "series")):  # interspecies, miniseries
        return word
    if lower.endswith("ses") and len(lower) > 4 and lower[:-2] in _INVARIANT:  # aliases, canvases, focuses
        return word[:-2]  # (not uses: us is a pronoun)
    if lower.endswith("ies") and len(lower) > 4 and lower[-4] not in "aeiou":
        return word[:-3] + _match_case("y", word[-3:])
    if lower.endswith(("sses", "shes", "xes", "zzes")):
        return word[:-2]
    if lower.endswith("ches"):
        return word[:-1] if _is_che_word(lower[:-1]) else word[:-2]
    return word[:-1]


def _is_che_word(singular_form: str) -> bool:
    if singular_form.endswith("ache"):  # headache, cache; not approach(e), reach(e), coach(e)
        return len(singular_form) == 4 or singular_form[-5] not in "aeiou"
    return singular_form.endswith(_CHE_ENDINGS)


def _is_acronym_plural(word: str) -> bool:
    return len(word) >= 3 and word[-1] == "s" and word[:-1].isupper() and any(c.isalpha() for c in word[:-1])


def _match_case(replacement: str, original: str) -> str:
    return replacement.upper() if original.isupper() else replacement


def is_acronym(word: str) -> bool:
    """P2G, LNG, IoT, ESG: an uppercase letter after the first, or letters mixed with digits."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    return any(c.isupper() for c in word[1:]) or (any(c.isdigit() for c in word) and any(c.isupper() for c in word))


@lru_cache(maxsize=200_000)  # a corpus repeats its terms: normalise each surface once
def english_key(term: str) -> str:
    """The form under which English occurrences of one term are counted together.

    `Heat Pumps`, `heat pumps` and `heat-pump` share a key; acronyms keep their case.
    """
    text = _HYPHENS.sub("-", unicodedata.normalize("NFKC", visible(term)).replace("’", "'"))
    words = _SPACES.sub(" ", text).strip().split(" ")
    if not words or words == [""]:
        return ""
    words[-1] = _singular_compound(words[-1])  # `plug-ins` as a compound: `ins` alone is no plural
    words = " ".join(words).replace("-", " ").split(" ")
    return " ".join(word if is_acronym(word) else word.lower() for word in words if word)


@lru_cache(maxsize=200_000)
def english_display(term: str) -> str:
    """The form written into the glossary: the surface text with the head noun singular
    (`smart grids` -> `smart grid`). Where the last word is no head noun the text stays as it
    is: after a preposition (`Table of Contents`, `number of cases`) and in capitalised names
    and labels (`United Nations`, `Keyboard Shortcuts`, `Windows`, `Preferences`, `iCloud Photos`)."""
    words = term.split(" ")
    if len(words) > 1 and words[-2].lower() in _PREPOSITIONS:
        return term
    if all(_capitalised(word) or (len(words) > 1 and word.lower() in ENGLISH_CONNECTORS) for word in words):
        return term
    words[-1] = _singular_compound(words[-1])
    return " ".join(words)


def _capitalised(word: str) -> bool:
    """`Windows`, `Preferences`, `iCloud`: a name or a label, written as it is."""
    return word[:1].isupper() or (word[:1].islower() and word[1:2].isupper())


_PREPOSITIONS = frozenset({"of", "for", "on", "in", "to", "with", "from", "by", "at", "about"})


def _singular_compound(word: str) -> str:
    """`eco-cities` -> `eco-city`: only the part after the last hyphen is inflected. After a
    hyphen a short particle takes the plural too (`plug-ins`, `add-ons`, `pop-ups`), where on its
    own a three-letter word in -s is seldom one (`gas`, `bus`, `its`)."""
    head, hyphen, last = word.rpartition("-")
    if head and len(last) == 3 and last[2:] == "s" and last[1:2] not in "sS" and last.lower() not in _SHORT_NON_PLURALS:
        return head + hyphen + last[:2]
    return head + hyphen + singular(last)


_SHORT_NON_PLURALS = {"gas", "bus", "yes", "its", "his", "has", "was", "this", "plus", "ops"}


# Full-width Latin letters and digits (ＡＰＩ, Ｗｉ－Ｆｉ, from GBK-era text and some input methods)
# and the hyphens U+2010/U+2011 are the ASCII ones, one character for one, so offsets stay valid.
_WIDTH_FOLDS = str.maketrans({**{chr(code): chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)},
                              **{chr(code): chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)},
                              **{chr(code): chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)},
                              "\u2010": "-", "\u2011": "-"})
_WIDE_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])\uff0d(?=[A-Za-z0-9])")


# Unicode's spaces (category Zs) other than the space: no-break, thin, figure, ideographic...
OTHER_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def as_seen(text: str) -> str:
    """The text as a reader sees it, which is how check reads it: composed (NFC: `e` and U+0301,
    as macOS writes `résumé`, are `é`), without invisible characters (the soft hyphen Word leaves in
    `ship\u00adping`, a zero-width space pasted inside 购物车) and with every kind of space an
    ordinary one (`Privacy\u00a0Policy`, a no-break space from Word, is two words)."""
    if text.isascii():
        return text
    seen = OTHER_SPACES.sub(" ", visible(text))
    return seen if unicodedata.is_normalized("NFC", seen) else unicodedata.normalize("NFC", seen)


# What fold_latin_width changes: text without any (most text, Chinese too) is left as it is,
# without str.translate, which looks up every character of a non-ASCII text in its table.
_FOLDED = re.compile("[\u2010\u2011\uff0d\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def fold_latin_width(text: str) -> str:
    """The text with full-width Latin letters and digits, and the hyphens between them, as ASCII:
    extract reads `Ｗｉ－Ｆｉ设置` as `Wi-Fi设置`, as check reads it (NFKC)."""
    if text.isascii() or _FOLDED.search(text) is None:
        return text
    folded = text.translate(_WIDTH_FOLDS)
    return _WIDE_HYPHEN.sub("-", folded) if "\uff0d" in folded else folded


# Dashes and middle dots fold as check folds them (matching.py): `新冠‐19` is `新冠-19`, and the
# dot between the parts of a transliterated name is one dot (比尔・盖茨, 比尔‧盖茨 are 比尔·盖茨).
_CHINESE_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_MIDDLE_DOTS = "\u2022\u2027\u2219\u22c5\u2e31\u30fb"  # NFKC already maps U+0387 and U+FF65 to these
CHINESE_FOLDS = str.maketrans({**{dash: "-" for dash in _CHINESE_DASHES},
                               **{dot: "\u00b7" for dot in _MIDDLE_DOTS}})


@lru_cache(maxsize=200_000)
def chinese_key(term: str) -> str:
    """NFKC, no spaces, no invisible characters, one dash and one middle dot: `电转气（P2G）` and
    `电转气(P2G)` are the same text, as are 比尔・盖茨 and 比尔·盖茨."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", visible(term))).casefold().translate(CHINESE_FOLDS)
