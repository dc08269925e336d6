"""Semantic checks on a glossary that parsed cleanly: conflicts a person must resolve.

Each check is a small function with a stable id and a one-line title (its docstring's first
line). `validate_glossary` runs them all and returns every problem, located at file:line:column.
Schema and YAML problems come from `glossary_yaml.load_glossary`; `validate_file` gives both.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import yaml

from .collector import collector_paused
from .exchange.fields import KNOWN_EXTRA
from .glossary import ENTRY_FIELDS, Entry, Glossary, Status
from .glossary_yaml import Problem, parse_glossary, read_glossary_text
from .glossary_yaml_read import EditorLines, typographic_quotes
from .matching import chinese_pattern, english_forms, fold_case, found_ignoring_case, written_pattern
from .normalize import OTHER_SPACES, closed_compound  # Unicode's spaces but U+0020
from .language_tags import chinese_script, chinese_standard, compares_as_written, language_matches, regional_target
from .safe_text import with_code_points
from .scope import PATHS
from .script import HAN, HAN_RANGES, INVISIBLE, in_script, written_script


@dataclass(frozen=True)
class _Finding:
    entry: Entry
    key: str | None
    message: str
    item: int | None = None  # the list item of `key` it is about, to point at it
    other: Entry | None = None  # the other entry it is about, where it is about two


@dataclass(frozen=True, eq=False)
class _Term:
    """An entry's source or one of its variants, with the entry's place among the checked entries."""

    number: int
    entry: Entry
    text: str
    is_source: bool
    item: int | None = None  # a variant's place in source_variants


_Check = Callable[[Glossary], Iterator[_Finding]]
CHECKS: dict[str, _Check] = {}


def _check(code: str) -> Callable[[_Check], _Check]:
    def register(function: _Check) -> _Check:
        CHECKS[code] = function
        return function

    return register


def same_term(entry: Entry, other: Entry) -> bool:
    """Exactly the same source, or sources check finds at the same place: singular or plural head
    noun, hyphen or space, and case ignored unless both entries are case-sensitive."""
    return entry.source == other.source or _terms_meet(entry.source, entry.is_case_sensitive(),
                                                       other.source, other.is_case_sensitive())


def term_forms(term: str) -> frozenset[str]:
    """The lower-cased surfaces check finds a term under: two entries are the same term only if
    these meet, so an index of them finds every same_term partner without comparing all pairs."""
    return _forms(term, False)


def _terms_meet(term: str, case_sensitive: bool, other: str, other_case_sensitive: bool) -> bool:
    """True when some English text is an occurrence of both terms to check (`smart grid` and
    `Smart-Grids`; `V2G` and a case-insensitive `v2g`; not `V2G` and a case-sensitive `v2g`)."""
    exact = case_sensitive and other_case_sensitive
    if case_sensitive != other_case_sensitive:  # `AIDS` and `aid`: aid's plural is no acronym in capitals
        spelled, folded = (term, other) if case_sensitive else (other, term)
        folded = unicodedata.normalize("NFKC", folded)
        closed = closed_compound(folded)  # `Wi-Fi` finds `WiFi` too
        return any(found_ignoring_case(spelling, form) for spelling in (folded, *([closed] if closed else []))
                   for form in _forms(spelled, True))
    return not _forms(term, exact).isdisjoint(_forms(other, exact))


@lru_cache(maxsize=100_000)
def _forms(term: str, case_sensitive: bool) -> frozenset[str]:
    """The surfaces check finds a term under (matching.english_forms), lower-cased unless case-sensitive.

    NFKC first, as check reads text: `Réne` typed on macOS (e + combining accent) is the same term.
    A hyphenated word's closed spelling too (`e-mail`, `email`), which check finds as the term."""
    term = unicodedata.normalize("NFKC", term)
    closed = closed_compound(term)
    forms = english_forms(term) | (english_forms(closed) if closed else set())
    return frozenset(forms if case_sensitive else map(fold_case, forms))


@lru_cache(maxsize=100_000)
def _rendering_key(rendering: str) -> str:
    """A target-side rendering as check compares it: NFKC, traditional -> simplified, lower case,
    spaces dropped (`電網`, `电 网` and `电网` share a key)."""
    return chinese_pattern(rendering)


@lru_cache(maxsize=100_000)
def _written_key(rendering: str) -> str:
    """The same, but with the characters as written (遊戲 and 游戲 differ)."""
    return written_pattern(rendering)


def rendering_key_of(glossary: Glossary) -> Callable[[str], str]:
    """How check tells this glossary's renderings apart: as t2s reads them, or, for Traditional
    Chinese, as written (language_tags.compares_as_written), where 臺灣 may be approved and 台灣
    forbidden."""
    return _written_key if compares_as_written(glossary.languages) else _rendering_key


def _line(entry: Entry) -> int:
    return entry.position()[0]


def _the_entry(entry: Entry) -> str:
    """`the entry at line 12`; an entry a command is adding has no line yet."""
    return f"the entry at line {entry.line}" if entry.line else f'the new entry "{entry.source}"'


@_check("GV001")
def missing_approved_target(glossary: Glossary) -> Iterator[_Finding]:
    """An approved entry needs a target (or keep_source: true)."""
    for entry in glossary.terms:
        if entry.status is Status.APPROVED and not entry.target and not entry.keep_source:
            yield _Finding(entry, "status", f'entry "{entry.source}" is approved but has no target; add one, '
                                            "set keep_source: true, or set status: candidate")


@_check("GV002")
def conflicting_approvals(glossary: Glossary) -> Iterator[_Finding]:
    """The same source approved twice with different targets."""
    key = rendering_key_of(glossary)
    for group in term_groups(glossary.approved()):
        for index, entry in enumerate(group):
            earlier = next((other for other in group[:index] if same_term(other, entry)), None)
            if earlier is not None and set(map(key, earlier.allowed_targets())) != set(map(key, entry.allowed_targets())):
                yield _Finding(entry, "target", f'"{entry.source}" is approved twice with different targets '
                                                f"({_shown(earlier.target)} at line {_line(earlier)}"
                                                f"{_as(earlier, entry)}, "
                                                f"{_shown(entry.target)} here); merge them into one entry "
                                                "with a target list")


