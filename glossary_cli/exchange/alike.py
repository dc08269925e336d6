"""Renderings of one term that check reads as the same, folded into one as a termbase is imported.

A CAT tool's term recognition is literal, so memoQ and Trados termbases list the spacing, width
and script variants of a rendering on purpose (`PIN码`, `PIN 码`). check reads them as one, and
validate refuses a glossary listing both (`keep one`); the termbase is not wrong for listing them,
so import keeps one, under which check finds the others, and says so in one warning: the first
as written, or, imported into a glossary that spells the term's rendering one of those ways, the
glossary's spelling (so the merge meets the rendering it holds, not a conflict). Targets are
folded among targets and forbidden renderings among forbidden ones; a rendering allowed in one
spelling and forbidden in another stays validate's error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..glossary import Entry, Glossary
from ..normalize import OTHER_SPACES
from ..safe_text import with_code_points

FOLDED_FIELDS = ("target", "forbidden")


@dataclass(frozen=True)
class Folded:
    """Renderings of an entry's field left out for one that check reads the same."""

    entry: Entry
    field: str  # "target" or "forbidden"
    listed: tuple[str, ...]  # as the file lists them, in its order
    kept: str
    line: int | None  # where the file lists the first one left out
    spelled_as_glossary: bool  # kept as the glossary imported into spells it, not as the first


def fold_renderings_read_alike(glossary: Glossary, *, path: str, on_warning: Callable[[str], None],
                               line_of: Callable[[Entry, str, str], int | None] | None = None,
                               spelled_as: Glossary | None = None) -> None:
    """Keep, in place, one of each entry's targets (and of its forbidden renderings) that check
    reads as the same: the first, or the one `spelled_as` (the glossary the file is imported into)
    writes for the same term; one warning says what was left out. `line_of(entry, field,
    rendering)` is where the file lists a rendering (the entry's line when it says None)."""
    from ..validate import rendering_key_of  # how check tells renderings apart, as validate refuses them

    _plain_spaces(glossary, path=path, on_warning=on_warning, line_of=line_of)
    key = rendering_key_of(glossary)
    same_term_in = _finder(spelled_as)
    folded: list[Folded] = []
    for entry in glossary.terms:
        for field in FOLDED_FIELDS:
            groups: dict[str, list[str]] = {}  # key -> the renderings with it, in file order
            for rendering in getattr(entry, field):
                groups.setdefault(key(rendering) or "\0" + rendering, []).append(rendering)  # no key: alone
            if all(len(group) == 1 for group in groups.values()):
                continue
            glossary_spells = {rendering for other in same_term_in(entry) for rendering in getattr(other, field)}
            kept = []
            for group in groups.values():
                chosen = next((rendering for rendering in group if rendering in glossary_spells), group[0])
                kept.append(chosen)
                if len(group) > 1:
                    first_left_out = next(rendering for rendering in group if rendering != chosen)
                    line = (line_of(entry, field, first_left_out) if line_of else None) or entry.line
                    folded.append(Folded(entry, field, tuple(group), chosen, line, chosen != group[0]))
            setattr(entry, field, kept)
    _warn_about_folded(folded, path, on_warning)


def _plain_spaces(glossary: Glossary, *, path: str, on_warning: Callable[[str], None],
                  line_of: Callable[[Entry, str, str], int | None] | None) -> None:
    """Write a no-break, ideographic or other space inside a term as a plain one, in place, with one
    warning: check reads them alike, validate refuses the others in a glossary (an export would
    carry them into CAT tools), and a termbase typed in Word holds them without meaning to."""
    changed: list[tuple[Entry, str, str]] = []  # (entry, field, the spelling as the file writes it)
    for entry in glossary.terms:
        if OTHER_SPACES.search(entry.source):
            changed.append((entry, "source", entry.source))
            entry.source = OTHER_SPACES.sub(" ", entry.source)
        for field in (*FOLDED_FIELDS, "source_variants"):
            spellings = getattr(entry, field)
            if any(OTHER_SPACES.search(spelling) for spelling in spellings):
                changed += [(entry, field, spelling) for spelling in spellings if OTHER_SPACES.search(spelling)]
                setattr(entry, field, [OTHER_SPACES.sub(" ", spelling) for spelling in spellings])
    if not changed:
        return
    entry, field, spelling = changed[0]
    line = (line_of(entry, field, spelling) if line_of and field != "source" else None) or entry.line
    where = f"{path}:{line}" if line else path
    shown = with_code_points(spelling, OTHER_SPACES.findall(spelling))
    more = f" ({len(changed):,} spellings in all)" if len(changed) > 1 else ""
    on_warning(f'{where}: {field} "{shown}" holds a space other than the plain one; imported with a plain space, '
               f"which check reads alike{more}")


def _finder(spelled_as: Glossary | None) -> Callable[[Entry], list[Entry]]:
    """The glossary's entries for an entry's term (none without a glossary), its index built on
    first use: most termbases fold nothing."""
    found: list[Callable[[Entry], list[Entry]]] = []

    def same_term_in(entry: Entry) -> list[Entry]:
        if spelled_as is None or not spelled_as.terms:
            return []
        if not found:
            from .into import entries_of_the_same_term

            found.append(entries_of_the_same_term(spelled_as))
        return found[0](entry)

    return same_term_in


def _warn_about_folded(folded: list[Folded], path: str, on_warning: Callable[[str], None]) -> None:
    """One warning at the first place a rendering was left out: that term (each of its fields), and
    how many terms more."""
    if not folded:
        return
    first = min(folded, key=lambda each: each.line or 0)
    where = f"{path}:{first.line}" if first.line else path
    terms = len({id(each.entry) for each in folded})
    if terms == 1:
        kept = [each.kept for each in folded]
        others = [rendering for each in folded for rendering in each.listed if rendering != each.kept]
        how = " (the glossary's spelling)" if any(each.spelled_as_glossary for each in folded) else ""
        on_warning(f"{where}: {_listing(folded)}, which check reads as the same; imported as {_and(kept)} "
                   f"alone{how}, under which check finds {_and(others)} too")
    else:
        which = ("one alone (the glossary's spelling where it has one, else the first)"
                 if any(each.spelled_as_glossary for each in folded) else "the first alone")
        on_warning(f"{where}: {terms:,} terms list renderings that check reads as the same; each imported with "
                   f"{which}, under which check finds the others too (first one here: {_listing([first])})")


def _listing(folded: list[Folded]) -> str:
    """`"PIN" lists target "PIN码" and "PIN 码"`, and `, and forbidden ...` for the entry's other field."""
    fields = ", and ".join(f"{each.field} {_and(each.listed)}" for each in folded)
    return f'"{folded[0].entry.source}" lists {fields}'


def _and(renderings: tuple[str, ...] | list[str]) -> str:
    """`"a"`, `"a" and "b"`, `"a", "b" and "c"`."""
    shown = [f'"{rendering}"' for rendering in renderings]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
