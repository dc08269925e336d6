"""The lists that tell a person which entries a command skipped or refused show a no-break space,
an ideographic space or a joiner between letters as its code point, as validate's messages show
them (`shopping<U+00A0>cart`): printed as they are, they read as a plain space or as nothing, and
the person cannot see what is wrong with the entry (probe L4). JSON keeps the values as written."""

from __future__ import annotations

import json

from glossary_cli.cli.common import app, message_line, visible_line
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


def test_a_term_shows_each_space_other_than_the_plain_one_and_a_joiner_between_letters():
    assert visible_line("shopping\u00a0cart → 购物\u3000车") == "shopping<U+00A0>cart → 购物<U+3000>车"
    assert visible_line("shopping\u200dcart, 购物\u200c车") == "shopping<U+200D>cart, 购物<U+200C>车"
    coder = "\U0001f469\u200d\U0001f4bb"  # a joiner that draws one emoji stays
    assert visible_line(f"Share {coder}") == f"Share {coder}"


def test_a_file_name_or_a_note_in_a_message_keeps_its_spaces():
    # macOS names screenshots with U+202F; Chinese prose uses the ideographic space: neither is a mistake
    assert message_line("Screenshot at 10.00.00\u202fAM.yaml: OK") == "Screenshot at 10.00.00\u202fAM.yaml: OK"
    assert message_line("note: 请确认。\u3000参见第三章") == "note: 请确认。\u3000参见第三章"


def test_validate_names_a_file_with_a_no_break_space_as_it_is_spelled(runner, workdir):
    name = "术语表\u3000最终版.yaml"
    write(name, HEADER + '  - {source: grid, target: 电网, status: approved, forbidden: [电网]}\n')
    result = runner.invoke(app, ["validate", name])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {name}:4:")  # a path a person can paste back


def test_review_echoes_a_note_as_written(runner, workdir):
    write("g.yaml", HEADER + '  - {source: grid, target: 电网, score: 0.8}\n')
    result = runner.invoke(app, ["review", "g.yaml"], input="n请确认。\u3000参见第三章\nq")
    assert result.exit_code == 0, result.output
    assert "noted: 请确认。\u3000参见第三章" in result.stdout


def test_approve_all_names_the_skipped_candidate_with_its_no_break_space(runner, workdir):
    write("g.yaml", HEADER + '  - {source: "shopping\u00a0cart", target: 购物车, score: 0.9}\n'
                             '  - {source: grid, target: "电\u3000网", score: 0.8}\n')
    result = runner.invoke(app, ["approve", "g.yaml", "--approve-all", "--include-worked-on", "--dry-run"])
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    assert [line.split(": approving it")[0] for line in skipped] == [
        "  shopping<U+00A0>cart → 购物车 (line 4)", "  grid → 电<U+3000>网 (line 5)"]
    assert 'source "shopping<U+00A0>cart" holds the space U+00A0 (NO-BREAK SPACE)' in skipped[0]


def test_validate_shows_every_kind_of_space_a_term_holds(runner, workdir):
    write("g.yaml", HEADER + '  - {source: "smart\u00a0grid\u202fpilot", target: 试点, status: approved}\n')
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith('error: g.yaml:4:14: source "smart<U+00A0>grid<U+202F>pilot" holds the space '
                                    "U+00A0 (NO-BREAK SPACE)")
    report = json.loads(runner.invoke(app, ["validate", "g.yaml", "--format", "json"]).stdout)
    assert report["files"][0]["problems"][0]["message"].startswith('source "smart<U+00A0>grid<U+202F>pilot"')


def test_a_repeat_in_a_list_shows_the_spaces_that_tell_its_spellings_apart(runner, workdir):
    write("g.yaml", HEADER + '  - {source: grid, target: 电网, status: approved, forbidden: ["电\u3000力网", "电力网"]}\n')
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert 'lists forbidden "电<U+3000>力网" and "电力网", which check reads as the same' in result.stderr


def test_review_shows_the_no_break_space_on_the_card_and_in_what_it_did(runner, workdir):
    write("g.yaml", HEADER + '  - {source: "checkout\u00a0page", target: 结账页面, score: 0.9}\n'
                             '  - {source: cart, target: "购物\u00a0车", score: 0.8}\n')
    result = runner.invoke(app, ["review", "g.yaml"], input="sr")
    assert result.exit_code == 0, result.output
    assert "checkout<U+00A0>page  →  结账页面" in result.stdout
    assert "rejected cart → 购物<U+00A0>车" in result.stdout
    written = (workdir / "g.yaml").read_text(encoding="utf-8")
    assert "购物\u00a0车" in written  # the file keeps what it holds



def test_a_message_shows_the_hidden_spaces_of_the_terms_it_quotes_only():
    told = message_line('g\u00a0x.yaml:5: entry "wind\u00a0farm" forbids "风电场", its own target')
    assert told == 'g\u00a0x.yaml:5: entry "wind<U+00A0>farm" forbids "风电场", its own target'


def test_validate_names_a_term_with_its_no_break_space(runner, workdir):
    write("g.yaml", HEADER + '  - {source: "wind\u00a0farm", target: 风电场, status: approved, forbidden: [风电场]}\n')
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert 'entry "wind<U+00A0>farm" forbids "风电场", which it also allows' in result.stderr
