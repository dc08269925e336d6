"""Import and export as a user meets them: what a termbase or table decided reaches the glossary
(a forbidden rendering stays forbidden, a reviewer's ban attaches to the approved term), what the
importer cannot carry is named, and nothing validate would refuse is ever written."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary
from support import write_here

DATA = Path(__file__).parent / "data"
EXCHANGE = DATA / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def entries_of(path: str) -> dict:
    return {entry.source: entry for entry in load_glossary(path).terms}


# ---------------------------------------------------------------- TBX statuses in other fields

def test_a_multiterm_status_field_keeps_forbidden_renderings_forbidden(runner, workdir):
    # MultiTerm writes its status picklist as <descrip type="Status">Approved|Forbidden</descrip> in each ntig
    result = run(runner, "import", EXCHANGE / "multiterm16.tbx", "--unstated", "approved", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    smart_grid = entries_of("g.yaml")["smart grid"]
    assert (smart_grid.target, smart_grid.forbidden, smart_grid.status) == (["智能电网"], ["聪明电网"], Status.APPROVED)


def test_an_unknown_value_in_a_status_field_stops_the_import_at_the_term(runner, workdir):
    write_here("draft.tbx", """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
<text><body>
<termEntry id="_1">
  <langSet xml:lang="en"><ntig><termGrp><term>smart grid</term></termGrp></ntig></langSet>
  <langSet xml:lang="zh">
    <ntig><termGrp><term>智能电网</term></termGrp><descrip type="Usage Status">Draft</descrip></ntig>
  </langSet>
</termEntry>
</body></text></martif>
""")
    result = run(runner, "import", "draft.tbx", "-o", "g.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: draft.tbx:7: term \"智能电网\" has the unknown Usage Status 'Draft'; "
                                    "use ")
    assert not Path("g.yaml").exists()


# ---------------------------------------------------------------- CSV x- columns

def test_an_x_column_naming_a_key_the_glossary_reads_itself_is_refused_at_the_header(runner, workdir):
    write_here("xcol.csv", "en,zh,status,x-status,x-target,x-score\nfoo,富,candidate,approved,假,high\n")
    result = run(runner, "import", "xcol.csv", "-o", "g.yaml")
    assert (result.exit_code, result.stderr) == (
        2, 'error: xcol.csv:1: columns "x-status", "x-target", "x-score" would write the glossary\'s own keys '
           "status, target, score, not keys of your own (x-NAME is the key NAME); rename them: x-x-status "
           "keeps the key x-status\n")
    assert not Path("g.yaml").exists()


def test_an_x_column_one_letter_off_a_known_key_is_refused_too(runner, workdir):
    write_here("xcol.csv", "en,zh,x-forbiden,x-reviewer\nfoo,富,贵,Li\n")
    result = run(runner, "import", "xcol.csv")
    assert (result.exit_code, result.stderr) == (
        2, 'error: xcol.csv:1: column "x-forbiden" would write the key forbiden, a misspelling of the glossary\'s '
           "own key forbidden, not a key of your own (x-NAME is the key NAME); rename it: x-x-forbiden keeps the "
           "key x-forbiden\n")
    assert result.stdout == ""


def test_import_never_writes_a_glossary_validate_refuses(runner, workdir):
    # Each side is fine alone; together the English variant V2G would also be an entry's source.
    glossary = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n  - source: vehicle-to-grid\n"
                "    target: 车网互动\n    status: approved\n    source_variants: [V2G]\n")
    write_here("g.yaml", glossary)
    write_here("t.csv", "en,zh,status\nV2G,车辆到电网,approved\n")
    result = run(runner, "import", "t.csv", "-o", "g.yaml")
    assert (result.exit_code, result.stderr) == (
        2, 'error: g.yaml as the import would write it, line 7: variant "V2G" of "vehicle-to-grid" is also the '
           "source of the entry at line 8; keep it in one place\n"
           "error: 1 problem that validate and check would refuse; nothing written. Settle it in g.yaml or t.csv "
           "and import again\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == glossary


def test_a_problem_the_glossary_had_before_does_not_stop_an_import(runner, workdir):
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n  - source: grid\n"
                         "    status: approved\n")
    write_here("t.csv", "en,zh,status\nstorage,储能,approved\n")
    result = run(runner, "import", "t.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "g.yaml: merged 1 entry (1 approved, 0 other) from t.csv (1 new, 0 changed)\n"
        'warning: g.yaml:5:13: entry "grid" is approved but has no target; add one, set keep_source: true, or '
        "set status: candidate\n")


# ---------------------------------------------------------------- a rendering both allowed and forbidden

def test_a_table_that_allows_and_forbids_one_rendering_is_refused_at_the_forbidden_row(runner, workdir):
    write_here("c1.csv", "en,zh,status\nfoo,富,approved\nfoo,富,forbidden\n")
    result = run(runner, "import", "c1.csv", "-o", "g.yaml")
    assert (result.exit_code, result.stderr) == (
        2, 'error: c1.csv:3: this row forbids "富" for "foo", which row 2 lists as approved; a rendering is '
           "allowed or forbidden, not both: remove one of the rows\n")
    assert not Path("g.yaml").exists()


def test_a_forbidden_cell_that_repeats_an_allowed_rendering_is_named_in_a_warning(runner, workdir):
    write_here("c2.csv", "en,zh,status,forbidden\nfoo,富,candidate,贵|富\n")
    result = run(runner, "import", "c2.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ('warning: c2.csv:2: the forbidden cell names "富" for "foo", which row 2 lists as '
                             "candidate; kept allowed, not forbidden\n"
                             "g.yaml: 1 entry (0 approved, 1 other) imported from c2.csv\n")
    assert entries_of("g.yaml")["foo"].forbidden == ["贵"]


def test_a_concept_that_prefers_and_deprecates_one_term_is_refused_at_the_deprecated_term(runner, workdir):
    write_here("c.tbx", """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<text><body>
