"""What counts as a term's spelling in check: Title Case is no inner capital, and invisible characters
(soft hyphen, zero-width space) hide nothing (QA probe of check, F3 and F6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Glossary, has_inner_capital
from glossary_cli.models import Location, SegmentPair
from tests.support import approved, broken

GLOSSARY = "glossary: 1\nterms:\n  - source: file\n    target: 文件\n    status: approved\n"


# ------------------------------------------------------------------ F3: Title Case is not an inner capital

def test_an_inner_capital_is_one_inside_a_word_not_one_that_starts_a_word():
    for spelling in ("V2G", "iPhone", "macOS", "COVID-19", "US", "P2G"):
        assert has_inner_capital(spelling), spelling
    for spelling in ("Smart Grid", "Wi-Fi", "Vehicle-to-Grid", "Preferences", "smart grid", "X-Ray", "Plan B"):
        assert not has_inner_capital(spelling), spelling


def test_a_term_written_in_title_case_matches_in_any_case():
    smart_grid = approved("Smart Grid", "智能电网")
    for source in ("the smart grid", "the SMART GRID", "the Smart Grid", "Smart grids"):
        assert broken([smart_grid], source, "电力") == [("GL001", "Smart Grid")], source


def test_capitals_after_a_hyphen_start_a_word_and_say_nothing_about_case():
    wifi = approved("Wi-Fi", "无线网络")
    for source in ("wi-fi", "WI-FI", "Wi-Fi", "Wi-fi"):
        assert broken([wifi], f"Turn on {source}.", "打开电力。") == [("GL001", "Wi-Fi")], source


def test_the_readme_variant_vehicle_to_grid_matches_in_lower_case_and_its_forbidden_rendering_fails():
    v2g = approved("V2G", ["V2G", "车网互动"], forbidden=["车辆到电网"], source_variants=["Vehicle-to-Grid"])
    assert broken([v2g], "Use vehicle-to-grid now.", "使用车辆到电网。") == [("GL002", "V2G")]
    assert broken([v2g], "Use vehicle-to-grid now.", "使用电力。") == [("GL001", "V2G")]


def test_a_capital_inside_a_word_still_makes_the_spelling_case_sensitive():
    for entry, other_case in ((approved("V2G", "车网互动"), "v2g"), (approved("iPhone", "苹果手机"), "iphone"),
                              (approved("macOS", "macOS"), "MacOS")):
        assert broken([entry], f"Use {entry.source} now.", "使用电力。") == [("GL001", entry.source)]
        assert broken([entry], f"Use {other_case} now.", "使用电力。") == [], other_case


def test_case_sensitive_set_on_the_entry_overrides_what_the_spelling_says():
    folded = approved("V2G", "车网互动", case_sensitive=False)
    assert broken([folded], "Use v2g now.", "使用电力。") == [("GL001", "V2G")]
    assert broken([approved("Smart Grid", "智能电网", case_sensitive=True)], "the smart grid", "电力") == []

# ------------------------------------------------------------------ F6: invisible characters

@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b", "\u2060", "\ufeff"])  # soft hyphen, ZWSP, word joiner, BOM
def test_an_invisible_character_inside_an_english_word_does_not_hide_the_term(hidden):
    result = run_check(Glossary(terms=[approved("file", "文件")]),
                       [SegmentPair(f"Open the fi{hidden}le.", "打开档案。", Location("corpus.tsv", 1))])
    (finding,) = result.findings
    occurrence = finding.source_occurrences[0]
    assert finding.source_text[occurrence.start:occurrence.end] == f"fi{hidden}le"


@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b", "\u200d", "\ufeff"])
def test_an_invisible_character_inside_the_chinese_rendering_still_renders_the_term(hidden):
    assert broken([approved("file", "文件")], "Open the file.", f"打开文{hidden}件。") == []
    # and a forbidden rendering hidden so is still found
    assert broken([approved("file", "文件", forbidden=["档案"])], "Open the file.", f"打开档{hidden}案。") == [
        ("GL002", "file")]


def test_after_an_invisible_character_a_finding_still_points_at_the_right_column(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.tsv").write_text("Open\u200b the fi\u00adle.\t打开档案。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--format", "json"])
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (1, 18)  # 16 characters and a tab before the Chinese


def test_approve_finds_a_title_case_entry_by_its_lower_case_spelling(runner, tmp_path):
    """The rule check uses is the rule approve and validate use: `smart grid` names `Smart Grid`."""
    path = tmp_path / "g.yaml"
    path.write_text("glossary: 1\nterms:\n  - source: Smart Grid\n    target: 智能电网\n    status: candidate\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "smart grid"])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.count("source:") == 1 and "status: approved" in text


@pytest.mark.parametrize("glossary_form, text_form", [("NFC", "NFD"), ("NFD", "NFC")])
def test_an_accented_term_is_found_whichever_way_the_accent_is_encoded(glossary_form, text_form):
    """macOS writes `é` as `e` + U+0301 (NFD); Windows and Linux editors as one character (NFC).
    A glossary from one and a document from the other are the same words."""
    import unicodedata

    term = unicodedata.normalize(glossary_form, "résumé")
    text = unicodedata.normalize(text_form, "Upload your résumé now")
    result = run_check(Glossary(terms=[approved(term, "简历")]),
                       [SegmentPair(text, "现在上传您的履历", Location("c.tsv", 3))])
    (finding,) = result.findings
    assert finding.rule_id == "GL001"
    assert finding.message == f'"{text[12:-4]}" should be translated as "简历"'  # the term as the text writes it
