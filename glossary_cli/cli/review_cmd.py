"""`glossary review`, `approve`, `reject`, `validate`, `merge`: people's decisions, kept safe.

An adapter only: options in, one call into `review`, `validate` or `merge`, output and exit code.
"""

from __future__ import annotations

import shlex
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import interrupts
from ..report import counted
from ..safe_text import one_line, visible_controls
from .progress import reading
from .common import (EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, FILE_TO_WRITE, _error_line, app, fail, handles_errors,
                     load_validated, message_line, refuse_conflicts, refuse_other_yaml, refuse_standard_input,
                     same_file, standard_input_closed, stdout_console, visible_line, warn, write_utf8,
                     writing_to_stdout)

class ValidateFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


KEYS_HELP = [  # what `?` shows, a key and what it does
    ("a", "approve the target as shown"),
    ("e", "type the target, A / B for several: Enter approves it, Tab fills in the current one to change, "
          "an empty line cancels"),
    ("1-9", "approve that alternative (an entry that lists some) as the target; the old one becomes an alternative"),
    ("r", "reject the target: extract never proposes this pair again, but may the term rightly rendered"),
    ("x", "reject the term in every rendering (a span that is no term): extract never proposes it again"),
    ("n", "write a note on the entry (a question, a source to check) and stay on it; Tab fills in the "
          "current note, an empty line removes it"),
    ("s", "skip: it comes back after the others; skipped again, it stays a candidate for next time"),
    ("u", "undo the last key (a decision or a skip)"),
    ("q", "quit, as Esc does; every decision is saved already"),
    ("?", "this help"),
]


def _say(message: str) -> None:
    """A confirmation for people: stderr, so stdout stays data; one line, as warnings are."""
    sys.stderr.write(message_line(message) + "\n")


def _print_line(message: str) -> None:
    """A line of a command's output (a dry run's plan): stdout, one line."""
    sys.stdout.write(message_line(message) + "\n")


# ---------------------------------------------------------------- review

@app.command()
@handles_errors
def review(
    file: Path = typer.Argument(..., metavar="GLOSSARY", help="The glossary YAML file to review; each decision is saved to it at once."),
    min_score: Optional[float] = typer.Option(None, "--min-score", metavar="<score>", min=0.0, max=1.0,
                                              help="Only review candidates scoring at least this."),
    new_since: Optional[str] = typer.Option(None, "--new-since", metavar="<revision>",
                                            help="Only review candidates whose term the glossary did not hold at "
                                                 "this git revision: `--new-since HEAD` after a re-extract reviews "
                                                 "what it added."),
) -> None:
    """Review candidates one by one, best first, with single keys.

    a approve, e type another target and approve it (several apart by " / "), 1-9 approve that
    alternative, r reject the target, x reject the term in every rendering, n note, s skip (it comes
    back after the others), u undo the last key (a decision or a skip), q or Esc quit, ? help.
    Every decision is written to GLOSSARY atomically as it is made, so Ctrl-C or a closed terminal
    loses nothing. Keys typed ahead are taken in order; a paste is
    text, never keys. Piped keys are one character each; after e, the new target is the rest of
    its line or the next line.
    """
    from ..review import ReviewSession

    refuse_standard_input(file, "a glossary")
    known = frozenset()
    if new_since is not None:
        from ..git_history import glossary_at
        from ..glossary import Status
        from ..normalize import english_key

        # the terms the glossary proposed then: a term decided since has no candidate now, and one
        # whose rendering was rejected then and is proposed otherwise now is news, as extract counts it
        then = glossary_at(str(file), new_since)
        if then is None:
            warn(f"{file} did not exist at {new_since}: every candidate is new")
        known = frozenset(english_key(entry.source) for entry in (then.terms if then else [])
                          if entry.status is Status.CANDIDATE)
    with reading(file):
        session = ReviewSession.open(str(file), min_score=min_score, known_terms=known)
    console = stdout_console()
    if session.done:
        console.print(message_line(f"{file}: no candidates to review."), markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_OK)
    if sys.stdin.isatty() and not sys.stdout.isatty():
        fail("review reads keys from the terminal but its output goes elsewhere (> file or | pipe), so you could "
             "not see the candidates you decide; run it with its output on the terminal, or pipe the keys in "
             "as well (printf 'aas' | glossary review FILE > log)")
    from .keys import KeyReader

    keys = KeyReader()
    if standard_input_closed() or not keys.has_keys():
        how = "is closed (<&-)" if standard_input_closed() else "is empty"
        fail(f"standard input {how}, so review has no keys to read: run it on a terminal, or pipe the keys in "
             f"(printf 'aas' | glossary review {file}); nothing decided")
    console.print(message_line(_opening(session, file)), markup=False, soft_wrap=True)
    try:
        with keys:
            _review_loop(session, console, keys)
    except KeyboardInterrupt:
        if keys.mid_line:  # a prompt, or a half-typed target, is on the line: the message gets its own
            console.print()
        interrupts.report(message_line(f"glossary: interrupted; {_saved(session, file)}"))
        raise typer.Exit(interrupts.exit_code()) from None
    except EOFError:  # piped keys ran out while a prompt waited: end its line
        console.print()
    except _UnknownPipedKey as stop:
        console.print(message_line(_summary(session)), markup=False, soft_wrap=True)
        fail(f"stopped at {stop.args[0]!r} in the keys piped in, which review does not know: is standard input "
             f"text not meant as keys (review FILE < corpus, a shell loop)? {_saved(session, file)}")
    console.print(message_line(_summary(session)), markup=False, soft_wrap=True)


class _UnknownPipedKey(Exception):
    """A piped key review does not know: the rest of the input is not trusted as keys."""


