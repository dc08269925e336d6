"""Files in the cache directory: written whole or not at all, and old dictionary parses pruned."""

from __future__ import annotations

import os

from glossary_cli import cache, lexicon


def test_a_cache_file_that_cannot_be_written_leaves_no_temporary_file(tmp_path, monkeypatch):
    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full_disk)
    assert cache.write_cache_file(str(tmp_path / "entry"), b"x" * 1000) is False
    assert os.listdir(tmp_path) == []


def test_the_dictionary_parse_of_old_versions_is_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    directory = tmp_path / "glossary-cli"
    directory.mkdir()
    for age in range(5):  # parses left by five earlier code versions
        old = directory / f"cedict-v4-1-1-old{age}.pickle"
        old.write_bytes(b"stale")
        os.utime(old, (1_000_000 + age, 1_000_000 + age))
    (directory / "unrelated.bin").write_bytes(b"kept")
    parsed = lexicon.cedict.__wrapped__()  # not the parse this process already holds
    assert parsed.headwords  # parsed from the shipped dictionary, then cached
    assert sorted(os.listdir(directory)) == sorted([os.path.basename(lexicon._cache_path(lexicon._cedict_path())),
                                                    "cedict-v4-1-1-old4.pickle", "cedict-v4-1-1-old3.pickle",
                                                    "unrelated.bin"])
