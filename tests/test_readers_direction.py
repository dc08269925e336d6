"""zh -> en input in the text, parallel and PO readers: read with English as the source, one warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli import app
from glossary_cli.errors import InputFormatError
from glossary_cli.readers import ReadOptions, read_pairs, read_parallel
from glossary_cli.readers import po
from tests.support import Reader, seed_pairs, write_file


def read(path, **options):
    warnings: list[str] = []
    pairs = list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append, **options)))
    return pairs, warnings


def texts(pairs):
    return [(pair.source, pair.target) for pair in pairs]


# ---------------------------------------------------------------- interleaved text

def chinese_first(pairs, separator: str = "") -> str:
    """The layout `paste -d'\\n' a.zh a.en` makes."""
    return "".join(f"{pair.target}\n{pair.source}\n{separator}" for pair in pairs)


def test_chinese_first_text_pairs_each_chinese_line_with_the_english_line_after_it(tmp_path, seed_article):
    seed = seed_pairs(seed_article)
    corpus = tmp_path / "zhfirst.txt"
    corpus.write_text(chinese_first(seed), encoding="utf-8")
    pairs, warnings = read(corpus)
    assert texts(pairs) == texts(seed)
    assert [pair.location.line for pair in pairs] == list(range(1, 2 * len(seed), 2))  # the Chinese lines
    assert warnings == []  # Chinese first throughout: written in Chinese, read so unsaid


def test_chinese_first_text_with_blank_lines_and_a_stray_line_warns_once_per_kind(tmp_path):
    corpus = tmp_path / "zhfirst.txt"
    corpus.write_text("智能电网\nsmart grid\n\n氢能\nhydrogen energy\n\n热泵\nheat pump\nSource: a report\n",
                      encoding="utf-8")
    pairs, warnings = read(corpus)
    assert texts(pairs) == [("smart grid", "智能电网"), ("hydrogen energy", "氢能"), ("heat pump", "热泵")]
    assert warnings == [f"{corpus}:9: English line has no Chinese line before it; pair skipped"]
    with pytest.raises(InputFormatError) as error:
        read(corpus, strict=True)
    assert error.value.line == 9 and "English line has no Chinese line before it (--strict)" in str(error.value)


def test_a_file_with_as_many_chinese_first_as_english_first_runs_is_read_english_first(tmp_path):
    corpus = tmp_path / "mixed.txt"
    corpus.write_text("smart grid\n智能电网\nhydrogen energy\n氢能\n\n热泵\nheat pump\n风电\nwind power\n",
                      encoding="utf-8")
    pairs, warnings = read(corpus)
    assert texts(pairs) == [("smart grid", "智能电网"), ("hydrogen energy", "氢能"),
                            ("heat pump", "风电")]  # today's reading: the second half is off by one
    assert warnings == [f"{corpus}:6: Chinese line has no English line before it; pair skipped",
                        f"{corpus}:9: English line has no Chinese line after it; pair skipped"]


def test_english_first_text_with_a_chinese_heading_and_an_english_credit_stays_english_first(
        tmp_path, seed_article):
    """Alternating lines alone read either way; the line lengths show which pairs translate."""
    seed = seed_pairs(seed_article)[1:]
    corpus = tmp_path / "article.txt"
    body = "".join(f"{pair.source}\n{pair.target}\n" for pair in seed)
    corpus.write_text(f"深圳低碳城论坛\n{body}Photo: Shenzhen Daily\n", encoding="utf-8")
    pairs, warnings = read(corpus)
    assert texts(pairs) == texts(seed)
    assert warnings == [f"{corpus}:1: Chinese line has no English line before it; pair skipped",
                        f"{corpus}:{2 * len(seed) + 2}: English line has no Chinese line after it; pair skipped"]


# ---------------------------------------------------------------- parallel files

def parallel_files(tmp_path: Path) -> tuple[Path, Path]:
    english, chinese = tmp_path / "a.en", tmp_path / "a.zh"
    english.write_text("smart grid\n\nheat pump (HP)\n", encoding="utf-8")
    chinese.write_text("智能电网\n氢能\n热泵 (HP)\n", encoding="utf-8")
    return english, chinese


def test_parallel_files_given_chinese_first_are_read_swapped_and_located_in_the_english_translation(tmp_path):
    english, chinese = parallel_files(tmp_path)
    warnings: list[str] = []
    pairs = list(read_parallel(str(chinese), str(english), options=ReadOptions(on_warning=warnings.append)))
    assert [(p.source, p.target, str(p.location), p.from_chinese) for p in pairs] == [
        ("smart grid", "智能电网", f"{english}:1", True), ("heat pump (HP)", "热泵 (HP)", f"{english}:3", True)]
    assert warnings == [f"{chinese}:2: 1 line(s) with one side empty skipped (first one here)"]  # no word of the
    # swap: --source is the original, as documented
    with pytest.raises(InputFormatError) as error:
        list(read_parallel(str(chinese), str(english), options=ReadOptions(strict=True)))
    assert (error.value.path, error.value.line) == (str(english), 2)
    assert "the English line is empty (--strict)" in str(error.value)


def test_parallel_files_the_right_way_round_are_not_swapped(tmp_path):
    english, chinese = parallel_files(tmp_path)
    warnings: list[str] = []
    pairs = list(read_parallel(str(english), str(chinese), options=ReadOptions(on_warning=warnings.append)))
    assert texts(pairs) == [("smart grid", "智能电网"), ("heat pump (HP)", "热泵 (HP)")]
    assert len(warnings) == 1 and "mostly Chinese" not in warnings[0]


def test_extract_from_files_written_in_chinese_finds_the_same_terms_unsaid(runner, tmp_path, seed_article):
    seed = seed_pairs(seed_article)
    english, chinese = tmp_path / "a.en", tmp_path / "a.zh"
    english.write_text("".join(pair.source + "\n" for pair in seed), encoding="utf-8")
    chinese.write_text("".join(pair.target + "\n" for pair in seed), encoding="utf-8")
    right = runner.invoke(app, ["extract", "--source", str(english), "--target", str(chinese), "--no-cache",
                                "-o", str(tmp_path / "right.yaml")])
    swapped = runner.invoke(app, ["extract", "--source", str(chinese), "--target", str(english), "--no-cache",
                                  "-o", str(tmp_path / "swapped.yaml")])
    assert right.exit_code == swapped.exit_code == 0
    assert "read as zh -> en" not in swapped.stderr
    terms = [(tmp_path / name).read_text(encoding="utf-8").split("\nterms:", 1)[1]
             for name in ("right.yaml", "swapped.yaml")]
    # the same terms; the evidence names the translation, the Chinese file or, read zh -> en, the English one
    assert terms[0] == terms[1].replace("a.en:", "a.zh:") and terms[0].strip() != "[]"
    assert "a.en:" in terms[1]


# ---------------------------------------------------------------- PO

ZH_EN_PO = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
            'msgid "智能电网"\nmsgstr "smart grid"\n\n'
            'msgctxt "menu"\nmsgid "打开智能电网"\nmsgstr "Open the smart grid"\n\n'
            'msgid "%d 个文件"\nmsgid_plural "%d 个文件"\nmsgstr[0] "%d file"\nmsgstr[1] "%d files"\n\n'
            'msgid "氢能"\nmsgstr ""\n')

pairs = Reader(po)


def test_po_with_chinese_msgids_is_read_as_zh_to_en(tmp_path):
    path = write_file(tmp_path, ZH_EN_PO, "en.po")
    found = pairs(path)
    assert [(pair.source, pair.target, pair.location.line, pair.location.unit) for pair in found] == [
        ("smart grid", "智能电网", 7, None), ("Open the smart grid", "打开智能电网", 11, "menu"),
        ("%d files", "%d 个文件", 14, None)]
    # Language: en declares the direction: no warning on every run (M3 of the zh-source probe)
    assert pairs.warnings == [f"{path}:19: 1 untranslated entry skipped (first one here)"]


def test_po_scripts_outweigh_a_wrong_language_header(tmp_path):
    forward = ZH_EN_PO.replace('msgid "智能电网"\nmsgstr "smart grid"', 'msgid "smart grid"\nmsgstr "智能电网"')
    forward = forward.replace('msgid "打开智能电网"\nmsgstr "Open the smart grid"',
                              'msgid "Open the smart grid"\nmsgstr "打开智能电网"')
    forward = forward.replace('msgid "%d 个文件"\nmsgid_plural "%d 个文件"\nmsgstr[0] "%d file"\nmsgstr[1] "%d files"',
                              'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d 个文件"')
    path = write_file(tmp_path, forward.replace('msgid "氢能"', 'msgid "hydrogen"'), "zh.po")
    assert texts(pairs(path)) == [("smart grid", "智能电网"), ("Open the smart grid", "打开智能电网"),
                                  ("%d files", "%d 个文件")]
    assert not any("read as" in warning for warning in pairs.warnings)


def test_po_language_header_decides_when_the_scripts_do_not(tmp_path):
    body = 'msgid ""\nmsgstr ""\n"Language: en_US\\n"\n\nmsgid "Grille intelligente"\nmsgstr "Smart grid"\n'
    path = write_file(tmp_path, body, "en.po")
    assert texts(pairs(path, source_lang="en", target_lang="fr")) == [("Smart grid", "Grille intelligente")]
    assert pairs.warnings == []  # declared by the header: nothing to warn about
    path = write_file(tmp_path, body.replace("en_US", "fr"), "fr.po")
    assert texts(pairs(path, source_lang="en", target_lang="fr")) == [("Grille intelligente", "Smart grid")]
    assert pairs.warnings == []


def test_extract_from_a_zh_to_en_po_finds_terms(runner, tmp_path):
    path = write_file(tmp_path, ZH_EN_PO.replace('msgid "氢能"\nmsgstr ""\n',
                                                 'msgid "智能电网很好"\nmsgstr "The smart grid is good"\n'), "en.po")
    output = tmp_path / "glossary.yaml"
    result = runner.invoke(app, ["extract", path, "--no-cache", "--min-score", "0", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "read as zh -> en" not in result.output  # Language: en declares it
    assert "source: smart grid" in output.read_text(encoding="utf-8")
