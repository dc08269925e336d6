"""From the links found in every segment to one ranked list of term pairs.

A pair's score mixes how well its occurrences were translated (link scores), how much it
looks like a term (names, acronyms, multi-word phrases, quoted, UI labels; fragments of longer linked
terms lose, C-value style), and, on larger corpora, how strongly the two sides co-occur (Dice).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

import numpy as np

from .dictionary_terms import listed_renderings
from .models import Alternative, Evidence, LinkedPair, ScoredPair
from .lexicon import gloss_count
from .normalize import chinese_key, closed_compound, english_key, is_acronym, singular
from .stopwords import is_english_stopword
from .wordclass import is_participle, only_a_verb

MAX_EVIDENCE = 2
MAX_ALTERNATIVES = 3
EVIDENCE_WINDOW = 50


@dataclass
class PairTally:
    """Everything seen of one (English key, Chinese key) pair across the corpus."""

    scores: list[float] = field(default_factory=list)
    signals: Counter = field(default_factory=Counter)
    source_forms: Counter = field(default_factory=Counter)
    target_forms: Counter = field(default_factory=Counter)
    nested: int = 0
    name_like: int = 0
    segments: set[int] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    # log10 general frequency of the target's most common word, as jieba cut it where that was
    # least common (jieba cuts a span by its context: 鼻拭子 is 鼻/拭子 in one sentence, 鼻拭/子 in another)
    commonness: float = 0.0

    def add(self, link: LinkedPair, segment: int) -> None:
        self.scores.append(link.score)
        self.signals.update(link.signals)
        self.source_forms[(link.sentence_start, link.source_text)] += 1
        self.target_forms[link.target_text] += 1
        self.nested += link.nested
        self.segments.add(segment)
        if not link.sentence_start and _is_name(link.source_text):
            self.name_like += 1

    def wants_evidence(self) -> bool:
        """Whether another occurrence would be kept as evidence: callers skip building the rest."""
        return len(self.evidence) < MAX_EVIDENCE

    def add_evidence(self, evidence: Evidence) -> None:
        if len(self.evidence) < MAX_EVIDENCE and evidence not in self.evidence:
            self.evidence.append(evidence)

    def copy(self) -> "PairTally":
        """A tally to merge others into, this one left as it is: copy.deepcopy took milliseconds
        a tally, copying each segment number and score."""
        return PairTally(list(self.scores), Counter(self.signals), Counter(self.source_forms), Counter(self.target_forms),
                         self.nested, self.name_like, set(self.segments), list(self.evidence), self.commonness)

    def merge(self, later: "PairTally") -> None:
        """Fold in the tally of a later shard; the result equals counting both shards in order."""
        self.scores += later.scores
        self.signals.update(later.signals)
        self.source_forms.update(later.source_forms)
        self.target_forms.update(later.target_forms)
        self.nested += later.nested
        self.name_like += later.name_like
        self.segments |= later.segments
        self.commonness = min(self.commonness, later.commonness)
        for evidence in later.evidence:
            self.add_evidence(evidence)


@dataclass
class TallyColumns:
    """A shard's tallies in columns, in the order of its dict: each tally's keys and how many
    values of each field it has, and every field's values in one flat run. This is how a shard's
    tallies leave a worker and lie in the link cache: some 4,000 PairTally objects a shard, with
    their Counters, sets and evidence, unpickled one by one and then merged one by one, cost the
    main process more than ranking did. Columns unpickle as a few dozen objects, and `fold_tallies`
    merges the columns of every shard at once. Equal strings are one object (`strings`), which
    pickle writes once; evidence snippets stay UTF-8 until a merged tally keeps them."""

    sources: list[str]
    targets: list[str]
    score_counts: np.ndarray  # int32, per tally
    scores: np.ndarray  # float64
    segment_counts: np.ndarray  # int32, per tally
    segments: np.ndarray  # int32
    nested: np.ndarray  # int32, per tally
    name_like: np.ndarray  # int32, per tally
    commonness: np.ndarray  # float64, per tally
    signal_names: list[str]
    signal_counts: np.ndarray  # int32, a row per tally, a column per signal name
    source_form_counts: np.ndarray  # int32, per tally
    source_form_starts: np.ndarray  # bool: whether the spelling started a sentence
    source_form_texts: list[str]
    source_form_numbers: np.ndarray  # int32
    target_form_counts: np.ndarray  # int32, per tally
    target_form_texts: list[str]
    target_form_numbers: np.ndarray  # int32
    evidence_counts: np.ndarray  # int32, per tally
    evidence_where: list[str]
    evidence_sources: np.ndarray  # int32, the number of the English snippet
    evidence_targets: np.ndarray  # int32, the number of the Chinese snippet
    snippet_bounds: np.ndarray  # int64, where each snippet starts in `snippets`, and where the last ends
    snippets: bytes  # UTF-8 (surrogates passed)

    @classmethod
    def of(cls, tallies: dict[tuple[str, str], "PairTally"], strings: dict[str, str]) -> "TallyColumns":
        """The columns of `tallies`; `strings` makes equal strings one object (shared by the caller
        with the postings' columns, pickled with these)."""
        found = list(tallies.values())
        signal_names = sorted(set().union(*(tally.signals for tally in found)))
        source_forms = [tally.source_forms for tally in found]
        target_forms = [tally.target_forms for tally in found]
        evidence = [item for tally in found for item in tally.evidence]
        snippets: dict[str, int] = {}  # snippet -> its number
        shared = strings.setdefault
        return cls(
            [shared(source, source) for source, _ in tallies], [shared(target, target) for _, target in tallies],
            _lengths(tally.scores for tally in found),
            np.fromiter(chain.from_iterable(tally.scores for tally in found), np.float64),
            _lengths(tally.segments for tally in found),
            np.fromiter(chain.from_iterable(tally.segments for tally in found), np.int32),
            np.fromiter((tally.nested for tally in found), np.int32, len(found)),
            np.fromiter((tally.name_like for tally in found), np.int32, len(found)),
            np.fromiter((tally.commonness for tally in found), np.float64, len(found)),
            signal_names,
            np.fromiter((tally.signals.get(name, 0) for tally in found for name in signal_names), np.int32,
                        len(found) * len(signal_names)).reshape(len(found), len(signal_names)),
            _lengths(source_forms),
            np.fromiter((start for forms in source_forms for start, _ in forms), np.bool_),
            [shared(text, text) for forms in source_forms for _, text in forms],
            np.fromiter(chain.from_iterable(forms.values() for forms in source_forms), np.int32),
            _lengths(target_forms), [shared(text, text) for forms in target_forms for text in forms],
            np.fromiter(chain.from_iterable(forms.values() for forms in target_forms), np.int32),
            _lengths(tally.evidence for tally in found), [shared(item.where, item.where) for item in evidence],
            np.fromiter((snippets.setdefault(item.source, len(snippets)) for item in evidence), np.int32, len(evidence)),
            np.fromiter((snippets.setdefault(item.target, len(snippets)) for item in evidence), np.int32, len(evidence)),
            *_joined(list(snippets)))

    def state(self) -> tuple:
        """The columns as plain data to pickle: arrays as their bytes."""
        return tuple(value.tobytes() if isinstance(value, np.ndarray) else value
                     for value in (getattr(self, name) for name in self.__dataclass_fields__))

    @classmethod
    def from_state(cls, state: tuple) -> "TallyColumns":
        """The columns again from `state()`; ValueError if they do not fit together."""
        values = dict(zip(cls.__dataclass_fields__, state, strict=True))
        for name, dtype in _COLUMN_TYPES.items():
            values[name] = np.frombuffer(values[name], dtype)
        tallies = len(values["sources"])
        values["signal_counts"] = values["signal_counts"].reshape(tallies, len(values["signal_names"]))
        columns = cls(**values)
        for counts, flat in (("score_counts", "scores"), ("segment_counts", "segments"),
                             ("source_form_counts", "source_form_texts"), ("source_form_counts", "source_form_starts"),
                             ("source_form_counts", "source_form_numbers"), ("target_form_counts", "target_form_texts"),
                             ("target_form_counts", "target_form_numbers"), ("evidence_counts", "evidence_where"),
                             ("evidence_counts", "evidence_sources"), ("evidence_counts", "evidence_targets")):
            if len(values[counts]) != tallies or int(values[counts].sum()) != len(values[flat]):
                raise ValueError(f"tally columns {counts} and {flat} do not fit")
        if not all(len(values[name]) == tallies for name in ("targets", "nested", "name_like", "commonness")):
            raise ValueError("tally columns of unequal length")
        bounds = columns.snippet_bounds
        if (not len(bounds) or bounds[0] != 0 or bounds[-1] != len(columns.snippets) or np.any(np.diff(bounds) < 0)
                or any(len(numbers) and not 0 <= numbers.min() <= numbers.max() < len(bounds) - 1
                       for numbers in (columns.evidence_sources, columns.evidence_targets))):
            raise ValueError("tally columns' snippets do not fit")
        return columns


_COLUMN_TYPES = {"score_counts": np.int32, "scores": np.float64, "segment_counts": np.int32, "segments": np.int32,
                 "nested": np.int32, "name_like": np.int32, "commonness": np.float64, "signal_counts": np.int32,
                 "source_form_counts": np.int32, "source_form_starts": np.bool_, "source_form_numbers": np.int32,
                 "target_form_counts": np.int32, "target_form_numbers": np.int32, "evidence_counts": np.int32,
                 "evidence_sources": np.int32, "evidence_targets": np.int32, "snippet_bounds": np.int64}


def _lengths(collections) -> np.ndarray:
    return np.fromiter(map(len, collections), np.int32)


def _joined(texts: list[str]) -> tuple[np.ndarray, bytes]:
    """(Where each text starts and the last ends, the texts in UTF-8, one after another.)"""
    encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
    bounds = np.zeros(len(encoded) + 1, np.int64)
    np.cumsum(np.fromiter(map(len, encoded), np.int64, len(encoded)), out=bounds[1:])
    return bounds, b"".join(encoded)


def fold_tallies(tallies: dict[tuple[str, str], PairTally],
                 shards: list[tuple[TallyColumns, int, list[str] | None]]) -> None:
    """Merge the columns of shards into `tallies`, in order: what `PairTally.merge` of each
    shard's tallies in turn gives, with each merged tally made once. Each shard comes with the
    corpus index of its first pair (its segments count from there) and the names of the places
    its evidence's `where` numbers, or None when `where` is a name already."""
    rows = {key: row for row, key in enumerate(tallies)}  # a tally's row in the merged columns
    kept = size = len(rows)
    shard_rows = []
    for columns, _, _ in shards:  # a key new here gets the row of its place in the shards: rows rise as keys come
        shard_rows.append(np.fromiter(map(rows.setdefault, zip(columns.sources, columns.targets),
                                          range(size, size + len(columns.sources))), np.int64, len(columns.sources)))
        size += len(columns.sources)
    seen = np.zeros(size, np.bool_)
    nested, name_like = np.zeros(size, np.int64), np.zeros(size, np.int64)
    commonness = np.full(size, np.inf)
    signal_names = sorted(set().union(*(columns.signal_names for columns, _, _ in shards)))
    signals = np.zeros((size, len(signal_names)), np.int64)
    for numbers, (columns, _, _) in zip(shard_rows, shards):  # a key is one tally of a shard: no row twice
        seen[numbers] = True
        nested[numbers] += columns.nested
        name_like[numbers] += columns.name_like
        commonness[numbers] = np.minimum(commonness[numbers], columns.commonness)
        for column, name in enumerate(columns.signal_names):
            signals[numbers, signal_names.index(name)] += columns.signal_counts[:, column]
    scores, score_bounds = _grouped(size, shard_rows, [columns.score_counts for columns, _, _ in shards],
                                    [columns.scores for columns, _, _ in shards])
    segments, segment_bounds = _grouped(size, shard_rows, [columns.segment_counts for columns, _, _ in shards],
                                        [columns.segments.astype(np.int64) + first for columns, first, _ in shards])
    source_forms, source_bounds = _summed(size, shard_rows, [columns.source_form_counts for columns, _, _ in shards],
                                          [zip(columns.source_form_starts.tolist(), columns.source_form_texts)
                                           for columns, _, _ in shards],
                                          [columns.source_form_numbers for columns, _, _ in shards])
    target_forms, target_bounds = _summed(size, shard_rows, [columns.target_form_counts for columns, _, _ in shards],
                                          [columns.target_form_texts for columns, _, _ in shards],
                                          [columns.target_form_numbers for columns, _, _ in shards])
    evidence_counts = [columns.evidence_counts for columns, _, _ in shards]
    evidence_shards, evidence_bounds = _grouped(size, shard_rows, evidence_counts,
                                                [np.full(int(counts.sum()), number) for number, counts in enumerate(evidence_counts)])
    evidence_places, _ = _grouped(size, shard_rows, evidence_counts, [np.arange(int(counts.sum())) for counts in evidence_counts])

    snippets: dict[int, tuple] = {}  # shard -> its snippets' bounds and numbers, as lists

    def evidence(shard: int, place: int) -> Evidence:
        columns, _, names = shards[shard]
        found = snippets.get(shard)
        if found is None:
            found = snippets[shard] = (columns.snippet_bounds.tolist(), columns.evidence_sources.tolist(),
                                       columns.evidence_targets.tolist())
        bounds, sources, targets = found
        where = columns.evidence_where[place]
        return Evidence(where if names is None else names[int(where)],
                        columns.snippets[bounds[sources[place]]:bounds[sources[place] + 1]].decode("utf-8", "surrogatepass"),
                        columns.snippets[bounds[targets[place]]:bounds[targets[place] + 1]].decode("utf-8", "surrogatepass"))

    merged = list(tallies.values())
    seen_rows, nested_counts, name_counts, least = seen.tolist(), nested.tolist(), name_like.tolist(), commonness.tolist()
    signal_rows = signals.tolist()
    for key, row in rows.items():
        if not seen_rows[row]:
            continue
        tally = PairTally(scores[score_bounds[row]:score_bounds[row + 1]],
                          _counter([(name, number) for name, number in zip(signal_names, signal_rows[row]) if number]),
                          _counter(source_forms[source_bounds[row]:source_bounds[row + 1]]),
                          _counter(target_forms[target_bounds[row]:target_bounds[row + 1]]),
                          nested_counts[row], name_counts[row], set(segments[segment_bounds[row]:segment_bounds[row + 1]]),
                          [], least[row])
        if row < kept:
            merged[row].merge(tally)
            tally = merged[row]
        else:
            tallies[key] = tally
        at, end = evidence_bounds[row], evidence_bounds[row + 1]
        while at < end and tally.wants_evidence():  # made only while wanted
            tally.add_evidence(evidence(evidence_shards[at], evidence_places[at]))
            at += 1


def group_rows(size: int, shard_rows: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, list[int]]:
    """Where each of the shards' flat values of a field goes when they are grouped by row, each
    row's in shard order (a row is in a shard once), and where each row's values start (a row's
    end is the next one's start). `shard_rows` holds each shard's rows, `counts` their values'."""
    bounds = np.zeros(size + 1, np.int64)
    for rows, count in zip(shard_rows, counts):
        bounds[rows + 1] += count
    np.cumsum(bounds, out=bounds)
    cursor = bounds[:-1].copy()  # where each row's next values go
    places = []
    for rows, count in zip(shard_rows, counts):
        count = count.astype(np.int64)
        starts = cursor[rows]
        cursor[rows] += count
        places.append(np.repeat(starts - (np.cumsum(count) - count), count) + np.arange(int(count.sum())))
    return np.concatenate(places or [np.zeros(0, np.int64)]), bounds.tolist()


def _grouped(size: int, shard_rows: list[np.ndarray], counts: list[np.ndarray], values: list[np.ndarray]
             ) -> tuple[list, list[int]]:
    """The shards' flat values of a field grouped by row (see group_rows), as a list, and where each row's start."""
    places, bounds = group_rows(size, shard_rows, counts)
    flat = np.concatenate(values) if values else np.zeros(0)
    grouped = np.empty_like(flat)
    grouped[places] = flat
    return grouped.tolist(), bounds


def _summed(size: int, shard_rows: list[np.ndarray], counts: list[np.ndarray], keys: list, numbers: list[np.ndarray]
            ) -> tuple[list[tuple], list[int]]:
    """A Counter field merged: each row's (key, summed count) pairs, row after row, each row's
    keys in the order the shards first have them; and where each row's pairs start."""
    flat_keys = list(chain.from_iterable(keys))
    places: dict = {}  # a key -> its first place
    forms = np.fromiter(map(places.setdefault, flat_keys, range(len(flat_keys))), np.int64, len(flat_keys))
    owners = np.concatenate([np.repeat(rows, count) for rows, count in zip(shard_rows, counts)] or [np.zeros(0, np.int64)])
    combined, first, inverse = np.unique(owners * max(1, len(flat_keys)) + forms, return_index=True, return_inverse=True)
    totals = np.bincount(inverse, weights=np.concatenate(numbers or [np.zeros(0, np.int32)]), minlength=len(combined))
    pair_rows = combined // max(1, len(flat_keys))
    order = np.lexsort((first, pair_rows))  # by row, then by first place
    bounds = np.zeros(size + 1, np.int64)
    np.cumsum(np.bincount(pair_rows, minlength=size), out=bounds[1:])
    return ([(flat_keys[place], total) for place, total in zip(first[order].tolist(), totals[order].astype(np.int64).tolist())],
            bounds.tolist())


def _counter(items: list[tuple]) -> Counter:
    """A Counter of distinct keys' counts: Counter(dict(items)) without Counter.__init__, whose
    update runs in Python (3 µs a Counter against 0.9; a fold makes three a tally)."""
    counted = Counter.__new__(Counter)
    dict.update(counted, items)
    return counted


@lru_cache(maxsize=100_000)  # a term's spellings recur
def _is_name(text: str) -> bool:
    words = [word for word in text.replace("-", " ").split() if word[:1].isalpha()]
    return bool(words) and all(word[:1].isupper() for word in words if len(word) > 3 or word[:1].isupper())


@dataclass(frozen=True)
class PairFeatures:
    best: float
    mean: float
    count: int
    dice: float
    link_share: float  # of the segments holding the English term, the share linked to this target
    nested_ratio: float
    words: int
    name: bool
    acronym: bool
    quoted: bool
    long_word: bool
    label: bool = False  # a whole string translated as a whole (a UI label, a heading): a term at any length
    corpus_segments: int = 1
    commonness: float = 0.0
    english_commonness: float = 0.0
    participle: bool = False  # one lowercase word in -ed: `reported`, `observed`, rarely a term
    general_frequency: float = 0.0  # Zipf frequency in general English of the least common word
    kept: bool = False  # the translation keeps the English as it is (`Andrew Cuomo`): one unit, whatever its length
    compound: bool = False  # a hyphenated word (`Vehicle-to-Grid`, `high-tech`)
    verb: bool = False  # one word known only as a verb (`create`, `deploy`): an instruction, not a term
    # A target that starts with a Latin word (`API 密钥`): how many linked targets of the corpus
    # start with the same word. In TICO-19 COVID-19 starts dozens (COVID-19 患者, COVID-19 病例 ...):
    # a word that combines with anything makes phrases; API with a few makes terms.
    modifier_heads: int = 0

    def termhood(self) -> float:
        """How much the pair looks like a glossary term rather than a phrase that happens to translate."""
        value = 0.5
        if self.name or self.acronym:
            value += 0.3
        if self.words >= 2 and not self.kept:
            value += 0.2
        if self.quoted or self.label:
            value += 0.2
        if self.participle:
            value -= PARTICIPLE_PENALTY
        if self.words == 1 and not (self.name or self.acronym or self.long_word or self.label):
            value -= 0.4
            # A word this corpus keeps translating one way, unless it is a verb: a manual's steps
            # say `create` and `enable` often and always alike.
            if self.count >= 3 and self.link_share >= 0.4 and not self.verb:
                value += 0.4
        # Targets built from everyday words (包括人类, 一天) are phrases more often than terms.
        value -= COMMONNESS_PENALTY * max(0.0, self.commonness - COMMON_WORD_LOG_FREQUENCY)
        return min(1.0, max(0.0, value))

    def prior(self) -> float:
        """Evidence quality times termhood: what ranks terms in a short text, where most occur once."""
        quality = 0.6 * self.best + 0.4 * self.mean
        frequency = min(1.0, math.log2(1 + self.count) / 4)
        # Frequency says more in a big corpus than in an article where most terms occur once.
        frequency_weight = min(0.6, max(0.15, math.log10(max(self.corpus_segments, 1)) / 6))
        fragment_penalty = 0.5 * self.nested_ratio if self.words == 1 else 0.0
        value = quality * (0.5 + 0.5 * self.termhood()) * (1 - fragment_penalty)
        value *= 1 - frequency_weight + frequency_weight * frequency
        # Every English word an everyday word (direct physical, one day): a phrase, not a term.
        value *= 1 - ENGLISH_COMMONNESS_PENALTY * max(0.0, self.english_commonness - COMMON_ENGLISH_LOG_GLOSSES)
        return min(1.0, value + (0.15 * self.dice if self.count >= 2 else 0.0))

    def statistics(self) -> list[float]:
        """The signals the learned combination weighs (FITTED_FEATURES, in order)."""
        return [1.0, math.log1p(self.count), self.dice, self.link_share, float(self.words == 1 or self.kept), self.best,
                self.mean, self.english_commonness, self.commonness / 5, self.nested_ratio, float(self.quoted),
                float(self.participle), float(self.words >= 3 and not self.name)]

    def fitted(self) -> float:
        """Log-odds from the combination fitted on TICO-19 (tests/bench/fit_weights.py), less a
        set penalty for everyday words: in a big corpus `including`, `common` or `March` are
        frequent and consistently translated, yet a term is rarer in general English than that.

        A UI label is the exception: `Save`, `Open` or `Add to cart` translated as a whole string is
        what a localisation glossary is for, so neither its length nor its commonness counts against
        it (TICO-19's prose has next to no labels, so the fit could not learn that)."""
        statistics = self.statistics()
        if self.label:
            statistics[FITTED_FEATURES.index("single_word")] = 0.0
            statistics[FITTED_FEATURES.index("long_phrase")] = 0.0
        learned = SCORE_SHIFT + sum(weight * value for weight, value in zip(FITTED_WEIGHTS, statistics))
        if self.label:
            return learned
        return learned - EVERYDAY_PENALTY * self.everyday_excess() * (1.0 if self.words == 1 else 0.5)

    def score(self, prior: float | None = None) -> float:
        """The prior rules a short text; the fitted combination takes over as the corpus grows,
        since its counts only mean something once there are thousands of pairs. `prior`: the
        pair's prior(), where the caller has it already."""
        share = learned_share(self.corpus_segments)
        prior = min(max(self.prior() if prior is None else prior, 1e-6), 1 - 1e-6)
        prior_log_odds = math.log(prior / (1 - prior)) - PRIOR_EVERYDAY_PENALTY * self.everyday_word()
        log_odds = (1 - share) * prior_log_odds + share * self.fitted()
        log_odds -= MODIFIER_PENALTY * math.log2(max(1, self.modifier_heads))
        return round(1 / (1 + math.exp(-log_odds)), 4)

    def everyday_word(self) -> float:
        """Zipf points above everyday frequency of a single common word (`forum`, `strategy`,
        `challenge`): what the learned ranking penalises, here for a short text, where a word
        repeated a few times and translated alike is the author's style, not terminology. Names,
        acronyms, labels and hyphenated compounds (`Vehicle-to-Grid`) are exempt."""
        if self.words > 1 or self.compound or self.name or self.acronym or self.label:
            return 0.0
        return self.everyday_excess()

    def everyday_excess(self) -> float:
        """Zipf points of general-English frequency above an everyday word's."""
        return max(0.0, self.general_frequency - EVERYDAY_ZIPF)


@lru_cache(maxsize=16)  # one corpus size per ranking, asked for every pair
def learned_share(corpus_segments: int) -> float:
    """0 up to 100 segment pairs, 1 from about 3,000, log-linear between."""
    return min(1.0, max(0.0, (math.log10(max(corpus_segments, 1)) - 2) / 1.5))


FITTED_FEATURES = ("bias", "log_count", "dice", "link_share", "single_word", "best", "mean",
                   "english_commonness", "chinese_commonness", "fragment", "quoted", "participle", "long_phrase")
FITTED_WEIGHTS = (-5.614, 1.526, -1.768, -0.522, -1.694, 2.004, 1.683, -0.526, -1.670, -0.514, 0.815, -1.534, -1.160)
# The fitted bias reflects how rare reference terms are among TICO-19's terms (1.2%); shifting it
# moves every score alike, keeps the order, and puts good terms above 0.5.
SCORE_SHIFT = 6.0


# How common an English word is, read from CC-CEDICT: the number of headwords whose short glosses
# use it (log10). `material` has 134, `passport` 4; 25 and more marks an everyday word.
COMMON_ENGLISH_LOG_GLOSSES = 1.4
ENGLISH_COMMONNESS_PENALTY = 0.3
COMMON_WORD_LOG_FREQUENCY = 3.5  # jieba dictionary frequency ~3,000
COMMONNESS_PENALTY = 0.25
# In the learned ranking, each Zipf point of general-English frequency above 4 (a word seen about
# once in 100,000) costs 3 log-odds for a single word and half that in a phrase (set on TICO-19).
EVERYDAY_ZIPF = 4.0
EVERYDAY_PENALTY = 3.0
# In a short text a sixth of that, for single words alone: enough to rank `strategy` or `forum`
# below an article's rarer terms, not so much that a UI's `host` or `command` fall below --min-score.
PRIOR_EVERYDAY_PENALTY = 0.5
PARTICIPLE_PENALTY = 0.3
# Log-odds per doubling of the heads a Latin modifier takes (set on TICO-19 and three manuals:
# 0.5 and more sank TICO-19's reference terms COVID-19 crisis and COVID-19 outbreak).
MODIFIER_PENALTY = 0.25


_LATIN_MODIFIER = re.compile(r"([0-9a-z][0-9a-z.\-_/+]*)(?=[\u3400-\u9fff])")
_LATIN_HEAD = re.compile(r"(?<=[\u3400-\u9fff])([0-9a-z][0-9a-z.\-_/+]*)$")


@lru_cache(maxsize=100_000)  # asked of each target twice
def latin_modifier(target_key: str) -> str | None:
    """The Latin word a Chinese target starts with, when Chinese follows it (`api` of `api密钥`),
    or ends with, after Chinese (`sars-cov` of `蝙蝠sars-cov`)."""
    found = _LATIN_MODIFIER.match(target_key) or _LATIN_HEAD.search(target_key)
    return found.group(1) if found and re.search("[a-z]", found.group(1)) else None


def features(tally: PairTally, source_frequency: int, target_frequency: int, co_occurrence: int,
             corpus_segments: int = 1, modifier_heads: int = 0, *, name: bool | None = None,
             source: str | None = None) -> PairFeatures:
    """The pair's features; `name` and `source` (its preferred spelling) when the caller knows them."""
    if source is None:
        source = preferred_source(tally)
    words, acronym, long_word, participle, verb, source_key = _spelling_features(source)
    if name is None:
        name = _names(tally, source, words)
    count = len(tally.scores)
    dice = 2 * co_occurrence / (source_frequency + target_frequency) if source_frequency + target_frequency else 0.0
    return PairFeatures(
        best=max(tally.scores), mean=sum(tally.scores) / count, count=count, dice=dice,
        link_share=len(tally.segments) / max(1, source_frequency),
        nested_ratio=tally.nested / count, words=words, name=name,
        acronym=acronym, quoted=tally.signals["quote"] > 0, label=tally.signals["segment"] > 0,
        long_word=long_word, corpus_segments=corpus_segments,
        commonness=tally.commonness, english_commonness=english_commonness(source),
        participle=participle, kept=chinese_key(preferred_target(tally)) == source_key,
        # A short text weighs it for single words only.
        general_frequency=general_frequency(source) if words == 1 or learned_share(corpus_segments) > 0 else 0.0,
        compound="-" in source, verb=verb, modifier_heads=modifier_heads)


@lru_cache(maxsize=100_000)  # a term's renderings ask alike
def _spelling_features(source: str) -> tuple[int, bool, bool, bool, bool, str]:
    """What `features` reads of the English spelling alone: its words, whether it is an acronym,
    a long word, a participle or only a verb, and its chinese_key (to compare with the target's)."""
    words = len(source.split())
    return (words, words == 1 and is_acronym(source), words == 1 and len(source) >= 10,
            words == 1 and is_participle(source), words == 1 and only_a_verb(source), chinese_key(source))


@lru_cache(maxsize=100_000)  # a term's renderings ask alike
def general_frequency(term: str) -> float:
    """Zipf frequency (log10 per billion words, from the wordfreq package) of the term's least
    common content word: `including` 5.5, `battery` 4.5, `inverter` 2.8, unknown words 0."""
    words = term.replace("-", " ").split()
    if words:  # the head noun by its singular: a name or label may keep its plural (`Canary Islands`)
        words[-1] = singular(words[-1])
    # an acronym spelling a function word (WHO, US) says nothing of how common `who` is
    frequencies = [_zipf(word.lower()) for word in words if word.isalpha() and not is_english_stopword(word, shouted=True)]
    return min(frequencies, default=0.0)


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=100_000)
def english_commonness(term: str) -> float:
    """log10 of the CC-CEDICT gloss count of the term's least common content word."""
    counts = [gloss_count(word) for word in term.lower().replace("-", " ").split()
              if word.isalpha() and not is_english_stopword(word)]
    return math.log10(min(counts) + 1) if counts else 0.0


