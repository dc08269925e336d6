"""`glossary check`: enforce approved terms on aligned text; exit 1 on findings, for CI."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import interrupts
from ..errors import GlossaryError, InputFormatError, OutputError, UsageError
from ..readers import BY_EXTENSION, InputFormat
from ..check import AUTO_PARALLEL_CHUNKS, CHUNK_SIZE
from ..project import project_root
from ..report import ReportContext, ReportFormat, beyond_platform_limits, counted, report_path, summary_line
from ..rules import RULES, Severity
from ..scope import scope_root
from .common import (EXIT_FINDINGS, EXIT_OK, FILE_TO_WRITE, app, draws, handles_errors, load_validated,
                     message_line, refuse_closed_standard_input, same_file, stderr_console, stdout_console,
                     unreachable_paths_refused, warn, write_utf8, writing_to_stdout)
from .corpus_options import (ENCODING, INCLUDE_FUZZY, INPUT_FORMAT, SOURCE_FILE, SOURCE_LANG, STRICT, TARGET_FILE,
                             TARGET_LANG, corpus_pairs, preferred_target, refuse_pair_from_two_places,
                             side_by_side, unexpanded_pattern)
from .progress import progress_reporter


# Formats in which an entry without a translation is an ordinary state (a locale just created with
# msginit, an XLIFF not yet sent to translators), not a sign that the file was misread.
_TRANSLATION_FORMATS = (InputFormat.PO, InputFormat.XLIFF, InputFormat.TMX)
_GLOSSARY_SUFFIXES = (".yaml", ".yml")
_GONE_FILES_NAMED = 3  # a message about files a baseline names that are gone names the first few


class _Step(Enum):
    """What check's progress says it is doing (progress.progress_reporter)."""

    GLOSSARY = "reading the glossary"  # a big one takes seconds to read and validate
    PAIRS = ""  # `checking: 12,000 pairs (1,400 pairs/s)`


_PROGRESS_LABELS = {step: step.value for step in _Step}


def _translation_files_only(paths: list[Path], input_format: InputFormat) -> bool:
    """Whether every corpus argument is a PO, XLIFF or TMX file, or a directory read for them."""
    if not paths:  # --source/--target: line-aligned text
        return False
    for path in paths:
        if input_format is InputFormat.AUTO and path.is_dir():
            continue  # its .po, .xlf and .tmx files
        chosen = input_format if input_format is not InputFormat.AUTO else BY_EXTENSION.get(path.suffix.lower())
        if chosen not in _TRANSLATION_FORMATS:  # including standard input and names without an extension
            return False
    return True


def _refuse_overwriting_inputs(write_baseline: Path, glossary: Path, corpus: list[Path]) -> None:
    """A baseline written over the glossary or a corpus file would destroy it, and every later
    check would pass: a glossary of JSON has no approved terms."""
    if same_file(write_baseline, glossary):
        raise UsageError(f"--write-baseline {write_baseline} would overwrite the glossary being checked; "
                         "choose another file")
    if any(same_file(write_baseline, path) for path in corpus):
        raise UsageError(f"--write-baseline {write_baseline} would overwrite a corpus file being checked; "
                         "choose another file")
    _refuse_other_file(write_baseline)


def _refuse_other_file(write_baseline: Path) -> None:
    """Only an empty file or a baseline is replaced: a tab-completion slip (`--write-baseline
    glossaries/energy.yaml`, README.md) silently turned any file into a baseline, as export -o and
    merge -o refuse to do."""
    from ..check import BASELINE_FILE

    if os.path.islink(write_baseline) or not os.path.isfile(write_baseline):
        return  # a link (atomic.py writes through it only to a baseline), a new file, a directory, a stream
    try:
        with open(write_baseline, "rb") as stream:
            head = stream.read(1 << 20).decode("utf-8", "replace")
    except OSError:
        return  # the write says what stops it
    if head.strip() and not BASELINE_FILE.holds(head):
        raise UsageError(f"--write-baseline {write_baseline} exists and is not a glossary baseline, so writing one "
                         "would replace it; choose another file (or delete it first)")


