"""CSV/TSV exchange: one row per rendering under `en,zh,status,note`, Excel BOM, import and round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.exchange import ExchangeFormat, export_glossary, import_glossary
from glossary_cli.exchange.table import glossary_to_table, read_table
from glossary_cli.glossary import Entry, Glossary, Status


def sample_glossary() -> Glossary:
    return Glossary(terms=[
        Entry("V2G", ["车网互动", "车辆到电网"], Status.APPROVED, note="vehicle-to-grid, \"V2G\"", forbidden=["车对网"]),
        Entry("COVID-19", [], Status.APPROVED, keep_source=True),
        Entry("grid", ["电网"], Status.CANDIDATE),
        Entry("smart meter", ["智能电表"], Status.REJECTED, note="too generic"),
        Entry("load shedding", [], Status.CANDIDATE),
    ])


def write(tmp_path: Path, text: str, name: str = "terms.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_csv_export_has_one_row_per_rendering():
    # forbidden renderings go in a column of the entry's first row: a CAT tool never takes them for terms
    assert glossary_to_table(sample_glossary()) == (
        "en,zh,status,note,forbidden,keep_source\n"
        'V2G,车网互动,approved,"vehicle-to-grid, ""V2G""",车对网,\n'
        "V2G,车辆到电网,approved,,,\n"
        "COVID-19,COVID-19,approved,,,true\n"
        "grid,电网,candidate,,,\n"
        "smart meter,智能电表,rejected,too generic,,\n"
        "load shedding,,candidate,,,\n")


def test_tsv_export_and_status_filter():
    text = export_glossary(sample_glossary(), ExchangeFormat.TSV, statuses=[Status.APPROVED])
    assert text.splitlines()[:2] == ["en\tzh\tstatus\tnote\tforbidden\tkeep_source",
                                     'V2G\t车网互动\tapproved\t"vehicle-to-grid, ""V2G"""\t车对网\t']
    assert "grid\t电网" not in text


def test_bom_for_excel_only_when_asked():
    assert export_glossary(sample_glossary(), ExchangeFormat.CSV, byte_order_mark=True).startswith("\ufeffen,zh,")
    assert export_glossary(sample_glossary(), ExchangeFormat.CSV).startswith("en,zh,")


def test_header_uses_the_glossary_languages():
    glossary = Glossary(languages={"source": "en", "target": "zh-Hant"})
    assert glossary_to_table(glossary) == "en,zh-Hant,status,note,forbidden\n"


@pytest.mark.parametrize("to, name", [(ExchangeFormat.CSV, "terms.csv"), (ExchangeFormat.TSV, "terms.tsv")])
def test_round_trip_keeps_every_entry(tmp_path, to, name):
    original = sample_glossary()
    back = import_glossary(write(tmp_path, export_glossary(original, to, statuses=tuple(Status), byte_order_mark=True),
                                 name=name))
    assert [(e.source, e.target, e.status, e.forbidden, e.keep_source, e.note) for e in back.terms] == \
           [(e.source, e.target, e.status, e.forbidden, e.keep_source, e.note) for e in original.terms]


def test_import_of_a_cat_tool_table(tmp_path):
    path = write(tmp_path, "English;Chinese;Status;Comment\r\n"
                           "vaccine;疫苗;Preferred;\r\n"
                           "vaccine;疫苗针;deprecated;colloquial\r\n"
                           "mask;口罩;;\r\n", name="export.csv")
    first, second = read_table(path).terms
    assert (first.source, first.target, first.status, first.forbidden, first.note) == (
        "vaccine", ["疫苗"], Status.APPROVED, ["疫苗针"], "colloquial")
    assert (second.source, second.target, second.status) == ("mask", ["口罩"], Status.CANDIDATE)


