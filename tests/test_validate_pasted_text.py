"""What Word, TextEdit and web pages leave in a hand-edited glossary: smart quotes around a term, a
no-break or ideographic space inside one, a zero-width space. `validate` names each at its line,
shows where the character is (`shopping<U+00A0>cart`) and says what to write instead, before
`check` silently enforces nothing or flags a correct translation."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


def validate(runner, text: str):
    write("g.yaml", HEADER + text)
    return runner.invoke(app, ["validate", "g.yaml"])


# ------------------------------------------------------------------ smart quotes (TextEdit, Word)

def test_a_term_typed_in_smart_quotes_is_named_with_the_quotes_and_what_to_write(runner, workdir):
    result = validate(runner, "  - source: \u2018checkout\u2019\n    target: \u201c结账\u201d\n    status: approved\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        'error: g.yaml:4:13: source "‘checkout’" is wrapped in the typographic quotes ‘ ’, which YAML reads as part '
        "of the term, so check looks for them too; write checkout without them (YAML quotes a value with ASCII \" "
        "or ' only)",
        'error: g.yaml:5:13: target "“结账”" is wrapped in the typographic quotes “ ”, which YAML reads as part of '
        "the term, so check looks for them too; write 结账 without them (YAML quotes a value with ASCII \" or ' only)",
        "g.yaml: 2 problems"]


def test_smart_quotes_inside_ascii_quotes_and_in_a_list_are_named_too(runner, workdir):
    result = validate(runner, '  - source: checkout\n    target: "\u201c结账\u201d"\n    status: approved\n'
                              "    forbidden: [\u201c付款\u201d]\n")
    assert result.exit_code == 2
    assert [line.split(" is wrapped in")[0] for line in result.stderr.splitlines()] == [
        'error: g.yaml:5:13: target "“结账”"', 'error: g.yaml:7:17: forbidden "“付款”"', "g.yaml: 2 problems"]


def test_check_names_the_smart_quotes_instead_of_flagging_the_correct_translation(runner, workdir):
    write("g.yaml", HEADER + "  - source: checkout\n    target: \u201c结账\u201d\n    status: approved\n")
    write("c.tsv", "Checkout\t结账\n")
    result = runner.invoke(app, ["check", "g.yaml", "c.tsv"])
    assert result.exit_code == 2
    assert "GL001" not in result.output
    assert "g.yaml:5:13: target \"“结账”\" is wrapped in the typographic quotes “ ”" in result.stderr


def test_an_apostrophe_or_quotes_inside_a_term_are_the_term(runner, workdir):
    result = validate(runner, "".join(f"  - source: {source}\n    target: 不再显示\n    status: approved\n" for source in (
        "don\u2019t show again", "the \u201cBuy\u201d button", "users\u2019 guide", "rock \u2019n\u2019 roll",
        "\u2018checkout\u2019")))
    assert result.exit_code == 2
    assert [line.split(" is wrapped in")[0] for line in result.stderr.splitlines()] == [
        'error: g.yaml:16:13: source "‘checkout’"', "g.yaml: 1 problem"]  # only the term in quotes


def test_a_note_in_smart_quotes_gets_a_syntax_error_that_names_them(runner, workdir):
    result = validate(runner, "  - source: checkout\n    target: 结账\n"
                              "    note: \u201cdon\u2019t change: client request\u201d\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "error: g.yaml:6:24: YAML syntax error: mapping values are not allowed in this context; “ ” are typographic "
        "quotes, which YAML reads as text: quote the value with ASCII \" or ' instead")


# ------------------------------------------------------------------ spaces other than the plain one

@pytest.mark.parametrize(("entry", "message"), [
    ('  - source: "shopping\u00a0cart"\n    target: 购物车\n    status: approved\n',
     'g.yaml:4:13: source "shopping<U+00A0>cart" holds the space U+00A0 (NO-BREAK SPACE), which an export would '
     "carry into CAT tools, whose term search then misses it; write a plain space"),
    ('  - source: shopping cart\n    target: 购物车\n    source_variants: ["shopping\u202fbasket"]\n    status: approved\n',
     'g.yaml:6:23: source_variants "shopping<U+202F>basket" holds the space U+202F (NARROW NO-BREAK SPACE), which an '
     "export would carry into CAT tools, whose term search then misses it; write a plain space"),
    ('  - source: Prime membership\n    target: "加入\u3000Prime\u3000会员"\n    status: approved\n',
     'g.yaml:5:13: target "加入<U+3000>Prime<U+3000>会员" holds the space U+3000 (IDEOGRAPHIC SPACE), which an export '
     "would carry into CAT tools, whose term search then misses it; write a plain space"),
    ('  - source: shopping cart\n    target: "购物\u3000车"\n    status: approved\n',
     'g.yaml:5:13: target "购物<U+3000>车" holds the space U+3000 (IDEOGRAPHIC SPACE), which an export would carry '
     "into CAT tools, whose term search then misses it; delete it"),
])
def test_a_space_other_than_the_plain_one_inside_a_term_is_shown_where_it_is(runner, workdir, entry, message):
    result = validate(runner, entry)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\ng.yaml: 1 problem\n"


def test_merge_refuses_a_term_pasted_with_a_no_break_space_naming_it(runner, workdir):
    write("li.yaml", HEADER + "  - source: smart grid\n    target: 智能电网\n    status: approved\n")
    write("wang.yaml", HEADER + '  - source: "smart\u00a0grid"\n    target: 智慧电网\n    status: approved\n')
    result = runner.invoke(app, ["merge", "li.yaml", "wang.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith('error: wang.yaml:4:13: source "smart<U+00A0>grid" holds the space U+00A0')


def test_a_stray_space_at_the_end_is_one_problem_showing_which_space(runner, workdir):
    result = validate(runner, '  - source: shopping cart\n    target: "购物车\u00a0"\n    status: approved\n')
    assert result.stderr == ('error: g.yaml:5:13: entry "shopping cart": target "购物车<U+00A0>" has leading or '
                             "trailing spaces, so it will never match; remove them\ng.yaml: 1 problem\n")


# ------------------------------------------------------------------ invisible characters

@pytest.mark.parametrize(("typed", "shown", "name"), [
    ("shopping\u200bcart", "shopping<U+200B>cart", "U+200B (ZERO WIDTH SPACE)"),
    ("shop\u00adping cart", "shop<U+00AD>ping cart", "U+00AD (SOFT HYPHEN)"),
    ("shopping\u200dcart", "shopping<U+200D>cart", "U+200D (ZERO WIDTH JOINER)"),
])
def test_an_invisible_character_is_shown_where_it_is_in_the_term(runner, workdir, typed, shown, name):
    result = validate(runner, f'  - source: "{typed}"\n    target: 购物车\n    status: approved\n')
    assert result.exit_code == 2
    assert result.stderr == (f'error: g.yaml:4:13: source "{shown}" holds the invisible character {name}, which an '
                             "export would carry into CAT tools, whose term search then misses it; delete it\n"
                             "g.yaml: 1 problem\n")


def test_a_misspelt_header_key_after_a_pasted_line_separator_is_at_its_editor_line(runner, workdir):
    write("g.yaml", 'glossary: 1\nx-owner: "Li\u2028Wang"\nlangauges: {source: en, target: zh}\nterms: []\n')
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.stderr.splitlines()[0] == ("error: g.yaml:3:1: unknown key 'langauges'; did you mean 'languages'? "
                                              "(a key of your own, not a typo, is written 'x-langauges')")
