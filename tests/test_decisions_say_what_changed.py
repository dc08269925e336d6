"""approve, reject and merge say what they changed: a reversed decision says what it was, and a
command that changes nothing says so and leaves the file alone, as git says "Already up to date"
(team probe F12)."""

from __future__ import annotations

import os

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: e-mail
    target: 电子邮件
    status: approved
    note: house style since 2024
  - source: policy stack
    target: 政策堆栈
    status: rejected
  - source: grid
    target: [电网, 电力网]
    status: approved
"""


def written(path):
    return path.read_text(encoding="utf-8")


def test_rejecting_an_approved_term_says_check_no_longer_enforces_it(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["reject", str(path), "e-mail"])
    assert (result.exit_code, result.stderr) == (
        0, f"rejected e-mail → 电子邮件 in {path} (was approved; check no longer enforces it)\n")
    assert written(path) == GLOSSARY.replace("电子邮件\n    status: approved", "电子邮件\n    status: rejected")


def test_approving_a_rejected_term_says_it_was_rejected(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "policy stack"])
    assert (result.exit_code, result.stderr) == (0, f"approved policy stack → 政策堆栈 in {path} (was rejected)\n")


def test_rejecting_one_approved_rendering_says_the_others_stay_approved(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["reject", str(path), "grid", "--target", "电力网"])
    assert (result.exit_code, result.stderr) == (
        0, f"rejected grid → 电力网 in {path} (was approved; grid → 电网 stays approved)\n")


def test_approving_an_approved_term_says_so_and_writes_nothing(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    before = os.stat(path)
    for arguments in (["e-mail"], ["email"], ["grid", "--target", "电力网"]):
        result = runner.invoke(app, ["approve", str(path), *arguments])
        assert result.exit_code == 0
    assert result.stderr == f"grid → 电网 / 电力网 is already approved in {path}; nothing changed\n"
    assert written(path) == GLOSSARY
    assert (os.stat(path).st_ino, os.stat(path).st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_rejecting_a_rejected_term_says_so(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["reject", str(path), "policy stack"])
    assert (result.exit_code, result.stderr) == (
        0, f"policy stack → 政策堆栈 is already rejected in {path}; nothing changed\n")


def test_a_merge_that_changes_nothing_says_already_up_to_date(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    before = os.stat(path)
    result = runner.invoke(app, ["merge", str(path), str(path), "-o", str(path)])
    assert (result.exit_code, result.stderr) == (
        0, f"already up to date: {path} holds everything in {path}; nothing written\n")
    assert (os.stat(path).st_ino, os.stat(path).st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_three_way_merge_that_changes_nothing_says_already_up_to_date(runner, tmp_path):
    ours, base, theirs = (tmp_path / name for name in ("ours.yaml", "base.yaml", "theirs.yaml"))
    ours.write_text(GLOSSARY, encoding="utf-8")
    base.write_text(GLOSSARY, encoding="utf-8")
    theirs.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["merge", "--base", str(base), str(ours), str(theirs), "-o", str(ours)])
    assert (result.exit_code, result.stderr) == (
        0, f"already up to date: {ours} holds everything in {theirs}; nothing written\n")