def test_forbidden_row_before_the_allowed_one_joins_the_same_entry(tmp_path):
    path = write(tmp_path, "en,zh,status\nV2G,车对网,forbidden\nV2G,车网互动,approved\n")
    (entry,) = read_table(path).terms
    assert (entry.target, entry.forbidden, entry.status) == (["车网互动"], ["车对网"], Status.APPROVED)


def test_unknown_status_is_an_error_at_its_line(tmp_path):
    with pytest.raises(InputFormatError, match="unknown status 'maybe'; use approved, candidate, rejected or forbidden") as error:
        read_table(write(tmp_path, "en,zh,status\nV2G,车网互动,approved\nV2G,车网,maybe\n"))
    assert error.value.line == 3


def test_a_quote_left_open_is_an_error_where_it_opens_not_one_long_term(tmp_path):
    path = write(tmp_path, 'en,zh,note\nV2G,车网互动,\n"heat pump,热泵,\ngrid,电网,\n')
    with pytest.raises(InputFormatError, match="a quote opened on this line is never closed") as error:
        read_table(path)
    assert error.value.line == 3


def test_quoted_line_breaks_and_doubled_quotes_are_cell_content(tmp_path):
    path = write(tmp_path, 'en,zh,note\n"heat\npump",热泵,"say ""heat pump""\nnot ""HP"""\n')
    (entry,) = read_table(path).terms
    assert (entry.source, entry.target, entry.note) == ("heat\npump", ["热泵"], 'say "heat pump"\nnot "HP"')


def test_a_table_without_a_header_is_refused_with_an_example(tmp_path):
    with pytest.raises(InputFormatError, match=r"the first row must name the columns, e.g. en,zh,status,note \(found: V2G,车网互动\)"):
        read_table(write(tmp_path, "V2G,车网互动\n"))
    with pytest.raises(InputFormatError, match="empty file"):
        read_table(write(tmp_path, ""))


def test_gb18030_table_reads_with_the_encoding_option(tmp_path):
    path = write(tmp_path, "en,zh\nV2G,车网互动\n", encoding="gb18030")
    with pytest.raises(InputFormatError, match="--encoding gb18030"):
        read_table(path)
    assert read_table(path, encoding="gb18030").terms[0].target == ["车网互动"]


def test_rows_without_english_are_skipped_with_a_warning(tmp_path):
    warnings: list[str] = []
    glossary = read_table(write(tmp_path, "en,zh\n,电网\ngrid,电网\n"), on_warning=warnings.append)
    assert [entry.source for entry in glossary.terms] == ["grid"]
    assert warnings == [f"{tmp_path / 'terms.csv'}: 1 row(s) without en text skipped"]


@pytest.mark.parametrize("to, name", [(ExchangeFormat.CSV, "terms.csv"), (ExchangeFormat.TSV, "terms.tsv")])
def test_a_note_longer_than_the_csv_modules_cell_limit_reads_back(tmp_path, to, name):
    long_note = "据" * 140_000  # the csv module's default limit is 131,072 characters
    original = Glossary(terms=[Entry("grid", ["电网"], Status.APPROVED, note=long_note)])
    back = import_glossary(write(tmp_path, export_glossary(original, to), name=name))
    assert back.terms[0].note == long_note


@pytest.mark.parametrize("to, name", [(ExchangeFormat.CSV, "terms.csv"), (ExchangeFormat.TSV, "terms.tsv")])
def test_a_forbidden_rendering_returns_to_the_approved_sense_not_the_first_one(tmp_path, to, name):
    # check enforces forbidden renderings of the approved entry; on the rejected one they would do nothing
    original = Glossary(terms=[
        Entry("grid", ["格子"], Status.REJECTED, note="not the energy sense"),
        Entry("grid", ["电网"], Status.APPROVED, note="energy sense", forbidden=["电力网"]),
        Entry("cell", ["电池"], Status.CANDIDATE, forbidden=["细胞"]),
    ])
    back = import_glossary(write(tmp_path, export_glossary(original, to, statuses=tuple(Status)), name=name))
    assert [(e.source, e.status, e.target, e.forbidden, e.note) for e in back.terms] == [
        ("grid", Status.REJECTED, ["格子"], [], "not the energy sense"),
        ("grid", Status.APPROVED, ["电网"], ["电力网"], "energy sense"),
        ("cell", Status.CANDIDATE, ["电池"], ["细胞"], None)]


