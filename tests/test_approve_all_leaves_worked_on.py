"""`approve --approve-all` approves what extract proposed and nobody touched; a candidate a person
held back (a note, a comment, a target typed over the proposal, a term extract never proposed) is
left as it is, counted and named, unless --include-worked-on says to approve it too (team probe F5)."""

from __future__ import annotations

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: green transition
    target: 绿色转型   # Alice: or 绿色转变?
    status: candidate  # waiting for client
    score: 0.9
    note: DO NOT APPROVE before client answers
    checksum: rnnxuvj6
  - source: hydrogen energy
    target: 氢能
    status: candidate
    score: 0.8
    checksum: 4fohxm2f
  # ask the client
  - source: carbon peak
    target: 碳达峰
    status: candidate
    score: 0.7
    checksum: cnz62ui2
  - source: smart grid
    target: 智能电力网
    status: candidate
    score: 0.6
    checksum: fmlule3y
  - source: policy stack
    target: 政策堆栈
    status: candidate
    score: 0.5
"""


def test_approve_all_leaves_candidates_people_worked_on_and_says_why(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--min-score", "0.5"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"approved 1 candidate scoring ≥ 0.5 in {path}\n"
        "left 4 candidates people worked on as they are (--include-worked-on approves them too):\n"
        '  green transition → 绿色转型 (line 4): a note, "DO NOT APPROVE before client answers"\n'
        '  carbon peak → 碳达峰 (line 16): a comment, "# ask the client"\n'
        "  smart grid → 智能电力网 (line 21): a target not as extract proposed it\n"
        "  policy stack → 政策堆栈 (line 26): not proposed by extract (imported or written by hand)\n")
    assert path.read_text(encoding="utf-8") == GLOSSARY.replace(
        "氢能\n    status: candidate", "氢能\n    status: approved")


def test_include_worked_on_approves_them_too(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--include-worked-on"])
    assert (result.exit_code, result.stderr) == (0, f"approved 5 candidates in {path}\n")
    assert path.read_text(encoding="utf-8").count("status: approved") == 5
    assert "status: approved  # waiting for client" in path.read_text(encoding="utf-8")


def test_include_worked_on_needs_approve_all(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "carbon peak", "--include-worked-on"])
    assert (result.exit_code, result.stderr) == (2, "error: --include-worked-on only applies with --approve-all\n")
    assert path.read_text(encoding="utf-8") == GLOSSARY


def test_nothing_to_approve_writes_nothing(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--min-score", "0.9"])
    assert (result.exit_code, result.stderr) == (
        0, f"approved 0 candidates scoring ≥ 0.9 in {path}\n"
           "left 1 candidate people worked on as it is (--include-worked-on approves it too):\n"
           '  green transition → 绿色转型 (line 4): a note, "DO NOT APPROVE before client answers"\n')
    assert path.read_text(encoding="utf-8") == GLOSSARY
