"""The extraction pipeline: segment pairs -> tokens -> candidate spans -> links -> ranked pairs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

from .align import SegmentAligner, SegmentEvidence
from .candidates import CandidateLimits, blank_placeholders, chinese_spans, english_spans
from .lexicon import Lexicon
from .models import Evidence, ScoredPair, SegmentPair
from .scoring import PairTally, rank, snippet
from .script import has_han
from .stopwords import is_chinese_function_word, is_english_stopword
from .word_alignment import learn_lexicon


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
class CorpusTallies:
    """Everything counted over a corpus, before ranking: mergeable across shards."""

    pairs: dict[tuple[str, str], PairTally] = field(default_factory=dict)
    source_postings: dict[str, set[int]] = field(default_factory=dict)
    target_postings: dict[str, set[int]] = field(default_factory=dict)


@dataclass
class ExtractResult:
    pairs: list[ScoredPair]
    segment_count: int
    tokenizers: dict[str, str] = field(default_factory=dict)


Progress = Callable[[int], None]


def content_words(tokens) -> list[str]:
    """Lowercase English content words, hyphenated compounds split: what the lexicon is keyed by."""
    return [piece.lower() for token in tokens for piece in token.text.split("-")
            if any(c.isalpha() for c in piece) and not is_english_stopword(piece)]


def content_tokens(tokens) -> list[str]:
    return [token.text for token in tokens if has_han(token.text) and not is_chinese_function_word(token.text)]


def extract(segment_pairs: Iterable[SegmentPair], *, options: ExtractOptions = ExtractOptions(),
            known_terms: Iterable[str] = (), rejected: set[tuple[str, str]] = frozenset(),
            progress: Progress | None = None) -> ExtractResult:
    """Ranked term pairs for a corpus.

    `known_terms` (approved Chinese renderings) are given to jieba so they are never split;
    `rejected` holds (English key, Chinese key) pairs a person rejected, never proposed again.
    """
    pairs = distinct(segment_pairs)
    tallies, signatures = collect(pairs, options=options, known_terms=known_terms, progress=progress)
    ranked = rank(tallies.pairs, tallies.source_postings, tallies.target_postings, rejected=rejected,
                  min_score=options.min_score)
    if options.top is not None:
        ranked = ranked[: options.top]
    return ExtractResult(ranked, len(pairs), signatures)


def distinct(segment_pairs: Iterable[SegmentPair]) -> list[SegmentPair]:
    """Each distinct (source, target) text once: translation memories repeat segments, and a
    repeat is not new evidence. The first occurrence's location is kept."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for pair in segment_pairs:
        if (pair.source, pair.target) not in seen:
            seen.add((pair.source, pair.target))
            unique.append(pair)
    return unique


def collect(pairs: list[SegmentPair], *, options: ExtractOptions = ExtractOptions(), known_terms: Iterable[str] = (),
            progress: Progress | None = None) -> tuple[CorpusTallies, dict[str, str]]:
    """Tokenize, learn the corpus lexicon, link spans in every segment and tally the links."""
    from .tokenize import ChineseTokenizer, EnglishTokenizer

    english = EnglishTokenizer(options.spacy_model)
    chinese = ChineseTokenizer(known_terms)
    limits = CandidateLimits(max_words=options.max_words, max_tokens=options.max_tokens)

    source_tokens = english.tokenize_many([blank_placeholders(pair.source) for pair in pairs])
    target_tokens = [chinese.tokenize(blank_placeholders(pair.target)) for pair in pairs]
    learned = learn_lexicon([content_words(tokens) for tokens in source_tokens],
                            [content_tokens(tokens) for tokens in target_tokens])
    aligner = SegmentAligner(Lexicon(learned))
    tallies = CorpusTallies()
    for index, (pair, tokens) in enumerate(zip(pairs, source_tokens)):
        source_spans = english_spans(pair.source, tokens, limits)
        target_spans = chinese_spans(pair.target, target_tokens[index], limits)
        for span in source_spans:
            tallies.source_postings.setdefault(span.key, set()).add(index)
        for span in target_spans:
            tallies.target_postings.setdefault(span.key, set()).add(index)
        evidence_base = SegmentEvidence(pair.source, pair.target, tokens)
        for link in aligner.link(evidence_base, source_spans, target_spans):
            tally = tallies.pairs.get((link.source.key, link.target.key))
            if tally is None:
                tally = tallies.pairs[(link.source.key, link.target.key)] = PairTally(
                    commonness=chinese.commonness(target_tokens[index][link.target.first_token:link.target.last_token]))
            evidence = Evidence(str(pair.location), snippet(pair.source, link.source.start, link.source.end),
                                snippet(pair.target, link.target.start, link.target.end))
            tally.add(link, index, evidence, sentence_start=link.source.first_token == 0)
        if progress is not None:
            progress(index + 1)
    return tallies, {"en": english.signature, "zh": chinese.signature}
