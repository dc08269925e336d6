"""Find approved glossary terms in aligned segments: the matching half of `glossary check`.

English (source side)
    Whole words only (`grid` never matches `gridlock`), hyphens read as spaces (`fast-charging`
    ~ `fast charging`), and a hyphen inside a word may be left out (`e-mail` ~ `email`, `Wi-Fi` ~
    `WiFi`; not the space of an open spelling: `set up` is no `setup`), the head noun inflected
    with `normalize.singular`, the lemmatizer `extract` uses (`heat pump` matches `heat pumps`),
    and with the plurals that lemmatizer leaves alone for extract's sake (`pandemic` matches `pandemics`, `cookie` `cookies`, `sinus`
    `sinuses`; not `economic` `economics`), unless another entry is written so (`influenza
    pandemics`, as extract writes it): see `_singular_readings`. The last word's regular -ed and
    -ing forms count too (`infect` in `infected`, `quarantine` in `quarantining`, `stop` in
    `stopped`; not `spread` in `spreadsheet`, nor `infect` in the derived `infection`): see
    `verb_forms`: in English that translates Chinese (GL005) always, in English to translate
    only for an entry whose `part_of_speech` says it is a verb, since most entries are nouns whose
    -ed and -ing forms are as often other words (`logging in`, `hosted by`) and a false GL001 fails
    CI. Never when `part_of_speech` says it is no verb or it is kept in English (keep_source: a
    name), and not where another entry holds the form as its own (`infected`), which then owns it
    into Chinese; in English that translates Chinese the form is still the verb's too. One word all in capitals in
    ordinary text is an acronym, never the plural of a term (`aid` does not match `AIDS`, nor
    `arm` `ARMS`). Case is folded word by word, except in the words with a capital inside
    (`Entry.words_in_exact_case`): `V2G` and `iPhone` keep their case, `Smart Grid`, `Wi-Fi` and the
    variant `Vehicle-to-Grid`, capitalised at the start of each word, do not, and `API key` keeps
    `API` but is found as `API Keys` and `API KEY`, as UI labels and headings write it. An entry's
    `case_sensitive` decides for the whole spelling, and unless it says so a name of three or more
    capitals and a number, `COVID-19`, which the press writes `Covid-19`, is folded
    (`is_numbered_name`). In a text all in capitals, whose capitals say nothing, words in exact
    case that spell function words (`US`, `IT`, `WHO`) are read as those words, as `extract` reads
    it: `CONTACT US` holds no `US`. When
    occurrences overlap, the longest wins: in `heat pump installer`, with both `heat pump` and
    `heat pump installer` approved, only the longer term occurs.

Both sides drop invisible characters (soft hyphen, zero-width space, the other format characters
of script.INVISIBLE) before matching: `fi\u00adle` is `file` and `文\u200b件` is `文件`, as a reader
sees them; locations still point into the original text.

Chinese (target side)
    Text and terms are NFKC-normalised, converted with OpenCC `t2s` (traditional to simplified,
    nothing else), lower-cased, hyphens and dashes folded to `-` (the English side reads them all
    alike too) and the middle dots of names to `·`, stripped of whitespace, then searched as
    substrings. For a glossary of Traditional Chinese (zh-TW, zh-HK, zh-Hant), t2s only finds
    the places: Traditional text must hold a rendering with its characters as written, since
    variant characters are spelling there (遊戲, not 游戲), while text plainly in Simplified is
    still read through t2s (TermMatcher.as_written). A substring only counts as the term when it
    does not cut through a word:

    1. Latin edges: a rendering that starts or ends with a Latin letter or digit needs a non-Latin
       neighbour on that side (`EV` does not occur in `EVs`).
    2. Word boundaries: when a Han character touches the occurrence, the surrounding run of Han
       text is segmented with jieba (dictionary mode, no HMM guesses), with the renderings of the
       terms the English holds as user words, except another entry's rendering around the
       occurrence, which only a claim (3.) can make own the text: an entry the sentence does not
       hold never moves a boundary. The occurrence counts when at least one of its ends falls on a
       word boundary (`电池` in `电池/回收`, `电动车` in `电动/车辆`). One that cuts a word at both
       ends counts only when jieba rates the reading with it as one word nearly as likely as its
       own cut, which is a guess between readings: `检测` in `受检/测量` (受/检测/量) counts,
       `积分` in `累积/分布` and `球拍` in `乒乓球/拍卖` do not. Boundaries no dictionary word
       crosses need no segmentation at all, which keeps jieba off the hot path.
       Chinese that is the text translated (`chinese_hits_many`, GL005) is held to more: a
       rendering counts there only as one or more whole words, both ends on boundaries of that
       cut, since no English says which term to look for: 病毒 in 病毒学 (virology) or 抗病毒
       (antiviral) is not `virus`. Where jieba's dictionary holds a longer word (病毒传播), the
       rendering inside it asks for nothing either.
    3. Compounds of glossary terms: when the target holds a longer rendering of another entry
       whose term also occurs in the source (`distribution grid` -> `配电网`), that text belongs to the
       longer term: `电网` inside it counts for `grid` only if the `grid` entry says
       `match_compounds: true`. A term claims as many such renderings as it occurs in the English,
       less its renderings that hold no other term's: COVID-19 kept as `COVID-19（2019 冠状病毒病）`
       claims nothing, and one `suspected case` claims one of two 疑似病例. When no source term
       claims the longer text (the English says only `grid`), `电网` inside `配电网` counts, since
       the translator did use the approved rendering.
       A rendering inside one of the entry's own longer allowed renderings does not count on its
       own: `艾滋病（AIDS）` is one rendering of `AIDS`, not two, and a forbidden rendering inside
       an allowed one is none.

Placeholders and markup (`%s`, `%1$d`, `{name}`, `{0}`, `${x}`, `<b>`, `&amp;`, `` `code` ``,
`--option`, URLs) are blanked out on both sides before matching, so they never count as terms; a
placeholder that stands for a word also separates the words around it (`user %s account` holds
no `user account`), while markup that wraps words does not (`user <b>account</b>` does; see
`_blank_placeholders`). A term inside a code-like token the translation keeps as written (a file
name, a path, an email address, a `$VARIABLE`, a hashtag: `user` in `user.cfg`) is no occurrence
(`_outside_kept_code`). Keyboard accelerators (`_File`, `&Save`, `文件(_F)`) are read as if absent
(accelerators.py).

Both sides use one Aho-Corasick automaton each (ahocorasick-rs) over all patterns at once;
jieba is imported only when a Han-adjacent occurrence must be checked, and its verdicts are cached
per run of text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from .accelerators import accelerator_keys, english_markers, mask_chinese_accelerators
from .glossary import Entry, has_inner_capital
from .models import SegmentPair
from .normalize import _INVARIANT, _IRREGULAR, CHINESE_FOLDS, INNER_HYPHEN, closed_compound, singular
from .placeholders import mask_placeholders, placeholder_mask
from .script import HAN_RANGES, INVISIBLE, has_han, to_simplified_many, written_script
from .stopwords import is_english_stopword, is_shouted
from .wordclass import irregular_verb_forms

# ------------------------------------------------------------------ normalised text with offsets

_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
# The hyphens that join a compound (MERS-CoV); the dashes between clauses (coronavirus\u2014because,
# U+2013 and U+2014, written without spaces in US style) and the minus sign join nothing.
_COMPOUND_HYPHENS = "-\u2010\u2011\ufe63\uff0d"  # hyphen-minus, hyphen, non-breaking, small, full-width
# Line breaks and other whitespace NFKC leaves as they are: a line or paragraph separator (U+2028,
# U+2029, the soft return Word and InDesign export), NEL, the vertical tab and the form feed break
# a line between the words of a term as a newline does (and the Ogham space mark is a space).
_LINE_BREAKS = "\t\n\r\u000b\u000c\u001c\u001d\u001e\u001f\u0085\u00a0\u1680\u2028\u2029"
# One character for one, so offsets hold; replaced only where present (cheaper than str.translate).
_ENGLISH_REPLACEMENTS = (*((hyphen, " ") for hyphen in _HYPHENS), ("\u2019", "'"),
                         *((line_break, " ") for line_break in _LINE_BREAKS))
_ASCII_REPLACEMENTS = tuple((char, replacement) for char, replacement in _ENGLISH_REPLACEMENTS if char.isascii())
# The Chinese side folds the same hyphens and dashes, to `-` (`Wi\u2011Fi` is `Wi-Fi`), and the middle
# dots that separate transliterated names, to U+00B7: normalize.CHINESE_FOLDS, as extract's keys fold them.
_CHINESE_FOLDED = re.compile("[" + "".join(chr(code) for code in CHINESE_FOLDS) + "]")
_FULL_WIDTH = re.compile("[\u3000\uff01-\uff5e]")  # NFKC maps each to one ASCII character
_WHITESPACE = re.compile(r"\s+")
_LATIN_HYPHEN = re.compile("(?<=[a-z0-9])-(?=[a-z0-9])")  # in lower-cased text, between Latin letters or digits
_HAN = re.compile(f"[{HAN_RANGES}]")
_HAN_RUN = re.compile(f"[{HAN_RANGES}]+")


@dataclass(frozen=True)
class Normalised:
    """Text prepared for matching; `origin[i]` is where character i came from in the original."""

    text: str
    origin: tuple[int, ...] | None = None  # None: same offsets as the original
    # Chinese only, when asked for (normalise_chinese_many's as_written): the same text with the
    # characters as written, before t2s, at the same offsets; None where t2s changed nothing.
    written: str | None = None
    # Where each character's source ends, once NFKC composed several into one (`e` + U+0301 as `é`);
    # None: one past its origin.
    ends: tuple[int, ...] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.ends[end - 1] if self.ends is not None else self.origin[end - 1] + 1


def _rebuild(pieces: Iterable[tuple[str, int, int]]) -> Normalised:
    """Text from pieces, each the normalised form of the original's [start, end)."""
    chars: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    for piece, start, end in pieces:
        chars.append(piece)
        origin.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    return Normalised("".join(chars), tuple(origin), ends=tuple(ends))


def _nfkc(text: str) -> Normalised:
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return Normalised(text)
    # Chinese text is rarely NFKC only because of full-width punctuation; narrowing those few
    # characters keeps NFKC's result (each is replaced by its own NFKC form) at a fraction of the cost.
    narrowed = text
    for char in set(_FULL_WIDTH.findall(text)):
        narrowed = narrowed.replace(char, chr(ord(char) - 0xFEE0) if char != "\u3000" else " ")
    if narrowed is not text and unicodedata.is_normalized("NFKC", narrowed):
        return Normalised(narrowed)
    normalised = unicodedata.normalize("NFKC", text)
    if len(normalised) == len(text):
        return Normalised(normalised)  # one character for one (full-width forms): offsets hold
    return _rebuild((unicodedata.normalize("NFKC", text[start:end]), start, end) for start, end in _clusters(text))


