"""`glossary extract`: corpus in, ranked YAML glossary out."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer

from ..cluster import usable_cores
from ..errors import InputFormatError, UsageError
from ..project import project_root, recorded_path, recorded_where
from ..readers import InputFormat
from ..report import counted
from ..textio import STDIN, is_stream
from . import corpus_options as corpus
from .common import (FILE_TO_WRITE, app, existing_glossary, handles_errors, refuse_closed_standard_input,
                     stderr_console, warn, warn_if_unportable, write_utf8, writing_to_stdout)


def default_output(paths: list[Path], sources: list[Path]) -> Path:
    """glossaries/<input's stem>.yaml, as in `glossary extract seeds/x.txt`; a directory gives its
    own name, `.` included. Several inputs have no one name. `glossaries/` is the project's, at
    the top of the git checkout the command runs in (from `docs/`, not `docs/glossaries/`), and
    shown as a path from the current directory; outside a checkout, here."""
    if not paths and not sources:
        raise UsageError(corpus.NO_CORPUS)
    if len(paths) + len(sources) > 1:  # named after the first, a later `extract a.po` would drop b.xlf's candidates
        raise UsageError(f"{len(paths) + len(sources)} corpora given: name the glossary they go into with -o")
    first = Path(paths[0] if paths else sources[0])
    if str(first) == STDIN or is_stream(str(first)):
        raise UsageError(f"reading {'standard input' if str(first) == STDIN else 'a pipe'}: "
                         "name the glossary to write with -o")
    name = f"{first.resolve().name if first.is_dir() else first.stem}.yaml"
    top = project_root(None)
    if top is None:
        return Path("glossaries") / name
    return Path(os.path.relpath(os.path.join(top, "glossaries", name)))


def _refuse_another_inputs_glossary(existing, output: Path, given: list[Path]) -> None:
    """The default glossaries/<name>.yaml of `docs/a/app.po` is also that of `docs/b/app.po`: an
    extract of one would drop the other's candidates without a word. A default output that records
    other inputs is refused; -o names it on purpose."""
    recorded = existing.generated.get("inputs") if isinstance(existing.generated, dict) else None
    if not isinstance(recorded, list) or not recorded:
        return
    root = project_root(str(output))
    wanted = {recorded_path(str(path), root) for path in given}
    if wanted & {str(name) for name in recorded}:
        return
    raise UsageError(f"{output} holds the candidates extracted from {', '.join(map(str, recorded))}, not from "
                     f"{', '.join(sorted(wanted))}; name the glossary with -o (-o {output} replaces those candidates)")


def recorded_evidence(pairs: list, root: str | None) -> list:
    """The pairs with each evidence's file named from the project root (see project.py)."""
    if root is None:
        return pairs
    return [replace(pair, evidence=tuple(replace(evidence, where=recorded_where(evidence.where, root))
                                         for evidence in pair.evidence)) for pair in pairs]


def _refuse_other_languages(languages: dict, output: Path) -> None:
    """Extract writes English terms and Chinese renderings: into a glossary of other languages
    (`languages: {target: ja}`) they would be entries of the wrong language, written without a word."""
    from ..readers.xml_safe import language_matches

    source, target = str(languages.get("source", "en")), str(languages.get("target", "zh"))
    if not (language_matches(source, "en") and language_matches(target, "zh")):
        raise UsageError(f"{output} is a glossary from {source} to {target} (its languages:), and extract "
                         "finds English terms with Chinese renderings; name another glossary with -o")


def _target_language(target_lang: str | None, existing, output: Path) -> str | None:
    """The variant of Chinese to read: --target-lang, else the glossary's own (zh-TW), as check
    does, so that a zh-CN file is not extracted into a zh-TW glossary (it is skipped, or refused
    when named alone, with the file and both tags named). A --target-lang the glossary's language
    contradicts is refused: zh-CN renderings in a zh-TW glossary would be approved or forbidden as
    Taiwan's words."""
    from ..language_tags import Fit, is_plain_chinese, language_fit, regional_target

    glossary_target = regional_target(existing.languages) if existing is not None else None
    if target_lang and glossary_target and not is_plain_chinese(target_lang) \
            and language_fit(target_lang, glossary_target) is not Fit.SAME:
        raise UsageError(f"{output} is a glossary for {glossary_target} (its languages:), and --target-lang "
                         f"{target_lang} would put {target_lang} renderings into it; name another glossary with -o")
    return target_lang or glossary_target