<conceptEntry id="a">
  <langSec xml:lang="en"><termSec><term>foo</term></termSec></langSec>
  <langSec xml:lang="zh">
    <termSec><term>富</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>富</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>
""")
    result = run(runner, "import", "c.tbx", "-o", "g.yaml")
    assert (result.exit_code, result.stderr) == (
        2, 'error: c.tbx:8: term "富" is deprecatedTerm-admn-sts here and preferredTerm-admn-sts at line 7 of the '
           "same concept; a rendering is allowed or forbidden, not both: remove one of the terms\n")
    assert not Path("g.yaml").exists()


# ---------------------------------------------------------------- importing into a reviewed glossary

REVIEWED = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: green transition
    target: 绿色转型
    status: approved
  - source: V2G
    target: [V2G, 车网互动]
    status: approved
"""


def test_a_ban_added_in_the_cat_tool_attaches_to_the_approved_term_and_check_enforces_it(runner, workdir):
    write_here("g.yaml", REVIEWED)
    write_here("bans.csv", "en,zh,status\ngreen transition,绿色过渡,forbidden\n")
    result = run(runner, "import", "bans.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == "g.yaml: merged 1 entry (1 approved, 0 other) from bans.csv (0 new, 1 changed)\n"
    (entry,) = [entry for entry in load_glossary("g.yaml").terms if entry.source == "green transition"]
    assert (entry.target, entry.status, entry.forbidden) == (["绿色转型"], Status.APPROVED, ["绿色过渡"])
    write_here("text.tsv", "en\tzh\nThe green transition is here.\t绿色过渡已经到来。\n")
    checked = run(runner, "check", "g.yaml", "text.tsv")
    assert checked.exit_code == 1 and "绿色过渡" in checked.stdout


def test_a_ban_on_an_approved_rendering_is_still_a_conflict(runner, workdir):
    write_here("g.yaml", REVIEWED)
    write_here("bans.csv", "en,zh,status\ngreen transition,绿色转型,forbidden\n")
    result = run(runner, "import", "bans.csv", "-o", "g.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith('error: conflict: "green transition": one approves a rendering the other forbids')
    assert Path("g.yaml").read_text(encoding="utf-8") == REVIEWED


def test_a_termbase_listing_some_of_an_approved_terms_targets_is_no_conflict(runner, workdir):
    write_here("g.yaml", REVIEWED)
    write_here("tb.csv", "en,zh,status\nV2G,车网互动,approved\n")
    result = run(runner, "import", "tb.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ('warning: tb.csv:2: "V2G" is approved here as "车网互动" only; g.yaml approves '
                             '"V2G" / "车网互动" and keeps them all\n'
                             "g.yaml: merged 1 entry (1 approved, 0 other) from tb.csv (0 new, 0 changed)\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == REVIEWED


def test_a_termbase_approving_another_target_is_still_a_conflict(runner, workdir):
    write_here("g.yaml", REVIEWED)
    write_here("tb.csv", "en,zh,status\nV2G,车网互动,approved\nV2G,车辆到电网,approved\n")
    result = run(runner, "import", "tb.csv", "-o", "g.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith('error: conflict: "V2G": approved with different target lists')


# ---------------------------------------------------------------- TBX data the glossary has no field for

ASTRONOMY = DATA / "Example_Astronomy_DCA_VALID.tbx"


def test_tbx_import_names_what_it_leaves_out_per_data_category(runner, workdir):
    # Counted with ElementTree in the concepts that have an English term, at concept level and in
    # the en and es sections: 292 transacGrp, 178 admin source, 104 context, 34 xGraphic, 25 termType,
    # and the 38 Spanish definitions (an entry holds the English one; there are 36, all taken).
    result = run(runner, "import", ASTRONOMY, "--target-lang", "es", "-o", "astro.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1] == (
        f"warning: {ASTRONOMY}: not imported, as no glossary field holds them: transacGrp (292), "
        "admin source (178), descrip context (104), descrip definition in es (38), xref xGraphic (34), "
        "termNote termType (25)")


def test_the_indentation_of_a_pretty_printed_termbase_is_not_kept_in_definitions_and_notes(runner, workdir):
    run(runner, "import", ASTRONOMY, "--target-lang", "es", "-o", "astro.yaml")
    entries = entries_of("astro.yaml")
    assert entries["open cluster"].extra["definition"] == "A group of stars formed together in the spiral arms of a galaxy."
    assert "\t" not in "".join(entry.note or "" for entry in entries.values())


def test_a_definition_is_read_whatever_the_case_of_its_data_category(runner, workdir):
    result = run(runner, "import", EXCHANGE / "multiterm16.tbx", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert entries_of("g.yaml")["smart grid"].extra["definition"] == "A grid with digital control."


# ---------------------------------------------------------------- TBX-Basic export of keep_source

TBX_BASIC_TERM_TYPES = {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}
KEEPS = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: ESG
    keep_source: true
    status: approved
  - source: V2G
    target: [V2G, 车网互动]
    status: approved
"""


def test_keep_source_is_marked_in_a_way_tbx_basic_allows_and_comes_back(runner, workdir):
    from lxml import etree

    write_here("g.yaml", KEEPS)
    assert run(runner, "export", "g.yaml", "--to", "tbx", "-o", "g.tbx").exit_code == 0
    document = etree.parse("g.tbx")
    assert document.getroot().get("type") == "TBX-Basic"
    assert etree.RelaxNG(etree.parse(str(DATA / "TBXcoreStructV03.rng"))).validate(document)
    namespaces = {"tbx": "urn:iso:std:iso:30042:ed-2"}
    term_types = {note.text for note in document.iterfind(".//tbx:termNote[@type='termType']", namespaces)}
    assert term_types <= TBX_BASIC_TERM_TYPES
    result = run(runner, "import", "g.tbx", "-o", "back.yaml")
    assert result.exit_code == 0, result.output
    back = entries_of("back.yaml")
    assert (back["ESG"].keep_source, back["ESG"].target, back["ESG"].note) == (True, [], None)
    assert (back["V2G"].keep_source, back["V2G"].target) == (False, ["V2G", "车网互动"])


def test_a_termbase_an_earlier_version_marked_with_termtype_internationalism_still_keeps_the_source(runner, workdir):
    write_here("old.tbx", """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<text><body>
<conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>ESG</term></termSec></langSec>
  <langSec xml:lang="zh"><termSec><term>ESG</term><termNote type="termType">internationalism</termNote>
    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
""")
    result = run(runner, "import", "old.tbx", "-o", "g.yaml")
    assert (result.exit_code, result.stderr) == (0, "g.yaml: 1 entry (1 approved, 0 other) imported from old.tbx\n")
    assert entries_of("g.yaml")["ESG"].keep_source is True


# ---------------------------------------------------------------- Excel's sep= line

def test_a_table_starting_with_excels_sep_line_imports_with_that_delimiter(runner, workdir):
    write_here("memoq.csv", "sep=;\nEnglish_United_States;Chinese_PRC;Status\nsmart grid;智能电网;approved\n"
                            "grid, power;电网;maybe\n")
    result = run(runner, "import", "memoq.csv")
    assert (result.exit_code, result.stderr) == (
        2, "error: memoq.csv:4: unknown status 'maybe'; use approved, candidate, rejected or forbidden\n")
    write_here("memoq.csv", "sep=;\nEnglish_United_States;Chinese_PRC;Status\nsmart grid;智能电网;approved\n")
    result = run(runner, "import", "memoq.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert entries_of("g.yaml")["smart grid"].target == ["智能电网"]


def test_a_header_naming_no_columns_is_quoted_as_written(runner, workdir):
    write_here("odd.csv", "sep=;\nBegriff;Übersetzung\nNetz;电网\n")
    result = run(runner, "import", "odd.csv")
    assert (result.exit_code, result.stderr) == (
        2, "error: odd.csv:2: the first row must name the columns, e.g. en;zh;status;note (found: Begriff;Übersetzung); "
           "name them so, or pass --source-column and --target-column\n")


# ---------------------------------------------------------------- rows without a status

def test_a_row_with_an_empty_status_cell_stays_a_candidate_beside_the_approved_rows(runner, workdir):
    write_here("c2.csv", "en,zh,status\nfoo,贵,forbidden\nfoo,富,approved\nfoo,财,\n")
    result = run(runner, "import", "c2.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    approved, candidate = load_glossary("g.yaml").terms
    assert (approved.target, approved.status, approved.forbidden) == (["富"], Status.APPROVED, ["贵"])
    assert (candidate.target, candidate.status) == (["财"], Status.CANDIDATE)
    result = run(runner, "import", "c2.csv", "--unstated", "approved", "-o", "decided.yaml")
    assert result.exit_code == 0, result.output
    (entry,) = load_glossary("decided.yaml").terms
    assert (entry.target, entry.status, entry.forbidden) == (["富", "财"], Status.APPROVED, ["贵"])


# ---------------------------------------------------------------- the target language's variant

TRADITIONAL = """\
glossary: 1
languages: {source: en, target: zh-TW}
terms:
  - source: software
    target: 軟體
    status: approved
"""


def test_a_traditional_chinese_glossary_comes_back_as_zh_tw(runner, workdir):
    write_here("tw.yaml", TRADITIONAL)
    for fmt in ("tbx", "csv", "tsv"):
        assert run(runner, "export", "tw.yaml", "--to", fmt, "-o", f"tw.{fmt}").exit_code == 0
        result = run(runner, "import", f"tw.{fmt}", "-o", f"back-{fmt}.yaml")
        assert result.exit_code == 0, result.output
        back = load_glossary(f"back-{fmt}.yaml")
        assert (back.languages, back.terms[0].target) == ({"source": "en", "target": "zh-TW"}, ["軟體"])


def test_a_column_named_for_traditional_chinese_gives_its_tag_and_simplified_stays_zh(runner, workdir):
    write_here("hant.csv", "English,Chinese (Traditional)\nsoftware,軟體\n")
    write_here("hans.csv", "English,Chinese (Simplified)\nsoftware,软件\n")
    assert run(runner, "import", "hant.csv", "-o", "hant.yaml").exit_code == 0
    assert run(runner, "import", "hans.csv", "-o", "hans.yaml").exit_code == 0
    assert load_glossary("hant.yaml").languages == {"source": "en", "target": "zh-Hant"}
    assert load_glossary("hans.yaml").languages == {"source": "en", "target": "zh"}


# ---------------------------------------------------------------- small things of the round trip

DATED = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: grid
    target: 电网
    status: approved
    note: "  padded note  "
    reviewed: 2025-01-01
    x-ticket: "2025-02-03"
"""


def test_a_date_in_a_custom_key_travels_through_csv_and_comes_back_a_date(runner, workdir):
    write_here("g.yaml", DATED)
    result = run(runner, "export", "g.yaml", "--to", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == ('en,zh,status,note,forbidden,x-reviewed,x-ticket\n'
                             'grid,电网,approved,  padded note  ,,2025-01-01,"""2025-02-03"""\n')
    write_here("g.csv", result.stdout)
    assert run(runner, "import", "g.csv", "-o", "back.yaml").exit_code == 0
    back = entries_of("back.yaml")["grid"]
    assert back.note == "  padded note  "
    # a date stays a date, a string a string; in a new glossary the column x-ticket is the key ticket
    # (it cannot tell), imported into g.yaml the key x-ticket that g.yaml uses
    assert back.extra == {"reviewed": load_glossary("g.yaml").terms[0].extra["reviewed"], "ticket": "2025-02-03"}
    again = run(runner, "import", "g.csv", "-o", "g.yaml")
    assert again.stderr == "g.yaml: merged 1 entry (1 approved, 0 other) from g.csv (0 new, 0 changed)\n"
    assert Path("g.yaml").read_text(encoding="utf-8") == DATED


def test_importing_a_table_into_itself_is_refused_as_export_refuses_it(runner, workdir):
    write_here("x.csv", "en,zh,status\ngrid,电网,approved\n")
    result = run(runner, "import", "x.csv", "-o", "x.csv")
    assert (result.exit_code, result.stderr) == (
        2, "error: -o x.csv would overwrite the termbase being imported; choose another file\n")
    assert Path("x.csv").read_text(encoding="utf-8") == "en,zh,status\ngrid,电网,approved\n"


# ---------------------------------------------------------------- cells a spreadsheet runs as formulas

def test_a_table_for_cat_tools_keeps_formula_like_cells_as_they_are_and_says_how_to_guard_them(runner, workdir):
    (workdir / "formula.yaml").write_bytes((EXCHANGE / "formula.yaml").read_bytes())
    result = run(runner, "export", "formula.yaml", "--to", "csv", "-o", "cat.csv")
    assert result.exit_code == 0
    assert Path("cat.csv").read_text(encoding="utf-8") == (
        'en,zh,status,note,forbidden\n"=HYPERLINK(""http://x.example"",""grid"")",电网,approved,,\n'
        '+86 hotline,热线,approved,,\n')
    assert result.stderr == (
        "warning: formula.yaml: 2 cells start with =, +, -, @, a tab or a carriage return, which a spreadsheet runs as "
        """a formula (first: '=HYPERLINK("http://x.example","grid")'); written as they are, as a CAT tool """
        "needs them. For Excel, export with --bom, which puts ' before them\n"
        "cat.csv: exported 2 entries as csv\n")
    guarded = run(runner, "export", "formula.yaml", "--to", "csv", "--bom", "-o", "excel.csv")
    assert guarded.stderr == "excel.csv: exported 2 entries as csv\n"


def test_a_note_with_indented_lines_still_comes_back_exactly_from_a_tbx_export(runner, workdir):
    note = "Steps:\n          1. plug in\n\t\t\t\t2. charge"
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n  - source: grid\n"
                         f"    target: 电网\n    status: approved\n    note: {note!r}\n"
                         f"    definition: {note!r}\n".replace("'", '"'))
    assert load_glossary("g.yaml").terms[0].note == note
    assert run(runner, "export", "g.yaml", "--to", "tbx", "-o", "g.tbx").exit_code == 0
    assert run(runner, "import", "g.tbx", "-o", "back.yaml").exit_code == 0
    back = entries_of("back.yaml")["grid"]
    assert (back.note, back.extra["definition"]) == (note, note)


def test_several_terms_listing_some_of_their_approved_targets_share_one_warning(runner, workdir):
    write_here("g.yaml", REVIEWED.replace("target: 绿色转型", "target: [绿色转型, 绿色转变]"))
    write_here("tb.csv", "en,zh,status\ngreen transition,绿色转型,approved\nV2G,车网互动,approved\n")
    result = run(runner, "import", "tb.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        'warning: tb.csv:2: 2 terms list only some of the targets g.yaml approves, which keeps them all (first one '
        'here: "green transition" is approved here as "绿色转型" only)')