@_check("GV003")
def forbidden_equals_allowed(glossary: Glossary) -> Iterator[_Finding]:
    """A forbidden rendering that is also allowed.

    Or an English wording an entry forbids (source_forbidden) that check reads as its own term or a
    variant (`heat pumps` of `heat pump`): GL007 and GL005 would then ask for and forbid one word."""
    key = rendering_key_of(glossary)
    for entry in glossary.terms:
        for item, wording in enumerate(entry.source_forbidden):
            same = _own_spelling(entry, wording)
            if same is not None:
                shown = "its own term" if same == wording else f'"{same}", its own term'
                yield _Finding(entry, "source_forbidden", f'entry "{entry.source}" forbids the English "{wording}", '
                                                          f"which check reads as {shown}; remove it from "
                                                          "source_forbidden", item)
        allowed = {key(rendering): rendering for rendering in reversed(entry.allowed_targets())}
        for item, rendering in enumerate(entry.forbidden):
            same = allowed.get(key(rendering)) if key(rendering) else None
            if same == rendering:
                yield _Finding(entry, "forbidden", f'entry "{entry.source}" forbids "{rendering}", which it also '
                                                   "allows; remove it from target or from forbidden", item)
            elif same is not None:
                yield _Finding(entry, "forbidden", f'entry "{entry.source}" forbids "{rendering}", which check reads '
                                                   f'as "{same}", a rendering it allows; remove it from target or '
                                                   "from forbidden", item)


def _own_spelling(entry: Entry, wording: str, spellings: tuple[str, ...] | None = None) -> str | None:
    """The entry's source or variant (of `spellings`, when given) that check reads an English
    wording as, else None."""
    return next((spelling for spelling in spellings or (entry.source, *entry.source_variants) if spelling == wording
                 or _terms_meet(wording, entry.spelling_is_case_sensitive(wording), spelling,
                                entry.spelling_is_case_sensitive(spelling))), None)


@_check("GV004")
def duplicate_entries(glossary: Glossary) -> Iterator[_Finding]:
    """The same source and target approved twice, or approved and rejected."""
    for entry, earlier, target in _duplicates(glossary, clashing=True):
        if entry.status is earlier.status:
            yield _Finding(entry, None, f"duplicate approved entry {_pair(entry, target)}, first at line "
                                        f"{_line(earlier)}{_as(earlier, entry)}; keep one")
        else:
            yield _Finding(entry, None, f"{_pair(entry, target)} is {entry.status.value} here and "
                                        f"{earlier.status.value} at line {_line(earlier)}{_as(earlier, entry)}; "
                                        "keep one decision")


def duplicates_undecided(glossary: Glossary) -> list[tuple[Entry, Entry, str]]:
    """(entry, the earlier entry it repeats, the rendering both hold) where the two are not clashing
    decisions: a candidate extract proposed again under another spelling, a candidate beside the
    approval, two rejections. A warning, not a problem (GV004 is for two decisions that clash):
    check and export read approved entries only, so such a file checks as it would without the
    repeat, and a team is not kept from checking by candidates nobody has reviewed yet."""
    return list(_duplicates(glossary, clashing=False))


def both_decided_told(approved: Entry, rejected: Entry) -> str:
    """The warning for a term approved in one entry and rejected in every rendering in another
    (approved_and_rejected_whole), without its file and line (the rejected entry's)."""
    return (f'"{rejected.source}" is rejected in every rendering here, but "{approved.source}" at line '
            f"{_line(approved)} is the same term and approved; check enforces the approval: delete the rejected "
            "entry, or take the approval back")


def decision_warnings(glossary: Glossary, path: str) -> list[Problem]:
    """What validate warns of in a glossary it passes, beside unenforced_problems: a term approved
    and rejected in every rendering (at the rejected entry), then entries repeating an earlier
    one's term and rendering without clashing (at the repeat). Located as problems are, for the
    machine reports; no GV code, as check reads such a file as it would without them."""
    warnings = [Problem(path, *rejected.position(), both_decided_told(approved, rejected))
                for approved, rejected in approved_and_rejected_whole(glossary)]
    warnings += [Problem(path, *entry.position(), duplicate_told(entry, earlier, target))
                 for entry, earlier, target in duplicates_undecided(glossary)]
    return warnings


def duplicate_told(entry: Entry, earlier: Entry, target: str) -> str:
    """The warning for an entry of duplicates_undecided, without its file and line."""
    return (f"duplicate entry {_pair(entry, target)}, first at line {_line(earlier)}{_as(earlier, entry)} "
            f"({earlier.status.value} there, {entry.status.value} here); check and export read approved entries "
            "only, so it stops nothing: delete one")


def _duplicates(glossary: Glossary, *, clashing: bool) -> Iterator[tuple[Entry, Entry, str]]:
    """Each entry that repeats the term and a rendering of an earlier one, with that entry and
    rendering: where the two are decisions that clash (`clashing`, _decisions_clash), or else
    where they do not."""
    key = rendering_key_of(glossary)
    for group in term_groups(glossary.terms):
        for index, entry in enumerate(group):
            if clashing and entry.status is Status.CANDIDATE:
                continue
            counted = [other for other in group[:index]
                       if _decisions_clash(other, entry) is clashing and same_term(other, entry)]
            for target in entry.target or [""]:
                earlier = next((other for other in counted if key(target) in set(map(key, other.target or [""]))), None)
                if earlier is not None:
                    yield entry, earlier, target
                    break


def _decisions_clash(one: Entry, other: Entry) -> bool:
    """Two decisions on one term and rendering that check or an import of the file's own export
    reads as two: both approved, or one approved and the other rejected. A candidate decides
    nothing, and two rejections say one thing."""
    statuses = {one.status, other.status}
    return Status.APPROVED in statuses and Status.CANDIDATE not in statuses


