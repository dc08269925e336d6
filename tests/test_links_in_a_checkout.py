"""Symbolic links and special files a branch can put in a checkout. A directory walk follows no
link and opens no pipe: `docs/zh/x.po -> /etc/passwd` had the first line of the file quoted in an
error that CI publishes, and a named pipe kept `check` waiting forever. A file named on the command
line is read whatever it is, and an error quotes no more than 80 characters of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from tests.support import SMART_GRID_APPROVED, SMART_GRID_PO

GLOSSARY, PO = SMART_GRID_APPROVED, SMART_GRID_PO

SECRET = "GITHUB_TOKEN=ghs_SECRETTOKEN123\n"
WALK_NOTE = ("a directory walk follows no symbolic link and opens no pipe or device; name such a file on the command "
             "line to read it")

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or not hasattr(os, "mkfifo"), reason="POSIX only")


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A repository with a translation, beside a secret outside it."""
    monkeypatch.chdir(tmp_path)
    Path("outside").mkdir()
    Path("outside/env").write_text(SECRET, encoding="utf-8")
    Path("repo/docs/zh").mkdir(parents=True)
    os.chdir("repo")
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("docs/zh/app.po").write_text(PO, encoding="utf-8")
    return tmp_path


def test_a_walk_does_not_read_a_link_out_of_the_directory(runner, checkout):
    os.symlink("../../../outside/env", "docs/zh/env.po")
    os.symlink("app.po", "docs/zh/zh.po")  # read as app.po anyway: left out unsaid

    result = runner.invoke(app, ["check", "g.yaml", "docs/zh", "--format", "sarif"])

    assert result.exit_code == 0, result.output
    assert "GITHUB_TOKEN" not in result.stdout + result.stderr
    assert result.stderr == (f"warning: docs/zh: 1 file not read (docs/zh/env.po): {WALK_NOTE}\n"
                             "No findings in 1 pair, 1 approved term.\n")


def test_a_directory_of_links_only_says_why_nothing_is_read(runner, checkout):
    Path("links").mkdir()
    os.symlink("../../outside/env", "links/env.po")

    result = runner.invoke(app, ["check", "g.yaml", "links"])

    assert result.exit_code == 2
    assert result.stderr.startswith("error: links: is a directory with no corpus files (looked for .po,")
    assert result.stderr.endswith(f"; 1 file not read (links/env.po): {WALK_NOTE}\n")


def test_a_link_named_on_the_command_line_is_read_and_quoted_briefly(runner, checkout):
    Path("../outside/env").write_text("GITHUB_TOKEN=" + "x" * 500 + "\n", encoding="utf-8")
    os.symlink("../../outside/env", "docs/env.po")

    result = runner.invoke(app, ["check", "g.yaml", "docs/env.po"])

    assert result.exit_code == 2
    assert result.stderr == (f'error: docs/env.po:1: malformed PO: unknown keyword "GITHUB_TOKEN={"x" * 66}…"; '
                             "an entry is made of msgctxt, msgid, msgid_plural and msgstr lines\n")


def test_a_pipe_in_a_directory_is_not_opened(checkout):
    os.mkfifo("docs/zh/fifo.po")

    # a subprocess with a timeout: the old walk opened the pipe and waited for a writer forever
    done = subprocess.run([sys.executable, "-m", "glossary_cli", "check", "g.yaml", "docs/zh"], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "NO_COLOR": "1"})

    assert done.returncode == 0, done.stderr
    assert done.stderr == f"warning: docs/zh: 1 file not read (docs/zh/fifo.po): {WALK_NOTE}\n"


def test_a_link_to_standard_input_in_a_directory_is_not_read(runner, checkout):
    os.symlink("/dev/stdin", "docs/zh/stdin.po")

    result = runner.invoke(app, ["check", "g.yaml", "docs/zh"], input="msgid \"x\"\n")

    assert result.exit_code == 0, result.output
    assert result.stderr == f"warning: docs/zh: 1 file not read (docs/zh/stdin.po): {WALK_NOTE}\n"


def test_resource_directories_paired_by_key_read_no_link_and_no_pipe(runner, checkout):
    for side, text in (("values", "Smart grid"), ("values-zh-rCN", "智能电网")):
        Path(f"res/{side}").mkdir(parents=True)
        Path(f"res/{side}/strings.xml").write_text(
            f'<resources>\n  <string name="grid">{text}</string>\n</resources>\n', encoding="utf-8")
    Path("../outside/keys.xml").write_text('<resources><string name="grid">GITHUB_TOKEN</string></resources>\n',
                                           encoding="utf-8")
    os.symlink("../../../outside/keys.xml", "res/values-zh-rCN/zz_strings.xml")
    os.mkfifo("res/values/fifo.xml")

    done = subprocess.run([sys.executable, "-m", "glossary_cli", "check", "g.yaml", "--source", "res/values",
                           "--target", "res/values-zh-rCN"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})

    assert done.returncode == 0, done.stderr
    assert "GITHUB_TOKEN" not in done.stdout + done.stderr
