"""Two writers, one glossary: a command whose file changed after it read it writes nothing.

Every command that reads a glossary and writes it back (approve, reject, review, extract, import and
merge into an existing file) would otherwise replace the file with what it made of the old
version, dropping the other decision while both commands report success. Here the other writer
(another command, or a person saving in an editor) saves while the command is still working.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: candidate
  - source: material passport
    target: 材料护照
    status: candidate
"""
CHANGED = "error: g.yaml: changed since this command read it (another command, or an editor, saved it meanwhile); " \
          "nothing written, run the command again\n"

CORPUS = ("The Vehicle-to-Grid (V2G) pilot connects a material passport to smart grids.\n"
          "车网互动(V2G)试点把材料护照与智能电网连接起来。\n"
          "Smart grids need a material passport.\n"
          "智能电网需要材料护照。\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def meanwhile(monkeypatch, module: str, name: str, other_writer) -> None:
    """Run `other_writer` once while the next command is working: right after it calls `module.name`."""
    import importlib

    target = importlib.import_module(module)
    original = getattr(target, name)
    pending = [other_writer]

    def working(*args, **kwargs):
        result = original(*args, **kwargs)
        while pending:
            pending.pop()()
        return result

    monkeypatch.setattr(target, name, working)


def glossary_command(*arguments: str) -> None:
    """Another `glossary` process, run to its end."""
    done = subprocess.run([sys.executable, "-m", "glossary_cli", *arguments], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def saved_in_an_editor(old: str, new: str):
    def save() -> None:
        text = Path("g.yaml").read_text(encoding="utf-8")
        Path("g.yaml").write_text(text.replace(old, new), encoding="utf-8")

    return save


def status_of(source: str) -> str:
    lines = Path("g.yaml").read_text(encoding="utf-8").splitlines()
    index = lines.index(f"  - source: {source}")
    return next(line.split(": ")[1] for line in lines[index:] if line.startswith("    status: "))


def test_approve_and_reject_at_once_the_later_one_writes_nothing_and_says_to_run_again(runner, workdir, monkeypatch):
    meanwhile(monkeypatch, "glossary_cli.review", "decide",
              lambda: glossary_command("reject", "g.yaml", "material passport"))

    result = runner.invoke(app, ["approve", "g.yaml", "smart grid"])

    assert (result.exit_code, result.stderr) == (2, CHANGED)
    assert (status_of("smart grid"), status_of("material passport")) == ("candidate", "rejected")
    again = runner.invoke(app, ["approve", "g.yaml", "smart grid"])
    assert again.exit_code == 0, again.output
    assert (status_of("smart grid"), status_of("material passport")) == ("approved", "rejected")


def test_reject_keeps_an_edit_saved_by_hand_while_it_ran(runner, workdir, monkeypatch):
    meanwhile(monkeypatch, "glossary_cli.review", "decide", saved_in_an_editor("target: 材料护照", "target: 物料护照"))

    result = runner.invoke(app, ["reject", "g.yaml", "smart grid"])

    assert (result.exit_code, result.stderr) == (2, CHANGED)
    assert "target: 物料护照" in Path("g.yaml").read_text(encoding="utf-8")
    assert status_of("smart grid") == "candidate"


def test_approve_all_keeps_a_glossary_deleted_while_it_ran_deleted(runner, workdir, monkeypatch):
    meanwhile(monkeypatch, "glossary_cli.review", "approve_all", lambda: Path("g.yaml").unlink())

    result = runner.invoke(app, ["approve", "g.yaml", "--approve-all", "--include-worked-on"])

    assert (result.exit_code, result.stderr) == (
        2, "error: g.yaml: was removed while this command ran; nothing written, run the command again\n")
    assert not Path("g.yaml").exists()


def test_extract_keeps_an_approval_made_while_it_ran(runner, workdir, monkeypatch):
    Path("article.txt").write_text(CORPUS, encoding="utf-8")
    meanwhile(monkeypatch, "glossary_cli.extract", "extract",
              lambda: glossary_command("approve", "g.yaml", "smart grid"))

    result = runner.invoke(app, ["extract", "article.txt", "-o", "g.yaml", "--no-cache", "--jobs", "1"])

    assert result.exit_code == 2 and result.stderr.endswith(CHANGED)
    assert status_of("smart grid") == "approved"


def test_extract_into_a_new_file_that_another_run_created_meanwhile_writes_nothing(runner, workdir, monkeypatch):
    Path("article.txt").write_text(CORPUS, encoding="utf-8")
    meanwhile(monkeypatch, "glossary_cli.extract", "extract",
              lambda: Path("new.yaml").write_text(GLOSSARY, encoding="utf-8"))

    result = runner.invoke(app, ["extract", "article.txt", "-o", "new.yaml", "--no-cache", "--jobs", "1"])

    assert result.exit_code == 2 and result.stderr.endswith(
        "error: new.yaml: was created by something else while this command ran; nothing written, "
        "run the command again\n")
    assert Path("new.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_import_into_a_glossary_keeps_an_approval_made_while_it_ran(runner, workdir, monkeypatch):
    Path("terms.csv").write_text("en,zh,status\nhydrogen energy,氢能,approved\n", encoding="utf-8")
    meanwhile(monkeypatch, "glossary_cli.exchange", "import_glossary",
              lambda: glossary_command("approve", "g.yaml", "material passport"))

    result = runner.invoke(app, ["import", "terms.csv", "-o", "g.yaml"])

    assert (result.exit_code, result.stderr) == (2, CHANGED)
    assert status_of("material passport") == "approved"
    assert "hydrogen energy" not in Path("g.yaml").read_text(encoding="utf-8")


def test_merge_onto_its_base_keeps_an_approval_made_while_it_ran(runner, workdir, monkeypatch):
    Path("team.yaml").write_text("glossary: 1\nterms:\n  - source: hydrogen energy\n    target: 氢能\n"
                                 "    status: approved\n", encoding="utf-8")
    meanwhile(monkeypatch, "glossary_cli.merge", "merge_glossaries",
              lambda: glossary_command("approve", "g.yaml", "smart grid"))

    result = runner.invoke(app, ["merge", "g.yaml", "team.yaml", "-o", "g.yaml"])

    assert (result.exit_code, result.stderr) == (2, CHANGED)
    assert status_of("smart grid") == "approved"
    assert "hydrogen energy" not in Path("g.yaml").read_text(encoding="utf-8")


def test_an_unchanged_glossary_is_written_as_before(runner, workdir):
    assert runner.invoke(app, ["approve", "g.yaml", "smart grid"]).exit_code == 0
    assert runner.invoke(app, ["reject", "g.yaml", "material passport"]).exit_code == 0
    assert (status_of("smart grid"), status_of("material passport")) == ("approved", "rejected")


def test_review_keeps_an_edit_saved_just_as_it_opened_the_glossary(runner, workdir, monkeypatch):
    meanwhile(monkeypatch, "glossary_cli.review", "load_glossary", saved_in_an_editor("target: 材料护照", "target: 物料护照"))

    result = runner.invoke(app, ["review", "g.yaml"], input="a")

    assert result.exit_code == 2
    assert result.stderr == ("error: g.yaml: changed by another program during the review; decisions made before "
                             "this one are saved, run `glossary review` again to continue\n")
    assert "target: 物料护照" in Path("g.yaml").read_text(encoding="utf-8")
