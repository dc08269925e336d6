"""`glossary export` and `glossary import` from the command line: files, merges, exit codes, messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from glossary_cli.cli.common import app
from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary

DATA = Path(__file__).parent / "data"

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: vehicle-to-grid
    target: [车网互动, 车辆到电网]
    status: approved
    note: V2G in short
    forbidden: [车对网]
  - source: grid
    target: 电网
    status: candidate
  - source: smart meter
    target: 智能电表
    status: rejected
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


# ---------------------------------------------------------------- export

def test_export_tbx_to_stdout_validates(runner, workdir):
    result = run(runner, "export", "g.yaml", "--to", "tbx")
    assert result.exit_code == 0, result.output
    schema = etree.RelaxNG(etree.parse(str(DATA / "TBXcoreStructV03.rng")))
    assert schema.validate(etree.fromstring(result.stdout.encode("utf-8")))
    assert "<term>车网互动</term>" in result.stdout and "<term>电网</term>" not in result.stdout  # approved only
    assert result.stderr == ""


def test_export_csv_file_with_bom(runner, workdir):
    result = run(runner, "export", "g.yaml", "--to", "csv", "--bom", "--status", "all", "-o", "out/terms.csv")
    assert result.exit_code == 0, result.output
    assert result.stderr == "out/terms.csv: exported 3 entries as csv\n"
    assert Path("out/terms.csv").read_bytes().decode("utf-8") == (
        "\ufeffen,zh,status,note,forbidden\n"
        "vehicle-to-grid,车网互动,approved,V2G in short,车对网\n"
        "vehicle-to-grid,车辆到电网,approved,,\n"
        "grid,电网,candidate,,\n"
        "smart meter,智能电表,rejected,,\n")


def test_export_tsv_of_chosen_statuses(runner, workdir):
    result = run(runner, "export", "g.yaml", "--to", "tsv", "--status", "candidate", "--status", "rejected")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("en\tzh\tstatus\tnote\tforbidden\n"
                             "grid\t电网\tcandidate\t\t\nsmart meter\t智能电表\trejected\t\t\n")


def test_export_refuses_to_overwrite_its_own_glossary(runner, workdir):
    result = run(runner, "export", "g.yaml", "--to", "csv", "-o", "g.yaml")
    assert (result.exit_code, result.stderr) == (
        2, "error: -o g.yaml would overwrite the glossary being exported; choose another file\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_export_overwrites_an_earlier_export_but_no_file_of_another_kind(runner, workdir):
    Path("team.yaml").write_text(GLOSSARY, encoding="utf-8")  # another glossary, named by a slip of -o
    Path("docs.po").write_text('msgid "grid"\nmsgstr "电网"\n', encoding="utf-8")
    for other in ("team.yaml", "docs.po"):
        result = run(runner, "export", "g.yaml", "--to", "csv", "-o", other)
        assert (result.exit_code, result.stderr) == (2, (
            f"error: -o {other} exists and is no earlier csv export (a {Path(other).suffix} file); export overwrites "
            "only a .csv or .txt file that is empty or holds an earlier export (a first row naming the en and zh "
            "columns and status): choose another file or delete it first\n"))
    assert Path("team.yaml").read_text(encoding="utf-8") == GLOSSARY
    assert run(runner, "export", "g.yaml", "--to", "csv", "-o", "terms.csv").exit_code == 0
    assert run(runner, "export", "g.yaml", "--to", "csv", "-o", "terms.csv").exit_code == 0  # this release's export


def test_export_errors(runner, workdir):
    missing = run(runner, "export", "nope.yaml", "--to", "tbx")
    assert (missing.exit_code, missing.stderr) == (2, "error: nope.yaml: no such glossary file\n")
    unknown = run(runner, "export", "g.yaml", "--to", "xlsx")
    assert unknown.exit_code == 2 and "xlsx" in unknown.stderr
    bom = run(runner, "export", "g.yaml", "--to", "tbx", "--bom")
    assert (bom.exit_code, bom.stderr) == (
        2, "error: --bom is for CSV/TSV files opened in Excel; TBX is XML and declares its encoding\n")



def test_export_tbx_refuses_a_control_character_naming_the_entry(runner, workdir):
    # in a note: validate refuses one in a term before export is reached (GV010)
    Path("c.yaml").write_text('glossary: 1\nterms:\n  - source: ok\n    target: 好\n    status: approved\n'
                              '  - source: ctrl char\n    target: 控制\n    status: approved\n'
                              '    note: "ring \\u0007"\n', encoding="utf-8")
    result = run(runner, "export", "c.yaml", "--to", "tbx", "-o", "c.tbx")
    assert (result.exit_code, result.stderr) == (
        2, 'error: c.yaml:9: entry "ctrl char" has the control character U+0007 in its note, which TBX '
           "(XML) cannot hold; remove it from the glossary and export again\n")
    assert not Path("c.tbx").exists()


@pytest.mark.parametrize("command", [["export", "g.yaml", "--to", "csv"], ["import", "terms.csv"]])
def test_dash_output_means_stdout(runner, workdir, command):
    Path("terms.csv").write_text("en,zh,status\ngrid,电网,approved\n", encoding="utf-8")
    result = run(runner, *command, "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout == run(runner, *command).stdout
    assert not Path("-").exists()


def test_export_of_rejected_terms_alone_as_tbx_is_a_usage_error_and_writes_nothing(runner, workdir):
    result = run(runner, "export", "g.yaml", "--to", "tbx", "--status", "rejected", "-o", "out.tbx")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", "error: g.yaml: nothing to export: a TBX termbase holds no rejected terms; export them with --to csv "
               "--status rejected\n")
    assert not Path("out.tbx").exists()
    assert run(runner, "export", "g.yaml", "--to", "tbx", "--status", "rejected").stdout == ""


def test_export_warns_when_the_status_filter_matches_nothing(runner, workdir):
    Path("none.yaml").write_text("glossary: 1\nterms:\n  - source: grid\n    status: candidate\n", encoding="utf-8")
    result = run(runner, "export", "none.yaml", "--to", "tbx", "-o", "none.tbx")
    assert result.stderr == ("none.tbx: exported 0 entries as tbx (approved only; 1 candidate left out: --status all "
                             "exports them)\n"
                             "warning: none.yaml: nothing exported: no approved entries\n")


# ---------------------------------------------------------------- import

def test_import_tbx_into_a_new_glossary(runner, workdir):
    run(runner, "export", "g.yaml", "--to", "tbx", "-o", "terms.tbx")
    result = run(runner, "import", "terms.tbx", "-o", "glossaries/imported.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == "glossaries/imported.yaml: 1 entry (1 approved, 0 other) imported from terms.tbx\n"
    (entry,) = load_glossary("glossaries/imported.yaml").terms
    assert (entry.source, entry.target, entry.forbidden, entry.note, entry.status) == (
        "vehicle-to-grid", ["车网互动", "车辆到电网"], ["车对网"], "V2G in short", Status.APPROVED)


def test_import_to_stdout(runner, workdir):
    Path("terms.csv").write_text("en,zh,status\ngrid,电网,approved\n", encoding="utf-8")
    result = run(runner, "import", "terms.csv")
    assert result.exit_code == 0, result.output
    assert "  - source: grid\n    target: 电网\n    status: approved\n" in result.stdout


def test_import_merges_into_an_existing_glossary(runner, workdir):
    Path("terms.csv").write_text("en,zh,status,note\ngrid,电网,approved,from the TB\nstorage,储能,approved,\n",
                                 encoding="utf-8")
    result = run(runner, "import", "terms.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == "g.yaml: merged 2 entries (2 approved, 0 other) from terms.csv (1 new, 1 changed)\n"
    entries = {entry.source: entry for entry in load_glossary("g.yaml").terms}
    assert entries["grid"].status is Status.APPROVED  # the termbase's decision replaces the candidate
    assert entries["storage"].target == ["储能"]
    assert entries["vehicle-to-grid"].forbidden == ["车对网"]  # untouched


def test_import_conflict_is_reported_and_nothing_is_written(runner, workdir):
    Path("terms.csv").write_text("en,zh,status\nvehicle-to-grid,电动车入网,approved\n", encoding="utf-8")
    result = run(runner, "import", "terms.csv", "-o", "g.yaml")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith('error: conflict: "vehicle-to-grid": approved with different targets')
    assert lines[0].endswith('terms.csv:2 approved "电动车入网")')  # the row to look at
    assert lines[-1] == "error: 1 conflict; nothing written. Settle it in g.yaml or terms.csv and import again"
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_import_of_another_language_pair_into_a_glossary_is_refused(runner, workdir):
    Path("terms.csv").write_text("en,es\ngrid,red\n", encoding="utf-8")
    result = run(runner, "import", "terms.csv", "-o", "g.yaml", "--target-lang", "es")
    assert (result.exit_code, result.stderr) == (
        2, "error: g.yaml is for en -> zh but terms.csv was read as en -> es; pass --source-lang/--target-lang\n")


def test_import_astronomy_example_needs_a_target_language(runner, workdir):
    example = DATA / "Example_Astronomy_DCA_VALID.tbx"
    refused = run(runner, "import", example, "-o", "astro.yaml")
    assert refused.exit_code == 2
    assert refused.stderr == (f"error: {example}: no zh terms in this termbase (languages: en (55 terms), "
                              "es (52 terms), zu (6 terms)); pass --target-lang to choose the target language\n")
    result = run(runner, "import", example, "-o", "astro.yaml", "--target-lang", "es")
    assert result.exit_code == 0, result.output
    assert f"warning: {example}:1611: 6 concept(s) with no en term (or only deprecated ones) skipped (first one here)" in result.stderr
    assert len(load_glossary("astro.yaml").terms) == 39


@pytest.mark.parametrize("name, content, message", [
    ("cut.tbx", '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en">\n<text><body>',
     "error: cut.tbx:3:13: malformed TBX: no element found (the file is truncated or not closed)\n"),
    ("bomb.tbx", '<?xml version="1.0"?>\n<!DOCTYPE tbx [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;">\n]>\n<tbx/>',
     "error: bomb.tbx:3: TBX declares the entity 'a'; entity declarations are refused (they can expand "
     "without bound or read other files)\n"),
    ("terms.csv", "en,zh,status\ngrid,电网,maybe\n",
     "error: terms.csv:2: unknown status 'maybe'; use approved, candidate, rejected or forbidden\n"),
    ("terms.docx", "x", "error: cannot tell the format of terms.docx from its extension; pass --from tbx, csv or tsv\n"),
])
def test_bad_files_exit_2_with_one_located_line(runner, workdir, name, content, message):
    Path(name).write_text(content, encoding="utf-8")
    result = run(runner, "import", name, "-o", "g.yaml")
    assert (result.exit_code, result.stderr) == (2, message)
    assert "Traceback" not in result.output
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_missing_termbase(runner, workdir):
    result = run(runner, "import", "nope.tbx", "-o", "new.yaml")
    assert (result.exit_code, result.stderr) == (2, "error: nope.tbx: no such file\n")
    assert not Path("new.yaml").exists()


SOURCE_AS_TARGET = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: V2G
    target: [车网互动, V2G]
    status: approved
  - source: WRI
    target: WRI
    status: approved
  - source: ESG
    status: approved
    keep_source: true
  - source: grid
    target: 电网
    status: candidate
"""


