"""merge carries the mistakes of entries nobody approved (a candidate forbidding its own term, a
rejected entry with a no-break space) into its result, as export does: it says so, one warning
per mistake at its line in the result with the file the entry came from, and merges all the same
(probe: merge carried them silently, where export warns "exported as it is")."""

from __future__ import annotations

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
OURS = HEADER + "  - {source: power grid, target: 电网, status: approved}\n"
THEIRS = HEADER + ("  - {source: smart grid, target: 智能电网, status: candidate, source_forbidden: [smart-grid]}\n"
                   '  - {source: "micro\u00a0grid", target: 微电网, status: rejected}\n')
OWN_TERM = ('entry "smart grid" forbids the English "smart-grid", which check reads as "smart grid", its own term; '
            "remove it from source_forbidden (the entry is a candidate: check and export read approved entries "
            "only, so this stops nothing, but approving it is refused until it is mended)")
SPACE = ('source "micro<U+00A0>grid" holds the space U+00A0 (NO-BREAK SPACE), which an export would carry into '
         "CAT tools, whose term search then misses it; write a plain space (the entry is rejected: check and export "
         "read approved entries only, so this stops nothing, but approving it is refused until it is mended)")


def test_merge_names_each_mistake_it_carries_and_merges(runner, workdir):
    write("ours.yaml", OURS)
    write("theirs.yaml", THEIRS)
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: ours.yaml:5:78: {OWN_TERM} [entry from theirs.yaml:4]; merged as it is",
        f"warning: ours.yaml:6:14: {SPACE} [entry from theirs.yaml:5]; merged as it is",
        "merged theirs.yaml into ours.yaml: 3 entries written to ours.yaml (2 added, 0 changed)"]
    merged = (workdir / "ours.yaml").read_text(encoding="utf-8")
    assert "source_forbidden: [smart-grid]" in merged and "micro\u00a0grid" in merged


def test_a_merge_to_standard_output_names_them_in_the_merge_result(runner, workdir):
    write("ours.yaml", OURS)
    write("theirs.yaml", THEIRS)
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml"])
    assert result.exit_code == 0, result.output
    warned = [line.split(": ", 2)[1] for line in result.stderr.splitlines()]
    assert warned == ["merge result:5:78", "merge result:6:14"]
    assert "micro\u00a0grid" in result.stdout


def test_a_three_way_merge_names_them_too(runner, workdir):
    write("base.yaml", OURS)
    write("ours.yaml", OURS)
    write("theirs.yaml", OURS + THEIRS.removeprefix(HEADER))
    result = runner.invoke(app, ["merge", "--base", "base.yaml", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    assert [line.endswith("; merged as it is") for line in result.stderr.splitlines()] == [True, True, False]



def test_a_candidate_forbidding_its_own_rendering_is_no_conflict_of_a_file_with_itself(runner, workdir):
    # both sides hold the same mistake: nothing to settle between them (probe P1: exit 1, "conflict")
    write("ours.yaml", HEADER + "  - {source: wind farm, target: 风电场, forbidden: [风电场], status: candidate}\n")
    write("theirs.yaml", HEADER + "  - {source: wind farm, target: 风电场, forbidden: [风电场], status: candidate}\n")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 0, result.output
    assert "conflict" not in result.stderr


def test_one_side_forbidding_what_the_other_approves_is_still_a_conflict(runner, workdir):
    write("ours.yaml", HEADER + "  - {source: wind farm, target: 风电场, status: approved}\n")
    write("theirs.yaml", HEADER + "  - {source: wind farm, target: 风电场, forbidden: [风电场], status: candidate}\n")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 1
    assert 'conflict: "wind farm": one approves a rendering the other forbids' in result.stderr
