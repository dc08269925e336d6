"""CLI: approve, reject, validate, merge and review through CliRunner: exit codes and messages."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary
from tests.support import SPELLED_OTHERWISE

TEXT = """\
# reviewed in the weekly meeting
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: V2G   # acronym
    target: 车网互动
    status: candidate
    score: 0.93
  - source: policy stack
    target: 政策堆栈
    status: candidate
    score: 0.62
  - source: grid
    target: 电网
    status: candidate
    score: 0.95
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def statuses(path) -> dict[str, str]:
    return {entry.source: entry.status.value for entry in load_glossary(str(path)).terms}


def test_approve_one_term(runner, path):
    result = runner.invoke(app, ["approve", str(path), "V2G"])
    assert result.exit_code == 0
    assert result.stderr == f"approved V2G → 车网互动 in {path}\n"
    assert result.stdout == ""
    assert path.read_text(encoding="utf-8") == TEXT.replace(
        "车网互动\n    status: candidate", "车网互动\n    status: approved")


def test_approve_with_another_target(runner, path):
    result = runner.invoke(app, ["approve", str(path), "grid", "--target", "电力网"])
    assert result.exit_code == 0
    entry = load_glossary(str(path)).terms[2]
    assert entry.target == ["电力网"] and [alternative.target for alternative in entry.alternatives] == ["电网"]


def test_approve_a_new_term(runner, path):
    result = runner.invoke(app, ["approve", str(path), "ESG", "--target", "ESG"])
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8").endswith("  - source: ESG\n    target: ESG\n    status: approved\n")


def test_reject(runner, path):
    result = runner.invoke(app, ["reject", str(path), "policy stack"])
    assert result.exit_code == 0
    assert result.stderr == f"rejected policy stack → 政策堆栈 in {path}\n"
    assert statuses(path)["policy stack"] == "rejected"


@pytest.mark.parametrize("arguments, message", [
    (["approve", "{path}", "nothing"], '{path}: no entry "nothing" in the glossary; give --target to add it'),
    (["reject", "{path}", "nothing"],
     '{path}: no entry "nothing" in the glossary; give --target to record a rejected rendering'),
    (["approve", "{path}"], "give a TERM to approve, or --approve-all (optionally with --min-score)"),
    (["approve", "{path}", "V2G", "--approve-all"],
     "give a TERM to approve, or --approve-all (optionally with --min-score), not both"),
    (["approve", "{path}", "V2G", "--min-score", "0.5"], "--min-score only applies with --approve-all"),
    (["approve", "{path}", "--approve-all", "--target", "x"], "--target applies to one TERM, not to --approve-all"),
    (["approve", "{missing}", "V2G"], "{missing}: no such glossary file"),
    (["approve", "{path}", " ", "--target", "x"], "{path}: the term is empty; give the English source of an entry"),
])
def test_mistakes_exit_2_and_change_nothing(runner, path, arguments, message):
    missing = path.parent / "missing.yaml"
    arguments = [argument.format(path=path, missing=missing) for argument in arguments]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert result.stderr == f"error: {message.format(path=path, missing=missing)}\n"
    assert path.read_text(encoding="utf-8") == TEXT


def test_approving_into_a_broken_file_lists_its_problems(runner, path):
    path.write_text(TEXT.replace("score: 0.62", "score: high"), encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "V2G"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}:12:12: score must be a number between 0 and 1, got 'high'\n"




def test_approve_and_reject_find_a_term_as_check_reads_it(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(SPELLED_OTHERWISE, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "Wi Fi"])  # hyphen = space
    assert (result.exit_code, result.stderr) == (0, f"approved Wi-Fi → 无线网络 in {path}\n")
    result = runner.invoke(app, ["reject", str(path), "smart grid"])  # singular for plural
    assert (result.exit_code, result.stderr) == (0, f"rejected smart grids → 智能电网 in {path}\n")
    assert statuses(path) == {"Wi-Fi": "approved", "smart grids": "rejected", "policy stack": "candidate"}