def preferred_source(tally: PairTally) -> str:
    """The most frequent spelling, preferring occurrences that do not start a sentence."""
    if len(tally.source_forms) == 1:  # most terms: one spelling, nothing to choose
        (_, text), = tally.source_forms
        return text
    (_, text), _ = min(tally.source_forms.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
    return text


def preferred_target(tally: PairTally) -> str:
    if len(tally.target_forms) == 1:
        text, = tally.target_forms
        return text
    (text, _), = sorted(tally.target_forms.items(), key=lambda item: (-item[1], item[0]))[:1]
    return text


def snippet(text: str, start: int, end: int) -> str:
    """The term with some context either side, for evidence lines."""
    left = max(0, start - EVIDENCE_WINDOW)
    right = min(len(text), end + EVIDENCE_WINDOW)
    return ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "")


def _with_evidence_of(evidence: list[Evidence], also: PairTally | None) -> tuple[Evidence, ...]:
    """The best target's evidence and, for a second allowed target, one place of its own: a place
    already listed (`Hit Points (HP)` / `生命值 (HP)` holds both) is not listed twice."""
    places = {item.where for item in evidence}
    extra = [item for item in (also.evidence if also else []) if item.where not in places][:1]
    return tuple(evidence) + tuple(extra)


def _expansion_of_kept_acronym(best: PairTally, others: list[tuple[float, str, PairTally]]) -> PairTally | None:
    """An acronym the Chinese text keeps (P2G -> P2G) that it also spells out in a parenthesis
    (电转气(P2G)): both renderings are in use, so both are proposed as allowed targets."""
    if not best.signals["identical"]:
        return None
    for _, _, tally in others:
        if tally.signals["parenthesis"]:
            return tally
    return None


