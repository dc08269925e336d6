"""Where a write lands: a symlinked glossary stays a link, a pipe or device is written through."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from glossary_cli.atomic import write_atomic
from glossary_cli.cli.common import app

CANDIDATE = "glossary: 1\nterms:\n  - source: V2G\n    target: 车网互动\n    status: candidate\n"


def test_a_symlinked_glossary_stays_a_link_and_its_file_gets_the_edit(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("shared").mkdir()
    Path("shared/energy.yaml").write_text(CANDIDATE, encoding="utf-8")
    os.symlink("shared/energy.yaml", "energy.yaml")
    result = runner.invoke(app, ["approve", "energy.yaml", "V2G"])
    assert result.exit_code == 0, result.output
    assert os.readlink("energy.yaml") == "shared/energy.yaml"
    assert "status: approved" in Path("shared/energy.yaml").read_text(encoding="utf-8")
    assert not [name for name in os.listdir(".") if name.endswith(".tmp")]


def test_a_named_pipe_receives_the_text_and_stays_a_pipe(tmp_path):
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    write_atomic(str(pipe), "glossary: 1\n")
    reader.join(timeout=10)
    assert received == ["glossary: 1\n"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_read_only_glossary_is_not_replaced(runner, tmp_path, monkeypatch):
    """chmod a-w freezes a reviewed version: approve (like extract) refuses instead of renaming over it."""
    monkeypatch.chdir(tmp_path)
    Path("energy.yaml").write_text(CANDIDATE, encoding="utf-8")
    os.chmod("energy.yaml", 0o444)
    result = runner.invoke(app, ["approve", "energy.yaml", "V2G"])
    assert result.exit_code == 2
    assert result.stderr == ("error: energy.yaml: is read-only; nothing written (make it writable, chmod u+w, "
                             "to let glossary change it)\n")
    assert Path("energy.yaml").read_text(encoding="utf-8") == CANDIDATE
    assert stat.S_IMODE(os.stat("energy.yaml").st_mode) == 0o444


def test_a_command_that_changes_nothing_leaves_the_file_alone(runner, tmp_path, monkeypatch):
    """An editor holding the glossary open would otherwise report it changed on disk, and its
    modification time would no longer say when a person last saved it."""
    monkeypatch.chdir(tmp_path)
    Path("corpus.tsv").write_text("Smart grids need V2G.\t智能电网需要车网互动。\n", encoding="utf-8")
    assert runner.invoke(app, ["extract", "corpus.tsv", "-o", "energy.yaml", "--show", "0"]).exit_code == 0
    os.utime("energy.yaml", (1_000_000_000, 1_000_000_000))
    before = os.stat("energy.yaml")
    again = runner.invoke(app, ["extract", "corpus.tsv", "-o", "energy.yaml", "--show", "0"])
    assert again.exit_code == 0, again.output
    after = os.stat("energy.yaml")
    assert (after.st_ino, after.st_mtime) == (before.st_ino, 1_000_000_000)
