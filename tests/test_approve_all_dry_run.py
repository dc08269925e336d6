"""`approve --approve-all --dry-run`: what a bulk approval would do, before it does it."""

from __future__ import annotations

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    score: 0.95
    checksum: fmlule3y
  - source: COVID-19
    target: 冠状病毒病
    score: 0.93
    checksum: 7wjyuw7h
  - source: COVID19
    target: 新冠
    score: 0.91
    checksum: 47rkh7ie
  - source: V2G
    target: 车网互动
    score: 0.92
    note: ask the client first
    checksum: fbs53hnp
"""


def test_dry_run_names_what_it_would_approve_and_leave_and_writes_nothing(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--min-score", "0.9", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # the plan is the output asked for: `approve -n ... | grep` reads it
    assert result.stdout == (
        f"would approve 1 candidate scoring ≥ 0.9 in {path} (dry run: nothing written):\n"
        "  smart grid → 智能电网 (line 4)\n"
        "would skip 2 candidates:\n"
        '  COVID-19 → 冠状病毒病 (line 8): several candidates share this source ("COVID19" at line 12); '
        "review them one by one\n"
        '  COVID19 → 新冠 (line 12): several candidates share this source ("COVID-19" at line 8); '
        "review them one by one\n"
        "left 1 candidate people worked on as it is (--include-worked-on approves it too):\n"
        '  V2G → 车网互动 (line 16): a note, "ask the client first"\n')
    assert path.read_text(encoding="utf-8") == GLOSSARY


def test_dry_run_is_for_bulk_approval_only(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "V2G", "--dry-run"])
    assert (result.exit_code, result.stderr) == (2, "error: --dry-run only applies with --approve-all\n")
