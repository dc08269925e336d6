"""A term kept in English (keep_source) that forbids an English wording: the Chinese holds the
term as written (`V2G技术`), and the English is to keep it; `Vehicle-to-grid technology`, where V2G
forbids `vehicle-to-grid`, puts the banned wording in its place (GL007). Before, a keep_source
entry's source_forbidden was never enforced (final probe, L2)."""

from __future__ import annotations

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from tests.support import write_here as write

V2G = Entry("V2G", status=Status.APPROVED, keep_source=True, source_forbidden=["vehicle-to-grid"])


def chinese_written(english: str, chinese: str) -> SegmentPair:
    return SegmentPair(english, chinese, Location("a.tsv", 1), from_chinese=True)


def findings(*pairs: SegmentPair) -> list[tuple[str, str]]:
    return [(finding.rule_id, finding.message) for finding in run_check(Glossary(terms=[V2G]), pairs).findings]


def test_the_forbidden_wording_in_place_of_the_kept_term_is_gl007_and_only_there():
    assert findings(chinese_written("Vehicle-to-grid technology.", "V2G技术。")) == [
        ("GL007", '"V2G" is translated as forbidden "Vehicle-to-grid"; keep "V2G" as written')]
    assert findings(chinese_written("V2G technology and vehicle-to-grid standards.", "V2G技术与V2G标准。")) == [
        ("GL007", '"V2G" is translated as forbidden "vehicle-to-grid"; keep "V2G" as written')]
    assert findings(chinese_written("V2G technology.", "V2G技术。")) == []
    assert findings(chinese_written("Vehicle-to-grid technology.", "车网互动技术。")) == []  # not the kept term
    assert findings(chinese_written("V2G (vehicle-to-grid) technology.", "V2G（vehicle-to-grid）技术。")) == []


def test_check_points_at_the_wording(runner, workdir):
    write("g.yaml", "glossary: 1\nterms:\n  - source: V2G\n    keep_source: true\n    status: approved\n"
                    "    source_forbidden: [vehicle-to-grid]\n")
    write("zh.tsv", "V2G技术。\tVehicle-to-grid technology.\n")
    result = runner.invoke(app, ["check", "g.yaml", "zh.tsv", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=zh.tsv,line=1,col=8,")
    assert 'keep "V2G" as written' in result.stdout


def test_a_rendering_the_entry_also_allows_asks_for_the_term_rather_than_keeping_it():
    v2g = Entry("V2G", ["车网互动"], Status.APPROVED, keep_source=True, source_forbidden=["vehicle-to-grid"])
    found = run_check(Glossary(terms=[v2g]), [chinese_written("Vehicle-to-grid technology.", "车网互动技术。")])
    assert [finding.message for finding in found.findings] == [
        '"车网互动" is translated as forbidden "Vehicle-to-grid"; use "V2G"']


def test_a_kept_term_is_matched_in_its_own_case():
    # V2G is case-sensitive by default (an inner capital): v2g in the Chinese is not the kept term.
    assert findings(chinese_written("Vehicle-to-grid technology.", "v2g技术。")) == []


def test_gl005_alone_leaves_kept_terms_as_it_always_did():
    # Run without GL007, GL005 reports what it reports anyway; a kept term is none of that.
    pair = chinese_written("Vehicle-to-grid technology.", "V2G技术。")
    assert run_check(Glossary(terms=[V2G]), [pair], select=["GL005"]).findings == []