def _clusters(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each character with the combining marks after it: NFKC composes within one
    (`e` + U+0301, as macOS writes `résumé`, is `é`), never across, so each can be normalised alone
    and still point back at where it starts."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, index
            start = index


def _without_invisible(step: Normalised) -> Normalised:
    """The text without its invisible characters (script.INVISIBLE: soft hyphen, zero-width space,
    joiners, the byte-order mark), which a reader does not see: `fi\u00adle` is `file`, `文\u200b件`
    is `文件`. Offsets still lead back to the original."""
    text = step.text
    if text.isascii() or not INVISIBLE.search(text):
        return step
    kept = [index for index, char in enumerate(text) if not INVISIBLE.match(char)]
    return Normalised("".join(text[index] for index in kept), _compose(step, kept), ends=_compose_ends(step, kept))


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _compose(outer: Normalised, inner_origin: list[int] | tuple[int, ...] | None) -> tuple[int, ...] | None:
    if inner_origin is None:
        return outer.origin
    if outer.origin is None:
        return tuple(inner_origin)
    return tuple(outer.origin[index] for index in inner_origin)


def _compose_ends(outer: Normalised, inner_origin: list[int] | tuple[int, ...]) -> tuple[int, ...] | None:
    return None if outer.ends is None else tuple(outer.ends[index] for index in inner_origin)


_SPACE_SPLIT = re.compile(r"(\s+)")


def _without_spaces(text: str) -> tuple[str, list[int]]:
    """The text with whitespace removed (one space kept between Latin words), and where each
    remaining character was."""
    pieces: list[str] = []
    origin: list[int] = []
    previous = ""
    position = 0
    # Words at even indexes, the whitespace between them at odd ones.
    for number, part in enumerate(_SPACE_SPLIT.split(text)):
        if number % 2 or not part:
            position += len(part)
            continue
        if previous and _is_latin(previous[-1]) and _is_latin(part[0]):
            pieces.append(" ")  # keep Latin words apart
            origin.append(position - 1)
        pieces.append(part)
        origin.extend(range(position, position + len(part)))
        position += len(part)
        previous = part
    return "".join(pieces), origin


# Stands where a placeholder stood (OBJECT REPLACEMENT CHARACTER): no pattern holds it, so no term spans it.
_PLACEHOLDER_MARK = "\ufffc"
# Markup that wraps words rather than standing for one: inline formatting elements and the space entities.
_WRAPPING_MARKUP = re.compile(
    r"(?:</?(?:a|abbr|b|bdi|bdo|big|cite|del|dfn|em|font|i|ins|mark|q|s|small|span|strike|strong|sub|sup|tt|u)"
    r"(?:\s[^<>]*)?>|&(?:nbsp|ensp|emsp|thinsp|#160|#[xX][aA]0|#32|#[xX]20);|\s)+",
    re.IGNORECASE)


# The entities that stand for a character of the text: in English, `Terms &amp; Conditions` is
# `Terms & Conditions` (an escaped UI string), not two words apart.
_TEXT_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&#39;": "'",
                  "&#38;": "&"}
_DROPPED = "\x00"  # the rest of a decoded entity: dropped by normalise_english, offsets kept


def _blank_placeholders(text: str, *, decode_entities: bool = False) -> str:
    """The text with placeholders and markup blanked, same length, same offsets (placeholders.py
    says what they are). Markup that wraps words (`<b>`, `</a>`, `&nbsp;`) becomes spaces, so
    `user <b>account</b>` holds `user account`; a placeholder that stands for a word or a value
    (`%s`, `{0}`, `${name}`, `` `code` ``, a URL, `<br/>`) starts with _PLACEHOLDER_MARK,
    so `user %s account` (`user Bob's account`) does not. With `decode_entities`, an entity that
    stands for a character (`&amp;`) becomes that character, the rest of it _DROPPED."""
    masked = mask_placeholders(text)
    if masked == text:
        return text
    chars = list(masked)
    inside = placeholder_mask(text)
    start = 0
    length = len(text)
    while start < length:
        if not inside[start]:
            start += 1
            continue
        end = start
        while end < length and inside[end]:
            end += 1
        decoded = _TEXT_ENTITIES.get(text[start:end].lower()) if decode_entities else None
        if decoded is not None:
            chars[start:end] = decoded + _DROPPED * (end - start - 1)
        elif not _WRAPPING_MARKUP.fullmatch(text, start, end):
            chars[start] = _PLACEHOLDER_MARK
        start = end
    return "".join(chars)


def normalise_english(text: str, marked_keys: frozenset[str] = frozenset()) -> Normalised:
    """NFKC, placeholders blanked, keyboard accelerators dropped (`_File`; `E_xit` when the
    translation marks the key, see accelerators.py), invisible characters dropped, hyphens and
    whitespace as single spaces; case kept."""
    step = _without_invisible(_nfkc(text))
    prepared = _blank_placeholders(step.text, decode_entities=True)
    for char, replacement in _ASCII_REPLACEMENTS if prepared.isascii() else _ENGLISH_REPLACEMENTS:
        if char in prepared:
            prepared = prepared.replace(char, replacement)
    markers = set(english_markers(prepared, marked_keys))
    if _DROPPED in prepared:
        markers.update(index for index, char in enumerate(prepared) if char == _DROPPED)
    if "  " not in prepared and not markers:
        return Normalised(prepared, step.origin, ends=step.ends)
    kept = [(index, char) for index, char in enumerate(prepared)
            if index not in markers and not (char == " " and index > 0 and prepared[index - 1] == " ")]
    indices = tuple(index for index, _ in kept)
    return Normalised("".join(char for _, char in kept), _compose(step, indices), ends=_compose_ends(step, indices))


def english_pattern(term: str) -> str:
    """A source term as the English automaton sees it (case kept)."""
    return normalise_english(term).text.strip()


def normalise_chinese(text: str) -> Normalised:
    """NFKC, invisible characters dropped, placeholders blanked, traditional -> simplified (t2s),
    lower case, hyphens and dashes as `-` and middle dots as `·`, no whitespace except one space
    between two Latin words (`Wi-Fi 6` stays two words)."""
    return normalise_chinese_many([text])[0]


def normalise_chinese_many(texts: Sequence[str], *, as_written: bool = False) -> list[Normalised]:
    """`normalise_chinese` of each text, done in batches where that is cheaper; `as_written`: with
    each text's characters as written too (Normalised.written), every step but t2s applied."""
    steps = [_without_invisible(_nfkc(text)) for text in texts]
    blanked = [mask_chinese_accelerators(_blank_placeholders(step.text)) for step in steps]
    simplified = to_simplified_many(blanked)
    result = []
    for step, written, text in zip(steps, blanked, simplified):
        prepared = _folded_chinese(text)
        shown = _folded_chinese(written) if as_written and written != text else None
        if not _WHITESPACE.search(prepared):
            result.append(Normalised(_hyphens_as_spaces(prepared), step.origin,
                                     None if shown is None else _hyphens_as_spaces(shown), step.ends))
            continue
        compact, kept = _without_spaces(prepared)  # t2s leaves spaces where they were: `kept` fits `shown` too
        if shown is not None:
            shown = _hyphens_as_spaces("".join(" " if shown[index].isspace() else shown[index] for index in kept))
        result.append(Normalised(_hyphens_as_spaces(compact), _compose(step, kept), shown, _compose_ends(step, kept)))
    return result


def _folded_chinese(text: str) -> str:
    """Lower case, hyphens and dashes as `-`, middle dots as `·`: one character for one."""
    prepared = _lower(text)
    if _CHINESE_FOLDED.search(prepared):
        prepared = prepared.translate(CHINESE_FOLDS)
    return prepared


def _hyphens_as_spaces(text: str) -> str:
    """A hyphen between Latin letters or digits as a space, once spaces are gone: SARS-CoV-2 is
    SARS CoV 2, as on the English side, and so are `MERS -CoV` and `MERS - CoV`. One for one."""
    return _LATIN_HYPHEN.sub(" ", text) if "-" in text else text


def chinese_pattern(term: str) -> str:
    """A target rendering as the Chinese automaton sees it."""
    return normalise_chinese(term).text


def written_pattern(term: str) -> str:
    """A target rendering as `chinese_pattern` reads it but with its characters as written: 遊戲
    and 游戲 are one pattern (游戏) and two written patterns."""
    normalised = normalise_chinese_many([term], as_written=True)[0]
    return normalised.written if normalised.written is not None else normalised.text


# ------------------------------------------------------------------ English inflection

_PLURAL_OF = {singular_form: plural for plural, singular_form in _IRREGULAR.items()}


def _singular_readings(word: str) -> set[str]:
    """What a word may be the plural of, lower-cased, as check reads English: `normalize.singular`'s
    answer, and the readings its rules leave out for extract's sake (extract and eval keep them
    as they are): a plural in -ics (pandemics, clinics; singular keeps physics), in -ies after a
    consonant (cookies, movies; singular gives cooky) and in -uses (sinuses; singular gives
    sinuse). Check only ever asks whether a form of a term is one of its plurals: `pandemic`
    matches `pandemics`, while `physics` never matches `physic`."""
    readings = {singular(word).lower()}
    lower = word.lower()
    if word.isupper() or lower in _INVARIANT or lower.endswith(("species", "series")):
        return readings
    if lower.endswith("ics"):
        if not lower.endswith(_ICS_FIELDS):
            readings.add(lower[:-1])
    elif lower.endswith("ies") and len(lower) > 4:
        readings.add(lower[:-1])
    elif lower.endswith("uses") and len(lower) > 5 and not lower.endswith("ouses"):  # not uses (us), houses
        readings.add(lower[:-2])
    return readings


# Fields of study in -ics, one of them and no plural: `economic` is not found in `economics`, nor
# `genetic` in `phylogenetics`. Endings, so that compounds (astrophysics, bioethics) are covered.
_ICS_FIELDS = tuple("""
physics economics ergonomics agronomics genomics proteomics metabolomics transcriptomics dynamics
genetics cybernetics kinetics phonetics magnetics mathematics informatics systematics pragmatics
numismatics mechanics statistics electronics mechatronics avionics bionics photonics tectonics
politics ethics aesthetics optics acoustics linguistics logistics ballistics athletics aerobics
gymnastics robotics hydraulics pneumatics semantics semiotics hermeneutics obstetrics pediatrics
paediatrics geriatrics orthopedics orthopaedics orthodontics forensics analytics civics phonics
eugenics cryogenics econometrics
""".split())


def _bases(word: str) -> list[str]:
    """The singulars a term's head word stands for: `normalize.singular`'s, and for a term written
    in -ies the -ie word too (`cookies` is also `cookie`, not only `cooky`)."""
    bases = [singular(word)]
    lower = word.lower()
    if lower.endswith("ies") and len(lower) > 4 and not word.isupper() and lower not in _INVARIANT \
            and not lower.endswith(("species", "series")):
        bases.append(word[:-1])
    return bases


