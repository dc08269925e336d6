"""An English wording an entry forbids (`source_forbidden`): in English translated from Chinese,
绿色转型 translated as "green transformation" where the glossary approves "green transition" and
bans that wording. Before, a glossary could forbid Chinese renderings only; a Chinese-authored
project had no way to keep a rejected English wording out (zh-source probe), and an imported
termbase's deprecated English terms went into the note, where check never read them."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.models import Location, SegmentPair
from glossary_cli.validate import validate_glossary


def chinese_written(english: str, chinese: str, line: int = 1) -> SegmentPair:
    return SegmentPair(english, chinese, Location("a.tsv", line), from_chinese=True)


GREEN = Entry("green transition", ["绿色转型"], Status.APPROVED, source_forbidden=["green transformation"])


def findings(glossary: Glossary, *pairs: SegmentPair) -> list[tuple[str, str]]:
    return [(finding.rule_id, finding.message) for finding in run_check(glossary, pairs).findings]


def test_a_forbidden_english_wording_in_a_translation_from_chinese_is_an_error_in_its_place_of_gl005():
    assert findings(Glossary(terms=[GREEN]), chinese_written("The green transformations need new technology.",
                                                             "绿色转型需要新技术。")) == [
        ("GL007", '"绿色转型" is translated as forbidden "green transformations"; use "green transition"')]


def test_the_wording_is_found_as_terms_are_and_only_where_the_chinese_holds_the_term():
    glossary = Glossary(terms=[GREEN])
    assert findings(glossary, chinese_written("A Green-Transformation plan.", "绿色转型计划。")) == [
        ("GL007", '"绿色转型" is translated as forbidden "Green-Transformation"; use "green transition"')]
    assert findings(glossary, chinese_written("A green transformation of industry.", "产业绿色转变。")) == []
    assert findings(glossary, chinese_written("The green transition, not a transformation.", "绿色转型。")) == []


def test_english_written_first_is_not_held_to_it():
    """A wording to avoid in translations: English that is the original says what its author wrote."""
    english_written = SegmentPair("the green transformation", "绿色转型", Location("a.tsv", 1))
    assert findings(Glossary(terms=[GREEN]), english_written) == []


def test_validate_refuses_a_wording_that_is_the_term_itself():
    glossary, problems = parse_glossary(
        "terms:\n  - source: heat pump\n    target: 热泵\n    status: approved\n"
        "    source_variants: [heat-pump unit]\n    source_forbidden: [heat pumps, heat pump units, warmth pump]\n",
        "g.yaml")
    assert problems == []
    assert [str(problem) for problem in validate_glossary(glossary, "g.yaml")] == [
        'g.yaml:6:24: entry "heat pump" forbids the English "heat pumps", which check reads as "heat pump", its own '
        "term; remove it from source_forbidden",
        'g.yaml:6:36: entry "heat pump" forbids the English "heat pump units", which check reads as "heat-pump unit", '
        "its own term; remove it from source_forbidden"]


def test_check_reports_it_at_the_english_and_the_rule_can_be_ignored(runner, workdir):
    Path("g.yaml").write_text("glossary: 1\nterms:\n  - source: green transition\n    target: 绿色转型\n"
                              "    status: approved\n    source_forbidden: [green transformation]\n", encoding="utf-8")
    Path("zh.tsv").write_text("zh\ten\n推动绿色转型。\tDrive the green transformation.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "zh.tsv", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=zh.tsv,line=2,col=19,title=GL007 Chinese term translated with "
                                    "an English wording its entry forbids::")
    # without GL007 the term is still not translated with its approved English (GL005)
    assert "title=GL005" in runner.invoke(app, ["check", "g.yaml", "zh.tsv", "--ignore", "GL007",
                                                "--format", "github"]).stdout
    assert runner.invoke(app, ["check", "g.yaml", "zh.tsv", "--ignore", "GL005,GL007"]).exit_code == 0


def test_a_wording_inside_an_approved_term_or_kept_from_the_chinese_is_not_the_translations_choice():
    """Final probe, H2: `grid` forbidden for 电网 fired inside "smart grid", `transformation` inside
    the approved "digital transformation", and `NEV` where the Chinese keeps NEV itself."""
    glossary = Glossary(terms=[
        Entry("power grid", ["电网"], Status.APPROVED, source_forbidden=["grid"]),
        Entry("smart grid", ["智能电网"], Status.APPROVED),
        Entry("green transition", ["绿色转型"], Status.APPROVED, source_forbidden=["transformation"]),
        Entry("digital transformation", ["数字化转型"], Status.APPROVED),
        Entry("new energy vehicle", ["新能源汽车"], Status.APPROVED, source_forbidden=["NEV"])])
    assert findings(glossary, chinese_written("The smart grid and the power grid.", "智能电网和电网。")) == []
    assert findings(glossary, chinese_written("A green transition and a digital transformation.",
                                              "绿色转型与数字化转型。")) == []
    assert findings(glossary, chinese_written("New energy vehicles (NEV) sell well.", "新能源汽车（NEV）畅销。")) == []
    assert findings(glossary, chinese_written("The grid is ready.", "电网已就绪。")) == [
        ("GL007", '"电网" is translated as forbidden "grid"; use "power grid"')]


def test_a_forbidden_verb_is_found_in_its_forms():
    constructing = Glossary(terms=[Entry("build", ["建设"], Status.APPROVED, source_forbidden=["construct"])])
    assert findings(constructing, chinese_written("Constructing new homes.", "建设新住房。")) == [
        ("GL007", '"建设" is translated as forbidden "Constructing"; use "build"')]