def _pair(entry: Entry, target: str) -> str:
    return f'"{entry.source}" → "{target}"' if target else f'"{entry.source}" (no target)'


def _spaces_shown(value: str) -> str:
    """A term with its spaces other than the plain one as code points (`购物车<U+00A0>`): a message
    about its spaces shows which ones they are."""
    return with_code_points(value, OTHER_SPACES.findall(value))


@_check("GV005")
def repeated_or_blank_renderings(glossary: Glossary) -> Iterator[_Finding]:
    """Blank strings, stray spaces, or the same string listed twice in one field."""
    key_of_rendering = rendering_key_of(glossary)
    for entry in glossary.terms:
        for key in ("target", "forbidden", "source_variants", "source_forbidden"):
            values: list[str] = getattr(entry, key)
            for item, value in enumerate(values):
                if not value.strip():
                    yield _Finding(entry, key, f'entry "{entry.source}" has an empty {key}; remove it', item)
                elif value != value.strip():
                    yield _Finding(entry, key, f'entry "{entry.source}": {key} "{_spaces_shown(value)}" has leading or '
                                               "trailing spaces, so it will never match; remove them", item)
            if key in ("target", "forbidden"):
                repeats = _repeated(values, lambda one, other: key_of_rendering(one) == key_of_rendering(other))
            else:  # English as check reads it: case (unless the entry's case matters), plural, hyphen or space;
                # a forbidden wording that is the term itself is GV003's to name, once, and a variant
                # that is the source GV006's
                spellings = (entry.source, *entry.source_variants) if key == "source_forbidden" else (entry.source,)
                own = {value for value in values if _own_spelling(entry, value, spellings)}
                repeats = _repeated(values, lambda one, other: one not in own and other not in own and (
                    one == other or _terms_meet(one, entry.spelling_is_case_sensitive(one), other,
                                                entry.spelling_is_case_sensitive(other))))
            for same in repeats:
                written = [value for _, value in same]
                if len(set(written)) == 1:
                    yield _Finding(entry, key, f'entry "{entry.source}" lists {key} "{written[0]}" twice; keep one',
                                   same[1][0])
                else:
                    shown = " and ".join(f'"{_spaces_shown(value)}"' for value in dict.fromkeys(written))
                    yield _Finding(entry, key, f'entry "{entry.source}" lists {key} {shown}, which check reads as '
                                               "the same; keep one", same[1][0])
        if entry.source != entry.source.strip():
            yield _Finding(entry, "source", f'source "{_spaces_shown(entry.source)}" has leading or trailing spaces; '
                                            "remove them")


@_check("GV006")
def variant_is_another_term(glossary: Glossary) -> Iterator[_Finding]:
    """A source variant that check reads as the entry's own source, or as another entry's source or variant."""
    terms: list[_Term] = []
    for number, entry in enumerate(entry for entry in glossary.terms if entry.status is not Status.REJECTED):
        terms.append(_Term(number, entry, entry.source, is_source=True))
        terms += [_Term(number, entry, variant, is_source=False, item=item)
                  for item, variant in enumerate(entry.source_variants)]
    by_form: dict[str, list[_Term]] = {}
    for term in terms:
        for form in _forms(term.text, False):
            by_form.setdefault(form, []).append(term)
    for variant in (term for term in terms if not term.is_source):
        entry = variant.entry
        meeting = sorted({other for form in _forms(variant.text, False) for other in by_form[form]
                          if other is not variant and _terms_meet(
                              variant.text, entry.spelling_is_case_sensitive(variant.text),
                              other.text, other.entry.spelling_is_case_sensitive(other.text))},
                         key=lambda other: (other.number, not other.is_source))
        sources = [other.entry for other in meeting if other.is_source]
        earlier_variants = [other.entry for other in meeting
                            if not other.is_source and other.number < variant.number]
        if variant.text == entry.source or any(other is entry for other in sources):
            yield _Finding(entry, "source_variants", f'entry "{entry.source}" lists its own source as a variant; '
                                                     "remove it", variant.item)
        elif sources:
            yield _Finding(entry, "source_variants", f'variant "{variant.text}" of "{entry.source}" is also the '
                                                     f"source of {_the_entry(sources[0])}; "
                                                     "keep it in one place", variant.item, sources[0])
        elif earlier_variants:
            yield _Finding(entry, "source_variants", f'variant "{variant.text}" of "{entry.source}" is also a '
                                                     f"variant of {_the_entry(earlier_variants[0])}; "
                                                     "keep it in one place", variant.item, earlier_variants[0])


@_check("GV007")
def approved_target_forbidden_elsewhere(glossary: Glossary) -> Iterator[_Finding]:
    """A rendering one approved entry requires and another entry of the same source forbids."""
    key = rendering_key_of(glossary)
    for group in term_groups(entry for entry in glossary.terms if entry.status is not Status.REJECTED):
        for approved in (entry for entry in group if entry.status is Status.APPROVED):
            for other in group:
                if other is approved or not same_term(other, approved):
                    continue
                required = {key(rendering): rendering for rendering in approved.allowed_targets()}
                for rendering in sorted(set(other.forbidden)):
                    same = required.get(key(rendering)) if key(rendering) else None
                    if same is not None:
                        shown = "it" if same == rendering else f'"{same}", which check reads as the same'
                        yield _Finding(other, "forbidden", f'"{other.source}" forbids "{rendering}" here, but the '
                                                           f"approved entry at line {_line(approved)} requires {shown}",
                                       other.forbidden.index(rendering))


def _term_spellings(entry: Entry) -> Iterator[tuple[str, int | None, str]]:
    """(key, list item, text) of every spelling of a term an entry holds: its source, targets,
    forbidden renderings, source variants and forbidden English wordings."""
    yield "source", None, entry.source
    for key in ("target", "forbidden", "source_variants", "source_forbidden"):
        for item, value in enumerate(getattr(entry, key)):
            yield key, item, value