@pytest.mark.parametrize("to", ["csv", "tsv", "tbx"])
def test_export_then_import_into_the_same_glossary_changes_nothing(runner, workdir, to):
    Path("s.yaml").write_text(SOURCE_AS_TARGET, encoding="utf-8")
    assert run(runner, "export", "s.yaml", "--to", to, "--status", "approved", "--status", "candidate",
               "-o", f"s.{to}").exit_code == 0
    result = run(runner, "import", f"s.{to}", "-o", "s.yaml")
    assert result.exit_code == 0, result.output
    assert Path("s.yaml").read_text(encoding="utf-8") == SOURCE_AS_TARGET


def test_a_kept_source_is_named_in_a_conflict(runner, workdir):
    Path("terms.csv").write_text("en,zh,status,keep_source\nvehicle-to-grid,vehicle-to-grid,approved,true\n",
                                 encoding="utf-8")
    result = run(runner, "import", "terms.csv", "-o", "g.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        'error: conflict: "vehicle-to-grid": approved with different targets (g.yaml:4 approved "车网互动" / "车辆到电网", '
        'forbids 车对网; terms.csv:2 approved "vehicle-to-grid" (keep_source))')


def test_a_tbx_conflict_names_the_concept_entry_line(runner, workdir):
    Path("terms.tbx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
        '<termEntry id="t1">\n'
        '  <langSet xml:lang="en"><tig><term>vehicle-to-grid</term></tig></langSet>\n'
        '  <langSet xml:lang="zh"><tig><term>电动车入网</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>\n'
        '</termEntry>\n</body></text></martif>\n', encoding="utf-8")
    result = run(runner, "import", "terms.tbx", "-o", "g.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith('terms.tbx:3 approved "电动车入网")')


def test_export_refuses_a_glossary_that_contradicts_itself(runner, workdir):
    Path("bad.yaml").write_text("glossary: 1\nterms:\n  - source: V2G\n    target: 车网互动\n    status: approved\n"
                                "  - source: V2G\n    target: 车辆到电网\n    status: approved\n", encoding="utf-8")
    result = run(runner, "export", "bad.yaml", "--to", "csv", "-o", "out.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith('error: bad.yaml:7:13: "V2G" is approved twice with different targets')
    assert not Path("out.csv").exists()


def test_export_warns_once_about_fields_the_format_cannot_hold(runner, workdir):
    Path("cs.yaml").write_text("glossary: 1\nterms:\n  - source: Cell\n    target: 单元格\n    status: approved\n"
                               "    case_sensitive: true\n", encoding="utf-8")
    result = run(runner, "export", "cs.yaml", "--to", "tbx", "-o", "cs.tbx")
    assert result.exit_code == 0, result.output
    assert result.stderr == ("warning: cs.yaml: not representable in tbx, left out: case_sensitive of 1 entry "
                             "(the glossary keeps them)\ncs.tbx: exported 1 entry as tbx\n")
    result = run(runner, "export", "cs.yaml", "--to", "csv")
    assert (result.stderr, result.stdout) == ("", "en,zh,status,note,forbidden,case_sensitive\n"
                                              "Cell,单元格,approved,,,true\n")


SYNC = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: dashboard
    target: 仪表板
    status: approved
    note: |-
      Use in UI strings.

      See style guide, section 3.
  - source: drive
    target: 驱动器
    status: approved
    note: "Not 硬盘  (double space)."
  - source: "Tab\\tterm"
    target: "制表\\t符"
    status: approved
"""


def test_importing_a_glossarys_own_tbx_back_into_it_changes_nothing(runner, workdir):
    Path("sync.yaml").write_text(SYNC, encoding="utf-8")
    assert run(runner, "export", "sync.yaml", "--to", "tbx", "-o", "sync.tbx").exit_code == 0
    result = run(runner, "import", "sync.tbx", "-o", "sync.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == "sync.yaml: merged 3 entries (3 approved, 0 other) from sync.tbx (0 new, 0 changed)\n"
    assert Path("sync.yaml").read_text(encoding="utf-8") == SYNC


@pytest.mark.parametrize("to", ["csv", "tsv", "tbx"])
def test_a_kept_source_and_the_english_as_a_target_come_back_apart_in_a_new_glossary(runner, workdir, to):
    Path("s.yaml").write_text(SOURCE_AS_TARGET, encoding="utf-8")
    assert run(runner, "export", "s.yaml", "--to", to, "-o", f"s.{to}").exit_code == 0
    assert run(runner, "import", f"s.{to}", "-o", "new.yaml").exit_code == 0
    entries = {entry.source: entry for entry in load_glossary("new.yaml").terms}
    assert (entries["V2G"].target, entries["V2G"].keep_source) == (["车网互动", "V2G"], False)
    assert (entries["WRI"].target, entries["WRI"].keep_source) == (["WRI"], False)
    assert (entries["ESG"].target, entries["ESG"].keep_source) == ([], True)


EXCHANGE = DATA / "exchange"


@pytest.mark.parametrize("name, problem", [
    ("h5.csv", 'h5.csv:2: entry "ESG" is approved but has no target; add one, set keep_source: true, '
               "or set status: candidate"),
    ("homonym.tbx", 'homonym.tbx:6: "cell" is approved twice with different targets ("细胞" at line 4, "电池" '
                    "here); merge them into one entry with a target list"),
])
@pytest.mark.parametrize("output", ["new.yaml", "-"])
def test_a_termbase_validate_would_refuse_is_not_imported(runner, workdir, name, problem, output):
    (workdir / name).write_bytes((EXCHANGE / name).read_bytes())
    result = run(runner, "import", name, "-o", output)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: {problem}\nerror: 1 problem that validate and check would refuse; nothing "
                             f"written. Correct it in {name} and import again\n")
    assert not Path("new.yaml").exists()


def test_a_csv_file_imported_as_tsv_says_to_pass_from_csv(runner, workdir):
    (workdir / "rich.csv").write_bytes((EXCHANGE / "rich.csv").read_bytes())
    result = run(runner, "import", "rich.csv", "--from", "tsv")
    assert (result.exit_code, result.stderr) == (
        2, "error: rich.csv:1: read as TSV, the first row names no columns (1 cell: 'en,zh,status,note'); "
           "the file looks comma-separated: pass --from csv\n")
    assert run(runner, "import", "rich.csv", "--from", "csv").exit_code == 0


@pytest.mark.parametrize("name", ["h2.csv", "h8.csv"])
def test_cat_tool_headers_naming_languages_are_imported(runner, workdir, name):
    (workdir / name).write_bytes((EXCHANGE / name).read_bytes())
    result = run(runner, "import", name, "-o", "new.yaml")
    assert (result.exit_code, result.stderr) == (
        0, f"new.yaml: 1 entry ({'1 approved, 0' if name == 'h2.csv' else '0 approved, 1'} other) imported from {name}\n")
    (entry,) = load_glossary("new.yaml").terms
    assert (entry.source, entry.target) == ("smart grid", ["智能电网"])


def test_an_unknown_column_is_named_in_a_warning(runner, workdir):
    (workdir / "h1.tsv").write_bytes((EXCHANGE / "h1.tsv").read_bytes())
    result = run(runner, "import", "h1.tsv", "-o", "new.yaml")
    assert (result.exit_code, result.stderr) == (
        0, 'warning: h1.tsv: 1 column not imported: "Remarks"; to keep it, name it note, a field such as '
           "definition, or x-NAME for a field of your own\n"
           "new.yaml: 1 entry (1 approved, 0 other) imported from h1.tsv\n")


def test_column_options_name_the_term_columns_and_are_refused_for_tbx(runner, workdir):
    Path("terms.csv").write_text("Begriff,Übersetzung\ngrid,电网\n", encoding="utf-8")
    result = run(runner, "import", "terms.csv", "--source-column", "Begriff", "--target-column", "Übersetzung")
    assert result.exit_code == 0, result.output
    assert "  - source: grid\n    target: 电网\n" in result.stdout
    run(runner, "export", "g.yaml", "--to", "tbx", "-o", "g.tbx")
    refused = run(runner, "import", "g.tbx", "--source-column", "Begriff")
    assert (refused.exit_code, refused.stderr) == (
        2, "error: --source-column is for CSV/TSV tables; a TBX termbase names the language of each term "
           "(choose them with --source-lang/--target-lang)\n")


def test_dash_reads_the_table_from_standard_input(runner, workdir):
    table = (EXCHANGE / "rich.csv").read_bytes()
    result = runner.invoke(app, ["import", "-", "--from", "csv", "-o", "piped.yaml"], input=table)
    assert (result.exit_code, result.stderr) == (0, "piped.yaml: 9 entries (7 approved, 2 other) imported from <stdin>\n")
    Path("rich.csv").write_bytes(table)
    assert run(runner, "import", "rich.csv", "-o", "named.yaml").exit_code == 0
    assert load_glossary("piped.yaml").terms == load_glossary("named.yaml").terms


def test_standard_input_needs_from_and_is_named_in_errors(runner, workdir):
    missing = runner.invoke(app, ["import", "-"], input=b"en,zh\ngrid,\xe7\x94\xb5\xe7\xbd\x91\n")
    assert (missing.exit_code, missing.stderr) == (
        2, "error: reading standard input (-): pass --from tbx, csv or tsv to say its format\n")
    bad = runner.invoke(app, ["import", "-", "--from", "csv"], input="en,zh,status\ngrid,电网,maybe\n")
    assert (bad.exit_code, bad.stderr) == (
        2, "error: <stdin>:2: unknown status 'maybe'; use approved, candidate, rejected or forbidden\n")
    run(runner, "export", "g.yaml", "--to", "tbx", "-o", "g.tbx")
    tbx = runner.invoke(app, ["import", "-", "--from", "tbx"], input=Path("g.tbx").read_bytes())
    assert tbx.exit_code == 0, tbx.output
    assert "  - source: vehicle-to-grid\n" in tbx.stdout


def test_excel_unicode_text_is_imported_without_an_encoding_option(runner, workdir):
    (workdir / "excel_tab.tsv").write_bytes((EXCHANGE / "excel_tab.tsv").read_bytes())  # UTF-16 LE with BOM
    result = run(runner, "import", "excel_tab.tsv", "-o", "new.yaml")
    assert (result.exit_code, result.stderr) == (0, "new.yaml: 2 entries (2 approved, 0 other) imported from excel_tab.tsv\n")
    assert [(e.source, e.target, e.forbidden, e.note) for e in load_glossary("new.yaml").terms] == [
        ("smart grid", ["智能电网"], [], "multi\nline note"), ("grid", ["电网"], ["网格"], "a; b")]


def test_export_tbx_of_rejected_and_approved_names_the_rejected_left_out(runner, workdir):
    result = run(runner, "export", "g.yaml", "--to", "tbx", "--status", "rejected", "--status", "approved",
                 "-o", "g.tbx")
    assert (result.exit_code, result.stderr) == (
        0, "warning: g.yaml: 1 rejected entry not exported: a TBX termbase holds no rejected terms; export them "
           "with --to csv --status rejected\ng.tbx: exported 1 entry as tbx\n")


def test_export_for_excel_keeps_formulas_text_and_import_takes_them_back(runner, workdir):
    (workdir / "formula.yaml").write_bytes((EXCHANGE / "formula.yaml").read_bytes())
    assert run(runner, "export", "formula.yaml", "--to", "csv", "--bom", "-o", "excel.csv").exit_code == 0
    assert Path("excel.csv").read_text(encoding="utf-8") == (
        "\ufeffen,zh,status,note,forbidden\n"
        '"\'=HYPERLINK(""http://x.example"",""grid"")",电网,approved,,\n'
        "'+86 hotline,热线,approved,,\n")
    result = run(runner, "import", "excel.csv", "-o", "formula.yaml")
    assert result.exit_code == 0, result.output
    assert Path("formula.yaml").read_bytes() == (EXCHANGE / "formula.yaml").read_bytes()
    assert "OWASP" in run(runner, "export", "--help").stdout


def test_import_of_a_decided_table_without_statuses_can_approve_it_at_once(runner, workdir):
    Path("decided.csv").write_text("English,Chinese\nload shedding,甩负荷\n", encoding="utf-8")
    result = run(runner, "import", "decided.csv", "--unstated", "approved", "-o", "new.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == "new.yaml: 1 entry (1 approved, 0 other) imported from decided.csv\n"
    assert run(runner, "import", "decided.csv", "--unstated", "rejected").exit_code == 2


def test_a_term_cell_may_list_several_renderings_apart_by_a_bar(runner, workdir):
    """The reference lists eval reads write `zh|zh2`: imported, that is two targets, not one with a `|`."""
    Path("ref.tsv").write_text("en\tzh\tstatus\ncoronavirus\t冠状病毒|新型冠状病毒\tapproved\n", encoding="utf-8")
    assert run(runner, "import", "ref.tsv", "-o", "ref.yaml").exit_code == 0
    (entry,) = load_glossary("ref.yaml").terms
    assert entry.target == ["冠状病毒", "新型冠状病毒"]
