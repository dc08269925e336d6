"""Machine reports are written a finding at a time, never whole in memory, and byte for byte as
one `json.dumps(..., ensure_ascii=False, indent=2)` of the whole document would write them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.report.json_stream import LIST_GOES_HERE, json_chunks

RECORDS = [
    {"rule": "GL001", "expected": ["智能电网", "智慧电网"], "found": [], "target": "电网\n来了 \"引号\" \\", "line": None},
    {"rule": "GL002", "nested": {"deeper": [1, [2, {}], []]}, "known": False},
]


@pytest.mark.parametrize("records", [RECORDS, RECORDS[:1], []], ids=["two", "one", "none"])
@pytest.mark.parametrize("where", ["top", "nested", "run"])
def test_a_streamed_document_is_the_bytes_json_dumps_writes(records, where):
    def document(findings):
        if where == "top":  # GitLab's report is one list
            return findings
        if where == "nested":  # --format json: the findings come last
            return {"schema": "glossary-check/1", "summary": {"by_rule": {}}, "findings": findings}
        return {"runs": [{"tool": {}, "results": findings, "columnKind": "utf16CodeUnits"}]}  # SARIF: keys follow

    expected = json.dumps(document(records), ensure_ascii=False, indent=2) + "\n"
    assert "".join(json_chunks(document(LIST_GOES_HERE), iter(records))) == expected


GLOSSARY = """\
glossary: 1
terms:
  - {source: grid, target: 电网, status: approved}
"""


def test_ctrl_c_while_the_report_is_written_leaves_what_was_written_and_says_it_is_incomplete(
        runner, tmp_path, monkeypatch):
    """The report had begun: a second document after it would make the file no JSON at all."""
    import glossary_cli.report.json_report as json_report
    from glossary_cli import interrupts

    monkeypatch.setattr(interrupts, "_reported", False)  # the process says so once: afresh for this test
    monkeypatch.setattr(interrupts, "_written", [])
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.tsv").write_text("The grid\t网格\nThe grid again\t网格\n", encoding="utf-8")
    record = json_report.finding_record
    written = []

    def second_interrupted(where, finding):
        written.append(finding)
        if len(written) == 2:
            raise KeyboardInterrupt
        return record(where, finding)

    monkeypatch.setattr(json_report, "finding_record", second_interrupted)
    result = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--format", "json"])

    assert result.exit_code == 130
    assert result.stderr == ("glossary: interrupted; the json report on stdout is incomplete, "
                             "and no other file was changed\n")
    assert result.stdout.startswith('{\n  "schema": "glossary-check/1",')
    assert '"line": 1,' in result.stdout and '"line": 2,' not in result.stdout