def _load_glossary(glossary: Path, corpus: list[Path]):
    """The validated glossary; when it cannot be read and the argument looks like a corpus, the
    arguments came the wrong way round (`check corpus.tsv glossary.yaml`): say what goes first."""
    try:
        return load_validated(glossary)
    except GlossaryError:
        glossaries = [path for path in corpus if path.suffix.lower() in _GLOSSARY_SUFFIXES]
        suffix = glossary.suffix.lower()
        # os.path, not pathlib: a path it cannot look at (EACCES, a name too long) is no corpus,
        # and the error already raised says why
        looks_like_corpus = os.path.isdir(glossary) or (os.path.isfile(glossary) and suffix in BY_EXTENSION
                                                        and (suffix != ".json" or bool(glossaries)))
        if not looks_like_corpus:
            raise
        example = f"glossary check {glossaries[0]} {glossary}" if len(glossaries) == 1 else \
            "glossary check GLOSSARY CORPUS..."
        raise UsageError(f"{glossary} looks like a corpus, not a glossary: the glossary comes first, "
                         f"as in {example}") from None


@contextmanager
def _failure_reported(report_format: ReportFormat, context: ReportContext) -> Iterator[None]:
    """An input error still gives the machine formats a report saying what stopped the run (an
    empty file is what GitLab or code scanning cannot parse); then it stops the command as ever."""
    try:
        with unreachable_paths_refused():
            yield
    except GlossaryError as error:
        if report_format is not ReportFormat.TEXT:
            from ..report.failure import render_failure

            with writing_to_stdout():
                write_utf8(render_failure(report_format, error, context))
        raise


@dataclass
class _ReportOutput:
    """Whether any of the report has gone to standard output: after that, a report saying the run
    stopped would be a second document in the same file."""

    started: bool = False


@contextmanager
def _interruption_reported(report_format: ReportFormat, context: ReportContext,
                           output: _ReportOutput) -> Iterator[None]:
    """Ctrl-C, or a CI job's timeout sending SIGTERM, still leaves the machine formats a report
    saying the check did not finish, as pytest writes its junitxml on KeyboardInterrupt: the shell
    has already emptied `> gl-code-quality.json`, and an empty file is what GitLab or code
    scanning cannot parse. The exit code stays 130 or 143."""
    try:
        yield
    except KeyboardInterrupt:
        if report_format is not ReportFormat.TEXT:
            said = f"the {report_format.value} report on stdout is incomplete"
            if not output.started:
                from ..report.failure import render_interrupted

                try:
                    with writing_to_stdout():
                        write_utf8(render_interrupted(report_format, interrupts.signal_number(), context))
                    said = f"the {report_format.value} report on stdout says the check did not finish"
                except OutputError:
                    said = f"the {report_format.value} report could not be written to stdout"
            interrupts.report(message_line(interrupts.summary(said)))
        raise


def _noting_files(pairs, read_files: set[str]):
    """The pairs, noting the file each one comes from."""
    for pair in pairs:
        read_files.add(pair.location.path)
        yield pair


def _as_baseline_names(paths: set[str], baseline: Path) -> set[str]:
    """Files as the baseline at `baseline` names them: relative to its directory, with `/`."""
    from ..check import baseline_name

    root = _baseline_root(baseline)
    return {baseline_name(path, root) for path in paths}


def _files_gone(records: dict[str, int], baseline: Path, why: str = "") -> str:
    """`a file that no longer exists: docs/b2.tsv`, or `4 files that no longer exist: a.tsv, b.tsv,
    c.tsv and 1 more`: the files a baseline names (relative to its directory) that are gone, as
    reports name files (relative to the working directory)."""
    root = _baseline_root(baseline)
    here = os.getcwd()
    names = [report_path(os.path.join(root, name), here) for name in records]
    shown = ", ".join(names[:_GONE_FILES_NAMED])
    if len(names) > _GONE_FILES_NAMED:
        shown += f" and {len(names) - _GONE_FILES_NAMED:,} more"
    if len(names) == 1:
        return f"a file that no longer exists{why}: {shown}"
    return f"{len(names):,} files that no longer exist{why}: {shown}"


