"""`glossary check` against hostile or unlucky input: Ctrl-C mid-run, control characters in the corpus."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

GLOSSARY = """\
glossary: 1
terms:
  - {source: heat pump, target: 热泵, status: approved}
  - {source: smart grid, target: 智能电网, status: approved, forbidden: [聪明电网]}
"""


def _group_size(group: int) -> int:
    """How many live processes are in a process group (Linux /proc)."""
    size = 0
    for name in os.listdir("/proc"):
        try:
            stat = Path("/proc", name, "stat").read_text()
        except (OSError, ValueError):
            continue
        state, _parent, process_group = stat.rsplit(")", 1)[1].split()[:3]
        size += int(process_group) == group and state != "Z"
    return size


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts the workers through /proc")
def test_ctrl_c_while_two_workers_check_exits_130_with_one_line(tmp_path):
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "big.tsv").write_text("".join(  # a minute of work for two workers on an idle machine
        f"The heat pump {index} feeds the smart grid.\t{index} 号热泵为智能电网供电。\n" for index in range(1_000_000)),
        encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    child = subprocess.Popen([sys.executable, "-m", "glossary_cli", "check", "g.yaml", "big.tsv", "-j2",
                              "--format", "json"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        # this process, the resource tracker, the fork server and two workers
        while _group_size(child.pid) < 5 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # the workers are inside a chunk now
        assert child.poll() is None, "check finished before it could be interrupted"
        started = time.monotonic()
        os.killpg(child.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole group
        stdout, stderr = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    # promptly, no worker left to wait for: generous, as a busy machine is slow to stop too, and
    # still well short of the work left
    assert time.monotonic() - started < 20
    # the report still says the run stopped: `> report.json` in CI is a document, not an empty file
    assert (child.returncode, stderr) == (130, "glossary: interrupted; the json report on stdout says the check did "
                                               "not finish, and no other file was changed\n")
    assert json.loads(stdout)["error"]["signal"] == "SIGINT"