def merge_case_variants(tallies: dict[tuple[str, str], PairTally], source_postings: dict[str, set[int]]
                        ) -> tuple[dict[tuple[str, str], PairTally], dict[str, set[int]]]:
    """`JSON` and `Json`, `MountPoint` and `Mountpoint`, `micro-organism` and `microorganism`
    linked to one translation are one term.

    Keys keep the case of acronyms so that `US` and `us` or `WHO` and `who` stay apart; spellings
    that differ only in case, or a hyphenated word and its closed spelling (one term to check and
    validate, which would refuse the two as duplicate entries), and share a target are merged into
    the spelling linked most often, and the merged key occurs wherever either spelling does. The
    inputs are left unchanged."""
    spellings: dict[tuple[str, str], list[str]] = {}
    for (source_key, target_key), tally in tallies.items():
        spellings.setdefault((_one_term_key(source_key, tally), target_key), []).append(source_key)
    variants = {group: keys for group, keys in spellings.items() if len(keys) > 1}
    if not variants:
        return tallies, source_postings
    merged_tallies = dict(tallies)
    merged_postings = dict(source_postings)
    for (_, target_key), keys in sorted(variants.items()):
        keys.sort(key=lambda key: (-len(tallies[(key, target_key)].scores), key))
        main = keys[0]
        tally = tallies[(main, target_key)].copy()
        occurrences = set(source_postings.get(main, ()))
        for other in keys[1:]:
            tally.merge(tallies[(other, target_key)])
            del merged_tallies[(other, target_key)]
            occurrences.update(source_postings.get(other, ()))
        merged_tallies[(main, target_key)] = tally
        merged_postings[main] = occurrences
    return merged_tallies, merged_postings