_TERMS_NAMED = 3  # a message about a baseline's records names the terms with most of them


def _leftovers_said(leftovers) -> str:
    """`1 fixed, 15 of terms no longer approved (backend 10, epidemic 5)`: why a baseline's
    records matched no finding, so that a retired term's records are not taken for fixes."""
    parts = [f"{leftovers.fixed:,} fixed"] if leftovers.fixed else []
    for counts, what in ((leftovers.no_longer_approved, "of terms no longer approved (rejected, renamed or removed)"),
                         (leftovers.other_rendering, "recorded when the term had other renderings"),
                         (leftovers.out_of_paths, "of terms whose paths: now leave the file out")):
        if counts:
            named = ", ".join(f"{term} {count:,}" for term, count in list(counts.items())[:_TERMS_NAMED])
            if len(counts) > _TERMS_NAMED:
                named += f", and {counted(len(counts) - _TERMS_NAMED, 'more term')}"
            parts.append(f"{sum(counts.values()):,} {what}: {named}")
    return "; ".join(parts) if len(parts) > 1 and any(":" in part for part in parts) else ", ".join(parts)


def _regional_target(glossary) -> str | None:
    """The glossary's own target language when it names a script or region (zh-CN, zh-Hant): its
    approved renderings are that variant's words (文件, not 檔案), so a file in the other script is
    another language to it, skipped with a warning, not checked against words it does not use.
    Plain zh (the default) reads every Chinese file. extract takes the same default."""
    from ..language_tags import regional_target

    return regional_target(glossary.languages)


def _baseline_root(baseline: Path) -> str:
    """A baseline names files relative to its own directory, so a run from a subdirectory (or the
    repository root) matches the same records."""
    return os.path.dirname(os.path.abspath(baseline))


def _refuse_unexpanded_patterns(corpus: list[Path], input_format: InputFormat) -> None:
    """A corpus argument that is no file but a pattern matching files: the shell did not expand it
    (it was quoted, in a CI YAML list, in pre-commit `args`, or typed in cmd.exe). check reads
    only files it is given, as the shell named them, so it says so rather than expanding it."""
    for path in corpus:
        name = str(path)
        matches = unexpanded_pattern(name)
        if not matches:
            continue  # a file, or the reader says: no such file
        advice = "leave it unquoted, or pass the directory"
        chosen = BY_EXTENSION.get(os.path.splitext(name)[1].lower())
        if input_format is InputFormat.AUTO and chosen is not None and chosen not in _TRANSLATION_FORMATS:
            advice += f" with --input-format {chosen.value}"
        raise UsageError(f"{name}: no such file; the shell did not expand this pattern "
                         f"(it matches {counted(len(matches), 'file')}): {advice}")


def _known_findings(baseline: Optional[Path], write_baseline: Optional[Path]):
    """The baseline's records, or None without --baseline. A baseline that does not exist yet is
    empty when this run writes it: the first `--baseline X --write-baseline X` of a CI job."""
    from ..check import load_baseline

    if baseline is None:
        return None
    if write_baseline is not None and not os.path.lexists(baseline) and baseline.resolve() == write_baseline.resolve():
        return Counter()
    return load_baseline(str(baseline))


def _split_selectors(values: Optional[list[str]]) -> list[str] | None:
    """`--ignore GL004,GL005 --ignore GL003` as one list; None when the option was not given."""
    if values is None:
        return None
    return [piece for value in values for piece in value.split(",")]


