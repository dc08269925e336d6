"""GL001 leaves a forbidden rendering to GL002, and GL005 a forbidden English wording to GL007.
A run without the specific rule (--ignore GL007, --select GL005) still hears of the term left
untranslated from the general one: before, every such pair passed, so a team selecting GL005 lost
findings as soon as someone added source_forbidden (final probe, L3)."""

from __future__ import annotations

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from tests.support import write_here as write

GREEN = Entry("green transition", ["绿色转型"], Status.APPROVED, source_forbidden=["green transformation"])
GRID = Entry("smart grid", ["智能电网"], Status.APPROVED, forbidden=["智慧电网"])
FROM_CHINESE = SegmentPair("We drive the green transformation.", "我们推动绿色转型。", Location("zh.tsv", 1),
                           from_chinese=True)
FROM_ENGLISH = SegmentPair("The smart grid is ready.", "智慧电网已经准备好了。", Location("en.tsv", 1))


def rules_found(glossary: Glossary, pair: SegmentPair, **chosen) -> list[tuple[str, str]]:
    return [(finding.rule_id, finding.message) for finding in run_check(glossary, [pair], **chosen).findings]


def test_without_gl007_a_forbidden_english_wording_is_gl005():
    glossary = Glossary(terms=[GREEN])
    assert rules_found(glossary, FROM_CHINESE) == [
        ("GL007", '"绿色转型" is translated as forbidden "green transformation"; use "green transition"')]
    untranslated = [("GL005", '"绿色转型" should be translated as "green transition"')]
    assert rules_found(glossary, FROM_CHINESE, ignore=["GL007"]) == untranslated
    assert rules_found(glossary, FROM_CHINESE, select=["GL005"]) == untranslated


def test_without_gl002_a_forbidden_rendering_is_gl001():
    glossary = Glossary(terms=[GRID])
    assert [rule for rule, _ in rules_found(glossary, FROM_ENGLISH)] == ["GL002"]
    missing = [("GL001", '"smart grid" should be translated as "智能电网"')]
    assert rules_found(glossary, FROM_ENGLISH, select=["GL001"]) == missing
    assert rules_found(glossary, FROM_ENGLISH, ignore=["GL002"]) == missing


def test_check_ignoring_gl007_fails_on_the_banned_wording(runner, workdir):
    write("g.yaml", "glossary: 1\nterms:\n  - source: green transition\n    target: 绿色转型\n    status: approved\n"
                    "    source_forbidden: [green transformation]\n")
    write("zh.tsv", "我们推动绿色转型。\tWe drive the green transformation.\n")
    result = runner.invoke(app, ["check", "g.yaml", "zh.tsv", "--ignore", "GL007", "-q"])
    assert result.exit_code == 1
    assert '"绿色转型" should be translated as "green transition"' in result.stdout