@dataclass(frozen=True)
class _Form:
    """How a surface form belongs to a term."""

    plural: bool  # a plural of the term's word (`aids` of `aid`), not the word itself
    # Found only by check's own plural readings (_singular_readings: `pandemics` of `pandemic`)
    # or as a verb's -ed or -ing form (`infected` of `infect`): an entry whose own form it is
    # (`pandemics`, as extract writes it; `infected`) takes the text instead.
    extra: bool
    verbal: bool = False  # an -ed or -ing form (verb_forms), which `part_of_speech: noun` turns off
    # An irregular verb's listed form (built, left, saw): found only in English that translates
    # Chinese, even for an entry declared a verb, since in English to translate it is as often
    # another word (`left panel`, `a saw`, `felt hat`, `spent fuel`) and a finding there would be false.
    irregular: bool = False


def inflections(word: str) -> set[str]:
    """The word and its plural forms, as `normalize.singular` pairs them (whatever it maps back
    to the same singular). Check also finds the plurals of _singular_readings (see `_inflections`)."""
    return {form for form, kind in _inflections(word).items() if not kind.extra}


@lru_cache(maxsize=100_000)
def _inflections(word: str) -> dict[str, _Form]:
    """Each form of the word check finds, and how it belongs to the word."""
    bases = _bases(word)
    singulars = {base.lower() for base in bases}
    forms: dict[str, _Form] = {}
    for number, base in enumerate(bases):
        lower = base.lower()
        candidates = {word, base, base + "s", base + "es"}
        if lower.endswith("y"):
            candidates.add(base[:-1] + "ies")
        if lower.endswith("f"):
            candidates.add(base[:-1] + "ves")
        if lower.endswith("fe"):
            candidates.add(base[:-2] + "ves")
        if lower in _PLURAL_OF:
            plural = _PLURAL_OF[lower]
            candidates.add(plural.upper() if base.isupper() else plural)
        for candidate in sorted(candidates):
            plural = candidate.lower() not in singulars
            if number == 0 and singular(candidate).lower() == lower:
                forms[candidate] = _Form(plural, extra=False)
            elif candidate not in forms and lower in _singular_readings(candidate):
                forms[candidate] = _Form(plural, extra=True)
    irregular = _irregular_only(word)
    for form in sorted(verb_forms(word)):
        forms.setdefault(form, _Form(plural=False, extra=True, verbal=True, irregular=form in irregular))
    return forms


_VOWELS = frozenset("aeiou")
_VOWEL_GROUPS = re.compile("[aeiouy]+")
# A final consonant a suffix doubles after one short vowel (stop, stopped); w, x and y never double.
_DOUBLING = frozenset("bcdfgjklmnpqrstvz")


def verb_forms(word: str) -> set[str]:
    """The regular -ed and -ing forms of a word read as a verb, by the spelling rules: a final e
    dropped (quarantined, quarantining), a final y after a consonant as i before -ed (applied), ie
    as y before -ing (dying), c as ck after i (panicked), and a final consonant after one short vowel
    doubled (stopped, gridding): always in a word of one syllable, where the undoubled form is
    another word (hop, hoped), and both ways in a longer one, whose spelling depends on where the
    stress falls (visited, referred; travelled, traveled). Only suffixes: `spreadsheet`, `singer`
    and `user` are no forms of `spread`, `sing` and `use`. The -s form is the plural's. None for a
    word that is not lower-case letters (an acronym, `iPhone`) or is shorter than three letters.
    A word in -ing (sing, ring, bring, string) has no -ed form: its past is irregular (sang), and
    a regular one is another verb's (singed is singe's). An irregular verb's listed forms come too
    (wordclass.irregular_verb_forms: built, spent, sang), beside the regular ones, since several
    verbs have both (learned, learnt)."""
    if not _takes_verb_forms(word):
        return set()
    return _regular_verb_forms(word) | _irregular_forms(word)


def _takes_verb_forms(word: str) -> bool:
    """Lower-case letters, three or more: not an acronym, `iPhone` or a short function word."""
    return len(word) >= 3 and word.isalpha() and word.isascii() and not word.isupper() and not has_inner_capital(word)


def _irregular_only(word: str) -> set[str]:
    """The listed forms no spelling rule makes (the tables list `stopped` and `logging` too)."""
    listed = _irregular_forms(word)
    return listed - _regular_verb_forms(word) if listed else set()


def _irregular_forms(word: str) -> set[str]:
    """An irregular verb's listed forms, in the word's case (wordclass.irregular_verb_forms)."""
    if not _takes_verb_forms(word):
        return set()
    return {form.capitalize() if word[0].isupper() else form for form in irregular_verb_forms(word)}


def _regular_verb_forms(word: str) -> set[str]:
    lower = word.lower()
    if lower.endswith("ing"):
        return {word + "ing"}
    stem = word
    forms: set[str] = set()
    if lower.endswith("ie"):
        return {word + "d", word[:-2] + "ying"}
    if lower.endswith("e"):
        forms.add(word + "d")
        if lower[-2] in "eoy":  # agreeing, hoeing, dyeing
            forms.add(word + "ing")
        else:
            forms.add(word[:-1] + "ing")
            if lower[-2] == "g":  # ageing or aging, singeing
                forms.add(word + "ing")
        return forms
    if lower.endswith("y") and lower[-2] not in _VOWELS:
        return {word[:-1] + "ied", word + "ing"}
    if lower.endswith("ic"):
        return {word + "ked", word + "king"}
    forms.update((stem + "ed", stem + "ing"))
    last, vowel, before = lower[-1], lower[-2], lower[-3]
    short_vowel = vowel in _VOWELS and (before not in _VOWELS or lower[-4:-2] == "qu")
    if last in _DOUBLING and short_vowel:
        doubled = {stem + last + "ed", stem + last + "ing"}
        syllables = len(_VOWEL_GROUPS.findall(lower.replace("qu", "q")))
        forms = doubled if syllables == 1 else forms | doubled
    return forms


def fold_case(text: str) -> str:
    """Text as the matcher compares a term that ignores case: lower case, one character for one."""
    return _lower(text)


def english_forms(term: str) -> set[str]:
    """Every surface form a source term matches as its own: the head noun singular or plural, as
    `normalize.singular` pairs them. (Check also finds the forms of `_english_forms` marked extra,
    where no entry holds them as its own: `pandemics` for `pandemic`.)"""
    return {form for form, kind in _english_forms(term).items() if not kind.extra}


@lru_cache(maxsize=100_000)
def _english_forms(term: str) -> dict[str, _Form]:
    """Every surface form check finds a source term under, and how it belongs to the term."""
    pattern = english_pattern(term)
    if not pattern:
        return {}
    head, space, last = pattern.rpartition(" ")
    if not last[-1:].isalpha():
        return {pattern: _Form(plural=False, extra=False)}
    forms = {head + space + form: kind for form, kind in _inflections(last).items()}
    verb, _, rest = pattern.partition(" ")
    if last.lower() in _PARTICLES and verb.isalpha():  # `log in`: `logged in`, `logging in`
        irregular = _irregular_only(verb)
        for form in sorted(verb_forms(verb)):
            forms.setdefault(f"{form} {rest}", _Form(plural=False, extra=True, verbal=True, irregular=form in irregular))
    return forms


# The particles of phrasal verbs (`log in`, `set up`, `sign out`), whose -ed and -ing forms are
# the first word's.
_PARTICLES = frozenset({"in", "up", "out", "on", "off", "down", "over", "back", "away"})


def found_ignoring_case(term: str, surface: str) -> bool:
    """Whether check, matching `term` in any case, finds it at `surface` (a form of a case-sensitive
    term) as its own, in ordinary text: equal once lower-cased, except that one word all in capitals
    is an acronym, never a plural (`aid` does not find `AIDS`, nor `arm` `ARMS`); see TermMatcher."""
    folded = fold_case(surface)
    for form, kind in _english_forms(term).items():
        if not kind.extra and fold_case(form) == folded:
            return not (kind.plural and _acronym_like(surface))
    return False


def _acronym_like(surface: str) -> bool:
    """One word all in capitals (AIDS, ARMS): in text not all in capitals, an acronym."""
    return " " not in surface and surface.isupper()


# ------------------------------------------------------------------ occurrences

@dataclass(frozen=True)
class Occurrence:
    """Where a term was found: offsets into the original segment text, and the text there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ChineseTermHit:
    """Approved renderings found in the Chinese of a pair translated from Chinese, with the entries
    they render and what the English translation holds of those entries' terms. An entry that
    shares a rendering with another is in one hit with it: 车网互动 approved for both `V2G` and
    `Vehicle-to-Grid` is translated right by either."""

    entries: tuple[Entry, ...]
    pair: SegmentPair
    chinese: tuple[Occurrence, ...]  # the renderings in the Chinese (pair.target)
    english: tuple[Occurrence, ...] = ()  # the entries' terms in the English translation (pair.source)
    # Of `chinese`, the renderings without a Han character that the English holds as written: `AI`
    # approved as a rendering of `artificial intelligence` is translated by keeping it.
    kept: tuple[Occurrence, ...] = ()
    # English wordings the entries forbid (source_forbidden) found in the English translation
    forbidden: tuple[Occurrence, ...] = ()

    def english_spellings(self) -> list[str]:
        """Every English spelling the entries allow, each once, in the glossary's order."""
        return list(dict.fromkeys(term for entry in self.entries for term in (entry.source, *entry.source_variants)))

    def untranslated(self) -> list[Occurrence]:
        """The renderings in the Chinese that the English translates with none of the entries' terms
        (none at all when it holds one of them) nor keeps as written."""
        if self.english:
            return []
        return [occurrence for occurrence in self.chinese if occurrence not in self.kept]


@dataclass(frozen=True)
class TermHit:
    """An approved entry found in the source of one pair, and what the target holds for it."""

    entry: Entry
    pair: SegmentPair
    source: tuple[Occurrence, ...]  # occurrences of the term in the source segment
    targets: tuple[Occurrence, ...] = ()  # allowed renderings found in the target segment
    forbidden: tuple[Occurrence, ...] = ()  # forbidden renderings found in the target segment
    # Allowed renderings whose characters are there but cut across other words; each occurrence's text
    # is jieba's cut of those words (`累积/分布` for 积分), which says why it does not count.
    split: tuple[Occurrence, ...] = ()
    # Allowed renderings written with other variant characters (游戲 for 遊戲), in a glossary that
    # compares Traditional Chinese as written (TermMatcher.as_written).
    variant: tuple[Occurrence, ...] = ()


