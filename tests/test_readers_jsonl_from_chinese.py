"""JSON Lines written in Chinese and translated into English were read English first, so check
found nothing in them (final probe, M3), while every other format is read the way it was
translated. A record read so is checked by GL005 at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = "glossary: 1\nterms:\n  - {source: green transition, target: 绿色转型, status: approved}\n"


@pytest.mark.parametrize("record", [
    '{"zh": "我们推动绿色转型。", "en": "We drive the green transformation."}',  # the Chinese key first
    '{"source": "我们推动绿色转型。", "target": "We drive the green transformation."}',  # the Chinese as the source
])
def test_a_record_translated_from_chinese_is_checked_from_chinese(runner, workdir, record):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.jsonl").write_text("\n" + record + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "c.jsonl"])
    assert result.exit_code == 1
    assert 'c.jsonl:2' in result.stdout and '"绿色转型" should be translated as "green transition"' in result.stdout
    assert result.stdout.rstrip().endswith("in 1 pair read zh -> en, 1 approved term; 1 at or above error.")


def test_a_record_with_the_english_key_first_is_read_from_english(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.jsonl").write_text('{"en": "We drive the green transformation.", "zh": "我们推动绿色转型。"}\n',
                               encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "c.jsonl"])
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (
        0, "No findings in 1 pair, 1 approved term (0 found in the English text).")
