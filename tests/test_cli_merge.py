"""`glossary merge` from the command line: what people wrote survives, and a broken result is pointed out."""

from __future__ import annotations

from pathlib import Path


from glossary_cli.cli.common import app
from tests.support import CANDIDATE_WITH_WORK, write_here as write


def test_merge_keeps_comment_note_and_own_fields_of_a_candidate(runner, workdir):
    write("mc.yaml", CANDIDATE_WITH_WORK.replace("    forbidden: [云朵]\n", ""))
    write("md.yaml", "glossary: 1\nterms:\n  - source: cloud\n    target: 云端\n    status: approved\n")
    result = runner.invoke(app, ["merge", "mc.yaml", "md.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "glossary: 1\nterms:\n  # ask legal about this one\n  - source: cloud\n    target: 云端\n"
        "    status: approved\n    note: 法务确认中\n    ticket: LEG-12\n"
        "    alternatives:\n      - {target: 云}\n")


def test_merge_refuses_a_result_that_would_fail_validate(runner, workdir):
    write("a.yaml", "glossary: 1\nterms:\n  - source: Vehicle-to-Grid\n    target: 车网互动\n    status: approved\n")
    write("b.yaml", "glossary: 1\nterms:\n  - source: V2G\n    target: 车网互动\n    status: approved\n"
                    "    source_variants: [Vehicle-to-Grid]\n")
    result = runner.invoke(app, ["merge", "a.yaml", "b.yaml", "-o", "c.yaml"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        'error: merge result:9:23: variant "Vehicle-to-Grid" of "V2G" is also the source of the entry at line 3; '
        "keep it in one place [entry from b.yaml:3]\n"
        "error: the merged glossary would fail validate (1 problem); nothing written. "
        "Settle it in a.yaml or b.yaml and merge again\n")
    assert not Path("c.yaml").exists()
    assert runner.invoke(app, ["merge", "a.yaml", "b.yaml"]).stdout == ""


def test_dash_output_means_stdout(runner, workdir):
    write("a.yaml", CANDIDATE_WITH_WORK)
    write("b.yaml", "glossary: 1\nterms: []\n")
    result = runner.invoke(app, ["merge", "a.yaml", "b.yaml", "-o", "-"])
    assert (result.exit_code, result.stdout) == (0, CANDIDATE_WITH_WORK)
    assert not Path("-").exists()


def test_merge_never_replaces_a_glossary_it_did_not_read(runner, workdir):
    reviewed = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n"
    write("energy.yaml", reviewed)
    write("a.yaml", "glossary: 1\nterms:\n  - source: cloud\n    target: 云\n    status: approved\n")
    write("b.yaml", "glossary: 1\nterms:\n  - source: cache\n    target: 缓存\n    status: approved\n")
    result = runner.invoke(app, ["merge", "a.yaml", "b.yaml", "-o", "energy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("error: -o energy.yaml exists and is neither of the glossaries merged, so merging would "
                             "replace it; merge into it (glossary merge energy.yaml b.yaml -o energy.yaml) or choose "
                             "another file\n")
    assert Path("energy.yaml").read_text(encoding="utf-8") == reviewed
    assert runner.invoke(app, ["merge", "a.yaml", "b.yaml", "-o", "a.yaml"]).exit_code == 0  # into OURS, as git does


def test_as_a_merge_driver_a_broken_side_is_named_as_the_glossary_not_gits_temporary_file(runner, workdir):
    write(".merge_file_a", "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n")
    write(".merge_file_b", "glossary: 1\nterms:\n  - source: grid\n    target: [电网\n")
    result = runner.invoke(app, ["merge", ".merge_file_a", ".merge_file_b", "-o", ".merge_file_a", "--markers",
                                 "--name", "glossaries/energy.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: glossaries/energy.yaml (theirs):")
