"""Measure an extracted glossary against a reference termbase: recall at K, top-1 accuracy, misses.

The definitions (issue 6) are the ones `../shared/tools/score_glossary.py` implements, and this
module agrees with that scorer on the same inputs:

R@K
    The share of reference terms found as a (source, target) pair among the K best-ranked entries
    of the glossary, where a pair matches when its English is the reference term and one of its
    targets is one of the term's listed renderings.
top-1 accuracy
    Among the reference terms that occur as a source anywhere in the glossary, the share whose
    best-ranked entry has a reference rendering as its first (primary) target.
    Either rate over no terms is None (the scorer prints 0): a glossary holding none of the
    reference terms has no top-1 accuracy, not one of 0.
misses
    Each term R@K does not count, as wrong_target (the term's best entry proposes another rendering
    first), below_k (its best entry is right but ranks below K) or not_found (no entry has it as its
    source); and each term R@K counts whose best entry's first target is wrong, as top1_wrong. The
    scorer lists no misses; the kinds add up to its counts (see MissKind).

Entries are ranked by score, highest first, file order breaking ties; rejected entries and entries
without a target are left out before ranking. English is compared with `english_key` below (NFKC,
lower case, hyphens as spaces, the last word's plural folded with the scorer's two rules; this is
deliberately simpler than `normalize.english_key`, so the figures match the scorer's); Chinese with
`chinese_key` below (NFKC, no whitespace, case folded, as the scorer; `normalize.chinese_key`
also folds invisible characters, dashes and middle dots). Reference spellings that share a key
are one term whose renderings are the union of theirs. A spelling a YAML, TBX or table reference
declares as a variant of a term (source_variants) is that term too: an entry with the variant as
its source counts for it in R@K and top-1, and the variant counts where --reachable-in looks for
the term. The scorer reads only TSV, which declares no variants, so its figures are unchanged.

`reachable_terms` keeps the reference terms that can be found at all in a corpus: the English term
occurs in a source segment and one of its renderings in that segment's translation. It reproduces
the counts of TICO-19's `gold_coverage.tsv` row for row; the scorer reads that file by itself,
while `glossary eval` takes the corpus (`--reachable-in`) and works for any reference.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from .errors import InputFormatError, UsageError
from .glossary import Entry, Glossary, Status
from .language_tags import regional_target
from .models import SegmentPair
from .normalize import singular
from .script import has_han

# ---------------------------------------------------------------- keys


_SCORER_HYPHENS = re.compile("[\u2010-\u2015-]")
_SPACES = re.compile(r"\s+")


def english_key(term: str) -> str:
    """`Heat Pumps`, `heat-pump` and `heat pump` share a key; `policies` folds to `policy`."""
    text = unicodedata.normalize("NFKC", term).lower().strip()
    words = _SPACES.sub(" ", _SCORER_HYPHENS.sub(" ", text)).split(" ")
    last = words[-1]
    if len(last) > 3 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    words[-1] = last
    return " ".join(words)


def chinese_key(term: str) -> str:
    """NFKC, no whitespace, case folded: the scorer's Chinese comparison, to the letter."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", term)).casefold()


# ---------------------------------------------------------------- the reference


@dataclass(frozen=True)
class ReferenceTerm:
    """One English term of the reference with every rendering it allows."""

    key: str
    source: str  # the first spelling, as written
    spellings: tuple[str, ...]  # every spelling merged under `key`, and the declared variants, as written
    targets: tuple[str, ...]  # renderings as written
    line: int | None = None  # where the term first appears in a table reference

    @property
    def target_keys(self) -> frozenset[str]:
        return frozenset(chinese_key(target) for target in self.targets)

    @property
    def keys(self) -> frozenset[str]:
        """The English keys that stand for the term: `key`, and those of its declared variants."""
        return frozenset(english_key(spelling) for spelling in self.spellings)


@dataclass(frozen=True)
class ReferenceRow:
    """One row or entry of a reference, before spellings sharing a key are merged."""

    line: int | None
    source: str
    targets: Sequence[str]
    variants: Sequence[str] = ()  # other spellings of the term (source_variants)


