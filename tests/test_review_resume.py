"""Sessions of `glossary review`: a skip comes back after the others, what is left is counted
honestly, a new session says what the file holds, a file that cannot be saved is refused first."""

from __future__ import annotations

import os
import stat

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary
from glossary_cli.review import ReviewSession

TEXT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: grid
    target: 电网
    status: candidate
    score: 0.95
  - source: V2G
    target: 车网互动
    status: candidate
    score: 0.93
  - source: policy stack
    target: 政策堆栈
    status: candidate
    score: 0.62
  - source: ESG
    keep_source: true
    status: approved
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def statuses(path) -> dict[str, Status]:
    return {entry.source: entry.status for entry in load_glossary(str(path)).terms}


def test_a_skipped_candidate_comes_back_after_the_others(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="saaa")
    assert result.exit_code == 0
    assert "  skipped; it comes back after the others\n" in result.stdout
    assert "4/4 · skipped earlier, back once more" in result.stdout
    assert "  approved grid → 电网\n" in result.stdout.split("back once more")[1]
    assert set(statuses(path).values()) == {Status.APPROVED}
    assert result.stdout.rstrip().endswith(f"3 approved, 0 rejected, 0 skipped; 0 not yet reviewed. Saved in {path}.")


def test_skipped_candidates_left_undecided_are_not_counted_as_reviewed(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="saq")
    assert result.stdout.rstrip().endswith(
        f"1 approved, 0 rejected, 1 skipped; 2 candidates still to decide (1 skipped, 1 not yet reviewed). "
        f"Saved in {path}.")


def test_one_candidate_skipped_is_still_to_decide(runner, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("terms:\n  - source: vaccine\n    target: 疫苗\n    status: candidate\n", encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)], input="s")
    assert result.stdout.rstrip().endswith(
        f"0 approved, 0 rejected, 1 skipped; 1 candidate still to decide (1 skipped, 0 not yet reviewed). "
        f"{path} is unchanged.")
    result = runner.invoke(app, ["review", str(path)], input="ss")
    assert "  skipped again; it stays a candidate\n" in result.stdout


def test_a_session_opens_with_what_the_file_has_decided_already(runner, path):
    runner.invoke(app, ["review", str(path)], input="ar")  # an earlier session
    result = runner.invoke(app, ["review", str(path)], input="q")
    assert result.stdout.splitlines()[0] == (
        f"{path}: 1 candidate to review, best first; it holds 2 approved and 1 rejected entries.")


def test_undoing_a_skip_takes_it_back_off_the_end_of_the_queue(path):
    session = ReviewSession.open(str(path))
    session.skip()
    assert [entry.source for entry in session.queue] == ["grid", "V2G", "policy stack", "grid"]
    assert session.undo().source == "grid"
    assert [entry.source for entry in session.queue] == ["grid", "V2G", "policy stack"]
    assert session.current.source == "grid" and not session.second_look


def test_a_read_only_glossary_is_refused_when_review_opens(runner, path):
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # chmod a-w: a reviewed version, frozen
    result = runner.invoke(app, ["review", str(path)], input="a")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {path}: is read-only, so review could save no decision; make it writable "
                             "(chmod u+w) to review it\n")
    assert result.stdout == ""  # no candidate shown, no key asked for
    assert path.read_text(encoding="utf-8") == TEXT