def _one_term_key(source_key: str, tally: PairTally) -> str:
    """What the spellings of one term share: the key case folded, and for a hyphenated word (its
    key has a space where the hyphen was) the key of its closed spelling."""
    if " " in source_key:
        closed = closed_compound(preferred_source(tally))
        if closed is not None:
            return english_key(closed).casefold()
    return source_key.casefold()


def _names(tally: PairTally, source: str, words: int) -> bool:
    """Whether one rendering's occurrences make a name of the English (see _is_name_term)."""
    return tally.name_like > 0 or _is_name(source) and words > 1


def _is_name_term(renderings: list[tuple[PairTally, str]]) -> bool:
    """Being a name is a property of the English term, not of one of its translations: one
    `Journal of Medicine` kept in English makes no name of `medicine`, whose translation 药物
    would then lose to the kept `Medicine`. A single word is a name when at least half of its
    occurrences inside a sentence are capitalised; a capitalised phrase stays one. `renderings`
    holds each rendering's tally with the English as it spells it most."""
    named = [(_names(tally, source, words), words) for tally, source in renderings
             for words in (len(source.split()),)]
    if any(name and words > 1 for name, words in named):
        return True
    inside = sum(count for tally, _ in renderings for (sentence_start, _), count in tally.source_forms.items()
                 if not sentence_start)
    if not inside:  # only ever at the start of a sentence: the translations' own evidence decides
        return any(name for name, _ in named)
    return 2 * sum(tally.name_like for tally, _ in renderings) >= inside