def test_a_forbidden_row_alone_makes_a_candidate_in_its_place(tmp_path):
    path = write(tmp_path, "en,zh,status\nV2G,车对网,forbidden\ngrid,电网,approved\n")
    assert [(e.source, e.status, e.target, e.forbidden) for e in read_table(path).terms] == [
        ("V2G", Status.CANDIDATE, [], ["车对网"]), ("grid", Status.APPROVED, ["电网"], [])]


def rich_entry() -> Entry:
    return Entry("smart grid", ["智能电网"], Status.APPROVED, source_variants=["smart-grid", "intelligent grid"],
                 case_sensitive=True, extra={"part_of_speech": "noun", "definition": "A grid, digitally run.",
                                             "subject_field": "energy", "match_compounds": True, "reviewer": "Li",
                                             "ticket": "3", "priority": 3, "tags": ["grid", "电"]})


@pytest.mark.parametrize("to, name", [(ExchangeFormat.CSV, "terms.csv"), (ExchangeFormat.TSV, "terms.tsv")])
def test_fields_check_reads_travel_in_columns_of_their_own(tmp_path, to, name):
    original = Glossary(terms=[rich_entry(), Entry("grid", ["电网"], Status.APPROVED, forbidden=["网格"])])
    text = export_glossary(original, to)
    assert text.splitlines()[0].split("," if to is ExchangeFormat.CSV else "\t") == [
        "en", "zh", "status", "note", "forbidden", "source_variants", "case_sensitive", "part_of_speech", "definition",
        "subject_field", "match_compounds", "x-reviewer", "x-ticket", "x-priority", "x-tags"]
    back = import_glossary(write(tmp_path, text, name=name))
    assert back.terms == original.terms  # "3" stays a string, 3 a number, the list a list


def test_a_cat_tools_field_columns_are_read_by_their_usual_names(tmp_path):
    path = write(tmp_path, "English,Chinese,Status,Synonyms,Case Sensitive,Domain,POS\n"
                           "smart grid,智能电网,approved,smart-grid,yes,energy,noun\n")
    (entry,) = read_table(path).terms
    assert (entry.source_variants, entry.case_sensitive, entry.extra) == (
        ["smart-grid"], True, {"subject_field": "energy", "part_of_speech": "noun"})
    with pytest.raises(InputFormatError, match="case_sensitive is 'maybe'; write true or false") as error:
        read_table(write(tmp_path, "en,zh,case_sensitive\ngrid,电网,\nV2G,车网互动,maybe\n"))
    assert error.value.line == 3


def test_nothing_left_out_of_a_table_means_no_warning():
    warnings: list[str] = []
    export_glossary(Glossary(terms=[rich_entry()]), ExchangeFormat.CSV, path="g.yaml", on_warning=warnings.append)
    assert warnings == []


@pytest.mark.parametrize("to, name", [(ExchangeFormat.CSV, "terms.csv"), (ExchangeFormat.TSV, "terms.tsv")])
def test_the_english_kept_as_a_target_is_not_keep_source(tmp_path, to, name):
    # check reports GL001 for the first and GL003 for the second, and fingerprints them apart
    original = Glossary(terms=[Entry("V2G", ["V2G", "车网互动"], Status.APPROVED),
                               Entry("ESG", [], Status.APPROVED, keep_source=True)])
    back = import_glossary(write(tmp_path, export_glossary(original, to), name=name))
    assert [(e.target, e.keep_source) for e in back.terms] == [(["V2G", "车网互动"], False), ([], True)]


