"""`glossary export` and `glossary import`: glossaries to and from CAT tools (TBX, CSV, TSV)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import UsageError
from ..exchange import ExchangeFormat, ImportStage, TbxVersion
from ..glossary import Status
from ..report import counted
from .common import (FILE_TO_WRITE, StatusChoice, app, chinese_language, chosen_statuses, english_language, existing_glossary, handles_errors,
                     load_validated, refuse_conflicts, same_file, stderr_console, warn, write_utf8,
                     writing_to_stdout)
from .progress import progress_reporter


class UnstatedStatus(str, Enum):
    """What import makes of a term its file gives no status: a candidate, or approved."""

    CANDIDATE = "candidate"
    APPROVED = "approved"


def _warn_of_unreviewed_mistakes(loaded, glossary: Path, statuses) -> None:
    """An export of candidates or rejected entries (--status) carries their mistakes, which validate
    only warns of (a repeated rendering, a no-break space): said, at each one's line, as validate
    says it, so a sheet to review or a CAT tool's termbase does not take them in unseen."""
    from ..glossary import Status
    from ..validate import unenforced_problems

    unreviewed = [status for status in statuses or () if status is not Status.APPROVED]
    if unreviewed:
        for problem in unenforced_problems(loaded, str(glossary), statuses=unreviewed):
            warn(f"{problem}; exported as it is")


@app.command("export")
@handles_errors
def export_command(
    glossary: Path = typer.Argument(..., metavar="GLOSSARY", help="Glossary YAML file to export."),
    to: ExchangeFormat = typer.Option(..., "--to", case_sensitive=False,
                                      help="tbx (TBX v3, TBX-Basic dialect), csv or tsv: one row per rendering under a "
                                           "header that always starts en,zh,status,note,forbidden (the glossary's "
                                           "languages; forbidden renderings in the forbidden cell of the term's "
                                           "first row), then, in this order and only when an exported entry uses "
                                           "them, source_variants, case_sensitive, keep_source, part_of_speech, "
                                           "definition, subject_field, match_compounds, x-KEY and one_rendering."),
    output: Optional[Path] = typer.Option(
        None, "-o", "--output", **FILE_TO_WRITE,
        help="File to write; stdout when omitted or -. An existing file is replaced only when it is empty or an "
             "earlier export (a table whose first row names the term columns and status; a TBX termbase), so a "
             "slip of -o never destroys a corpus or a glossary."),
    status: Optional[list[StatusChoice]] = typer.Option(
        None, "--status", metavar="<status>", case_sensitive=False,
        help="Export entries with this status: candidate, approved, rejected (repeat for several) or all. "
             "Default: approved, what a CAT tool should suggest; --status all for a sheet to review "
             "(csv/tsv: the status column tells them apart)."),
    bom: bool = typer.Option(False, "--bom", help="For Excel: start a CSV/TSV file with a UTF-8 byte-order mark, "
                                                  "so Excel shows the Chinese correctly, and put ' before a cell "
                                                  "starting with = + - @, tab or CR (e.g. =HYPERLINK(...)), so "
                                                  "Excel shows it as text instead of running it as a formula "
                                                  "(OWASP CSV injection). import removes that ' again."),
    tbx_version: Optional[TbxVersion] = typer.Option(
        None, "--tbx-version", case_sensitive=False,
        help="3 (default): TBX v3, <tbx>. 2: TBX v2 (TBX 2008), <martif>/termEntry/langSet/tig with the same data "
             "categories, for tools that read only v2: Weblate (through translate-toolkit)."),
) -> None:
    """Export a glossary for CAT tools (memoQ, Trados, Phrase, Crowdin, Weblate) as TBX, CSV or TSV."""
    from ..atomic import write_atomic
    from ..exchange import export_glossary

    output = _unless_stdout(output)
    if output is not None and same_file(output, glossary):
        raise UsageError(f"-o {output} would overwrite the glossary being exported; choose another file")
    loaded = load_validated(glossary)
    _refuse_overwriting_other_files(output, to, loaded.languages)
    statuses = chosen_statuses(status)
    _warn_of_unreviewed_mistakes(loaded, glossary, statuses)
    text = export_glossary(loaded, to, statuses=statuses, byte_order_mark=bom, path=str(glossary),
                           tbx_version=tbx_version, on_warning=warn)
    count = _count_entries(loaded, to, statuses)
    if output is None:
        with writing_to_stdout():
            write_utf8(text)
    else:
        write_atomic(str(output), text)
        sys.stderr.write(f"{output}: exported {counted(count, 'entry', 'entries')} as {to.value}"
                         f"{_left_out_by_default(loaded, to, statuses)}\n")
    if count == 0:
        warn(_nothing_exported(glossary, to, statuses))


