"""GL006, GL004's count for files translated from Chinese: an approved rendering twice in the
Chinese and its English once in the translation may have one of them translated otherwise.
Optional, as GL004: `--strict-count` (or `--select GL006`) turns it on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.cli.common import app

GLOSSARY = Glossary(terms=[Entry("green transition", ["绿色转型"], Status.APPROVED),
                           Entry("artificial intelligence", ["人工智能", "AI"], Status.APPROVED),
                           Entry("coronavirus", ["冠状病毒"], Status.APPROVED),
                           Entry("coronavirus disease", ["冠状病毒病"], Status.APPROVED)])


def counted(chinese: str, english: str) -> list[tuple[str, str]]:
    pair = SegmentPair(english, chinese, Location("zh-en.tsv", 1), from_chinese=True)
    result = run_check(GLOSSARY, [pair], strict_count=True)
    return [(finding.rule_id, finding.message) for finding in result.findings]


def test_a_rendering_twice_with_its_english_once_is_a_warning():
    assert counted("绿色转型很难，但绿色转型必须推进。", "The green transition is hard, but the change must go on.") == [
        ("GL006", '"绿色转型" occurs 2 times in the Chinese but "green transition" only 1 time in the translation')]


def test_as_often_in_both_or_an_english_that_says_more_is_fine():
    assert counted("绿色转型很难，但绿色转型必须推进。",
                   "The green transition is hard, but the green transition must go on.") == []
    assert counted("绿色转型很难。", "The green transition is hard; the green transition must go on.") == []


def test_a_latin_rendering_kept_as_written_counts_as_translated():
    assert counted("AI 和人工智能不同吗？", "Are AI and artificial intelligence different?") == []


def test_a_term_inside_a_longer_term_of_the_same_hit_is_one_mention():
    """冠状病毒病 is coronavirus disease's; the English `coronavirus disease` holds `coronavirus`
    too, which is not a second mention."""
    assert counted("冠状病毒引起冠状病毒病。", "A coronavirus causes coronavirus disease.") == []


def test_a_rendering_glossed_in_brackets_by_another_rendering_is_one_mention():
    """车网互动（V2G） with the English `Vehicle-to-Grid` once: one mention each (final probe)."""
    glossary = Glossary(terms=[Entry("Vehicle-to-Grid", ["车网互动", "V2G"], Status.APPROVED)])
    pair = SegmentPair("Vehicle-to-Grid is growing.", "车网互动（V2G）正在发展。", Location("zh-en.tsv", 1),
                       from_chinese=True)
    assert run_check(glossary, [pair], strict_count=True).findings == []
    into_chinese = SegmentPair("Vehicle-to-Grid (V2G) is growing.", "车网互动正在发展。", Location("en-zh.tsv", 1))
    assert run_check(Glossary(terms=[Entry("Vehicle-to-Grid", ["车网互动"], Status.APPROVED,
                                           source_variants=["V2G"])]),
                     [into_chinese], strict_count=True).findings == []  # GL004 the same way


def test_no_english_at_all_is_gl005s_finding_not_a_count():
    assert [rule for rule, _ in counted("绿色转型很难。", "The change is hard.")] == ["GL005"]


def test_strict_count_turns_it_on_and_the_run_says_which_count_runs_where(runner, workdir):
    Path("g.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                              "  - source: green transition\n    target: 绿色转型\n    status: approved\n",
                              encoding="utf-8")
    Path("zh-en.tsv").write_text("绿色转型很难，但绿色转型必须推进。\tThe green transition is hard, but the change must "
                                 "go on.\n", encoding="utf-8")
    plain = runner.invoke(app, ["check", "g.yaml", "zh-en.tsv", "--format", "json"])
    assert (plain.exit_code, json.loads(plain.stdout)["findings"]) == (0, [])
    strict = runner.invoke(app, ["check", "g.yaml", "zh-en.tsv", "--format", "json", "--strict-count"])
    assert strict.exit_code == 0  # a warning
    assert [(finding["rule"], finding["line"], finding["column"]) for finding in json.loads(strict.stdout)["findings"]] == [
        ("GL006", 1, 23)]  # at the English term, in the text to fix
    counted_only = runner.invoke(app, ["check", "g.yaml", "zh-en.tsv", "--select", "GL001", "--strict-count"])
    assert "1 pair translated from Chinese checked by GL006 only: GL005, the rule for them, is not selected" in \
        counted_only.stderr
    only_gl004 = runner.invoke(app, ["check", "g.yaml", "zh-en.tsv", "--select", "GL001,GL004,GL005"])
    assert ("GL004 counts terms in pairs translated into Chinese only; GL006 counts them in the 1 pair "
            "translated from Chinese") in only_gl004.stderr


@pytest.mark.parametrize("selected", ["GL006", "GL005,GL006"])
def test_selecting_only_the_rules_for_chinese_written_pairs_says_the_others_are_unchecked(runner, workdir, selected):
    Path("g.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                              "  - source: green transition\n    target: 绿色转型\n    status: approved\n",
                              encoding="utf-8")
    Path("en-zh.tsv").write_text("The green transition is hard.\t绿色转型很难。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "en-zh.tsv", "--select", selected])
    assert "1 pair translated into Chinese not checked: only" in result.stderr
