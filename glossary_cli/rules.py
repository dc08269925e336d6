"""The rules `glossary check` enforces: small pure functions, each with a stable ID, a one-line
title (the first docstring line) and a severity.

A rule looks at one `TermHit` (an approved term found in the source of one pair, with the
renderings found in its target) and returns a `Violation` when the pair breaks the rule, else
None. Each rule checks one direction of translation: English into Chinese (a `TermHit`), or, for
a file translated from Chinese, Chinese into English (a `ChineseTermHit`: an approved rendering
found in the Chinese, with what the English holds of its term). IDs never change meaning; a
retired rule's ID is not reused.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from .errors import UsageError
from .matching import ChineseTermHit, TermHit


class Severity(str, Enum):
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Violation:
    """What a rule says about a pair: a message for people, and the offending text if any."""

    message: str
    found: tuple[str, ...] = ()
    at: int | None = None  # where in the translation the offending text starts, when it has one


class Direction(str, Enum):
    """Which way the pairs a rule checks were translated: a rule's fix is always in the translation."""

    FROM_ENGLISH = "en->zh"
    FROM_CHINESE = "zh->en"


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    title: str
    severity: Severity
    function: Callable[[TermHit], Violation | None] | Callable[[ChineseTermHit], Violation | None]
    optional: bool = False  # runs only when asked for (--strict-count)
    direction: Direction = Direction.FROM_ENGLISH  # the pairs it checks, and so the hits it is given
    # The rule that reports a forbidden wording in this one's place; when a run does not apply it
    # (--ignore GL002, --select GL001), this rule reports the pair as if nothing forbidden were there.
    steps_aside_for: str | None = None

    def __call__(self, hit: TermHit | ChineseTermHit) -> Violation | None:
        return self.function(hit)


RULES: dict[str, Rule] = {}


def check(rule_id: str, severity: Severity, *, optional: bool = False,
          direction: Direction = Direction.FROM_ENGLISH, steps_aside_for: str | None = None) -> Callable:
    """Register a rule under a stable ID; its title is the first line of its docstring."""

    def register(function: Callable) -> Rule:
        title = (function.__doc__ or function.__name__).strip().splitlines()[0].rstrip(".")
        rule = Rule(rule_id, function.__name__.replace("_", "-"), title, severity, function, optional, direction,
                    steps_aside_for)
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULES[rule_id] = rule
        return rule

    return register


def _quoted(texts: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f'"{text}"' for text in texts)


@check("GL001", Severity.ERROR, steps_aside_for="GL002")
def missing_approved_target(hit: TermHit) -> Violation | None:
    """Approved term not rendered with an approved target.

    Skipped when a forbidden rendering explains the gap (GL002 reports it, or, in a run without
    GL002, this rule after all: steps_aside_for) and for keep_source terms (GL003).
    """
    entry = hit.entry
    if entry.keep_source or hit.targets or hit.forbidden or not entry.target:
        return None
    message = f'"{hit.source[0].text}" should be translated as {_quoted(entry.target)}'
    at = None
    if hit.split:  # say why visible characters do not count: 积分 in 累积分布 is no integral
        cuts = dict.fromkeys(f'"{hit.pair.target[split.start:split.end]}" occurs only inside the words {split.text}'
                             for split in hit.split)
        message += f' ({"; ".join(cuts)})'
        at = hit.split[0].start
    elif hit.variant:  # 游戲 for 遊戲: the characters a Traditional glossary's spelling asks for matter
        shown = dict.fromkeys(f'"{hit.pair.target[variant.start:variant.end]}"' for variant in hit.variant)
        message += f' ({", ".join(shown)} {"is" if len(shown) == 1 else "are"} written with other variant characters)'
        at = hit.variant[0].start
    elif (at := _kept_in_english(hit)) is not None:  # MERS left as MERS: the translator's choice, or the glossary's to revisit
        message += " (the translation keeps it in English)"
    return Violation(message, at=at)