# What shows as nothing, or as a blank that is no space (GV012 is for spaces), beside the format
# characters of script.INVISIBLE: the rest of Unicode's Default_Ignorable_Code_Point, which a
# renderer that does not support a character of it draws as nothing (the combining grapheme
# joiner, the Hangul fillers, variation selectors, and the code points Unicode keeps unassigned
# for more of them), and the blank characters editors flag too: U+2800 BRAILLE PATTERN BLANK.
# check drops script.INVISIBLE's characters as it matches; these it reads as part of the term.
SHOWN_AS_NOTHING = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2065\u2800\u3164"
                              "\ufe00-\ufe0f\uffa0\ufff0-\ufff8\U000e0000\U000e0002-\U000e001f"
                              "\U000e0080-\U000e0fff]")


VARIATION_SELECTOR = re.compile("[\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def _selects_a_form(text: str, at: int) -> bool:
    """Whether the variation selector at `at` selects a form of the character before it, as it is
    meant to: the emoji form of a symbol (❤️, ©️, a keycap 1️⃣), a glyph of a Han character (an
    ideographic variation sequence), a form of a Mongolian letter. Only a stray one (at the start,
    after a space or a letter it cannot vary) is invisible clutter."""
    if at == 0 or not VARIATION_SELECTOR.match(text, at):
        return False
    before, selector = text[at - 1], text[at]
    if selector in "\ufe0e\ufe0f":
        keycap = before in "0123456789#*" and text[at + 1:at + 2] == "\u20e3"
        return keycap or unicodedata.category(before) in ("So", "Sm", "Sk")
    if "\u1800" <= selector <= "\u180f":
        return "\u1820" <= before <= "\u18aa"
    return HAN.match(before) is not None or unicodedata.category(before) == "Sm"


_BLACK_FLAG, _CANCEL_TAG = "\U0001f3f4", "\U000e007f"
_TAGS = re.compile("[\U000e0020-\U000e007e]*")


def _part_of_an_emoji(text: str, at: int) -> bool:
    """Whether the format character at `at` belongs to an emoji as drawn: a zero-width joiner
    between two pictographs (the family 👨‍👩‍👧, the heart on fire ❤️‍🔥, after a variation selector
    or a skin tone), or a tag of a flag's tag sequence (🏴 + `gbsct` + the cancel tag is Scotland's).
    check drops these as it matches, on both sides, so it finds such a term; only a stray one is clutter."""
    if text[at] == "\u200d":
        before = at - 1
        while before > 0 and (text[before] == "\ufe0f" or "\U0001f3fb" <= text[before] <= "\U0001f3ff"):
            before -= 1
        return (before >= 0 and at + 1 < len(text)
                and unicodedata.category(text[before]) == unicodedata.category(text[at + 1]) == "So")
    if "\U000e0020" <= text[at] <= "\U000e007f":
        start = at
        while start > 0 and "\U000e0020" <= text[start - 1] <= "\U000e007e":
            start -= 1
        end = _TAGS.match(text, start).end()
        return start > 0 and text[start - 1] == _BLACK_FLAG and end > start and text[end:end + 1] == _CANCEL_TAG
    return False


@_check("GV008")
def invisible_characters(glossary: Glossary) -> Iterator[_Finding]:
    """An invisible character (zero-width space, byte-order mark, Hangul filler) in a term.

    Pasted in from a web page or a CAT tool, it cannot be seen in an editor. check ignores a format
    character (script.INVISIBLE) but reads the others (SHOWN_AS_NOTHING) as part of the term, and
    an export carries either into CAT tools, whose term recognition then misses the term as typed."""
    for entry in glossary.terms:
        for key, item, value in _term_spellings(entry):
            hidden = [*(found.group() for found in INVISIBLE.finditer(value) if not _part_of_an_emoji(value, found.start())),
                      *(found.group() for found in SHOWN_AS_NOTHING.finditer(value)
                        if not _selects_a_form(value, found.start()))
                      ] if not value.isascii() else []
            if hidden:
                first = min(hidden, key=value.index)
                name = unicodedata.name(first, "a code point Unicode keeps to show as nothing")
                shown = with_code_points(value, hidden)
                if INVISIBLE.match(first):
                    why = "which an export would carry into CAT tools, whose term search then misses it"
                else:
                    why = ("which check reads as part of the term, so it never finds the term as typed, and an export "
                           "would carry it into CAT tools, whose term search then misses it")
                yield _Finding(entry, key, f'{key} "{shown}" holds the invisible character '
                                           f"U+{ord(first):04X} ({name}), {why}; delete it", item)


# A list typed with a Chinese input method: `[世界卫生组织，世卫组织]` is one rendering to YAML.
_LIST_SLIP = re.compile(f"(?<=[{HAN_RANGES}])[，、；](?=[{HAN_RANGES}])")
_ENGLISH_LIST = re.compile(r"[,;&/]|\b(?:and|or)\b", re.IGNORECASE)


@_check("GV009")
def renderings_run_together(glossary: Glossary) -> Iterator[_Finding]:
    """A Chinese comma between two renderings of an enforced entry, which YAML reads as one.

    YAML lists are split at ASCII commas only; typed with a Chinese input method, the list is one
    rendering that no sentence holds, and check then fails on every sentence with the term."""
    for entry in glossary.terms:
        if entry.status is not Status.APPROVED or _ENGLISH_LIST.search(entry.source):
            continue  # a term that is a list itself (`carbon capture, utilization, and storage`) may be rendered as one
        for key in ("target", "forbidden"):
            for item, value in enumerate(getattr(entry, key)):
                if _LIST_SLIP.search(value):
                    pieces = ", ".join(piece.strip() for piece in _LIST_SLIP.split(value))
                    yield _Finding(entry, key, f'{key} "{value}" is one rendering to YAML, which splits a list at '
                                               f"ASCII commas only; if you meant several, list them: [{pieces}] in the file, "
                                               f"{pieces.replace(', ', ' / ')} in glossary review", item)


# Control characters (Unicode's category Cc: C0, DEL, C1) but the tab, which check reads as the
# space it shows as, and the line and paragraph separators. YAML writes them as escapes in double
# quotes ("\n", "\e"), so a term can hold one that no editor shows.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_NAMES = {"\n": "a line break", "\r": "a carriage return", "\x1b": "an escape",
                  "\u2028": "a line separator", "\u2029": "a paragraph separator"}


