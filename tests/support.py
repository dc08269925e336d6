"""Helpers shared by reader tests: write a corpus file, run a reader and keep its warnings."""

from __future__ import annotations

import os
from pathlib import Path

from glossary_cli.models import SegmentPair
from glossary_cli.readers import ReadOptions, read_pairs


def write_file(tmp_path: Path, body: str, name: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return str(path)


class Reader:
    """Calls a reader module's `read` and keeps the warnings of the last call in `.warnings`."""

    def __init__(self, module) -> None:
        self.module = module
        self.warnings: list[str] = []

    def __call__(self, path: str, **options) -> list[SegmentPair]:
        self.warnings = []
        return list(self.module.read(path, ReadOptions(on_warning=self.warnings.append, **options)))


# what a crash, a full disk or bit rot leaves; and a FIFO, which would block a plain open() forever
CACHE_DAMAGE = [b"", b"garbage", "truncate", "flip", "fifo"]


def spoil(entry: Path, how: bytes | str) -> None:
    """Spoil a cache entry: cut it in half, flip one byte, put a FIFO in its place, or replace it
    with `how`'s bytes."""
    data = entry.read_bytes()
    if how == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif how == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif how == "flip":
        entry.write_bytes(data[:40] + bytes([data[40] ^ 0xFF]) + data[41:])
    else:
        entry.write_bytes(how)


def seed_pairs(seed_article: Path) -> list[SegmentPair]:
    return list(read_pairs([str(seed_article)]))


# A candidate a person has worked on (comment, note, forbidden list, own field): merge must keep it all.
# The smallest glossary check enforces: one approved term.
SMART_GRID_APPROVED = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
"""

CANDIDATE_WITH_WORK = """\
glossary: 1
terms:
  # ask legal about this one
  - source: cloud
    target: 云
    status: candidate
    note: 法务确认中
    forbidden: [云朵]
    ticket: LEG-12
"""


def write_here(name: str, text: str) -> str:
    """Write a UTF-8 file in the current directory (a test's `workdir`) and return its name."""
    Path(name).write_text(text, encoding="utf-8")
    return name


# Three candidates a person may name otherwise: hyphen or space (Wi Fi), singular (smart grid), a typo (polcy stack).
SPELLED_OTHERWISE = """\
glossary: 1
terms:
  - source: Wi-Fi
    target: 无线网络
    status: candidate
  - source: smart grids
    target: 智能电网
    status: candidate
  - source: policy stack
    target: 政策体系
    status: candidate
"""
