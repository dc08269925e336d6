"""A termbase that lists spacing, width or case variants of one rendering (`PIN码`, `PIN 码`), as
memoQ and Trados termbases do because their term recognition is literal, is imported with one of
them, under which check finds the others, and one warning naming the row; it is not refused.
A rendering allowed in one spelling and forbidden in another is still refused."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary
from support import write_here


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def imported(path: str = "g.yaml") -> dict:
    return {entry.source: (entry.target, entry.forbidden) for entry in load_glossary(path).terms}


def test_a_gold_list_with_spacing_variants_is_imported_with_the_first_of_each(runner, workdir):
    write_here("bank.tsv", "en\tzh\naccount\t账户\nPIN\tPIN码|PIN 码\n")
    result = run(runner, "import", "bank.tsv", "-o", "g.yaml", "--unstated", "approved")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        'warning: bank.tsv:3: "PIN" lists target "PIN码" and "PIN 码", which check reads as the same; imported as '
        '"PIN码" alone, under which check finds "PIN 码" too',
        "g.yaml: 2 entries (2 approved, 0 other) imported from bank.tsv"]
    assert imported() == {"account": (["账户"], []), "PIN": (["PIN码"], [])}
    assert run(runner, "validate", "g.yaml").exit_code == 0


def test_the_imported_rendering_still_finds_the_variant_in_check(runner, workdir):
    write_here("bank.tsv", "en\tzh\nPIN\tPIN码|PIN 码\n")
    assert run(runner, "import", "bank.tsv", "-o", "g.yaml", "--unstated", "approved").exit_code == 0
    write_here("c.tsv", "Enter your PIN.\t输入您的 PIN 码。\nEnter your PIN.\t输入您的密码。\n")
    result = run(runner, "check", "g.yaml", "c.tsv", "--format", "github")
    assert result.exit_code == 1
    assert [line.split(",title=")[0] for line in result.stdout.splitlines()] == ["::error file=c.tsv,line=2,col=17"]


def test_many_terms_with_variants_get_one_warning_at_the_first(runner, workdir):
    write_here("ids.csv", "en,zh,status\nCVV,CVV码|CVV 码,approved\nSave,保存,approved\n"
                          "Face ID,面容 ID|面容ID|面容ＩＤ,approved\nTouch ID,触控 ID|触控ID,approved\n")
    result = run(runner, "import", "ids.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        "warning: ids.csv:2: 3 terms list renderings that check reads as the same; each imported with the first "
        'alone, under which check finds the others too (first one here: "CVV" lists target "CVV码" and "CVV 码")')
    assert imported() == {"CVV": (["CVV码"], []), "Save": (["保存"], []), "Face ID": (["面容 ID"], []),
                          "Touch ID": (["触控 ID"], [])}


def test_a_variant_on_a_row_of_its_own_is_named_at_that_row(runner, workdir):
    write_here("rows.csv", "en,zh,status\nPIN,PIN码,approved\naccount,账户,approved\nPIN,pin码,approved\n")
    result = run(runner, "import", "rows.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith('warning: rows.csv:4: "PIN" lists target "PIN码" and "pin码"')
    assert imported()["PIN"] == (["PIN码"], [])


def test_forbidden_variants_are_folded_too_but_not_into_an_allowed_one(runner, workdir):
    write_here("ban.csv", "en,zh,status,forbidden\nPIN,PIN码,approved,密码 PIN|密码PIN\n")
    result = run(runner, "import", "ban.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        'warning: ban.csv:2: "PIN" lists forbidden "密码 PIN" and "密码PIN", which check reads as the same; imported '
        'as "密码 PIN" alone, under which check finds "密码PIN" too')
    assert imported()["PIN"] == (["PIN码"], ["密码 PIN"])

    # a rendering allowed in one spelling and forbidden in another is a contradiction, still refused
    write_here("both.csv", "en,zh,status,forbidden\nPIN,PIN码,approved,PIN 码\n")
    result = run(runner, "import", "both.csv", "-o", "new.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        'error: both.csv:2: entry "PIN" forbids "PIN 码", which check reads as "PIN码", a rendering it allows; '
        "remove it from target or from forbidden")
    assert not Path("new.yaml").exists()


def test_a_tbx_variant_is_named_at_its_term_and_both_fields_in_one_warning(runner, workdir):
    write_here("t.tbx", """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<text><body>
<conceptEntry id="pin">
  <langSec xml:lang="en"><termSec><term>PIN</term></termSec></langSec>
  <langSec xml:lang="zh">
    <termSec><term>PIN码</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>密码</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
    <termSec><term>PIN 码</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
    <termSec><term>密 码</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>
""")
    result = run(runner, "import", "t.tbx", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        'warning: t.tbx:9: "PIN" lists target "PIN码" and "PIN 码", and forbidden "密码" and "密 码", which check '
        'reads as the same; imported as "PIN码" and "密码" alone, under which check finds "PIN 码" and "密 码" too')
    assert imported() == {"PIN": (["PIN码"], ["密码"])}


def test_imported_into_a_glossary_the_variant_it_spells_is_kept_and_merges_without_conflict(runner, workdir):
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                         "  - source: PIN\n    target: PIN 码\n    status: approved\n")
    write_here("bank.csv", "en,zh,status\nPIN,PIN码|PIN 码,approved\n")
    result = run(runner, "import", "bank.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        'warning: bank.csv:2: "PIN" lists target "PIN码" and "PIN 码", which check reads as the same; imported as '
        '"PIN 码" alone (the glossary\'s spelling), under which check finds "PIN码" too',
        "g.yaml: merged 1 entry (1 approved, 0 other) from bank.csv (0 new, 0 changed)"]
    assert imported() == {"PIN": (["PIN 码"], [])}


def test_traditional_characters_written_otherwise_stay_two_renderings_in_a_traditional_glossary(runner, workdir):
    # check compares a zh-TW glossary's renderings as written: 遊戲 and 游戲 are two, as validate reads them
    write_here("tw.csv", "en,zh-TW,status\ngame,遊戲|游戲|遊 戲,approved\n")
    result = run(runner, "import", "tw.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert imported() == {"game": (["遊戲", "游戲"], [])}


def test_a_no_break_space_typed_in_word_is_imported_as_a_plain_space(runner, workdir):
    """validate refuses a no-break space inside a term (GV012); check reads it as a space, so the
    termbase is imported with plain spaces and one warning, not refused."""
    write_here("shop.csv", "en,zh,status\nshopping\u00a0cart,购物车,approved\nPIN,PIN\u3000码,approved\n")
    result = run(runner, "import", "shop.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        'warning: shop.csv:2: source "shopping<U+00A0>cart" holds a space other than the plain one; imported with '
        "a plain space, which check reads alike (2 spellings in all)")
    assert imported() == {"shopping cart": (["购物车"], []), "PIN": (["PIN 码"], [])}
    assert run(runner, "validate", "g.yaml").exit_code == 0
