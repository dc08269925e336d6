"""A file that declares it translates from Chinese is read so without a warning on every run; a
direction only the text shows is still told (probe of a Chinese-authored project, M3)."""

from __future__ import annotations

from glossary_cli.readers import ReadOptions, read_pairs

CATALOGUE = 'msgid "智能电网"\nmsgstr "smart grid"\n\nmsgid "打开文件"\nmsgstr "Open the file"\n'
HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def read(path) -> tuple[list, list[str]]:
    warnings: list[str] = []
    return list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append))), warnings


def test_a_po_whose_language_says_english_is_read_zh_to_en_quietly_and_one_without_is_told(tmp_path):
    declared, undeclared = tmp_path / "en.po", tmp_path / "messages.po"
    declared.write_text(HEADER + CATALOGUE, encoding="utf-8")
    undeclared.write_text(CATALOGUE, encoding="utf-8")

    pairs, warnings = read(declared)
    assert [(pair.source, pair.target) for pair in pairs] == [("smart grid", "智能电网"), ("Open the file", "打开文件")]
    assert warnings == []

    pairs, warnings = read(undeclared)
    assert [(pair.source, pair.target) for pair in pairs] == [("smart grid", "智能电网"), ("Open the file", "打开文件")]
    assert warnings == [f"{undeclared}: the msgids are zh and the msgstrs en; read as zh -> en"]
