"""Say when a corpus file's Chinese is plainly in the other script than the glossary's language.

A file that declares its variant (PO Language, TMX xml:lang, values-zh-rCN) is skipped or refused
by the readers when it is another one. An untagged TSV or text file says nothing, and check
compares the scripts alike, so a zh-TW glossary would check mainland text (安装软体, 视频) in
silence, its Taiwan terms matching wherever the words happen to agree. One warning per file tells
the person, who knows whether the file is the right one; the pairs are passed on unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .models import SegmentPair
from .script import has_han, written_script

# Segments with Chinese looked at in each file: enough to tell the script, and a bounded cost.
SAMPLED_SEGMENTS = 200


def notice_other_script(pairs: Iterable[SegmentPair], script: str | None, wanted: str,
                        on_warning: Callable[[str], None]) -> Iterator[SegmentPair]:
    """The pairs, warning once for each file whose sampled Chinese is plainly in the script other
    than `script` (Simplified or Traditional, the glossary's; None: nothing to watch): nine in
    ten of the segments that show a script show the other one, and at least half show one."""
    if script is None:
        yield from pairs
        return
    sample = _Sample("")
    for pair in pairs:
        if pair.location.path != sample.path:
            sample.report(script, wanted, on_warning)
            sample = _Sample(pair.location.path)
        sample.add(pair.target)
        yield pair
    sample.report(script, wanted, on_warning)


class _Sample:
    """The scripts the first Chinese segments of one file are written in."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.chinese = 0
        self.counts: dict[str, int] = {}

    def add(self, text: str) -> None:
        if self.chinese >= SAMPLED_SEGMENTS or not has_han(text):
            return
        self.chinese += 1
        shown = written_script(text)
        if shown is not None:
            self.counts[shown] = self.counts.get(shown, 0) + 1

    def report(self, script: str, wanted: str, on_warning: Callable[[str], None]) -> None:
        shown = sum(self.counts.values())
        other = sum(count for name, count in self.counts.items() if name != script)
        if self.chinese and shown * 2 >= self.chinese and other * 10 >= shown * 9:
            name = next(name for name in self.counts if name != script)
            on_warning(f"{self.path}: its Chinese is in {name} script ({other} of {self.chinese} segments looked at), "
                       f"not in the {script} of {wanted}; it is read all the same, as the file does not say its "
                       f"variant: make sure it is the {wanted} text")
