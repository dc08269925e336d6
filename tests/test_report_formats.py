"""Every report format on the same small result: valid for the tools that consume it."""

import io
import json
import xml.etree.ElementTree as ElementTree
from collections import Counter
from itertools import groupby
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml
from rich.console import Console
from rich.text import Text

from glossary_cli.check import apply_baseline, run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.report import (ReportContext, ReportFormat, render, report_order, report_path, summary_line,
                                 visible_controls)
from glossary_cli.report.github import escape_data, escape_property
from glossary_cli.report.text import render_text
from glossary_cli.rules import RULES, Severity

DATA = Path(__file__).parent / "data"


def approved(source, target, **fields):
    return Entry(source=source, target=[target], status=Status.APPROVED, **fields)


GLOSSARY = Glossary(terms=[approved("smart grid", "智能电网"), approved("V2G", "车网互动", forbidden=["车辆到电网"]),
                           approved("grid", "电网")])
PAIRS = [
    SegmentPair("Smart grids, 100% ready", "电网，100% 就绪", Location("docs/a.tsv", 2)),
    SegmentPair("V2G pilots", "车辆到电网试点", Location("docs/a.tsv", 7)),
    SegmentPair("the grid\nagain", "网格", Location("docs/b,c:d.tsv", 3)),
    SegmentPair("the grid", "电网", Location("docs/b,c:d.tsv", 4)),
]
CONTEXT = ReportContext(glossary_path="glossaries/energy.yaml", corpus=("docs/a.tsv", "docs/b,c:d.tsv"))


@pytest.fixture(scope="module")
def result():
    return run_check(GLOSSARY, PAIRS)


def test_text_report_groups_by_file_and_ends_with_a_summary(result):
    buffer = io.StringIO()
    render_text(result, CONTEXT, Console(file=buffer, width=100, no_color=True, force_terminal=False))
    assert buffer.getvalue().splitlines() == [
        "docs/a.tsv",
        "  docs/a.tsv:2  error GL001 Approved term not rendered with an approved target",
        '    "Smart grids" should be translated as "智能电网"',
        "    expected: 智能电网",
        "    en: Smart grids, 100% ready",
        "    zh: 电网，100% 就绪",
        "  docs/a.tsv:7  error GL002 Forbidden rendering used for an approved term",
        '    "V2G" is rendered as forbidden "车辆到电网"; use "车网互动"',
        "    expected: 车网互动",
        "    en: V2G pilots",
        "    zh: 车辆到电网试点",
        "",
        "docs/b,c:d.tsv",
        "  docs/b,c:d.tsv:3  error GL001 Approved term not rendered with an approved target",
        '    "grid" should be translated as "电网"',
        "    expected: 电网",
        "    en: the grid↵again",
        "    zh: 网格",
        "",
        "3 findings (GL001 2, GL002 1) in 4 pairs, 3 approved terms; 3 at or above error.",
    ]


def test_text_report_highlights_the_term_on_a_terminal(result):
    buffer = io.StringIO()
    render_text(result, CONTEXT, Console(file=buffer, width=100, force_terminal=True, color_system="standard"))
    assert "\x1b[1;4mSmart grids\x1b[0m" in buffer.getvalue()


class CountingFile(io.StringIO):
    """A console's file that counts the writes it gets."""

    writes = 0

    def write(self, text):
        self.writes += 1
        return super().write(text)


def test_text_report_of_a_first_run_over_a_translation_memory_is_written_in_a_few_writes():
    """Tens of thousands of findings are common the first time; each write through rich costs more
    than the text it carries (the report once took 80 s of CPU for 98,000 findings)."""
    pairs = [SegmentPair("the grid", "网格", Location("docs/tm.tsv", line)) for line in range(1, 2001)]
    result = run_check(GLOSSARY, pairs)
    for console_options in ({"no_color": True, "force_terminal": False}, {"force_terminal": True}):
        file = CountingFile()
        render_text(result, CONTEXT, Console(file=file, width=100, **console_options))
        assert len(result.findings) == 2000
        assert file.getvalue().count("\n    zh: 网格\n") == 2000
        assert file.writes <= 10


