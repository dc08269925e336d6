"""A catalogue translated from Chinese is read so without a warning on every run, whether its
Language declares the English msgstrs or declares nothing (a warning every run teaches -q); one
whose Language says the msgstrs are Chinese, which they are not, is told (probe of a
Chinese-authored project, M3; L1 of the final probe)."""

from __future__ import annotations

from glossary_cli.readers import ReadOptions, read_pairs

CATALOGUE = 'msgid "智能电网"\nmsgstr "smart grid"\n\nmsgid "打开文件"\nmsgstr "Open the file"\n'
HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def read(path) -> tuple[list, list[str]]:
    warnings: list[str] = []
    return list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append))), warnings


def test_a_po_read_zh_to_en_is_told_only_where_its_language_says_otherwise(tmp_path):
    declared, undeclared, contradicted = tmp_path / "en.po", tmp_path / "messages.po", tmp_path / "zh.po"
    declared.write_text(HEADER + CATALOGUE, encoding="utf-8")
    undeclared.write_text(CATALOGUE, encoding="utf-8")
    contradicted.write_text(HEADER.replace("Language: en", "Language: zh_CN") + CATALOGUE, encoding="utf-8")

    pairs, warnings = read(declared)
    assert [(pair.source, pair.target) for pair in pairs] == [("smart grid", "智能电网"), ("Open the file", "打开文件")]
    assert warnings == []

    pairs, warnings = read(undeclared)
    assert [(pair.source, pair.target) for pair in pairs] == [("smart grid", "智能电网"), ("Open the file", "打开文件")]
    assert warnings == []

    pairs, warnings = read(contradicted)
    assert [(pair.source, pair.target) for pair in pairs] == [("smart grid", "智能电网"), ("Open the file", "打开文件")]
    assert warnings == [f"{contradicted}: the msgids are zh and the msgstrs en (Language: zh_CN); read as zh -> en"]
