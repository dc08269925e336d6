"""`approve --approve-all` refuses what a single `approve` refuses: a candidate whose approval would
give the glossary a problem validate and check refuse (a Chinese comma in its target) stays a
candidate and is named, and the file stays valid. It was approved, and CI went red (scale probe M1)."""

from __future__ import annotations

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: e.g. China
    target: 例如，中国
    status: candidate
    score: 0.66
    checksum: rul6kzvt
  - source: vaccine
    target: 疫苗
    status: candidate
    score: 0.9
    checksum: ahq4mo4n
  - source: smart grid
    target: 智能电网
    status: approved
  - source: smart-grids
    target: 灵巧电网
    status: candidate
    score: 0.8
    checksum: vw3dx0s2
"""

REFUSED = ('target "例如，中国" is one rendering to YAML, which splits a list at ASCII commas only; if you meant '
           "several, list them: [例如, 中国] in the file, 例如 / 中国 in glossary review")


def test_approve_all_leaves_a_candidate_approve_would_refuse_and_names_it(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    single = runner.invoke(app, ["approve", str(path), "e.g. China"])
    assert single.exit_code == 2
    assert single.stderr == (f'error: {path}: approving "e.g. China" would leave the glossary with a problem check '
                             f"refuses: line 5: {REFUSED}; nothing written\n")

    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--include-worked-on"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"approved 1 candidate in {path}\n"
        "skipped 2 candidates:\n"
        '  smart-grids → 灵巧电网 (line 17): this source is already approved ("smart grid" at line 14)\n'
        "  e.g. China → 例如，中国 (line 4): approving it would leave the glossary with a problem check refuses: "
        f"line 5: {REFUSED}\n")
    approved = GLOSSARY.replace("疫苗\n    status: candidate", "疫苗\n    status: approved")
    assert path.read_text(encoding="utf-8") == approved
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0


def test_approve_all_with_nothing_else_to_approve_writes_nothing(runner, tmp_path):
    path = tmp_path / "g.yaml"
    text = GLOSSARY.replace("  - source: vaccine\n    target: 疫苗\n    status: candidate\n", "  - source: vaccine\n"
                            "    target: 疫苗\n    status: approved\n")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--include-worked-on"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"approved 0 candidates in {path}\n")
    assert "  e.g. China → 例如，中国 (line 4): approving it would leave the glossary" in result.stderr
    assert path.read_text(encoding="utf-8") == text