def _printed_line_by_line(result, console):
    """The text report as rich prints it one line at a time: what render_text must write."""
    for path, group in groupby(report_order(result, CONTEXT), key=lambda item: item[0].path):
        console.print(Text(visible_controls(path).replace("\n", "↵"), style="bold"), soft_wrap=True)
        for where, finding in group:
            header = Text(f"  {where}  ")
            header.append("known" if finding.known else finding.severity.value,
                          style="dim" if finding.known else {"error": "bold red"}[finding.severity.value])
            header.append(f" {finding.rule_id} {RULES[finding.rule_id].title}")
            console.print(header, soft_wrap=True)
            console.print(Text(f"    {finding.message}"), soft_wrap=True)
            expected = Text("、".join(finding.expected), style="green")
            console.print(Text("    expected: ") + expected, soft_wrap=True)
            source, (occurrence, *_) = finding.source_text, finding.source_occurrences
            highlighted = Text(occurrence.text, style="bold underline")
            console.print(Text(f"    en: {source[:occurrence.start]}") + highlighted + Text(source[occurrence.end:]),
                          soft_wrap=True)
            console.print(Text(f"    zh: {finding.target_text}"), soft_wrap=True)
        console.print()
    console.print(summary_line(result, CONTEXT), soft_wrap=True, highlight=False)


def test_text_report_is_what_rich_prints_for_each_line():
    """Tabs expand to the next multiple of 8 cells (a Chinese character takes two), styles included."""
    pairs = [SegmentPair(source, target, Location(path, line)) for line, (source, target) in enumerate([
        ("the smart\tgrid is here", "这个\t网格"), ("电网\tgrid\t\tand more", "网格\t"),
        ("\tV2G", "\t车辆到电网"), ("a V2G 👩‍👩‍👧\tpilot", "家庭👩‍👩‍👧\t之后车辆到电网"),
        ("e\u0301\tgrid" + " " * 130, "网" + " " * 120)], 1)
        for path in ("docs/a.tsv", "docs/中文\t路径.tsv")]
    result = run_check(GLOSSARY, pairs)
    result = apply_baseline(result, Counter(finding.fingerprint for finding in result.findings[::3]))
    for console_options in ({"no_color": True, "force_terminal": False, "width": 100}, {"force_terminal": True},
                            {"force_terminal": True, "color_system": "standard", "width": 40}):
        expected, written = io.StringIO(), io.StringIO()
        _printed_line_by_line(result, Console(file=expected, **console_options))
        render_text(result, CONTEXT, Console(file=written, **console_options), show_known=True)
        assert written.getvalue() == expected.getvalue()


def test_summary_of_a_clean_run():
    clean = run_check(GLOSSARY, PAIRS[3:])
    assert summary_line(clean, CONTEXT) == "No findings in 1 pair, 3 approved terms (1 found in the English text)."


def test_summary_counts_one_of_each_in_the_singular():
    one_term = Glossary(terms=[approved("grid", "电网")])
    assert summary_line(run_check(one_term, PAIRS[2:3]), CONTEXT) == (
        "1 finding (GL001 1) in 1 pair, 1 approved term; 1 at or above error.")


def test_json_report_follows_its_schema(result):
    document = json.loads(render(result, CONTEXT, ReportFormat.JSON))
    schema = json.loads((DATA / "check-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert document["summary"] == {"pairs": 4, "pairs_from_chinese": 0, "approved_terms": 3, "terms_found": 3, "findings": 3, "new": 3, "known": 0,
                                   "failing": 3, "by_rule": {"GL001": 2, "GL002": 1}}
    assert document["provenance"]["options"] == {"fail_on": "error"}
    assert document["findings"][1] == {
        "rule": "GL002", "severity": "error", "message": '"V2G" is rendered as forbidden "车辆到电网"; use "车网互动"',
        "path": "docs/a.tsv", "line": 7, "column": None, "unit": None, "term": "V2G", "expected": ["车网互动"],
        "found": ["车辆到电网"], "source": "V2G pilots", "target": "车辆到电网试点",
        "fingerprint": document["findings"][1]["fingerprint"], "known": False,
    }


def test_json_report_is_byte_stable(result):
    assert render(result, CONTEXT, ReportFormat.JSON) == render(run_check(GLOSSARY, PAIRS), CONTEXT, ReportFormat.JSON)


def test_sarif_validates_against_the_official_schema(result):
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    known = apply_baseline(result, {result.findings[0].fingerprint: 1})
    context = ReportContext(glossary_path="g.yaml", baseline=".glossary-baseline.json")
    for each, ctx in ((result, CONTEXT), (known, context)):
        document = json.loads(render(each, ctx, ReportFormat.SARIF))
        jsonschema.validate(document, schema)
    run = document["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["GL001", "GL002", "GL003", "GL005", "GL007"]
    assert [r["baselineState"] for r in run["results"]] == ["unchanged", "new", "new"]
    first = run["results"][2]
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/b%2Cc%3Ad.tsv", "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 3}}
    assert set(first["partialFingerprints"]) == {"glossaryFinding/v2"}