def test_a_row_repeating_the_english_is_a_target_unless_keep_source_says_otherwise(tmp_path):
    plain = read_table(write(tmp_path, "en,zh,status\nWRI,WRI,approved\n"))
    assert (plain.terms[0].target, plain.terms[0].keep_source) == (["WRI"], False)
    kept = read_table(write(tmp_path, "en,zh,status,keep_source\nWRI,WRI,approved,true\n"))
    assert (kept.terms[0].target, kept.terms[0].keep_source) == ([], True)


def test_a_csv_file_read_as_tsv_is_named_as_csv(tmp_path):
    path = write(tmp_path, "en,zh,status,note\nV2G,车网互动,approved,\n", name="terms.csv")
    with pytest.raises(InputFormatError, match=r"read as TSV, the first row names no columns \(1 cell: "
                                                r"'en,zh,status,note'\); the file looks comma-separated: "
                                                r"pass --from csv$") as error:
        read_table(path, delimiter="\t")
    assert error.value.line == 1


def test_a_tab_file_read_as_csv_is_named_as_tsv(tmp_path):
    # more commas than tabs in the header, so the CSV reader splits at the commas
    path = write(tmp_path, "en\tzh\tnote, comment, remark\nV2G\t车网互动\t\n", name="terms.csv")
    with pytest.raises(InputFormatError, match="the file looks tab-separated: pass --from tsv$"):
        read_table(path, delimiter=",")


@pytest.mark.parametrize("header", [
    "English (United States),Chinese (Simplified)",  # memoQ, Trados MultiTerm
    "English_United_States,Chinese_PRC",  # Trados MultiTerm Convert
    "en-US,zh-CN",
    "EN (US),ZH (CN)",
    "英文,简体中文",
])
def test_columns_named_by_language_are_the_term_columns(tmp_path, header):
    (entry,) = read_table(write(tmp_path, f"{header},Status\nsmart grid,智能电网,approved\n")).terms
    assert (entry.source, entry.target, entry.status) == ("smart grid", ["智能电网"], Status.APPROVED)


def test_chinese_columns_are_chosen_by_script(tmp_path):
    path = write(tmp_path, "English,Chinese (Traditional),Chinese (Simplified)\nsmart grid,智慧電網,智能电网\n")
    assert read_table(path, target_lang="zh-TW").terms[0].target == ["智慧電網"]
    assert read_table(path, target_lang="zh-CN").terms[0].target == ["智能电网"]
    assert read_table(path).terms[0].target == ["智能电网"]  # plain zh: Simplified, as TBX import does


def test_a_column_for_another_region_is_not_the_source(tmp_path):
    path = write(tmp_path, "English (United Kingdom),English (United States),Chinese\ncolour,color,颜色\n")
    assert read_table(path, source_lang="en-US").terms[0].source == "color"
    assert read_table(path, source_lang="en").terms[0].source == "colour"


def test_source_and_target_column_options_name_any_header(tmp_path):
    path = write(tmp_path, "Begriff,Übersetzung,Status\nsmart grid,智能电网,approved\n")
    with pytest.raises(InputFormatError, match="pass --source-column and --target-column"):
        read_table(path)
    (entry,) = read_table(path, source_column="begriff", target_column="Übersetzung").terms
    assert (entry.source, entry.target) == ("smart grid", ["智能电网"])
    with pytest.raises(InputFormatError, match='--target-column "Target" names no column; the first row has '
                                               '"Begriff", "Übersetzung", "Status"'):
        read_table(path, source_column="Begriff", target_column="Target")