class _Kind:
    ALLOWED = "allowed"
    FORBIDDEN = "forbidden"
    SPLIT = "split"  # an allowed rendering that occurs only inside other words
    VARIANT = "variant"  # an allowed rendering written with other variant characters (TermMatcher.as_written)


@lru_cache(maxsize=10_000)
def _plainly_simplified(text: str) -> bool:
    return written_script(text) == "Simplified"


@dataclass
class _Candidate:
    start: int
    end: int
    owners: list[tuple[int, str]]  # (entry index, kind)


def match_compounds(entry: Entry) -> bool:
    """True when the entry's renderings may count inside a longer glossary term (电网 in 配电网)."""
    value = getattr(entry, "match_compounds", None)
    if value is None:
        value = entry.extra.get("match_compounds", False)
    return value is True


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _compound_joints(text: str, normalised: Normalised, words: frozenset[str]) -> list[int]:
    """Where, in the normalised text, a hyphen joined two parts of a word (`e-mail`), in order: the
    places a closed spelling of the word leaves out. Only where the word spelled closed is a word
    of some pattern (`words`, lower-cased): a match across a joint spans the whole word."""
    hyphens: list[int] = []
    end = 0  # of the last hyphenated word looked at
    for position in sorted(index for hyphen in _COMPOUND_HYPHENS if hyphen in text
                           for index in _positions(text, hyphen)):
        if position < end or not (0 < position < len(text) - 1 and text[position - 1].isalnum()
                                  and text[position + 1].isalnum()):
            continue
        start = position
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _COMPOUND_HYPHENS):
            start -= 1
        end = position
        while end < len(text) and (text[end].isalnum() or text[end] in _COMPOUND_HYPHENS):
            end += 1
        if _lower(INNER_HYPHEN.sub("", text[start:end])) in words:
            hyphens += [found.start() for found in INNER_HYPHEN.finditer(text, start, end)]
    if normalised.origin is None:
        return hyphens
    joints = []
    for hyphen in hyphens:  # the normalised character that came from it, if one did
        index = bisect_left(normalised.origin, hyphen)
        if index < len(normalised.origin) and normalised.origin[index] == hyphen and normalised.text[index] == " ":
            joints.append(index)
    return joints


def _positions(text: str, char: str) -> Iterator[int]:
    index = text.find(char)
    while index >= 0:
        yield index
        index = text.find(char, index + 1)


def _around(automaton: Any, text: str, places: list[int], reach: int) -> list[tuple[int, int, int]]:
    """The automaton's matches in `text` within `reach` (the longest pattern) of the places: every
    match holding a place lies there, and scanning these windows costs less than the whole text."""
    found: set[tuple[int, int, int]] = set()
    for place in places:
        low, high = max(0, place - reach), min(len(text), place + reach)
        found.update((pattern, start + low, end + low)
                     for pattern, start, end in automaton.find_matches_as_indexes(text[low:high], overlapping=True))
    return sorted(found, key=lambda match: (match[1], match[2], match[0]))


def _hyphen_joined(text: str, start: int, end: int) -> bool:
    """True when a hyphen glues the text at [start, end) to a neighbouring word; a dash does not."""
    if end + 1 < len(text) and text[end] in _COMPOUND_HYPHENS and text[end + 1].isalnum():
        return True
    return start >= 2 and text[start - 1] in _COMPOUND_HYPHENS and text[start - 2].isalnum()


def _is_latin(char: str) -> bool:
    return char.isalnum() and not _HAN.match(char)


def _latin_edges_ok(haystack: str, start: int, end: int) -> bool:
    """A match starting or ending with a Latin letter or digit must not continue a Latin word."""
    if _is_latin(haystack[start]) and start > 0 and _is_latin(haystack[start - 1]):
        return False
    if _is_latin(haystack[end - 1]) and end < len(haystack) and _is_latin(haystack[end]):
        return False
    return True


_SPAN = itemgetter(0, 1, 2)  # start, -end, rank


def _automaton(patterns: list[str]) -> Any:
    import ahocorasick_rs

    # The contiguous NFA scanned overlapping matches fastest here (measured against DFA and the default).
    return ahocorasick_rs.AhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.ContiguousNFA)


class _TargetContext:
    """One target segment being matched: its candidates by position, and which of them stand on word
    boundaries (asked once each), with `words`, the renderings jieba reads as words there."""

    def __init__(self, matcher: TermMatcher, haystack: str, words: frozenset[str], *,
                 whole_words: bool = False) -> None:
        self.matcher, self.haystack, self.words = matcher, haystack, words
        # A candidate must be whole words, both ends on word boundaries (see TermMatcher._on_word_boundaries).
        self.whole_words = whole_words
        self._whole: dict[int, bool] = {}
        self._by_start: list[_Candidate] = []
        self._starts: list[int] = []
        self.nested = False  # set by `index`

    def index(self, candidates: list[_Candidate]) -> None:
        self._by_start = sorted(candidates, key=lambda candidate: (candidate.start, -candidate.end))
        self._starts = [candidate.start for candidate in self._by_start]
        # Whether any candidate holds a shorter one: most segments have none, and then no claims.
        reach = -1
        for candidate in self._by_start:
            if candidate.end <= reach:
                self.nested = True
                break
            reach = candidate.end

    def whole(self, candidate: _Candidate) -> bool:
        """True when the candidate cuts no word at both ends (TermMatcher._on_word_boundaries).

        Another entry's rendering around it is no word to jieba here: whether that entry owns the
        text is for the claims to say (TermMatcher._claims), which count, and which
        `match_compounds` overrides (公共卫生 inside 英格兰公共卫生部, PHE's rendering, is not cut
        inside a word for that)."""
        answer = self._whole.get(id(candidate))
        if answer is None:
            answer = self._whole[id(candidate)] = self.matcher._on_word_boundaries(
                self.haystack, candidate.start, candidate.end, lambda: self.words_for(candidate),
                both_ends=self.whole_words)
        return answer

    def words_for(self, candidate: _Candidate) -> frozenset[str]:
        """The renderings jieba reads as words when it judges this candidate (see `whole`)."""
        if not self.nested:
            return self.words
        entries = {index for index, _kind in candidate.owners}
        others = {self.haystack[other.start:other.end] for other in self.around(candidate)
                  if not any(index in entries for index, _kind in other.owners)}
        return self.words - others if others else self.words

    def around(self, candidate: _Candidate) -> list[_Candidate]:
        """The longer candidates that hold this one."""
        length = candidate.end - candidate.start
        # A rendering around this one starts at most the longest rendering's length before its end.
        nearby = self._by_start[bisect_left(self._starts, candidate.end - self.matcher._longest_chinese):
                                bisect_right(self._starts, candidate.start)]
        return [other for other in nearby if other.end - other.start > length and candidate.end <= other.end]

    def inside(self, candidate: _Candidate) -> list[_Candidate]:
        """The shorter candidates this one holds."""
        length = candidate.end - candidate.start
        nearby = self._by_start[bisect_left(self._starts, candidate.start):bisect_left(self._starts, candidate.end)]
        return [other for other in nearby if other.end - other.start < length and other.end <= candidate.end]


# A name of three or more capitals and a number (COVID-19, IPV6, GPT-4): its capitals are not what
# tells it from a word, since no English word is written so; the press writes Covid-19.
_NUMBERED_NAME = re.compile("[A-Z]{3,}[-\u2010\u2011]?[0-9][A-Za-z0-9]*")


def is_numbered_name(spelling: str) -> bool:
    """True for a spelling whose only capitals inside words are those of numbered names
    (`COVID-19`, `COVID-19 vaccine`; not `V2G`, `SARS-CoV-2` or `WHO COVID-19`): check finds it in
    any case (`Covid-19`, `covid-19`) unless its entry sets `case_sensitive`."""
    words = spelling.split()
    return any(_NUMBERED_NAME.fullmatch(word) for word in words) and \
        all(_NUMBERED_NAME.fullmatch(word) or not has_inner_capital(word) for word in words)


@dataclass(frozen=True)
class _WordCase:
    """The words of one form of a term that must be found in their own case (`API` in `API keys`),
    at their offsets in the form; the form's other words match in any case (`API Keys`, `API KEYS`)."""

    words: tuple[tuple[int, str], ...]  # (offset in the form, the word as written)

    def fits(self, haystack: str, start: int, shouted: bool) -> bool:
        # Words that all spell function words (`US` in `US dollar`) are those words in a text all in
        # capitals, as for a term case-sensitive as a whole (TermMatcher._spells_function_words_of).
        if shouted and _function_words_only(tuple(word for _, word in self.words)):
            return False
        return all(haystack.startswith(word, start + offset) for offset, word in self.words)


@lru_cache(maxsize=10_000)
def _function_words_only(words: tuple[str, ...]) -> bool:
    """Asked only of text all in capitals: the stopword list loads spaCy's, which takes a second."""
    return all(is_english_stopword(word, shouted=True) for word in words)


def _word_case(form: str, exact_words: frozenset[str]) -> _WordCase:
    """Which words of a form keep their case: those holding a word of the term in exact case, so
    the head noun's plural (`APIs` of `API`) and the closed spelling of a word keep it too."""
    words = []
    offset = 0
    for word in form.split(" "):
        if any(exact in word for exact in exact_words):
            words.append((offset, word))
        offset += len(word) + 1
    return _WordCase(tuple(words))


def _fits_any(cases: list[_WordCase] | None, haystack: str, start: int, shouted: bool) -> bool:
    return cases is None or any(case.fits(haystack, start, shouted) for case in cases)


def _may_be_verb(entry: Entry) -> bool:
    """Whether check finds the entry's -ed and -ing forms (verb_forms): unless its `part_of_speech`
    (as TBX and CAT tools record it) says it is something else, so `base` approved as a noun (基地)
    is not found in `based on`, or it is kept in English (keep_source), a name, which has none:
    `Zoom` is not in `zooming in` (放大)."""
    if entry.keep_source:
        return False
    named = _parts_of_speech(entry)
    return named is None or not named.isdisjoint(_VERB_NAMES | {"other"})


def _declared_verb(entry: Entry) -> bool:
    """Whether the entry's `part_of_speech` names a verb (`verb`, `v`, `noun/verb`, `[verb, noun]`,
    动词): then its -ed and -ing forms are the term in English to translate too, not only in English
    that translates."""
    named = _parts_of_speech(entry)
    return named is not None and not named.isdisjoint(_VERB_NAMES)


_VERB_NAMES = frozenset({"verb", "v", "vb", "动词", "動詞"})


def _parts_of_speech(entry: Entry) -> frozenset[str] | None:
    """The word classes an entry's `part_of_speech` names, a string or a list of them (`noun/verb`,
    `[verb, noun]`; `adverb` names no verb); None when it names none."""
    value = entry.extra.get("part_of_speech")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return None
    named = frozenset(word for text in value if isinstance(text, str)
                      for word in _WORD_CLASS_NAMES.findall(text.lower()))
    return named or None