def _refuse_overwriting_other_files(output: Optional[Path], to: ExchangeFormat, languages: dict[str, str]) -> None:
    """An existing -o file is replaced only when it is empty or an earlier export: a slip of -o
    must not destroy a glossary, a PO catalogue or an aligned corpus (see exchange/overwrite.py)."""
    from ..atomic import writes_through
    from ..exchange.overwrite import not_an_earlier_export, what_export_overwrites

    if output is None or writes_through(str(output)) or not output.is_file():
        return
    source_lang, target_lang = languages.get("source", "en"), languages.get("target", "zh")
    found = not_an_earlier_export(str(output), to, source_lang=source_lang, target_lang=target_lang)
    if found is None:
        return
    raise UsageError(f"-o {output} exists and is no earlier {to.value} export ({found}); export overwrites only "
                     f"{what_export_overwrites(to, source_lang=source_lang, target_lang=target_lang)}: "
                     "choose another file or delete it first")


@app.command("import")
@handles_errors
def import_command(
    termbase: Path = typer.Argument(..., metavar="FILE", help="TBX termbase (v3 or v2) or CSV/TSV table with a "
                                                              "header such as en,zh,status,note; - reads standard "
                                                              "input (with --from)."),
    output: Optional[Path] = typer.Option(
        None, "-o", "--output", **FILE_TO_WRITE,
        help="Glossary YAML to create, or to merge into when it exists; stdout when omitted or -."),
    from_format: Optional[ExchangeFormat] = typer.Option(
        None, "--from", case_sensitive=False,
        help="Format of FILE when its extension does not say (.tbx, .csv, .tsv); needed for standard input."),
    source_lang: Optional[str] = typer.Option(
        None, "--source-lang", metavar="<lang>", callback=english_language,
            help="Source language code in FILE (default: the glossary's, else en)."),
    target_lang: Optional[str] = typer.Option(
        None, "--target-lang", metavar="<lang>", callback=chinese_language,
            help="Target language code in FILE (default: the glossary's, else zh)."),
    source_column: Optional[str] = typer.Option(
        None, "--source-column", metavar="NAME",
        help="CSV/TSV column holding the source terms, when its name does not say the language (a column "
             "named en, en-US, English or English (United States) is found without it)."),
    target_column: Optional[str] = typer.Option(
        None, "--target-column", metavar="NAME",
        help="CSV/TSV column holding the target terms (zh, zh-CN, Chinese (Simplified), Chinese_PRC are found "
             "without it)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="<encoding>",
                                           help="Encoding of a CSV/TSV file that is not "
                                                                    "UTF-8 (e.g. gb18030); a byte-order mark (Excel's "
                                                                    "UTF-16 Unicode Text) and TBX declare their own."),
    unstated: UnstatedStatus = typer.Option(
        UnstatedStatus.CANDIDATE, "--unstated", case_sensitive=False,
        help="Status of a term the file gives none (no status column or an empty cell; no "
             "administrativeStatus): approved when the termbase is already decided, so check enforces it."),
) -> None:
    """Import a termbase or table into a glossary YAML file.

    An existing -o glossary is merged with the imported entries: people's decisions are kept, and
    decisions that disagree are listed and nothing is written (exit 1). A term the file gives no
    status (no status column, no administrativeStatus) comes in as a candidate, which check does
    not enforce, unless --unstated approved says the termbase is already decided.
    """
    from ..atomic import content_now, write_atomic
    from ..exchange import import_glossary
    from ..exchange.approvals import approvals_the_file_does_not_make
    from ..glossary_yaml import dump_glossary
    from ..textio import STDIN, STDIN_NAME

    output = _unless_stdout(output)
    if output is not None and str(termbase) != STDIN and same_file(output, termbase):
        raise UsageError(f"-o {output} would overwrite the termbase being imported; choose another file")
    termbase_name = STDIN_NAME if str(termbase) == STDIN else str(termbase)  # as messages name it
    read = content_now(str(output)) if output is not None else None  # what the write expects to replace
    result, kept = None, []
    with progress_reporter(stderr_console(), "importing", _IMPORT_PROGRESS_LABELS, unit="entries") as progress:
        progress(_ImportStep.GLOSSARY, 0, None)
        base = existing_glossary(output) if output is not None else None
        if base is not None:
            source_lang = source_lang or base.languages.get("source")
            target_lang = target_lang or base.languages.get("target")
        incoming = import_glossary(str(termbase), from_format=from_format, source_lang=source_lang,
                                   target_lang=target_lang, source_column=source_column, target_column=target_column,
                                   encoding=encoding, unstated=Status(unstated.value), on_warning=warn, into=base,
                                   into_name=str(output), progress=progress)
        progress(_ImportStep.VALIDATING, len(incoming.terms), None)
        _refuse_what_validate_refuses(incoming, termbase_name)
        if base is None:  # a new file, or stdout
            text = dump_glossary(incoming)
        else:
            from ..language_tags import merged_languages
            from ..merge import merge_glossaries

            if merged_languages(base.languages, incoming.languages) is None:
                raise UsageError(f"{output} is for {_direction(base.languages)} but {termbase_name} was read as "
                                 f"{_direction(incoming.languages)}; pass --source-lang/--target-lang")
            progress(_ImportStep.MERGING, len(incoming.terms), None)
            result = merge_glossaries(base, incoming, base_name=str(output), incoming_name=termbase_name)
            for message in result.dropped:
                warn(message)
            refuse_conflicts(result.conflicts, output, termbase_name, "import")
            text = dump_glossary(result.glossary)
            kept = approvals_the_file_does_not_make(base, incoming)
        progress(_ImportStep.RESULT, len(result.glossary.terms if result else incoming.terms), None)
        problems_it_had = _refuse_new_problems(text, base, str(output) if output is not None else "<stdout>",
                                               termbase_name)
        if output is not None:
            write_atomic(str(output), text, expected=read)
    if output is None:
        with writing_to_stdout():
            write_utf8(text)
    elif result is None:
        sys.stderr.write(f"{output}: {_summary(incoming.terms)} imported from {termbase_name}\n")
    else:
        _list_kept_approvals(kept, str(output), termbase_name)
        sys.stderr.write(f"{output}: merged {_summary(incoming.terms)} from {termbase_name} "
                         f"({result.added:,} new, {result.changed:,} changed{_kept_counts(kept)})\n")
    _warn_about(problems_it_had)


