"""A pipe or device is refused at the first chunk that shows it is no corpus: /dev/zero, binary
data after some text, a line that never ends. Such input was read whole into memory before it was
looked at, so /dev/zero grew until the system killed the process (under a memory limit: a
MemoryError traceback, exit 1).

Each command runs with its address space limited to 512 MB, so that a regression ends in a
MemoryError instead of filling the machine's memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from glossary_cli.cli import app

GLOSSARY = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n"
MEMORY = 512 * 2**20
TOO_LONG = ("a line of over 100,000 characters; a segment holds at most 100,000, so this is not line-aligned text "
            "(are the line breaks missing?)")

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ok.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.txt").write_text("The grid is down.\n电网断了。\n", encoding="utf-8")
    return tmp_path


def glossary(*arguments: str, stdin=subprocess.DEVNULL) -> tuple[int, str]:
    """The exit code and stderr of the command, run in at most MEMORY of address space."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    done = subprocess.run([sys.executable, "-m", "glossary_cli", *arguments], stdin=stdin, capture_output=True,
                          text=True, preexec_fn=limit_memory, env={**os.environ, "NO_COLOR": "1"})
    return done.returncode, done.stderr


def endless(start: bytes, then: bytes, times: int):
    """A pipe carrying `start` `times` times, then `then` over and over, as long as anyone reads it."""
    script = (f"import sys\nout = sys.stdout.buffer\nout.write({start!r} * {times})\n"
              f"while True:\n    out.write({then!r} * 4096)\n")
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


@pytest.fixture
def pipe():
    writers = []

    def start(first: bytes, then: bytes, times: int = 1):
        writers.append(endless(first, then, times))
        return writers[-1].stdout

    yield start
    for writer in writers:
        writer.kill()
        writer.wait()
        writer.stdout.close()


def test_check_of_dev_zero(workdir):
    assert glossary("check", "ok.yaml", "/dev/zero") == (2, "error: /dev/zero: binary file (NUL bytes); expected UTF-8 text\n")


def test_extract_of_dev_zero(workdir):
    assert glossary("extract", "/dev/zero", "-o", "z.yaml") == \
        (2, "error: /dev/zero: binary file (NUL bytes); expected UTF-8 text\n")
    assert not Path("z.yaml").exists()


def test_dev_zero_on_standard_input(workdir):
    with open("/dev/zero", "rb") as zeros:
        assert glossary("check", "ok.yaml", "-", stdin=zeros) == \
            (2, "error: <stdin>: binary file (NUL bytes); expected UTF-8 text\n")


def test_dev_zero_as_the_source_side(workdir):
    assert glossary("check", "ok.yaml", "--source", "/dev/zero", "--target", "c.txt") == \
        (2, "error: /dev/zero: binary file (NUL bytes); expected UTF-8 text\n")


def test_import_of_dev_zero(workdir):
    with open("/dev/zero", "rb") as zeros:
        assert glossary("import", "-", "--from", "csv", "-o", "y.yaml", stdin=zeros) == \
            (2, "error: <stdin>: binary file (NUL bytes); expected UTF-8 text\n")


def test_text_then_endless_nul_bytes_is_refused_at_the_first_nul(workdir, pipe):
    stream = pipe("The grid is down.\t电网断了。\n".encode(), b"\0", times=5000)

    assert glossary("check", "ok.yaml", "-", stdin=stream) == \
        (2, "error: <stdin>:5001: NUL byte: a binary file, or text damaged there\n")


def test_a_line_that_never_ends(workdir, pipe):
    stream = pipe("The grid is down.\t电网断了。\n".encode(), b"grid ")

    assert glossary("check", "ok.yaml", "-", stdin=stream) == (2, f"error: <stdin>:2: {TOO_LONG}\n")


def test_a_line_that_never_ends_in_utf16(workdir, pipe):
    """UTF-16 holds NULs beside every Latin letter; its lines are bounded all the same."""
    stream = pipe("The grid is down.\t电网断了。\n".encode("utf-16"), "grid ".encode("utf-16-le"))

    assert glossary("check", "ok.yaml", "-", stdin=stream) == (2, f"error: <stdin>:2: {TOO_LONG}\n")


def test_a_tmx_on_one_line_from_a_pipe_is_still_read(runner, workdir):
    """XML may come minified: its readers bound each segment, not each line."""
    units = "".join('<tu><tuv xml:lang="en"><seg>The grid is down.</seg></tuv>'
                    '<tuv xml:lang="zh-CN"><seg>网格断了。</seg></tuv></tu>' for _ in range(5000))
    tmx = ('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext"/>'
           f"<body>{units}</body></tmx>")
    assert len(tmx.encode()) > 400_000

    result = runner.invoke(app, ["check", "ok.yaml", "-"], input=tmx.encode())

    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[-1].startswith("5,000 findings (GL001 5,000) in 5,000 pairs")


def test_utf16_with_a_byte_order_mark_from_a_pipe_is_still_read(runner, workdir):
    result = runner.invoke(app, ["check", "ok.yaml", "-"], input="The grid is down.\t网格断了。\n".encode("utf-16"))

    assert result.exit_code == 1, result.output
    assert "1 finding" in result.stdout