_WORD_CLASS_NAMES = re.compile(f"[a-z]+|{_HAN_RUN.pattern}")  # `noun/verb`, 动词


def _owners_first(owners: dict[int, bool]) -> list[int]:
    """The entries a pattern finds: those it is a form of, else those it is an extra form of
    (`pandemics` finds an entry `pandemics` when there is one, else `pandemic`)."""
    own = sorted(index for index, extra in owners.items() if not extra)
    return own or sorted(owners)


class TermMatcher:
    """Finds the given entries in segment pairs. Build once, then call `hits(pair)` per pair.

    `as_written`, for a glossary of Traditional Chinese (zh-TW, zh-HK, zh-Hant): there, variant
    characters are spelling (遊戲, not 游戲; 臺灣 or 台灣 as the house style says), so Traditional
    text must hold a rendering as written, not merely as t2s reads it. Text plainly in Simplified,
    and renderings written so, are still compared through t2s: another script is not a variant.

    `out_of_scope`, the indexes of entries whose `paths:` leave the files matched out: they make
    no hits, but a longer term or rendering of theirs is still one longer word, so the terms
    inside it count no more than where the entry is in force (电网 inside 配电网)."""

    def __init__(self, entries: Sequence[Entry], *, as_written: bool = False,
                 out_of_scope: Iterable[int] = ()) -> None:
        self.entries = list(entries)
        self.as_written = as_written
        # Indexes of entries not in force here (their `paths:` leave the file out): never hits, but
        # their terms and renderings are still longer words that own the text they span.
        self.out_of_scope = frozenset(out_of_scope)
        # pattern -> {entry index: whether the pattern is only an extra form of it (_Form.extra)}
        folded: dict[str, dict[int, bool]] = {}
        exact: dict[str, dict[int, bool]] = {}
        # Folded patterns that are one word and a plural of some owner (`aids` of `aid`): those
        # owners do not match the word all in capitals (AIDS), an acronym in ordinary text.
        self._plural_owners: dict[str, set[int]] = {}
        # Folded patterns some owners find only with some words in their own case (`API` of `API key`):
        # pattern -> entry index -> the forms' word cases, any of which will do (None: any case).
        word_cases: dict[str, dict[int, list[_WordCase] | None]] = {}
        # pattern -> {entry index: whether the pattern is only an -ed or -ing form of an entry not
        # declared a verb}: found in English that translates Chinese, not in English to translate.
        verbal: dict[str, dict[int, bool]] = {}
        for index, entry in enumerate(self.entries):
            may_be_verb, declared_verb = _may_be_verb(entry), _declared_verb(entry)
            for term in (entry.source, *entry.source_variants):
                numbered_name = entry.case_sensitive is None and is_numbered_name(term)
                case_sensitive = entry.spelling_is_case_sensitive(term) and not numbered_name
                exact_words = frozenset() if case_sensitive or numbered_name else entry.words_in_exact_case(term)
                table = exact if case_sensitive else folded
                closed = closed_compound(term)  # `Wi-Fi` is written `WiFi` too: an extra form
                for spelling, closed_form in ((term, False), (closed, True)) if closed else ((term, False),):
                    for form, kind in _english_forms(spelling).items():
                        if kind.verbal and not may_be_verb:
                            continue
                        key = form if table is exact else _lower(form)
                        owners_of_key = table.setdefault(key, {})
                        owners_of_key[index] = owners_of_key.get(index, True) and (kind.extra or closed_form)
                        verbal_of_key = verbal.setdefault(key, {})
                        verbal_of_key[index] = verbal_of_key.get(index, True) and kind.verbal and (
                            not declared_verb or kind.irregular)
                        if table is folded and kind.plural and " " not in key:
                            self._plural_owners.setdefault(key, set()).add(index)
                        if table is folded:
                            cases = word_cases.setdefault(key, {})
                            if not exact_words:
                                cases[index] = None
                            elif cases.get(index, []) is not None:
                                cases.setdefault(index, []).append(_word_case(form, exact_words))
        self._pattern_words = frozenset(_lower(word) for table in (folded, exact) for pattern in table
                                        for word in pattern.split(" "))
        self._longest_english = max((len(pattern) for table in (folded, exact) for pattern in table), default=0)
        # (patterns, owners of each pattern, automaton, whether it searches lower-cased text). Of the
        # owners of a pattern, those it is only an extra form of give way to those it is a form of.
        # Per pattern, whether it is only an extra form of its owners: then, of two matches of the same
        # text, the one another entry owns as its own form wins, whichever automaton found it.
        folded_cases = [{index: cases for index, cases in word_cases[key].items() if cases is not None} or None
                        for key in folded]
        self._english = [(list(table), [_owners_first(owners) for owners in table.values()], _automaton(list(table)),
                          lowered, [all(owners.values()) for owners in table.values()], cases,
                          [sorted(owners) for owners in table.values()],
                          [frozenset(index for index, only in verbal[key].items() if only) for key in table])
                         for table, lowered, cases in ((folded, True, folded_cases), (exact, False, None)) if table]
        self._spells_function_words: dict[str, bool] = {}
        chinese: dict[str, list[tuple[int, str]]] = {}
        # pattern -> (entry index, kind) -> the owner's renderings of it as written (as_written only)
        written: dict[str, dict[tuple[int, str], set[str]]] = {}
        for index, entry in enumerate(self.entries):
            for kind, renderings in ((_Kind.ALLOWED, entry.allowed_targets()), (_Kind.FORBIDDEN, entry.forbidden)):
                for rendering in renderings:
                    pattern = chinese_pattern(rendering)
                    if pattern and (index, kind) not in chinese.setdefault(pattern, []):
                        chinese[pattern].append((index, kind))
                    if pattern and as_written:
                        written.setdefault(pattern, {}).setdefault((index, kind), set()).add(written_pattern(rendering))
        self._chinese_patterns = list(chinese)
        self._chinese_owners = list(chinese.values())
        self._written_renderings = [written.get(pattern, {}) for pattern in chinese]
        self._patterns_of: list[list[int]] = [[] for _ in self.entries]  # entry index -> its Chinese patterns
        for pattern, owners in enumerate(self._chinese_owners):
            for index in dict.fromkeys(index for index, _ in owners):
                self._patterns_of[index].append(pattern)
        self._chinese_latin_edges = [_is_latin(pattern[0]) or _is_latin(pattern[-1]) for pattern in chinese]
        self._longest_chinese = max(map(len, chinese), default=0)
        self._chinese = _automaton(self._chinese_patterns) if chinese else None
        self._compounds = [match_compounds(entry) for entry in self.entries]
        self._segmenter: Any = None
        self._forbidden_english = _ForbiddenEnglish.of(self.entries)

    # -------------------------------------------------------------- source side

    def find_in_source(self, text: str, marked_keys: frozenset[str] = frozenset(), *,
                       inside_longer: bool = False) -> dict[int, list[Occurrence]]:
        """Entry index -> its occurrences in an English segment, longest match first;
        `marked_keys`: the accelerator keys its translation marks (`退出(_X)`), see accelerators.py.
        A hyphen inside a word may be left out: `e-mail` is an occurrence of `email`.
        `inside_longer`: also the occurrences inside a longer one (`grid` in `distribution grid`)
        and those a hyphen joins to another word (`virus` in `virus-specific`), for English that
        translates: there it only matters whether the words are there."""
        normalised = normalise_english(text, marked_keys)
        found = self._scan(normalised.text, every_owner=inside_longer)
        joints = _compound_joints(text, normalised, self._pattern_words)
        if joints:
            haystack = normalised.text
            closed = "".join(haystack[start + 1:end] for start, end in zip([-1, *joints], [*joints, len(haystack)]))
            # where each joint falls in the closed text: only a match across one is new there
            closed_joints = [joint - rank for rank, joint in enumerate(joints)]
            for start, negative_end, rank, owners_here in self._scan(closed, closed_joints, every_owner=inside_longer):
                end = -negative_end
                first = start + sum(1 for place in closed_joints if place <= start)
                last = end + sum(1 for place in closed_joints if place < end)
                found.append((first, -last, rank, owners_here))
        if not found:
            return {}
        found.sort(key=_SPAN)  # stable: of two equal spans, the first automaton's comes first
        result: dict[int, list[Occurrence]] = {}
        taken_until = -1
        for start, negative_end, _rank, owners_of in found:
            end = -negative_end
            if end <= taken_until and not inside_longer:
                continue  # inside a longer occurrence already taken; one across it (novel coronavirus |
                # coronavirus disease) is a term of its own
            first, last = normalised.original_span(start, end)
            if _hyphen_joined(text, first, last) and not inside_longer:
                continue  # LNG in LNG-powered: part of a hyphenated compound, not the term
            taken_until = end
            occurrence = Occurrence(first, last, text[first:last])
            for index in owners_of:
                result.setdefault(index, []).append(occurrence)
        return result

    def _scan(self, haystack: str, across: list[int] | None = None, *,
              every_owner: bool = False) -> list[tuple[int, int, int, list[int]]]:
        """(start, -end, rank, owners) of every whole-word match in normalised English text; given
        `across`, only of those that hold one of these places inside them. `every_owner`: a form
        belongs to every entry it is a form of, also those it is only an extra form of (`infected`
        is `infect`'s even where an entry `infected` holds it as its own), for English that translates."""
        folded_haystack: str | None = None
        shouted: bool | None = None
        length = len(haystack)
        found: list[tuple[int, int, int, list[int]]] = []
        for patterns, own_owners, automaton, lowered, extra_only, word_cases, all_owners, verbal_only in self._english:
            owners = all_owners if every_owner else own_owners
            if lowered:
                folded_haystack = folded_haystack or _lower(haystack)
                subject = folded_haystack
            else:
                subject = haystack
            matches = (automaton.find_matches_as_indexes(subject, overlapping=True) if across is None else
                       _around(automaton, subject, across, self._longest_english))
            for pattern, start, end in matches:
                if across is not None and not any(start < place < end for place in across):
                    continue
                # Whole words only (the word test of _is_word_char, inlined: this loop is hot).
                if start > 0 and (haystack[start - 1].isalnum() or haystack[start - 1] == "_"):
                    continue
                if start > 1 and haystack[start - 1] == "'" and haystack[start - 2].isalpha():
                    continue  # the `m` of i'm, the `s` of it's, the `t` of don't: part of a word, not one
                if end < length and (haystack[end].isalnum() or haystack[end] == "_"):
                    continue
                owners_here, rank = owners[pattern], int(extra_only[pattern])
                if verbal_only[pattern] and not every_owner:
                    # `logging` of `log`, `hosted` of `host`: another word as often as a form of the
                    # term, so it asks nothing of the translation unless the entry says it is a verb
                    owners_here = [index for index in owners_here if index not in verbal_only[pattern]]
                    if not owners_here:
                        continue
                if not lowered:
                    if shouted is None:  # most segments have a lower-case letter within a few characters
                        shouted = is_shouted([haystack])
                    if shouted and self._spells_function_words_of(patterns[pattern]):
                        continue  # CONTACT US, IT IS HEREBY ORDERED: capitals say nothing there
                elif patterns[pattern] in self._plural_owners and haystack[start:end].isupper():
                    # AIDS, ARMS: one word in capitals is an acronym, not the plural of aid or arm;
                    # in a text all in capitals it may be either, and a case-sensitive spelling of the
                    # same word (an approved AIDS) wins.
                    if shouted is None:
                        shouted = is_shouted([haystack])
                    plural_owners = self._plural_owners[patterns[pattern]]
                    if shouted:
                        rank = 1
                    else:
                        owners_here = [index for index in owners_here if index not in plural_owners]
                        if not owners_here:
                            continue
                if lowered and word_cases is not None and word_cases[pattern] is not None:
                    # `API key` found as `api key`: only the owners whose exact words are there as written
                    if shouted is None:
                        shouted = is_shouted([haystack])
                    cases = word_cases[pattern]
                    owners_here = [index for index in owners_here if _fits_any(cases.get(index), haystack, start, shouted)]
                    if not owners_here:
                        continue
                found.append((start, -end, rank, owners_here))
        return found

    def _spells_function_words_of(self, pattern: str) -> bool:
        """True for a case-sensitive form that spells function words in lower case (`US`, `IT`, `WHO`):
        in a text all in capitals it is those words, as extract reads it (stopwords.is_english_stopword)."""
        answer = self._spells_function_words.get(pattern)
        if answer is None:
            answer = all(is_english_stopword(word, shouted=True) for word in pattern.split())
            self._spells_function_words[pattern] = answer
        return answer

    # -------------------------------------------------------------- target side

    def _find_in_target(self, text: str, normalised: Normalised, in_source: dict[int, list[Occurrence]], *,
                        claim_all: bool = False, whole_words: bool = False) -> dict[tuple[int, str], list[Occurrence]]:
        """Renderings of the entries found in the source (entry index -> its English occurrences),
        by (entry index, kind). `claim_all`: every longer rendering claims the others inside it,
        however often the English holds its term (see _claims). `whole_words`: a rendering counts
        only as one or more whole words, both its ends on word boundaries (see _on_word_boundaries)."""
        haystack = normalised.text
        owners, latin_edges, patterns_of = self._chinese_owners, self._chinese_latin_edges, self._patterns_of
        # Only renderings of entries found in the source matter, for themselves or as compounds; and
        # only they are words to jieba here: an entry the English does not hold has no say.
        wanted_patterns = {pattern for index in in_source for pattern in patterns_of[index]}
        context = _TargetContext(self, haystack, frozenset(self._chinese_patterns[pattern]
                                                           for pattern in wanted_patterns),
                                 whole_words=whole_words)
        candidates = [
            _Candidate(start, end, owners[pattern] if not self.as_written else
                       self._owners_as_written(pattern, (normalised.written or haystack)[start:end]))
            for pattern, start, end in self._chinese.find_matches_as_indexes(haystack, overlapping=True)
            if pattern in wanted_patterns
            and (not latin_edges[pattern] or _latin_edges_ok(haystack, start, end))
        ]
        context.index(candidates)
        claims = self._claims(candidates, in_source, context, claim_all=claim_all)
        result: dict[tuple[int, str], list[Occurrence]] = {}
        for candidate in candidates:
            relevant = [(index, kind) for index, kind in candidate.owners if index in in_source]
            if not relevant:
                continue
            if not context.whole(candidate):
                if any(kind == _Kind.ALLOWED for _, kind in relevant):
                    words = "/".join(text[slice(*normalised.original_span(*word))]
                                     for word in self._cut_words(haystack, candidate.start, candidate.end,
                                                                 context.words_for(candidate)))
                    for index, kind in relevant:
                        if kind == _Kind.ALLOWED:
                            result.setdefault((index, _Kind.SPLIT), []).append(Occurrence(
                                *normalised.original_span(candidate.start, candidate.end), words))
                continue
            first, last = normalised.original_span(candidate.start, candidate.end)
            occurrence = Occurrence(first, last, text[first:last])
            longer = context.around(candidate) if context.nested else ()
            for index, kind in relevant:
                if longer and self._inside_longer_rendering(index, kind, longer, context, claims):
                    continue
                result.setdefault((index, kind), []).append(occurrence)
        return result

    def _owners_as_written(self, pattern: int, occurrence: str) -> list[tuple[int, str]]:
        """The owners of a pattern that the text found holds as written (`occurrence`: normalised,
        with its characters as written). An entry's renderings written exactly so are what the text
        holds of it. Without one, where the text or the rendering is plainly Simplified, the scripts
        are compared alike, as without as_written; otherwise an allowed rendering written with other
        variant characters is a VARIANT, which does not count, and a forbidden one is not there.
        Compared alike, an entry's allowed rendering outweighs its forbidden one (臺灣 and 台灣 are
        both 台湾 in Simplified)."""
        renderings = self._written_renderings[pattern]
        exact = {index for (index, _), written in renderings.items() if occurrence in written}
        owners = []
        for index, kind in self._chinese_owners[pattern]:
            written = renderings.get((index, kind), ())
            if occurrence in written:
                owners.append((index, kind))
            elif index in exact:
                continue
            elif _plainly_simplified(occurrence) or all(map(_plainly_simplified, written)):
                owners.append((index, kind))
            elif kind == _Kind.ALLOWED:
                owners.append((index, _Kind.VARIANT))
        allowed = {index for index, kind in owners if kind == _Kind.ALLOWED and index not in exact}
        return [(index, kind) for index, kind in owners if not (kind == _Kind.FORBIDDEN and index in allowed)]

    def _claims(self, candidates: list[_Candidate], in_source: dict[int, list[Occurrence]],
                context: _TargetContext, *, claim_all: bool = False) -> dict[int, set[int]]:
        """Which longer renderings own the renderings of other entries inside them: id(candidate)
        -> the entries whose text it is. An entry takes as many of its renderings that hold another
        entry's as the English needs: as many as it occurs there, less those of its renderings that
        hold none. So COVID-19 translated `COVID-19（2019 冠状病毒病）` takes nothing (the Latin
        form renders it), and one `suspected case` takes one of two 疑似病例, leaving the other's
        疑似 to `suspected`; they are taken in text order. `claim_all`, where the Chinese is the
        text translated and no English says how often each term occurs: each takes all of them,
        the longest match, so 配电网 asks for `distribution grid`, not `grid` as well."""
        claims: dict[int, set[int]] = {}
        if not context.nested:
            return claims
        # First a cheap look, without jieba: which entries have a rendering holding another's at all.
        # Usually none, and there is nothing to claim.
        claiming = {index for candidate in candidates if context.inside(candidate)
                    for index, kind in candidate.owners
                    if kind == _Kind.ALLOWED and index in in_source
                    and self._holds_other_entry(candidate, index, in_source, context, whole=False)}
        renderings_of: dict[int, list[_Candidate]] = {}
        for candidate in candidates:
            for index, kind in candidate.owners:
                if kind == _Kind.ALLOWED and index in claiming:
                    renderings_of.setdefault(index, []).append(candidate)
        for owner, renderings in renderings_of.items():
            own = [candidate for candidate in renderings if context.whole(candidate)]
            # A rendering inside one of the entry's own longer renderings is not another occurrence.
            own = [candidate for candidate in own
                   if not any((owner, _Kind.ALLOWED) in other.owners and context.whole(other)
                              for other in context.around(candidate))]
            holding = [candidate for candidate in own if self._holds_other_entry(candidate, owner, in_source, context)]
            room = len(holding) if claim_all else len(in_source[owner]) - (len(own) - len(holding))
            for candidate in holding[:max(0, room)]:
                claims.setdefault(id(candidate), set()).add(owner)
        return claims

    def _holds_other_entry(self, candidate: _Candidate, owner: int, in_source: dict[int, list[Occurrence]],
                           context: _TargetContext, *, whole: bool = True) -> bool:
        """True when a rendering of another entry found in the source, one that does not count
        inside compounds, stands inside the candidate on word boundaries (`whole=False`: anywhere,
        a cheap first look): claiming it matters."""
        return any(any(index != owner and index in in_source and not self._compounds[index]
                       for index, _kind in inner.owners) and (not whole or context.whole(inner))
                   for inner in context.inside(candidate))

    def _inside_longer_rendering(self, index: int, kind: str, longer: list[_Candidate], context: _TargetContext,
                                 claims: dict[int, set[int]]) -> bool:
        """True when a longer rendering around this one owns the text: that of another entry found
        in the source which claims it (unless this entry allows compounds; see _claims), or one of
        the entry's own allowed renderings, which already counts it (艾滋病 inside 艾滋病（AIDS）is one
        rendering, and a forbidden rendering inside an allowed one is none)."""
        for other in longer:
            owned_by_other_entry = any(owner != index for owner in claims.get(id(other), ()))
            if owned_by_other_entry and not self._compounds[index]:
                return True  # claims are made on word boundaries only
            if (index, _Kind.ALLOWED) in other.owners and context.whole(other):
                return True
        return False

    def _on_word_boundaries(self, haystack: str, start: int, end: int, words: Callable[[], frozenset[str]], *,
                            both_ends: bool = False) -> bool:
        """Whether [start, end) cuts no word at both ends, with `words()` (renderings) as jieba words.
        `both_ends`: whether it cuts no word at either end, so it is one or more whole words, the
        test for Chinese that is the text translated: 病毒 in 病毒学 or 抗病毒 is no word there, whose
        English (virology, antiviral) need not hold `virus`. A translation is judged leniently, since
        its English says which term to look for; a text translated must itself say it."""
        han_before = start > 0 and _HAN.match(haystack[start - 1]) and _HAN.match(haystack[start])
        han_after = end < len(haystack) and _HAN.match(haystack[end]) and _HAN.match(haystack[end - 1])
        if not (han_before or han_after):
            return True
        if self._segmenter is None:
            self._segmenter = _Segmenter(self._chinese_patterns)
        segmenter = self._segmenter
        # Without HMM, jieba only joins characters into dictionary words, so a boundary no
        # dictionary word (nor any rendering) crosses is a boundary in every segmentation: no need to segment.
        if not (han_before and segmenter.crossed(haystack, start)) and \
                not (han_after and segmenter.crossed(haystack, end)):
            return True
        run_start, run_end = self._han_run(haystack, start, end)
        run = haystack[run_start:run_end]
        start, end = start - run_start, end - run_start
        user_words = words()
        boundaries = segmenter.boundaries(run, user_words)
        if both_ends:
            return start in boundaries and end in boundaries
        return _counts_as_word(boundaries, start, end) or segmenter.reads_as_word(run, start, end, user_words)

    @staticmethod
    def _han_run(haystack: str, start: int, end: int) -> tuple[int, int]:
        """The Han text around [start, end) that jieba sees, up to _CONTEXT characters either side."""
        run_start = start
        while run_start > 0 and _HAN.match(haystack[run_start - 1]) and start - run_start < _CONTEXT:
            run_start -= 1
        run_end = end
        while run_end < len(haystack) and _HAN.match(haystack[run_end]) and run_end - end < _CONTEXT:
            run_end += 1
        return run_start, run_end

    def _cut_words(self, haystack: str, start: int, end: int, words: frozenset[str]) -> list[tuple[int, int]]:
        """The spans of the words of jieba's cut that [start, end) overlaps (累积, 分布 for 积分)."""
        run_start, run_end = self._han_run(haystack, start, end)
        edges = [run_start + edge for edge in self._segmenter.boundaries(haystack[run_start:run_end], words)]
        return [(first, last) for first, last in zip(edges, edges[1:]) if first < end and last > start]

    # -------------------------------------------------------------- both

    def hits(self, pair: SegmentPair) -> list[TermHit]:
        """Every entry whose term occurs in the pair's source, with its target-side evidence."""
        return self.hits_many([pair])[0]

    def hits_many(self, pairs: Sequence[SegmentPair]) -> list[list[TermHit]]:
        """`hits` of each pair; the targets are normalised together, which is cheaper."""
        in_sources = [_outside_kept_code(pair, self.find_in_source(pair.source, accelerator_keys(pair.target)))
                      for pair in pairs]
        with_terms = [number for number, in_source in enumerate(in_sources) if in_source]
        if self._chinese is None:
            targets: list[Normalised | None] = [None] * len(with_terms)
        else:
            targets = list(normalise_chinese_many([pairs[number].target for number in with_terms],
                                                  as_written=self.as_written))
        result: list[list[TermHit]] = [[] for _ in pairs]
        entries = self.entries
        for number, normalised in zip(with_terms, targets):
            pair, in_source = pairs[number], in_sources[number]
            in_target = {} if normalised is None else self._find_in_target(pair.target, normalised, in_source)
            result[number] = [
                TermHit(
                    entry=entries[index],
                    pair=pair,
                    source=tuple(occurrences),
                    targets=tuple(in_target.get((index, _Kind.ALLOWED), ())),
                    forbidden=tuple(in_target.get((index, _Kind.FORBIDDEN), ())),
                    split=tuple(in_target.get((index, _Kind.SPLIT), ())),
                    variant=tuple(in_target.get((index, _Kind.VARIANT), ())),
                )
                for index, occurrences in sorted(in_source.items())
                if index not in self.out_of_scope
            ]
        return result


    def chinese_hits_many(self, pairs: Sequence[SegmentPair]) -> list[list[ChineseTermHit]]:
        """For pairs translated from Chinese (SegmentPair.from_chinese): the hits of each pair, in
        the order of their first rendering in the Chinese. A rendering is found as the target side
        finds it (normalisation, word edges, the longest rendering owning those inside it) and the
        terms as the source side finds them, anywhere in the English. Entries kept in English
        (keep_source) are left out, their Chinese holding the English term itself, but for the
        wordings they forbid (_kept_term_hits)."""
        if self._chinese is None:
            return [[] for _ in pairs]
        normalised = normalise_chinese_many([pair.target for pair in pairs], as_written=self.as_written)
        return [self._chinese_hits(pair, text) for pair, text in zip(pairs, normalised)]

    def _chinese_hits(self, pair: SegmentPair, normalised: Normalised) -> list[ChineseTermHit]:
        owners = self._chinese_owners
        rendered = {index for pattern, _start, _end in self._chinese.find_matches_as_indexes(normalised.text,
                                                                                            overlapping=True)
                    for index, kind in owners[pattern] if kind == _Kind.ALLOWED}
        kept_terms = {index for index in rendered
                      if self.entries[index].keep_source and self.entries[index].source_forbidden}
        rendered = {index for index in rendered if not self.entries[index].keep_source}
        hits = self._kept_term_hits(pair, normalised, kept_terms) if kept_terms else []
        if not rendered:
            return hits
        found = self._find_in_target(pair.target, normalised, {index: [] for index in rendered},
                                     claim_all=True, whole_words=True)
        # The entries each occurrence renders: those sharing one are one hit (a variant spelling counts).
        at: dict[tuple[int, int], set[int]] = {}
        for (index, kind), occurrences in found.items():
            if kind in (_Kind.ALLOWED, _Kind.VARIANT) and index not in self.out_of_scope:
                for occurrence in occurrences:
                    at.setdefault((occurrence.start, occurrence.end), set()).add(index)
        if not at:
            return hits
        group_of: dict[int, set[int]] = {}
        for indexes in at.values():
            group = set(indexes).union(*(group_of.get(index, ()) for index in indexes))
            for index in group:
                group_of[index] = group
        in_english = self.find_in_source(pair.source, accelerator_keys(pair.target), inside_longer=True)
        forbidden_english = self._forbidden_english
        found_forbidden = (forbidden_english.scan(pair, in_english)
                           if forbidden_english and forbidden_english.concerns(group_of) else {})
        for group in {id(group): group for group in group_of.values()}.values():
            chinese = sorted((Occurrence(start, end, pair.target[start:end])
                              for (start, end), indexes in at.items() if indexes & group),
                             key=lambda occurrence: (occurrence.start, occurrence.end))
            english = sorted({occurrence for index in group for occurrence in in_english.get(index, ())},
                             key=lambda occurrence: (occurrence.start, occurrence.end))
            kept = tuple(occurrence for occurrence in chinese if _kept_as_written(occurrence.text, pair.source)
                         or _in_kept_code(pair.target, occurrence, pair.source))
            forbidden = forbidden_english.of_entries(found_forbidden, group) if found_forbidden else ()
            hits.append(ChineseTermHit(tuple(self.entries[index] for index in sorted(group)), pair,
                                       tuple(chinese), tuple(english), kept, forbidden))
        return sorted(hits, key=lambda hit: (hit.chinese[0].start, hit.chinese[0].end))

    def _kept_term_hits(self, pair: SegmentPair, normalised: Normalised, indexes: set[int]) -> list[ChineseTermHit]:
        """Hits of entries kept in English (keep_source) whose term the Chinese holds as written
        (`V2G技术`), where the English puts a wording the entry forbids in its place (`Vehicle-to-grid
        technology`, V2G forbidding `vehicle-to-grid`): the English keeps the term, so the wording
        is GL007's finding. Without such a wording there is no hit: English that leaves out or
        spells out a kept term otherwise was never checked, and is not now."""
        found = self._find_in_target(pair.target, normalised, {index: [] for index in indexes},
                                     claim_all=True, whole_words=True)
        in_english = self.find_in_source(pair.source, accelerator_keys(pair.target), inside_longer=True)
        scanned = self._forbidden_english.scan(pair, in_english)
        hits = []
        for index in sorted(indexes - self.out_of_scope):
            forbidden = self._forbidden_english.of_entries(scanned, {index})
            chinese = sorted({occurrence for kind in (_Kind.ALLOWED, _Kind.VARIANT)
                              for occurrence in found.get((index, kind), ())},
                             key=lambda occurrence: (occurrence.start, occurrence.end))
            entry = self.entries[index]
            if entry.is_case_sensitive():  # `v2g技术` holds no V2G, as `Use v2g.` holds none for GL003
                spellings = {entry.source, *entry.source_variants}
                chinese = [occurrence for occurrence in chinese if has_han(occurrence.text)
                           or unicodedata.normalize("NFKC", occurrence.text) in spellings]
            if not forbidden or not chinese:
                continue
            english = tuple(sorted(in_english.get(index, ()), key=lambda occurrence: (occurrence.start, occurrence.end)))
            kept = tuple(occurrence for occurrence in chinese if _kept_as_written(occurrence.text, pair.source))
            hits.append(ChineseTermHit((self.entries[index],), pair, tuple(chinese), english, kept, forbidden))
        return hits