def _review_loop(session, console, keys) -> None:
    from ..errors import UsageError
    from .keys import Paste

    show = True
    while True:
        if session.done:  # the last decision can still be taken back
            if not session.history:
                return
            console.print("[bold]No candidates left.[/] [bold]\\[u][/] undo the last decision, any other key to finish ",
                          end="")
            key = keys.key()
            console.print(key if isinstance(key, str) and key.isprintable() else "")
            if key != "u":
                return
            _undo(session, console)
        entry = session.current
        if show:
            console.print(_render(entry, session.position + 1, len(session.queue), again=session.second_look,
                                  width=console.width, refused=session.approval_refused()))
        show = True
        console.print(f"[bold]\\[{_prompt_keys(entry)}][/] ", end="")
        key = keys.key()
        if isinstance(key, Paste):
            console.print()
            console.print("  [yellow]a paste is text, not keys[/]: nothing decided. To paste a target, press e first")
            show = False
            continue
        console.print(key if key.isprintable() else "")
        try:
            if key == "a":
                entry = session.approve()
                console.print(f"  [green]approved[/] {_pair(entry)}")
            elif key == "r":
                entry = session.reject()
                console.print(f"  [red]rejected[/] {_pair(entry)}")
            elif key == "x":
                entry = session.reject_term()
                console.print(f"  [red]rejected[/] {_term_shown(entry.source)} in every rendering")
            elif key == "e":
                target = keys.line(console, f"  new target for [bold]{_term_shown(entry.source)}[/], approved on Enter "
                                            "(several: A / B; Tab: the current one; empty to cancel): ",
                                   current=one_line(" / ".join(entry.target)))
                try:
                    if target.strip():
                        entry = session.edit(target)
                        console.print(f"  [green]approved[/] {_pair(entry, count=True)}")
                        hint = _one_target_hint(entry)
                        if hint:
                            console.print(f"  {_shown(hint)}")
                    else:
                        console.print("  unchanged")
                        show = False
                finally:
                    if keys.dropped:  # the rest of a paste the terminal did not mark as one
                        console.print(f"  [yellow]ignored what came in after the Enter[/] {_shown(keys.dropped)}: "
                                      "a paste is text, not keys")
            elif key == "n":
                text = keys.line(console, f"  note on [bold]{_term_shown(entry.source)}[/] (Tab: the current one; "
                                          "empty to remove): ", current=visible_controls(entry.note or ""))
                if text.strip() or entry.note:
                    entry = session.note(text)
                    console.print(f"  noted: {_shown(entry.note)}" if entry.note else "  note removed")
                else:
                    console.print("  unchanged")
                show = False
            elif key.isdigit() and key != "0":
                entry = session.pick(int(key))
                console.print(f"  [green]approved[/] {_pair(entry)}")
            elif key == "s":
                session.skip()
                console.print("  skipped; it comes back after the others" if session.back_later else
                              "  skipped again; it stays a candidate")
            elif key == "u":
                _undo(session, console)
            elif key in ("q", "\x1b"):
                return
            elif key == "?":
                console.print(_help())
                show = False
            else:  # a typo, or keys piped from a script written for other keys
                console.print(f"  no key {_shown(repr(key))}; the keys are: "
                              f"{' · '.join(item for item in _legend_items(entry))}", soft_wrap=True)
                if not keys.terminal:  # text never meant as keys (`review f < corpus.tsv`, a shell loop's stdin)
                    raise _UnknownPipedKey(key)
                show = False
        except UsageError as error:
            console.print(f"  [yellow]{_shown(error.message)}[/]")
            show = False


def _undo(session, console) -> None:
    """Take back the last key and say what it did: a decision or a skip, or a note."""
    from ..review import Action

    noted = bool(session.history) and session.history[-1].action is Action.NOTE
    undone = session.undo()
    if undone is None:
        console.print("  nothing to undo in this session")
    elif noted:
        console.print(f"  undone: the note on {_term_shown(undone.source)}")
    else:
        console.print(f"  undone: {_pair(undone)} is a candidate again")


def _help():
    """The keys, each with what it does, wrapped under its description."""
    from rich.padding import Padding
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, what in KEYS_HELP:
        table.add_row(key, what)
    return Padding(table, (0, 0, 0, 2))


def _opening(session, file: Path) -> str:
    """What the session holds, and what the file has decided already: counts restart each session."""
    held = _held(session)
    holds = f"; it holds {held}" if held else ""
    return f"{file}: {counted(len(session.queue), 'candidate')} to review, best first{holds}."


def _held(session) -> str:
    """`3 approved and 1 rejected entries`: the decisions the glossary holds; empty when none."""
    from ..glossary import Status

    approved, rejected = (sum(entry.status is status for entry in session.glossary.terms)
                          for status in (Status.APPROVED, Status.REJECTED))
    return f"{approved:,} approved and {rejected:,} rejected entries" if approved or rejected else ""


def _choices(entry) -> str:
    """`1-3`, `1`, or nothing: the alternative numbers this entry has."""
    count = min(len(entry.alternatives), 9)
    return "" if count == 0 else "1" if count == 1 else f"1-{count}"


def _legend_items(entry) -> list[str]:
    choices = _choices(entry)
    return ["a approve", "e edit & approve", *([f"{choices} approve alternative"] if choices else []),
            "r reject", "x reject term", "n note", "s skip", "u undo", "q quit", "? help"]


def _legend(entry, width: int):
    """The keys, item by item, packed into lines of `width` cells: never cut, never split inside an item."""
    from rich.cells import cell_len
    from rich.text import Text

    lines = [""]
    for item in _legend_items(entry):
        joined = f"{lines[-1]} · {item}" if lines[-1] else item
        if lines[-1] and cell_len(joined) > width:
            lines.append(item)
        else:
            lines[-1] = joined
    return [Text(line, style="dim") for line in lines]


