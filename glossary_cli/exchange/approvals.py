"""Approved terms of a glossary that an imported termbase does not approve.

A vendor sends back the table or termbase they were given, and may have deleted a row or emptied
its status cell. Import keeps such a term approved (the file does not say to change the decision,
and a missing row is no rejection), but the lead must learn what the vendor did, so import lists
them. A term the file rejects, or approves with another rendering, is a merge conflict instead.

A term the file holds without approving it is always listed. A term it leaves out is listed only
when the file holds more than half the terms the glossary approves, as a termbase exported from
it and returned does: a file of a few new terms or bans leaves out the rest of the glossary, and
saying so for each would bury what it did.

What the file says of a term's status is read from its entry: a reader records where the status
was written (`positions["status"]`), and an entry without it had none (a blank status cell, no
administrativeStatus), whatever status --unstated then gave it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..glossary import Entry, Glossary, Status


class WhatTheFileDid(str, Enum):
    """Why the imported file does not approve a term the glossary approves."""

    LEFT_OUT = "left out"  # no row or concept entry for the term
    NO_STATUS = "no status"  # its status cell is empty, or the termbase gives none
    OTHER_STATUS = "other status"  # it says candidate (new, proposed)


@dataclass(frozen=True)
class KeptApproval:
    """An approved entry of the glossary the file does not approve, kept approved; `found` is the
    file's entry for the term (None when the file leaves it out)."""

    entry: Entry
    found: Entry | None

    @property
    def what_the_file_did(self) -> WhatTheFileDid:
        if self.found is None:
            return WhatTheFileDid.LEFT_OUT
        if "status" not in self.found.positions:
            return WhatTheFileDid.NO_STATUS
        return WhatTheFileDid.OTHER_STATUS


def approvals_the_file_does_not_make(glossary: Glossary, imported: Glossary) -> list[KeptApproval]:
    """The glossary's approved entries, in file order, whose term the imported file leaves out or
    does not approve (terms matched as merge and validate match them)."""
    from .into import entries_of_the_same_term

    same_term_in_file = entries_of_the_same_term(imported)
    approved = [entry for entry in glossary.approved() if entry.source.strip()]
    kept = []
    held = 0
    for entry in approved:
        found = same_term_in_file(entry)
        held += bool(found)
        if any(other.status is Status.APPROVED for other in found):
            continue
        stated = [other for other in found if "status" in other.positions]
        kept.append(KeptApproval(entry, (stated or found or [None])[0]))
    if held * 2 <= len(approved):  # not the glossary's termbase returned: what it leaves out is no news
        kept = [each for each in kept if each.found is not None]
    return kept
