"""What `extract` keeps on disk so that a second run on an unchanged corpus redoes little.

Five kinds of entry, each in a file named by a content hash of everything that shapes it:

- tokens: one side of a shard's segments, as token offsets (every token's text is the slice of
  the placeholder-blanked segment between them); keyed by the texts and the tokenizer signature
  (tokenizer versions, the code that makes word units). The Chinese side also names the approved
  terms given to jieba that its texts held when they were cut: approving a term cuts again only
  the texts that hold it;
- lexicon: the corpus lexicon learned from the content words of every shard; keyed by a digest
  of those words and the learner's code;
- links: a shard's link tallies (what `link_shard` counts); keyed by the shard's pairs with their
  locations, its place in the corpus, the learned translations of the words in its English text
  (not the whole lexicon, so an edit elsewhere leaves it valid), the approved terms its Chinese
  text holds, the candidate limits, the tokenizer signatures, the versions of the dictionaries
  and a hash of the code that links and counts;
- segments: a shard's links segment by segment before they are counted, with a digest of what
  each segment's linking read (its words' translations, its Chinese tokens); keyed like the
  links but without what the shard reads, so when the links' key changes, only the segments
  whose reads changed are linked again;
- ranked: the ranked pairs, keyed by the keys of every shard's tallies and the ranking options
  (rejected pairs, minimum score), so an unchanged corpus is not even merged again.

Every entry carries a checksum and is written to a temporary file that is then renamed, so a
reader sees a whole entry or none. An entry that cannot be read, fails its checksum or does not
decode is a miss and is computed again; a failed write only costs the work next time.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import stat
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .cache_places import user_cache_root
from .models import Token

_DIGEST = 16


def default_cache_dir() -> str | None:
    """$XDG_CACHE_HOME/glossary-cli/extract, or ~/.cache/glossary-cli/extract; None without a home."""
    root = user_cache_root()
    return os.path.join(root, "extract") if root else None


class EntryFiles:
    """Checksummed entries of one kind under a directory (`ab/cdef….kind`); never an error."""

    def __init__(self, directory: str, kind: str) -> None:
        self.directory = directory
        self.kind = kind
        self.magic = f"glossary-{kind} 2\n".encode("ascii")

    def path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], f"{key[2:]}.{self.kind}")

    def has(self, key: str) -> bool:
        return os.path.isfile(self.path(key))

    def read(self, key: str) -> bytes | None:
        """The entry's body, or None when it is missing or damaged."""
        try:
            with open_regular(self.path(key)) as handle:
                data = handle.read()
        except OSError:
            return None
        payload, digest = data[:-_DIGEST], data[-_DIGEST:]
        if not payload.startswith(self.magic) or _digest(key, payload) != digest:
            return None
        return payload[len(self.magic):]

    def write(self, key: str, body: bytes) -> None:
        """Write to a temporary file beside the entry, then rename it over the entry. Not
        atomic.write_atomic: a cache needs no fsync (a torn entry fails its checksum) and a
        failure here must cost only the work next time, never the run."""
        payload = self.magic + body
        write_cache_file(self.path(key), payload + _digest(key, payload))


def write_cache_file(path: str, data: bytes) -> bool:
    """Write a cache file through a temporary file beside it, renamed over it, and say whether it
    was written. A read-only or full disk only costs the work next time; the temporary file goes
    whatever happens, Ctrl-C included, so failed runs leave nothing behind."""
    temporary = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
        temporary = None
        return True
    except OSError:
        return False
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _digest(key: str, payload: bytes) -> bytes:
    """The checksum of an entry, over its key too: an entry copied or moved to another key's
    place (by a sync tool, or by hand) reads as damaged, not as that key's content."""
    return hashlib.blake2b(key.encode("ascii") + b"\n" + payload, digest_size=_DIGEST).digest()


# ---------------------------------------------------------------- tokens

