"""The extraction pipeline: segment pairs -> tokens -> candidate spans -> links -> ranked pairs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from .align import SegmentAligner, SegmentEvidence
from .candidates import CandidateLimits, blank_placeholders, chinese_spans, english_spans
from .lexicon import Lexicon
from .models import Evidence, ScoredPair, SegmentPair
from .scoring import PairTally, rank, snippet


@dataclass(frozen=True)
class ExtractOptions:
    """Options that shape the result; they are recorded in the glossary's provenance block."""

    max_words: int = 5
    max_tokens: int = 6
    min_score: float = 0.2
    top: int | None = None
    spacy_model: str | None = None

    def recorded(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass
class ExtractResult:
    pairs: list[ScoredPair]
    segment_count: int
    tokenizers: dict[str, str] = field(default_factory=dict)


Progress = Callable[[int], None]


def extract(segment_pairs: Iterable[SegmentPair], *, options: ExtractOptions = ExtractOptions(),
            known_terms: Iterable[str] = (), rejected: set[tuple[str, str]] = frozenset(),
            progress: Progress | None = None) -> ExtractResult:
    """Ranked term pairs for a corpus.

    `known_terms` (approved Chinese renderings) are given to jieba so they are never split;
    `rejected` holds (English key, Chinese key) pairs a person rejected, never proposed again.
    """
    from .tokenize import ChineseTokenizer, EnglishTokenizer

    pairs = list(segment_pairs)
    english = EnglishTokenizer(options.spacy_model)
    chinese = ChineseTokenizer(known_terms)
    limits = CandidateLimits(max_words=options.max_words, max_tokens=options.max_tokens)
    aligner = SegmentAligner(Lexicon())

    source_tokens = english.tokenize_many([blank_placeholders(pair.source) for pair in pairs])
    tallies: dict[tuple[str, str], PairTally] = {}
    source_postings: dict[str, set[int]] = {}
    target_postings: dict[str, set[int]] = {}
    for index, (pair, tokens) in enumerate(zip(pairs, source_tokens)):
        target_tokens = chinese.tokenize(blank_placeholders(pair.target))
        source_spans = english_spans(pair.source, tokens, limits)
        target_spans = chinese_spans(pair.target, target_tokens, limits)
        for span in source_spans:
            source_postings.setdefault(span.key, set()).add(index)
        for span in target_spans:
            target_postings.setdefault(span.key, set()).add(index)
        evidence_base = SegmentEvidence(pair.source, pair.target, tokens)
        for link in aligner.link(evidence_base, source_spans, target_spans):
            tally = tallies.setdefault((link.source.key, link.target.key), PairTally())
            evidence = Evidence(str(pair.location), snippet(pair.source, link.source.start, link.source.end),
                                snippet(pair.target, link.target.start, link.target.end))
            tally.add(link, index, evidence, sentence_start=link.source.first_token == 0)
        if progress is not None:
            progress(index + 1)

    ranked = rank(tallies, source_postings, target_postings, rejected=rejected, min_score=options.min_score)
    if options.top is not None:
        ranked = ranked[: options.top]
    return ExtractResult(ranked, len(pairs), {"en": english.signature, "zh": chinese.signature})
