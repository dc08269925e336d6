"""Where the caches go in a container: a read-only file system, no home directory, an arbitrary
uid with no passwd entry. Before, `extract` made a folder named `~` in the checkout (HOME unset:
`~` stays `~`), an empty HOME put the cache in `/.cache`, a read-only /tmp made jieba write its
9 MB dictionary cache into the current directory, and with no writable temporary directory at all
`check` and `extract` stopped with a traceback and exit 1 (probe of a build engineer, H2, M8, L4)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from glossary_cli.cache_places import jieba_cache_dir, user_cache_root
from glossary_cli.cli.common import app
from glossary_cli.tokenize import loaded_jieba


def test_the_cache_lives_under_an_absolute_xdg_cache_home_or_the_home_directory(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_root() == str(tmp_path / "xdg" / "glossary-cli")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG spec: a relative path is ignored
    assert user_cache_root() == str(tmp_path / "home" / ".cache" / "glossary-cli")


@pytest.mark.parametrize("home", ["", None])
def test_without_a_home_nothing_is_cached_rather_than_cached_in_the_current_directory(monkeypatch, home):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    if home is None:  # an arbitrary uid with no passwd entry: expanduser leaves `~` as it is
        monkeypatch.delenv("HOME", raising=False)
        monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    else:
        monkeypatch.setenv("HOME", home)
    assert user_cache_root() is None


def test_extract_without_a_home_says_it_caches_nothing_and_writes_only_its_output(runner, workdir, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "")
    Path("c.tsv").write_text("The virus spreads fast.\t病毒传播很快。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "c.tsv", "-o", "g.yaml"])
    assert result.exit_code == 0, result.output
    assert ("warning: no home directory to keep the cache in (HOME unset or empty); nothing is cached this run "
            "(--cache-dir or XDG_CACHE_HOME chooses a directory)") in result.stderr
    assert sorted(os.listdir(".")) == ["c.tsv", "g.yaml"]


def test_jieba_loads_without_any_writable_directory_and_leaves_nothing_behind(monkeypatch, workdir):
    monkeypatch.setattr("glossary_cli.cache_places.user_cache_root", lambda: None)

    def no_temporary_directory():
        raise FileNotFoundError("No usable temporary directory found")

    monkeypatch.setattr(tempfile, "gettempdir", no_temporary_directory)
    assert jieba_cache_dir() is None
    tokenizer = loaded_jieba()
    assert tokenizer.FREQ["病毒"] > 0 and "".join(tokenizer.cut("病毒传播很快")) == "病毒传播很快"
    assert os.listdir(".") == []


def test_jieba_does_not_take_the_current_directory_for_a_temporary_one(monkeypatch, workdir):
    monkeypatch.setattr("glossary_cli.cache_places.user_cache_root", lambda: None)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: os.getcwd())  # tempfile's last resort
    assert jieba_cache_dir() is None