def _recorded_target(target_lang: str | None, declared: list[str]) -> str:
    """The target language a new glossary records: --target-lang, else the one variant the files
    declare (TMX xml:lang, XLIFF target-language, PO Language, values-zh-rTW, a zh-TW column),
    else plain zh, with a warning when the files declare both scripts."""
    from ..language_tags import agreed_tag, cased_tag, chinese_script

    if target_lang:
        return cased_tag(target_lang)
    agreed = agreed_tag(declared)
    if agreed is None:
        scripts = sorted({cased_tag(tag) for tag in declared if chinese_script(tag) is not None})
        if len({chinese_script(tag) for tag in scripts}) > 1:
            warn(f"the corpus declares Chinese in both scripts ({', '.join(scripts)}); the glossary says plain zh; "
                 "pass --target-lang to extract one variant")
    return agreed or "zh"


def _warn_about_left_out(intake) -> None:
    """Pairs extract read but could not use, counted, with the first of each kind."""
    from ..extract import LONG_PAIR_CHARS

    def first(location) -> str:
        return f"{location.path}:{location.line}" if location.line else location.path

    if intake.too_long:
        warn(f"{first(intake.first_too_long)}: {counted(intake.too_long, 'pair')} longer than "
             f"{LONG_PAIR_CHARS:,} characters skipped (first one here); is the text aligned by sentence?")
    if intake.copies:
        warn(f"{first(intake.first_copy)}: {counted(intake.copies, 'pair')} whose Chinese is a copy of the English "
             "skipped (first one here): untranslated strings, not terms kept in English")


def _refuse_corpus_as_output(output: Path) -> None:
    """`-o app.po` (the corpus and `-o` swapped, or a slip) names a file of a corpus format: the
    glossary would be YAML under a name every tool reads as something else, and an existing file's
    error would be about YAML syntax, sending the user to edit their PO file."""
    from ..readers import BY_EXTENSION

    extension = output.suffix.lower()
    if extension in BY_EXTENSION or extension == ".tbx":
        what = "a termbase" if extension == ".tbx" else "a corpus"
        raise UsageError(f"-o {output}: a {extension} file is {what}, not a glossary; the glossary is a .yaml file "
                         "(did you swap the corpus and -o?)")


def _refuse_file_as_cache_dir(cache_dir: Path) -> None:
    """An explicit --cache-dir that is (or lies under) a file would silently cache nothing."""
    probe = cache_dir.absolute()
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise UsageError(f"--cache-dir {cache_dir}: {probe} is a file, not a directory")


def _usable_cache_dir(cache_dir) -> str | None:
    """The cache directory, created if need be; None, with a warning, when it cannot be created
    (`--cache-dir /proc/x`, a read-only home) or there is no home to put it in: the run works as
    with --no-cache, and says so rather than redoing all its work next time unexplained. One it
    cannot write to is said too."""
    if cache_dir is None:
        warn("no home directory to keep the cache in (HOME unset or empty); nothing is cached this run "
             "(--cache-dir or XDG_CACHE_HOME chooses a directory)")
        return None
    cache_dir = str(cache_dir)
    try:
        os.makedirs(cache_dir, exist_ok=True)
    except OSError as error:
        warn(f"cannot create the cache directory {cache_dir} ({error.strerror or error}); nothing is cached "
             "this run (--cache-dir chooses another)")
        return None
    if not os.access(cache_dir, os.W_OK):
        warn(f"cannot write to the cache directory {cache_dir}; what this run computes is not cached "
             "(--cache-dir chooses another)")
    return cache_dir


