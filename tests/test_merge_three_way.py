"""`glossary merge --base ANCESTOR OURS THEIRS`: with the version both teammates started from, a
deletion or a revert on one side is taken, not undone, and only a field both changed is a conflict."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
GRID = "  - source: grid\n    target: 电网\n    status: approved\n"
POLICY_STACK = "  - source: policy stack\n    target: 政策堆栈\n    status: approved\n"
V2G = "  - source: V2G\n    target: 车网互动\n    status: approved\n"


def merge(runner, *arguments: str):
    return runner.invoke(app, ["merge", *arguments])


def test_an_entry_deleted_on_one_side_stays_deleted(runner, workdir):
    write("team.yaml", HEADER + GRID + POLICY_STACK)
    write("wang.yaml", HEADER + GRID)  # Wang removed the wrong approval
    write("li.yaml", HEADER + GRID + POLICY_STACK + V2G)  # Li added V2G meanwhile
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    assert Path("out.yaml").read_text(encoding="utf-8") == HEADER + GRID + V2G
    assert result.stderr == ("merged li.yaml into wang.yaml (common ancestor team.yaml): 2 entries written to "
                             "out.yaml (1 added, 0 changed, 0 deleted)\n")
    result = merge(runner, "--base", "team.yaml", "li.yaml", "wang.yaml")  # the other way round
    assert (result.exit_code, result.stdout) == (0, HEADER + GRID + V2G)


def test_a_decision_taken_back_on_one_side_is_kept(runner, workdir):
    write("team.yaml", HEADER + GRID + POLICY_STACK)
    write("wang.yaml", HEADER + GRID + POLICY_STACK.replace("approved", "candidate"))
    write("li.yaml", HEADER + GRID + "    note: checked with the operator\n" + POLICY_STACK)
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == (HEADER + GRID + "    note: checked with the operator\n"
                             + POLICY_STACK.replace("approved", "candidate"))


def test_a_removed_forbidden_rendering_and_note_stay_removed(runner, workdir):
    write("team.yaml", HEADER + GRID + "    note: not 电力网\n    forbidden: [电力网, 网格]\n")
    write("wang.yaml", HEADER + GRID + "    forbidden: [电力网]\n")
    write("li.yaml", HEADER + GRID + "    note: not 电力网\n    forbidden: [电力网, 网格, 电网络]\n")
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEADER + GRID + "    forbidden: [电力网, 电网络]\n"


def test_fields_changed_on_different_sides_are_both_taken(runner, workdir):
    write("team.yaml", HEADER + "  # from the 2025 standard\n" + GRID)
    write("wang.yaml", HEADER + "  # from the 2025 standard\n" + GRID.replace("电网", "电力网"))
    write("li.yaml", HEADER + "  # from the 2025 standard\n" + GRID + "    x-reviewer: Li\n")
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == (HEADER + "  # from the 2025 standard\n" + GRID.replace("电网", "电力网")
                             + "    x-reviewer: Li\n")


def test_a_comment_corrected_on_one_side_replaces_the_old_one(runner, workdir):
    write("team.yaml", HEADER + "  # Reviewd by Li\n" + GRID)
    write("wang.yaml", HEADER + "  # Reviewed by Li\n" + GRID)
    write("li.yaml", HEADER + "  # Reviewd by Li\n" + GRID + "    note: ministry usage\n")
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEADER + "  # Reviewed by Li\n" + GRID + "    note: ministry usage\n"


def test_the_same_field_changed_differently_on_both_sides_is_a_conflict(runner, workdir):
    write("team.yaml", HEADER + GRID + "    note: Use 电网 in al contexts.\n" + V2G)
    write("wang.yaml", HEADER + GRID.replace("电网", "电力网") + "    note: Use 电网 in all contexts.\n" + V2G)
    write("li.yaml", HEADER + GRID.replace("电网", "输电网") + "    note: Use 电网 everywhere.\n"
          + V2G.replace("approved", "rejected"))
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "-o", "out.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        'error: conflict: "grid": target changed on both sides (wang.yaml:5 "电力网"; li.yaml:5 "输电网")\n'
        'error: conflict: "grid": note changed on both sides (wang.yaml:7 "Use 电网 in all contexts."; '
        'li.yaml:7 "Use 电网 everywhere.")\n'
        "error: 2 conflicts; nothing written. Settle them in wang.yaml or li.yaml and merge again\n")
    assert not Path("out.yaml").exists()


def test_an_entry_deleted_on_one_side_and_changed_on_the_other_is_a_conflict(runner, workdir):
    write("team.yaml", HEADER + GRID + POLICY_STACK)
    write("wang.yaml", HEADER + GRID)
    write("li.yaml", HEADER + GRID + POLICY_STACK + "    note: the minister's phrase\n")
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        'error: conflict: "policy stack": deleted in wang.yaml, changed in li.yaml '
        '(li.yaml:7 approved "政策堆栈")\n'
        "error: 1 conflict; nothing written. Settle it in wang.yaml or li.yaml and merge again\n")


def test_entries_both_sides_added_are_merged_as_two_files_are(runner, workdir):
    write("team.yaml", HEADER + GRID)
    write("wang.yaml", HEADER + GRID + V2G)
    write("li.yaml", HEADER + GRID + V2G.replace("车网互动", "车辆到电网"))
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        'error: conflict: "V2G": approved with different targets (wang.yaml:7 approved "车网互动"; '
        'li.yaml:7 approved "车辆到电网")')
    write("li.yaml", HEADER + GRID + V2G + "    note: the grid operator's term\n")
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert (result.exit_code, result.stdout) == (0, HEADER + GRID + V2G + "    note: the grid operator's term\n")


def test_an_empty_ancestor_means_both_added_everything(runner, workdir):
    """git passes an empty file as %O when the two branches share no version of the file."""
    write("empty.yaml", "")
    write("wang.yaml", HEADER + GRID)
    write("li.yaml", HEADER + GRID + V2G)
    result = merge(runner, "--base", "empty.yaml", "wang.yaml", "li.yaml")
    assert (result.exit_code, result.stdout) == (0, HEADER + GRID + V2G)


def test_a_side_that_changed_nothing_leaves_the_other_byte_for_byte(runner, workdir):
    ours = "# team glossary\r\nglossary: 1\r\nterms:\r\n- source: grid   # the usual one\r\n  target: 电网\r\n" \
           "  status: approved\r\n"
    write("team.yaml", HEADER + GRID)
    write("wang.yaml", ours)
    write("li.yaml", HEADER + GRID)
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    assert Path("out.yaml").read_bytes() == ours.encode("utf-8")


def test_what_only_theirs_changed_is_written_in_ours_layout(runner, workdir):
    ours = "# team glossary\r\nglossary: 1\r\nterms:\r\n- source: grid   # the usual one\r\n  target: 电网\r\n" \
           "  status: approved\r\n"
    write("team.yaml", ours)
    write("wang.yaml", ours)
    write("li.yaml", HEADER + GRID + V2G)  # Li dropped both comments, added languages and V2G
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "-o", "out.yaml")
    assert result.exit_code == 0, result.output
    assert Path("out.yaml").read_bytes().decode("utf-8") == HEADER.replace("\n", "\r\n") + (
        "- source: grid\r\n  target: 电网\r\n  status: approved\r\n"
        "- source: V2G\r\n  target: 车网互动\r\n  status: approved\r\n")


def test_conflicts_left_between_markers_with_markers(runner, workdir):
    write("team.yaml", HEADER + GRID + V2G)
    write("wang.yaml", HEADER + GRID.replace("电网", "电力网") + V2G)
    write("li.yaml", HEADER + GRID.replace("电网", "输电网") + V2G + POLICY_STACK)
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "-o", "wang.yaml", "--markers")
    assert result.exit_code == 1
    assert result.stderr == (
        'error: conflict: "grid": target changed on both sides (wang.yaml:5 "电力网"; li.yaml:5 "输电网")\n'
        "error: 1 conflict left between <<<<<<< and >>>>>>> lines in wang.yaml; keep one side of each (or write "
        "what both sides mean), then run glossary validate\n")
    assert Path("wang.yaml").read_text(encoding="utf-8") == (
        HEADER + "<<<<<<< wang.yaml\n" + GRID.replace("电网", "电力网") + "=======\n"
        + GRID.replace("电网", "输电网") + ">>>>>>> li.yaml\n" + V2G + POLICY_STACK)
    result = runner.invoke(app, ["validate", "wang.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: wang.yaml:4:1: unresolved merge conflict")


def test_an_entry_deleted_on_one_side_faces_an_empty_side_between_markers(runner, workdir):
    write("team.yaml", HEADER + GRID + POLICY_STACK)
    write("wang.yaml", HEADER + GRID)
    write("li.yaml", HEADER + GRID + POLICY_STACK + "    note: the minister's phrase\n")
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "--markers")
    assert result.exit_code == 1
    assert result.stdout == (HEADER + GRID + "<<<<<<< wang.yaml\n=======\n" + POLICY_STACK
                             + "    note: the minister's phrase\n>>>>>>> li.yaml\n")


def test_name_stands_for_a_merge_drivers_temporary_files(runner, workdir):
    write("team.yaml", HEADER + GRID)
    write(".merge_file_a", HEADER + GRID.replace("电网", "电力网"))
    write(".merge_file_b", HEADER + GRID.replace("电网", "输电网"))
    result = merge(runner, "--base", "team.yaml", ".merge_file_a", ".merge_file_b", "-o", ".merge_file_a",
                   "--markers", "--name", "glossaries/energy.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        'error: conflict: "grid": target changed on both sides (glossaries/energy.yaml (ours):5 "电力网"; '
        'glossaries/energy.yaml (theirs):5 "输电网")')
    assert "<<<<<<< glossaries/energy.yaml (ours)\n" in Path(".merge_file_a").read_text(encoding="utf-8")


def test_entries_of_one_term_keep_their_places(runner, workdir):
    rejected = "  - source: grid\n    target: 电网格\n    status: rejected\n"
    write("team.yaml", HEADER + rejected + V2G + GRID)
    write("wang.yaml", HEADER + rejected + V2G + GRID)
    write("li.yaml", HEADER + rejected.replace("rejected\n", "rejected\n    note: a span too long\n") + V2G + GRID)
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert (result.exit_code, result.stdout) == (0, Path("li.yaml").read_text(encoding="utf-8"))


def test_top_level_keys_merge_key_by_key(runner, workdir):
    top = "glossary: 1\nx-owner: Li\nlanguages: {source: en, target: zh}\nterms:\n"
    write("team.yaml", top + GRID)
    write("wang.yaml", top.replace("x-owner: Li\n", "x-owner: Li\nx-team: energy\n") + GRID)
    write("li.yaml", top.replace("Li", "Wang") + GRID)
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml")
    assert (result.exit_code, result.stdout) == (0, top.replace("x-owner: Li\n", "x-owner: Wang\nx-team: energy\n")
                                                 + GRID)
    write("wang.yaml", top.replace("Li", "Zhao") + GRID)
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "--markers")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        'error: conflict: the top-level key x-owner changed on both sides (wang.yaml:2 "Zhao"; li.yaml:2 "Wang")')
    assert result.stdout == ("<<<<<<< wang.yaml\n" + top.replace("Li", "Zhao").replace("terms:\n", "")
                             + "=======\n" + top.replace("Li", "Wang").replace("terms:\n", "") + ">>>>>>> li.yaml\n"
                             + "terms:\n" + GRID)


def test_a_side_validate_refuses_is_merged_as_text_with_markers_so_nothing_of_it_is_lost(runner, workdir):
    """A merge driver that wrote nothing would leave ours alone in the file, valid and unmarked:
    committing it would drop theirs for good (the team probe's finding 2)."""
    write("team.yaml", HEADER + GRID + POLICY_STACK)
    write("wang.yaml", HEADER + GRID.replace("电网", "电力网") + POLICY_STACK)
    write("li.yaml", HEADER + GRID + POLICY_STACK.replace("approved", "rejected") + V2G.replace("approved", "aproved"))
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "-o", "wang.yaml", "--markers")
    assert result.exit_code == 2  # an input error; git takes any failure as a conflict to resolve
    assert result.stderr.splitlines()[0] == "error: li.yaml:12:13: unknown status 'aproved'; use candidate, approved or rejected"
    assert "holds the two merged line by line" in result.stderr
    merged = Path("wang.yaml").read_text(encoding="utf-8")
    assert "电力网" in merged and "status: rejected" in merged and "status: aproved" in merged  # both sides' edits
    assert runner.invoke(app, ["validate", "wang.yaml"]).exit_code == 2