def _render(entry, number: int, total: int, *, again: bool = False, width: int = 80, refused: str | None = None):
    """The candidate's panel. Every piece of the glossary and the corpus in it is shown with its
    controls as symbols (safe_text), and the terms with what reads as a space or as nothing as
    code points (visible_line): an ESC in a term could otherwise hide a word of the term a person
    approves, or make its target a link to anywhere. `refused`: why `a` would be refused
    (ReviewSession.approval_refused)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.text import Text

    from ..glossary_yaml import comments_of

    inside = max(width - 4, 10)  # the panel's border and padding
    lines = [Text.assemble((visible_line(entry.source), "bold cyan"), "  →  ",
                           (visible_line(" / ".join(entry.target)) or "(no target)", "bold green"))]
    facts = []
    if entry.score is not None:
        facts.append(f"score {entry.score:.2f}")
    if entry.count is not None:
        facts.append(f"seen {entry.count}×")
    if entry.signals:
        facts.append("signals: " + one_line(", ".join(entry.signals)))
    if facts:
        lines.append(Text("   ".join(facts), style="dim"))
    for evidence in entry.evidence[:2]:
        lines.append(Text(""))
        lines.append(Text(one_line(evidence.where), style="dim"))
        for said in (_highlight(evidence.source, [entry.source, *entry.source_variants]),
                     _highlight(evidence.target, entry.target)):
            lines.append(Padding(Text("\n").join(wrap(said, inside - 2)), (0, 0, 0, 2)))
    if entry.alternatives:
        lines.append(Text(""))
        for index, alternative in enumerate(entry.alternatives[:9], start=1):
            score = f"  ({alternative.score:.2f})" if alternative.score is not None else ""
            lines.append(Text(f"  {index}  {visible_line(alternative.target)}{score}"))
    # What a person wrote on the entry, which approving it makes check enforce or which says why to wait
    if entry.source_variants:
        lines.append(Text("also written: " + visible_line(" / ".join(entry.source_variants))))
    if entry.forbidden:
        lines.append(Text("forbidden: " + visible_line(" / ".join(entry.forbidden)), style="red"))
    if entry.source_forbidden:
        lines.append(Text("forbidden in English: " + visible_line(" / ".join(entry.source_forbidden)), style="red"))
    if entry.note:
        lines.append(Text(f"note: {visible_controls(entry.note)}", style="italic"))  # its own lines kept
    for comment in comments_of(entry):
        lines.append(Text(one_line(comment), style="italic"))
    if refused is not None:  # said before the key, which refuses it with the same words
        lines.append(Text(""))
        lines.append(Text(f"a is refused as it stands: approving it would leave the glossary with "
                          f"{visible_line(refused)}. Where the target is what is wrong, e approves it with another; "
                          "anything else, mend in the file once this session ends (s skips it for now)",
                          style="bold red"))
    lines.append(Text(""))
    lines.extend(_legend(entry, inside))
    title = f"{number}/{total}" + (" · skipped earlier, back once more" if again else "")
    return Panel(Group(*lines), title=title, title_align="left")


# Chinese text breaks between any two characters, except before closing punctuation and after
# opening punctuation; an English word inside it stays whole.
_NO_BREAK_BEFORE = set("，。、；：？！）」』”’》〉】…,.;:?!)]}%")
_NO_BREAK_AFTER = set("（「『“‘《〈【([{")


def wrap(text, width: int) -> list:
    """`text` (a rich Text, styles kept) in lines of at most `width` cells, broken between words,
    between Chinese characters, and between Chinese and English: rich alone breaks only at spaces,
    so an English word inside Chinese evidence was cut in the middle."""
    from rich.cells import cell_len

    plain = text.plain
    ends = [index for index in range(1, len(plain)) if _may_break(plain[index - 1], plain[index])] + [len(plain)]
    spans, start, fit = [], 0, None  # fit: the furthest break from start whose line fits
    for end in ends:
        if cell_len(plain[start:end].rstrip()) <= width:
            fit = end
            continue
        if fit is not None:
            spans.append((start, fit))
            start = fit
        while cell_len(plain[start:end].rstrip()) > width:  # a word wider than the line: folded
            cut = _fold(plain, start, width)
            spans.append((start, cut))
            start = cut
        fit = end
    if start < len(plain) or not spans:
        spans.append((start, len(plain)))
    lines = [text[begin:finish] for begin, finish in spans]
    for line in lines:
        line.rstrip()
    return lines


def _may_break(before: str, after: str) -> bool:
    from rich.cells import cell_len

    if after in _NO_BREAK_BEFORE or before in _NO_BREAK_AFTER:
        return False
    if before == " " and after != " ":
        return True
    return (cell_len(before) == 2 or cell_len(after) == 2) and after != " "


def _fold(plain: str, start: int, width: int) -> int:
    """The end of the longest run from `start` that fits in `width` cells (at least one character)."""
    from rich.cells import cell_len

    end, used = start, 0
    while end < len(plain) and used + cell_len(plain[end]) <= width:
        used += cell_len(plain[end])
        end += 1
    return max(end, start + 1)


def _highlight(text: str, terms: list[str]):
    """The text with every occurrence of any term (case-insensitive) in bold yellow, on one line
    with its controls shown as symbols; the terms are shown so too, so they are found in it."""
    from rich.text import Text

    text = one_line(text)
    result = Text(text)
    folded = text.casefold()
    for term in terms:
        needle = one_line(term).casefold()
        if not needle or len(folded) != len(text):
            continue
        start = folded.find(needle)
        while start != -1:
            result.stylize("bold yellow", start, start + len(needle))
            start = folded.find(needle, start + len(needle))
    return result


def _prompt_keys(entry) -> str:
    """`a/r/x/e/1-2/n/s/u/q/?`: the keys that do something for this entry (1-9 only for its alternatives)."""
    alternatives = min(len(entry.alternatives), 9)
    picks = "" if not alternatives else "/1" if alternatives == 1 else f"/1-{alternatives}"
    return f"a/r/x/e{picks}/n/s/u/q/?"


def _pair(entry, *, count: bool = False) -> str:
    """`source → target`, a list as `A / B`; with `count`, a list says how many renderings it holds."""
    shown = _entry_shown(entry)
    if count and len(entry.target) > 1:
        shown += f" ({len(entry.target)} targets)"
    return _term_shown(shown)


_LOOKS_LIKE_A_LIST = ("/", "／", "，", "、", "；", ";", ",")


def _one_target_hint(entry) -> str | None:
    """A typed target that holds a separator but was read as one rendering says how to type several."""
    if len(entry.target) == 1 and any(mark in entry.target[0] for mark in _LOOKS_LIKE_A_LIST):
        return 'saved as one target; for several, put " / " (spaces around the slash) between them, and u undoes this'
    return None


def _shown(text: str) -> str:
    """Text of the glossary (a note, a hint) or a message about it, as rich markup for one line:
    its controls shown as symbols, its brackets not read as markup."""
    from rich.markup import escape

    return escape(one_line(text))


def _term_shown(text: str) -> str:
    """A term as rich markup for one line, with what reads as a space or as nothing as its code
    point (visible_line): the person sees which term it is."""
    from rich.markup import escape

    return escape(visible_line(text))


def _decided(session) -> int:
    return sum(1 for step in session.history if step.action.value != "skipped")


def _saved(session, file: Path) -> str:
    """What a Ctrl-C leaves in the file: this session's decisions, all saved; or, when it made
    none, that the file holds what it held (its earlier decisions), not that nothing is saved."""
    decided = _decided(session)
    if decided:
        return f"{counted(decided, 'decision')} already saved in {file}"
    held = _held(session)
    return f"no decision in this session; {file} is {f'as it was, with its {held}' if held else 'unchanged'}"


def _summary(session) -> str:
    from ..review import Action

    counts = session.counts()
    skipped, unseen = session.left()
    saved = f"Saved in {session.path}." if _decided(session) else f"{session.path} is unchanged."
    left = (f"{counted(skipped + unseen, 'candidate')} still to decide ({skipped:,} skipped, {unseen:,} not yet "
            "reviewed)" if skipped else f"{unseen:,} not yet reviewed")
    noted = f", {counted(counts[Action.NOTE], 'note')} written" if counts[Action.NOTE] else ""
    return (f"{counts[Action.APPROVE] + counts[Action.EDIT] + counts[Action.PICK]} approved, "
            f"{counts[Action.REJECT]} rejected, {skipped} skipped{noted}; {left}. {saved}")


# ---------------------------------------------------------------- approve / reject

@app.command()
@handles_errors
def approve(
    file: Path = typer.Argument(..., metavar="GLOSSARY", help="The glossary YAML file."),
    term: Optional[str] = typer.Argument(None, metavar="TERM", help="The English source term to approve, found as check reads "
                                                      "terms: `Wi Fi` or `WiFi` finds the entry `Wi-Fi`, `smart grid` "
                                                      "finds `smart grids`."),
    target: Optional[str] = typer.Option(None, "--target", help="The Chinese rendering to approve: a candidate takes "
                                                                 "it as its only target (the others become "
                                                                 "alternatives); an approved or rejected entry holding "
                                                                 "it keeps its whole list; otherwise it is added as a "
                                                                 "new entry."),
    replace: bool = typer.Option(False, "--replace", help="With --target: make it the term's only rendering, even of "
                                                           "an approved or rejected entry (a changed decision); the "
                                                           "renderings it replaces are kept as alternatives."),
    approve_all_: bool = typer.Option(False, "--approve-all", help="Approve every candidate (with --min-score: "
                                                                   "every candidate scoring at least that)."),
    min_score: Optional[float] = typer.Option(None, "--min-score", metavar="<score>", min=0.0, max=1.0,
                                              help="With --approve-all: the lowest score approved."),
    include_worked_on: bool = typer.Option(False, "--include-worked-on",
                                           help="With --approve-all: approve the candidates people worked on too "
                                                "(a note, a comment, a target typed over the proposal, a term "
                                                "extract did not propose), which --approve-all otherwise leaves "
                                                "as they are and names."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n",
                                 help="With --approve-all: say which candidates it would approve, each at its "
                                      "line, and which it would leave and why; write nothing."),
) -> None:
    """Approve one term, or in bulk with --approve-all [--min-score 0.9]; written atomically.

    --approve-all approves the candidates as extract proposed them: one a person held back (a note
    such as "ask the client first", a comment, an edited target) is left a candidate and named."""
    from ..atomic import content_now
    from ..glossary import Status
    from ..glossary_yaml import load_glossary
    from ..review import approve_all, decide, save_glossary

    if min_score is not None and not approve_all_:
        fail("--min-score only applies with --approve-all")
    if include_worked_on and not approve_all_:
        fail("--include-worked-on only applies with --approve-all")
    if dry_run and not approve_all_:
        fail("--dry-run only applies with --approve-all")
    if approve_all_ and term is not None:
        fail("give a TERM to approve, or --approve-all (optionally with --min-score), not both")
    if not approve_all_ and term is None:
        fail("give a TERM to approve, or --approve-all (optionally with --min-score)")
    if approve_all_ and target is not None:
        fail("--target applies to one TERM, not to --approve-all")
    if replace and target is None:
        fail("--replace needs --target: the rendering that replaces the term's renderings")
    refuse_standard_input(file, "a glossary")
    read = content_now(str(file))  # the write refuses a file that differs from this by then
    with reading(file):
        glossary = load_glossary(str(file))
    refuse_other_yaml(glossary, str(file))  # a docker-compose file is no glossary to add terms to
    if term is not None:
        decision = decide(glossary, term, Status.APPROVED, target=target, replace=replace, path=str(file))
        _say_decided(glossary, decision, file, read)
        return
    result = approve_all(glossary, min_score=min_score, include_worked_on=include_worked_on, path=str(file))
    if result.approved and not dry_run:
        save_glossary(glossary, str(file), expected=read)
    # A dry run's plan is what was asked for, so it is data on stdout, as `git clean -n` lists files;
    # a real run's account is a message, on stderr.
    say = _print_line if dry_run else _say
    threshold = f" scoring ≥ {min_score:g}" if min_score is not None else ""
    say(f"{'would approve' if dry_run else 'approved'} {counted(len(result.approved), 'candidate')}{threshold} "
        f"in {file}{' (dry run: nothing written)' if dry_run else ''}{':' if dry_run and result.approved else ''}")
    if dry_run:
        for entry in result.approved:
            say(f"  {_entry_shown(entry)} (line {entry.position()[0]})")
    if result.skipped:
        say(f"{'would skip' if dry_run else 'skipped'} {counted(len(result.skipped), 'candidate')}:")
    for entry, reason in result.skipped:
        say(f"  {_entry_shown(entry)} (line {entry.position()[0]}): {reason}")
    if result.worked_on:
        one = len(result.worked_on) == 1
        say(f"left {counted(len(result.worked_on), 'candidate')} people worked on as {'it is' if one else 'they are'} "
            f"(--include-worked-on approves {'it' if one else 'them'} too):")
        for entry, how in result.worked_on[:_NAMED_AT_MOST]:
            say(f"  {_entry_shown(entry)} (line {entry.position()[0]}): {how}")
        if len(result.worked_on) > _NAMED_AT_MOST:
            say(f"  and {len(result.worked_on) - _NAMED_AT_MOST:,} more")


_NAMED_AT_MOST = 20  # held-back candidates named one by one; an imported termbase may hold hundreds


def _entry_shown(entry) -> str:
    """`source → target`, its terms with what reads as a space or as nothing as code points."""
    return f"{visible_line(entry.source)} → {visible_line(' / '.join(entry.target)) or '(no target)'}"


@app.command()
@handles_errors
def reject(
    file: Path = typer.Argument(..., metavar="GLOSSARY", help="The glossary YAML file."),
    term: str = typer.Argument(..., metavar="TERM", help="The English source term to reject, found as check reads terms (hyphen "
                                         "or space, a hyphen left out, singular or plural)."),
    target: Optional[str] = typer.Option(None, "--target", help="The rendering to reject. Taken from an entry's target "
                                                                 "list, it becomes a rejected entry of its own and the "
                                                                 "rest stay approved, or candidates; a candidate's only "
                                                                 "target is rejected with the entry (its alternatives "
                                                                 "kept); a rendering no entry holds is recorded as a "
                                                                 "new rejected entry."),
    all_renderings: bool = typer.Option(False, "--all-renderings",
                                        help="Reject the term itself, not its rendering: extract proposes it in no "
                                             "rendering again (a span that is no term, such as `tract infection`). "
                                             "Its renderings move to the alternatives; the entry keeps no target."),
) -> None:
    """Reject a term as rendered: kept as rejected, so extract never proposes that pair again.

    A wrong rendering (`成会明则` for `Cheng Huiming`) leaves the term free to come back rightly
    rendered; --all-renderings rejects the term itself (a span that is no term)."""
    from ..atomic import content_now
    from ..glossary import Status
    from ..glossary_yaml import load_glossary
    from ..review import decide

    if all_renderings and target is not None:
        fail("--all-renderings rejects the term in every rendering; give it or --target, not both")
    refuse_standard_input(file, "a glossary")
    read = content_now(str(file))
    with reading(file):
        glossary = load_glossary(str(file))
    refuse_other_yaml(glossary, str(file))  # a docker-compose file is no glossary to add terms to
    decision = decide(glossary, term, Status.REJECTED, target=target, all_renderings=all_renderings, path=str(file))
    _say_decided(glossary, decision, file, read)


def _say_decided(glossary, decision, file: Path, read: bytes | None) -> None:
    """Save the decision and say what it changed: a decision reversed says what it was (a rejected
    approval is no longer enforced by check); one the entry held already writes nothing and says so."""
    from ..glossary import Status
    from ..review import save_glossary

    entry = decision.entry
    shown = _shown_target(entry)
    if not decision.changed:  # nothing to write, so nothing another writer saved can be lost
        _say(f"{entry.source} → {shown} is already {entry.status.value} in {file}; nothing changed")
        return
    save_glossary(glossary, str(file), expected=read)
    if decision.added:
        _say_added(glossary, decision, file)
        return
    was = ""
    if decision.rest is not None and decision.was is not None:
        was = (f" (was {decision.was.value}; {decision.rest.source} → {' / '.join(decision.rest.target)} stays "
               f"{decision.rest.status.value})")
    elif decision.replaced or decision.taken_back:
        old = " / ".join(decision.replaced) or "rejected"
        was = f" (was {old}{'' if decision.was is entry.status or not decision.replaced else ', ' + decision.was.value}"
        if decision.taken_back:
            what = " / ".join(rendering or "every rendering" for rendering in decision.taken_back)
            was += f"; the rejection of {what} is taken back"
        was += f"; check now asks for {shown})"
    elif decision.was is Status.APPROVED:
        was = " (was approved; check no longer enforces it)"
    elif decision.was is not None and decision.was is not Status.CANDIDATE and decision.was is not entry.status:
        was = f" (was {decision.was.value})"
    _say(f"{entry.status.value} {entry.source} → {shown} in {file}{was}")
    from ..validate import approved_and_rejected_whole, duplicate_told, duplicates_undecided

    if entry.status is Status.APPROVED:
        for approved, rejected in approved_and_rejected_whole(glossary):
            if approved is entry:
                warn(_both_decided(file, approved, rejected))
    for repeat, earlier, target in duplicates_undecided(glossary):
        if entry is repeat or entry is earlier:
            warn(f"{file}:{repeat.position()[0]}: {duplicate_told(repeat, earlier, target)}")


def _shown_target(entry) -> str:
    from ..glossary import Status

    if entry.target:
        return " / ".join(entry.target)
    if entry.keep_source:
        return entry.source
    return "(every rendering)" if entry.status is Status.REJECTED else "(no target)"


def _say_added(glossary, decision, file: Path) -> None:
    """A decision on a term no entry wrote so made a new entry: said as such, with the entry that
    is the same term written otherwise (two spellings of one term), else the term it may be a typo
    of, since a misspelt term approves nothing check will ever find."""
    from ..review import near_terms

    entry, same = decision.entry, decision.written_otherwise
    _say(f"added {entry.source} → {_shown_target(entry)} to {file} as a new {entry.status.value} entry")
    if same is not None:
        warn(f'{file}: "{entry.source}" is the term of the {same.status.value} entry "{same.source}" (line '
             f"{same.position()[0]}), as check and validate read terms; spell the two entries alike")
        return
    others = [source for source in near_terms(glossary, entry.source) if source != entry.source]
    if others:
        verb = "approve" if entry.status.value == "approved" else "reject"
        warn(f'{file} had no entry "{entry.source}"; did you mean "{others[0]}"? If so, delete the new entry '
             f"(the last one) and {verb} that term")


# ---------------------------------------------------------------- validate

@app.command()
@handles_errors
def validate(
    files: list[Path] = typer.Argument(..., metavar="GLOSSARY", help="The glossary YAML files to check."),
    report_format: ValidateFormat = typer.Option(ValidateFormat.TEXT, "--format",
                                                 help="Report on stdout: text, json (schema glossary-validate/2: "
                                                      "each problem and warning with file, line, column, code, "
                                                      "severity and message) or github (an error annotation per "
                                                      "problem, a warning annotation per warning)."),
) -> None:
    """Check glossaries: YAML syntax, schema and conflicts, every problem with file:line:column.

    Each file is reported (text: OK on stdout, problems on stderr); the exit code is 2 when any is invalid."""
    from ..report.validation import render_validation_github, render_validation_json

    for file in files:
        refuse_standard_input(file, "a glossary")
    results = [_validated(file) for file in files]
    if report_format is ValidateFormat.TEXT:
        for result in results:
            _say_validated(result)
    else:
        for result in results:
            for warning in result.warnings:
                warn(warning.told)
        with writing_to_stdout():
            render = render_validation_json if report_format is ValidateFormat.JSON else render_validation_github
            write_utf8(render(results))
    invalid = [result.path for result in results if not result.valid]
    if invalid:
        if len(files) > 1 or report_format is not ValidateFormat.TEXT:
            _say(f"{len(invalid)} of {len(files)} glossaries are invalid: {', '.join(invalid)}")
        raise typer.Exit(EXIT_ERROR)


def _validated(file: Path):
    """What validate finds in one glossary: its problems, or its entries counted by status; and
    its warnings, each located (line, column where known, GV code where it has one)."""
    from ..errors import GlossaryError, GlossaryFileError
    from ..glossary import Status
    from ..glossary_yaml import refuse_unkeepable
    from ..report.validation import FileValidation, FoundProblem
    from ..validate import decision_warnings, validate_file_and_warnings

    try:
        with reading(file):
            glossary, problems, warned = validate_file_and_warnings(str(file))
    except GlossaryError as error:  # not a file to read as text: named, and the next file is checked
        found = [FoundProblem(getattr(problem, "line", None), getattr(problem, "column", None),
                              getattr(problem, "message", str(problem)), getattr(problem, "code", ""), told=str(problem))
                 for problem in getattr(error, "problems", None) or [error]]
        return FileValidation(str(file), tuple(found), unreadable=True)

    def found(problem) -> FoundProblem:
        return FoundProblem(problem.line, problem.column, problem.message, problem.code, told=str(problem))

    unenforced = tuple(map(found, warned))
    if problems:
        return FileValidation(str(file), tuple(map(found, problems)), warnings=unenforced)
    # told at file:line, as approve and reject tell them; the machine reports carry the column too
    warnings = unenforced + tuple(FoundProblem(warning.line, warning.column, warning.message,
                                               told=f"{warning.path}:{warning.line}: {warning.message}")
                                  for warning in decision_warnings(glossary, str(file)))
    try:
        refuse_unkeepable(glossary)
    except GlossaryFileError as error:  # valid, so check reads it; but no command can write it
        message = (f"{error.message.removesuffix('; nothing written')}; until then extract, review, approve, reject "
                   "and import refuse to write this file")
        warnings += (FoundProblem(error.line, None, message, told=f"{error.path}:{error.line}: {message}"),)
    entries = {status.value: sum(entry.status is status for entry in glossary.terms) for status in Status}
    return FileValidation(str(file), entries=entries, warnings=warnings)


def _both_decided(file, approved, rejected) -> str:
    """The warning for a term approved in one entry and rejected in every rendering in another."""
    from ..validate import both_decided_told

    return f"{file}:{rejected.position()[0]}: {both_decided_told(approved, rejected)}"


def _say_validated(result) -> None:
    """The text report of one glossary: each problem as file:line:column on stderr, or OK with counts."""
    if result.problems:
        for warning in result.warnings:
            warn(warning.told)
        for problem in result.problems:
            _error_line(problem.told)
        if not result.unreadable:
            _say(f"{result.path}: {counted(len(result.problems), 'problem')}")
        return
    for warning in result.warnings:
        warn(warning.told)
    entries = result.entries
    typer.echo(message_line(f"{result.path}: OK, {counted(sum(entries.values()), 'entry', 'entries')} "
                            f"({entries['approved']:,} approved, {entries['rejected']:,} rejected, "
                            f"{counted(entries['candidate'], 'candidate')})"))


# ---------------------------------------------------------------- merge

@app.command()
@handles_errors
def merge(
    ours: Path = typer.Argument(..., metavar="OURS", help="The glossary to merge into; its entries, comments and layout are kept."),
    theirs: Path = typer.Argument(..., metavar="THEIRS", help="The glossary whose entries (with --base: whose changes) are merged in."),
    ancestor: Optional[Path] = typer.Option(None, "--base", metavar="<ancestor>",
                                            help="The version OURS and THEIRS both started from (git's merge base, "
                                                 "%O in a merge driver): what one side changed is taken, deletions "
                                                 "included; a field both changed differently is a conflict."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", **FILE_TO_WRITE,
                                          help="Where to write the result (atomically); default (or -): stdout."),
    markers: bool = typer.Option(False, "--markers",
                                 help="On conflicts, write the result anyway, each conflicting entry between "
                                      "<<<<<<<, ======= and >>>>>>> lines as git does, and exit 1; validate refuses "
                                      "the file until they are resolved. For a git merge driver."),
    name: Optional[str] = typer.Option(None, "--name", metavar="<path>",
                                       help="The file's name in messages and markers, OURS and THEIRS being called "
                                            "'<path> (ours)' and '<path> (theirs)': a git merge driver's inputs are "
                                            "temporary files (pass %P)."),
) -> None:
    """Merge two glossaries; conflicting decisions are listed, nothing is written and the exit code is 1.

    Both inputs must pass validate, and so must the result: merge never writes a glossary that
    validate and check would refuse. With --base, a three-way merge, as git merges text:
    `glossary merge --base ANCESTOR OURS THEIRS -o OURS`. As git's merge driver for glossaries:
    driver = glossary merge --base %O %A %B -o %A --markers --name %P"""
    from ..atomic import content_now, writes_through
    from ..errors import GlossaryFileError, UsageError
    from ..glossary_yaml import dump_glossary, dump_with_conflict_markers, load_glossary

    to_stdout = output is None or str(output) == "-"
    read = None if to_stdout else content_now(str(output))  # before the inputs: any of them may be it
    if not to_stdout and not writes_through(str(output)) and output.is_file() and \
            not any(same_file(output, path) for path in (ours, theirs)):
        raise UsageError(f"-o {output} exists and is neither of the glossaries merged, so merging would replace it; "
                         f"merge into it (glossary merge {shlex.quote(str(output))} {shlex.quote(str(theirs))} -o "
                         f"{shlex.quote(str(output))}) or choose another file")
    files = (ours, ancestor, theirs)  # as given, before --name renames them in messages
    labels = tuple(f"{name or path} ({side})" for path, side in zip(files, ("ours", "base", "theirs")))
    try:
        ours_glossary, theirs_glossary = load_validated(ours, empty_ok=True), load_validated(theirs, empty_ok=True)
    except GlossaryFileError as error:
        if name is not None:
            # a merge driver's inputs are git's temporary files: name the glossary people know
            error = _named_as(error, {str(ours): labels[0], str(theirs): labels[2]})
        if not markers or to_stdout:
            raise error from None
        for problem in getattr(error, "problems", None) or [error]:
            _error_line(str(problem))
        _merged_as_text(files, labels, output, read, shown_output=name or output, code=EXIT_ERROR)  # an input error
    shown_output = output
    if name is not None:  # the names people know, in place of a merge driver's temporary ones
        if output is not None and same_file(output, ours):
            shown_output = Path(name)
        ours, theirs = Path(f"{name} (ours)"), Path(f"{name} (theirs)")
        ancestor_shown = Path(f"{name} (base)")
    else:
        ancestor_shown = ancestor
    if ancestor is not None:
        from ..merge_three_way import merge_three_way

        ancestor_glossary = load_glossary(str(ancestor))  # history: read as it is, not judged
        result = merge_three_way(ancestor_glossary, ours_glossary, theirs_glossary, ours_name=str(ours),
                                 theirs_name=str(theirs))
        came_from = _three_way_origin(result.glossary, ours_glossary, theirs_glossary, ours, theirs)
    else:
        from ..merge import merge_glossaries

        result = merge_glossaries(ours_glossary, theirs_glossary, base_name=str(ours), incoming_name=str(theirs))
        came_from = _two_way_origin(result.glossary, ours_glossary, theirs_glossary, ours, theirs)
    for message in result.dropped:
        warn(message)
    if result.stopped:  # no entry was compared: nothing a person settles entry by entry, so a usage error
        raise UsageError(f"{result.conflicts[0].reason}; nothing written. Glossaries for different languages are "
                         "not merged: pass glossaries for one language")
    if result.conflicts and markers and not result.stopped:
        text = dump_with_conflict_markers(
            result.glossary, [(conflict.base, conflict.incoming) for conflict in result.conflicts if conflict.source],
            ours_label=str(ours), theirs_label=str(theirs),
            theirs_header=theirs_glossary if result.header_conflict else None)
        _write(text, output, read, to_stdout)
        for conflict in result.conflicts:
            _error_line(f"conflict: {conflict}")
        fail(f"{counted(len(result.conflicts), 'conflict')} left between <<<<<<< and >>>>>>> lines in "
             f"{'the output' if to_stdout else shown_output}; keep one side of each (or write what both sides "
             "mean), then run glossary validate", code=EXIT_FINDINGS)
    refuse_conflicts(result.conflicts, ours, theirs, "merge")
    text = dump_glossary(result.glossary)
    if markers and not to_stdout:
        try:
            written = _refuse_invalid_result(text, came_from, ours, theirs)
        except typer.Exit:
            _merged_as_text(files, labels, output, read, shown_output=shown_output)
    else:
        written = _refuse_invalid_result(text, came_from, ours, theirs)
    up_to_date = not to_stdout and read == text.encode("utf-8")  # then the write leaves the file alone
    _write(text, output, read, to_stdout)
    if not up_to_date:
        _warn_of_unreviewed_mistakes(written, came_from, "merge result" if to_stdout else str(shown_output))
    if up_to_date:
        _say(f"already up to date: {shown_output} holds everything in {theirs}; nothing written")
    elif not to_stdout:
        common = f" (common ancestor {ancestor_shown})" if ancestor is not None else ""
        deleted = f", {result.deleted} deleted" if ancestor is not None else ""
        _say(f"merged {theirs} into {ours}{common}: {counted(len(result.glossary.terms), 'entry', 'entries')} "
             f"written to {shown_output} "
             f"({result.added} added, {result.changed} changed{deleted})")
    if result.skipped:  # the tool's own proposals, but still something a person may look for
        shown = ", ".join(f'"{entry.source}" → {" / ".join(entry.target) or "(no target)"} ({theirs}:{entry.line})'
                          for entry in result.skipped[:5])
        more = f" and {len(result.skipped) - 5:,} more" if len(result.skipped) > 5 else ""
        _say(f"{counted(len(result.skipped), 'proposal')} from {theirs} skipped, as {ours} has those terms "
             f"already: {shown}{more}")


def _merged_as_text(files: tuple, labels: tuple, output: Path, read: bytes | None, *, shown_output,
                    code: int = EXIT_FINDINGS) -> None:
    """With --markers, when the entries cannot be merged (a side validate refuses, or a merged
    entry it would refuse): the files merged line by line, as git merges text, so nothing of either
    side is lost from sight. Lines both changed stand between conflict markers; validate then names
    whatever else is wrong. Without git (or without an ancestor), each side whole between markers."""
    import shutil
    import subprocess

    ours, ancestor, theirs = files
    text = None
    if ancestor is not None and shutil.which("git"):
        merged = subprocess.run(["git", "merge-file", "-p", "-L", labels[0], "-L", labels[1], "-L", labels[2],
                                 str(ours), str(ancestor), str(theirs)], capture_output=True)
        if merged.returncode >= 0 and not merged.stderr.strip():
            text = merged.stdout.decode("utf-8", "surrogateescape")
    if text is None:
        sides = [Path(path).read_text(encoding="utf-8", errors="surrogateescape") for path in (ours, theirs)]
        text = (f"<<<<<<< {labels[0]}\n{sides[0]}{'' if sides[0].endswith(chr(10)) else chr(10)}=======\n"
                f"{sides[1]}{'' if sides[1].endswith(chr(10)) else chr(10)}>>>>>>> {labels[2]}\n")
    _write(text, output, read, False)
    fail(f"could not merge entry by entry, so {shown_output} holds the two merged line by line, as git merges "
         "text, with conflict markers where both changed a line; mend what the errors above name, keep one side "
         "of each conflict, then run glossary validate", code=code)


def _named_as(error, names: dict[str, str]):
    """The error with each file named as in `names` (its problems too)."""
    import dataclasses

    from ..glossary_yaml import GlossaryProblems

    if isinstance(error, GlossaryProblems):
        return GlossaryProblems([dataclasses.replace(problem, path=names.get(problem.path, problem.path))
                                 for problem in error.problems])
    error.path = names.get(str(error.path), error.path)
    return error


def _write(text: str, output: Optional[Path], read: bytes | None, to_stdout: bool) -> None:
    from ..atomic import write_atomic

    if to_stdout:
        with writing_to_stdout():
            write_utf8(text)
    else:
        write_atomic(str(output), text, expected=read)


def _origin_of(written, problem, came_from) -> str:
    """` [entry from theirs.yaml:9]`: where the entry a problem of the merged glossary is about
    came from, and the field it points at, where that came from another entry (merge.FieldOrigins)."""
    from ..merge import field_at

    at = max((index for index, entry in enumerate(written.terms) if (entry.line or 0) <= problem.line), default=None)
    if at is None:
        return ""
    field = field_at(written.terms[at], problem.line, problem.column)
    return came_from(at, written.terms[at], field)


def _warn_of_unreviewed_mistakes(written, came_from, where: str) -> None:
    """The mistakes of entries nobody approved that the merge carries into its result (a candidate
    forbidding its own term, a rejected entry with a no-break space), which validate only warns of:
    said at each one's line in the result, with the entry's origin, as export says what it carries.
    Not refused: check reads approved entries only, and the merge must not lose either side's work."""
    from ..validate import unenforced_problems

    for problem in unenforced_problems(written, where):
        warn(f"{problem}{_origin_of(written, problem, came_from)}; merged as it is")