class _ForbiddenEnglish:
    """The English wordings entries forbid (source_forbidden), found as check finds terms:
    plural, hyphen or space, and case as the entry says. Each wording is matched as a term of its
    own, by a matcher of its own, so a wording never takes an approved term's place in the text."""

    def __init__(self, matcher: "TermMatcher", owners: list[int]) -> None:
        self.matcher = matcher
        self.owners = owners  # wording index -> the index of the entry forbidding it

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> "_ForbiddenEnglish | None":
        wordings, owners = [], []
        for index, entry in enumerate(entries):
            for wording in entry.source_forbidden:
                wordings.append(Entry(wording, status=entry.status, case_sensitive=entry.case_sensitive))
                owners.append(index)
        return cls(TermMatcher(wordings), owners) if wordings else None

    def concerns(self, entries) -> bool:
        """Whether any of these entry indexes forbids a wording."""
        return any(owner in entries for owner in self.owners)

    def scan(self, pair: SegmentPair, approved: dict[int, list[Occurrence]]) -> dict[int, list[Occurrence]]:
        """Wording index -> its occurrences in the English of the pair, with the -ed and -ing forms
        terms have there. A wording inside an approved term the English holds (`grid` in `smart
        grid`, `transformation` in `digital transformation`), or one the Chinese keeps as written
        (`NEV` in 新能源汽车（NEV）), is no wording chosen for the translation."""
        found = self.matcher.find_in_source(pair.source, accelerator_keys(pair.target), inside_longer=True)
        terms = [(occurrence.start, occurrence.end) for occurrences in approved.values() for occurrence in occurrences]
        return {wording: [occurrence for occurrence in occurrences
                          if not any(start <= occurrence.start and occurrence.end <= end for start, end in terms)
                          and not _kept_as_written(occurrence.text, pair.target)]
                for wording, occurrences in found.items()}

    def of_entries(self, found: dict[int, list[Occurrence]], entries: set[int]) -> tuple[Occurrence, ...]:
        """Of a scan, the occurrences of the wordings these entries forbid, in order."""
        return tuple(sorted({occurrence for wording, occurrences in found.items()
                             if self.owners[wording] in entries for occurrence in occurrences},
                            key=lambda occurrence: (occurrence.start, occurrence.end)))


