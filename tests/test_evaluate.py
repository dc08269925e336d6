"""`glossary_cli.evaluate`: R@K, top-1 accuracy, misses, references and reachability.

The figures must be the ones `../shared/tools/score_glossary.py` prints for the same files; the
tests at the end run that scorer and compare counts.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from glossary_cli.errors import InputFormatError, UsageError
from glossary_cli.evaluate import (CorpusIndex, MissKind, ReferenceFormat, english_key, evaluate, evaluate_files,
                                   load_reference, merge_terms, reachable_terms)
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.models import Location, SegmentPair

SEED_GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    score: 0.9
  - source: V2G
    target: [车网互动, V2G]
    score: 0.8
  - source: green shipping corridor
    target: 航运
    score: 0.7
  - source: carbon neutrality
    target: 碳中和
    status: rejected
    score: 0.95
  - source: green shipping corridor
    target: 绿色航运走廊
    score: 0.6
  - source: low-carbon city
    target: 低碳城
    score: 0.5
"""

SEED_REFERENCE = """\
smart grids\t智能电网
V2G\t车网互动
green shipping corridors\t绿色航运通道|绿色航运走廊
carbon neutrality\t碳中和
material passport\t材料护照
low carbon city\t低碳城
"""


def glossary(text: str) -> Glossary:
    loaded, problems = parse_glossary(text)
    assert problems == []
    return loaded


def terms(text: str):
    return list(merge_terms("reference.tsv", ((None, en, zh.split("|")) for en, zh in
                                              (line.split("\t") for line in text.splitlines()))).terms)


def pair(source: str, target: str, line: int = 1) -> SegmentPair:
    return SegmentPair(source, target, Location("corpus.tsv", line))


# ---------------------------------------------------------------- keys


def test_english_key_folds_case_hyphens_and_the_plural_of_the_last_word():
    assert english_key("Smart Grids") == english_key("smart-grid") == "smart grid"
    assert english_key("energy policies") == "energy policy"
    assert english_key("glass") == "glass" and english_key("bus") == "bus"  # -ss, and words of three letters
    assert english_key("mega\u2013cities") == "mega city"  # en dash
    assert english_key("Ｖ２Ｇ") == "v2g"  # full-width, NFKC


# ---------------------------------------------------------------- metrics


def test_recall_counts_terms_found_with_a_listed_rendering_among_the_k_best():
    result = evaluate(glossary(SEED_GLOSSARY), terms(SEED_REFERENCE), k=5)
    # ranked: smart grid 1, V2G 2, corridor 航运 3, corridor 绿色航运走廊 4, low-carbon city 5;
    # the rejected entry is left out
    assert (result.found, result.reference_terms, result.ranked_entries) == (4, 6, 5)
    assert result.recall_at_k == pytest.approx(4 / 6)
    assert evaluate(glossary(SEED_GLOSSARY), terms(SEED_REFERENCE), k=3).found == 2


def test_top1_accuracy_judges_the_first_target_of_the_best_entry_of_each_term_present():
    result = evaluate(glossary(SEED_GLOSSARY), terms(SEED_REFERENCE), k=5)
    # present: smart grid (right), V2G (right), corridor (best entry says 航运: wrong), low-carbon city (right)
    assert (result.top1_correct, result.present) == (3, 4)
    assert result.top1_accuracy == pytest.approx(0.75)


def test_a_rate_over_no_terms_is_none_not_zero():
    nothing = evaluate(glossary("glossary: 1\nterms: []\n"), terms(SEED_REFERENCE), k=5)
    assert (nothing.recall_at_k, nothing.top1_accuracy, nothing.present) == (0.0, None, 0)
    assert evaluate(glossary(SEED_GLOSSARY), [], k=5).recall_at_k is None


def test_a_second_target_counts_for_recall_but_not_for_top1():
    found = glossary("glossary: 1\nterms:\n  - {source: V2G, target: [V2G, 车网互动], score: 1.0}\n")
    result = evaluate(found, terms("V2G\t车网互动"), k=1)
    assert (result.found, result.top1_correct, result.present) == (1, 0, 1)


def test_ties_keep_file_order_and_a_missing_score_counts_as_zero():
    tied = glossary("glossary: 1\nterms:\n"
                    "  - {source: grid, target: 网格}\n"
                    "  - {source: grid, target: 电网, score: 0.5}\n"
                    "  - {source: grid, target: 栅格, score: 0.5}\n")
    result = evaluate(tied, terms("grid\t电网"), k=1)
    assert (result.found, result.top1_correct, result.misses) == (1, 1, ())