@_check("GV010")
def control_characters(glossary: Glossary) -> Iterator[_Finding]:
    """A control character (a line break, an escape) in a term.

    A term is one line of plain text. A line break or an ESC in one shows nowhere as itself: on a
    terminal an escape sequence can hide a word of the term or make it a link, and a line break
    in a message would start a line a CI runner may read as a command."""
    for entry in glossary.terms:
        for key, item, value in _term_spellings(entry):
            found = _CONTROL.search(value)
            if found is not None:
                control = found.group()
                name = _CONTROL_NAMES.get(control, "a control character")
                yield _Finding(entry, key, f"{key} {value!r} holds {name} (U+{ord(control):04X}); a term is "
                                           "one line of plain text: delete it", item)


@_check("GV011")
def approved_in_the_other_script(glossary: Glossary) -> Iterator[_Finding]:
    """An approved rendering plainly written in the other script than the glossary's language.

    A glossary for zh-TW, zh-HK or zh-Hant (or zh-CN, zh-Hans) says which script its renderings are
    in: export labels them so for CAT tools, and translators copy them. 操作系统 in a zh-TW glossary
    is a mainland term pasted in; check would still find it (it compares the scripts alike), so
    nothing else catches it. Plain zh says no script: nothing to hold the renderings to."""
    wanted = regional_target(glossary.languages)
    script = chinese_script(wanted) if wanted else None
    if script is None:
        return
    for entry in glossary.approved():
        for rendering in entry.allowed_targets():
            shown = written_script(rendering)
            if shown is not None and shown != script:
                config, converted = in_script(rendering, script, chinese_standard(wanted))
                yield _Finding(entry, "target", f'entry "{entry.source}" is approved as "{rendering}", which is in '
                                                f"{shown} script, in a glossary for {wanted} ({script}); write the "
                                                f'{wanted} rendering (OpenCC {config} reads it as "{converted}"), '
                                                "or change languages: target",
                               entry.target.index(rendering) if rendering in entry.target else None)


@_check("GV012")
def other_spaces(glossary: Glossary) -> Iterator[_Finding]:
    """A space other than the plain space (a no-break space, an ideographic space) inside a term.

    Word, web pages and CAT tools paste them in, and an editor shows them as plain spaces. check
    reads one as a space, but an export carries it into CAT tools, whose term search then misses
    the term typed with a plain space. At the ends of a term it is a stray space (GV005)."""
    for entry in glossary.terms:
        for key, item, value in _term_spellings(entry):
            inner = value.strip()
            found = OTHER_SPACES.search(inner)
            if found is not None:
                space = found.group()
                between_han = all(HAN.match(inner, at) for at in (found.start() - 1, found.end()))
                yield _Finding(entry, key, f'{key} "{_spaces_shown(value)}" holds the space '
                                           f"U+{ord(space):04X} ({unicodedata.name(space)}), which an export would "
                                           "carry into CAT tools, whose term search then misses it; "
                                           + ("delete it" if between_han else "write a plain space"), item)


@_check("GV013")
def term_in_typographic_quotes(glossary: Glossary) -> Iterator[_Finding]:
    """A term wrapped in typographic quotes (‘checkout’, “结账”), which YAML reads as part of it.

    Typed in TextEdit or Word, whose smart quotes turn ' and " into ‘ ’ and “ ”, the quotes stay
    in the term: check then looks for them, so an approved source is never found in the English
    and a correct translation without them is flagged."""
    for entry in glossary.terms:
        for key, item, value in _term_spellings(entry):
            quotes = typographic_quotes(value)
            if quotes is not None:
                yield _Finding(entry, key, f'{key} "{value}" is wrapped in the typographic quotes {quotes[0]} '
                                           f"{quotes[1]}, which YAML reads as part of the term, so check looks for "
                                           f"them too; write {value[1:-1]} without them (YAML quotes a value with "
                                           "ASCII \" or ' only)", item)


@_check("GV014")
def chinese_source(glossary: Glossary) -> Iterator[_Finding]:
    """An approved entry whose source is Chinese: written the other way round (`车网互动 → V2G`).

    check looks for the source in the English, so such an entry is never enforced, whichever way
    the files are translated; a team translating from Chinese writes it so naturally."""
    for entry in glossary.terms:
        if entry.status is not Status.APPROVED or not HAN.search(entry.source) or _LATIN.search(entry.source):
            continue
        swapped = len(entry.target) == 1 and not HAN.search(entry.target[0])
        how = (f"write it the other way round: source: {entry.target[0]}, target: {entry.source}" if swapped else
               "write the English term under source and its Chinese renderings under target")
        yield _Finding(entry, "source", f'entry "{entry.source}" has a Chinese source; an entry is an English term '
                                        f"(source) with its Chinese rendering (target), whichever way the files are "
                                        f"translated: {how}")


_LATIN = re.compile("[A-Za-z]")


def approved_and_rejected_whole(glossary: Glossary) -> list[tuple[Entry, Entry]]:
    """(approved entry, rejected entry) of each term approved in one entry and rejected in every
    rendering in another (`microorganism → 微生物` approved, `micro-organism` rejected with no
    target): check enforces the approval, but the file says both. A warning, not a problem: check
    reads only the approval, so a glossary holding this still checks as it did."""
    rejected_whole = [entry for entry in glossary.terms if entry.status is Status.REJECTED and not entry.target]
    if not rejected_whole:  # the common case, and grouping 50,000 entries takes a second
        return []
    found = []
    for group in term_groups([*glossary.approved(), *rejected_whole]):
        rejected = [entry for entry in group if entry.status is Status.REJECTED]
        for approved in (entry for entry in group if entry.status is Status.APPROVED):
            other = next((entry for entry in rejected if same_term(entry, approved)), None)
            if other is not None:
                found.append((approved, other))
    return found