@app.command()
@handles_errors
def extract(
    context: typer.Context,
    corpus_files: list[Path] = typer.Argument(None, metavar="CORPUS...", help="Aligned corpus files (- reads standard input), or directories: their .po, .xlf/.xliff and .tmx files "
                                                             "(or those of --input-format)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", **FILE_TO_WRITE,
                                          help="Glossary to write or update (default for one input: glossaries/<input>.yaml; - writes "
                                                               "it to stdout)."),
    top: Optional[int] = typer.Option(None, "--top", metavar="<n>", min=1,
                                      help="Keep only the N best pairs (in an existing glossary, pairs for terms "
                                           "people already worked on count among them and are not added again; "
                                           "every entry people worked on is kept, rejected ones included, so the "
                                           "file can hold more than N entries)."),
    min_score: float = typer.Option(0.2, "--min-score", metavar="<score>", min=0.0, max=1.0,
                                    help="Drop pairs scoring below this."),
    max_words: int = typer.Option(5, "--max-words", metavar="<n>", min=1, max=12,
                                  help="Longest English candidate, in words; capitalised names (up to 9 words) "
                                       "and terms in quotes or brackets may be longer."),
    max_tokens: int = typer.Option(6, "--max-tokens", metavar="<n>", min=1, max=12,
                                   help="Longest Chinese candidate, in jieba tokens; terms in quotes or brackets "
                                        "may be longer."),
    spacy_model: Optional[str] = typer.Option(None, "--spacy-model", metavar="<name>",
                                              help="Installed spaCy pipeline whose tokenizer splits the English (default: "
                                                   "blank English); its tagger is not used."),
    show: int = typer.Option(15, "--show", metavar="<n>", min=0, help="Rows of the summary table printed at the end."),
    jobs: int = typer.Option(usable_cores(), "--jobs", "-j", metavar="<n>", min=1,
                             show_default="CPU cores this process may use",
                             help="Processes for tokenizing and linking; the result is the same for any number."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir",
                                             help="Where tokenised segments, the learned lexicon and each "
                                                  "shard's links are cached "
                                                  "(default: $XDG_CACHE_HOME/glossary-cli/extract)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
    dask: bool = typer.Option(False, "--dask",
                              help="Run the shards on a local Dask cluster of --jobs worker processes "
                                   "(pip install 'glossary-cli[dask]')."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="Run the shards on an existing Dask cluster, "
                                                 "e.g. tcp://host:8786 (workers need glossary-cli installed)."),
    input_format: InputFormat = corpus.INPUT_FORMAT,
    encoding: Optional[str] = corpus.ENCODING,
    strict: bool = corpus.STRICT,
    include_fuzzy: bool = corpus.INCLUDE_FUZZY,
    source_lang: Optional[str] = corpus.SOURCE_LANG,
    target_lang: Optional[str] = corpus.TARGET_LANG,
    source: Optional[list[Path]] = corpus.SOURCE_FILE,
    target: Optional[list[Path]] = corpus.TARGET_FILE,
) -> None:
    """Extract candidate term pairs from aligned English-Chinese text into a YAML glossary.

    Re-running into an existing glossary keeps every approved or rejected entry exactly as a
    person left it and never proposes a rejected pair again (nor, in any rendering, a term
    rejected without a target).
    """
    from ..atomic import content_now, refuse_link_not_to, write_atomic
    from ..glossary_yaml_read import GLOSSARY_FILE
    from ..cache import default_cache_dir
    from ..cluster import open_runner
    from ..extract import ExtractOptions, extract as run_extract
    from ..glossary_yaml import dump_glossary
    from ..update import (candidate_changes, candidate_proposals, decided_terms, known_chinese_terms, rejected_pairs,
                          rejected_terms, update_glossary, worked_on)
    from .extract_view import progress_reporter, provenance, summary_table
    from .progress import working_on

    corpus.refuse_pair_from_two_places(context)
    if dask and scheduler is not None:
        raise UsageError("--dask starts a local Dask cluster and --scheduler names an existing one; give one of them")
    paths = list(corpus_files or [])
    refuse_closed_standard_input([str(path) for path in paths])
    to_stdout = output is not None and str(output) == STDIN  # a new glossary, written to sys.stdout
    chosen_here = output is None  # the default glossaries/<input>.yaml, not one the user named
    if output is None:
        output = default_output(paths, list(source or []))
        warn_if_unportable(output, remedy="name the glossary with -o")
    if not to_stdout:
        _refuse_corpus_as_output(output)
        refuse_link_not_to(str(output), GLOSSARY_FILE)  # now, not after the extraction
    read = None if to_stdout else content_now(str(output))  # if the glossary changes meanwhile, nothing is written
    existing = None if to_stdout else existing_glossary(output)
    if existing is not None:
        _refuse_other_languages(existing.languages, output)
        if chosen_here:
            _refuse_another_inputs_glossary(existing, output, [*paths, *(source or [])])
    target_lang = _target_language(target_lang, existing, output)
    declared: list[str] = []  # the Chinese variant each file says it holds
    if cache_dir is not None and not no_cache:
        _refuse_file_as_cache_dir(cache_dir)
    options = ExtractOptions(max_words=max_words, max_tokens=max_tokens, min_score=min_score, top=top,
                             spacy_model=spacy_model)
    paired = [name for pair in corpus.side_by_side(source, target) for name in pair]  # --source/--target, in pairs
    pairs = corpus.corpus_pairs(paths, source=source, target=target, input_format=input_format,
                                encoding=encoding, strict=strict, include_fuzzy=include_fuzzy,
                                source_lang=source_lang, target_lang=target_lang,
                                on_language=declared.append,
                                preferred_target_lang=corpus.preferred_target(existing))  # read as extract goes
    console = stderr_console()
    with open_runner(jobs=jobs, dask=dask, scheduler=scheduler) as runner, progress_reporter(console) as progress:
        result = run_extract(pairs, options=options, known_terms=known_chinese_terms(existing),
                             rejected=rejected_pairs(existing), rejected_terms=rejected_terms(existing),
                             progress=progress, runner=runner,
                             cache_dir=None if no_cache else _usable_cache_dir(cache_dir or default_cache_dir()))
    _warn_about_left_out(result.intake)
    if not result.segment_count:  # writing now would drop every candidate of the existing glossary
        inputs_read = ", ".join(str(path) for path in [*paths, *paired])
        raise InputFormatError(f"no segment pairs in {inputs_read}; nothing extracted"
                               + ("" if to_stdout else f", {output} is unchanged"))
    root = project_root(None if to_stdout else str(output))
    inputs = [recorded_path(str(path), root) for path in [*paths, *paired]]
    proposed_before = candidate_proposals(existing)
    # seconds for a glossary of 10,000s of entries, after the progress bar has gone
    with working_on("writing the glossary" if to_stdout else f"writing {output}"):
        glossary = update_glossary(existing, recorded_evidence(result.pairs, root), provenance(result, inputs, options))
        if existing is None:
            glossary.languages["target"] = _recorded_target(target_lang, declared)
        text = dump_glossary(glossary)
        if not to_stdout:
            write_atomic(str(output), text, expected=read)
    if to_stdout:  # once the spinner has gone from the terminal
        with writing_to_stdout():
            write_utf8(text)  # a glossary, whatever the locale: escapes would be its text
    summary_table(console, result, show, decided_terms(glossary) if existing else None)
    kept = sum(worked_on(entry) for entry in glossary.terms) if existing else 0
    used = result.intake.read - result.intake.too_long - result.intake.copies
    distinct = f" ({result.segment_count:,} distinct)" if used != result.segment_count else ""
    console.print(f"{counted(len(result.pairs), 'term pair')} from {counted(used, 'segment pair')}{distinct}"
                  f" -> {'<stdout>' if to_stdout else output}"
                  + (f" ({counted(kept, 'entry', 'entries')} people worked on kept as written)" if kept else ""),
                  highlight=False, markup=False, soft_wrap=True)
    if existing is not None:
        console.print(str(candidate_changes(proposed_before, glossary)), highlight=False, markup=False, soft_wrap=True)
    if os.environ.get("GLOSSARY_DEBUG"):
        console.print(result.tokenizers, f"tokenized {result.tokenized_pairs} pairs and linked "
                                          f"{result.linked_pairs}, the rest from the cache")

