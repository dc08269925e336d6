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

    def merge(self, later: "CorpusTallies") -> None:
        """Fold in the tallies of the next shard (shards are merged in corpus order)."""
        for key, tally in later.pairs.items():
            if key in self.pairs:
                self.pairs[key].merge(tally)
            else:
                self.pairs[key] = tally
        for mine, theirs in ((self.source_postings, later.source_postings),
                             (self.target_postings, later.target_postings)):
            for key, segments in theirs.items():
                mine.setdefault(key, set()).update(segments)


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
            progress: Progress | None = None, jobs: int = 1) -> ExtractResult:
    """Ranked term pairs for a corpus.

    `known_terms` (approved Chinese renderings) are given to jieba so they are never split;
    `rejected` holds (English key, Chinese key) pairs a person rejected, never proposed again.
    """
    pairs = distinct(segment_pairs)
    tallies, signatures = collect(pairs, options=options, known_terms=known_terms, progress=progress, jobs=jobs)
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
            progress: Progress | None = None, jobs: int = 1) -> tuple[CorpusTallies, dict[str, str]]:
    """Tokenize, learn the corpus lexicon, link spans in every segment and tally the links.

    Tokenizing and linking are maps over shards of the corpus, merged in corpus order, so any
    number of `jobs` gives the same tallies as one.
    """
    from .tokenize import ChineseTokenizer, EnglishTokenizer

    global _STATE
    english = EnglishTokenizer(options.spacy_model)
    chinese = ChineseTokenizer(known_terms)
    limits = CandidateLimits(max_words=options.max_words, max_tokens=options.max_tokens)
    shards = [range(start, min(start + SHARD_SIZE, len(pairs))) for start in range(0, len(pairs), SHARD_SIZE)]
    _STATE = _ShardState(pairs, english, chinese, limits)
    try:
        tokenized = _map(_tokenize_shard, shards, jobs)
        _STATE.source_tokens = [tokens for shard in tokenized for tokens in shard[0]]
        _STATE.target_tokens = [tokens for shard in tokenized for tokens in shard[1]]
        learned = learn_lexicon([content_words(tokens) for tokens in _STATE.source_tokens],
                                [content_tokens(tokens) for tokens in _STATE.target_tokens])
        _STATE.aligner = SegmentAligner(Lexicon(learned))
        tallies = CorpusTallies()
        for shard, shard_tallies in zip(shards, _map(_link_shard, shards, jobs)):
            tallies.merge(shard_tallies)
            if progress is not None:
                progress(shard.stop)
    finally:
        _STATE = None
    return tallies, {"en": english.signature, "zh": chinese.signature}


SHARD_SIZE = 500


@dataclass
class _ShardState:
    """What every worker needs; set before the pool forks, so workers inherit loaded models."""

    pairs: list[SegmentPair]
    english: object
    chinese: object
    limits: CandidateLimits
    source_tokens: list = field(default_factory=list)
    target_tokens: list = field(default_factory=list)
    aligner: SegmentAligner | None = None


_STATE: _ShardState | None = None


def _map(function, shards: list[range], jobs: int) -> list:
    """`function` over the shards, in order; in a pool of forked processes when jobs > 1."""
    if jobs <= 1 or len(shards) <= 1:
        return [function(shard) for shard in shards]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, len(shards)), mp_context=context) as pool:
        return list(pool.map(function, shards))


def _tokenize_shard(shard: range) -> tuple[list, list]:
    state = _STATE
    pairs = [state.pairs[index] for index in shard]
    source = state.english.tokenize_many([blank_placeholders(pair.source) for pair in pairs])
    target = [state.chinese.tokenize(blank_placeholders(pair.target)) for pair in pairs]
    return source, target


def _link_shard(shard: range) -> CorpusTallies:
    state = _STATE
    tallies = CorpusTallies()
    for index in shard:
        pair, tokens, target_tokens = state.pairs[index], state.source_tokens[index], state.target_tokens[index]
        source_spans = english_spans(pair.source, tokens, state.limits)
        target_spans = chinese_spans(pair.target, target_tokens, state.limits, state.chinese.verbs)
        for span in source_spans:
            tallies.source_postings.setdefault(span.key, set()).add(index)
        for span in target_spans:
            tallies.target_postings.setdefault(span.key, set()).add(index)
        evidence_base = SegmentEvidence(pair.source, pair.target, tokens)
        for link in state.aligner.link(evidence_base, source_spans, target_spans):
            tally = tallies.pairs.get((link.source.key, link.target.key))
            if tally is None:
                tally = tallies.pairs[(link.source.key, link.target.key)] = PairTally(
                    commonness=state.chinese.commonness(target_tokens[link.target.first_token:link.target.last_token]))
            evidence = Evidence(str(pair.location), snippet(pair.source, link.source.start, link.source.end),
                                snippet(pair.target, link.target.start, link.target.end))
            tally.add(link, index, evidence, sentence_start=link.source.first_token == 0)
    return tallies