def term_options(tallies: dict[tuple[str, str], PairTally], source_postings: dict[str, set[int]],
                 target_postings: dict[str, set[int]], *, rejected: set[tuple[str, str]] = frozenset(),
                 rejected_terms: set[str] = frozenset()) -> dict[str, list[tuple[PairFeatures, str, PairTally]]]:
    """Every English term with the features of each of its linked targets: what `rank` chooses
    among, and what the learned combination is fitted on (tests/bench/fit_weights.py). `rejected`
    holds the (English, Chinese) keys of rejected renderings, `rejected_terms` the English keys of
    terms rejected in every rendering."""
    tallies, source_postings = merge_case_variants(
        {key: tally for key, tally in tallies.items() if key not in rejected and key[0] not in rejected_terms},
        source_postings)
    if rejected_terms:  # a spelling merged into a rejected one (`Json` into `JSON`) goes with it
        tallies = {key: tally for key, tally in tallies.items() if key[0] not in rejected_terms}
    corpus_segments = 1 + max((max(segments) for segments in source_postings.values() if segments), default=0)
    heads = Counter(modifier for modifier in map(latin_modifier, {target_key for _, target_key in tallies}) if modifier)
    renderings: dict[str, list[tuple[str, PairTally, str]]] = {}  # English key -> (Chinese key, tally, spelling)
    for (source_key, target_key), tally in tallies.items():
        renderings.setdefault(source_key, []).append((target_key, tally, preferred_source(tally)))
    featured: dict[str, list[tuple[PairFeatures, str, PairTally]]] = {}
    for source_key, options in renderings.items():
        name = _is_name_term([(tally, source) for _, tally, source in options])
        source_segments = source_postings.get(source_key, set())
        featured[source_key] = []
        for target_key, tally, source in options:
            target_segments = target_postings.get(target_key, set())
            modifier = latin_modifier(target_key)
            featured[source_key].append((features(tally, len(source_segments), len(target_segments),
                                                  _shared(source_segments, target_segments), corpus_segments,
                                                  heads[modifier] if modifier else 0, name=name, source=source),
                                         target_key, tally))
    return featured


