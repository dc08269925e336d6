"""A CSV record whose quoted cells hold line breaks (Excel's Alt+Enter) still has its Chinese cell
somewhere in the file: `check` points at the line and column where that cell's text starts, as for
a record on one line, while extract's evidence keeps the line the record starts on."""

from __future__ import annotations

import json

from glossary_cli.cli.common import app
from glossary_cli.readers import read_pairs

GLOSSARY = """glossary: 1
terms:
  - source: shopping cart
    target: 购物车
    status: approved
    forbidden: [购物篮]
"""


def target_positions(path):
    """(record line, target line, column, UTF-16 column) of each pair read from `path`."""
    return [(pair.location.line, pair.location.target_line, pair.location.target_column,
             pair.location.target_column_utf16) for pair in read_pairs([str(path)])]


def places(runner, corpus: str, report: str = "github") -> list[str]:
    result = runner.invoke(app, ["check", "g.yaml", corpus, "--format", report])
    assert result.exit_code == 1, result.output
    if report == "github":
        return [line.split(",title=")[0].removeprefix("::error ") for line in result.stdout.splitlines()]
    regions = [alert["locations"][0]["physicalLocation"]["region"]
               for alert in json.loads(result.stdout)["runs"][0]["results"]]
    return [(region["startLine"], region["startColumn"]) for region in regions]


def test_a_chinese_cell_holding_a_line_break_is_located_where_it_starts(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text('en,zh\nSave,保存\n"Shopping Cart\nsummary","购物篮\n摘要"\nOpen,打开\n', encoding="utf-8")
    assert target_positions(path) == [
        (2, 2, 6, 6),
        (3, 4, 11, 11),  # the record starts on line 3; its Chinese cell after `summary","` on line 4
        (6, 6, 6, 6),  # the record took lines 3 to 5: the lines after it keep their numbers
    ]


def test_a_chinese_cell_after_an_english_one_holding_line_breaks_is_on_the_last_line(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_bytes('en,zh\r\n"Shopping\r\n\r\nCart", 𠀀购物篮\r\n'.encode("utf-8"))
    # line 4 is `Cart", 𠀀购物篮`: the cell's text starts after its space, 𠀀 is two UTF-16 code units
    assert target_positions(path) == [(2, 4, 8, 8)]


def test_a_chinese_cell_opening_with_a_line_break_starts_on_the_next_line(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text('en,zh\nShopping Cart,"\n  购物篮"\n', encoding="utf-8")
    assert target_positions(path) == [(2, 3, 3, 3)]


def test_check_points_into_the_cell_excel_wrote_with_alt_enter(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "c.csv").write_text('English,Chinese\n"Shopping Cart\nsummary","购物篮\n摘要"\n', encoding="utf-8")
    # the forbidden word is the cell's first, but the cell runs over two lines: its start is shown
    assert places(runner, "c.csv") == ["file=c.csv,line=3,col=11"]
    assert places(runner, "c.csv", "sarif") == [(3, 11)]


def test_check_points_at_the_forbidden_word_of_a_one_line_cell_after_a_multiline_one(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "c.csv").write_text('English,Chinese\n"Your shopping cart\n(summary)",您的购物篮\n', encoding="utf-8")
    # line 3 is `(summary)",您的购物篮`: the cell starts at column 12, 购物篮 two characters further
    assert places(runner, "c.csv") == ["file=c.csv,line=3,col=14"]
