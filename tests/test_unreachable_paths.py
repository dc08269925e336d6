"""A path the system refuses to look at (a name longer than the file system takes, a directory
without search permission) is an input or output error like a missing file: exit 2, one line
naming the file and the reason, and for check's machine formats a report saying so. It was a
PermissionError or OSError traceback from pathlib's is_dir()/is_file(), exit 1, and an empty SARIF
file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from glossary_cli.cli import app

GLOSSARY = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n"
LONG = "a" * 300  # a file name of 300 bytes; Linux and macOS take at most 255


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ok.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.tsv").write_text("The grid is down.\t网格断了。\n", encoding="utf-8")
    return tmp_path


def one_error(result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr == f"error: {message}\n"


def test_check_of_a_glossary_with_too_long_a_name(runner, workdir):
    one_error(runner.invoke(app, ["check", f"{LONG}.yaml", "c.tsv"]), f"{LONG}.yaml: cannot read: File name too long")


def test_check_of_a_glossary_with_too_long_a_name_still_writes_its_sarif_report(runner, workdir):
    result = runner.invoke(app, ["check", f"{LONG}.yaml", "c.tsv", "--format", "sarif"])

    assert result.exit_code == 2
    (notification,) = json.loads(result.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == "cannot read: File name too long"


def test_export_to_too_long_a_name(runner, workdir):
    one_error(runner.invoke(app, ["export", "ok.yaml", "--to", "tsv", "-o", f"{LONG}.tsv"]),
              f"{LONG}.tsv: cannot access: File name too long")


def test_a_baseline_with_too_long_a_name_is_refused_before_the_report(runner, workdir):
    result = runner.invoke(app, ["check", "ok.yaml", "c.tsv", "--write-baseline", f"{LONG}.json", "--format", "json"])

    one_error(result, f"{LONG}.json: cannot access: File name too long")
    assert json.loads(result.stdout)["error"]["message"] == "cannot access: File name too long"


# Root reads through any permission; these run as root only with the capabilities to do so dropped.
_AS_AN_ORDINARY_USER = [] if os.geteuid() != 0 else \
    ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


@pytest.fixture
def locked(workdir):
    """locked/ holds a glossary and a table, and cannot be searched: nothing in it can be looked at.
    closed.yaml, beside it, can be looked at but not read (chmod 000)."""
    Path("locked").mkdir()
    Path("locked/g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("locked/x.tsv").write_text("en\tzh\tstatus\ngrid\t电网\tapproved\n", encoding="utf-8")
    Path("locked").chmod(0)
    Path("closed.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("closed.yaml").chmod(0)
    if _AS_AN_ORDINARY_USER and (not shutil.which("setpriv") or subprocess.run(
            [*_AS_AN_ORDINARY_USER, "test", "-r", "locked/g.yaml"], capture_output=True).returncode != 1):
        Path("locked").chmod(0o755)
        pytest.skip("running as root, and cannot drop the capability to read anything (setpriv)")
    yield Path("locked")
    Path("locked").chmod(0o755)


def glossary(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([*_AS_AN_ORDINARY_USER, sys.executable, "-m", "glossary_cli", *arguments],
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})


def test_check_of_a_glossary_in_a_locked_directory_writes_its_sarif_report(locked):
    done = glossary("check", "locked/g.yaml", "c.tsv", "--format", "sarif")

    assert (done.returncode, done.stderr) == (2, "error: locked/g.yaml: cannot read: Permission denied\n")
    (notification,) = json.loads(done.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == "cannot read: Permission denied"


def test_check_of_an_unreadable_glossary_writes_its_sarif_report(locked):
    done = glossary("check", "closed.yaml", "c.tsv", "--format", "sarif")

    assert (done.returncode, done.stderr) == (2, "error: closed.yaml: cannot read: Permission denied\n")
    (notification,) = json.loads(done.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == "cannot read: Permission denied"


def test_export_into_a_locked_directory(locked):
    done = glossary("export", "ok.yaml", "--to", "tsv", "-o", "locked/x.tsv")

    assert (done.returncode, done.stderr) == (2, "error: locked/x.tsv: cannot access: Permission denied\n")


def test_a_baseline_in_a_locked_directory(locked):
    done = glossary("check", "ok.yaml", "c.tsv", "--write-baseline", "locked/b.json")

    assert (done.returncode, done.stderr) == (2, "error: locked/b.json: cannot access: Permission denied\n")


def test_import_of_a_table_in_a_locked_directory_says_permission_denied_not_missing(locked):
    done = glossary("import", "locked/x.tsv", "-o", "y.yaml")

    assert (done.returncode, done.stderr) == (2, "error: locked/x.tsv: cannot read: Permission denied\n")