EMPTY_TARGET_GLOSSARY = """\
glossary: 1
terms:
  - source: heat pump
    target: ""
    score: 0.9
  - source: heat pump
    target: 热泵
    score: 0.5
"""


def test_an_entry_with_an_empty_target_proposes_nothing_and_takes_no_rank():
    result = evaluate(glossary(EMPTY_TARGET_GLOSSARY), terms("heat pump\t热泵|热力泵"), k=1)
    assert (result.found, result.top1_correct, result.present, result.ranked_entries) == (1, 1, 1, 1)
    assert result.misses == ()


def test_an_empty_target_is_skipped_as_the_scorer_skips_it(shared_data, tmp_path):
    glossary_path, reference_path = tmp_path / "found.yaml", tmp_path / "gold.tsv"
    glossary_path.write_text(EMPTY_TARGET_GLOSSARY, encoding="utf-8")
    reference_path.write_text(SEED_REFERENCE + "heat pump\t热泵\n", encoding="utf-8")
    result = evaluate_files(str(glossary_path), str(reference_path), k=1)
    assert our_counts(result) == scorer_counts(shared_data, glossary_path, reference_path, 1) == (1, 7, 1, 1, 1)


def test_chinese_is_compared_after_nfkc_and_without_spaces():
    found = glossary("glossary: 1\nterms:\n  - {source: V2G, target: '车网互动(V2G)', score: 1.0}\n")
    assert evaluate(found, terms("V2G\t车网互动（V2G）"), k=1).found == 1
    spaced = glossary("glossary: 1\nterms:\n  - {source: 1918 flu, target: 1918年流感, score: 1.0}\n")
    assert evaluate(spaced, terms("1918 flu\t1918 年流感"), k=1).found == 1


def test_spellings_with_one_key_are_one_reference_term():
    merged = terms("face mask\t口罩\nface masks\t口罩|面罩\nFace-Mask\t防护口罩")
    assert len(merged) == 1
    assert merged[0].spellings == ("face mask", "face masks", "Face-Mask")
    assert merged[0].targets == ("口罩", "面罩", "防护口罩")


def test_misses_name_the_wrong_proposal_the_terms_below_k_and_the_terms_never_found():
    result = evaluate(glossary(SEED_GLOSSARY), terms(SEED_REFERENCE), k=3)
    summary = [(miss.kind, miss.term.source, miss.proposed and miss.proposed.targets,
                miss.proposed and miss.proposed.rank, miss.correct_rank) for miss in result.misses]
    assert summary == [
        (MissKind.WRONG_TARGET, "green shipping corridors", ("航运",), 3, 4),
        (MissKind.BELOW_K, "low carbon city", ("低碳城",), 5, 5),
        (MissKind.NOT_FOUND, "carbon neutrality", None, None, None),  # only a rejected entry
        (MissKind.NOT_FOUND, "material passport", None, None, None),
    ]


def test_a_wrong_best_entry_with_a_right_one_within_k_is_a_top1_miss_only():
    result = evaluate(glossary(SEED_GLOSSARY), terms(SEED_REFERENCE), k=4)
    # the corridor's best entry says 航运 (rank 3), but 绿色航运走廊 at rank 4 is within K: R@K counts it
    assert [(miss.kind, miss.term.source, miss.proposed.rank, miss.correct_rank) for miss in result.misses
            if miss.proposed] == [(MissKind.BELOW_K, "low carbon city", 5, 5),
                                  (MissKind.TOP1_WRONG, "green shipping corridors", 3, 4)]
    assert result.reference_terms - result.found == result.missed_at_k == 3


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 6, 200])
def test_the_kinds_of_misses_add_up_to_what_r_at_k_and_top1_miss(k):
    result = evaluate(glossary(SEED_GLOSSARY), terms(SEED_REFERENCE), k=k)
    count = {kind: len(result.misses_of(kind)) for kind in MissKind}
    assert result.reference_terms - result.found == (count[MissKind.WRONG_TARGET] + count[MissKind.BELOW_K]
                                                      + count[MissKind.NOT_FOUND])
    assert result.present - result.top1_correct == count[MissKind.WRONG_TARGET] + count[MissKind.TOP1_WRONG]