def _kept_as_written(rendering: str, english: str) -> bool:
    """True when a rendering without a Han character (`AI`, `COVID-19`, `V2G`) stands in the
    English as written, as a word of its own: compared after NFKC (ＡＩ is AI), ignoring case, as
    the Chinese side compares it; `AI` is not kept in `OpenAI`."""
    rendering = unicodedata.normalize("NFKC", rendering).strip()
    if not rendering or _HAN.search(rendering):
        return False
    edge_before = r"(?<![^\W_])" if _is_word_char(rendering[0]) else ""
    edge_after = r"(?![^\W_])" if _is_word_char(rendering[-1]) else ""
    return re.search(edge_before + re.escape(rendering) + edge_after, unicodedata.normalize("NFKC", english),
                     re.IGNORECASE) is not None


# Marks of a token that is code or an address, not prose: an email address, a mention, a hashtag,
# a `$VARIABLE`, a Windows path; a dot between word characters (a file name, `user.cfg`); a path
# that starts at a root, home or here (`/etc/x`, `~/x`, `./x`). Slashes between words alone are
# prose (`file/folder`, `Wi-Fi/Bluetooth/NFC`).
_CODE_LIKE = re.compile(r"[@$#\\]|\w\.\w|^(?:[/~]|\.\.?/)")
# Punctuation around a token that is not part of it, ASCII and the full-width marks Chinese writes
# right after a token, with no space between (`docs/智能电网/intro.md。`).
_TOKEN_OPENERS = "([{\"'\u201c\u2018\u00ab\uff08\u300c\u300e\u3010\u300a\u3008"
_TOKEN_CLOSERS = ".,;:!?)]}\"'\u201d\u2019\u00bb\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f\uff09\u300d\u300f\u3011\u300b\u3009"


