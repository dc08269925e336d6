"""The header error of `import` shows the columns as the file separates them: a tab-separated
file was told to write `en,zh,status,note`, commas it does not use (team probe F13)."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app


def test_a_tsv_without_a_header_is_shown_a_tab_separated_one(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("terms.tsv").write_text("smart grid\t智能电网\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "terms.tsv", "-o", "g.yaml"])
    assert (result.exit_code, result.stderr) == (
        2, "error: terms.tsv:1: the first row must name the columns, e.g. en, zh, status and note apart by tabs "
           "(found: smart grid\t智能电网); name them so, or pass --source-column and --target-column\n")
    assert not Path("g.yaml").exists()


def test_a_csv_without_a_header_is_shown_a_comma_separated_one(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("terms.csv").write_text("smart grid,智能电网\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "terms.csv", "-o", "g.yaml"])
    assert (result.exit_code, result.stderr) == (
        2, "error: terms.csv:1: the first row must name the columns, e.g. en,zh,status,note "
           "(found: smart grid,智能电网); name them so, or pass --source-column and --target-column\n")
