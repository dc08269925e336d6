"""A rewritten glossary keeps its owner and group, as it keeps its mode: root in a CI container
on a mounted checkout must not lock the owner out, nor a team member take the file from its group."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from glossary_cli.atomic import write_atomic
from glossary_cli.cli.common import app

CANDIDATE = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: candidate\n"
NOBODY = 65534
TEAM = 4242  # a group only the glossary and its team member belong to

needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="only root can give files to other users")


@pytest.fixture
def shared_directory():
    """A directory everyone may write in (tmp_path lies under root's private directory)."""
    directory = tempfile.mkdtemp(prefix="glossary-owner-", dir="/tmp")
    os.chmod(directory, 0o777)
    yield Path(directory)
    shutil.rmtree(directory)


@needs_root
def test_approve_run_as_root_leaves_the_glossary_to_its_owner(runner, shared_directory):
    glossary = shared_directory / "energy.yaml"
    glossary.write_text(CANDIDATE, encoding="utf-8")
    os.chown(glossary, NOBODY, NOBODY)
    os.chmod(glossary, 0o600)

    result = runner.invoke(app, ["approve", str(glossary), "grid"])

    assert result.exit_code == 0, result.output
    assert "status: approved" in glossary.read_text(encoding="utf-8")
    kept = os.stat(glossary)
    assert (kept.st_uid, kept.st_gid, kept.st_mode & 0o777) == (NOBODY, NOBODY, 0o600)


@needs_root
def test_a_team_member_who_rewrites_the_shared_glossary_keeps_it_in_the_team_group(shared_directory):
    glossary = shared_directory / "energy.yaml"
    glossary.write_text(CANDIDATE, encoding="utf-8")
    os.chown(glossary, 1000, TEAM)  # a colleague's file, group-writable for the team
    os.chmod(glossary, 0o664)

    child = os.fork()
    if child == 0:  # the team member: another user, whose own group is not the team's
        try:
            os.setgroups([TEAM])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            write_atomic(str(glossary), CANDIDATE.replace("candidate", "approved"))
        except BaseException:
            os._exit(1)
        os._exit(0)
    _, status = os.waitpid(child, 0)

    assert os.waitstatus_to_exitcode(status) == 0
    assert "status: approved" in glossary.read_text(encoding="utf-8")
    rewritten = os.stat(glossary)
    assert (rewritten.st_gid, rewritten.st_mode & 0o777) == (TEAM, 0o664)
    assert rewritten.st_uid == NOBODY  # only root may give a file away