def _kept_in_english(hit: TermHit) -> int | None:
    """Where the target holds the English term as written in the source, not inside a longer
    Latin word (Chinese text writes it right beside Han characters: MERS病毒)."""
    term = hit.source[0].text
    found = re.search(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", hit.pair.target, re.IGNORECASE)
    return found.start() if found else None


@check("GL002", Severity.ERROR)
def forbidden_rendering(hit: TermHit) -> Violation | None:
    """Forbidden rendering used for an approved term."""
    if not hit.forbidden:
        return None
    found = tuple(dict.fromkeys(occurrence.text for occurrence in hit.forbidden))
    expected = hit.entry.allowed_targets()
    advice = f"; use {_quoted(expected)}" if expected else ""
    return Violation(f'"{hit.source[0].text}" is rendered as forbidden {_quoted(found)}{advice}', found,
                     at=min(occurrence.start for occurrence in hit.forbidden))


@check("GL003", Severity.ERROR, steps_aside_for="GL002")
def keep_source_translated(hit: TermHit) -> Violation | None:
    """Term that must stay in English was translated."""
    entry = hit.entry
    if not entry.keep_source or hit.targets or hit.forbidden:
        return None
    return Violation(f'"{hit.source[0].text}" must be kept as {_quoted(entry.allowed_targets())} in the translation')


@check("GL004", Severity.WARNING, optional=True)
def target_count_mismatch(hit: TermHit) -> Violation | None:
    """Term occurs more often in the source than its targets in the translation."""
    mentions, targets = _mentions(hit.source, hit.pair.source), _mentions(hit.targets, hit.pair.target)
    if not hit.targets or mentions <= targets:
        return None
    return Violation(f'"{hit.source[0].text}" occurs {mentions} times in the source but its targets '
                     f'{_quoted(hit.entry.allowed_targets())} only {targets} '
                     f'time{"s" if targets != 1 else ""} in the translation')


@check("GL005", Severity.ERROR, direction=Direction.FROM_CHINESE, steps_aside_for="GL007")
def missing_approved_english(hit: ChineseTermHit) -> Violation | None:
    """Chinese term not translated with its approved English.

    Checks files translated from Chinese: an approved entry's rendering in the Chinese asks for the
    entry's English term (or a variant spelling of it) in the English. Entries that share the
    rendering are one hit, which any of their terms satisfies. A rendering without a Han character
    that the English keeps as written (`AI`) is translated. Skipped when a wording the entry forbids
    explains the gap (GL007 reports it, unless the run leaves GL007 out), as GL001 leaves a
    forbidden rendering to GL002.
    """
    untranslated = hit.untranslated()
    if not untranslated or hit.forbidden or all(entry.keep_source for entry in hit.entries):
        return None  # a kept term (keep_source) is GL007's alone: found only where it forbids a wording
    return Violation(f'"{untranslated[0].text}" should be translated as {_quoted(hit.english_spellings())}')


@check("GL006", Severity.WARNING, optional=True, direction=Direction.FROM_CHINESE)
def english_count_mismatch(hit: ChineseTermHit) -> Violation | None:
    """Chinese term occurs more often than its approved English in the translation.

    GL004 for files translated from Chinese: 绿色转型 twice in the Chinese and `green transition`
    once in the English may have one of them translated otherwise. A rendering the English keeps
    as written (`AI`) counts as translated; no English at all is GL005's finding.
    """
    english = _mentions(_outermost(hit.english), hit.pair.source)
    rendered = _mentions([occurrence for occurrence in hit.chinese if occurrence not in hit.kept], hit.pair.target)
    if not english or rendered <= english:
        return None
    return Violation(f'"{hit.chinese[0].text}" occurs {rendered} times in the Chinese but '
                     f'{_quoted(hit.english_spellings())} only {english} time{"s" if english != 1 else ""} '
                     "in the translation", at=hit.english[0].start)


@check("GL007", Severity.ERROR, direction=Direction.FROM_CHINESE)
def forbidden_english(hit: ChineseTermHit) -> Violation | None:
    """Chinese term translated with an English wording its entry forbids.

    GL002 for files translated from Chinese: 绿色转型 approved as `green transition`, with
    `source_forbidden: [green transformation]`, and the English says "green transformation". For
    a term kept in English (keep_source: `V2G` forbidding `vehicle-to-grid`), the Chinese holds it
    as written and the English is to keep it: "Vehicle-to-grid technology" for V2G技术 is the finding.
    """
    if not hit.forbidden:
        return None
    found = tuple(dict.fromkeys(occurrence.text for occurrence in hit.forbidden))
    spellings = _quoted(hit.english_spellings())
    kept = all(entry.keep_source for entry in hit.entries) and hit.chinese[0].text.casefold() in {
        spelling.casefold() for spelling in hit.english_spellings()}  # V2G in the Chinese, not its rendering 车网互动
    advice = f"keep {spellings} as written" if kept else f"use {spellings}"
    return Violation(f'"{hit.chinese[0].text}" is translated as forbidden {_quoted(found)}; {advice}', found,
                     at=hit.forbidden[0].start)


def _outermost(occurrences) -> list:
    """The occurrences not inside another: `coronavirus` inside `coronavirus disease`, both terms
    of one hit, is one mention."""
    return [occurrence for occurrence in occurrences
            if not any(other.start <= occurrence.start and occurrence.end <= other.end
                       and (other.start, other.end) != (occurrence.start, occurrence.end) for other in occurrences)]


_GLOSS_OPENING = re.compile(r"\s*[(（]\s*")


def _mentions(occurrences, text: str) -> int:
    """How many times a term is mentioned: an occurrence glossed right after in brackets by another
    spelling of the same term (`车网互动（V2G）`, `Vehicle-to-Grid (V2G)`) is one mention."""
    ordered = sorted(occurrences, key=lambda occurrence: occurrence.start)
    glossed = sum(1 for before, after in zip(ordered, ordered[1:])
                  if _GLOSS_OPENING.fullmatch(text, before.end, after.start))
    return len(ordered) - glossed


ALL = "ALL"  # the selector of every rule, optional ones included


def enabled_rules(*, strict_count: bool = False, select: Iterable[str] | None = None,
                  ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules a run applies, in ID order.

    As ruff reads --select and --ignore: a selector is a rule ID, a prefix of IDs (`GL00`) or ALL.
    Without `select` the default rules run (the optional ones only when asked for: GL004 and GL006
    with `strict_count`); `select` replaces them. Where a selected and an ignored selector both name
    a rule, the more specific one decides (`--ignore GL --select GL002` runs GL002 alone), and of
    two as specific, ignore. An unknown selector is an UnknownRuleError, never skipped.
    """
    chosen: dict[str, tuple[int, bool]] = {}  # rule ID -> (specificity, enabled) of what decided it

    def decide(selector: str, enabled: bool) -> None:
        weight = 0 if _selector(selector) == ALL else len(_selector(selector))
        for rule in rules_named(selector):
            if rule.id not in chosen or weight > chosen[rule.id][0] or (weight == chosen[rule.id][0] and not enabled):
                chosen[rule.id] = (weight, enabled)

    if select is None:
        for rule in RULES.values():
            chosen[rule.id] = (-1, not rule.optional)
    else:
        for selector in select:
            decide(selector, True)
    if strict_count:  # --strict-count is --extend-select GL004,GL006, whatever --select said
        decide("GL004", True)
        decide("GL006", True)
    for selector in ignore:
        decide(selector, False)
    return [rule for rule_id, rule in sorted(RULES.items()) if chosen.get(rule_id, (0, False))[1]]


class UnknownRuleError(UsageError):
    """A --select or --ignore value that names no rule."""


def rules_named(selector: str) -> list[Rule]:
    """The rules a selector names: ALL, a rule ID or a prefix of IDs (case ignored)."""
    wanted = _selector(selector)
    found = [rule for rule_id, rule in sorted(RULES.items()) if wanted == ALL or rule_id.startswith(wanted)]
    if not found or not wanted:
        known = ", ".join(f"{rule.id} ({rule.name})" for _, rule in sorted(RULES.items()))
        shown = f'"{selector}"' if selector.strip() else "an empty rule ID"
        raise UnknownRuleError(f"{shown} names no rule; the rules are {known}, or ALL "
                               "(a prefix such as GL00 names every rule it starts)")
    return found


def _selector(text: str) -> str:
    return text.strip().upper()
