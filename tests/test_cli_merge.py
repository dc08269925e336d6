"""`glossary merge` from the command line: what people wrote survives, and a broken result is pointed out."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

WORKED_CANDIDATE = """\
glossary: 1
terms:
  # ask legal about this one
  - source: cloud
    target: 云
    status: candidate
    note: 法务确认中
    forbidden: [云朵]
    ticket: LEG-12
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def test_merge_keeps_comment_note_forbidden_and_own_fields_of_a_candidate(runner, workdir):
    write("mc.yaml", WORKED_CANDIDATE)
    write("md.yaml", "glossary: 1\nterms:\n  - source: cloud\n    target: 云端\n    status: approved\n")
    result = runner.invoke(app, ["merge", "mc.yaml", "md.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "glossary: 1\nterms:\n  # ask legal about this one\n  - source: cloud\n    target: 云端\n"
        "    status: approved\n    note: 法务确认中\n    forbidden: [云朵]\n    ticket: LEG-12\n"
        "    alternatives:\n      - {target: 云, score: 0.0}\n")