def _shared(source_segments, target_segments) -> int:
    """How many segments hold both: Postings count them without making the set `&` makes."""
    counted = getattr(source_segments, "shared", None)
    return counted(target_segments) if counted is not None else len(source_segments & target_segments)


# Priors closer than this (relative) are a tie: at that distance they differ by a link or two's
# count or co-occurrence, which says nothing of which rendering is right.
NEAR_TIE = 0.01


def _near_tie_settled(options: list[tuple], min_score: float) -> list[tuple]:
    """`options` (prior, score, target key, tally), best prior first, with the rendering the
    dictionary explains best moved to the front when its prior ties with the first's: `multi-organ
    failure` is 多器官衰竭 (every character explained, two links) rather than 多器官功能衰竭 (功能,
    `function`, in no English word; three links), `Chinese New Year` 中国农历新年 rather than 中旬.

    Only a rendering linked twice, or as often as the first, is moved up: one sentence's link is
    too little to overrule more (a lexicon learned from the corpus explains some one-offs in full).
    And the tie decides which rendering a proposed term gets, never whether the term is proposed:
    when the first is below --min-score, so is the term."""
    if options[0][1] < min_score:
        return options
    needed = min(2, len(options[0][3].scores))
    tied = [option for number, option in enumerate(options)
            if option[0] >= options[0][0] * (1 - NEAR_TIE)
            and (number == 0 or option[1] >= min_score and len(option[3].scores) >= needed)]
    if len(tied) < 2:
        return options
    first = max(tied, key=lambda option: max(option[3].scores))  # the earliest of equals
    return [first] + [option for option in options if option is not first]


