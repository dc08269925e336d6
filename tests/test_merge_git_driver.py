"""`glossary merge` as git's merge driver for glossaries: a real `git merge` of two teammates' branches."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
GRID = "  - source: grid\n    target: 电网\n    status: approved\n"
POLICY_STACK = "  - source: policy stack\n    target: 政策堆栈\n    status: approved\n"
V2G = "  - source: V2G\n    target: 车网互动\n    status: approved\n"
DRIVER = f"{shlex.quote(sys.executable)} -m glossary_cli merge --base %O %A %B -o %A --markers --name %P"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository whose *.yaml files git merges with `glossary merge`, as the README sets it up."""
    monkeypatch.setenv("HOME", str(tmp_path))  # no user or system git configuration
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(tmp_path)
    git("init", "-q", "-b", "main")
    git("config", "user.name", "Li")
    git("config", "user.email", "li@example.com")
    git("config", "merge.glossary.name", "glossary merge")
    git("config", "merge.glossary.driver", DRIVER)
    Path(".gitattributes").write_text("*.yaml merge=glossary\n", encoding="utf-8")
    commit("energy.yaml", HEADER + GRID + POLICY_STACK, "team glossary", ".gitattributes")
    return tmp_path


def git(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *arguments], capture_output=True, text=True, encoding="utf-8")


def commit(name: str, text: str, message: str, *more: str) -> None:
    Path(name).write_text(text, encoding="utf-8")
    assert git("add", name, *more).returncode == 0
    assert git("commit", "-q", "-m", message).returncode == 0


def branches(wang: str, li: str) -> None:
    """Li's edit on branch li, Wang's on main (checked out)."""
    git("checkout", "-q", "-b", "li")
    commit("energy.yaml", li, "Li's edit")
    git("checkout", "-q", "main")
    commit("energy.yaml", wang, "Wang's edit")


def test_a_deletion_on_one_branch_and_an_addition_on_the_other_merge_cleanly(repo):
    branches(wang=HEADER + GRID, li=HEADER + GRID + POLICY_STACK + V2G)
    merged = git("merge", "-q", "--no-edit", "li")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert Path("energy.yaml").read_text(encoding="utf-8") == HEADER + GRID + V2G
    assert git("status", "--porcelain").stdout == ""


def test_conflicting_changes_stop_the_merge_with_markers_validate_refuses(repo):
    branches(wang=HEADER + GRID.replace("电网", "电力网") + POLICY_STACK,
             li=HEADER + GRID.replace("电网", "输电网") + POLICY_STACK + V2G)
    merged = git("merge", "--no-edit", "li")
    assert merged.returncode == 1
    assert ('error: conflict: "grid": target changed on both sides (energy.yaml (ours):5 "电力网"; '
            'energy.yaml (theirs):5 "输电网")') in merged.stderr
    assert "CONFLICT (content): Merge conflict in energy.yaml" in merged.stdout
    assert Path("energy.yaml").read_text(encoding="utf-8") == (
        HEADER + "<<<<<<< energy.yaml (ours)\n" + GRID.replace("电网", "电力网") + "=======\n"
        + GRID.replace("电网", "输电网") + ">>>>>>> energy.yaml (theirs)\n" + POLICY_STACK + V2G)
    assert git("status", "--porcelain").stdout == "UU energy.yaml\n"
    validate = subprocess.run([sys.executable, "-m", "glossary_cli", "validate", "energy.yaml"],
                              capture_output=True, text=True, encoding="utf-8", env={**os.environ, "NO_COLOR": "1"})
    assert validate.returncode == 2
    assert validate.stderr.startswith("error: energy.yaml:4:1: unresolved merge conflict")
