"""Tokenised segments on disk, so a second `extract` on an unchanged corpus skips tokenising.

One entry per shard and language side, named by a hash of the segment texts and the tokenizer
signature (tokenizer versions, the user words given to jieba, and the source of the code that
turns tokenizer output into word units). An entry holds token offsets only: every token's text
is the slice of the (placeholder-blanked) segment between them. Entries are written atomically;
one that cannot be read or fails its checksum is ignored and tokenised again, never fatal.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .models import Token

_MAGIC = b"glossary-tokens 1\n"
_DIGEST = 16


def default_cache_dir() -> str:
    """$XDG_CACHE_HOME/glossary-cli/tokens, or ~/.cache/glossary-cli/tokens."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "glossary-cli", "tokens")


@dataclass(frozen=True)
class SideTokens:
    """The tokens of one side of a shard's segments, compactly: a count per segment and a flat
    (start, end) offset array. `explicit` holds token tuples instead in the rare case a token's
    text is not the slice of its segment between its offsets (then nothing is cached)."""

    counts: np.ndarray  # int32, tokens per segment
    offsets: np.ndarray  # int32, shape (total tokens, 2)
    explicit: tuple[tuple[Token, ...], ...] | None = None

    @classmethod
    def from_tokens(cls, texts: Sequence[str], tokenized: Sequence[tuple[Token, ...]]) -> "SideTokens":
        counts = np.fromiter((len(tokens) for tokens in tokenized), dtype=np.int32, count=len(tokenized))
        flat = [(token.start, token.end) for tokens in tokenized for token in tokens]
        offsets = np.array(flat, dtype=np.int32).reshape(-1, 2)
        sliceable = all(token.text == text[token.start:token.end] for text, tokens in zip(texts, tokenized)
                        for token in tokens)
        return cls(counts, offsets, None if sliceable else tuple(tokenized))

    def tokens(self, texts: Sequence[str]) -> list[tuple[Token, ...]]:
        """The token tuples again, given the same texts they were made from."""
        if self.explicit is not None:
            return list(self.explicit)
        result = []
        position = 0
        pairs = self.offsets.tolist()
        for text, count in zip(texts, self.counts.tolist()):
            result.append(tuple(Token(text[start:end], start, end) for start, end in pairs[position:position + count]))
            position += count
        return result

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
    """A directory of entries; every failure to read or write is a miss, never an error."""

    def __init__(self, directory: str) -> None:
        self.directory = directory

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key[2:] + ".tokens")

    def load(self, signature: str, texts: Sequence[str]) -> SideTokens | None:
        try:
            with open(self._path(entry_key(signature, texts)), "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        tokens = _decode(data)
        return tokens if tokens is not None and tokens.fits(texts) else None

    def store(self, signature: str, texts: Sequence[str], tokens: SideTokens) -> None:
        if tokens.explicit is not None:
            return
        path = self._path(entry_key(signature, texts))
        temporary = None
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(_encode(tokens))
            os.replace(temporary, path)
            temporary = None
        except OSError:
            pass  # a read-only or full disk only costs the tokenising next time
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass


def _encode(tokens: SideTokens) -> bytes:
    body = io.BytesIO()
    np.save(body, tokens.counts.astype(np.int32), allow_pickle=False)
    np.save(body, tokens.offsets.astype(np.int32), allow_pickle=False)
    payload = _MAGIC + body.getvalue()
    return payload + hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def _decode(data: bytes) -> SideTokens | None:
    payload, digest = data[:-_DIGEST], data[-_DIGEST:]
    if not payload.startswith(_MAGIC) or hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None
    try:
        body = io.BytesIO(payload[len(_MAGIC):])
        counts = np.load(body, allow_pickle=False)
        offsets = np.load(body, allow_pickle=False)
    except (ValueError, OSError, EOFError):
        return None
    if counts.ndim != 1 or offsets.ndim != 2 or offsets.shape[1:] != (2,):
        return None
    return SideTokens(counts.astype(np.int32), offsets.astype(np.int32))