# A rendering the dictionary gives for the whole term is proposed when the corpus supports it
# nearly as well as its best rendering: at least this share of its translation evidence (the
# prior) and of its links (set on TICO-19).
DICTIONARY_SUPPORT = 0.5


def preferred_rendering(source_key: str, options: list[tuple[float, int, str]]) -> str:
    """Of a term's renderings (prior, links, target key), best evidence first, the one to propose:
    the first, unless the dictionary lists another for the whole term (dictionary_terms.py) with
    DICTIONARY_SUPPORT of its evidence and links. Of several such renderings, the one the corpus
    uses most: the dictionary glosses 免疫 and 免疫力 alike `immunity`, and then usage decides,
    as it would for a terminologist. Acronyms are left to the corpus: `WHO` is no `who` (谁)."""
    best_prior, best_links, best = options[0]
    if len(options) == 1 or not source_key.islower():
        return best
    listed = listed_renderings(source_key)
    supported = [(links, -order, target_key) for order, (prior, links, target_key) in enumerate(options)
                 if target_key in listed and prior >= DICTIONARY_SUPPORT * best_prior
                 and links >= DICTIONARY_SUPPORT * best_links]
    return max(supported)[2] if supported else best


def rank(tallies: dict[tuple[str, str], PairTally], source_postings: dict[str, set[int]],
         target_postings: dict[str, set[int]], *, rejected: set[tuple[str, str]] = frozenset(),
         rejected_terms: set[str] = frozenset(), min_score: float = 0.0) -> list[ScoredPair]:
    """One entry per English term: its best target, scored, with alternatives and evidence."""
    results = []
    for source_key, featured_options in term_options(tallies, source_postings, target_postings, rejected=rejected,
                                                     rejected_terms=rejected_terms).items():
        options = [(prior, pair_features.score(prior), target_key, tally)
                   for pair_features, target_key, tally in featured_options for prior in (pair_features.prior(),)]
        # The target is chosen on translation evidence (the prior); the learned combination ranks
        # terms against each other, which is where corpus statistics help.
        options.sort(key=lambda option: (-option[0], -option[1], option[2]))
        options = _near_tie_settled(options, min_score)
        # a rendering below --min-score is never proposed: the term would vanish with it
        first = preferred_rendering(source_key, [(prior, len(tally.scores), target_key)
                                                 for number, (prior, score, target_key, tally) in enumerate(options)
                                                 if number == 0 or score >= min_score])
        options.sort(key=lambda option: option[2] != first)  # stable: the others keep their order
        _, best_score, _, best = options[0]
        if best_score < min_score:
            continue
        also = _expansion_of_kept_acronym(best, [(score, key, tally) for _, score, key, tally in options[1:]])
        rest = [option for option in options[1:] if option[3] is not also]
        alternatives = tuple(Alternative(preferred_target(tally), score)
                             for _, score, _, tally in rest[:MAX_ALTERNATIVES] if score > 0)
        signals = tuple(sorted(signal for signal, count in best.signals.items() if count))
        results.append(ScoredPair(preferred_source(best), preferred_target(best), best_score, len(best.scores),
                                  signals, _with_evidence_of(best.evidence, also),
                                  alternatives, source_key=source_key,
                                  also_allowed=(preferred_target(also),) if also else ()))
    results.sort(key=lambda pair: (-pair.score, pair.source_key, pair.target))
    return results
