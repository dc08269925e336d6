"""Which columns of a CAT tool's table export are the terms: memoQ writes each language's
definition (`English_United_States_Def`) before its term column, and other tools name notes,
comments and definitions after the language too; none of them is taken for the terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.exchange.table import read_table
from glossary_cli.glossary_yaml import load_glossary

EXCHANGE = Path(__file__).parent / "data" / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def test_a_memoq_export_imports_its_terms_not_the_definitions_before_them(runner, workdir):
    # memoQ's column order: entry fields, then per language its definition, its term, the term's fields
    result = run(runner, "import", EXCHANGE / "memoq_export.csv", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    smart_grid, v2g = load_glossary("g.yaml").terms
    assert (smart_grid.source, smart_grid.target) == ("smart grid", ["智能电网"])
    assert (v2g.source, v2g.target) == ("vehicle-to-grid", ["车网互动"])
    # the English definition is the entry's definition, as TBX import keeps it; the entry note its note
    assert v2g.extra["definition"] == "A grid that can exchange power with EVs"
    assert v2g.note == "a note"
    assert smart_grid.extra["subject_field"] == "Energy"
    # the Chinese definition has no field in the glossary: it is named, never taken for the term
    assert '"Chinese_PRC_Def"' in result.stderr
    assert "without en text skipped" not in result.stderr


@pytest.mark.parametrize("header", [
    "en_Note,en,zh_Note,zh",  # a note per language, before its terms
    "English Comment,English,Chinese (Simplified) Comment,Chinese (Simplified)",
    "English Definition,English,Chinese Definition,Chinese",
    "\u82f1\u6587\u5b9a\u4e49,\u82f1\u6587,\u7b80\u4f53\u4e2d\u6587\u5907\u6ce8,\u7b80\u4f53\u4e2d\u6587",  # 英文定义,英文,简体中文备注,简体中文
])
def test_a_column_naming_a_field_of_a_language_is_not_its_term_column(tmp_path, header):
    path = tmp_path / "terms.csv"
    path.write_text(f"{header}\nA grid that talks back,smart grid,\u6ce8,\u667a\u80fd\u7535\u7f51\n", encoding="utf-8")
    (entry,) = read_table(str(path)).terms
    assert (entry.source, entry.target) == ("smart grid", ["智能电网"])


def test_a_column_named_by_the_language_alone_is_the_term_before_one_with_another_word(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("English synonym,English,Chinese\ngrid,power grid,电网\n", encoding="utf-8")
    (entry,) = read_table(str(path)).terms
    assert (entry.source, entry.target) == ("power grid", ["电网"])


def test_a_column_saying_its_role_after_the_language_is_still_a_term_column(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("English (Source),Chinese (Target),Chinese Comment\nsmart grid,智能电网,常用\n", encoding="utf-8")
    (entry,) = read_table(str(path)).terms
    assert (entry.source, entry.target) == ("smart grid", ["智能电网"])
