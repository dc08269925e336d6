"""A character that shows as nothing (a zero-width space, a soft hyphen, a word joiner, a BOM) is
shown where it is, as its code point, in every message and report line: `Shop<U+200B>ping Cart`,
printed as it is, reads as `Shopping Cart`, another text than the one a finding is about. Emoji
built with joiners stay as they are drawn."""

from __future__ import annotations

from glossary_cli.cli.common import app
from glossary_cli.safe_text import one_line
from tests.support import write_here as write


def test_one_line_shows_invisible_characters_as_code_points():
    assert one_line("Shop\u200bping \u00adCart\u2060\ufeff") == "Shop<U+200B>ping <U+00AD>Cart<U+2060><U+FEFF>"
    assert one_line("购物\u200b车") == "购物<U+200B>车"


def test_emoji_joined_by_a_zero_width_joiner_stay_as_they_are_drawn():
    coder, flag = "\U0001f469\u200d\U0001f4bb", "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert one_line(f"Share {coder} {flag}\u200b") == f"Share {coder} {flag}<U+200B>"


def test_check_shows_where_the_invisible_characters_are_in_the_pair(runner, workdir):
    write("g.yaml", "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                    "  - source: shopping cart\n    target: 购物车\n    status: approved\n")
    write("c.tsv", "Open the Shop\u200bping Cart\t打开购\u00ad物篮\n")
    result = runner.invoke(app, ["check", "g.yaml", "c.tsv"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert '    "Shop<U+200B>ping Cart" should be translated as "购物车"' in lines
    assert "    en: Open the Shop<U+200B>ping Cart" in lines
    assert "    zh: 打开购<U+00AD>物篮" in lines
