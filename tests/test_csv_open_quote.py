"""A CSV file whose last record leaves a quote open is refused at that line by every command that
reads CSV: a corpus (extract, check, eval --reachable-in), a termbase (import) and a reference (eval).
Python's csv module would read the rest of the line as one cell and say nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

OPEN_QUOTE = 'en,zh\nheat pump,热泵\nsolar panels,"太阳能板,光伏板\n'
ERROR = "error: open.csv:3: malformed CSV: a quote opened on this line is never closed\n"
GLOSSARY = "glossary: 1\nterms:\n  - {source: heat pump, target: 热泵, status: approved}\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("open.csv").write_text(OPEN_QUOTE, encoding="utf-8")
    Path("glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("gold.tsv").write_text("heat pump\t热泵\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", [
    ["extract", "open.csv", "-o", "out.yaml"],
    ["check", "glossary.yaml", "open.csv"],
    ["import", "open.csv", "-o", "imported.yaml"],
    ["eval", "glossary.yaml", "open.csv"],
    ["eval", "glossary.yaml", "gold.tsv", "--reachable-in", "open.csv"],
])
def test_a_quote_left_open_on_the_last_line_is_an_error_at_that_line(runner, workdir, command):
    result = runner.invoke(app, command)
    assert (result.exit_code, result.stderr) == (2, ERROR)
    assert not Path("out.yaml").exists() and not Path("imported.yaml").exists()