class _ImportStep(Enum):
    """What import's progress says it is doing beyond reading the file (progress.progress_reporter)."""

    GLOSSARY = "reading the glossary"  # a big one takes seconds to read
    VALIDATING = "validating"
    MERGING = "merging"
    RESULT = "validating the result"  # the glossary as it will be written, read back


# `importing: reading 30,000 entries (9,800 entries/s)`, `importing: merging 50,000 entries`
_IMPORT_PROGRESS_LABELS = {ImportStage.READING: "reading", ImportStage.MATCHING: "comparing with the glossary",
                           **{step: step.value for step in _ImportStep}}


KEPT_APPROVALS_LISTED = 10  # a termbase of a part of a big glossary leaves out thousands: the first few, then a count


def _list_kept_approvals(kept: list, output: str, termbase: str) -> None:
    """A warning for each approved term the file leaves out or does not approve, the first few of
    them; kept approved, as the file does not say to change the decision (see exchange/approvals.py)."""
    from ..exchange.approvals import WhatTheFileDid

    for each in kept[:KEPT_APPROVALS_LISTED]:
        entry, found = each.entry, each.found
        term = f'"{entry.source}"' + (f" → {' / '.join(entry.target)}" if entry.target else "")
        if found is None:
            did = f"{termbase} leaves it out"
        else:
            where = f"{termbase}:{found.line}" if found.line else termbase
            did = (f"{where} gives it no status" if each.what_the_file_did is WhatTheFileDid.NO_STATUS
                   else f"{where} has it as a {found.status.value}")
        warn(f"{output}:{entry.line or 1}: {term} is approved; {did}; kept approved")
    if len(kept) > KEPT_APPROVALS_LISTED:
        more = len(kept) - KEPT_APPROVALS_LISTED
        warn(f"{output}: {more:,} more approved term{'s' if more != 1 else ''} that {termbase} leaves out or does "
             "not approve; kept approved")


def _kept_counts(kept: list) -> str:
    """`; kept approved: 2 terms left out of the file, 1 with no status in the file` for the summary
    line; empty when there is none."""
    from collections import Counter

    from ..exchange.approvals import WhatTheFileDid

    if not kept:
        return ""
    counts = Counter(each.what_the_file_did for each in kept)
    said = {WhatTheFileDid.LEFT_OUT: "left out of the file", WhatTheFileDid.NO_STATUS: "with no status in the file",
            WhatTheFileDid.OTHER_STATUS: "not approved in the file"}
    parts = [f"{counts[what]:,} {said[what]}" for what in WhatTheFileDid if counts[what]]
    first = next(counts[what] for what in WhatTheFileDid if counts[what])
    parts[0] = parts[0].replace(" ", " term " if first == 1 else " terms ", 1)  # 2 terms left out of the file
    return f"; kept approved: {', '.join(parts)}"


def _refuse_what_validate_refuses(incoming, termbase: str) -> None:
    """A termbase that would make a glossary validate and check refuse is not imported: each
    problem on its own line at the row or concept entry of the file, then what to do."""
    from ..errors import InputFormatError
    from ..validate import validate_glossary

    problems = validate_glossary(incoming, str(termbase))
    if not problems:
        return
    lines = [f"{problem.path}:{problem.line}: {problem.message}" for problem in problems]
    many = len(problems) != 1
    error = InputFormatError(f"{counted(len(problems), 'problem')} that validate and check would refuse; "
                             f"nothing written. Correct {'them' if many else 'it'} in {termbase} and import again")
    error.problems = [*lines, str(error)]  # type: ignore[attr-defined]  # one error line each
    raise error