@dataclass(frozen=True)
class SideTokens:
    """The tokens of one side of a shard's segments, compactly: a count per segment and a flat
    (start, end) offset array; a token's text is the slice of its segment between its offsets."""

    counts: np.ndarray  # int32, tokens per segment
    offsets: np.ndarray  # int32, shape (total tokens, 2)

    @classmethod
    def from_offsets(cls, offsets: Sequence[Sequence[tuple[int, int]]]) -> "SideTokens":
        """From each segment's (start, end) token offsets: what the tokenizers give extract."""
        counts = np.fromiter(map(len, offsets), dtype=np.int32, count=len(offsets))
        flat = np.fromiter(chain.from_iterable(chain.from_iterable(offsets)), dtype=np.int32,
                           count=2 * int(counts.sum()))
        return cls(counts, flat.reshape(-1, 2))

    def tokens(self, texts: Sequence[str]) -> list[tuple[Token, ...]]:
        """The token tuples again, given the same texts they were made from."""
        return [tuple([Token(text[start:end], start, end) for start, end in zip(starts, ends)])
                for text, starts, ends in self._offsets_per_segment(texts)]

    def texts(self, texts: Sequence[str]) -> list[list[str]]:
        """Each segment's token texts, given the texts they were made from: `tokens` without
        making a Token of each, for what reads the words alone."""
        return [[text[start:end] for start, end in zip(starts, ends)]
                for text, starts, ends in self._offsets_per_segment(texts)]

    def offsets_per_segment(self) -> list[list[tuple[int, int]]]:
        """Each segment's (start, end) token offsets, as `from_offsets` takes them."""
        pairs = list(zip(self.offsets[:, 0].tolist(), self.offsets[:, 1].tolist()))
        per_segment, position = [], 0
        for count in self.counts.tolist():
            per_segment.append(pairs[position:position + count])
            position += count
        return per_segment

    def _offsets_per_segment(self, texts: Sequence[str]) -> Iterator[tuple[str, list[int], list[int]]]:
        """(text, its tokens' starts, their ends) of each segment."""
        starts, ends = self.offsets[:, 0].tolist(), self.offsets[:, 1].tolist()
        position = 0
        for text, count in zip(texts, self.counts.tolist()):
            yield text, starts[position:position + count], ends[position:position + count]
            position += count

    def fits(self, texts: Sequence[str]) -> bool:
        """Whether these offsets can belong to these texts (a guard against a damaged entry)."""
        if len(self.counts) != len(texts) or int(self.counts.sum()) != len(self.offsets):
            return False
        if not len(self.offsets):
            return True
        ends = np.repeat(np.fromiter((len(text) for text in texts), dtype=np.int64, count=len(texts)),
                         self.counts)
        starts, stops = self.offsets[:, 0], self.offsets[:, 1]
        return bool(np.all(starts >= 0) and np.all(starts <= stops) and np.all(stops <= ends))


def entry_key(signature: str, texts: Sequence[str]) -> str:
    """Content hash of the texts (length-prefixed, so no two lists collide by concatenation)."""
    digest = hashlib.sha256()
    digest.update(signature.encode("utf-8") + b"\0")
    for text in texts:
        data = text.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


class TokenCache:
    """Token entries, keyed by the tokenizer signature and the texts."""

    def __init__(self, directory: str) -> None:
        self.entries = EntryFiles(directory, "tokens")

    def has(self, signature: str, texts: Sequence[str]) -> bool:
        return self.entries.has(entry_key(signature, texts))

    def load(self, signature: str, texts: Sequence[str]) -> SideTokens | None:
        body = self.entries.read(entry_key(signature, texts))
        tokens = _decode_tokens(body) if body is not None else None
        return tokens if tokens is not None and tokens.fits(texts) else None

    def store(self, signature: str, texts: Sequence[str], tokens: SideTokens) -> None:
        self.entries.write(entry_key(signature, texts), _encode_tokens(tokens))

    def load_cut(self, signature: str, texts: Sequence[str]) -> tuple[SideTokens, tuple[str, ...]] | None:
        """The tokens jieba last cut these texts into, and the words it was given that they held
        (approved terms): a text's tokens stay valid while it holds the same ones."""
        body = self.entries.read(entry_key(signature, texts))
        if body is None or b"\n" not in body:
            return None
        words, encoded = body.split(b"\n", 1)
        try:
            held = json.loads(words.decode("utf-8"))
        except ValueError:
            return None
        tokens = _decode_tokens(encoded)
        if (not isinstance(held, list) or not all(isinstance(word, str) for word in held)
                or tokens is None or not tokens.fits(texts)):
            return None
        return tokens, tuple(held)

    def store_cut(self, signature: str, texts: Sequence[str], tokens: SideTokens, held: tuple[str, ...]) -> None:
        words = json.dumps(list(held), ensure_ascii=False).encode("utf-8")
        self.entries.write(entry_key(signature, texts), words + b"\n" + _encode_tokens(tokens))


def _encode_tokens(tokens: SideTokens) -> bytes:
    body = io.BytesIO()
    np.save(body, tokens.counts.astype(np.int32), allow_pickle=False)
    np.save(body, tokens.offsets.astype(np.int32), allow_pickle=False)
    return body.getvalue()


def _decode_tokens(body: bytes) -> SideTokens | None:
    try:
        stream = io.BytesIO(body)
        counts = np.load(stream, allow_pickle=False)
        offsets = np.load(stream, allow_pickle=False)
    except (ValueError, OSError, EOFError):
        return None
    if counts.ndim != 1 or offsets.ndim != 2 or offsets.shape[1:] != (2,):
        return None
    return SideTokens(counts.astype(np.int32), offsets.astype(np.int32))