def term_groups(entries: Iterable[Entry]) -> list[list[Entry]]:
    """Entries, in file order, grouped so that any two of the same term (same_term) share a group:
    those linked by a surface check could find them under, ignoring case."""
    entries = list(entries)
    group_of = list(range(len(entries)))  # union-find over entry numbers

    def root(number: int) -> int:
        while group_of[number] != number:
            group_of[number] = group_of[group_of[number]]
            number = group_of[number]
        return number

    first_with: dict[str, int] = {}
    for number, entry in enumerate(entries):
        for key in _group_keys(entry):
            group_of[root(number)] = root(first_with.setdefault(key, number))
    groups: dict[int, list[Entry]] = {}
    for number, entry in enumerate(entries):
        groups.setdefault(root(number), []).append(entry)
    return list(groups.values())


def _group_keys(entry: Entry) -> frozenset[str]:
    """What links an entry to others in term_groups: the forms of its source, or, for a source
    check finds under no form, the source itself."""
    return _forms(entry.source, False) or frozenset({"\0" + entry.source})


ENTRY_KEYS = (*ENTRY_FIELDS, *KNOWN_EXTRA, PATHS)
HEADER_KEYS = ("glossary", "languages", "generated", "terms")
CUSTOM_PREFIX = "x-"  # `x-reviewer: Li` is a key of one's own, never taken for a misspelling


def misspelt_key(key: str, known: Iterable[str]) -> str | None:
    """The known key an unknown one is a near miss of (`stauts`, `Status`, `keepsource`), else None.

    Keys of one's own stay allowed (`reviewer: Li`), but a misspelt `status` or `forbidden` would
    silently turn enforcement off, so a near miss is an error."""
    if key.startswith(CUSTOM_PREFIX) or key in known:
        return None
    spelt = key.strip().lower().replace("-", "_").replace(" ", "_")
    squashed = {name.replace("_", ""): name for name in known}
    if spelt in known or spelt.replace("_", "") in squashed:
        return spelt if spelt in known else squashed[spelt.replace("_", "")]
    reordered = {tuple(sorted(name.split("_"))): name for name in known if "_" in name}
    if "_" in spelt and tuple(sorted(spelt.split("_"))) in reordered:  # `forbidden_source`, `variants_source`
        return reordered[tuple(sorted(spelt.split("_")))]
    close = difflib.get_close_matches(spelt, list(known), n=1, cutoff=0.8)
    return close[0] if close else None


def misspelt_keys(glossary: Glossary, path: str) -> list[Problem]:
    """An error for each top-level or entry key that is a near miss of one the tool reads."""
    return _misspelt_header_keys(glossary, path) + _misspelt_entry_keys(glossary.terms, path)


def _misspelt_header_keys(glossary: Glossary, path: str) -> list[Problem]:
    problems = []
    header = getattr(glossary.origin, "header", None)
    for key in glossary.extra:
        meant = misspelt_key(str(key), HEADER_KEYS)
        if meant is not None and meant != "terms":  # a misspelt `terms:` the reader reports already
            span = header.spans.get(key) if header is not None else None
            line, column = EditorLines(header.text).of_mark(span.first, span.column) if span is not None else (1, 1)
            problems.append(Problem(path, line, column, _unknown_key_message(key, meant)))
    return problems


def _misspelt_entry_keys(entries: Iterable[Entry], path: str) -> list[Problem]:
    problems = []
    for entry in entries:
        for key in entry.extra:
            meant = misspelt_key(str(key), ENTRY_KEYS)
            if meant is not None:
                line, column = entry.position(key)
                problems.append(Problem(path, line, column, _unknown_key_message(key, meant)))
    return problems


def _unknown_key_message(key: object, meant: str) -> str:
    return (f"unknown key '{key}'; did you mean '{meant}'? (a key of your own, not a typo, is "
            f"written '{CUSTOM_PREFIX}{key}')")


def validate_glossary(glossary: Glossary, path: str) -> list[Problem]:
    """Every semantic problem in a loaded glossary, in file order.

    Entries without source text are left out: the reader reports them, and an entry that names no
    term cannot conflict with another (without this, every such entry was "approved twice").
    """
    return validate_glossary_and_warnings(glossary, path)[0]


def validate_glossary_and_warnings(glossary: Glossary, path: str) -> tuple[list[Problem], list[Problem]]:
    """validate_glossary's problems and unenforced_problems' warnings, from one run of the checks."""
    with collector_paused():
        problems, warnings = _entry_findings(glossary, path)
        return (_in_file_order(language_problems(glossary, path) + _misspelt_header_keys(glossary, path) + problems),
                _in_file_order(warnings))


# The code of a glossary whose `languages:` put Chinese first: a problem of the whole file, not of
# an entry (CHECKS), with a code all the same, so CI that filters on codes sees it (GV014 is the
# same mistake made in one entry).
CHINESE_FIRST_LANGUAGES = "GV015"


def language_problems(glossary: Glossary, path: str) -> list[Problem]:
    """A glossary is English terms with their renderings: one written the other way round
    (`languages: {source: zh-CN, target: en}`, as a team translating from Chinese may write it)
    would pass while check matched none of its terms, so CI stayed green (GV015)."""
    source, target = str(glossary.languages.get("source", "en")), str(glossary.languages.get("target", "zh"))
    if not (language_matches(source, "zh") and language_matches(target, "en")):
        return []
    header = getattr(glossary.origin, "header", None)
    span = header.spans.get("languages") if header is not None else None
    line, column = EditorLines(header.text).of_mark(span.first, span.column) if span is not None else (1, 1)
    return [Problem(path, line, column, f"languages: {source} to {target}; a glossary holds English terms (source: "
                                        "en) with their Chinese renderings (target: zh), whichever way the files are "
                                        "translated: write each entry the other way round, the English term under "
                                        "source and its Chinese rendering under target",
                    code=CHINESE_FIRST_LANGUAGES)]