@dataclass(frozen=True)
class Reference:
    path: str
    terms: tuple[ReferenceTerm, ...]
    skipped: int = 0  # terms without any rendering
    # The variant of Chinese the reference says its renderings are (a zh-TW column, a TBX's
    # xml:lang, a glossary's languages:), None when it says none: --reachable-in reads that variant.
    language: str | None = None


class ReferenceFormat(str, Enum):
    TSV = "tsv"  # en<TAB>zh|zh2, header optional (named as import finds it; it may also name a status column)
    CSV = "csv"  # a table with en and zh columns, as `glossary import` reads it
    TBX = "tbx"
    YAML = "yaml"  # another glossary


_BY_EXTENSION = {".tsv": ReferenceFormat.TSV, ".tab": ReferenceFormat.TSV, ".txt": ReferenceFormat.TSV,
                 ".csv": ReferenceFormat.CSV, ".tbx": ReferenceFormat.TBX, ".xml": ReferenceFormat.TBX,
                 ".yaml": ReferenceFormat.YAML, ".yml": ReferenceFormat.YAML}

ALTERNATIVES = "|"  # separates renderings inside one table cell: `wind farm<TAB>风电场|风力发电场`


def reference_format_of(path: str) -> ReferenceFormat:
    extension = os.path.splitext(path)[1].lower()
    if extension not in _BY_EXTENSION:
        raise UsageError(f"cannot tell the format of the reference {path} from its extension; "
                         "pass --reference-format tsv, csv, tbx or yaml")
    return _BY_EXTENSION[extension]


def _ignore(message: str) -> None:
    pass


def load_reference(path: str, *, reference_format: ReferenceFormat | None = None, encoding: str | None = None,
                   source_lang: str | None = None, target_lang: str | None = None,
                   on_warning: Callable[[str], None] = _ignore) -> Reference:
    """The reference terms of a TSV, CSV, TBX or glossary YAML file.

    From a glossary (YAML, TBX, or a table with a status column) the approved entries are the
    reference when there are any, otherwise every entry that is not rejected: a termbase states its
    decisions, while a plain list of candidates is taken as a whole. Forbidden renderings never
    count. In tables, `|` separates renderings within a cell.
    """
    chosen = reference_format or reference_format_of(path)
    language = None
    if chosen is ReferenceFormat.TSV and not _has_header(path, encoding, source_lang or "en", target_lang or "zh"):
        rows = list(_plain_tsv_rows(path, encoding))
        if _chinese_first(rows):  # a list kept by a team translating from Chinese, read as extract reads one
            on_warning(f"{path}: the Chinese is in the first column; read as Chinese<TAB>English")
            rows = [ReferenceRow(row.line, row.targets[0].strip(), row.source.split(ALTERNATIVES),
                                 tuple(row.targets[1:])) for row in rows]
    else:
        glossary = _reference_glossary(path, chosen, encoding, source_lang, target_lang, on_warning)
        split = chosen in (ReferenceFormat.TSV, ReferenceFormat.CSV)
        rows = [ReferenceRow(entry.line, entry.source, _renderings(entry, split), tuple(entry.source_variants))
                for entry in _decided(glossary.terms)]
        language = regional_target(glossary.languages)
    reference = replace(merge_terms(path, rows), language=language)
    if reference.skipped:
        on_warning(f"{path}: {reference.skipped} term(s) without a Chinese rendering skipped")
    if not reference.terms:
        raise InputFormatError(f"no reference terms with a Chinese rendering; expected {_EXAMPLES[chosen]}", path=path)
    if not any(has_han(target) for term in reference.terms for target in term.targets):
        swapped = sum(has_han(term.source) for term in reference.terms) > len(reference.terms) / 2
        why = "the Chinese is in the English column" if swapped else "no rendering holds a Chinese character"
        raise InputFormatError(f"{why}, so nothing could be measured; expected {_EXAMPLES[chosen]}", path=path)
    return reference


_EXAMPLES = {
    ReferenceFormat.TSV: "lines like `heat pump<TAB>热泵|热力泵`",
    ReferenceFormat.CSV: "a header row such as `en,zh` and rows such as `heat pump,热泵|热力泵`",
    ReferenceFormat.TBX: "concept entries (conceptEntry or termEntry) with an en and a zh term",
    ReferenceFormat.YAML: "a glossary whose terms have a target",
}


