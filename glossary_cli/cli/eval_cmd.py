"""`glossary eval`: how an extracted glossary compares with a reference termbase.

`--format json` writes one document (schema `glossary-eval/1`):

    {
      "schema": "glossary-eval/1",
      "provenance": {"tool": "glossary-cli", "version": ..., "command": "eval",
                     "glossary": PATH, "reference": PATH, "reference_format": "tsv" | "csv" | "tbx" | "yaml",
                     "reachable_in": [PATH, ...], "options": {"k": int, "misses": int, "input_format": ...},
                     "glossary_generated": {...the glossary's own `generated` block...},
                     "normalisation": {"english": ..., "chinese": ...}},
      "summary": {"k": int, "recall_at_k": float | null, "found": int, "reference_terms": int,
                  "reference_total": int, "top1_accuracy": float | null, "top1_correct": int, "top1_terms": int,
                  "ranked_entries": int,
                  "misses": {"wrong_target": int, "below_k": int, "not_found": int, "top1_wrong": int}},
      "misses": [{"kind": "wrong_target" | "below_k" | "not_found" | "top1_wrong", "term": str,
                  "expected": [str, ...], "proposed_source": str | null, "proposed": [str, ...],
                  "rank": int | null, "correct_rank": int | null}]
    }

`reference_terms` counts the terms evaluated (those reachable in the --reachable-in corpus, when
given), `reference_total` all terms of the reference. A rate over no terms is null (the text says
n/a): `recall_at_k` when reference_terms is 0, `top1_accuracy` when top1_terms is 0. `misses` lists at most --misses items;
`summary.misses` counts them all. The kinds do not overlap. A term R@K does not count is
wrong_target (its best entry, at `rank`, proposes another rendering; `correct_rank`, if any, is
above K), below_k (its best entry is right, at `rank` > K) or not_found; a term R@K counts whose
best entry's first target is wrong is top1_wrong (`correct_rank` <= K). So reference_terms - found
= wrong_target + below_k + not_found, and top1_terms - top1_correct = wrong_target + top1_wrong.
Keys never disappear (null when unknown); adding a key keeps the schema name, removing or renaming
one bumps it. (top1_wrong was added; before it, wrong_target also held the terms found within K.)
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import __version__
from ..errors import GlossaryError, UsageError
from ..evaluate import Evaluation, Miss, MissKind, ReferenceFormat
from ..readers import InputFormat
from ..report import counted, report_path
from ..safe_text import one_line
from . import corpus_options as corpus
from .common import app, chinese_language, draws, english_language, handles_errors, refuse_standard_input, stdout_console, warn, write_utf8, writing_to_stdout

SCHEMA = "glossary-eval/1"
ENGLISH_NORMALISATION = "NFKC, lower case, hyphens as spaces, plural of the last word folded (-ies -> -y, -s)"
CHINESE_NORMALISATION = "NFKC, whitespace removed, case folded"



class EvalFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


_KIND_LABELS = {MissKind.WRONG_TARGET: "wrong target", MissKind.BELOW_K: "below K", MissKind.NOT_FOUND: "not found",
                MissKind.TOP1_WRONG: "top-1 wrong"}


@app.command("eval")
@handles_errors
def eval_command(
    glossary: Path = typer.Argument(..., metavar="GLOSSARY", help="Glossary YAML to measure (e.g. from extract)."),
    reference: Path = typer.Argument(
        ..., metavar="REFERENCE",
        help="Reference terms: TSV (en<TAB>zh|zh2; a header row, optional, names the columns as import finds "
             "them: en, zh-CN, English (United States), Chinese_PRC, 简体中文...), CSV with such columns, TBX, or a "
             "glossary YAML (its approved entries, or every entry not rejected when none is approved). A "
             "variant spelling it declares (source_variants, a TBX concept's other English terms) counts as "
             "the term."),
    k: int = typer.Option(200, "--k", metavar="<k>", min=1,
                          help="R@K counts reference terms found among the K best entries."),
    reachable_in: Optional[list[Path]] = typer.Option(
        None, "--reachable-in", metavar="CORPUS",
        help="Evaluate only reference terms that occur in this aligned corpus with a listed rendering in the "
             "same segment pair (repeat for several files; a directory gives its corpus files)."),
    report_format: EvalFormat = typer.Option(EvalFormat.TEXT, "--format", case_sensitive=False,
                                             help="text (summary and a table of misses) or json (schema "
                                                  "glossary-eval/1)."),
    misses: int = typer.Option(20, "--misses", metavar="<n>", min=0,
                               help="Misses listed, in text and json (0: none); the summary counts all. "
                                    "Kinds: wrong target, below K, not found (the terms R@K misses), then "
                                    "top-1 wrong (found within K, but the best entry's first target is wrong)."),
    reference_format: Optional[ReferenceFormat] = typer.Option(
        None, "--reference-format", case_sensitive=False,
        help="Format of REFERENCE when its extension does not say (.tsv, .csv, .tbx, .yaml)."),
    input_format: InputFormat = typer.Option(InputFormat.AUTO, "--input-format", case_sensitive=False,
                                             help="Format of the --reachable-in corpus; auto detects it from the "
                                                  "extension and content."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", metavar="<lang>", callback=english_language,
                                              help="Source language (default: en): picks the TBX terms, the column of a "
                                                   "CSV or TSV header and, in the --reachable-in corpus, the "
                                                   "TMX/XLIFF variant."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", metavar="<lang>", callback=chinese_language,
                                              help="Target language (default: zh), likewise, e.g. zh-Hant."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="<encoding>",
                                           help="Text encoding of a TSV or CSV reference and of the --reachable-in "
                                                "corpus, one for both (default UTF-8, or what a byte-order mark "
                                                "says), e.g. gb18030, utf-16; glossaries are UTF-8, TBX declares "
                                                "its own."),
) -> None:
    """Measure a glossary against reference terms: R@K, top-1 accuracy and the misses.

    R@K: share of reference terms found, with a listed rendering, among the K best-scored entries.
    Top-1 accuracy: for reference terms the glossary has as a source, the share whose best entry's
    first target is a listed rendering. A rate over no terms is n/a (null in JSON), never 0.
    English is compared ignoring case, hyphens and the plural
    of the last word, Chinese after NFKC. Exit code 0 on success, 2 on a usage or input error.

    Misses, each term once: a term not found within K is "wrong target" (its best entry proposes
    another rendering), "below K" (its best entry is right but ranks below K) or "not found" (no
    entry has it as its source); a term found within K whose best entry's first target is wrong is
    "top-1 wrong". So terms - found = wrong target + below K + not found, and the top-1 terms -
    top-1 correct = wrong target + top-1 wrong.
    """
    from ..evaluate import CorpusIndex, evaluate, in_other_number, load_reference, reachable_terms
    from ..glossary_yaml import load_glossary
    from ..validate import language_problems

    refuse_standard_input(glossary, "a glossary")
    refuse_standard_input(reference, "the reference", saved="gold.tsv")
    _refuse_misplaced(glossary, reference, reachable_in or [])
    try:
        loaded = load_glossary(str(glossary))
    except GlossaryError:
        _refuse_swapped(glossary, reference)
        raise
    for problem in language_problems(loaded, str(glossary)):  # scored, it would miss every term: 0, not an answer
        raise UsageError(problem.message, path=str(glossary), line=problem.line, column=problem.column)
    terms_of = load_reference(str(reference), reference_format=reference_format, encoding=encoding,
                              source_lang=source_lang, target_lang=target_lang, on_warning=warn)
    terms = list(terms_of.terms)
    if reachable_in:
        if input_format is InputFormat.AUTO:
            _refuse_non_corpus(reachable_in)
        pairs = corpus.corpus_pairs(list(reachable_in), source=None, target=None, input_format=input_format,
                                    encoding=encoding, strict=False, include_fuzzy=False, source_lang=source_lang,
                                    target_lang=_reachable_variant(target_lang, terms_of.language, loaded),
                                    preferred_target_lang=corpus.preferred_target(loaded))
        index = CorpusIndex(pairs)
        _warn_about_other_number(in_other_number(terms, index))
        terms = reachable_terms(terms, index)
        if not terms:
            warn(f"none of the {len(terms_of.terms)} reference terms occurs with a listed rendering in "
                 f"{', '.join(map(str, reachable_in))}; R@K and top-1 accuracy are n/a")
    evaluation = evaluate(loaded, terms, k=k, reference_total=len(terms_of.terms))

    if report_format is EvalFormat.JSON:
        chosen_format = reference_format or _format_of(reference)
        here = os.getcwd()  # files named as check's reports name them
        document = {
            "schema": SCHEMA,
            "provenance": {
                "tool": "glossary-cli", "version": __version__, "command": "eval",
                "glossary": report_path(str(glossary), here),
                "reference": report_path(str(reference), here), "reference_format": chosen_format.value,
                "reachable_in": [report_path(str(path), here) for path in reachable_in or []],
                "options": {"k": k, "misses": misses, "input_format": input_format.value},
                "glossary_generated": loaded.generated or {},
                "normalisation": {"english": ENGLISH_NORMALISATION, "chinese": CHINESE_NORMALISATION},
            },
            **_records(evaluation, misses),
        }
        with writing_to_stdout():
            write_utf8(json.dumps(document, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    with writing_to_stdout():
        _render_text(evaluation, misses, reference=reference, reachable_in=reachable_in or [])


def _warn_about_other_number(found: list) -> None:
    """Reference terms the corpus holds only in the other number, which reachability leaves out."""
    if found:
        term, spelling = found[0]
        warn(f"{counted(len(found), 'reference term')} the corpus holds only in the other number "
             f"{'is' if len(found) == 1 else 'are'} not counted as reachable (first: \"{term.source}\", "
             f"found as \"{spelling}\"): --reachable-in looks for each spelling as written, as TICO-19's "
             "gold_coverage.tsv counts; add that spelling to the reference to count the term")


def _reachable_variant(target_lang: Optional[str], reference_language: Optional[str], glossary) -> Optional[str]:
    """The variant of Chinese --reachable-in reads: --target-lang, else the one the reference says
    its renderings are (an `en<TAB>zh-TW` header), else the glossary's own, as check reads it. A
    zh-TW reference looked up in the zh-CN half of a mixed memory finds almost none of its terms."""
    from ..language_tags import regional_target

    return target_lang or reference_language or regional_target(glossary.languages)


_USAGE = "glossary eval GLOSSARY REFERENCE"
_REFERENCE_ONLY = (".tsv", ".tab", ".csv", ".tbx")  # never a glossary


def _refuse_misplaced(glossary: Path, reference: Path, reachable_in: list[Path]) -> None:
    """A directory, or a pattern the shell did not expand, where eval takes one file: said as
    check says it, rather than as a reference of unknown format or a missing file."""
    for path, what in ((glossary, "GLOSSARY"), (reference, "REFERENCE")):
        if path.is_dir():
            raise UsageError(f"{path} is a directory; {what} is one file: {_USAGE}")
        matches = corpus.unexpanded_pattern(str(path))
        if matches:
            raise UsageError(f"{path}: no such file; the shell did not expand this pattern (it matches "
                             f"{counted(len(matches), 'file')}): {what} is one file, so name it: {_USAGE}")
    for path in reachable_in:
        matches = corpus.unexpanded_pattern(str(path))
        if matches:
            raise UsageError(f"{path}: no such file; the shell did not expand this pattern (it matches "
                             f"{counted(len(matches), 'file')}): leave it unquoted, or pass the directory")


def _refuse_swapped(glossary: Path, reference: Path) -> None:
    """GLOSSARY that cannot be read and is a table or termbase: the arguments came the wrong way
    round (`eval gold.tsv g.yaml`), as check says of `check corpus.tsv glossary.yaml`."""
    if glossary.suffix.lower() not in _REFERENCE_ONLY or not glossary.is_file():
        return
    example = f"glossary eval {reference} {glossary}" if reference.suffix.lower() in (".yaml", ".yml") else _USAGE
    raise UsageError(f"{glossary} looks like a reference, not a glossary: the glossary comes first, as in {example}")


def _refuse_non_corpus(paths: list[Path]) -> None:
    """A glossary or termbase given as the --reachable-in corpus, with the eval command it belongs in
    (the readers' own message would point to check or import)."""
    usage = "glossary eval GLOSSARY REFERENCE --reachable-in CORPUS"
    for path in paths:
        extension = path.suffix.lower()
        if extension in (".yaml", ".yml"):
            raise UsageError(f"{path} is a glossary (YAML), not aligned text: --reachable-in takes the corpus the "
                             f"reference terms are looked for in; a glossary is GLOSSARY or REFERENCE: {usage}")
        if extension == ".tbx":
            raise UsageError(f"{path} is a TBX termbase, not aligned text: --reachable-in takes the corpus the "
                             f"reference terms are looked for in; a termbase is the REFERENCE: {usage}")


def _format_of(path: Path) -> ReferenceFormat:
    from ..evaluate import reference_format_of

    return reference_format_of(str(path))


def _records(evaluation: Evaluation, limit: int) -> dict:
    from ..evaluate import miss_record, summary_record

    return {"summary": summary_record(evaluation),
            "misses": [miss_record(miss) for miss in evaluation.misses[:limit]]}


def summary_line(evaluation: Evaluation) -> str:
    """`R@200 0.641 (41/64 terms); top-1 accuracy 0.907 (49/54); 569 ranked entries`; a rate over
    no terms is `n/a (0/0)`."""
    return (f"R@{evaluation.k} {_rate(evaluation.recall_at_k)} ({evaluation.found}/{evaluation.reference_terms} terms); "
            f"top-1 accuracy {_rate(evaluation.top1_accuracy)} ({evaluation.top1_correct}/{evaluation.present}); "
            f"{evaluation.ranked_entries:,} ranked entries")


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def misses_line(evaluation: Evaluation) -> str:
    """`misses: 23 of 64 terms not within K (3 wrong target, 18 below K, 2 not found); 1 top-1 wrong`:
    the first count is terms - found, R@K's misses; top-1 wrong ones are found within K."""
    counts = ", ".join(f"{len(evaluation.misses_of(kind))} {_KIND_LABELS[kind]}" for kind in MissKind
                       if not kind.within_k)
    top1 = len(evaluation.misses_of(MissKind.TOP1_WRONG))
    return (f"misses: {evaluation.missed_at_k} of {evaluation.reference_terms} terms not within K ({counts}); "
            f"{top1} {_KIND_LABELS[MissKind.TOP1_WRONG]} (found within K)")


def _render_text(evaluation: Evaluation, limit: int, *, reference: Path, reachable_in: list[Path]) -> None:
    console = stdout_console()
    console.print(summary_line(evaluation), markup=False, highlight=False, soft_wrap=True)
    if reachable_in:
        console.print(f"reference: {evaluation.reference_terms} of {evaluation.reference_total} terms of {reference} "
                      f"reachable in {', '.join(map(str, reachable_in))}", markup=False, highlight=False,
                      soft_wrap=True)
    console.print(misses_line(evaluation), markup=False, highlight=False, soft_wrap=True)
    shown = list(evaluation.misses[:limit])
    if not shown:
        return
    if draws(console):
        _miss_table(console, shown, len(evaluation.misses))
        return
    sys.stdout.write("\t".join(("miss", "term", "expected", "proposed", "rank", "correct_rank")) + "\n")
    for miss in shown:
        sys.stdout.write("\t".join(_miss_cells(miss)) + "\n")
    sys.stdout.flush()


def _miss_cells(miss: Miss) -> tuple[str, str, str, str, str, str]:
    """A miss's cells, its terms from the reference and the corpus each on one line, controls as symbols."""
    proposed = miss.proposed
    proposal = ""
    if proposed is not None:
        proposal = "|".join(proposed.targets)
        if proposed.source != miss.term.source:
            proposal = f"{proposed.source} → {proposal}"
    return (miss.kind.value, one_line(miss.term.source), one_line("|".join(miss.term.targets)), one_line(proposal),
            str(proposed.rank) if proposed else "", str(miss.correct_rank) if miss.correct_rank else "")


_TERM_COLUMNS = ("term", "expected", "proposed")


def _miss_table(console, shown: list[Miss], total: int) -> None:
    from rich.table import Table

    title = f"misses: {len(shown)} of {total}" + ("" if len(shown) == total else " (--misses N for more)")
    table = Table(title=title, title_justify="left")
    # The terms fold onto further lines, never end in "…": cut at 80 columns, the wrong proposal
    # 新型光伏关键技术 read 新型光伏…, as if it were the expected 新型光伏.
    for column, justify in (("miss", "left"), ("term", "left"), ("expected", "left"), ("proposed", "left"),
                            ("rank", "right"), ("right at", "right")):
        table.add_column(column, justify=justify, overflow="fold" if column in _TERM_COLUMNS else "ellipsis")
    styles = {MissKind.WRONG_TARGET: "red", MissKind.BELOW_K: "yellow", MissKind.NOT_FOUND: "dim",
              MissKind.TOP1_WRONG: "magenta"}
    for miss in shown:
        cells = list(_miss_cells(miss))
        cells[0] = _KIND_LABELS[miss.kind]
        table.add_row(*cells, style=styles[miss.kind])
    console.print(table)