def _code_token(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The code-like token (a path, a file name, an email address, a `$VARIABLE`, a hashtag) the
    occurrence [start, end) is part of, without the punctuation around it, and where it starts;
    else None."""
    left, right = start, end
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    if left == start and right == end:
        return None
    opened = text[left:right].lstrip(_TOKEN_OPENERS)
    token_start = right - len(opened)
    token = opened.rstrip(_TOKEN_CLOSERS)
    if token_start > start or token_start + len(token) < end:
        return None  # the punctuation stripped is the occurrence's own
    if len(token) <= end - start or not _CODE_LIKE.search(token):
        return None
    return token_start, token


def _in_kept_code(text: str, occurrence: Occurrence, translation: str) -> bool:
    """Whether the occurrence is inside a code-like token (see _code_token) that the translation
    keeps as written: `#智能电网` or `智能电网.md` left so in the English names a tag or a file.
    Chinese runs its words into a token (`编辑docs/智能电网/intro.md`), so the token is also taken
    as the translation delimits it, around each place it holds the occurrence's text, and looked
    for at the occurrence."""
    found = _code_token(text, occurrence.start, occurrence.end)
    if found is not None and found[1] in translation:
        return True
    length = occurrence.end - occurrence.start
    place = translation.find(occurrence.text)
    while place >= 0:
        kept = _code_token(translation, place, place + length)
        if kept is not None and text.startswith(kept[1], occurrence.start - (place - kept[0])):
            return True
        place = translation.find(occurrence.text, place + 1)
    return False


def _outside_kept_code(pair: SegmentPair, in_source: dict[int, list[Occurrence]]) -> dict[int, list[Occurrence]]:
    """The occurrences that are not inside a code-like token the translation keeps as written:
    `user` in `Open user.cfg.` ↔ `打开 user.cfg。` names a file, which stays as it is, and so do
    `user@example.com`, `$USER`, `#user` and `C:\\Users\\user\\file.txt`. A token the translation
    changes, or a term beside it, is still the term."""
    if not in_source:
        return in_source
    kept: dict[int, list[Occurrence]] = {}
    for index, occurrences in in_source.items():
        outside = [occurrence for occurrence in occurrences if not _in_kept_code(pair.source, occurrence, pair.target)]
        if outside:
            kept[index] = outside
    return kept


def _counts_as_word(boundaries: tuple[int, ...], start: int, end: int) -> bool:
    """At least one end on a word boundary: 电池 in 电池/回收, 电动车 in 电动/车辆 count;
    积分 in 累积/分布, which cuts a word at both ends, does not."""
    return start in boundaries or end in boundaries


_CONTEXT = 12  # Han characters on each side of an occurrence that jieba sees
# How much less likely than jieba's own cut (a factor of e**1.4, about 4) a reading with the rendering as one
# word may be and still count: 检测 in 受检/测量 (e**0.9: 受/检测/量 is as good a reading) counts;
# 门把手 holds no 把手 (e**2.5), 乒乓球/拍卖 no 球拍 (e**13), 累积/分布 no 积分 (e**10).
_READING_MARGIN = 1.4
_MAX_CROSSINGS = 500_000  # cached crossing tests before the cache starts over
_LONGEST_WORD = 6  # longer dictionary words crossing a boundary are too rare to look for


class _Segmenter:
    """jieba in dictionary mode, with the glossary's renderings as user words; results cached.

    Every call names the renderings that are words for it (those of the terms the English holds):
    the others present in the text are taken out for that call, so an entry the sentence does
    not hold never moves a word boundary (`英格兰公共卫生部`, PHE's rendering, does not hide
    公共卫生 when the English says Public Health England but not PHE). Each rendering's frequency
    is jieba's suggestion against its own dictionary, whatever else the glossary holds."""

    def __init__(self, user_words: Iterable[str]) -> None:
        import jieba

        base = _base_tokenizer()
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.FREQ, self._tokenizer.total = dict(base.FREQ), base.total
        self._tokenizer.initialized = True  # a private copy of the loaded dictionary: user words stay ours
        # rendering -> its frequency in jieba's own dictionary (0: none, at most a prefix of a word)
        self._dictionary_frequency: dict[str, int] = {}
        for word in user_words:
            if _HAN.search(word) and len(word) > 1 and word not in self._dictionary_frequency:
                self._dictionary_frequency[word] = base.FREQ.get(word) or 0
                frequency = base.suggest_freq(word, False)
                for end in range(1, len(word)):
                    self._tokenizer.FREQ.setdefault(word[:end], 0)  # prefixes, as jieba's add_word keeps them
                self._tokenizer.FREQ[word] = frequency
        self._user_words = _automaton(list(self._dictionary_frequency)) if self._dictionary_frequency else None
        self._boundaries_cached = lru_cache(maxsize=200_000)(self._boundaries)
        self._present = lru_cache(maxsize=200_000)(self._find_present)
        self._crossings: dict[tuple[str, int], bool] = {}

    def _find_present(self, run: str) -> frozenset[str]:
        """The renderings (user words) that occur in a run of text."""
        if self._user_words is None:
            return frozenset()
        return frozenset(self._user_words.find_matches_as_strings(run, overlapping=True))

    def _absent_words(self, run: str, words: frozenset[str]) -> tuple[str, ...]:
        """The renderings in the run that are not words for this call."""
        present = self._present(run)
        if not present or present <= words:
            return ()
        return tuple(sorted(present - words))

    def boundaries(self, run: str, words: frozenset[str]) -> tuple[int, ...]:
        """Where jieba's cut of the run puts word boundaries, with only `words` of the glossary's
        renderings as user words."""
        return self._boundaries_cached(run, self._absent_words(run, words))

    def _without(self, absent: tuple[str, ...]) -> list[tuple[str, int]]:
        """Take the absent renderings out of the dictionary; returns what to put back."""
        frequencies = self._tokenizer.FREQ
        saved = [(word, frequencies[word]) for word in absent]
        for word in absent:
            frequencies[word] = self._dictionary_frequency[word]
        return saved

    def _restore(self, saved: list[tuple[str, int]]) -> None:
        for word, frequency in saved:
            self._tokenizer.FREQ[word] = frequency

    def crossed(self, text: str, boundary: int) -> bool:
        """True when some dictionary word of up to _LONGEST_WORD characters spans the boundary."""
        # The answer reads only the _LONGEST_WORD - 1 characters either side, and the same
        # phrases recur throughout a corpus: answer once per such window.
        window_start = max(0, boundary - _LONGEST_WORD + 1)
        key = (text[window_start:boundary + _LONGEST_WORD - 1], boundary - window_start)
        answer = self._crossings.get(key)
        if answer is None:
            if len(self._crossings) >= _MAX_CROSSINGS:
                self._crossings.clear()
            answer = self._crossings[key] = self._crossed(*key)
        return answer

    def _crossed(self, text: str, boundary: int) -> bool:
        # jieba's FREQ holds every word (count > 0) and every prefix of a word (count 0), so a
        # piece that is not a key ends the search for words starting where it starts.
        frequencies = self._tokenizer.FREQ
        for first in range(max(0, boundary - _LONGEST_WORD + 1), boundary):
            if text[first:boundary] not in frequencies:
                continue
            for last in range(boundary + 1, min(len(text), first + _LONGEST_WORD) + 1):
                count = frequencies.get(text[first:last])
                if count is None:
                    break
                if count:
                    return True
        return False

    def reads_as_word(self, run: str, start: int, end: int, words: frozenset[str]) -> bool:
        """True when jieba rates the reading with run[start:end] as one word nearly as likely as its
        own best cut: its dictionary segmentation is a guess between readings, and 受检测量 reads as
        受/检测/量 as well as 受检/测量. `words`: as for `boundaries`."""
        saved = self._without(self._absent_words(run, words))
        try:
            forced = self._best_route(run[:start]) + self._log_frequency(run[start:end]) + self._best_route(run[end:])
            return self._best_route(run) - forced <= _READING_MARGIN
        finally:
            self._restore(saved)

    def _log_frequency(self, word: str) -> float:
        return math.log(self._tokenizer.FREQ.get(word) or 1) - math.log(self._tokenizer.total)

    def _best_route(self, text: str) -> float:
        """The log-probability of jieba's most likely segmentation of the text (dictionary only)."""
        if not text:
            return 0.0
        route: dict[int, tuple[float, int]] = {}
        self._tokenizer.calc(text, self._tokenizer.get_DAG(text), route)
        return route[0][0]

    def _boundaries(self, run: str, absent: tuple[str, ...]) -> tuple[int, ...]:
        saved = self._without(absent)
        try:
            edges = [0]
            for _word, _start, end in self._tokenizer.tokenize(run, HMM=False):
                edges.append(end)
            return tuple(edges)
        finally:
            self._restore(saved)


@lru_cache(maxsize=1)
def _base_tokenizer() -> Any:
    from .tokenize import loaded_jieba

    return loaded_jieba()


def approved_matcher(entries: Iterable[Entry], *, as_written: bool = False) -> TermMatcher:
    """A matcher for the entries people approved; candidates and rejected terms are never enforced."""
    from .glossary import Status

    return TermMatcher([entry for entry in entries if entry.status is Status.APPROVED], as_written=as_written)


__all__ = ["ChineseTermHit", "Normalised", "Occurrence", "TermHit", "TermMatcher", "approved_matcher",
           "chinese_pattern",
           "english_forms", "english_pattern", "fold_case", "found_ignoring_case", "has_inner_capital",
           "inflections", "is_numbered_name", "verb_forms",
           "match_compounds", "normalise_chinese", "normalise_english", "written_pattern"]
