"""Helpers shared by tests: write a corpus file, run a reader and keep its warnings, glossaries and
entries many tests start from, and what check makes of one translated sentence."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from glossary_cli.cli import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.readers import ReadOptions, read_pairs, read_parallel


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


@functools.cache
def plain_chinese_tokenizer():
    """One jieba tokenizer without known terms for every test that only cuts text: each new one
    reads jieba's dictionary again (1.5 s), as `extract` does once per run. A test giving known
    terms makes its own, as they are added to that tokenizer's dictionary."""
    from glossary_cli.tokenize import ChineseTokenizer

    return ChineseTokenizer()


@functools.cache
def english_tokenizer():
    """One blank spaCy English tokenizer (0.2 s to make) for every test that only cuts text."""
    from glossary_cli.tokenize import EnglishTokenizer

    return EnglishTokenizer()


def seed_pairs(seed_article: Path) -> list[SegmentPair]:
    return list(read_pairs([str(seed_article)]))


# The smallest glossary check enforces: one approved term.
SMART_GRID_APPROVED = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
"""

# A zh_CN catalogue that renders the approved term as approved.
SMART_GRID_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_CN\\n"

msgid "The smart grid."
msgstr "智能电网。"
"""

# A candidate a person has worked on (comment, note, forbidden list, own field): merge must keep it all.
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


# The reader tests' glossary: file → 文件 with 档案 forbidden, so a GL002 shows which Chinese a reader paired.
FILE_NOT_DANGAN = """\
glossary: 1
terms:
  - source: file
    target: 文件
    status: approved
    forbidden: [档案]
"""


def approved(source: str, target: str | list[str] | tuple = (), **fields) -> Entry:
    """An approved entry: one target, or a list of them."""
    return Entry(source=source, target=[target] if isinstance(target, str) else list(target),
                 status=Status.APPROVED, **fields)


def broken(entries, source: str, target: str, *, strict_count: bool = False) -> list[tuple[str, str]]:
    """The rules one translated sentence breaks under these entries, as (rule, glossary term) pairs."""
    from glossary_cli.check import run_check

    pair = SegmentPair(source, target, Location("corpus.tsv", 1))
    result = run_check(Glossary(terms=list(entries)), [pair], strict_count=strict_count)
    return [(finding.rule_id, finding.source_term) for finding in result.findings]


def xliff2(source: str, target: str) -> str:
    """An XLIFF 2.0 file of one translated segment."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">\n'
            '<file id="f1"><unit id="1"><segment state="translated">\n'
            f'<source>{source}</source>\n<target>{target}</target>\n'
            '</segment></unit></file></xliff>\n')


# The review prompt, whichever alternatives the entry offers ([a/r/x/e/1-2/n/s/u/q/?], [a/r/x/e/n/s/u/q/?]).
REVIEW_PROMPT = r"\[a/r/x/e(?:/1(?:-[2-9])?)?/n/s/u/q/\?\]"


def spawn_review(path, *, columns: int = 100):
    """`glossary review` on a real pseudo-terminal (pexpect), colour off, `columns` wide."""
    import signal
    import sys

    import pexpect

    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": str(columns), "LINES": "40"}
    # a closed terminal's SIGHUP must end review even where the test runner ignores it (nohup)
    return pexpect.spawn(sys.executable, ["-m", "glossary_cli", "review", str(path)], env=env,
                         encoding="utf-8", dimensions=(40, columns), timeout=20,
                         preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL))


def review_state(path) -> dict[str, tuple[list[str], Status]]:
    """Each entry's targets and status as the file on disk holds them."""
    from glossary_cli.glossary_yaml import load_glossary

    return {entry.source: (entry.target, entry.status) for entry in load_glossary(str(path)).terms}


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


# App resource files paired by key (tests/data/keyed: Android, iOS, JSON, ARB, .properties and a
# glossary that forbids 档案 for `file`); the tests run inside that directory.
KEYED = Path(__file__).parent / "data" / "keyed"


def keyed_pairs(source: str, target: str, **options) -> dict[str, tuple[str, str]]:
    """key -> (English, Chinese) of what --source/--target read."""
    return {pair.location.unit: (pair.source, pair.target)
            for pair in read_parallel(source, target, options=ReadOptions(**options))}


def keyed_check(runner, source: str, target: str, *options: str):
    return runner.invoke(app, ["check", str(KEYED / "glossary.yaml"), *options, "--source", source, "--target", target])


def finding_places(output: str) -> list[str]:
    """The file:line:column of each finding check's text report lists."""
    return re.findall(r"^  (\S+:\d+:\d+)  error", output, flags=re.MULTILINE)


# A shop's approved terms, and one right and one wrong rendering of each: a corpus read in the right
# encoding gives exactly one finding (the encoding tests read these files in many encodings).
CHECKOUT_APPROVED = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                     "  - source: checkout\n    target: 结算\n    status: approved\n"
                     "  - source: shopping cart\n    target: 购物车\n    status: approved\n")
SOFTWARE_TAIWAN = ("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms:\n"
                   "  - source: software\n    target: 軟體\n    forbidden: [軟件]\n    status: approved\n")
CHECKOUT_PAIRS = "Go to checkout\t去结算\nView your shopping cart\t查看购物篮\n"