def _reports_root(report_format: ReportFormat) -> str:
    """The directory reports name files relative to: the current one, except that GitHub, GitLab and
    code scanning attach findings only to paths relative to the top of the repository, so those
    formats, run from a subdirectory of a checkout (`make -C docs`), name them from its top."""
    here = os.getcwd()
    if report_format in (ReportFormat.GITHUB, ReportFormat.GITLAB, ReportFormat.SARIF):
        return project_root(None) or here
    return here


def _warn_about_terms_in_force_nowhere(result, files: int) -> None:
    """Terms whose `paths:` take in none of the files checked were enforced nowhere: said, with the
    directory the globs were read from, since a glob written for another root (a glossary kept in
    another checkout) would otherwise pass every run in silence."""
    if not result.in_force_nowhere:
        return
    terms = [result.terms[number] for number in result.in_force_nowhere]
    named = ", ".join(f'"{entry.source}"' for entry in terms[:3]) + (f" and {len(terms) - 3:,} more" if len(terms) > 3 else "")
    warn(f"{counted(len(terms), 'approved term')} with paths: in force in none of the {counted(files, 'file')} "
         f"checked, so not enforced: {named} (their globs are relative to {result.root})")


def _warn_about_rules_for_other_direction(result, rule_ids: tuple[str, ...]) -> None:
    """Pairs translated from Chinese are checked by GL005-GL007, the others by GL001-GL004: a
    selection that leaves out every rule of a direction the run read checked those pairs for
    nothing, and a CI config written for one direction (`--select GL001,GL002`) would pass the
    other in silence."""
    from ..rules import RULES, Direction

    from_chinese, from_english = result.pairs_from_chinese, result.pairs_checked - result.pairs_from_chinese
    chinese_rules = {rule.id for rule in RULES.values() if rule.direction is Direction.FROM_CHINESE}
    if from_chinese and "GL005" not in rule_ids:
        others = sorted(set(rule_ids) & chinese_rules)
        how = f"checked by {' and '.join(others)} only" if others else "not checked"
        warn(f"{counted(from_chinese, 'pair')} translated from Chinese {how}: GL005, the rule for them, is not "
             "selected")
    if from_english and not set(rule_ids) - chinese_rules:
        only = " and ".join(sorted(set(rule_ids) & chinese_rules))
        warn(f"{counted(from_english, 'pair')} translated into Chinese not checked: only {only} "
             f"{'is' if ' and ' not in only else 'are'} selected, which check pairs translated from Chinese")
    if from_chinese and "GL004" in rule_ids and "GL006" not in rule_ids:
        warn(f"GL004 counts terms in pairs translated into Chinese only; GL006 counts them in the "
             f"{counted(from_chinese, 'pair')} translated from Chinese")


def _chosen_rules(select: Optional[list[str]], ignore: Optional[list[str]], strict_count: bool) -> tuple[str, ...]:
    """The IDs of the rules the run applies; an unknown rule, or none left, is a usage error."""
    from ..rules import UnknownRuleError, enabled_rules, rules_named

    for option, values in (("--select", select), ("--ignore", ignore)):
        for selector in _split_selectors(values) or []:
            try:
                rules_named(selector)
            except UnknownRuleError as error:
                raise UsageError(f"{option}: {error.message}") from None
    rules = enabled_rules(strict_count=strict_count, select=_split_selectors(select),
                          ignore=_split_selectors(ignore) or ())
    if not rules:
        given = [option for option, values in (("--select", select), ("--ignore", ignore)) if values is not None]
        raise UsageError(f"{' and '.join(given)} leave{'s' if len(given) == 1 else ''} no rule to check; "
                         "a run that checks nothing would pass")
    return tuple(rule.id for rule in rules)


