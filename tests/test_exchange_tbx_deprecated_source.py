"""A termbase may mark an English term deprecated (`green transformation` beside the preferred
`green transition`). Import made it a source variant, a spelling check accepts as the approved
term: the one word the termbase bans became allowed (zh-source probe, H3). It went to the note
then; now it is an English wording to avoid (source_forbidden), which check's GL007 enforces in
English translated from Chinese, and export writes back as a deprecated English term."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app

TERMBASE = """\
<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>energy terms</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="zh-CN">
        <termSec><term>绿色转型</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      </langSec>
      <langSec xml:lang="en">
        <termSec><term>green transformation</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
        <termSec><term>green transition</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>green shift</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_a_deprecated_english_term_is_not_imported_as_a_spelling_of_the_term(runner, workdir):
    Path("terms.tbx").write_text(TERMBASE, encoding="utf-8")
    result = runner.invoke(app, ["import", "terms.tbx", "-o", "g.yaml"])
    assert result.exit_code == 0, result.stderr
    text = Path("g.yaml").read_text(encoding="utf-8")
    assert "source: green transition\n" in text and "source_variants: [green shift]" in text
    assert "source_forbidden: [green transformation]" in text and "note:" not in text

    # so check does not take the banned wording for the approved term
    Path("corpus.tsv").write_text("A green transformation of industry.\t产业绿色转变。\n", encoding="utf-8")
    assert runner.invoke(app, ["check", "g.yaml", "corpus.tsv"]).exit_code == 0
    # and a translation from Chinese that uses it is an error
    Path("zh.tsv").write_text("中文\tEnglish\n推动绿色转型。\tDrive the green transformation.\n", encoding="utf-8")
    checked = runner.invoke(app, ["check", "g.yaml", "zh.tsv"])
    assert checked.exit_code == 1
    assert 'GL007' in checked.stdout and '"绿色转型" is translated as forbidden "green transformation"' in checked.stdout

    assert runner.invoke(app, ["export", "g.yaml", "--to", "tbx", "-o", "back.tbx"]).exit_code == 0
    exported = Path("back.tbx").read_text(encoding="utf-8")
    assert ("<term>green transformation</term>\n            <termNote type=\"administrativeStatus\">"
            "deprecatedTerm-admn-sts</termNote>") in exported


def test_english_bans_in_a_table_listing_the_chinese_first_are_wordings_to_avoid(runner, workdir):
    """They became Chinese forbidden renderings: looked for in the Chinese, never found, and
    exported as deprecated Chinese terms (zh-source re-probe, M6)."""
    Path("terms.csv").write_text("zh-CN,en-US,status,note,forbidden\n"
                                 "绿色转型,green transition,approved,,green transformation\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "terms.csv", "-o", "g.yaml"])
    assert result.exit_code == 0, result.stderr
    assert "the table lists the Chinese first, and its forbidden cells without Chinese are taken as en wordings" in result.stderr
    text = Path("g.yaml").read_text(encoding="utf-8")
    assert "  forbidden:" not in text and "source_forbidden: [green transformation]" in text


def test_a_table_listing_the_english_first_keeps_its_latin_bans_as_chinese_renderings(runner, workdir):
    """`App` may well be banned in Chinese text, where 应用 is the house word."""
    Path("terms.csv").write_text("en,zh,status,note,forbidden\napplication,应用,approved,,App\n", encoding="utf-8")
    assert runner.invoke(app, ["import", "terms.csv", "-o", "g.yaml"]).exit_code == 0
    assert "forbidden: [App]" in Path("g.yaml").read_text(encoding="utf-8")


def concept(*english: tuple[str, str]) -> str:
    terms = "".join(f'<termSec><term>{text}</term><termNote type="administrativeStatus">{status}Term-admn-sts'
                    f"</termNote></termSec>" for text, status in english)
    return TERMBASE.replace(TERMBASE[TERMBASE.index('<langSec xml:lang="en">'):TERMBASE.index("</conceptEntry>")],
                            f'<langSec xml:lang="en">{terms}</langSec>\n    ')


def test_a_deprecated_spelling_check_reads_as_the_term_itself_stays_in_the_note(runner, workdir):
    """`e-mail` deprecated beside `email`: as a forbidden wording it would forbid the term itself, and
    validate refused the import (final probe, H1); the note keeps it, as before source_forbidden."""
    Path("terms.tbx").write_text(concept(("e-mail", "deprecated"), ("email", "preferred")), encoding="utf-8")
    result = runner.invoke(app, ["import", "terms.tbx", "-o", "g.yaml"])
    assert result.exit_code == 0, result.stderr
    text = Path("g.yaml").read_text(encoding="utf-8")
    assert "source: email\n" in text and "source_forbidden" not in text and "note: 'e-mail: deprecated en term'" in text


def test_a_concept_whose_english_terms_are_all_deprecated_names_no_entry(runner, workdir):
    """Its deprecated term became the entry's source, so check required the banned wording (final probe, M1)."""
    Path("terms.tbx").write_text(concept(("green transformation", "deprecated")), encoding="utf-8")
    result = runner.invoke(app, ["import", "terms.tbx", "-o", "g.yaml"])
    assert "1 concept(s) with no en term (or only deprecated ones) skipped" in result.stderr
    assert "green transformation" not in Path("g.yaml").read_text(encoding="utf-8")


def test_a_chinese_first_table_mixing_chinese_and_english_bans_reads_each_cell_for_what_it_is(runner, workdir):
    """One Chinese ban in the column made every English one a Chinese rendering, looked for in the
    Chinese and never found (final probe, M1)."""
    Path("terms.csv").write_text("zh-CN,en-US,status,note,forbidden\n"
                                 "绿色转型,green transition,approved,,绿色转变|green transformation\n", encoding="utf-8")
    assert runner.invoke(app, ["import", "terms.csv", "-o", "g.yaml"]).exit_code == 0
    text = Path("g.yaml").read_text(encoding="utf-8")
    assert "    forbidden: [绿色转变]\n" in text and "source_forbidden: [green transformation]" in text
