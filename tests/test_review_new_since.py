"""After a quarterly re-extract, whose git diff runs to thousands of lines, `review --new-since
HEAD` reviews only the terms the glossary did not hold when it was last committed."""

import subprocess

from glossary_cli.cli.common import app

OLD = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: candidate
    score: 0.9
  - source: V2G
    target: 车网互动
    status: approved
  - source: epidemic
    target: 疫情
    status: rejected
"""
NEW = OLD + """\
  - source: epidemic
    target: 流行病
    status: candidate
    score: 0.85
  - source: energy storage
    target: 储能
    status: candidate
    score: 0.8
"""


def git(*arguments):
    subprocess.run(["git", *arguments], check=True, capture_output=True)


def committed(tmp_path):
    git("init", "-q", str(tmp_path))
    (tmp_path / "g.yaml").write_text(OLD, encoding="utf-8")
    git("-C", str(tmp_path), "add", "g.yaml")
    git("-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "q1")
    (tmp_path / "g.yaml").write_text(NEW, encoding="utf-8")  # what the re-extract added
    return tmp_path / "g.yaml"


def test_only_the_terms_new_since_the_revision_are_reviewed(runner, tmp_path):
    path = committed(tmp_path)
    result = runner.invoke(app, ["review", str(path), "--new-since", "HEAD"], input="a")
    assert result.exit_code == 0
    assert "2 candidates to review" in result.stdout
    assert "smart grid" not in result.stdout
    # a term whose rendering was rejected then, proposed otherwise now, is new too, as extract counts it
    assert "epidemic" in result.stdout and "energy storage" in result.stdout
    assert path.read_text(encoding="utf-8") == NEW.replace("流行病\n    status: candidate", "流行病\n    status: approved")


def test_a_revision_from_before_the_glossary_existed_makes_every_candidate_new(runner, tmp_path):
    git("init", "-q", str(tmp_path))
    git("-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "--allow-empty", "-m", "0")
    path = tmp_path / "g.yaml"
    path.write_text(NEW, encoding="utf-8")
    result = runner.invoke(app, ["review", str(path), "--new-since", "HEAD"], input="q")
    assert result.exit_code == 0
    assert "3 candidates to review" in result.stdout
    assert f"warning: {path} did not exist at HEAD: every candidate is new" in result.stderr


def test_a_revision_git_cannot_show_the_file_at_is_an_error(runner, tmp_path):
    path = committed(tmp_path)
    result = runner.invoke(app, ["review", str(path), "--new-since", "no-such-branch"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: --new-since no-such-branch: git cannot show this file there (")
    assert path.read_text(encoding="utf-8") == NEW


def test_a_revision_that_reads_as_a_git_option_is_refused_and_writes_nothing(runner, tmp_path):
    path = committed(tmp_path)
    result = runner.invoke(app, ["review", str(path), "--new-since", f"--output={tmp_path}/written"])
    assert result.exit_code == 2
    assert "is no git revision" in result.stderr
    assert sorted(child.name for child in tmp_path.iterdir()) == [".git", "g.yaml"]


def test_a_glossary_at_the_revision_that_cannot_be_read_is_an_error_not_an_empty_glossary(runner, tmp_path):
    """Conflict markers committed by mistake, or a Git LFS pointer, read as no terms made every term new."""
    git("init", "-q", str(tmp_path))
    path = tmp_path / "g.yaml"
    path.write_text("<<<<<<< ours\n" + OLD + "=======\n" + OLD + ">>>>>>> theirs\n", encoding="utf-8")
    git("-C", str(tmp_path), "add", "g.yaml")
    git("-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "broken")
    path.write_text(NEW, encoding="utf-8")
    result = runner.invoke(app, ["review", str(path), "--new-since", "HEAD"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: --new-since HEAD: the file there is no glossary to compare with: ")


def test_a_file_at_a_revision_is_no_revision(runner, tmp_path):
    path = committed(tmp_path)
    result = runner.invoke(app, ["review", str(path), "--new-since", "HEAD:g.yaml"])
    assert result.exit_code == 2
    assert "'HEAD:g.yaml' is no git revision" in result.stderr
