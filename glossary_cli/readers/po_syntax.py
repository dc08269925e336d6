"""Why polib refused a PO file, said as msgfmt says it: polib reports only "syntax error" at a
line. The entries are walked again, in the order msgfmt requires (msgctxt, msgid, msgid_plural,
msgstr or msgstr[N]), and the first line out of that order is named with what is wrong there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..textio import excerpt

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*\"")
_WORD = re.compile(r"[^\s\"]+")
_UNKNOWN = "; an entry is made of msgctxt, msgid, msgid_plural and msgstr lines"
_NO_MSGSTR = 'msgid without a msgstr; add msgstr "" to leave it untranslated'


@dataclass(frozen=True)
class SyntaxProblem:
    line: int
    reason: str


@dataclass
class _Entry:
    """The keywords of the entry being read, each with the line it is on (msgstr[N] as msgstr)."""

    lines: dict[str, int] = field(default_factory=dict)
    in_plural_forms: bool = False  # the last keyword was a msgstr[N], which another may follow
    set_apart: bool = False  # complete, and a blank line since: what follows looks like another entry

    def complete(self) -> bool:
        return "msgstr" in self.lines


def find_problem(text: str) -> SyntaxProblem | None:
    """The first line of `text` that breaks a PO entry's grammar, or None when none does (polib's
    complaint is then about something else). Comments, obsolete entries (#~) included, are skipped,
    as polib reads them: a comment ends a complete entry, a blank line is no more than a space."""
    entry = _Entry()
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line.startswith("#") or not line:
            if line and entry.complete():  # a comment opens the next entry; blank lines separate nothing
                entry = _Entry()
            entry.set_apart = entry.complete()
            continue
        if line.startswith('"'):
            if not entry.lines:
                return SyntaxProblem(number, "a string without a keyword (msgid, msgstr...) before it")
            continue
        keyword = _KEYWORD.match(line)
        if keyword is None:
            word = _WORD.match(line)
            return SyntaxProblem(number, f'unknown keyword "{excerpt(word.group() if word else line)}"{_UNKNOWN}')
        plural_form = keyword.group(1).startswith("msgstr[")
        if plural_form and entry.in_plural_forms:
            continue  # msgstr[1] after msgstr[0]
        name = "msgstr" if plural_form else keyword.group(1)
        problem = _out_of_order(entry, name, number)
        if problem is not None:
            return problem
        if name in ("msgctxt", "msgid") and entry.complete():
            entry = _Entry()
        entry.lines[name] = number
        entry.in_plural_forms = plural_form
    if "msgid" in entry.lines and not entry.complete():
        return SyntaxProblem(entry.lines["msgid"], _NO_MSGSTR)
    return None


def _out_of_order(entry: _Entry, name: str, number: int) -> SyntaxProblem | None:
    """What is wrong with keyword `name` (msgstr[N] as msgstr) coming next in `entry`, if anything."""
    lines = entry.lines
    if name in ("msgctxt", "msgid") and "msgid" in lines and not entry.complete():
        return SyntaxProblem(lines["msgid"], _NO_MSGSTR)
    if name == "msgctxt" and "msgctxt" in lines and not entry.complete():
        return SyntaxProblem(number, f"a second msgctxt in one entry (the first is on line {lines['msgctxt']})")
    if name in ("msgid_plural", "msgstr") and ("msgid" not in lines or entry.set_apart):
        return SyntaxProblem(number, f"{name} without a msgid before it")
    if name == "msgid_plural" and ("msgid_plural" in lines or entry.complete()):
        return SyntaxProblem(number, "msgid_plural after the entry's msgid_plural or msgstr")
    if name == "msgstr" and entry.complete():
        return SyntaxProblem(number, f"a second msgstr for one msgid (the first is on line {lines['msgstr']})")
    return None
