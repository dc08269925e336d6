"""An imported termbase read against the glossary it is merged into.

A CAT tool exports what it holds, not what the glossary says: a rendering equal to the English
with no keep_source mark, a ban added to a term with no row for the term's target, only the
preferred one of an approved entry's targets. Each is read here as the glossary it goes into
means it, so that the merge meets decisions, not gaps:

- an unmarked target equal to the source is keep_source where the glossary says keep_source;
- a term the file only forbids renderings of joins the glossary's approved entry (else its
  candidate): the ban is added there, where check enforces it, not as a new target-less entry;
- an approved term listing some of the targets the glossary approves (and no other) keeps them
  all, with a warning: a termbase that holds only the preferred rendering is no conflict.
"""

from __future__ import annotations

from collections.abc import Callable

from ..glossary import Entry, Glossary, Status
from ..matching import chinese_pattern
from . import READ_PROGRESS_EVERY, ImportProgress, ImportStage


def read_against(imported: Glossary, into: Glossary, *, path: str, into_name: str,
                 on_warning: Callable[[str], None], progress: ImportProgress | None = None) -> None:
    """Adjust `imported`, in place, to what `into` says of the same terms (see the module docstring);
    `progress` hears how many of its entries are done."""
    total = len(imported.terms)
    same_term_in_into = entries_of_the_same_term(into)  # before the stage's clock starts: its rate is entries
    completed: list[tuple[Entry, list[str]]] = []  # (entry, the targets it listed) for the warning
    for done, entry in enumerate(imported.terms):
        if progress is not None and done % READ_PROGRESS_EVERY == 0:
            progress(ImportStage.MATCHING, done, total)
        same = same_term_in_into(entry)
        _source_as_target_like(entry, same)
        if not entry.target and not entry.keep_source and entry.forbidden:
            _ban_on_a_known_term(entry, same)
        elif entry.status is Status.APPROVED:
            listed = list(entry.target)
            if _some_of_the_approved_targets(entry, same):
                completed.append((entry, listed))
    if progress is not None:
        progress(ImportStage.MATCHING, total, total)
    _warn_about_completed(completed, path, into_name, on_warning)


def entries_of_the_same_term(into: Glossary) -> Callable[[Entry], list[Entry]]:
    """What finds `into`'s entries for an entry's term, as validate and merge match them, in file
    order: merge's index of `into`, built once, so each imported entry meets only its own term's
    entries (scanning the glossary for each took minutes for 10,000 terms)."""
    from ..merge import TermIndex

    index = TermIndex(into)

    def same_term_in_into(entry: Entry) -> list[Entry]:
        return [into.terms[position] for position in index.same_term_as(entry)]

    return same_term_in_into


def _source_as_target_like(entry: Entry, same: list[Entry]) -> None:
    """Read an unmarked target equal to the source as keep_source where the glossary's entry for
    that spelling (`same` holds its entries for the term) says keep_source."""
    if entry.keep_source or entry.source not in entry.target:
        return
    spelled_so = Glossary(terms=same).find(entry.source)  # find's rule (this spelling, or its case), among the term's
    model = next((other for other in spelled_so if other.keep_source and other.source not in other.target), None)
    if model is not None:
        entry.target.remove(entry.source)
        entry.keep_source = True


def _ban_on_a_known_term(entry: Entry, same: list[Entry]) -> None:
    """A term the file only forbids renderings of takes the targets of the glossary's approved
    entry for it (else of its candidate), so the merge adds the ban there. A ban on a rendering
    that entry allows is left as it is, for the merge to report as a conflict."""
    owner = next((other for other in same if other.status is Status.APPROVED), None) \
        or next((other for other in same if other.status is Status.CANDIDATE and other.allowed_targets()), None)
    if owner is not None and not _readings(entry.forbidden) & _readings(owner.allowed_targets()):
        entry.target, entry.keep_source, entry.status = list(owner.target), owner.keep_source, owner.status


def _some_of_the_approved_targets(entry: Entry, same: list[Entry]) -> bool:
    """An approved term listing some of the targets the glossary approves for it, and no other,
    takes them all; True when it did."""
    allowed = set(entry.allowed_targets())
    for other in same:
        if other.status is Status.APPROVED and other.keep_source == entry.keep_source \
                and allowed and allowed < set(other.allowed_targets()):
            entry.target = list(other.target)
            return True
    return False


def _warn_about_completed(completed: list[tuple[Entry, list[str]]], path: str, into_name: str,
                          on_warning: Callable[[str], None]) -> None:
    """One warning for the terms that listed only some of their approved targets, showing the first."""
    if not completed:
        return
    entry, listed = completed[0]
    where = f"{path}:{entry.line}" if entry.line else path
    first = (f'"{entry.source}" is approved here as {_shown(listed)} only; {into_name} approves '
             f"{_shown(entry.target)} and keeps them all")
    if len(completed) == 1:
        on_warning(f"{where}: {first}")
    else:
        on_warning(f"{where}: {len(completed):,} terms list only some of the targets {into_name} approves, which keeps "
                   f"them all (first one here: {first.split('; ')[0]})")


def _readings(renderings: list[str]) -> set[str]:
    """Renderings as check compares them (Unicode form, script, case and spaces aside)."""
    return {chinese_pattern(rendering) for rendering in renderings}


def _shown(targets: list[str]) -> str:
    return " / ".join(f'"{target}"' for target in targets)
