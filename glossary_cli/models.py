"""The plain data that flows through the pipeline: readers -> tokenize -> candidates -> scoring."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True, order=True)
class Location:
    """Where a segment came from, precise enough for a person to open the file there."""

    path: str
    line: int | None = None
    unit: str | None = None  # a TMX tuid or XLIFF unit id when the format has one
    # Where the translation's text starts (the English of a pair translated from Chinese), for
    # `check`, whose findings are fixed there: the line of
    # an XLIFF <target>, a TMX <seg> or a PO msgstr (the unit's line otherwise) and the 1-based column
    # in characters (code points) and in UTF-16 code units (SARIF's default). None when not known.
    # Not part of equality, so a pair is the same pair wherever its text starts.
    target_line: int | None = field(default=None, compare=False)
    target_column: int | None = field(default=None, compare=False)
    target_column_utf16: int | None = field(default=None, compare=False)
    # The translation stands as it is from there on, on that line (no escapes, entities or line
    # breaks inside), so a place inside it is that many characters further: a finding can point
    # at the offending word itself.
    target_verbatim: bool = field(default=False, compare=False)

    def target_columns_at(self, target: str, offset: int) -> tuple[int | None, int | None]:
        """(character column, UTF-16 column) of the character at `offset` of the translation
        `target`; where the file does not show the translation as it is, where the translation starts."""
        if not self.target_verbatim or self.target_column is None or self.target_column_utf16 is None:
            return self.target_column, self.target_column_utf16
        astral = sum(1 for char in target[:offset] if ord(char) > 0xFFFF)  # two UTF-16 code units each
        return self.target_column + offset, self.target_column_utf16 + offset + astral

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.unit is not None:
            return f"{self.path}#{self.unit}"
        return self.path


@dataclass(frozen=True)
class SegmentPair:
    """One aligned English segment and its Chinese translation, or, `from_chinese`, a Chinese
    segment and its English translation: `source` is always the English and `target` the Chinese."""

    source: str
    target: str
    location: Location
    # The file translates Chinese into English (its reader read it the other way round, as the file
    # declares or as its text shows): `check` then enforces the glossary from the Chinese to the
    # English, and the location's target position is where the English starts, the text to fix.
    # Not part of equality: extract counts the two texts as one pair whichever way they were translated.
    from_chinese: bool = field(default=False, compare=False)


# Tokens, spans, matches and links are made tens of times per segment pair: slotted, not frozen,
# since a frozen dataclass's __init__ made extracting 7% slower. Nothing changes them once made.
@dataclass(slots=True)
class Token:
    """A token with its character offsets in the segment it came from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TokenizedPair:
    pair: SegmentPair
    source_tokens: tuple[Token, ...]
    target_tokens: tuple[Token, ...]


@dataclass(slots=True)  # not frozen, for speed: see Token
class Span:
    """A candidate term inside one segment: character offsets, surface text and the
    normalised key under which occurrences of the same term are counted together."""

    start: int
    end: int
    text: str
    key: str
    first_token: int = 0
    last_token: int = 0  # exclusive
    quoted: bool = False
    bracketed: bool = False
    verb_initial: bool = False  # Chinese: starts with a verb (推进智能), rarely a term

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


class LinkedPair(NamedTuple):
    """One link of one segment as it is tallied: what `PairTally` counts of it, and where its
    two spans sit for the evidence. Kept per segment, so a re-run re-links only the segments
    whose words or tokens changed and tallies the rest as they were."""

    source_key: str
    target_key: str
    score: float
    signals: tuple[str, ...]
    source_text: str
    target_text: str
    nested: bool
    commonness: float  # see ChineseTokenizer.commonness
    sentence_start: bool  # the English span starts its sentence
    source_start: int
    source_end: int
    target_start: int
    target_end: int


@dataclass(frozen=True)
class Evidence:
    """One segment pair in which a term pair was found."""

    where: str
    source: str
    target: str


@dataclass(frozen=True)
class Alternative:
    """Another rendering of an entry's term, kept so a reviewer can pick it. extract scores the
    ones it proposes; a rendering a person's decision set aside keeps the score its entry had, or
    none (`score` None) when the entry had none, since 0.0 would claim extract scored it so."""

    target: str
    score: float | None = None


@dataclass(frozen=True)
class ScoredPair:
    """A proposed glossary entry: the best target for a source term, with its evidence."""

    source: str
    target: str
    score: float
    count: int
    signals: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    source_key: str = field(default="", compare=False)
    also_allowed: tuple[str, ...] = ()  # further renderings the corpus uses as well

    @property
    def targets(self) -> list[str]:
        return [self.target, *self.also_allowed]