def merge_terms(path: str, rows: Iterable[ReferenceRow | tuple[int | None, str, Sequence[str]]]) -> Reference:
    """Reference terms from rows (or (line, English, renderings) tuples): rows whose spellings,
    variants included, share a key are one term, with the spellings and renderings of all."""
    merged: list[ReferenceTerm | None] = []
    owner: dict[str, int] = {}  # English key -> index in `merged` of the term it stands for
    skipped = 0
    for row in rows:
        row = row if isinstance(row, ReferenceRow) else ReferenceRow(*row)
        targets = [target.strip() for target in row.targets if target.strip()]
        key = english_key(row.source)
        if not key:
            continue
        if not targets:
            skipped += 1
            continue
        spellings = [row.source, *(variant.strip() for variant in row.variants if english_key(variant))]
        joined = sorted({owner[spelling_key] for spelling_key in map(english_key, spellings) if spelling_key in owner})
        if not joined:
            term = ReferenceTerm(key, row.source, tuple(dict.fromkeys(spellings)), tuple(dict.fromkeys(targets)), row.line)
            merged.append(term)
            index = len(merged) - 1
        else:
            index, *others = joined
            parts = [merged[index], *(merged[other] for other in others)]
            first = parts[0]
            term = ReferenceTerm(first.key, first.source,
                                 tuple(dict.fromkeys([*(spelling for part in parts for spelling in part.spellings),
                                                      *spellings])),
                                 tuple(dict.fromkeys([*(target for part in parts for target in part.targets),
                                                      *targets])),
                                 first.line)
            merged[index] = term
            for other in others:  # a variant joined two terms: the later one is now part of the first
                merged[other] = None
        for spelling_key in term.keys:
            owner[spelling_key] = index
    return Reference(path, tuple(term for term in merged if term is not None), skipped)


def _has_header(path: str, encoding: str | None, source_language: str, target_language: str) -> bool:
    """Whether the first row names the English and Chinese columns as `glossary import` finds them:
    by code or role (`en`, `zh-CN`, `source`) or by the names CAT tools write (`English (United
    States)`, `Chinese (Simplified)`, `English_United_States`, `Chinese_PRC`, `英文`, `简体中文`)."""
    from .exchange.columns import find_columns
    from .readers.csv_reader import row_cells

    first = next((line for line in _lines(path, encoding) if line.strip()), "")
    cells = row_cells(first, "\t")  # as import reads it: a header cell may be quoted
    return find_columns(cells, source_language, target_language) is not None


def _read(path: str, encoding: str | None) -> str:
    from .textio import decode, read_bytes

    return decode(read_bytes(path), path, encoding)


def _lines(path: str, encoding: str | None) -> list[str]:
    """The file's lines, broken at LF, CRLF and lone CR as the scorer's `open()` breaks them; not at
    a line or paragraph separator (U+2028, U+2029), NEL or a page break inside a cell, where
    str.splitlines would break (text pasted from Word or a web page holds them)."""
    from .textio import text_lines

    return text_lines(_read(path, encoding))