def _refuse_new_problems(text: str, base, output: str, termbase: str) -> list:
    """The glossary about to be written is read back and validated: a problem the file did not
    have before (each side fine alone, as an English variant that the other side's source repeats)
    stops the import, so it never writes a glossary validate and check refuse. Returns the problems
    the glossary had already, for a warning after the write."""
    import re
    from collections import Counter

    from ..errors import InputFormatError
    from ..glossary_yaml import parse_glossary
    from ..validate import validate_glossary

    def same_wherever(message: str) -> str:  # "the entry at line 8" moves when entries are added
        return re.sub(r"\d+", "#", message)

    glossary, problems = parse_glossary(text, output)
    problems = problems + validate_glossary(glossary, output)
    had = Counter(same_wherever(problem.message) for problem in (validate_glossary(base, output) if base else []))
    new = []
    for problem in problems:
        key = same_wherever(problem.message)
        if had[key]:
            had[key] -= 1
        else:
            new.append(problem)
    if not new:
        return problems
    lines = [f"{output} as the import would write it, line {problem.line}: {problem.message}" for problem in new]
    many = len(new) != 1
    error = InputFormatError(f"{counted(len(new), 'problem')} that validate and check would refuse; nothing "
                             f"written. Settle {'them' if many else 'it'} in {f'{output} or ' if base else ''}"
                             f"{termbase} and import again")
    error.problems = [*lines, str(error)]  # type: ignore[attr-defined]  # one error line each
    raise error


def _warn_about(problems: list) -> None:
    """Point at what check would refuse in the glossary just written, as merge does."""
    for problem in problems:
        warn(str(problem))


def _summary(entries) -> str:
    approved = sum(entry.status is Status.APPROVED for entry in entries)
    count = len(entries)
    return f"{counted(count, 'entry', 'entries')} ({approved:,} approved, {count - approved:,} other)"


def _direction(languages: dict[str, str]) -> str:
    return f"{languages.get('source', '?')} -> {languages.get('target', '?')}"


def _count_entries(glossary, to: ExchangeFormat, statuses: Optional[list[Status]]) -> int:
    from ..exchange import DEFAULT_STATUSES

    wanted = set(statuses or DEFAULT_STATUSES[to])
    if to is ExchangeFormat.TBX:
        wanted.discard(Status.REJECTED)  # a termbase holds no rejected terms, nor terms without a source
        return sum(entry.status in wanted and bool(entry.source.strip()) for entry in glossary.terms)
    return sum(entry.status in wanted for entry in glossary.terms)


def _left_out_by_default(glossary, to: ExchangeFormat, statuses: Optional[list[Status]]) -> str:
    """What an export without --status left out, so a file meant for review, or a termbase, is not
    taken for the whole glossary: ` (approved only; 12 candidates and 3 rejected left out: --status
    all exports them)`. A termbase holds no rejected terms, so for TBX --status all brings only the
    candidates, and the rejected are named with where they can go. Empty with --status."""
    if statuses is not None:
        return ""
    from collections import Counter

    others = Counter(entry.status for entry in glossary.terms if entry.status is not Status.APPROVED)
    candidates, rejected = others[Status.CANDIDATE], others[Status.REJECTED]
    parts = [counted(candidates, "candidate")] if candidates else []
    parts += [f"{rejected:,} rejected"] if rejected else []
    if not parts:
        return ""
    if to is not ExchangeFormat.TBX or not rejected:
        how = "--status all exports them"
    elif not candidates:
        how = "a termbase holds no rejected terms; --to csv --status rejected exports them"
    else:
        how = "--status all exports the candidates; a termbase holds no rejected terms"
    return f" (approved only; {' and '.join(parts)} left out: {how})"


def _nothing_exported(glossary: Path, to: ExchangeFormat, statuses: Optional[list[Status]]) -> str:
    """Why an export holds no entries, so an empty termbase is never taken for a full one."""
    from ..exchange import DEFAULT_STATUSES

    wanted = list(dict.fromkeys(statuses or DEFAULT_STATUSES[to]))
    exportable = [status for status in wanted if to is not ExchangeFormat.TBX or status is not Status.REJECTED]
    if set(exportable) == set(Status):
        return f"{glossary}: nothing exported: the glossary has no entries"
    return f"{glossary}: nothing exported: no {' or '.join(status.value for status in exportable)} entries"


def _unless_stdout(output: Optional[Path]) -> Optional[Path]:
    """`-o -` means stdout, as when -o is left out."""
    return None if output is not None and str(output) == "-" else output