def test_k_must_be_positive():
    with pytest.raises(UsageError, match="at least 1"):
        evaluate(glossary(SEED_GLOSSARY), terms(SEED_REFERENCE), k=0)


# ---------------------------------------------------------------- references


def test_tsv_reference_reads_alternatives_and_an_optional_header(tmp_path):
    plain = tmp_path / "gold.tsv"
    plain.write_text("V2G\t车网互动\n\nsmart grid\t智能电网|智慧电网\n", encoding="utf-8")
    assert [(term.source, term.targets) for term in load_reference(str(plain)).terms] == [
        ("V2G", ("车网互动",)), ("smart grid", ("智能电网", "智慧电网"))]
    headed = tmp_path / "headed.tsv"
    headed.write_text("en\tzh\tstatus\nV2G\t车网互动\tapproved\ngrid\t网格\trejected\n", encoding="utf-8")
    assert [(term.source, term.targets) for term in load_reference(str(headed)).terms] == [("V2G", ("车网互动",))]


def test_tsv_reference_line_without_a_tab_is_an_error_at_that_line(tmp_path):
    broken = tmp_path / "gold.tsv"
    broken.write_text("V2G\t车网互动\nsmart grid 智能电网\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match=r"gold.tsv:2: expected English<TAB>Chinese"):
        load_reference(str(broken))


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c"])
def test_a_line_separator_pasted_inside_a_tsv_cell_does_not_split_the_line(tmp_path, separator):
    pasted = tmp_path / "gold.tsv"
    pasted.write_text(f"heat pump\t热泵\nwind farm\t风电{separator}场\nsolar panels\t光伏板\n", encoding="utf-8")
    reference = load_reference(str(pasted))
    assert [term.source for term in reference.terms] == ["heat pump", "wind farm", "solar panels"]
    found = glossary("glossary: 1\nterms:\n  - {source: wind farm, target: 风电场, score: 1.0}\n")
    assert evaluate(found, reference.terms, k=1).found == 1  # whitespace inside a rendering is ignored
    pasted.write_text(f"wind farm\t风电{separator}场\nsmart grid 智能电网\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match=r"gold.tsv:2: expected English<TAB>Chinese"):
        load_reference(str(pasted))


def test_reference_without_any_rendering_is_an_error_with_an_example_in_its_format(tmp_path):
    empty = tmp_path / "gold.tsv"
    empty.write_text("V2G\t\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match="no reference terms.*expected lines like `heat pump<TAB>热泵"):
        load_reference(str(empty))
    table = tmp_path / "gold.csv"
    table.write_text("en,zh\nV2G,\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match="no reference terms.*a header row such as `en,zh`"):
        load_reference(str(table))


def test_a_reference_with_no_chinese_rendering_is_refused_not_scored_zero(tmp_path):
    reference = tmp_path / "gold.tsv"
    rows = "heat pump\theat pump\ngrid\tgrid\n"
    reference.write_text(rows, encoding="utf-8")
    with pytest.raises(InputFormatError, match="no rendering holds a Chinese character, so nothing could be measured"):
        load_reference(str(reference))
    reference.write_text(rows + "COVID\tCOVID|新冠\n", encoding="utf-8")  # some Latin renderings are fine
    assert len(load_reference(str(reference)).terms) == 3


def test_a_reference_kept_chinese_first_is_read_as_extract_reads_such_a_list(tmp_path):
    """A team translating from Chinese keeps its list so; it was refused (zh-source probe, M4)."""
    reference = tmp_path / "gold.tsv"
    reference.write_text("热泵|热力泵\theat pump\n电网\tgrid|power grid\n", encoding="utf-8")
    warnings: list[str] = []
    terms = load_reference(str(reference), on_warning=warnings.append).terms
    assert [(term.source, term.spellings, term.targets) for term in terms] == [
        ("heat pump", ("heat pump",), ("热泵", "热力泵")), ("grid", ("grid", "power grid"), ("电网",))]
    assert warnings == [f"{reference}: the Chinese is in the first column; read as Chinese<TAB>English"]


def test_csv_reference_uses_the_en_and_zh_columns(tmp_path):
    table = tmp_path / "termbase.csv"
    table.write_text("zh,en,note\n车网互动|车辆到电网,V2G,\n智能电网,smart grid,\n", encoding="utf-8")
    assert [(term.source, term.targets) for term in load_reference(str(table)).terms] == [
        ("V2G", ("车网互动", "车辆到电网")), ("smart grid", ("智能电网",))]


def test_yaml_reference_is_its_approved_entries_or_else_all_not_rejected(tmp_path):
    decided = tmp_path / "decided.yaml"
    decided.write_text("glossary: 1\nterms:\n"
                       "  - {source: V2G, target: 车网互动, status: approved}\n"
                       "  - {source: grid, target: 网格, status: candidate}\n"
                       "  - {source: CDC, status: approved, keep_source: true}\n", encoding="utf-8")
    assert [(term.source, term.targets) for term in load_reference(str(decided)).terms] == [
        ("V2G", ("车网互动",)), ("CDC", ("CDC",))]
    undecided = tmp_path / "undecided.yaml"
    undecided.write_text("glossary: 1\nterms:\n"
                         "  - {source: grid, target: 电网}\n"
                         "  - {source: grid line, target: 网格线, status: rejected}\n", encoding="utf-8")
    assert [term.source for term in load_reference(str(undecided)).terms] == ["grid"]


def test_tbx_reference_is_read_through_glossary_import(tmp_path):
    from glossary_cli.exchange import ExchangeFormat, export_glossary

    termbase = Glossary(terms=[Entry(source="V2G", target=["车网互动"], status=Status.APPROVED)])
    path = tmp_path / "termbase.tbx"
    path.write_text(export_glossary(termbase, ExchangeFormat.TBX), encoding="utf-8")
    assert [(term.source, term.targets) for term in load_reference(str(path)).terms] == [("V2G", ("车网互动",))]


VARIANT_TERMBASE = """\
glossary: 1
terms:
  - source: heat pump
    target: [热泵, 热力泵]
    status: approved
    source_variants: [heat-pump unit]
  - source: wind farm
    target: 风电场
    status: approved
"""


@pytest.mark.parametrize("suffix", [".yaml", ".tbx", ".csv"])
def test_a_declared_variant_spelling_counts_as_its_term(tmp_path, suffix):
    from glossary_cli.exchange import ExchangeFormat, export_glossary

    path = tmp_path / f"termbase{suffix}"
    if suffix == ".yaml":
        path.write_text(VARIANT_TERMBASE, encoding="utf-8")
    else:
        path.write_text(export_glossary(glossary(VARIANT_TERMBASE), ExchangeFormat(suffix[1:])), encoding="utf-8")
    reference = load_reference(str(path))
    assert [(term.source, term.spellings) for term in reference.terms] == [
        ("heat pump", ("heat pump", "heat-pump unit")), ("wind farm", ("wind farm",))]
    found = glossary("glossary: 1\nterms:\n"
                     "  - {source: heat-pump units, target: 热泵, score: 0.9}\n"
                     "  - {source: heat pump, target: 热力泵, score: 0.5}\n")
    result = evaluate(found, reference.terms, k=1)
    assert (result.found, result.top1_correct, result.present, result.reference_terms) == (1, 1, 1, 2)
    assert [(miss.kind, miss.term.source) for miss in result.misses] == [(MissKind.NOT_FOUND, "wind farm")]
    # the corpus names the term only by its variant: it is reachable
    corpus = [pair("Install the heat-pump unit outdoors.", "将热泵安装在室外。")]
    assert [term.source for term in reachable_terms(reference.terms, corpus)] == ["heat pump"]


def test_a_variant_that_is_another_rows_spelling_joins_the_two_rows_into_one_term():
    from glossary_cli.evaluate import ReferenceRow

    merged = merge_terms("termbase.yaml", [ReferenceRow(3, "PV", ["光伏"], ["photovoltaics"]),
                                           ReferenceRow(7, "solar cell", ["太阳能电池"]),
                                           ReferenceRow(9, "photovoltaic", ["光伏发电"], ["solar cells"])]).terms
    assert [(term.source, term.spellings, term.targets, term.line) for term in merged] == [
        ("PV", ("PV", "photovoltaics", "solar cell", "photovoltaic", "solar cells"), ("光伏", "太阳能电池", "光伏发电"), 3)]
    assert merged[0].keys == {"pv", "photovoltaic", "solar cell"}


def test_reference_format_comes_from_the_extension_or_is_given(tmp_path):
    odd = tmp_path / "gold.list"
    odd.write_text("V2G\t车网互动\n", encoding="utf-8")
    with pytest.raises(UsageError, match="--reference-format"):
        load_reference(str(odd))
    assert len(load_reference(str(odd), reference_format=ReferenceFormat.TSV).terms) == 1


# ---------------------------------------------------------------- reachability


def test_a_term_occurs_as_whole_words_not_inside_a_hyphenated_compound():
    index = CorpusIndex([pair("SARS-CoV-2 spreads.", "新冠病毒传播。", 1),
                         pair("SARS was first seen in 2003.", "非典于2003年首次出现。", 2),
                         pair("paramyxo-, and corona- viruses", "副粘病毒和冠状病毒", 3),
                         pair("the coronavirus outbreak", "冠状病毒疫情", 4)])
    assert index.segments_with("SARS") == [1]
    assert index.segments_with("corona") == [2]  # a hyphen followed by a space ends the word
    assert index.segments_with("coronavirus") == [3]


def test_case_is_ignored_except_for_all_caps_acronyms():
    index = CorpusIndex([pair("Who is at risk?", "谁有风险？", 1),
                         pair("WHO declared a pandemic.", "世卫组织宣布大流行。", 2),
                         pair("Covid-19 vaccine", "新冠疫苗", 3)])
    assert index.segments_with("WHO") == [1]
    assert index.segments_with("who") == [0, 1]
    assert index.segments_with("COVID-19") == [2]  # digits and a hyphen: not an acronym by this rule


def test_a_reachable_term_has_a_rendering_in_the_same_pair():
    index = CorpusIndex([pair("Wear a face mask.", "请戴口罩。", 1), pair("Wash your hands.", "口罩", 2)])
    assert index.occurrences(["face mask"], ["口罩"]).pair_segments == 1
    kept = reachable_terms(terms("face mask\t口罩\nhand\t手\nvaccine\t疫苗"), index)
    assert [term.source for term in kept] == ["face mask"]


def test_reachability_looks_for_the_spellings_as_written_like_gold_coverage():
    index = CorpusIndex([pair("Wear face masks.", "请戴口罩。", 1)])
    assert reachable_terms(terms("face mask\t口罩"), index) == []
    assert len(reachable_terms(terms("face mask\t口罩\nface masks\t口罩"), index)) == 1


# ---------------------------------------------------------------- agreement with the shared scorer


SCORER_LINE = re.compile(r"R@(\d+)=[\d.]+ \((\d+)/(\d+)\) acc@1=[\d.]+ \((\d+)/(\d+)\) entries=(\d+)")


def scorer_counts(shared_data: Path, glossary_path: Path, reference_path: Path, k: int) -> tuple[int, ...]:
    """(found, reference terms, top-1 correct, terms present, ranked entries) as the scorer prints them."""
    scorer = shared_data.parent / "tools" / "score_glossary.py"
    if not scorer.is_file():
        pytest.skip(f"scorer not found at {scorer}")
    output = subprocess.run([sys.executable, str(scorer), str(glossary_path), str(reference_path), "--k", str(k)],
                            capture_output=True, text=True, check=True).stdout
    match = SCORER_LINE.search(output)
    assert match, output
    return tuple(int(group) for group in match.groups()[1:])


def our_counts(result) -> tuple[int, ...]:
    return (result.found, result.reference_terms, result.top1_correct, result.present, result.ranked_entries)


@pytest.mark.parametrize("k", [1, 3, 4, 5, 200])
def test_agrees_with_the_scorer_on_a_small_glossary(shared_data, tmp_path, k):
    glossary_path, reference_path = tmp_path / "found.yaml", tmp_path / "gold.tsv"
    glossary_path.write_text(SEED_GLOSSARY, encoding="utf-8")
    reference_path.write_text(SEED_REFERENCE, encoding="utf-8")
    result = evaluate_files(str(glossary_path), str(reference_path), k=k)
    assert our_counts(result) == scorer_counts(shared_data, glossary_path, reference_path, k)


def synthetic_tico_glossary(gold_rows: list[tuple[str, str]]) -> Glossary:
    """Entries for the TICO gold terms with every case the metrics must handle: right, wrong and
    half-right targets, plural and capitalised spellings, rejected and unscored entries, ties."""
    entries = []
    for number, (english, renderings) in enumerate(gold_rows):
        right = renderings.split("|")[-1]
        score = round((number * 7919 % 1000) / 1000, 2)
        shape = number % 6
        if shape == 0:
            entries.append(Entry(source=english, target=[right], score=score))
        elif shape == 1:
            entries.append(Entry(source=english + "s", target=[f"错{number}"], score=score))
            entries.append(Entry(source=english.upper(), target=[right], score=score / 2))
        elif shape == 2:
            entries.append(Entry(source=english, target=[f"错{number}", right], score=score))
        elif shape == 3:
            entries.append(Entry(source=english, target=[right], status=Status.REJECTED, score=1.0))
            entries.append(Entry(source=english, target=[f"错{number}"], score=score))
        elif shape == 4:
            entries.append(Entry(source=english, target=[right]))
        entries.append(Entry(source=f"noise term {number}", target=[f"噪声{number}"], score=0.5))
    return Glossary(terms=entries)


@pytest.mark.parametrize("k", [100, 1000])
def test_agrees_with_the_scorer_on_tico_when_reachability_comes_from_the_corpus(shared_data, tmp_path, k):
    tico = shared_data / "tico19_en_zh"
    gold_rows = [tuple(line.split("\t")) for line in (tico / "gold.tsv").read_text(encoding="utf-8").splitlines()]
    glossary_path = tmp_path / "tico.yaml"
    glossary_path.write_text(dump_glossary(synthetic_tico_glossary(gold_rows)), encoding="utf-8")
    from glossary_cli.readers import read_pairs

    pairs = list(read_pairs([str(tico / "segments.tsv")]))
    result = evaluate_files(str(glossary_path), str(tico / "gold.tsv"), k=k, reachable_in=pairs)
    # the scorer finds gold_coverage.tsv beside gold.tsv and keeps its n_seg_pair > 0 terms
    assert our_counts(result) == scorer_counts(shared_data, glossary_path, tico / "gold.tsv", k)
    assert result.reference_total == 567
    count = {kind: len(result.misses_of(kind)) for kind in MissKind}
    assert result.reference_terms - result.found == (count[MissKind.WRONG_TARGET] + count[MissKind.BELOW_K]
                                                      + count[MissKind.NOT_FOUND])
    assert result.present - result.top1_correct == count[MissKind.WRONG_TARGET] + count[MissKind.TOP1_WRONG]


@pytest.mark.slow
def test_agrees_with_the_scorer_on_an_extraction_of_the_seed_article(shared_data, seed_article, tmp_path):
    from typer.testing import CliRunner

    from glossary_cli.cli.common import app

    glossary_path = tmp_path / "seed.yaml"
    extracted = CliRunner().invoke(app, ["extract", str(seed_article), "-o", str(glossary_path), "--show", "0"])
    assert extracted.exit_code == 0, extracted.output
    gold = shared_data / "seed" / "gold.tsv"
    for k in (50, 200):
        result = evaluate_files(str(glossary_path), str(gold), k=k)
        assert our_counts(result) == scorer_counts(shared_data, glossary_path, gold, k)


def test_reachability_reproduces_tico_gold_coverage_row_for_row(shared_data):
    tico = shared_data / "tico19_en_zh"
    from glossary_cli.readers import read_pairs

    index = CorpusIndex(read_pairs([str(tico / "segments.tsv")]))
    with open(tico / "gold_coverage.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    ours = [index.occurrences([row["en"]], row["zh"].split("|")) for row in rows]
    assert [(found.source_segments, found.pair_segments) for found in ours] == [
        (int(row["n_seg_en"]), int(row["n_seg_pair"])) for row in rows]
    assert sum(found.pair_segments > 0 for found in ours) == 175  # rows, as SOURCE.md says


def test_reachable_reference_keys_on_tico_are_the_scorers_168(shared_data):
    """175 gold rows are reachable; merged under the scorer's key (case, hyphens, plurals:
    `symptom`/`symptoms`, `self-quarantine`/`self quarantine`) they are 168 terms."""
    tico = shared_data / "tico19_en_zh"
    from glossary_cli.readers import read_pairs

    reference = load_reference(str(tico / "gold.tsv"))
    kept = reachable_terms(reference.terms, list(read_pairs([str(tico / "segments.tsv")])))
    with open(tico / "gold_coverage.tsv", encoding="utf-8") as handle:
        coverage = {english_key(row["en"]) for row in csv.DictReader(handle, delimiter="\t")
                    if int(row["n_seg_pair"]) > 0}
    assert (len(reference.terms), len(kept)) == (567, 168)
    assert {term.key for term in kept} == coverage