def _plain_tsv_rows(path: str, encoding: str | None):
    for number, line in enumerate(_lines(path, encoding), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise InputFormatError("expected English<TAB>Chinese (alternatives separated by |), "
                                   f"found no tab in {line.strip()[:60]!r}", path=path, line=number)
        yield ReferenceRow(number, cells[0].strip(), cells[1].split(ALTERNATIVES))


def _chinese_first(rows: list[ReferenceRow]) -> bool:
    """Whether most rows hold Chinese in the first column and none in the second."""
    chinese_first = sum(1 for row in rows if has_han(row.source))
    return (2 * chinese_first > len(rows)
            and not any(has_han(target) for row in rows for target in row.targets))


def _reference_glossary(path: str, chosen: ReferenceFormat, encoding: str | None, source_lang: str | None,
                        target_lang: str | None, on_warning: Callable[[str], None]) -> Glossary:
    if chosen is ReferenceFormat.YAML:
        from .glossary_yaml import load_glossary

        return load_glossary(path)
    from .exchange import ExchangeFormat, import_glossary

    return import_glossary(path, from_format=ExchangeFormat(chosen.value), encoding=encoding,
                           source_lang=source_lang, target_lang=target_lang, on_warning=on_warning)


def _decided(entries: list[Entry]) -> list[Entry]:
    approved = [entry for entry in entries if entry.status is Status.APPROVED]
    return approved or [entry for entry in entries if entry.status is not Status.REJECTED]


def _renderings(entry: Entry, split: bool) -> list[str]:
    renderings = entry.allowed_targets()
    if split:
        renderings = [part for rendering in renderings for part in rendering.split(ALTERNATIVES)]
    return renderings


# ---------------------------------------------------------------- reachability


_WORD = re.compile(r"\w+")
_ACRONYM = re.compile(r"[A-Z]{2,}")  # IT, IEA: matched with their case; CO2 and IoT are not


@dataclass(frozen=True)
class Occurrences:
    source_segments: int  # segments whose English holds the term
    pair_segments: int  # ... and whose Chinese holds one of its renderings


class CorpusIndex:
    """The segments of a corpus indexed by lower-cased word, so a term is looked up only in the
    segments holding all its words (3,070 pairs x 589 terms take well under a second).

    An English term occurs as a whole word: not touching a letter or digit, nor a hyphen joined to
    one (`LNG` does not occur in `LNG-powered`, `wind` does in `wind- and solar power`); case is
    ignored except for all-caps acronyms (`IT` is not `it`). Spellings are looked for as written,
    plural folding aside (`heat pump` does not occur in `heat pumps`), as TICO's gold_coverage.tsv
    counts them; a reference that lists both spellings merges them into one term. A rendering
    occurs as a substring of the NFKC, case-folded translation.
    """

    def __init__(self, pairs: Iterable[SegmentPair]) -> None:
        self.sources: list[str] = []
        self.targets: list[str] = []
        self._by_word: dict[str, set[int]] = {}
        for index, pair in enumerate(pairs):
            source = unicodedata.normalize("NFKC", pair.source)
            self.sources.append(source)
            self.targets.append(unicodedata.normalize("NFKC", pair.target).casefold())
            for word in set(_WORD.findall(source.lower())):
                self._by_word.setdefault(word, set()).add(index)

    def __len__(self) -> int:
        return len(self.sources)

    def _candidates(self, term: str) -> Iterable[int]:
        words = set(_WORD.findall(term.lower()))
        if not words:
            return range(len(self.sources))
        sets = sorted((self._by_word.get(word, set()) for word in words), key=len)
        return sorted(set.intersection(*sets))

    def segments_with(self, term: str) -> list[int]:
        """Indexes of the segments whose English holds `term`."""
        term = unicodedata.normalize("NFKC", term).strip()
        if not term:
            return []
        flags = 0 if _ACRONYM.fullmatch(term) else re.IGNORECASE
        pattern = re.compile(r"(?<!\w)(?<!\w-)" + re.escape(term) + r"(?!\w)(?!-\w)", flags)
        return [index for index in self._candidates(term) if pattern.search(self.sources[index])]

    def occurrences(self, spellings: Iterable[str], renderings: Iterable[str]) -> Occurrences:
        segments = sorted({index for spelling in spellings for index in self.segments_with(spelling)})
        wanted = [unicodedata.normalize("NFKC", rendering).casefold() for rendering in renderings if rendering.strip()]
        paired = sum(1 for index in segments if any(rendering in self.targets[index] for rendering in wanted))
        return Occurrences(len(segments), paired)


def reachable_terms(terms: Iterable[ReferenceTerm], pairs: Iterable[SegmentPair] | CorpusIndex) -> list[ReferenceTerm]:
    """The terms whose English (any spelling) and one of whose renderings share a segment pair."""
    index = pairs if isinstance(pairs, CorpusIndex) else CorpusIndex(pairs)
    return [term for term in terms if index.occurrences(term.spellings, term.targets).pair_segments > 0]


def in_other_number(terms: Iterable[ReferenceTerm], index: CorpusIndex) -> list[tuple[ReferenceTerm, str]]:
    """The terms that are not reachable as written but are with their last word in the other
    number (`chest compression` in a text that has only `chest compressions`), with that spelling:
    reachability counts spellings as written, as TICO-19's gold_coverage.tsv does, so such a term
    is left out of the figures, and the user is told how to count it."""
    found = []
    for term in terms:
        if index.occurrences(term.spellings, term.targets).pair_segments:
            continue
        others = [other_number(spelling) for spelling in term.spellings]
        reachable = [other for other in others if index.occurrences([other], term.targets).pair_segments]
        if reachable:
            found.append((term, reachable[0]))
    return found


def other_number(spelling: str) -> str:
    """The spelling with its last word in the other number: `heat pump` <-> `heat pumps`,
    `battery` <-> `batteries`."""
    head, space, last = spelling.rpartition(" ")
    one = singular(last)
    if one != last:
        other = one
    elif re.search(r"[^aeiou]y$", last):
        other = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        other = last + "es"
    else:
        other = last + "s"
    return head + space + other


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class RankedEntry:
    rank: int  # 1 = best
    source: str
    targets: tuple[str, ...]
    score: float


def ranked_entries(glossary: Glossary) -> list[RankedEntry]:
    """Entries that propose a pair, best first: rejected and target-less entries left out, a missing
    score counted as 0, ties kept in file order. An entry whose only target is empty (`target: ""`,
    which validate refuses) proposes nothing: the scorer skips it too, and it takes no rank."""
    usable = [entry for entry in glossary.terms
              if entry.status is not Status.REJECTED and entry.source and any(entry.target)]
    ordered = sorted(usable, key=lambda entry: -(entry.score or 0.0))  # stable: file order breaks ties
    return [RankedEntry(rank, entry.source, tuple(entry.target), float(entry.score or 0.0))
            for rank, entry in enumerate(ordered, start=1)]


class MissKind(str, Enum):
    """Why a reference term is missed. A term R@K does not count is exactly one of the first three,
    so reference_terms - found = wrong_target + below_k + not_found; a term R@K counts but whose
    best entry has a wrong first target is top1_wrong, so top1_terms - top1_correct = wrong_target
    + top1_wrong."""

    WRONG_TARGET = "wrong_target"  # not found within K, and the best entry for the term proposes another rendering
    BELOW_K = "below_k"  # not found within K: the best entry is right but ranks below K
    NOT_FOUND = "not_found"  # no entry has the term as its source
    TOP1_WRONG = "top1_wrong"  # found within K (an entry there is right), but the best entry's first target is wrong

    @property
    def within_k(self) -> bool:
        """Whether R@K counts the term as found (a top-1 miss only)."""
        return self is MissKind.TOP1_WRONG


@dataclass(frozen=True)
class Miss:
    kind: MissKind
    term: ReferenceTerm
    proposed: RankedEntry | None = None  # the best-ranked entry for the term, if any
    correct_rank: int | None = None  # rank of the best entry with a reference rendering, if any (<= K for
    # top1_wrong; above K or none for wrong_target)


@dataclass(frozen=True)
class Evaluation:
    k: int
    reference_terms: int  # terms evaluated (after --reachable-in)
    reference_total: int  # terms in the reference
    ranked_entries: int
    found: int  # terms found within the top K
    present: int  # terms that occur as a source in the glossary
    top1_correct: int  # ... whose best entry's primary target is right
    misses: tuple[Miss, ...]

    @property
    def recall_at_k(self) -> float | None:
        """None when no term was evaluated: a rate of nothing, which a 0 would pass off as a score."""
        return self.found / self.reference_terms if self.reference_terms else None

    @property
    def top1_accuracy(self) -> float | None:
        """None when the glossary has none of the terms as a source: no first target to judge."""
        return self.top1_correct / self.present if self.present else None

    def misses_of(self, kind: MissKind) -> list[Miss]:
        return [miss for miss in self.misses if miss.kind is kind]

    @property
    def missed_at_k(self) -> int:
        """Terms R@K does not count: reference_terms - found."""
        return sum(1 for miss in self.misses if not miss.kind.within_k)


def evaluate(glossary: Glossary, terms: Sequence[ReferenceTerm], *, k: int = 200,
             reference_total: int | None = None) -> Evaluation:
    """R@K, top-1 accuracy and the misses of `glossary` against the reference `terms`."""
    if k < 1:
        raise UsageError(f"K must be at least 1 (got {k})")
    term_of: dict[str, ReferenceTerm] = {}  # each key of a term -> the term
    for term in terms:
        term_of.setdefault(term.key, term)
    for term in terms:  # then its variants' keys (merge_terms has joined terms sharing one)
        for key in term.keys:
            term_of.setdefault(key, term)
    wanted = {term.key: term.target_keys for term in terms}
    entries = ranked_entries(glossary)
    best: dict[str, RankedEntry] = {}
    best_correct: dict[str, RankedEntry] = {}
    for entry in entries:
        term = term_of.get(english_key(entry.source))
        if term is None:
            continue
        key = term.key
        best.setdefault(key, entry)
        if key not in best_correct and any(chinese_key(target) in wanted[key] for target in entry.targets):
            best_correct[key] = entry
    found = {key for key, entry in best_correct.items() if entry.rank <= k}
    top1_correct = {key for key, entry in best.items() if chinese_key(entry.targets[0]) in wanted[key]}

    misses = []
    for term in terms:
        proposed, correct = best.get(term.key), best_correct.get(term.key)
        correct_rank = correct.rank if correct else None
        if proposed is None:
            misses.append(Miss(MissKind.NOT_FOUND, term))
        elif term.key not in top1_correct:
            kind = MissKind.TOP1_WRONG if term.key in found else MissKind.WRONG_TARGET
            misses.append(Miss(kind, term, proposed, correct_rank))
        elif term.key not in found:
            misses.append(Miss(MissKind.BELOW_K, term, proposed, correct_rank))
    # R@K's misses first (wrong target, below K, not found), then the top-1 misses found within K;
    # best-ranked first within a kind
    order = list(MissKind)
    misses.sort(key=lambda miss: (order.index(miss.kind), miss.proposed.rank if miss.proposed else 0))
    return Evaluation(k=k, reference_terms=len(terms),
                      reference_total=len(terms) if reference_total is None else reference_total,
                      ranked_entries=len(entries), found=len(found), present=len(best),
                      top1_correct=len(top1_correct), misses=tuple(misses))


def evaluate_files(glossary_path: str, reference_path: str, *, k: int = 200,
                   reachable_in: Iterable[SegmentPair] | None = None,
                   reference_format: ReferenceFormat | None = None, encoding: str | None = None,
                   on_warning: Callable[[str], None] = _ignore) -> Evaluation:
    """Load a glossary and a reference, optionally keep the terms reachable in a corpus, evaluate."""
    from .glossary_yaml import load_glossary

    glossary = load_glossary(glossary_path)
    reference = load_reference(reference_path, reference_format=reference_format, encoding=encoding,
                               on_warning=on_warning)
    terms = list(reference.terms)
    if reachable_in is not None:
        terms = reachable_terms(terms, reachable_in)
    return evaluate(glossary, terms, k=k, reference_total=len(reference.terms))


def miss_record(miss: Miss) -> dict:
    """One miss as plain data (the `misses` items of `glossary eval --format json`)."""
    proposed = miss.proposed
    return {"kind": miss.kind.value, "term": miss.term.source, "expected": list(miss.term.targets),
            "proposed_source": proposed.source if proposed else None,
            "proposed": list(proposed.targets) if proposed else [],
            "rank": proposed.rank if proposed else None, "correct_rank": miss.correct_rank}


def summary_record(evaluation: Evaluation) -> dict:
    """The figures as plain data (the `summary` of `glossary eval --format json`)."""
    return {"k": evaluation.k, "recall_at_k": evaluation.recall_at_k, "found": evaluation.found,
            "reference_terms": evaluation.reference_terms, "reference_total": evaluation.reference_total,
            "top1_accuracy": evaluation.top1_accuracy, "top1_correct": evaluation.top1_correct,
            "top1_terms": evaluation.present, "ranked_entries": evaluation.ranked_entries,
            "misses": {kind.value: len(evaluation.misses_of(kind)) for kind in MissKind}}


__all__ = ["english_key", "ReferenceTerm", "Reference", "ReferenceFormat", "reference_format_of", "load_reference",
           "ReferenceRow", "merge_terms", "CorpusIndex", "Occurrences", "reachable_terms", "in_other_number", "other_number", "RankedEntry", "ranked_entries",
           "MissKind", "Miss", "Evaluation", "evaluate", "evaluate_files", "miss_record", "summary_record"]
