"""Parallel enumerations, an anchor like quotes: `sepsis, abnormal clotting and organ damage` <->
`败血症、凝血异常和器官损伤`.

Chinese separates list items with the enumeration comma 、, where English writes commas and a
final `and` or `or`. When an English list and a Chinese list hold as many items and the dictionary
finds common ground in most items at the same place, the lists are parallel, and an item translates
the item at its place even where the dictionary knows neither (sepsis <-> 败血症). The first item
may follow words that lead into the list, the last may run on into the rest of the clause, so those
two are only known to end (first) or start (last) where the item does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）")
_ENGLISH_CLAUSE = re.compile(r"[^.;:!?]+")
_ENGLISH_COMMA = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?")
_ENGLISH_LAST_CONNECTOR = re.compile(r"\s+(?:and|or)\s+")
_ETC = re.compile(r"^(?:etc|and so on)\W*$")
_CHINESE_CLAUSE = re.compile(r"[^，。；：！？,;:!?]+")
_CHINESE_LAST_CONNECTOR = re.compile(r"以及|和|及|与|或")
_CHINESE_ETC = re.compile(r"等等?$")
_QUOTES = "\"'“”‘’「」《》"
_MIN_ITEMS = 3


@dataclass(frozen=True)
class ListItem:
    """Character range of one item; whether its start and its end are exact (inner items) or
    only its end (the first item) or its start (the last)."""

    start: int
    end: int
    exact_start: bool
    exact_end: bool

    @property
    def exact(self) -> bool:
        return self.exact_start and self.exact_end

    def holds(self, start: int, end: int) -> bool:
        """Whether a span [start, end) can be this item: inside it, touching its exact edges."""
        return (self.start <= start and end <= self.end and (start == self.start or not self.exact_start)
                and (end == self.end or not self.exact_end))


def english_lists(text: str) -> list[list[ListItem]]:
    """Runs of at least three items separated by commas, the last comma or the last item's first
    `and`/`or` ending the run, clause by clause; a closing `etc.` is no item, and brackets stay
    inside their item (`CCUS [carbon capture, utilization, and storage]`). The first item may
    hold words leading into the list, which may itself start at any comma (see parallel_items)."""
    masked = _without_brackets(text)
    found = []
    for clause in _ENGLISH_CLAUSE.finditer(masked):
        ranges, start, final = [], clause.start(), False
        for comma in _ENGLISH_COMMA.finditer(masked, clause.start(), clause.end()):
            ranges.append((start, comma.start()))
            start, final = comma.end(), comma.group().strip() != ","
        if not ranges:
            continue
        last = (start, clause.end())
        connector = None if final else _ENGLISH_LAST_CONNECTOR.search(masked, *last)
        if connector:
            ranges += [(start, connector.start()), (connector.end(), clause.end())]
        elif not _ETC.match(masked[start:clause.end()].strip()):
            ranges.append(last)
        if len(ranges) >= _MIN_ITEMS:
            found.append(_items(text, ranges))
    return found


def chinese_lists(text: str) -> list[list[ListItem]]:
    """Runs of items separated by 、, clause by clause, a closing 等 dropped; each is given twice,
    as it is and with a final 和/及/以及/与/或 in its last item taken as one more separator
    (`咳嗽和乏力`)."""
    masked = _without_brackets(text)
    found = []
    for clause in _CHINESE_CLAUSE.finditer(masked):
        if "、" not in clause.group():
            continue
        ranges, start = [], clause.start()
        for index in range(clause.start(), clause.end()):
            if masked[index] == "、":
                ranges.append((start, index))
                start = index + 1
        etc = _CHINESE_ETC.search(masked, start, clause.end())
        last = (start, etc.start() if etc else clause.end())
        found.append(_items(text, ranges + [last]))
        connector = _CHINESE_LAST_CONNECTOR.search(masked, *last)
        if connector and connector.start() > last[0]:
            found.append(_items(text, ranges + [(last[0], connector.start()), (connector.end(), last[1])]))
    return found


def parallel_items(source: str, target: str, explains: Callable[[ListItem, ListItem], bool]
                   ) -> list[tuple[ListItem, ListItem]]:
    """Item pairs of parallel English and Chinese lists: as many items (the English list may start
    at a later comma, the earlier ones leading into it), and for most of them `explains(english
    item, chinese item)` (a dictionary translation of a word of the one inside the other). Items
    that both join as many parts with `+` are paired part by part (风电+光伏)."""
    chinese = chinese_lists(target) if "、" in target else []
    matched = []  # (share of items explained, items, English list number, Chinese list start, pairs)
    for number, english in enumerate(english_lists(source) if chinese else ()):
        for candidate in chinese:
            skipped = len(english) - len(candidate)
            if skipped < 0 or len(candidate) < _MIN_ITEMS:
                continue
            tail = english[skipped:]
            tail[0] = replace(tail[0], exact_start=False)  # after the words that lead into the list
            explained = sum(explains(one, other) for one, other in zip(tail, candidate))
            if 2 * explained >= len(tail):
                matched.append((explained / len(tail), len(tail), number, candidate[0].start, list(zip(tail, candidate))))
    # Best explained first, each list paired once: two lists on one subject explain each other a little.
    matched.sort(key=lambda match: (-match[0], -match[1], match[2], match[3]))
    pairs: list[tuple[ListItem, ListItem]] = []
    english_used, chinese_used = set(), set()
    for _, _, number, start, items in matched:
        if number not in english_used and start not in chinese_used:
            english_used.add(number)
            chinese_used.add(start)
            pairs += [part for one, other in items for part in _parts(source, target, one, other)]
    return pairs


def _parts(source: str, target: str, english: ListItem, chinese: ListItem) -> list[tuple[ListItem, ListItem]]:
    english_parts = _split_plus(source, english)
    chinese_parts = _split_plus(target, chinese)
    if len(english_parts) != len(chinese_parts):
        return [(english, chinese)]
    return list(zip(english_parts, chinese_parts))


def _split_plus(text: str, item: ListItem) -> list[ListItem]:
    cuts = [index for index in range(item.start, item.end) if text[index] in "+＋"]
    if not cuts:
        return [item]
    bounds = [item.start, *cuts, item.end]
    parts = []
    for number in range(len(bounds) - 1):
        start, end = bounds[number] + (number > 0), bounds[number + 1]
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        parts.append(ListItem(start, end, exact_start=number > 0 or item.exact_start,
                              exact_end=number < len(bounds) - 2 or item.exact_end))
    return parts


def _items(text: str, ranges: list[tuple[int, int]]) -> list[ListItem]:
    items = []
    for number, (start, end) in enumerate(ranges):
        while start < end and (text[start].isspace() or text[start] in _QUOTES):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTES):
            end -= 1
        items.append(ListItem(start, end, exact_start=number > 0, exact_end=number < len(ranges) - 1))
    return items


def _without_brackets(text: str) -> str:
    """The text with every bracket's content blanked, offsets kept: its commas separate nothing."""
    return _BRACKETED.sub(lambda found: found.group(0)[0] + "_" * (len(found.group(0)) - 2) + found.group(0)[-1],
                          text)