def sarif_fingerprints(pairs):
    document = json.loads(render(run_check(GLOSSARY, pairs), CONTEXT, ReportFormat.SARIF))
    return [(result["locations"][0]["physicalLocation"]["region"]["startLine"],
             result["partialFingerprints"]["glossaryFinding/v2"]) for result in document["runs"][0]["results"]]


def test_sarif_fingerprints_tell_apart_the_same_sentence_on_two_lines():
    # Code scanning takes partialFingerprints as the alert's identity: equal ones collapse into one alert.
    twice = [SegmentPair("Open the grid.", "打开网格。", Location("dup.tsv", line)) for line in (2, 4)]
    (first_line, first), (second_line, second) = sarif_fingerprints(twice)
    finding = run_check(GLOSSARY, twice).findings[0].fingerprint
    assert (first_line, first, second_line, second) == (2, f"{finding}:1", 4, f"{finding}:2")
    # An unrelated line inserted above moves both findings but changes neither fingerprint.
    moved = [SegmentPair("Something else.", "别的。", Location("dup.tsv", 2))] + [
        SegmentPair(pair.source, pair.target, Location("dup.tsv", pair.location.line + 1)) for pair in twice]
    assert sarif_fingerprints(moved) == [(3, first), (5, second)]


def test_sarif_without_line_numbers_still_validates():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    unit_pair = SegmentPair("the grid", "网格", Location("/abs/x.xlf", None, unit="msg-1"))
    document = json.loads(render(run_check(GLOSSARY, [unit_pair]), CONTEXT, ReportFormat.SARIF))
    jsonschema.validate(document, schema)
    location = document["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": "file:///abs/x.xlf"}}


def test_report_paths_are_normalised_and_relative_to_the_current_directory():
    assert report_path("docs/../docs/./a.tsv", "/repo") == "docs/a.tsv"
    assert report_path("/repo/docs/a.tsv", "/repo") == "docs/a.tsv"
    assert report_path("/elsewhere/a.tsv", "/repo") == "/elsewhere/a.tsv"  # outside: kept absolute
    assert report_path("../other/a.tsv", "/repo") == "/other/a.tsv"
    assert report_path("<stdin>", "/repo") == "<stdin>"


def test_every_format_names_a_file_by_the_same_normalised_path():
    pairs = [SegmentPair("the grid", "网格", Location("/repo/docs/../docs/a.tsv", 3)),
             SegmentPair("the grid", "网格", Location("/tmp/b.tsv", 1))]
    context = ReportContext(glossary_path="g.yaml", root="/repo")
    checked = run_check(GLOSSARY, pairs)
    buffer = io.StringIO()
    render_text(checked, context, Console(file=buffer, width=100, no_color=True, force_terminal=False))
    assert [line for line in buffer.getvalue().splitlines() if line.startswith("  /") or line.startswith("  d")] == [
        "  /tmp/b.tsv:1  error GL001 Approved term not rendered with an approved target",
        "  docs/a.tsv:3  error GL001 Approved term not rendered with an approved target"]
    assert [f["path"] for f in json.loads(render(checked, context, ReportFormat.JSON))["findings"]] == [
        "/tmp/b.tsv", "docs/a.tsv"]
    assert [line.split(",title=")[0] for line in render(checked, context, ReportFormat.GITHUB).splitlines()] == [
        "::error file=/tmp/b.tsv,line=1", "::error file=docs/a.tsv,line=3"]
    document = json.loads(render(checked, context, ReportFormat.SARIF))
    jsonschema.validate(document, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    run = document["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///repo/"}}
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]] == [
        {"uri": "file:///tmp/b.tsv"}, {"uri": "docs/a.tsv", "uriBaseId": "%SRCROOT%"}]