def test_columns_import_does_not_read_are_named_in_one_warning(tmp_path):
    warnings: list[str] = []
    path = write(tmp_path, "English,Chinese,Status,Remarks,Reviewer,Definition\n"
                           "smart grid,智能电网,approved,keep this,Li,a grid\n")
    (entry,) = read_table(path, on_warning=warnings.append).terms
    assert entry.extra == {"definition": "a grid"}
    assert warnings == [f'{path}: 2 columns not imported: "Remarks", "Reviewer"; to keep them, name each note, '
                        "a field such as definition, or x-NAME for a field of your own"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_byte_order_mark_states_the_encoding(tmp_path, encoding):
    # Excel's "Unicode Text" is a UTF-16 TSV with a byte-order mark; Python's utf-16 and utf-32 write one
    text = "\ufeffen\tzh\tstatus\r\nsmart grid\t智能电网\tapproved\r\n" if encoding == "utf-16-be" else \
        "en\tzh\tstatus\r\nsmart grid\t智能电网\tapproved\r\n"
    (entry,) = read_table(write(tmp_path, text, name="terms.tsv", encoding=encoding), delimiter="\t").terms
    assert (entry.source, entry.target, entry.status) == ("smart grid", ["智能电网"], Status.APPROVED)


def formula_glossary() -> Glossary:
    return Glossary(terms=[
        Entry('=HYPERLINK("http://x.example","grid")', ["电网"], Status.APPROVED),
        Entry("+86 hotline", ["热线"], Status.APPROVED, note="-- call us", extra={"priority": -3}),
        Entry("@mention", ["提及"], Status.CANDIDATE, forbidden=["=提及"]),
        Entry("'=quoted formula", ["'引用"], Status.CANDIDATE),  # a ' already there, before = and before 引
    ])


def test_cells_excel_would_run_as_formulas_are_guarded_for_excel():
    assert glossary_to_table(formula_glossary(), byte_order_mark=True) == (
        "\ufeffen,zh,status,note,forbidden,x-priority\n"
        '"\'=HYPERLINK(""http://x.example"",""grid"")",电网,approved,,,\n'
        "'+86 hotline,热线,approved,'-- call us,,'-3\n"
        "'@mention,提及,candidate,,'=提及,\n"
        "''=quoted formula,'引用,candidate,,,\n")


def test_without_bom_only_a_cell_that_looks_guarded_changes():
    assert glossary_to_table(formula_glossary()).splitlines()[1:3] == [
        '"=HYPERLINK(""http://x.example"",""grid"")",电网,approved,,,',
        "+86 hotline,热线,approved,-- call us,,-3"]
    assert glossary_to_table(formula_glossary()).splitlines()[-1] == "''=quoted formula,'引用,candidate,,,"


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("to, name", [(ExchangeFormat.CSV, "terms.csv"), (ExchangeFormat.TSV, "terms.tsv")])
def test_guarded_cells_read_back_as_they_were(tmp_path, to, name, bom):
    original = formula_glossary()
    back = import_glossary(write(tmp_path, export_glossary(original, to, statuses=tuple(Status), byte_order_mark=bom),
                                 name=name))
    assert back.terms == original.terms


def test_a_forbidden_column_lists_renderings_several_to_a_cell(tmp_path):
    path = write(tmp_path, "English,Chinese,Status,Do not use\n"
                           "Power-to-Gas,电转气,approved,电力到燃气 | 电制气\n"
                           "grid,电网,candidate,网格；电网\n")
    assert [(e.source, e.forbidden) for e in read_table(path).terms] == [
        ("Power-to-Gas", ["电力到燃气", "电制气"]), ("grid", ["网格"])]  # an allowed rendering is never forbidden


def test_terms_without_a_status_come_in_as_the_caller_says(tmp_path):
    path = write(tmp_path, "en,zh,status\nV2G,车网互动,\nload shedding,,\ngrid,电网,candidate\n")
    assert [(e.source, e.status) for e in read_table(path, unstated=Status.APPROVED).terms] == [
        ("V2G", Status.APPROVED), ("load shedding", Status.CANDIDATE), ("grid", Status.CANDIDATE)]
    assert {e.status for e in read_table(path).terms} == {Status.CANDIDATE}