def test_reject_suggests_the_term_a_typo_may_mean(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(SPELLED_OTHERWISE, encoding="utf-8")
    result = runner.invoke(app, ["reject", str(path), "polcy stack"])
    assert (result.exit_code, result.stderr) == (
        2, f'error: {path}: no entry "polcy stack" in the glossary; did you mean "policy stack"? '
           "(or give --target to record a rejected rendering)\n")
    assert path.read_text(encoding="utf-8") == SPELLED_OTHERWISE


def test_a_new_entry_for_a_term_written_otherwise_is_added_with_a_warning(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(SPELLED_OTHERWISE.replace("status: candidate", "status: rejected", 1), encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "Wi Fi", "--target", "无线局域网"])
    assert (result.exit_code, result.stderr) == (
        0, f"added Wi Fi → 无线局域网 to {path} as a new approved entry\n"
           f'warning: {path}: "Wi Fi" is the term of the rejected entry "Wi-Fi" (line 3), as check and validate '
           "read terms; spell the two entries alike\n")


def test_a_second_approved_spelling_with_another_target_is_refused(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(SPELLED_OTHERWISE.replace("status: candidate", "status: approved", 1), encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "Wi Fi", "--target", "无线局域网"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f'error: {path}: "Wi-Fi" is approved as "无线网络" (line 3); to change its rendering, '
                                    "approve again with --replace")
    assert path.read_text(encoding="utf-8") == SPELLED_OTHERWISE.replace("status: candidate", "status: approved", 1)


def test_a_term_several_entries_write_otherwise_is_refused_naming_them(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(SPELLED_OTHERWISE + "  - source: wi-fi\n    target: 无线上网\n    status: rejected\n", encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "wi fi"])
    assert (result.exit_code, result.stderr) == (
        2, f'error: {path}: "wi fi" is written otherwise in the glossary, as 2 entries check reads as that term: '
           '"Wi-Fi" (candidate, line 3) and "wi-fi" (rejected, line 12); give the term as the one you mean writes '
           "it\n")


# TEXT as extract writes it: with the checksum of each proposal, and no comment (a person's work)
PROPOSED = (TEXT.replace("V2G   # acronym", "V2G")
            .replace("score: 0.93\n", "score: 0.93\n    checksum: fbs53hnp\n")
            .replace("score: 0.62\n", "score: 0.62\n    checksum: cyrqb7mq\n")
            .replace("score: 0.95\n", "score: 0.95\n    checksum: nlha2keh\n"))


def test_bulk_approve_by_score(runner, path):
    path.write_text(PROPOSED, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--min-score", "0.9"])
    assert result.exit_code == 0
    assert result.stderr == f"approved 2 candidates scoring ≥ 0.9 in {path}\n"
    assert statuses(path) == {"V2G": "approved", "policy stack": "candidate", "grid": "approved"}


def test_bulk_approve_of_one_candidate_says_candidate(runner, path):
    path.write_text(PROPOSED, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "--approve-all", "--min-score", "0.94"])
    assert result.exit_code == 0
    assert result.stderr == f"approved 1 candidate scoring ≥ 0.94 in {path}\n"
    assert statuses(path) == {"V2G": "candidate", "policy stack": "candidate", "grid": "approved"}


def test_merge_writes_the_result(runner, path, tmp_path):
    incoming = tmp_path / "b.yaml"
    incoming.write_text("terms:\n  - source: grid\n    target: 电网\n    status: approved\n"
                        "  - source: ESG\n    keep_source: true\n    status: approved\n", encoding="utf-8")
    output = tmp_path / "c.yaml"
    result = runner.invoke(app, ["merge", str(path), str(incoming), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"merged {incoming} into {path}: 4 entries written to {output} (1 added, 1 changed)\n"
    assert output.read_text(encoding="utf-8") == TEXT.replace(
        "电网\n    status: candidate", "电网\n    status: approved") + (
        "  - source: ESG\n    keep_source: true\n    status: approved\n")  # as the teammate wrote it


def test_merge_to_stdout(runner, path, tmp_path):
    incoming = tmp_path / "b.yaml"
    incoming.write_text("terms: []\n", encoding="utf-8")
    result = runner.invoke(app, ["merge", str(path), str(incoming)])
    assert result.exit_code == 0
    assert result.stdout == TEXT


def test_merge_conflicts_exit_1_and_write_nothing(runner, path, tmp_path):
    runner.invoke(app, ["approve", str(path), "V2G"])
    incoming = tmp_path / "b.yaml"
    incoming.write_text("terms:\n  - source: V2G\n    target: 车辆到电网\n    status: approved\n", encoding="utf-8")
    output = tmp_path / "c.yaml"
    result = runner.invoke(app, ["merge", str(path), str(incoming), "-o", str(output)])
    assert result.exit_code == 1
    assert result.stderr == (
        f'error: conflict: "V2G": approved with different targets ({path}:5 approved "车网互动"; '
        f'{incoming}:2 approved "车辆到电网")\n'
        f"error: 1 conflict; nothing written. Settle it in {path} or {incoming} and merge again\n")
    assert not output.exists()


def test_review_through_the_runner(runner, path):
    # grid (0.95) first: approve; V2G: edit; policy stack: reject; then the queue is empty.
    result = runner.invoke(app, ["review", str(path)], input="ae车网互动\nr")
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith(f"2 approved, 1 rejected, 0 skipped; 0 not yet reviewed. Saved in {path}.")
    glossary = load_glossary(str(path))
    assert [entry.status for entry in glossary.terms] == [Status.APPROVED, Status.REJECTED, Status.APPROVED]


def test_piped_keys_one_to_a_line_take_the_line_after_e_as_the_target(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="a\ne\n2号车网互动\nq\n")
    assert result.exit_code == 0, result.output
    v2g = next(entry for entry in load_glossary(str(path)).terms if entry.source == "V2G")
    assert (v2g.target, v2g.status) == (["2号车网互动"], Status.APPROVED)  # not `2`, an alternative
    assert statuses(path)["policy stack"] == "candidate"


def test_the_last_decision_can_be_undone_after_the_queue_is_empty(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="aaru")
    assert result.exit_code == 0, result.output
    assert "undone: policy stack → 政策堆栈 is a candidate again" in result.stdout
    assert result.stdout.rstrip().endswith(f"2 approved, 0 rejected, 0 skipped; 1 not yet reviewed. Saved in {path}.")
    assert statuses(path)["policy stack"] == "candidate"


def test_a_key_review_does_not_know_is_named_and_nothing_is_said_to_be_saved(runner, path):
    before = path.read_bytes()
    result = runner.invoke(app, ["review", str(path)], input="A")  # caps lock: `a` was meant
    assert result.exit_code == 2, result.output  # piped keys stop there: the rest is not trusted as keys
    assert "no key 'A'; the keys are:" in result.stdout
    assert result.stdout.rstrip().endswith(f"0 approved, 0 rejected, 0 skipped; 3 not yet reviewed. {path} is unchanged.")
    assert path.read_bytes() == before


def test_review_with_nothing_to_do(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("terms: []\n", encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"{path}: no candidates to review.\n"


def test_keys_running_out_at_a_prompt_end_its_line(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="a")
    assert result.stdout.splitlines()[-1].startswith("1 approved, 0 rejected, 0 skipped")


def test_a_file_no_command_can_rewrite_is_refused_before_the_first_decision(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("# team glossary\nterms:\n  - source: grid\n    target: 电网\nlanguages: {source: en, target: zh}\n",
                    encoding="utf-8")
    message = f"{path}:5: 'languages:' comes after the 'terms:' list; move it above 'terms:' so the file's comments can be kept"
    result = runner.invoke(app, ["review", str(path)], input="a")
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}; nothing written\n"
    assert "grid" not in result.stdout  # no candidate shown, no decision asked for
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0  # check reads it
    assert result.stderr == (f"warning: {message}; until then extract, review, approve, reject and import refuse "
                             "to write this file\n")


def test_approving_an_entry_with_no_target_says_so_at_its_line(runner, tmp_path):
    path = tmp_path / "g.yaml"
    for entry in ('  - source: vaccine\n    target: ""\n    status: candidate\n',
                  "  - source: vaccine\n    status: candidate\n"):
        path.write_text("glossary: 1\nterms:\n" + entry, encoding="utf-8")
        result = runner.invoke(app, ["approve", str(path), "vaccine"])
        assert result.exit_code == 2
        assert result.stderr == (f'error: {path}: "vaccine" (line 3) has no target to approve; give --target, or set '
                                 "keep_source: true to keep it in English\n")
        assert "approved" not in path.read_text(encoding="utf-8")