def _two_way_origin(merged, ours_glossary, theirs_glossary, base: Path, incoming: Path):
    """Where the merged entry at an index came from: the base's entries first, then those added;
    and a field of it that the entry it came from does not hold, from the entry that does."""
    from ..merge import FieldOrigins

    base_count = len(ours_glossary.terms)
    origins = {str(base): FieldOrigins([(str(incoming), theirs_glossary), (str(base), ours_glossary)]),
               str(incoming): FieldOrigins([(str(incoming), theirs_glossary)])}

    def came_from(index: int, written, field) -> str:
        entry = merged.terms[index]
        name, own = (base, ours_glossary.terms[index]) if index < base_count else (incoming, entry)
        return f" [entry from {name}{f':{entry.line}' if entry.line else ''}" \
               f"{_field_from(written, field, own, origins[str(name)])}]"
    return came_from


def _three_way_origin(merged, ours_glossary, theirs_glossary, ours: Path, theirs: Path):
    """Where the merged entry at an index came from: the side holding it as it is, else both, and
    then the side the field a message points at came from."""
    from ..merge import FieldOrigins

    origins = FieldOrigins([(str(ours), ours_glossary), (str(theirs), theirs_glossary)])

    def came_from(index: int, written, field) -> str:
        entry = merged.terms[index]
        for name, glossary in ((ours, ours_glossary), (theirs, theirs_glossary)):
            same = next((other for other in glossary.terms if other == entry), None)
            if same is not None:
                return f" [entry from {name}{f':{same.line}' if same.line else ''}]"
        return f" [entry merged from {ours} and {theirs}{_field_from(written, field, None, origins)}]"
    return came_from


