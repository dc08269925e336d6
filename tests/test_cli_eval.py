"""`glossary eval` from the command line: summary, misses, json schema, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli import __version__
from glossary_cli.cli.common import app

FOUND = """\
glossary: 1
languages: {source: en, target: zh}
generated:
  tool: glossary-cli 0.1.0
  options: {min_score: 0.2}
terms:
  - source: smart grid
    target: 智能电网
    score: 0.9
  - source: V2G
    target: 车辆
    score: 0.8
  - source: V2G
    target: 车网互动
    score: 0.4
  - source: grid operator
    target: 电网运营商
    status: rejected
    score: 0.95
"""

GOLD = "smart grids\t智能电网\nV2G\t车网互动\ngrid operator\t电网运营商\n"

CORPUS = "Smart grids are growing.\t智能电网正在发展。\nV2G pilots start.\t车网互动试点启动。\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("found.yaml").write_text(FOUND, encoding="utf-8")
    Path("gold.tsv").write_text(GOLD, encoding="utf-8")
    Path("corpus.tsv").write_text(CORPUS, encoding="utf-8")
    return tmp_path


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def test_text_prints_the_summary_and_the_misses_as_tab_separated_lines_on_a_pipe(runner, workdir):
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--k", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "R@2 0.333 (1/3 terms); top-1 accuracy 0.500 (1/2); 3 ranked entries\n"
        "misses: 2 of 3 terms not within K (1 wrong target, 0 below K, 1 not found); 0 top-1 wrong (found within K)\n"
        "miss\tterm\texpected\tproposed\trank\tcorrect_rank\n"
        "wrong_target\tV2G\t车网互动\t车辆\t2\t3\n"
        "not_found\tgrid operator\t电网运营商\t\t\t\n")
    assert result.stderr == ""


def test_a_term_found_within_k_whose_best_entry_is_wrong_is_a_top1_miss_apart_from_r_at_k_misses(runner, workdir):
    # V2G's best entry (rank 2) says 车辆, but 车网互动 at rank 3 is within K=200: R@K counts V2G found
    result = run(runner, "eval", "found.yaml", "gold.tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "R@200 0.667 (2/3 terms); top-1 accuracy 0.500 (1/2); 3 ranked entries\n"
        "misses: 1 of 3 terms not within K (0 wrong target, 0 below K, 1 not found); 1 top-1 wrong (found within K)\n"
        "miss\tterm\texpected\tproposed\trank\tcorrect_rank\n"
        "not_found\tgrid operator\t电网运营商\t\t\t\n"
        "top1_wrong\tV2G\t车网互动\t车辆\t2\t3\n")
    summary = json.loads(run(runner, "eval", "found.yaml", "gold.tsv", "--format", "json").stdout)["summary"]
    missed = summary["misses"]
    assert summary["reference_terms"] - summary["found"] == missed["wrong_target"] + missed["below_k"] + missed["not_found"]
    assert summary["top1_terms"] - summary["top1_correct"] == missed["wrong_target"] + missed["top1_wrong"]


def test_misses_zero_prints_only_the_summary(runner, workdir):
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--misses", "0")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "R@200 0.667 (2/3 terms); top-1 accuracy 0.500 (1/2); 3 ranked entries",
        "misses: 1 of 3 terms not within K (0 wrong target, 0 below K, 1 not found); 1 top-1 wrong (found within K)"]


def test_reachable_in_keeps_the_terms_found_in_the_corpus(runner, workdir):
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--reachable-in", "corpus.tsv", "--misses", "0")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "R@200 1.000 (2/2 terms); top-1 accuracy 0.500 (1/2); 3 ranked entries",
        "reference: 2 of 3 terms of gold.tsv reachable in corpus.tsv",
        "misses: 0 of 2 terms not within K (0 wrong target, 0 below K, 0 not found); 1 top-1 wrong (found within K)"]


def test_a_term_the_corpus_holds_only_in_the_other_number_is_named_not_silently_dropped(runner, workdir):
    """Reachability counts spellings as written, as TICO-19's gold_coverage.tsv does: `grid operator`
    is not reachable in a text saying `grid operators`, and eval says so, with what to add."""
    Path("corpus.tsv").write_text(CORPUS + "Grid operators agree.\t电网运营商同意。\n", encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--reachable-in", "corpus.tsv", "--misses", "0")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        'warning: 1 reference term the corpus holds only in the other number is not counted as reachable (first: '
        '"grid operator", found as "grid operators"): --reachable-in looks for each spelling as written, as '
        "TICO-19's gold_coverage.tsv counts; add that spelling to the reference to count the term\n")
    assert "reference: 2 of 3 terms" in result.stdout


def test_json_has_a_stable_schema_with_provenance(runner, workdir):
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--format", "json", "--k", "2",
                 "--reachable-in", "corpus.tsv", "--misses", "5")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["schema", "provenance", "summary", "misses"]
    assert document["schema"] == "glossary-eval/1"
    assert document["provenance"] == {
        "tool": "glossary-cli", "version": __version__, "command": "eval", "glossary": "found.yaml",
        "reference": "gold.tsv", "reference_format": "tsv", "reachable_in": ["corpus.tsv"],
        "options": {"k": 2, "misses": 5, "input_format": "auto"},
        "glossary_generated": {"tool": "glossary-cli 0.1.0", "options": {"min_score": 0.2}},
        "normalisation": document["provenance"]["normalisation"]}
    assert set(document["provenance"]["normalisation"]) == {"english", "chinese"}
    assert document["summary"] == {
        "k": 2, "recall_at_k": 0.5, "found": 1, "reference_terms": 2, "reference_total": 3,
        "top1_accuracy": 0.5, "top1_correct": 1, "top1_terms": 2, "ranked_entries": 3,
        "misses": {"wrong_target": 1, "below_k": 0, "not_found": 0, "top1_wrong": 0}}
    assert document["misses"] == [{"kind": "wrong_target", "term": "V2G", "expected": ["车网互动"],
                                   "proposed_source": "V2G", "proposed": ["车辆"], "rank": 2, "correct_rank": 3}]


def test_json_misses_are_capped_but_counted(runner, workdir):
    document = json.loads(run(runner, "eval", "found.yaml", "gold.tsv", "--format", "json", "--misses", "1").stdout)
    assert [miss["kind"] for miss in document["misses"]] == ["not_found"]
    assert document["summary"]["misses"] == {"wrong_target": 0, "below_k": 0, "not_found": 1, "top1_wrong": 1}


def test_a_yaml_reference_uses_its_approved_entries(runner, workdir):
    Path("termbase.yaml").write_text("glossary: 1\nterms:\n  - {source: V2G, target: 车网互动, status: approved}\n"
                                     "  - {source: smart grid, target: 智能电网}\n", encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "termbase.yaml", "--misses", "0")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("R@200 1.000 (1/1 terms); top-1 accuracy 0.000 (0/1)")


@pytest.mark.parametrize("header", ["English (United States)\tChinese (Simplified)", "English_United_States\tChinese_PRC",
                                    "英文\t简体中文", "English\tChinese (Simplified)", "en-US\tzh-CN", "source\ttarget"])
def test_a_tsv_reference_with_a_cat_tool_header_row_does_not_count_the_header_as_a_term(runner, workdir, header):
    Path("headed.tsv").write_text(f"{header}\n{GOLD}", encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "headed.tsv", "--misses", "0")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("R@200 0.667 (2/3 terms)")


def test_source_lang_and_target_lang_name_the_header_columns_of_a_tsv_reference(runner, workdir):
    Path("headed.tsv").write_text("English (United States)\tChinese (Simplified)\tEnglish (United Kingdom)\t"
                                  "Chinese (Traditional)\nsmart grid\t智能电网\tsmart grids\t智慧電網\n", encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "headed.tsv", "--source-lang", "en-GB", "--target-lang", "zh-Hant",
                 "--misses", "0")
    assert result.exit_code == 0
    assert 'not imported: "English (United States)", "Chinese (Simplified)"' in result.stderr
    assert result.stdout.startswith("R@200 0.000 (0/1 terms)")


def test_a_gb18030_reference_and_corpus_are_read_with_encoding(runner, workdir):
    Path("gold-gb.tsv").write_bytes(GOLD.encode("gb18030"))
    Path("corpus-gb.tsv").write_bytes(CORPUS.encode("gb18030"))
    refused = run(runner, "eval", "found.yaml", "gold-gb.tsv")
    assert (refused.exit_code, refused.stderr) == (
        2, "error: gold-gb.tsv:1:13: invalid UTF-8 (it looks like GB18030/GBK); pass --encoding to read "
           "another encoding, e.g. --encoding gb18030\n")
    result = run(runner, "eval", "found.yaml", "gold-gb.tsv", "--encoding", "gb18030", "--reachable-in", "corpus-gb.tsv",
                 "--misses", "0")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:2] == [
        "R@200 1.000 (2/2 terms); top-1 accuracy 0.500 (1/2); 3 ranked entries",
        "reference: 2 of 3 terms of gold-gb.tsv reachable in corpus-gb.tsv"]


@pytest.mark.parametrize("corpus, message", [
    ("found.yaml", "found.yaml is a glossary (YAML), not aligned text: --reachable-in takes the corpus the reference "
                   "terms are looked for in; a glossary is GLOSSARY or REFERENCE"),
    ("terms.tbx", "terms.tbx is a TBX termbase, not aligned text: --reachable-in takes the corpus the reference "
                  "terms are looked for in; a termbase is the REFERENCE"),
])
def test_a_glossary_or_termbase_given_as_the_corpus_is_refused_with_the_eval_usage(runner, workdir, corpus, message):
    Path("terms.tbx").write_text(TRADITIONAL_TBX, encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--reachable-in", corpus)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"error: {message}: glossary eval GLOSSARY REFERENCE --reachable-in CORPUS\n")


def test_a_variant_spelling_declared_in_a_yaml_reference_counts_as_the_term(runner, workdir):
    Path("termbase.yaml").write_text("glossary: 1\nterms:\n  - source: vehicle-to-grid\n    target: 车网互动\n"
                                     "    status: approved\n    source_variants: [V2G]\n", encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "termbase.yaml", "--reachable-in", "corpus.tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "R@200 1.000 (1/1 terms); top-1 accuracy 0.000 (0/1); 3 ranked entries\n"
        "reference: 1 of 1 terms of termbase.yaml reachable in corpus.tsv\n"
        "misses: 0 of 1 terms not within K (0 wrong target, 0 below K, 0 not found); 1 top-1 wrong (found within K)\n"
        "miss\tterm\texpected\tproposed\trank\tcorrect_rank\n"
        "top1_wrong\tvehicle-to-grid\t车网互动\tV2G → 车辆\t2\t3\n")


def test_missing_reference_is_exit_2_with_the_path(runner, workdir):
    result = run(runner, "eval", "found.yaml", "nope.tsv")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", "error: nope.tsv: no such file\n")


def test_missing_glossary_is_exit_2(runner, workdir):
    result = run(runner, "eval", "nope.yaml", "gold.tsv")
    assert (result.exit_code, result.stderr) == (2, "error: nope.yaml: no such glossary file\n")


def test_reference_of_unknown_format_is_exit_2_with_the_fix(runner, workdir):
    Path("gold.list").write_text(GOLD, encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "gold.list")
    assert (result.exit_code, result.stderr) == (
        2, "error: cannot tell the format of the reference gold.list from its extension; "
           "pass --reference-format tsv, csv, tbx or yaml\n")
    assert run(runner, "eval", "found.yaml", "gold.list", "--reference-format", "tsv").exit_code == 0


def test_malformed_reference_line_is_exit_2_at_that_line(runner, workdir):
    Path("gold.tsv").write_text("V2G\t车网互动\nsmart grid 智能电网\n", encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "gold.tsv")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: gold.tsv:2: expected English<TAB>Chinese")


def test_unreachable_reference_warns_and_still_reports(runner, workdir):
    Path("other.tsv").write_text("Wash your hands.\t洗手。\n", encoding="utf-8")
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--reachable-in", "other.tsv", "--misses", "0")
    assert result.exit_code == 0
    assert result.stderr == ("warning: none of the 3 reference terms occurs with a listed rendering in other.tsv; "
                             "R@K and top-1 accuracy are n/a\n")
    assert result.stdout.startswith("R@200 n/a (0/0 terms); top-1 accuracy n/a (0/0); 3 ranked entries\n")
    result = run(runner, "eval", "found.yaml", "gold.tsv", "--reachable-in", "other.tsv", "--format", "json")
    summary = json.loads(result.stdout)["summary"]
    assert (summary["recall_at_k"], summary["reference_terms"], summary["top1_accuracy"], summary["top1_terms"]) == (
        None, 0, None, 0)


def test_top1_accuracy_of_a_glossary_holding_no_reference_term_is_n_a_not_0(runner, workdir):
    # a dashboard averaging 0 would take it for a real score; null says no term could be judged
    Path("empty.yaml").write_text("terms: []\n", encoding="utf-8")
    result = run(runner, "eval", "empty.yaml", "gold.tsv", "--misses", "0")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "R@200 0.000 (0/3 terms); top-1 accuracy n/a (0/0); 0 ranked entries"
    summary = json.loads(run(runner, "eval", "empty.yaml", "gold.tsv", "--format", "json").stdout)["summary"]
    assert (summary["recall_at_k"], summary["top1_accuracy"], summary["top1_correct"], summary["top1_terms"]) == (
        0.0, None, 0, 0)


@pytest.mark.parametrize("options", [["--k", "0"], ["--format", "yaml"], ["--misses", "-1"]])
def test_bad_options_are_usage_errors(runner, workdir, options):
    assert run(runner, "eval", "found.yaml", "gold.tsv", *options).exit_code == 2


TRADITIONAL_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1"><langSet xml:lang="en"><tig><term>smart grid</term></tig></langSet>
  <langSet xml:lang="zh-Hans"><tig><term>智能电网</term></tig></langSet>
  <langSet xml:lang="zh-Hant"><tig><term>智慧電網</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_target_lang_picks_the_chinese_variant_of_a_tbx_reference(runner, workdir):
    Path("terms.tbx").write_text(TRADITIONAL_TBX, encoding="utf-8")
    assert "R@200 1.000 (1/1 terms)" in run(runner, "eval", "found.yaml", "terms.tbx").stdout
    result = run(runner, "eval", "found.yaml", "terms.tbx", "--target-lang", "zh-Hant")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("R@200 0.000 (0/1 terms)")
    assert "smart grid\t智慧電網\t智能电网" in result.stdout
