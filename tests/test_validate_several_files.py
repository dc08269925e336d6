"""`glossary validate` takes several glossaries, as ruff and yamllint take several files: each is
reported, and the exit code is 2 when any of them is invalid (team probe F9)."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app

GOOD = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
"""


def test_every_file_is_reported_and_one_invalid_file_makes_exit_2(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(GOOD, encoding="utf-8")
    Path("b.yaml").write_text(GOOD.replace("approved", "aproved"), encoding="utf-8")
    Path("c.yaml").write_text(GOOD.replace("smart grid", "V2G"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "a.yaml", "b.yaml", "missing.yaml", "c.yaml"])
    assert result.exit_code == 2
    assert result.stdout == ("a.yaml: OK, 1 entry (1 approved, 0 rejected, 0 candidates)\n"
                             "c.yaml: OK, 1 entry (1 approved, 0 rejected, 0 candidates)\n")
    assert result.stderr == (
        "error: b.yaml:6:13: unknown status 'aproved'; use candidate, approved or rejected\n"
        "b.yaml: 1 problem\n"
        "error: missing.yaml: no such glossary file\n"
        "2 of 4 glossaries are invalid: b.yaml, missing.yaml\n")


def test_all_valid_files_exit_0(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.yaml").write_text(GOOD, encoding="utf-8")
    Path("b.yaml").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["validate", "a.yaml", "b.yaml"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.count(": OK, 1 entry") == 2