# The checks of what check and export would act on: an entry's own fields (GV003, GV005, GV008,
# GV012, GV013), its variants beside another entry's terms (GV006), a rendering it forbids that
# another requires (GV007). What they find on a candidate or a rejected entry, or between an entry
# and one, is a warning, not a problem: check and export read approved entries only, so a team is
# not kept from checking by an entry nobody has reviewed yet (as for a repeated candidate,
# duplicates_undecided). Approving the entry makes it a problem, which approve and review refuse.
# A control character (GV010) is a problem wherever it is: a hazard wherever the term is shown.
WARNING_UNLESS_APPROVED = ("GV003", "GV005", "GV006", "GV007", "GV008", "GV012", "GV013")


def _unenforced(code: str, finding: _Finding) -> bool:
    """Whether a finding is about an entry check and export do not read (WARNING_UNLESS_APPROVED)."""
    return code in WARNING_UNLESS_APPROVED and any(
        entry is not None and entry.status is not Status.APPROVED for entry in (finding.entry, finding.other))


def _entry_problems(glossary: Glossary, path: str, *, of: Iterable[Entry] | None = None) -> list[Problem]:
    """The problems of the glossary's entries, or of those in `of` only (found in this glossary)."""
    return _entry_findings(glossary, path, of=of)[0]


def _entry_findings(glossary: Glossary, path: str, *, of: Iterable[Entry] | None = None
                    ) -> tuple[list[Problem], list[Problem]]:
    """The problems of the glossary's entries (or of those in `of`), and the warnings of what the
    checks find on entries nobody approved (unenforced_problems): the checks run once for both."""
    wanted = None if of is None else {id(entry) for entry in of}
    entries = glossary.terms if wanted is None else [entry for entry in glossary.terms if id(entry) in wanted]
    problems, warnings = _misspelt_entry_keys(entries, path), []
    named = Glossary(terms=[entry for entry in glossary.terms if entry.source.strip()], languages=glossary.languages)
    for code, check in CHECKS.items():
        for finding in check(named):
            if wanted is not None and id(finding.entry) not in wanted:
                continue
            if _unenforced(code, finding):
                warnings.append(_unenforced_warning(code, finding, path))
            else:
                line, column = finding.entry.position(finding.key, finding.item)
                problems.append(Problem(path, line, column, finding.message, code=code))
    return problems, warnings


def unenforced_problems(glossary: Glossary, path: str, *, statuses: Iterable[Status] | None = None) -> list[Problem]:
    """What WARNING_UNLESS_APPROVED checks find on candidates and rejected entries (of `statuses`
    only, when given), in file order, each saying why it stops nothing: validate warns of them,
    and check and export go on."""
    if all(entry.status is Status.APPROVED for entry in glossary.terms):
        return []
    with collector_paused():
        named = Glossary(terms=[entry for entry in glossary.terms if entry.source.strip()],
                         languages=glossary.languages)
        return _in_file_order([_unenforced_warning(code, finding, path) for code in WARNING_UNLESS_APPROVED
                               for finding in CHECKS[code](named) if _unenforced(code, finding)
                               and (statuses is None or _unread(finding).status in statuses)])


def _unread(finding: _Finding) -> Entry:
    """The entry of an unenforced finding that nobody approved (its own, or the other one)."""
    return next(entry for entry in (finding.entry, finding.other) if entry.status is not Status.APPROVED)


def _unenforced_warning(code: str, finding: _Finding, path: str) -> Problem:
    line, column = finding.entry.position(finding.key, finding.item)
    unread = _unread(finding)
    whose = "the entry is" if unread is finding.entry else f"the entry at line {_line(unread)} is"
    return Problem(path, line, column, f"{finding.message} ({whose} {_status_told(unread)}: check and export read "
                                       "approved entries only, so this stops nothing, but approving it is refused "
                                       "until it is mended)", code=code)


def _status_told(entry: Entry) -> str:
    return "a candidate" if entry.status is Status.CANDIDATE else entry.status.value


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: (problem.line, problem.column, problem.code))


