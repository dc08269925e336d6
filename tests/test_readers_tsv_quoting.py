"""Excel saves a sheet as "Unicode text" (UTF-16, tab-separated) with a cell holding a quote, a tab or
a line break in quotes, its own quotes doubled. A cell holding a quote is read without them; any other
quote is text (a quoted sentence, a quote that only starts or ends a cell); a quoted cell holding a
tab or a line break points at --input-format csv, which reads it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: grid
    target: 电网
    status: approved
"""


@pytest.fixture
def glossary(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return "g.yaml"


def test_excel_unicode_text_quoting_is_read_without_the_quotes(runner, glossary):
    row = '"Save ""grid"" settings"\t"保存""网络""设置"'
    Path("excel.tsv").write_bytes(codecs.BOM_UTF16_LE + f"en\tzh\r\n{row}\r\n".encode("utf-16-le"))
    result = runner.invoke(app, ["check", glossary, "excel.tsv"])
    assert result.exit_code == 1, result.output
    assert f"  excel.tsv:2:{row.index('保存') + 1}  error GL001" in result.stdout  # past the opening quote
    assert '    en: Save "grid" settings\n    zh: 保存"网络"设置\n' in result.stdout


def test_a_quoted_sentence_and_quotes_that_do_not_enclose_a_cell_are_text(runner, glossary):
    # Excel would have written `"""The grid is down."""`: a cell in plain quotes was not quoted by it.
    Path("said.tsv").write_text('"Yes" or "No" grid\t"是"或"否"网络\n"The grid is down."\t"网络中断。"\n',
                                encoding="utf-8")
    result = runner.invoke(app, ["check", glossary, "said.tsv"])
    assert result.exit_code == 1, result.output
    assert '    en: "Yes" or "No" grid\n    zh: "是"或"否"网络\n' in result.stdout
    assert '    en: "The grid is down."\n    zh: "网络中断。"\n' in result.stdout


@pytest.mark.parametrize("name, body", [
    ("lines.tsv", 'en\tzh\n"The grid\nis down"\t网络中断\n'),
    ("tab.tsv", 'en\tzh\n"The grid\tis down"\t网络中断\n'),
])
def test_a_quoted_cell_holding_a_line_break_or_a_tab_points_at_input_format_csv(runner, glossary, name, body):
    Path(name).write_text(body, encoding="utf-8")
    result = runner.invoke(app, ["check", glossary, name])
    assert result.exit_code == 2
    found = 1 if name == "lines.tsv" else 3
    assert result.stderr == (
        f"error: {name}:2: expected 2 tab-separated columns (English, Chinese), found {found}; a quoted cell "
        "holding a tab or a line break (as Excel writes one) is read with --input-format csv\n")
    as_csv = runner.invoke(app, ["check", glossary, name, "--input-format", "csv"])
    assert as_csv.exit_code == 1, as_csv.output
    assert "    en: The grid" in as_csv.stdout and "is down\n    zh: 网络中断\n" in as_csv.stdout  # one cell
