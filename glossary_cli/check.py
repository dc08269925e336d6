"""`glossary check` as a library: Glossary + SegmentPairs -> Findings, and baselines of known findings.

    from glossary_cli.check import run_check
    result = run_check(glossary, pairs, strict_count=True)
    for finding in result.findings: ...

Only approved entries are enforced. A finding's fingerprint hashes the rule ID, the term and the
normalised source segment, never the file or line, so it survives line moves and edits elsewhere
in the file; a baseline is the multiset of (fingerprint, file) accepted as known, so the same
mistake made again in another file is new. Each record also holds the renderings the rule asked
for (`expected`), outside the fingerprint: a record covers a finding only while the rule asks for
the same ones, so when a decision changes (outbreak: 爆发 -> 暴发) the findings accepted under the
old one come back as new, to be decided again. A record written before records held them covers
the finding whatever the rule asks for, as it always did.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain, islice

from . import __version__, _callable_as, cluster
from .atomic import FileKind
from .errors import GlossaryFileError, InputFormatError
from .glossary import Entry, Glossary, Status
from .language_tags import compares_as_written
from .matching import ChineseTermHit, Occurrence, TermHit, TermMatcher
from .models import Location, SegmentPair
from .normalize import english_key
from .project import composed_name
from .rules import RULES, Direction, Rule, Severity, enabled_rules
from .scope import PathScope, entry_paths, scoped_name

BASELINE_VERSION = 1
_BASELINE_MARK = re.compile(r'\A\ufeff?\s*\{.*?"glossary_baseline"\s*:', re.DOTALL)
# What a file a symbolic link points to must be for --write-baseline to write through the link.
BASELINE_FILE = FileKind("glossary baseline", lambda text: _BASELINE_MARK.match(text) is not None)


@dataclass(frozen=True)
class Finding:
    """One broken rule in one segment pair. Its source is the text translated and its target the
    translation, which is where the fix goes: in a pair translated from Chinese (`from_chinese`),
    the Chinese and the English."""

    rule_id: str
    severity: Severity
    message: str
    location: Location
    source_term: str  # the glossary entry's source
    expected: tuple[str, ...]  # renderings that would satisfy the rule
    found: tuple[str, ...]  # offending renderings found in the target (GL002)
    source_text: str
    target_text: str
    source_occurrences: tuple[Occurrence, ...]  # where the term is in source_text, for highlighting
    fingerprint: str
    known: bool = False  # listed in the baseline: reported, never fails the run
    target_at: int | None = None  # where in target_text the offending text starts (a forbidden rendering)
    from_chinese: bool = False  # the pair was translated from Chinese into English

    @property
    def languages(self) -> tuple[str, str]:
        """The languages of source_text and target_text, as reports label them."""
        return ("zh", "en") if self.from_chinese else ("en", "zh")


@dataclass
class CheckResult:
    findings: list[Finding]
    rules: list[Rule]
    terms: list[Entry]  # the approved entries that were enforced
    pairs_checked: int = 0
    options: dict = field(default_factory=dict)
    # In how many pairs each of `terms` (same order) occurs in the source: a term at 0 was not
    # tested at all, which a report should not present as passing. None: not counted.
    term_pairs: list[int] | None = None
    root: str | None = None  # the directory `paths:` globs are relative to (None: the current one)
    # Of pairs_checked, how many were translated from Chinese: their terms were looked for in the Chinese.
    pairs_from_chinese: int = 0
    # Indexes into `terms` of the entries whose `paths:` take in none of the files checked: enforced
    # nowhere, which a run should say (globs written for another root, a glossary in a submodule).
    in_force_nowhere: list[int] = field(default_factory=list)

    def source_language(self) -> str:
        """The language the terms were looked for in, as a summary names it: the text translated."""
        if not self.pairs_from_chinese:
            return "English"
        return "Chinese" if self.pairs_from_chinese == self.pairs_checked else "source"

    def terms_found(self) -> int | None:
        """How many approved terms occur in the pairs checked (None when not counted)."""
        return None if self.term_pairs is None else sum(1 for count in self.term_pairs if count)

    def new_findings(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.known]

    def failing(self, fail_on: Severity) -> list[Finding]:
        """New findings at or above the given severity: these make the run exit 1."""
        return [finding for finding in self.new_findings() if finding.severity.rank >= fail_on.rank]

    def counts_by_rule(self) -> dict[str, int]:
        counts = Counter(finding.rule_id for finding in self.findings)
        return {rule.id: counts[rule.id] for rule in self.rules if counts[rule.id]}


def fingerprint(rule_id: str, source_term: str, source_text: str) -> str:
    """Stable across line moves and unrelated edits: rule, term key and normalised source text."""
    data = "\x1f".join((rule_id, _term_key(source_term), _segment_key(source_text)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


@lru_cache(maxsize=65536)
def _term_key(term: str) -> str:
    return english_key(term)


@lru_cache(maxsize=1024)
def _segment_key(text: str) -> str:
    # str.split() splits on exactly the characters regex \s matches: whitespace runs become one space.
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


CHUNK_SIZE = 1000  # pairs matched together: OpenCC converts a chunk's targets in one call
# With the default number of jobs, workers start only for a corpus of at least this many chunks:
# each spends 2-3 s importing and building its matcher, and on a 2-core machine with other work on it
# (a shared CI runner) two workers were slower than one at 3,070, 18,420 and 21,490 pairs; idle, they
# were 1.75x faster at 100,000.
AUTO_PARALLEL_CHUNKS = 50


def run_check(glossary: Glossary, pairs: Iterable[SegmentPair], *, strict_count: bool = False,
              select: Iterable[str] | None = None, ignore: Iterable[str] = (), root: str | None = None,
              jobs: int | None = 1, progress: Callable[[int], None] | None = None,
              allow_no_pairs: bool = False) -> CheckResult:
    """Apply every enabled rule to every approved term found in the pairs.

    `select` and `ignore` choose the rules as ruff's --select and --ignore do (rules.enabled_rules);
    `strict_count` adds GL004. A term with `paths:` is enforced only in the files its globs take
    in, relative to `root` (scope.py; by default the current directory): elsewhere the pairs are
    matched as if the glossary did not hold it.

    With `jobs` > 1 the pairs are checked in chunks by that many worker processes, each with its
    own matcher; the findings are the same, in the same order, as with one job. `jobs=None` uses
    every CPU core for a corpus of AUTO_PARALLEL_CHUNKS chunks or more, and one process below that.
    `progress` is told how many pairs are checked: 0 as checking starts, then after each chunk
    (a 100,000-pair catalogue against a big glossary takes minutes).

    No pairs at all is an InputFormatError, as `glossary check` says it: a clean result would pass
    a job whose input was empty, or an iterator another call had already read. `allow_no_pairs`
    returns the empty result instead (the command does, to tell a catalogue with no translated
    entries yet, or one of another language, from a file that holds no pairs).
    """
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    select = [select] if isinstance(select, str) else select  # one rule named: not its characters
    ignore = [ignore] if isinstance(ignore, str) else ignore
    for entry in glossary.terms:
        entry.normalize()  # a field set in Python after the entry was built (`entry.status = "approved"`)
    terms = [entry for entry in glossary.terms if entry.status is Status.APPROVED]
    as_written = compares_as_written(glossary.languages)
    rules = enabled_rules(strict_count=strict_count, select=select, ignore=ignore)
    rule_ids = tuple(rule.id for rule in rules)
    root = root or os.getcwd()
    chunks = _chunks(pairs, CHUNK_SIZE)
    if jobs is None:
        ahead = list(islice(chunks, AUTO_PARALLEL_CHUNKS))
        jobs = cluster.usable_cores() if len(ahead) == AUTO_PARALLEL_CHUNKS else 1
        chunks = chain(ahead, chunks)
    first = next(chunks, [])
    files = {pair.location.path for pair in first}
    counted = [len(first)]
    findings: list[Finding] = []
    term_pairs = [0] * len(terms)
    done = [0]
    from_chinese = [0]
    if progress is not None:
        progress(0)

    def add(checked: _CheckedChunk) -> None:
        findings.extend(checked.findings)
        for index, count in enumerate(checked.term_pairs):
            term_pairs[index] += count
        done[0] += checked.pairs
        from_chinese[0] += checked.from_chinese
        if progress is not None:
            progress(done[0])

    if jobs == 1 or len(first) < CHUNK_SIZE:  # one chunk is not worth starting processes for
        checker = _Checker(terms, rule_ids, as_written, root)
        add(checker.check(first))
        for chunk in chunks:
            counted.append(len(chunk))
            files.update(pair.location.path for pair in chunk)
            add(checker.check(chunk))
    else:
        def counting(rest: Iterable[list[SegmentPair]]) -> Iterator[list[SegmentPair]]:
            yield first
            for chunk in rest:
                counted.append(len(chunk))
                files.update(pair.location.path for pair in chunk)
                yield chunk

        # Fresh workers, not forks of this process: see LocalRunner. Ctrl-C stops them at once.
        runner = cluster.LocalRunner(jobs, fresh_workers=True)
        for checked in runner.map(_check_chunk, counting(chunks), _CheckContext(terms, rule_ids, as_written, root)):
            add(checked)
    if not sum(counted) and not allow_no_pairs:
        raise InputFormatError("no segment pairs; nothing checked")
    findings.sort(key=report_order_key)
    return CheckResult(findings=findings, rules=rules, terms=terms, pairs_checked=sum(counted),
                       options={"strict_count": strict_count}, term_pairs=term_pairs, root=root,
                       pairs_from_chinese=from_chinese[0], in_force_nowhere=_in_force_nowhere(terms, files, root))


def report_order_key(finding: Finding) -> tuple:
    """Where the reports put a finding: by file, then the line and column of the translation to
    fix (of the offending text itself, where it has one), unit, rule, term. run_check returns its
    findings so, and every report (report.report_order) sorts them so with the file as it names it."""
    location = finding.location
    if location.target_line is None:
        line, column = location.line, None
    else:
        line, column = location.target_line, location.target_column
        if finding.target_at is not None:
            column, _ = location.target_columns_at(finding.target_text, finding.target_at)
    return (location.path, line or 0, column or 0, location.unit or "", finding.rule_id, finding.source_term,
            finding.fingerprint)


def _in_force_nowhere(terms: list[Entry], files: set[str], root: str) -> list[int]:
    """The terms with `paths:` that take in none of the files checked (standard input aside, which
    no glob names) and whose globs name nothing under `root` either: globs read from another root
    than they were written for. A run over some files only (a pre-commit hook given a commit's)
    leaves many scoped terms idle, rightly, and says nothing of them."""
    names = [name for name in (scoped_name(path, root) for path in sorted(files)) if name is not None]
    if not names:
        return []
    return [number for number, entry in enumerate(terms)
            if (patterns := entry_paths(entry)) is not None and not any(map(PathScope(patterns).covers, names))
            and _names_nothing_under(patterns, root)]


def _names_nothing_under(patterns: list[str], root: str) -> bool:
    """Whether every glob that takes files in starts with a folder `root` does not have
    (`locale/**` where there is no locale/). A glob that may match at any depth (`*.po`, `ui.json`)
    could name anything, so it never counts as naming nothing."""
    for pattern in patterns:
        if pattern.startswith("!"):
            continue
        parts = pattern.lstrip("/").rstrip("/").split("/")
        if len(parts) < 2 and not pattern.startswith("/"):
            return False  # no folder in it: gitignore matches it at any depth
        literal = []
        for part in parts:
            if any(mark in part for mark in "*?["):
                break
            literal.append(part)
        if not literal or os.path.exists(os.path.join(root, *literal)):
            return False
    return True


@dataclass
class _CheckedChunk:
    """What checking one chunk gives: its findings, how many pairs it held, in how many of them each term occurs."""

    findings: list[Finding]
    term_pairs: list[int]
    pairs: int  # how many pairs were checked
    from_chinese: int = 0  # how many of them were translated from Chinese


class _Checker:
    """Matchers and the enabled rules: SegmentPairs in, Findings out. Terms with `paths:` make one
    matcher for each set of terms in force that the files give (usually two: in scope and out)."""

    def __init__(self, terms: list[Entry], rule_ids: tuple[str, ...], as_written: bool, root: str) -> None:
        self.terms = terms
        self.as_written = as_written
        self.root = root
        self.rules = [RULES[rule_id] for rule_id in rule_ids]
        # Rules that step aside for a forbidden rendering's rule this run does not apply: a team that
        # ignores GL007 (or selects GL005 alone) still hears of the term the English left out.
        self.reporting_forbidden = {rule.id for rule in self.rules
                                    if rule.steps_aside_for is not None and rule.steps_aside_for not in rule_ids}
        self.index = {id(entry): number for number, entry in enumerate(terms)}
        self.scoped = [(number, PathScope(patterns)) for number, entry in enumerate(terms)
                       if (patterns := entry_paths(entry)) is not None]
        self._left_out_of: dict[str, frozenset[int]] = {}  # file -> the scoped terms not in force there
        self._matchers: dict[frozenset[int], TermMatcher] = {}

    def left_out(self, path: str) -> frozenset[int]:
        """The terms whose `paths:` do not take in this file."""
        left_out = self._left_out_of.get(path)
        if left_out is None:
            name = scoped_name(path, self.root) if self.scoped else None
            left_out = self._left_out_of[path] = frozenset(
                number for number, scope in self.scoped if not scope.covers(name))
        return left_out

    def matcher(self, left_out: frozenset[int]) -> TermMatcher:
        matcher = self._matchers.get(left_out)
        if matcher is None:
            # The terms left out still own the text they span: 配电网 out of scope is still one
            # word, and 电网 inside it no occurrence of its own.
            matcher = self._matchers[left_out] = TermMatcher(self.terms, as_written=self.as_written,
                                                             out_of_scope=left_out)
        return matcher

    def hits_many(self, pairs: list[SegmentPair]) -> list[list]:
        """The term hits of each pair, each file's pairs matched with the terms in force there: a
        TermHit for each term in the English, or for a pair translated from Chinese a ChineseTermHit
        for each rendering in the Chinese."""
        groups: dict[tuple[frozenset[int], bool], list[int]] = {}
        for number, pair in enumerate(pairs):
            groups.setdefault((self.left_out(pair.location.path), pair.from_chinese), []).append(number)
        hits: list[list] = [[] for _ in pairs]
        for (left_out, from_chinese), numbers in groups.items():
            matcher = self.matcher(left_out)
            find = matcher.chinese_hits_many if from_chinese else matcher.hits_many
            if len(numbers) == len(pairs):
                return find(pairs)
            for number, found in zip(numbers, find([pairs[n] for n in numbers])):
                hits[number] = found
        return hits

    def check(self, pairs: list[SegmentPair]) -> _CheckedChunk:
        findings = []
        term_pairs = [0] * len(self.index)
        for pair, hits in zip(pairs, self.hits_many(pairs)):
            direction = Direction.FROM_CHINESE if pair.from_chinese else Direction.FROM_ENGLISH
            rules = [rule for rule in self.rules if rule.direction is direction]
            found_terms: set[int] = set()
            for hit in hits:
                entries = hit.entries if isinstance(hit, ChineseTermHit) else (hit.entry,)
                found_terms.update(self.index[id(entry)] for entry in entries)
                for rule in rules:
                    violation = rule(replace(hit, forbidden=()) if rule.id in self.reporting_forbidden else hit)
                    if violation is not None:
                        findings.append(_finding(rule, violation, hit))
            for number in found_terms:
                term_pairs[number] += 1
        return _CheckedChunk(findings, term_pairs, len(pairs), sum(1 for pair in pairs if pair.from_chinese))


def _finding(rule: Rule, violation, hit: TermHit | ChineseTermHit) -> Finding:
    """The finding a rule's violation makes: of a pair translated from Chinese, the Chinese is its
    source and the English, where the fix goes, its target."""
    pair = hit.pair
    if isinstance(hit, ChineseTermHit):
        entry = hit.entries[0]
        return Finding(rule_id=rule.id, severity=rule.severity, message=violation.message, location=pair.location,
                       source_term=entry.source, expected=tuple(hit.english_spellings()), found=violation.found,
                       source_text=pair.target, target_text=pair.source, source_occurrences=hit.chinese,
                       fingerprint=fingerprint(rule.id, entry.source, pair.target), target_at=violation.at,
                       from_chinese=True)
    entry = hit.entry
    return Finding(rule_id=rule.id, severity=rule.severity, message=violation.message, location=pair.location,
                   source_term=entry.source, expected=tuple(entry.allowed_targets()), found=violation.found,
                   source_text=pair.source, target_text=pair.target, source_occurrences=hit.source,
                   fingerprint=fingerprint(rule.id, entry.source, pair.source), target_at=violation.at)


def _chunks(pairs: Iterable[SegmentPair], size: int) -> Iterator[list[SegmentPair]]:
    chunk: list[SegmentPair] = []
    for pair in pairs:
        chunk.append(pair)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _CheckContext:
    """What a worker needs to check chunks: the approved terms; its checker is built there."""

    def __init__(self, terms: list[Entry], rule_ids: tuple[str, ...], as_written: bool, root: str) -> None:
        self.terms = terms
        self.rule_ids = rule_ids
        self.root = root
        self.as_written = as_written
        self.checker: _Checker | None = None

    def prepare(self) -> None:
        self.checker = _Checker(self.terms, self.rule_ids, self.as_written, self.root)


def _check_chunk(pairs: list[SegmentPair], context: _CheckContext) -> _CheckedChunk:
    assert context.checker is not None, "context not prepared"
    return context.checker.check(pairs)


# ------------------------------------------------------------------ baselines

@dataclass(frozen=True)
class KnownFinding:
    """One finding a baseline accepts: its fingerprint, in the file it was found in."""

    fingerprint: str
    path: str | None  # as reports name the file, with `/`; None (an older baseline): any file
    # The renderings the rule asked for when the finding was accepted; None (a baseline written
    # before records held them): whatever the rule asks for now.
    expected: frozenset[str] | None = None
    rule: str | None = field(default=None, compare=False)  # the rule it broke, when the record says
    term: str | None = field(default=None, compare=False)  # the glossary term it was about, when it says


def baseline_path(finding: Finding, root: str | None = None) -> str:
    """The file of a finding as a baseline records it (see baseline_name)."""
    return baseline_name(finding.location.path, root)


def baseline_name(path: str, root: str | None = None) -> str:
    """A file as a baseline records it: relative to `root` (the baseline's own directory; by
    default the current one) when beneath it, with `/` separators so one baseline serves every
    system."""
    from .report import report_path
    from .textio import STDIN_NAME

    if root is not None and path != STDIN_NAME:
        path = os.path.abspath(path)  # a reader's path is relative to the working directory, not to `root`
    return composed_name(report_path(path, root or os.getcwd()).replace(os.sep, "/"))


def apply_baseline(result: CheckResult, known: Mapping, *, root: str | None = None) -> CheckResult:
    """Mark findings the baseline lists (each listed copy covers one finding). `known` counts
    KnownFindings, as load_baseline reads them; a bare fingerprint covers a finding in any file."""
    accepted, _left = _match_baseline(result.findings, known, root)
    marked = [replace(finding, known=True) if is_known else finding
              for finding, is_known in zip(result.findings, accepted)]
    return replace(result, findings=marked)


@dataclass(frozen=True)
class Leftovers:
    """The records of a baseline that no finding of a run matched, among those it looked for, by
    why: a reviewer must not read a retired term's records as mistakes fixed. Each mapping counts
    records by glossary term."""

    fixed: int = 0
    no_longer_approved: Mapping[str, int] = field(default_factory=dict)  # rejected, renamed or deleted
    other_rendering: Mapping[str, int] = field(default_factory=dict)  # recorded when the rule asked for another
    out_of_paths: Mapping[str, int] = field(default_factory=dict)  # the term's paths: leave the file out now

    @property
    def total(self) -> int:
        return self.fixed + sum(self.no_longer_approved.values()) + sum(self.other_rendering.values()) + sum(
            self.out_of_paths.values())


def unmatched_in_baseline(result: CheckResult, known: Mapping, *, root: str | None = None,
                          read: Iterable[str] | None = None) -> int:
    """How many findings the baseline lists that this run did not find (see leftover_records)."""
    return leftover_records(result, known, root=root, read=read).total


def leftover_records(result: CheckResult, known: Mapping, *, root: str | None = None,
                     read: Iterable[str] | None = None) -> Leftovers:
    """The records of `known` (as load_baseline reads it) this run did not find, by why. With
    `read` (the files the run read, as reports name them), only those of its files and of no file:
    the others were not looked for; nor were the findings of rules the run did not apply (--ignore)."""
    _accepted, left = _match_baseline(result.findings, known, root)
    return _sorted_out(result, _looked_for(result, left, read), root)


def _looked_for(result: CheckResult, records: Mapping[KnownFinding, int],
                read: Iterable[str] | None) -> Counter[KnownFinding]:
    """The records a run looked for: of the files it read (all, when `read` is None) and of the rules it applied."""
    looked_in = None if read is None else set(read)
    applied = {rule.id for rule in result.rules}
    return Counter({record: count for record, count in records.items()
                    if (looked_in is None or record.path is None or record.path in looked_in)
                    and (record.rule is None or record.rule in applied or record.rule not in RULES)})


def _sorted_out(result: CheckResult, left: Mapping[KnownFinding, int], root: str | None) -> Leftovers:
    """Why each record left over matched nothing: its term is no longer approved, the rule asks for
    other renderings now, the term's paths: leave its file out, or else the mistake was fixed."""
    approved: dict[str, list[int]] = {}
    for number, entry in enumerate(result.terms):
        approved.setdefault(_term_key(entry.source), []).append(number)
    scopes = {number: PathScope(patterns) for number, entry in enumerate(result.terms)
              if (patterns := entry_paths(entry)) is not None}
    fixed = 0
    no_longer_approved: Counter[str] = Counter()
    other_rendering: Counter[str] = Counter()
    out_of_paths: Counter[str] = Counter()
    for record, count in left.items():
        if record.term is None:  # a record written by hand: nothing to tell it by
            fixed += count
            continue
        numbers = approved.get(_term_key(record.term))
        if not numbers:
            no_longer_approved[record.term] += count
        elif record.expected is not None and not any(
                _asks_for(result.terms[number], record) for number in numbers):
            other_rendering[record.term] += count
        elif record.path is not None and all(number in scopes for number in numbers) and not any(
                scopes[number].covers(_scoped_record_name(record.path, root, result.root)) for number in numbers):
            out_of_paths[record.term] += count
        else:
            fixed += count
    return Leftovers(fixed, _most_first(no_longer_approved), _most_first(other_rendering), _most_first(out_of_paths))


def _asks_for(entry: Entry, record: KnownFinding) -> bool:
    """Whether the rule of a record asks for the renderings it names of this entry: its Chinese, or of
    a rule checking translations from Chinese its English (all of them, and maybe those of another
    entry sharing the rendering)."""
    rule = RULES.get(record.rule or "")
    if rule is not None and rule.direction is Direction.FROM_CHINESE:
        return frozenset((entry.source, *entry.source_variants)) <= record.expected
    return frozenset(entry.allowed_targets()) == record.expected


def _most_first(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _scoped_record_name(name: str, baseline_root: str | None, scope_root: str | None) -> str | None:
    """A file a baseline names (relative to its directory) as `paths:` globs see it."""
    from .textio import STDIN_NAME

    if name == STDIN_NAME:
        return None
    return scoped_name(os.path.join(baseline_root or os.getcwd(), name), scope_root or os.getcwd())


def _match_baseline(findings: list[Finding], known: Mapping, root: str | None) -> tuple[list[bool], Counter]:
    """Which findings the baseline covers, and the records left over. A finding takes a record of
    its own file first, and one naming no file only after every finding has had its own: so an old
    record covers what nobody recorded, not a finding another record would have covered. A record
    that names the renderings the rule asked for covers a finding only while the rule asks for
    the same ones; one that names none (an older baseline) covers it whatever they are."""
    left: Counter[KnownFinding] = Counter()
    for key, count in known.items():
        left[key if isinstance(key, KnownFinding) else KnownFinding(key, None)] += count
    paths: dict[str, str] = {}  # a run names a few files many times
    accepted = [False] * len(findings)
    for named in (True, False):
        for number, finding in enumerate(findings):
            if accepted[number]:
                continue
            path = None
            if named:
                path = paths.get(finding.location.path)
                if path is None:
                    path = paths[finding.location.path] = baseline_path(finding, root)
            for expected in (frozenset(finding.expected), None):
                record = KnownFinding(finding.fingerprint, path, expected)
                if left[record] > 0:
                    left[record] -= 1
                    accepted[number] = True
                    break
    return accepted, +left


def baseline_text(result: CheckResult, *, root: str | None = None, kept: Iterable[dict] = ()) -> str:
    """A baseline file: sorted by file, one record per finding (and the `kept` records of files
    the run did not read), readable in a diff."""
    records = sorted(
        [*({"fingerprint": finding.fingerprint, "path": baseline_path(finding, root), "rule": finding.rule_id,
            "term": finding.source_term, "expected": list(finding.expected), "source": finding.source_text}
           for finding in result.findings), *kept],
        key=lambda record: (record["path"], str(record.get("rule", "")), str(record.get("term", "")),
                            str(record.get("source", "")), record["fingerprint"]),
    )
    document = {"glossary_baseline": BASELINE_VERSION, "tool": f"glossary-cli {__version__}", "findings": records}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class BaselineRefresh:
    """What write_baseline did with the records a baseline already there held: for files the run
    did not read, how many it kept (the file is there) and how many it dropped for each file that
    no longer exists (renamed or deleted), by the name the baseline gave it; how many of rules the
    run did not apply it kept; and, of those the run looked for, which no finding matched, by why."""

    kept: int = 0
    dropped: Mapping[str, int] = field(default_factory=dict)
    kept_of_rules: int = 0  # records of rules the run did not apply (--ignore, --select), kept
    leftovers: Leftovers = field(default_factory=Leftovers)


def write_baseline(path: str, result: CheckResult, *, read: Iterable[str] | None = None,
                   root: str | None = None) -> BaselineRefresh:
    """Write the run's findings as the baseline at `path`. With `read` (the files the run read, as
    reports name them), the records a baseline already there holds for other files are kept while
    those files exist: a pre-commit run reads the changed files only, and refreshing the baseline
    from it must not forget the rest; but the records of a file renamed or deleted would never
    match again, except, silently, a file that later comes back under its name. Likewise the
    records of a rule the run did not apply (--ignore) are kept: it did not look for them. The
    others are replaced by the run's findings; those no finding matched are sorted out by why."""
    from .atomic import write_atomic

    kept: list[dict] = []
    kept_of_rules = 0
    dropped: Counter[str] = Counter()
    replaced: Counter[KnownFinding] = Counter()
    applied = {rule.id for rule in result.rules}
    looked_in = None if read is None else set(read)
    if os.path.isfile(path):
        try:
            records = _baseline_records(path)
        except GlossaryFileError:
            records = []  # not a baseline we can read: replaced whole, as before
        for record in records:
            name = record.get("path")
            if record.get("rule") in set(RULES) - applied and not (isinstance(name, str) and file_is_gone(name, root)):
                kept.append(record)
                kept_of_rules += 1
            elif looked_in is None or not isinstance(name, str) or name in looked_in:
                replaced[_known(record)] += 1
            elif file_is_gone(name, root):
                dropped[name] += 1
            else:
                kept.append(record)
    write_atomic(path, baseline_text(result, kept=kept, root=root))
    _accepted, left = _match_baseline(result.findings, replaced, root)
    return BaselineRefresh(kept=len(kept) - kept_of_rules, dropped=dict(sorted(dropped.items())),
                           kept_of_rules=kept_of_rules, leftovers=_sorted_out(result, left, root))


def records_of_missing_files(known: Mapping, *, root: str | None = None) -> dict[str, int]:
    """How many records `known` (as load_baseline reads it) holds for each file that no longer
    exists, by the name the baseline gives it: they can never match again."""
    counts: Counter[str] = Counter()
    for record, count in known.items():
        if isinstance(record, KnownFinding) and record.path is not None:
            counts[record.path] += count
    return {name: count for name, count in sorted(counts.items()) if file_is_gone(name, root)}


def file_is_gone(name: str, root: str | None = None) -> bool:
    """Whether the file a baseline names (relative to `root`, its directory) no longer exists.
    Only a file known to be missing is: standard input, or a name the system cannot look up
    (a permission, a name the locale cannot encode), is taken to be there."""
    from .textio import STDIN_NAME

    if name == STDIN_NAME:
        return False
    # recorded composed (_as_recorded); a file system that keeps names as written may hold it decomposed
    for spelling in dict.fromkeys([name, unicodedata.normalize("NFD", name)]):
        try:
            os.stat(os.path.join(root or os.getcwd(), spelling))
        except (FileNotFoundError, NotADirectoryError):
            continue
        except (OSError, ValueError):  # UnicodeEncodeError is a ValueError; so is a NUL in the name
            return False
        return False
    return True


def load_baseline(path: str) -> Counter[KnownFinding]:
    """The findings a baseline file accepts, with how many findings each record covers. A record
    without `path` (written before baselines named files) has path None: it covers any file."""
    return Counter(_known(record) for record in _baseline_records(path))


def _known(record: dict) -> KnownFinding:
    """A baseline record (checked by _baseline_records) as a KnownFinding."""
    expected = record.get("expected")
    return KnownFinding(record["fingerprint"], record.get("path"),
                        frozenset(expected) if isinstance(expected, list) else None,
                        rule=record["rule"] if isinstance(record.get("rule"), str) else None,
                        term=record["term"] if isinstance(record.get("term"), str) else None)


_BASELINE_DEPTH = 100  # said of a document json gave up on; a baseline nests three deep
_JSON_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]')


def _line_nested_past(text: str, depth: int) -> int | None:
    """The line where a JSON text opens its array or object number `depth + 1` inside the others."""
    level = 0
    for token in _JSON_NESTING.finditer(text):
        first = token.group()[0]
        if first in "[{":
            level += 1
            if level > depth:
                return text.count("\n", 0, token.start()) + 1
        elif first in "]}":
            level -= 1
    return None


def _baseline_records(path: str) -> list[dict]:
    """The records of a baseline file, each a dict with at least `fingerprint`, checked."""
    try:
        with open(path, encoding="utf-8-sig") as handle:  # a byte order mark, as some editors write, is fine
            text = handle.read()
        document = json.loads(text)
    except FileNotFoundError:
        raise GlossaryFileError("no such baseline file; create it with --write-baseline", path=path) from None
    except IsADirectoryError:
        raise GlossaryFileError("is a directory, not a baseline file", path=path) from None
    except OSError as error:
        raise GlossaryFileError(f"cannot read baseline: {error.strerror or error}", path=path) from None
    except UnicodeDecodeError as error:
        raise GlossaryFileError(f"cannot read baseline: {error}", path=path) from None
    except json.JSONDecodeError as error:
        marker = re.search(r"^(?:<{7}|={7}|>{7})(?: |$)", error.doc, re.MULTILINE)
        if marker is not None:  # two branches refreshed the baseline
            raise GlossaryFileError("unresolved merge conflict: git left its conflict markers (<<<<<<<, =======, "
                                    ">>>>>>>) here; keep both sides' records, or write the baseline again with "
                                    "--write-baseline after resolving the glossary", path=path,
                                    line=error.doc.count("\n", 0, marker.start()) + 1) from None
        raise GlossaryFileError(f"baseline is not valid JSON: {error.msg}", path=path, line=error.lineno) from None
    except RecursionError:
        raise GlossaryFileError(f"not a glossary baseline: nested more than {_BASELINE_DEPTH} deep (a baseline's "
                                "records are a list in an object); regenerate it with --write-baseline", path=path,
                                line=_line_nested_past(text, _BASELINE_DEPTH)) from None
    except ValueError:  # not JSONDecodeError: a number json would not convert
        from .textio import long_number_problem

        problem, at = long_number_problem(text)
        raise GlossaryFileError(f"not a glossary baseline: {problem}; regenerate it with --write-baseline",
                                path=path, line=text.count("\n", 0, at) + 1) from None
    if not isinstance(document, dict) or document.get("glossary_baseline") != BASELINE_VERSION:
        raise GlossaryFileError(f"not a glossary baseline (version {BASELINE_VERSION}); "
                                "regenerate it with --write-baseline", path=path)
    records = document.get("findings")
    if not isinstance(records, list) or not all(isinstance(r, dict) and isinstance(r.get("fingerprint"), str)
                                                for r in records):
        raise GlossaryFileError("baseline 'findings' must be a list of {fingerprint: ...} records; "
                                "regenerate it with --write-baseline", path=path)
    for number, record in enumerate(records, 1):
        if not isinstance(record.get("path", ""), str):
            raise GlossaryFileError(f"baseline finding {number}: 'path' must be the name of a file; "
                                    "regenerate it with --write-baseline", path=path)
        if "path" in record:
            record["path"] = composed_name(record["path"].replace("\\", "/"))  # written by hand on Windows
        expected = record.get("expected")
        if expected is not None and not (isinstance(expected, list) and all(isinstance(x, str) for x in expected)):
            raise GlossaryFileError(f"baseline finding {number}: 'expected' must be a list of renderings; "
                                    "regenerate it with --write-baseline", path=path)
    return records


_callable_as(__name__, run_check)  # `glossary_cli.check(glossary, pairs)` runs a check whichever this name is
