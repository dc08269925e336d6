"""A merged entry can hold what both files wrote: ours' candidate with theirs' source_forbidden. A
message about such a field names the file and line it came from, beside the entry's own origin
(probe: `merge cand.yaml candforbids.yaml` blamed the mistake of candforbids.yaml on cand.yaml:4)."""

from __future__ import annotations

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
CANDIDATE = "  - source: smart grid\n    target: 智能电网\n    status: candidate\n"
OWN_TERM = ('entry "smart grid" forbids the English "smart-grid", which check reads as "smart grid", its own term; '
            "remove it from source_forbidden")


def test_a_warning_names_the_file_the_mistaken_field_came_from(runner, workdir):
    write("cand.yaml", HEADER + CANDIDATE + "    note: seen in the 2025 report\n")
    write("candforbids.yaml", HEADER + "  - source: power grid\n    target: 电网\n    status: approved\n"
          + CANDIDATE + "    source_forbidden: [smart-grid]\n")
    result = runner.invoke(app, ["merge", "cand.yaml", "candforbids.yaml"])
    assert result.exit_code == 0, result.output
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(f"warning: merge result:8:24: {OWN_TERM} (the entry is a candidate")
    assert warning.endswith(
        '[entry from cand.yaml:4, its source_forbidden "smart-grid" from candforbids.yaml:10]; merged as it is')


def test_a_refused_result_names_the_file_the_offending_field_came_from(runner, workdir):
    # both approve grid → 电网; theirs lists smart grid as its variant, which ours has as a term of its own
    write("ours.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: approved\n"
          "  - source: smart grid\n    target: 智能电网\n    status: approved\n")
    write("theirs.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: approved\n"
          "    source_variants: [smart grid]\n")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        'error: merge result:7:23: variant "smart grid" of "grid" is also the source of the entry at line 8; keep it '
        'in one place [entry from ours.yaml:4, its source_variants "smart grid" from theirs.yaml:7]')


def test_a_three_way_merge_names_the_side_a_field_of_an_entry_merged_from_both_came_from(runner, workdir):
    write("base.yaml", HEADER + CANDIDATE)
    write("ours.yaml", HEADER + CANDIDATE + "    note: seen in the 2025 report\n")
    write("theirs.yaml", HEADER + CANDIDATE + "    source_forbidden: [smart-grid]\n")
    result = runner.invoke(app, ["merge", "--base", "base.yaml", "ours.yaml", "theirs.yaml"])
    assert result.exit_code == 0, result.output
    (warning,) = result.stderr.splitlines()
    assert warning.endswith('[entry merged from ours.yaml and theirs.yaml, its source_forbidden "smart-grid" from '
                            "theirs.yaml:7]; merged as it is")


def test_a_conflict_names_the_file_a_rendering_merged_into_ours_came_from(runner, workdir):
    # theirs' candidate (ours' pair) forbids what theirs' next entry approves: validate only warns of that in
    # theirs, and the merge meets it on ours' entry, which forbids nothing in ours.yaml
    write("ours.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: candidate\n")
    write("theirs.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: candidate\n    forbidden: [电力网]\n"
          "  - source: grid\n    target: 电力网\n    status: approved\n")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml"])
    assert result.exit_code == 1
    assert 'error: conflict: "grid": one approves a rendering the other forbids (ours.yaml:4 candidate "电网", forbids ' \
           '电力网, its forbidden "电力网" from theirs.yaml:7; theirs.yaml:8 approved "电力网")' in result.stderr.splitlines()


def test_a_conflict_names_the_file_a_decision_made_on_ours_came_from(runner, workdir):
    write("ours.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: candidate\n")
    write("theirs.yaml", HEADER + "  - source: grid\n    target: 电力网\n    status: approved\n"
          "  - source: grid\n    target: 电网络\n    status: candidate\n    forbidden: [电力网]\n")
    result = runner.invoke(app, ["merge", "ours.yaml", "theirs.yaml"])
    assert result.exit_code == 1
    assert 'error: conflict: "grid": one approves a rendering the other forbids (ours.yaml:4 approved "电力网", its ' \
           'status approved from theirs.yaml:6, target "电力网" from theirs.yaml:5; theirs.yaml:7 candidate "电网络", ' \
           "forbids 电力网)" in result.stderr.splitlines()


def test_a_three_way_conflict_names_the_file_a_rendering_merged_into_ours_came_from(runner, workdir):
    write("base.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: candidate\n")
    write("ours.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: candidate\n    note: seen in 2025\n")
    write("theirs.yaml", HEADER + "  - source: grid\n    target: 电网\n    status: candidate\n    forbidden: [电力网]\n"
          "  - source: grid\n    target: 电力网\n    status: approved\n")
    result = runner.invoke(app, ["merge", "--base", "base.yaml", "ours.yaml", "theirs.yaml"])
    assert result.exit_code == 1
    assert 'error: conflict: "grid": one approves a rendering the other forbids (ours.yaml:4 candidate "电网", forbids ' \
           '电力网, its forbidden "电力网" from theirs.yaml:7; theirs.yaml:8 approved "电力网")' in result.stderr.splitlines()