# ---------------------------------------------------------------- the learned lexicon

class LexiconCache:
    """The learned corpus lexicon as JSON (floats round-trip exactly, key order is kept)."""

    def __init__(self, directory: str) -> None:
        self.entries = EntryFiles(directory, "lexicon")

    def load(self, key: str) -> dict[str, dict[str, float]] | None:
        body = self.entries.read(key)
        if body is None:
            return None
        try:
            learned = json.loads(body.decode("utf-8"))
        except ValueError:
            return None
        if not isinstance(learned, dict) or not all(
                isinstance(translations, dict) and all(isinstance(p, float) for p in translations.values())
                for translations in learned.values()):
            return None
        return learned

    def store(self, key: str, learned: dict[str, dict[str, float]]) -> None:
        self.entries.write(key, json.dumps(learned, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


# ---------------------------------------------------------------- link tallies

class LinkCache:
    """Each shard's link tallies, pickled and compressed. Pickle keeps this cache independent of
    the tallies' exact fields (scoring.py owns them, and a code change changes every key); it is
    read only from entries this tool wrote, checksummed, through an unpickler that builds nothing
    but plain containers and glossary_cli's own classes."""

    kind = "links"

    def __init__(self, directory: str) -> None:
        self.entries = EntryFiles(directory, self.kind)

    def has(self, key: str) -> bool:
        return self.entries.has(key)

    def load(self, key: str):
        body = self.entries.read(key)
        return decode_tallies(body) if body is not None else None

    def store(self, key: str, encoded: bytes) -> None:
        """Store tallies already encoded with `encode_tallies` (a worker encodes them once)."""
        self.entries.write(key, encoded)


class LinkedSegmentsCache(LinkCache):
    """Each shard's linked segments (extract.LinkedSegments), stored like the tallies; read as
    the encoded bytes, which the worker that links the shard again decodes."""

    kind = "segments"

    def read(self, key: str) -> bytes | None:
        return self.entries.read(key)


class RankedCache(LinkCache):
    """The ranked pairs made from a run's tallies, stored like the tallies."""

    kind = "ranked"

    def store(self, key: str, ranked) -> None:
        self.entries.write(key, encode_tallies(ranked))


def encode_tallies(tallies) -> bytes:
    """Tallies (which pickle in columns, see extract.CorpusTallies), a shard's linked segments
    or a ranking, compressed."""
    return zlib.compress(pickle.dumps(tallies, protocol=pickle.HIGHEST_PROTOCOL), 1)


def decode_tallies(encoded: bytes, *, fresh: bool = False):
    """The tallies again, or None when the bytes do not decode into what was written. `fresh`
    bytes come straight from this run's own worker (as a process pool's results do), not from
    disk, and are unpickled as they are."""
    if fresh:
        return pickle.loads(zlib.decompress(encoded))
    try:
        return _TallyUnpickler(io.BytesIO(zlib.decompress(encoded))).load()
    except Exception:  # a damaged or foreign entry is a miss, whatever the unpickler trips on
        return None


_PLAIN_GLOBALS = {
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytearray"), ("builtins", "complex"),
    ("collections", "Counter"), ("collections", "OrderedDict"), ("collections", "defaultdict"),
    ("array", "_array_reconstructor"), ("array", "array"), ("copyreg", "_reconstructor"),
    ("builtins", "object"), ("numpy", "dtype"), ("numpy", "ndarray"),
    ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
}


class _PlainUnpickler(pickle.Unpickler):
    """Builds containers, strings and numbers only: a pickle planted in the cache directory
    cannot run code (a plain pickle.load would call whatever the file names)."""

    def find_class(self, module: str, name: str):
        if (module, name) in _PLAIN_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def open_regular(path: str):
    """Open a cache file for reading, refusing (OSError) anything but a regular file: opening a
    FIFO planted in the cache directory would wait for a writer forever."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path}: not a regular file")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def load_plain(handle):
    """Unpickle plain data (dicts, sets, strings, numbers) from a cache file; any damage or
    foreign content raises, for the caller to compute the data again."""
    return _PlainUnpickler(handle).load()


class _TallyUnpickler(_PlainUnpickler):
    def find_class(self, module: str, name: str):
        if module == "glossary_cli" or module.startswith("glossary_cli."):
            found = pickle.Unpickler.find_class(self, module, name)
            if isinstance(found, type):  # a class of ours, never a function
                return found
        if (module, name) in _PLAIN_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a link tally")