def test_standard_input_is_no_file_in_sarif_or_github():
    from_stdin = run_check(GLOSSARY, [SegmentPair("the grid", "网格", Location("<stdin>", 2))])
    document = json.loads(render(from_stdin, CONTEXT, ReportFormat.SARIF))
    jsonschema.validate(document, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    assert document["runs"][0]["results"][0]["locations"] == [
        {"message": {"text": "<stdin>:2"}, "logicalLocations": [{"name": "<stdin>", "kind": "resource"}]}]
    assert render(from_stdin, CONTEXT, ReportFormat.GITHUB).startswith(
        "::error title=GL001 Approved term not rendered with an approved target::")


def test_github_annotations_escape_per_the_workflow_command_rules(result):
    lines = render(result, CONTEXT, ReportFormat.GITHUB).splitlines()
    assert lines == [
        "::error file=docs/a.tsv,line=2,title=GL001 Approved term not rendered with an approved target::"
        '"Smart grids" should be translated as "智能电网"%0Azh: 电网，100%25 就绪',
        "::error file=docs/a.tsv,line=7,title=GL002 Forbidden rendering used for an approved term::"
        '"V2G" is rendered as forbidden "车辆到电网"; use "车网互动"%0Azh: 车辆到电网试点',
        "::error file=docs/b%2Cc%3Ad.tsv,line=3,title=GL001 Approved term not rendered with an approved target::"
        '"grid" should be translated as "电网"%0Azh: 网格',
    ]
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_skips_known_findings(result):
    known = apply_baseline(result, {finding.fingerprint: 1 for finding in result.findings})
    assert render(known, CONTEXT, ReportFormat.GITHUB) == ""


def test_gitlab_code_quality_report_has_the_fields_gitlab_reads(result):
    issues = json.loads(render(result, CONTEXT, ReportFormat.GITLAB))
    assert [(issue["check_name"], issue["severity"], issue["location"]) for issue in issues] == [
        ("GL001", "major", {"path": "docs/a.tsv", "lines": {"begin": 2}}),
        ("GL002", "major", {"path": "docs/a.tsv", "lines": {"begin": 7}}),
        ("GL001", "major", {"path": "docs/b,c:d.tsv", "lines": {"begin": 3}}),
    ]
    assert issues[1]["description"] == '"V2G" is rendered as forbidden "车辆到电网"; use "车网互动"; zh: 车辆到电网试点'
    assert all(len(issue["fingerprint"]) == 32 for issue in issues)


def test_gitlab_fingerprints_are_unique_and_survive_line_moves():
    """GitLab shows one issue per fingerprint and matches them between branches."""
    twice = [SegmentPair("the grid", "网格", Location("docs/a.tsv", 3)), SegmentPair("the grid", "网格", Location("docs/a.tsv", 9))]
    moved = [SegmentPair("the grid", "网格", Location("docs/a.tsv", 5)), SegmentPair("the grid", "网格", Location("docs/a.tsv", 12))]
    elsewhere = [SegmentPair("the grid", "网格", Location("docs/b.tsv", 3))]

    def fingerprints(pairs):
        return [issue["fingerprint"] for issue in json.loads(render(run_check(GLOSSARY, pairs), CONTEXT, ReportFormat.GITLAB))]

    assert len(set(fingerprints(twice))) == 2
    assert fingerprints(moved) == fingerprints(twice)
    assert fingerprints(elsewhere)[0] not in fingerprints(twice)


def test_gitlab_leaves_out_known_findings(result):
    known = apply_baseline(result, {finding.fingerprint: 1 for finding in result.findings})
    assert json.loads(render(known, CONTEXT, ReportFormat.GITLAB)) == []


def test_junit_has_one_test_case_per_approved_term(result, tmp_path):
    path = tmp_path / "junit.xml"
    path.write_text(render(result, CONTEXT, ReportFormat.JUNIT), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    cases = {case.name: case for suite in xml for case in suite}
    assert list(cases) == ["smart grid → 智能电网", "V2G → 车网互动", "grid → 电网"]
    assert all(isinstance(r, Failure) for r in cases["grid → 电网"].result)
    assert cases["grid → 电网"].result[0].message == '1 finding for "grid"'
    assert cases["V2G → 车网互动"].result[0].type == "GL002"
    (suite,) = list(xml)
    assert (suite.tests, suite.failures) == (3, 3)


def test_junit_skips_a_term_the_english_never_holds(tmp_path):
    # Nothing tested "wind turbine": a report showing it as passed would overstate what CI checked.
    glossary = Glossary(terms=[*GLOSSARY.terms, approved("wind turbine", "风力涡轮机")])
    path = tmp_path / "junit.xml"
    path.write_text(render(run_check(glossary, PAIRS), CONTEXT, ReportFormat.JUNIT), encoding="utf-8")
    (suite,) = list(JUnitXml.fromfile(str(path)))
    cases = {case.name: case for case in suite}
    assert cases["wind turbine → 风力涡轮机"].is_skipped
    assert not any(case.is_skipped for name, case in cases.items() if not name.startswith("wind"))
    assert (suite.tests, suite.failures, suite.skipped) == (4, 3, 1)


def test_summary_and_json_say_how_many_approved_terms_the_english_holds():
    glossary = Glossary(terms=[*GLOSSARY.terms, approved("wind turbine", "风力涡轮机")])
    result = run_check(glossary, PAIRS)
    assert summary_line(result, CONTEXT) == ("3 findings (GL001 2, GL002 1) in 4 pairs, 4 approved terms "
                                             "(3 found in the English text); 3 at or above error.")
    assert json.loads(render(result, CONTEXT, ReportFormat.JSON))["summary"]["terms_found"] == 3
    assert "found in the English" not in summary_line(run_check(GLOSSARY, PAIRS), CONTEXT)


def test_junit_classname_has_no_dot_and_the_glossary_is_a_property(result):
    # Jenkins and GitLab split a classname at dots: "energy.yaml" would show as package energy, class yaml.
    root = ElementTree.fromstring(render(result, CONTEXT, ReportFormat.JUNIT))
    assert {case.get("classname") for case in root.iter("testcase")} == {"glossary-check"}
    assert [(p.get("name"), p.get("value")) for p in root.iter("property")] == [("glossary", "glossaries/energy.yaml")]


def test_junit_passes_terms_whose_findings_are_below_fail_on(tmp_path):
    warnings = run_check(GLOSSARY, [SegmentPair("grid to grid", "电网互联", Location("a.tsv", 1))], strict_count=True)
    path = tmp_path / "junit.xml"
    path.write_text(render(warnings, CONTEXT, ReportFormat.JUNIT), encoding="utf-8")
    cases = {case.name: case for suite in JUnitXml.fromfile(str(path)) for case in suite}
    assert cases["grid → 电网"].is_passed
    assert "GL004 warning" in cases["grid → 电网"].system_out
    strict = ReportContext(glossary_path="g.yaml", fail_on=Severity.WARNING)
    path.write_text(render(warnings, strict, ReportFormat.JUNIT), encoding="utf-8")
    cases = {case.name: case for suite in JUnitXml.fromfile(str(path)) for case in suite}
    assert not cases["grid → 电网"].is_passed


def test_junit_stays_well_formed_when_the_corpus_holds_control_characters():
    hostile = SegmentPair("V2G\tpilots", "车辆到电网\x1b[31m试点\x01\ufffe。", Location("a.tsv", 1))
    junit = render(run_check(GLOSSARY, [hostile]), CONTEXT, ReportFormat.JUNIT)
    failure = ElementTree.fromstring(junit).find("testsuite/testcase/failure")  # expat refuses what XML 1.0 forbids
    assert failure.text.splitlines()[1:] == ["  en: V2G\tpilots", "  zh: 车辆到电网\ufffd[31m试点\ufffd\ufffd。"]


def test_text_report_keeps_a_long_path_on_one_line():
    path = "translations/" + "deeply/nested/" * 6 + "energy.tsv"
    buffer = io.StringIO()
    render_text(run_check(GLOSSARY, [SegmentPair("the grid", "网格", Location(path, 3))]), CONTEXT,
                Console(file=buffer, width=40, no_color=True, force_terminal=False))
    assert buffer.getvalue().splitlines()[0] == path


HOSTILE = SegmentPair("\x08the\x9b grid", "网格\x1b[2J\x1b]0;owned\x07\x7f", Location("docs/\x1b[31mred.tsv", 5))


def test_text_report_shows_terminal_controls_from_the_corpus_as_symbols():
    buffer = io.StringIO()
    render_text(run_check(GLOSSARY, [HOSTILE]), CONTEXT, Console(file=buffer, width=100, force_terminal=True,
                                                                  color_system="standard"))
    report = buffer.getvalue()
    assert "\x1b[2J" not in report and "\x1b]" not in report and "\x1b[31mred" not in report
    assert "\x1b[1mdocs/␛[31mred.tsv\x1b[0m" in report
    assert "    en: ␈the\ufffd \x1b[1;4mgrid\x1b[0m" in report  # the term is still the one highlighted
    assert "    zh: 网格␛[2J␛]0;owned␇␡" in report


def test_github_annotations_show_terminal_controls_as_symbols():
    (line,) = render(run_check(GLOSSARY, [HOSTILE]), CONTEXT, ReportFormat.GITHUB).splitlines()
    assert line.startswith("::error file=docs/␛[31mred.tsv,line=5,")
    assert line.endswith("%0Azh: 网格␛[2J␛]0;owned␇␡")
    assert escape_data("a\tb\x1bc") == "a\tb␛c"


REORDERING = SegmentPair("\u202eRTL\u202c the\u2066 grid\u2069\u2028next", "网格\u200f\u202e倒序\u2029",
                         Location("docs/bidi.tsv", 4))


def test_github_annotations_show_bidi_and_line_separator_controls_as_escapes():
    # Raw, U+202E reverses the rest of the CI log line and U+2028 breaks it ("Trojan Source").
    (line,) = render(run_check(GLOSSARY, [REORDERING]), CONTEXT, ReportFormat.GITHUB).splitlines()
    assert line.endswith("%0Azh: 网格<U+200F><U+202E>倒序<U+2029>")
    assert not any(character in line for character in "\u202e\u202c\u2066\u2069\u2028\u2029\u200e\u200f")


def test_text_report_shows_bidi_controls_as_escapes_and_still_highlights_the_term():
    buffer = io.StringIO()
    render_text(run_check(GLOSSARY, [REORDERING]), CONTEXT, Console(file=buffer, width=120, force_terminal=True,
                                                                     color_system="standard"))
    report = buffer.getvalue()
    assert "    en: <U+202E>RTL<U+202C> the<U+2066> \x1b[1;4mgrid\x1b[0m<U+2069><U+2028>next" in report
    assert "    zh: 网格<U+200F><U+202E>倒序<U+2029>" in report


def test_json_keeps_the_corpus_text_exact():
    document = json.loads(render(run_check(GLOSSARY, [HOSTILE]), CONTEXT, ReportFormat.JSON))
    assert (document["findings"][0]["path"], document["findings"][0]["target"]) == (HOSTILE.location.path,
                                                                                    HOSTILE.target)


def test_a_run_an_input_error_stopped_still_gives_each_machine_format_a_readable_report(tmp_path):
    """CI saves the report as an artifact: an empty file is one GitLab or code scanning cannot parse."""
    from glossary_cli.errors import InputFormatError
    from glossary_cli.report.failure import render_failure

    error = InputFormatError("malformed PO: a string is not closed on its line", path="docs/zh.po", line=2)
    (issue,) = json.loads(render_failure(ReportFormat.GITLAB, error, CONTEXT))
    assert (issue["severity"], issue["location"]) == ("blocker", {"path": "docs/zh.po", "lines": {"begin": 2}})
    sarif = json.loads(render_failure(ReportFormat.SARIF, error, CONTEXT))
    jsonschema.validate(sarif, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False
    junit = ElementTree.fromstring(render_failure(ReportFormat.JUNIT, error, CONTEXT).split("\n", 1)[1])
    assert junit.get("errors") == "1" and junit.find(".//error") is not None
    assert json.loads(render_failure(ReportFormat.JSON, error, CONTEXT))["error"]["path"] == "docs/zh.po"
    assert render_failure(ReportFormat.GITHUB, error, CONTEXT).startswith("::error file=docs/zh.po,line=2,")
