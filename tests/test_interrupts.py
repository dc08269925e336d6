"""Ctrl-C: extract stops with exit 130 and one line, leaving the old glossary; review keeps decisions.

Ctrl-C in a terminal signals the whole foreground process group (the command and any --jobs
workers), so the tests start the command in its own session and signal the group.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.support import REVIEW_PROMPT, SMART_GRID_APPROVED

INTERRUPTED = "glossary: interrupted; files on disk are unchanged"
# How long a stop may take: generous, as a busy machine is slow to stop too. The work the stop
# abandons takes minutes (long_corpus), so a stop that waited for it still fails.
PROMPTLY = 30


def long_corpus(shared_data, directory) -> str:
    """TICO-19 ten times over, each copy's pairs made distinct: minutes of work for extract."""
    lines = (shared_data / "tico19_en_zh" / "segments.tsv").read_text(encoding="utf-8").splitlines()
    corpus = directory / "segments.tsv"
    corpus.write_text("".join(f"{english} ({copy})\t{chinese}（{copy}）\n" for copy in range(10)
                              for english, chinese in (line.split("\t") for line in lines)), encoding="utf-8")
    return str(corpus)


def group_ends(group: int, seconds: float) -> bool:
    """Whether every process of the process group is gone within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("jobs, stop, code, presses", [(1, signal.SIGINT, 130, 1), (2, signal.SIGINT, 130, 1),
                                                       (2, signal.SIGTERM, 143, 1), (2, signal.SIGINT, 130, 8)])
def test_ctrl_c_during_extract_exits_130_with_one_line_and_keeps_the_old_glossary(shared_data, tmp_path,
                                                                                   tmp_path_factory, jobs, stop, code,
                                                                                   presses):
    """Ctrl-C, or SIGTERM from a process manager (exit 143); workers included, nothing is left running.
    An impatient user pressing Ctrl-C again and again gets the same."""
    corpus = long_corpus(shared_data, tmp_path_factory.mktemp("corpus"))  # certainly mid-run at 2 s
    output = tmp_path / "glossary.yaml"
    output.write_text(SMART_GRID_APPROVED, encoding="utf-8")
    # An empty cache of its own: with what other tests of the session cached, the run could be
    # over (or shutting down) by the time the signal comes.
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("xdg"))}
    child = subprocess.Popen([sys.executable, "-m", "glossary_cli", "extract", str(corpus), "-o", str(output),
                              "--jobs", str(jobs)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    try:
        time.sleep(2.0)
        assert child.poll() is None, "extract finished before it could be interrupted"
        for press in range(presses):
            os.kill(child.pid, stop) if stop == signal.SIGTERM else os.killpg(child.pid, stop)  # kill PID: the parent only
            time.sleep(0.05)
        stdout, stderr = child.communicate(timeout=PROMPTLY)  # stops promptly, not after the work
    finally:
        if child.poll() is None:  # it did not stop: end it and its workers
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert child.returncode == code, stderr
    assert group_ends(child.pid, PROMPTLY), "a worker was left running"
    lines = stderr.splitlines()
    assert lines[-1] == INTERRUPTED  # one line about the interrupt, after any progress lines
    assert all(line.startswith("extracting: ") for line in lines[:-1]), stderr
    assert stdout == ""
    assert output.read_text(encoding="utf-8") == SMART_GRID_APPROVED
    assert sorted(os.listdir(tmp_path)) == ["glossary.yaml"]  # no temporary file left


def test_workers_end_when_their_parent_is_killed_outright(shared_data, tmp_path, tmp_path_factory):
    """SIGKILL (a CI job's hard timeout) gives the parent no chance to stop its workers: they notice
    it is gone and exit rather than run on for good."""
    env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("xdg"))}
    child = subprocess.Popen([sys.executable, "-m", "glossary_cli", "extract",
                              long_corpus(shared_data, tmp_path), "-o", str(tmp_path / "g.yaml"),
                              "--jobs", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    try:
        time.sleep(4.0)  # the workers are at work by now
        assert child.poll() is None, "extract finished before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=PROMPTLY)
        if not group_ends(child.pid, PROMPTLY):
            pytest.fail(f"workers still running {PROMPTLY} s after their parent was killed")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)


def test_ctrl_c_during_review_keeps_every_decision_made_so_far(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    from glossary_cli.glossary import Status
    from glossary_cli.glossary_yaml import load_glossary

    path = tmp_path / "glossary.yaml"
    path.write_text(SMART_GRID_APPROVED.replace("approved", "candidate") + "".join(
        f"  - source: term {index}\n    target: 术语{index}\n    status: candidate\n    score: 0.{9 - index}\n"
        for index in range(4)), encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}
    child = pexpect.spawn(sys.executable, ["-m", "glossary_cli", "review", str(path)], env=env,
                          encoding="utf-8", dimensions=(40, 100), timeout=20)
    decided = []
    for key, verb in (("a", "approved"), ("r", "rejected"), ("a", "approved")):
        child.expect(REVIEW_PROMPT)
        child.send(key)
        child.expect(f"{verb} (.+?) → ")
        decided.append((child.match.group(1).strip(), verb))
    child.expect(REVIEW_PROMPT)
    child.sendintr()
    child.expect("interrupted; 3 decisions already saved in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    statuses = {entry.source: entry.status for entry in load_glossary(str(path)).terms}
    assert [(source, statuses[source]) for source, _ in decided] == [
        (source, Status.APPROVED if verb == "approved" else Status.REJECTED) for source, verb in decided]
    assert sum(status is not Status.CANDIDATE for status in statuses.values()) == 3


def test_a_swallowed_ctrl_c_still_keeps_the_old_file(tmp_path, monkeypatch):
    """Python drops a KeyboardInterrupt raised inside a finaliser ("Exception ignored") and runs
    on; the write at the end of the run must still not happen."""
    from glossary_cli import interrupts
    from glossary_cli.atomic import write_atomic

    path = tmp_path / "glossary.yaml"
    path.write_text(SMART_GRID_APPROVED, encoding="utf-8")
    monkeypatch.setattr(interrupts, "_received", False)
    previous = signal.getsignal(signal.SIGINT)
    interrupts.install()
    try:
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the handler raises here
        except KeyboardInterrupt:
            pass  # swallowed, as a finaliser would
        with pytest.raises(KeyboardInterrupt):
            write_atomic(str(path), "terms: []\n")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert path.read_text(encoding="utf-8") == SMART_GRID_APPROVED
    assert os.listdir(tmp_path) == ["glossary.yaml"]


class _Directory:
    """A map's context: where the slow shards leave a file while they run."""

    def __init__(self, path) -> None:
        self.path = path

    def prepare(self) -> None:
        pass


def _slow_after_the_first(item: int, context: _Directory) -> int:
    if item:
        working = context.path / f"{item}.tmp"
        try:  # the stop request can come as soon as the file exists: create it inside the `try`
            working.write_text("")
            time.sleep(60)
        finally:
            working.unlink(missing_ok=True)
    return item


def test_workers_drop_their_shards_once_results_are_no_longer_wanted(tmp_path):
    from glossary_cli.cluster import LocalRunner

    results = LocalRunner(jobs=2).map(_slow_after_the_first, iter(range(6)), _Directory(tmp_path))
    assert next(results) == 0
    deadline = time.monotonic() + 20
    while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["1.tmp", "2.tmp"]  # both workers inside a shard
    started = time.monotonic()
    results.close()  # as when Ctrl-C or an error stops the caller
    assert time.monotonic() - started < PROMPTLY  # not the 60 s the shards would sleep
    assert list(tmp_path.iterdir()) == []  # the shards' `finally` blocks ran


def test_ctrl_c_that_typer_ends_silently_still_gets_its_one_line(monkeypatch, capsys):
    """Ctrl-C while typer parses the arguments becomes a silent exit 130 inside typer."""
    from glossary_cli import cli, interrupts

    monkeypatch.setattr(interrupts, "_received", False)
    monkeypatch.setattr(interrupts, "_reported", False)
    monkeypatch.setattr(interrupts, "_written", [])

    def typer_parsing_arguments(standalone_mode: bool = True) -> int:
        try:
            interrupts._on_interrupt(signal.SIGINT, None)
        except KeyboardInterrupt:
            return 130  # what typer does with it when main() handles the exit

    monkeypatch.setattr(cli, "app", typer_parsing_arguments)
    monkeypatch.setattr(interrupts, "install", lambda: None)  # keep pytest's own Ctrl-C handling
    monkeypatch.setattr(signal, "signal", lambda *arguments: None)  # and its SIGPIPE handling
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 130
    assert capsys.readouterr().err == INTERRUPTED + "\n"


def test_ctrl_c_after_the_glossary_was_written_says_so(tmp_path, monkeypatch, capsys):
    """Once the rename is done, "files on disk are unchanged" would be untrue."""
    from glossary_cli import interrupts
    from glossary_cli.atomic import write_atomic

    monkeypatch.setattr(interrupts, "_received", None)
    monkeypatch.setattr(interrupts, "_reported", False)
    monkeypatch.setattr(interrupts, "_written", [])
    path = tmp_path / "glossary.yaml"
    write_atomic(str(path), SMART_GRID_APPROVED)
    interrupts.report()
    assert capsys.readouterr().err == f"glossary: interrupted after writing {path}\n"


# The command line, run with an object that sends SIGTERM to its own process when Python frees it:
# while the interpreter tears down, after the command has finished, as a supervisor's SIGTERM can
# come while a 9,000-entry glossary is freed (seconds, after the summary was printed).
SIGTERM_AT_TEARDOWN = """
import os, signal
class FreedAtTeardown:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)
kept_until_teardown = FreedAtTeardown()
from glossary_cli.console import main
main()
"""


@pytest.mark.parametrize("arguments, code", [(["validate", "g.yaml"], 0), (["check", "g.yaml", "c.tsv"], 1)])
def test_a_signal_after_the_command_finished_leaves_its_exit_code(tmp_path, arguments, code):
    """It was killed by the signal: exit 143 after its success was printed, and no line said why."""
    (tmp_path / "g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    (tmp_path / "c.tsv").write_text("Smart grids need a material passport.\t电网需要材料护照。\n", encoding="utf-8")

    done = subprocess.run([sys.executable, "-c", SIGTERM_AT_TEARDOWN, *arguments], cwd=tmp_path, capture_output=True,
                          text=True)

    assert done.returncode == code, done.stderr
    assert done.stderr == ""


# The command line, with the import of typer (the first of its slow imports) held up until the
# test has pressed Ctrl-C, as on a busy machine loading can take seconds; and slow to tear down,
# so that later presses come while the first one's exit is under way.
SLOW_TO_LOAD = """
import sys, time
class SlowToFree:
    def __del__(self, sleep=time.sleep):
        sleep(1)
kept_until_teardown = SlowToFree()
class HeldUp:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            print("loading", flush=True)
            time.sleep(20)
        return None
sys.meta_path.insert(0, HeldUp())
from glossary_cli.console import main
main()
"""


@pytest.mark.parametrize("presses", [1, 8])
def test_ctrl_c_while_the_command_line_loads_exits_130_with_one_line(tmp_path, presses):
    child = subprocess.Popen([sys.executable, "-c", SLOW_TO_LOAD, "--version"], cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert child.stdout.readline() == "loading\n"
        for press in range(presses):
            os.killpg(child.pid, signal.SIGINT)
            time.sleep(0.05)
        stdout, stderr = child.communicate(timeout=PROMPTLY)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert (child.returncode, stderr, stdout) == (130, INTERRUPTED + "\n", "")


# A module run with `python -m`, as the tests run the command line, in which Ctrl-C lands while
# Python runs code made with exec, as a dataclass's methods are: here, as typer starts to load.
INTERRUPTED_IN_MADE_CODE = """
import os, signal, time
class Interrupting:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            exec("os.kill(os.getpid(), signal.SIGINT); time.sleep(20)")
        return None
import sys
sys.meta_path.insert(0, Interrupting())
from glossary_cli.console import main
main()
"""


def test_ctrl_c_in_code_python_made_with_exec_still_exits_130(tmp_path):
    (tmp_path / "interrupted_in_made_code.py").write_text(INTERRUPTED_IN_MADE_CODE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "interrupted_in_made_code", "--version"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=PROMPTLY)
    assert (done.returncode, done.stderr, done.stdout) == (130, INTERRUPTED + "\n", "")


def test_what_a_library_raises_when_ctrl_c_broke_into_it_ends_as_the_ctrl_c(monkeypatch, capsys):
    """An import cut short by Ctrl-C fails with ImportError (opencc's does); it is the interrupt's
    doing, not a bug to show with a traceback."""
    import typer

    from glossary_cli import interrupts
    from glossary_cli.cli.common import handles_errors

    monkeypatch.setattr(interrupts, "_received", None)
    monkeypatch.setattr(interrupts, "_reported", False)
    monkeypatch.setattr(interrupts, "_written", [])

    @handles_errors
    def command_importing_a_library() -> None:
        try:
            interrupts._on_interrupt(signal.SIGINT, None)
        except KeyboardInterrupt:
            raise ImportError("opencc_clib not found in Bazel runfiles") from None  # as the import said it

    with pytest.raises(typer.Exit) as exited:
        command_importing_a_library()
    assert exited.value.exit_code == 130
    assert capsys.readouterr().err == INTERRUPTED + "\n"


def test_a_bug_without_ctrl_c_keeps_its_traceback(monkeypatch):
    from glossary_cli import interrupts
    from glossary_cli.cli.common import handles_errors

    monkeypatch.setattr(interrupts, "_received", None)

    @handles_errors
    def command_with_a_bug() -> None:
        raise ImportError("a missing module")

    with pytest.raises(ImportError, match="a missing module"):
        command_with_a_bug()