class ValidationIndex:
    """A glossary validated whole once, then again only where a decision changes it.

    A decision (a status, a target, a new entry) can give or take a problem only on the entries
    it changes and on those it meets: the entries of the same term, which GV002, GV004 and GV007
    compare, and those holding a variant check reads as its source or one of its variants (GV006).
    `new_problems` validates just those, in a glossary of their own, with the verdicts
    validate_glossary gives them: validating all 50,000 entries of a termbase after each review key
    took 3.7 s. Entries keep their places (decisions change entries in place or append them),
    and their sources and variants: these are indexed as they were when first seen."""

    def __init__(self, glossary: Glossary, path: str) -> None:
        self.glossary = glossary
        self.path = path
        self.problems = validate_glossary(glossary, path)  # those the glossary had when indexed
        self._had = {str(problem) for problem in self.problems}
        self._position: dict[int, int] = {}  # id(entry) -> its place in glossary.terms
        self._root: list[int] = []  # union-find over places, linking entries as term_groups does
        self._members: dict[int, list[int]] = {}  # root -> the places of its group
        self._first_with: dict[str, int] = {}
        self._by_form: dict[str, list[int]] = {}  # a form of a source or a variant -> the places holding it
        with collector_paused():
            self._index_new_entries()

    def new_problems(self, *changed: Entry) -> list[Problem]:
        """The problems, on `changed` and the entries they meet, that the glossary did not have
        when indexed (exactly those validate_glossary would add); empty when the change is safe."""
        return [problem for problem in self.problems_near(*changed) if str(problem) not in self._had]

    def problems_near(self, *changed: Entry) -> list[Problem]:
        """What validate_glossary finds, as the glossary stands now, on `changed` and on every entry
        a change to their statuses or renderings can give or take a problem, in file order."""
        self._index_new_entries()
        affected = {near for entry in changed for near in self._meeting(self._position[id(entry)])}
        around = affected | {near for place in affected for near in self._meeting(place)}
        terms = self.glossary.terms
        small = Glossary(terms=[terms[place] for place in sorted(around)], languages=self.glossary.languages)
        return _in_file_order(_entry_problems(small, self.path, of=[terms[place] for place in affected]))

    def _meeting(self, place: int) -> set[int]:
        """The entry at `place`, its term group (all statuses) and the entries sharing a form with its
        source or variants: all a check compares it with, so its verdicts come out as in the whole."""
        entry = self.glossary.terms[place]
        met = set(self._members[self._find(place)])
        for text in (entry.source, *entry.source_variants):
            for form in _forms(text, False):
                met.update(self._by_form[form])
        return met

    def _index_new_entries(self) -> None:
        """Index the entries appended since (decide adds one for a new term or a rejected rendering)."""
        for place in range(len(self._root), len(self.glossary.terms)):
            entry = self.glossary.terms[place]
            self._position[id(entry)] = place
            self._root.append(place)
            self._members[place] = [place]
            for key in _group_keys(entry):
                self._join(place, self._first_with.setdefault(key, place))
            for text in (entry.source, *entry.source_variants):
                for form in _forms(text, False):
                    self._by_form.setdefault(form, []).append(place)

    def _find(self, place: int) -> int:
        while self._root[place] != place:
            self._root[place] = self._root[self._root[place]]
            place = self._root[place]
        return place

    def _join(self, place: int, other: int) -> None:
        first, second = self._find(place), self._find(other)
        if first == second:
            return
        if len(self._members[first]) < len(self._members[second]):
            first, second = second, first
        self._members[first] += self._members.pop(second)
        self._root[second] = first


def validate_file(path: str, *, empty_ok: bool = False) -> tuple[Glossary, list[Problem]]:
    """Schema problems and the semantic ones found in what could be read, in file order.

    An empty or comment-only file, or one without a `terms:` list, is a problem unless `empty_ok`
    (merge fills such a file). Raises GlossaryFileError only when the file cannot be read as text at all.
    """
    glossary, problems, _ = validate_file_and_warnings(path, empty_ok=empty_ok)
    return glossary, problems


def validate_file_and_warnings(path: str, *, empty_ok: bool = False
                               ) -> tuple[Glossary, list[Problem], list[Problem]]:
    """validate_file's glossary and problems, and the warnings of unenforced_problems, from one
    run of the checks (a 50,000-entry glossary takes seconds to check)."""
    text = read_glossary_text(path)
    glossary, problems = parse_glossary(text, path)
    if not glossary.terms and not problems and not empty_ok:
        problems = _no_terms_list(text, path)
    # An entry with a value the reader refused (target: 1.0) is checked once that is mended: it
    # would otherwise also be "approved but has no target", a problem that is not there.
    starts = sorted(entry.line for entry in glossary.terms if entry.line)
    refused_in = {starts[bisect_right(starts, problem.line) - 1] for problem in problems
                  if starts and problem.line >= starts[0]}
    readable = replace(glossary, terms=[entry for entry in glossary.terms if entry.line not in refused_in])
    found, warnings = validate_glossary_and_warnings(readable, path)
    return glossary, sorted(problems + found, key=lambda problem: (problem.line, problem.column)), warnings


def _no_terms_list(text: str, path: str) -> list[Problem]:
    """Why a glossary with no entries is not one (empty: no problem): a file emptied by mistake
    (`> file`, a conflict resolved by deleting everything) must not pass CI as a glossary that
    enforces nothing, while `terms: []` says on purpose that there are no entries yet."""
    lines = text.lstrip("\ufeff").splitlines()
    if all(not line.strip() or line.lstrip().startswith("#") for line in lines):
        what = "is empty" if not any(line.strip() for line in lines) else "holds only comments"
        return [Problem(path, 1, 1, f"the file {what}; a glossary has `glossary: 1`, `languages:` and a `terms:` list "
                                    "(`terms: []` while it has no entries)")]
    text = text.lstrip("\ufeff")
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    terms = next(((key, value) for key, value in root.value if key.value == "terms"), None) \
        if isinstance(root, yaml.MappingNode) else None
    if terms is None:
        return [Problem(path, 1, 1, "no 'terms:' list; add `terms: []` (no entries yet) or the entries")]
    key, value = terms
    if not isinstance(value, yaml.SequenceNode):
        return [Problem(path, *EditorLines(text).of_mark(key.start_mark.line, key.start_mark.column),
                        "'terms:' holds no list; write `terms: []` for a glossary with no entries yet")]
    return []


def _repeated(values: list[str], same: Callable[[str, str], bool]) -> list[list[tuple[int, str]]]:
    """(list item, value) of values that are the `same` as an earlier one, grouped with it, by the
    first value; blank and space-padded values (reported on their own) left out. A value joins a
    group when it is the same as any of its members: `dataset` is `data-set`'s closed spelling,
    and so one wording with `data set`, which it does not meet alone."""
    groups: list[list[tuple[int, str]]] = []
    for item, value in enumerate(values):
        if not value.strip() or value != value.strip():
            continue
        group = next((group for group in groups if any(same(member, value) for _, member in group)), None)
        if group is None:
            groups.append([(item, value)])
        else:
            group.append((item, value))
    return sorted((group for group in groups if len(group) > 1), key=lambda group: group[0][1])


def _as(earlier: Entry, entry: Entry) -> str:
    """Where two entries' sources differ beyond case, how the earlier one is written."""
    return f' as "{earlier.source}"' if earlier.source.casefold() != entry.source.casefold() else ""


def _shown(targets: list[str]) -> str:
    return " / ".join(f'"{target}"' for target in targets) if targets else "no target"