def test_a_merge_validate_would_refuse_is_merged_as_text_with_markers(runner, workdir):
    write("team.yaml", HEADER + GRID + POLICY_STACK)
    write("wang.yaml", HEADER + GRID + "    forbidden: [电力网]\n" + POLICY_STACK)
    write("li.yaml", HEADER + GRID.replace("target: 电网", "target: [电网, 电力网]") + POLICY_STACK.replace("approved", "rejected"))
    result = merge(runner, "--base", "team.yaml", "wang.yaml", "li.yaml", "-o", "wang.yaml", "--markers")
    assert result.exit_code == 1
    merged = Path("wang.yaml").read_text(encoding="utf-8")
    assert "forbidden: [电力网]" in merged and "[电网, 电力网]" in merged and "status: rejected" in merged
    validated = runner.invoke(app, ["validate", "wang.yaml"])
    assert validated.exit_code == 2 and 'forbids "电力网", which it also allows' in validated.stderr


def test_entries_one_side_regrouped_keep_that_order_when_the_other_side_only_edited(runner, workdir):
    """A reviewer moves the approved terms under a heading; a teammate approves another term. The
    heading must stay above the entries it was written for (the team probe's finding 4)."""
    candidate = "  - source: {0}\n    target: {1}\n    status: candidate\n"
    grid, hub, v2g = candidate.format("grid", "电网"), candidate.format("hub", "枢纽"), candidate.format("V2G", "车网互动")
    write("team.yaml", HEADER + grid + hub + v2g)
    regrouped = ("  # ---- Approved ----\n" + v2g.replace("candidate", "approved") + "  # ---- To review ----\n"
                 + grid + hub)
    write("li.yaml", HEADER + regrouped)
    write("wang.yaml", HEADER + grid + hub.replace("candidate", "approved") + v2g)
    for ours, theirs in (("wang.yaml", "li.yaml"), ("li.yaml", "wang.yaml")):
        result = merge(runner, "--base", "team.yaml", ours, theirs)
        assert result.exit_code == 0, result.output
        assert result.stdout == HEADER + regrouped.replace("hub\n    target: 枢纽\n    status: candidate",
                                                           "hub\n    target: 枢纽\n    status: approved")