def _field_from(written, field, own, origins) -> str:
    """`, its forbidden "电力网" from theirs.yaml:12`: where the field a message points at came
    from, when the entry `own` the merged one came from does not hold it ("" when it does)."""
    from ..merge import field_value, holds

    if field is None:
        return ""
    key, item = field
    value = field_value(written, key, item)
    if own is not None and holds(own, key, value, listed=item is not None):
        return ""
    where = origins.whence(written, key, item)
    if where is None:
        return ""
    shown = f' "{value}"' if isinstance(value, str) else ""
    return f", its {key}{shown} from {where}"


def _refuse_invalid_result(text: str, came_from, base: Path, incoming: Path):
    """What validate would refuse in the merged glossary (a variant of one side that is the other
    side's term, say) stops the merge: each problem at its line in the result, with the file and
    line the entry at fault came from; nothing is written. Returns the result as read back."""
    from ..glossary_yaml import parse_glossary
    from ..validate import validate_glossary

    written, problems = parse_glossary(text, "merge result")
    problems = problems + validate_glossary(written, "merge result")
    if not problems:
        return written
    for problem in problems:
        _error_line(f"{problem}{_origin_of(written, problem, came_from)}")
    many = len(problems) != 1
    fail(f"the merged glossary would fail validate ({counted(len(problems), 'problem')}); nothing "
         f"written. Settle {'them' if many else 'it'} in {base} or {incoming} and merge again")
