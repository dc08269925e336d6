"""Merge conflicts name the file each entry came from, even when both came from the incoming one."""

from __future__ import annotations

from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.merge import merge_glossaries
from glossary_cli.merge_three_way import merge_three_way

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
V2G = "  - source: V2G\n    target: 车网互动\n    status: approved\n"
CONTRADICTORY = ("  - source: cloud\n    target: 云\n    status: rejected\n"
                 "  - source: cloud\n    target: [云, 云端]\n    status: approved\n")  # validate refuses it


def parse(text: str, name: str):
    return parse_glossary(text, name)[0]


def test_a_conflict_within_the_incoming_file_names_it_twice():
    result = merge_glossaries(parse(HEADER + V2G, "li.yaml"), parse(HEADER + CONTRADICTORY, "wang.yaml"),
                              base_name="li.yaml", incoming_name="wang.yaml")
    assert [str(conflict) for conflict in result.conflicts] == [
        '"cloud": one approves what the other rejects (wang.yaml:4 rejected "云"; wang.yaml:7 approved "云" / "云端")']


def test_a_conflict_within_what_theirs_added_names_theirs_twice():
    cloud = "  - source: cloud\n    target: 云\n    status: candidate\n"
    ancestor = parse(HEADER + cloud, "team.yaml")
    ours = parse(HEADER + cloud + "    note: ask the client\n", "li.yaml")
    theirs = parse(HEADER + cloud + "  - source: cloud\n    target: 云端\n    status: rejected\n"
                   "  - source: cloud\n    target: [云端, 云朵]\n    status: approved\n", "wang.yaml")
    result = merge_three_way(ancestor, ours, theirs, ours_name="li.yaml", theirs_name="wang.yaml")
    assert [str(conflict) for conflict in result.conflicts] == [
        '"cloud": one approves what the other rejects (wang.yaml:7 rejected "云端"; wang.yaml:10 approved "云端" / '
        '"云朵")']
