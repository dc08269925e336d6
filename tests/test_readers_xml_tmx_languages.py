"""A TMX translated into other languages only (en + ja) is the wrong file, not a memory with
nothing translated yet: an error naming the languages it holds, exit code 2, as for an XLIFF
declaring another target language. A memory with English only is still "nothing translated yet"."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers import ReadOptions, read_pairs
from tests.support import SMART_GRID_APPROVED

def tmx(*variants: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US"/><body>\n'
            '<tu tuid="1">' + "".join(f'<tuv xml:lang="{language}"><seg>{text}</seg></tuv>'
                                      for language, text in variants) + '</tu>\n</body></tmx>\n')


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    return tmp_path


def test_an_english_japanese_memory_is_an_error_naming_its_languages(runner, workdir):
    Path("enja.tmx").write_text(tmx(("en-US", "Smart grid status"), ("ja-JP", "スマートグリッドの状態")), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "enja.tmx"])
    assert result.exit_code == 2, result.output
    assert result.stderr == ("error: enja.tmx:3: no zh variant in any translation unit (languages here: "
                             "en-US, ja-JP); pass --target-lang to read another language\n")
    japanese = read_pairs(["enja.tmx"], options=ReadOptions(target_lang="ja"))
    assert [(pair.source, pair.target) for pair in japanese] == [("Smart grid status", "スマートグリッドの状態")]


def test_a_memory_without_english_names_the_source_option(runner, workdir):
    Path("deja.tmx").write_text(tmx(("de", "Intelligentes Netz"), ("zh", "智能电网")), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "deja.tmx"])
    assert result.exit_code == 2, result.output
    assert "no en variant in any translation unit (languages here: de, zh); pass --source-lang" in result.stderr


def test_a_memory_of_english_only_is_not_translated_yet(runner, workdir):
    Path("en.tmx").write_text(tmx(("en", "Smart grid status")), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "en.tmx"])
    assert result.exit_code == 0, result.output
    assert "no translated entries in en.tmx yet" in result.stderr
