"""A team changes a decided rendering (`outbreak` is now 暴发, not 爆发): `approve --replace` does it
in one command. Before, approving the new rendering failed with advice to make a target list,
which would have kept both renderings valid, the opposite of the change."""

from __future__ import annotations

import yaml

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  # settled with the client, 2026-03
  - source: outbreak
    target: 爆发
    status: approved
    note: epidemiology usage
  - source: grid
    target: [电网, 电力网]
    status: approved
  - source: tract infection
    target: 呼吸道
    status: rejected
"""


def entry(path, source):
    return next(term for term in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"] if term["source"] == source)


def test_replace_makes_the_new_rendering_the_only_one_and_keeps_the_old_as_an_alternative(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "outbreak", "--target", "暴发", "--replace"])
    assert (result.exit_code, result.stderr) == (
        0, f"approved outbreak → 暴发 in {path} (was 爆发; check now asks for 暴发)\n")
    assert entry(path, "outbreak") == {"source": "outbreak", "target": "暴发", "status": "approved",
                                       "note": "epidemiology usage",
                                       "alternatives": [{"target": "爆发"}]}
    assert "  # settled with the client, 2026-03\n  - source: outbreak\n" in path.read_text(encoding="utf-8")
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0


def test_replace_cuts_a_list_to_the_rendering_named(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "grid", "--target", "电网", "--replace"])
    assert result.exit_code == 0
    assert "(was 电力网; check now asks for 电网)" in result.stderr
    assert entry(path, "grid")["target"] == "电网"


def test_replace_turns_a_rejected_term_into_an_approved_one_with_the_right_rendering(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "tract infection", "--target", "呼吸道感染", "--replace"])
    assert result.exit_code == 0
    assert "(was 呼吸道, rejected; check now asks for 呼吸道感染)" in result.stderr
    assert entry(path, "tract infection")["status"] == "approved"


def test_another_rendering_of_an_approved_term_without_replace_says_what_to_do(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "outbreak", "--target", "暴发"])
    assert result.exit_code == 2
    assert result.stderr == (
        f'error: {path}: "outbreak" is approved as "爆发" (line 5); to change its rendering, approve again with '
        "--replace (the old one is kept among the alternatives; add it under forbidden to have check name it), "
        'or to allow both, add "暴发" to the target list\n')
    assert path.read_text(encoding="utf-8") == GLOSSARY


def test_replace_needs_a_target(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "outbreak", "--replace"])
    assert (result.exit_code, result.stderr) == (
        2, "error: --replace needs --target: the rendering that replaces the term's renderings\n")


SPLIT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: WRI
    target: WRI
    status: approved
  - source: WRI
    target: 世界资源研究所
    status: rejected
"""


def test_replace_on_a_term_reject_target_split_takes_the_rejection_of_that_rendering_back(runner, tmp_path):
    """After `reject WRI --target 世界资源研究所` split it off, the term was a dead end: every command
    said it matches 2 entries, or to give the --target already given (newcomer probe, H2)."""
    path = tmp_path / "g.yaml"
    path.write_text(SPLIT, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "WRI", "--target", "世界资源研究所", "--replace"])
    assert (result.exit_code, result.stderr) == (
        0, f"approved WRI → 世界资源研究所 in {path} (was WRI; the rejection of 世界资源研究所 is taken back; "
           "check now asks for 世界资源研究所)\n")
    assert [(term["target"], term["status"]) for term in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]] \
        == [("世界资源研究所", "approved")]
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0


def test_all_renderings_on_a_split_term_rejects_the_entry_still_standing(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(SPLIT, encoding="utf-8")
    result = runner.invoke(app, ["reject", str(path), "WRI", "--all-renderings"])
    assert (result.exit_code, result.stderr) == (
        0, f"rejected WRI → (every rendering) in {path} (was approved; check no longer enforces it)\n")
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0


def test_approving_a_rendering_rejected_beside_the_approved_one_asks_which_is_meant(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(SPLIT, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "WRI", "--target", "世界资源研究所"])
    assert result.exit_code == 2
    assert '"WRI" is approved as "WRI" (line 4); to change its rendering, approve again with --replace' in result.stderr
    assert path.read_text(encoding="utf-8") == SPLIT


def test_approving_a_term_rejected_in_every_rendering_turns_that_entry_into_the_approval(runner, tmp_path):
    """Before, a second, approved entry was added beside the rejection (newcomer probe, H3)."""
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    assert runner.invoke(app, ["reject", str(path), "tract infection", "--all-renderings"]).exit_code == 0
    result = runner.invoke(app, ["approve", str(path), "tract infection", "--target", "呼吸道感染"])
    assert (result.exit_code, result.stderr) == (
        0, f"approved tract infection → 呼吸道感染 in {path} (was rejected; the rejection of every rendering "
           "is taken back; check now asks for 呼吸道感染)\n")
    terms = [term for term in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]
             if term["source"] == "tract infection"]
    assert [(term["target"], term["status"]) for term in terms] == [("呼吸道感染", "approved")]
    # written in the order of any approved entry, the target under its source
    text = path.read_text(encoding="utf-8")
    assert "  - source: tract infection\n    target: 呼吸道感染\n    status: approved\n" in text


def test_renderings_set_aside_keep_the_score_their_entry_had_and_invent_none(runner, tmp_path):
    """A hand-approved entry has no score: its rendering set aside by --all-renderings was written
    `score: 0.0`, as if extract had scored it worst."""
    path = tmp_path / "g.yaml"
    path.write_text("glossary: 1\nterms:\n  - {source: lockdown, target: 封锁, status: approved}\n"
                    "  - {source: ventilator, target: 呼吸机, status: approved, score: 0.8}\n", encoding="utf-8")
    for term in ("lockdown", "ventilator"):
        assert runner.invoke(app, ["reject", str(path), term, "--all-renderings"]).exit_code == 0
    assert [term["alternatives"] for term in yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]] == [
        [{"target": "封锁"}], [{"target": "呼吸机", "score": 0.8}]]
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
