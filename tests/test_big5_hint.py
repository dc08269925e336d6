"""A Taiwanese or Hong Kong legacy export is Big5: the undecodable-UTF-8 error names Big5, not
GB18030, whose reading of the same bytes is kana and rare characters (杆硁ン)."""

import shutil
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.textio import legacy_chinese_encoding

DATA = Path(__file__).parent / "data" / "hant"
GLOSSARY = ("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms:\n"
            "  - source: software\n    target: 軟體\n    forbidden: [軟件]\n    status: approved\n")


@pytest.mark.parametrize("text, encoding, guessed", [
    ("安裝軟體。檔案太大。無法播放影片。", "big5", "big5"),
    ("安装软件。文件太大。无法播放视频。", "gb18030", "gb18030"),
    ("請檢查網絡連線。", "big5", "big5"),
])
def test_the_legacy_encoding_guessed_is_the_one_the_text_was_written_in(text, encoding, guessed):
    assert legacy_chinese_encoding(text.encode(encoding)) == guessed


@pytest.mark.parametrize("name, said", [
    ("big5.tsv", "(it looks like Big5, Traditional Chinese); pass --encoding to read another encoding, "
                 "e.g. --encoding big5"),
    ("hkscs.tsv", "(it looks like Big5-HKSCS, Hong Kong's Traditional Chinese); pass --encoding to read another "
                  "encoding, e.g. --encoding big5hkscs"),
])
def test_a_big5_table_is_diagnosed_as_big5_and_the_hint_reads_it(runner, tmp_path, monkeypatch, name, said):
    monkeypatch.chdir(tmp_path)
    shutil.copy(DATA / name, name)
    Path("tw.yaml").write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["check", "tw.yaml", name])
    assert result.exit_code == 2 and said in result.stderr
    hinted = said.rsplit(" ", 1)[1]
    followed = runner.invoke(app, ["check", "tw.yaml", name, "--encoding", hinted])
    assert followed.exit_code == 1, followed.output
    assert '"software" is rendered as forbidden "軟件"' in followed.stdout