@app.command()
@handles_errors
def check(
    context: typer.Context,
    # readable=False on the inputs: an unreadable file is said by check itself, in the report of
    # --format sarif (or json…) too; typer's own refusal came before the report, which was empty
    glossary: Path = typer.Argument(..., metavar="GLOSSARY", readable=False,
                                    help="Glossary YAML file; its approved entries are enforced."),
    corpus: Optional[list[Path]] = typer.Argument(
        None, metavar="CORPUS...", readable=False, help="Aligned corpus files in any format extract reads (- reads standard input), or directories: their .po, "
                                          ".xlf/.xliff and .tmx files (or those of --input-format)."),
    report_format: ReportFormat = typer.Option(
        ReportFormat.TEXT, "--format", case_sensitive=False,
        help="Report on stdout: text, json (schema glossary-check/1), sarif (2.1.0), github (workflow "
             "annotations), junit (one test case per approved term) or gitlab (a Code Quality report)."),
    fail_on: Severity = typer.Option(
        Severity.ERROR, "--fail-on", case_sensitive=False,
        help="Lowest severity of a new finding that makes the exit code 1."),
    strict_count: bool = typer.Option(
        False, "--strict-count",
        help="Also warn when a term occurs more often in the source than in the translation: GL004 (its targets "
             "in the Chinese) and, in files translated from Chinese, GL006 (its English)."),
    select: Optional[list[str]] = typer.Option(
        None, "--select", metavar="RULES",
        help="Run only these rules: IDs, prefixes (GL00) or ALL, separated by commas; the default runs GL001-GL003, "
             "GL005 and GL007 (and GL004 and GL006 with --strict-count)."),
    ignore: Optional[list[str]] = typer.Option(
        None, "--ignore", metavar="RULES",
        help="Leave these rules out (IDs, prefixes or ALL, separated by commas). As in ruff, where --select and "
             "--ignore both name a rule the more specific one wins: --ignore GL --select GL002 runs GL002."),
    baseline: Optional[Path] = typer.Option(
        None, "--baseline", readable=False, help="JSON file of known findings, each in its file: they are reported as known and do "
                                 "not fail; the same mistake in another file is new, and so is one the rule now asks "
                                 "another rendering for. Records no longer found are counted by why: fixed, term no "
                                 "longer approved, other renderings, or left out by the term's paths:."),
    write_baseline: Optional[Path] = typer.Option(
        None, "--write-baseline", **FILE_TO_WRITE,
        help="Write every current finding, with its file, to this baseline file and exit 0 (with --baseline naming "
             "the same file, it need not exist yet). Records of files this run did not read, or of rules it did "
             "not apply, are kept; those of files that no longer exist, and those no longer found, are dropped and "
             "counted."),
    show_known: bool = typer.Option(
        False, "--show-known",
        help="List the findings --baseline knows in the text report too; by default they are summed up in one "
             "line, so new findings stand out. (json, sarif and junit mark them known; github and gitlab leave "
             "them out.)"),
    statistics: bool = typer.Option(
        False, "--statistics",
        help="Count the findings instead of listing them: by rule, and by rule and term, most first, to see which "
             "terms cause most of them (text format)."),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", metavar="<n>", min=1,
        show_default=f"number of CPU cores for {AUTO_PARALLEL_CHUNKS * CHUNK_SIZE:,} pairs or more, else 1",
        help="Worker processes that check the pairs; the report is the same for any number."),
    source: Optional[list[Path]] = SOURCE_FILE,
    target: Optional[list[Path]] = TARGET_FILE,
    input_format: InputFormat = INPUT_FORMAT,
    encoding: Optional[str] = ENCODING,
    strict: bool = STRICT,
    include_fuzzy: bool = INCLUDE_FUZZY,
    source_lang: Optional[str] = SOURCE_LANG,
    target_lang: Optional[str] = TARGET_LANG,
    skip_other_languages: bool = typer.Option(
        False, "--skip-other-languages",
        help="Skip a file that translates other languages (a de catalogue) with a warning even when every "
             "file named is one, and pass: what a pre-commit hook needs, since it names the changed files of "
             "every language. Without it such a run is an error, as a file named by mistake."),
) -> None:
    """Check that translations use the approved terms of a glossary.

    An entry with `paths: ["locale/**"]` (gitignore-like globs, relative to the project root) is
    enforced only in the files they take in.

    Exit code 0: no new finding at or above --fail-on; 1: such findings; 2: usage or input error.
    """
    from ..check import apply_baseline, leftover_records, records_of_missing_files, run_check
    from ..check import write_baseline as save_baseline
    from ..report import report_chunks

    if show_known and report_format is not ReportFormat.TEXT:
        kept = "leaves them out" if report_format in (ReportFormat.GITHUB, ReportFormat.GITLAB) else "marks them known"
        raise UsageError(f"--show-known lists known findings in the text report; --format {report_format.value} {kept}")
    if statistics and report_format is not ReportFormat.TEXT:
        raise UsageError(f"--statistics counts findings in place of the text report; --format {report_format.value} "
                         "lists each finding, and its summary line on stderr counts them by rule")
    refuse_pair_from_two_places(context)
    rule_ids = _chosen_rules(select, ignore, strict_count)
    if write_baseline is not None:
        corpus_files = [*(corpus or []), *(source or []), *(target or [])]
        _refuse_overwriting_inputs(write_baseline, glossary, corpus_files)
    corpus_names = tuple(str(path) for path in corpus or []) + tuple(
        name for pair in side_by_side(source, target) for name in pair)  # --source/--target, in pairs
    here = _reports_root(report_format)  # every report names a file as its findings do, whatever the spelling typed
    cwd = os.getcwd()
    context = ReportContext(root=here, glossary_path=report_path(str(glossary), here, cwd),
                            corpus=tuple(report_path(name, here, cwd) for name in corpus_names), fail_on=fail_on,
                            baseline=report_path(str(baseline), here, cwd) if baseline is not None else None,
                            options={"strict_count": strict_count, "input_format": input_format.value,
                                     **({"rules": list(rule_ids)} if select or ignore else {})})
    output = _ReportOutput()
    with _interruption_reported(report_format, context, output):
        with (_failure_reported(report_format, context),
              progress_reporter(stderr_console(), "checking", _PROGRESS_LABELS) as progress):
            progress(_Step.GLOSSARY, 0, None)
            loaded = _load_glossary(glossary, list(corpus or []))
            known = _known_findings(baseline, write_baseline)
            if write_baseline is not None and write_baseline.is_dir():  # before the run and its report, not after
                raise OutputError("is a directory, not a baseline file", path=str(write_baseline))
            if not loaded.approved():
                warn(f"{glossary}: no approved entries, nothing to enforce; set status: approved on reviewed terms")
            _refuse_unexpanded_patterns(list(corpus or []), input_format)
            refuse_closed_standard_input(corpus_names)
            target_lang = target_lang or _regional_target(loaded)
            other_languages: list[str] = []  # files named that translate other languages, skipped
            pairs = corpus_pairs(list(corpus or []), source=source, target=target, input_format=input_format,
                                 encoding=encoding, strict=strict, include_fuzzy=include_fuzzy,
                                 source_lang=source_lang, target_lang=target_lang,
                                 preferred_target_lang=preferred_target(loaded),
                                 on_other_language=other_languages.append if skip_other_languages else None)
            read_files: set[str] = set()  # the files the pairs came from: what a baseline may say about this run
            result = run_check(loaded, _noting_files(pairs, read_files), select=rule_ids, jobs=jobs,
                               root=scope_root(str(glossary)), allow_no_pairs=True,
                               progress=lambda done: progress(_Step.PAIRS, done, None))
            if not result.pairs_checked and other_languages:
                # a pre-commit hook handed only the de and fr catalogues of a commit: nothing to check
                warn(f"nothing to check: {counted(len(other_languages), 'file')} named, all translating other "
                     "languages (see above)")
            elif not result.pairs_checked:
                # every line skipped: passing would hide it
                if not _translation_files_only(list(corpus or []), input_format):
                    raise InputFormatError(f"no segment pairs in {', '.join(corpus_names)}; nothing checked")
                warn(f"no translated entries in {', '.join(corpus_names)} yet; nothing to check")
            _warn_about_rules_for_other_direction(result, rule_ids)
            _warn_about_terms_in_force_nowhere(result, len(read_files))
        if known is not None:
            result = apply_baseline(result, known, root=_baseline_root(baseline))
            stale = leftover_records(result, known, root=_baseline_root(baseline),
                                     read=_as_baseline_names(read_files, baseline))
            anywhere = sum(count for record, count in known.items() if record.path is None)
            gone = records_of_missing_files(known, root=_baseline_root(baseline)) if write_baseline is None else {}
            if gone:
                total = sum(gone.values())
                files = _files_gone(gone, baseline, " (renamed or deleted)")
                warn(f"{baseline}: {counted(total, 'known finding')} of {files}; --write-baseline {baseline} drops "
                     f"{'it' if total == 1 else 'them'}")
            if stale.total and write_baseline is None:
                why = " (fixed)" if stale.fixed == stale.total else f": {_leftovers_said(stale)}"
                warn(f"{baseline}: {counted(stale.total, 'known finding')} of the files checked not found in this "
                     f"run{why}; --write-baseline {baseline} refreshes it")
            if anywhere and write_baseline is None:
                warn(f"{baseline}: {counted(anywhere, 'known finding')} name{'s' if anywhere == 1 else ''} no file "
                     f"(a baseline written by an older glossary-cli) and {'is' if anywhere == 1 else 'are'} accepted "
                     f"in any file; --write-baseline {baseline} records the files")

        with writing_to_stdout():
            if report_format is ReportFormat.TEXT and statistics:
                from ..report.statistics import render_statistics

                console = stdout_console()
                render_statistics(result, context, console, show_known=show_known, drawn=draws(console))
            elif report_format is ReportFormat.TEXT and write_baseline is not None:
                # the findings being accepted are in the baseline file; the terminal or CI log gets the count
                stdout_console().print(summary_line(result, context), markup=False, highlight=False, soft_wrap=True)
            elif report_format is ReportFormat.TEXT:
                from ..report.text import render_text

                render_text(result, context, stdout_console(), show_known=show_known)
            else:
                for chunk in report_chunks(result, context, report_format):  # as they come: see report_chunks
                    output.started = True
                    write_utf8(chunk)
    if report_format is not ReportFormat.TEXT:
        # The report is for a program; the CI log shows stderr: what the run found, and what of it
        # the platform will not show, as the text report's last line says it
        for warning in beyond_platform_limits(result, report_format):
            warn(warning)
        stderr_console().print(summary_line(result, context), markup=False, highlight=False, soft_wrap=True)

    if write_baseline is not None:
        refresh = save_baseline(str(write_baseline), result, read=_as_baseline_names(read_files, write_baseline),
                                root=_baseline_root(write_baseline))
        message = f"wrote {counted(len(result.findings), 'finding')} to {write_baseline}"
        if refresh.kept:
            message += f", and kept {counted(refresh.kept, 'record')} of files this run did not read"
        if refresh.kept_of_rules:
            message += (f", and kept {counted(refresh.kept_of_rules, 'record')} of "
                        f"rules this run did not apply ({', '.join(sorted(set(RULES) - set(rule_ids)))})")
        leftovers = refresh.leftovers
        if leftovers.total == leftovers.fixed and leftovers.fixed:
            message += f"; dropped {counted(leftovers.fixed, 'record')} of findings fixed"
        elif leftovers.total:
            message += f"; dropped {counted(leftovers.total, 'record')} no longer found: {_leftovers_said(leftovers)}"
        if refresh.dropped:
            message += (f"; dropped {counted(sum(refresh.dropped.values()), 'record')} of "
                        f"{_files_gone(refresh.dropped, write_baseline)}")
        stderr_console().print(message_line(message), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_OK)
    raise typer.Exit(EXIT_FINDINGS if result.failing(fail_on) else EXIT_OK)
