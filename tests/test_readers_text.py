import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.readers import InputFormat, ReadOptions, read_pairs, read_parallel
from glossary_cli.readers.interleaved import split_bilingual_line


def read(path, **options):
    warnings = []
    pairs = list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append, **options)))
    return pairs, warnings


def test_seed_article_reads_as_33_pairs_with_line_numbers(seed_article):
    pairs, warnings = read(seed_article)
    assert len(pairs) == 33 and warnings == []
    v2g = next(pair for pair in pairs if "(V2G)" in pair.source)
    assert str(v2g.location) == f"{seed_article}:38"
    assert v2g.target.startswith("第一是“车网互动(V2G)”")


def test_bilingual_title_line_is_split_where_the_script_changes(seed_article):
    pairs, _ = read(seed_article)
    title = pairs[0]
    assert title.source.endswith("for the green transition")
    assert title.target.startswith("从本地蓝图到全球对话")


def test_a_latin_word_glued_to_the_chinese_stays_with_it():
    assert split_bilingual_line("The AI engine at every scale AI引擎：全方位") == (
        "The AI engine at every scale", "AI引擎：全方位")
    assert split_bilingual_line("Intep公司的高级顾问") is None  # a Chinese line, not a title


def test_an_english_line_quoting_a_chinese_word_pairs_with_the_chinese_line_after_it(tmp_path):
    corpus = tmp_path / "mixed.txt"
    corpus.write_text("The smart grid project was launched in Shenzhen.\n智能电网项目在深圳启动。\n"
                      "Locals call the smart grid 智能电网 in daily speech.\n当地人在日常用语中称之为智能电网。\n",
                      encoding="utf-8")
    pairs, warnings = read(corpus)
    assert [(pair.source, pair.target, pair.location.line) for pair in pairs] == [
        ("The smart grid project was launched in Shenzhen.", "智能电网项目在深圳启动。", 1),
        ("Locals call the smart grid 智能电网 in daily speech.", "当地人在日常用语中称之为智能电网。", 3)]
    assert warnings == []


def test_bilingual_title_lines_before_english_or_at_the_end_are_split(tmp_path):
    corpus = tmp_path / "titles.txt"
    corpus.write_text("Forging the green blueprint of Shenzhen 打造深圳绿色蓝图\n"
                      "The AI engine at every scale AI引擎：全方位\n\n"
                      "The grid works.\n电网运行。\n"
                      "Closing remarks from the forum 论坛闭幕致辞\n", encoding="utf-8")
    pairs, warnings = read(corpus)
    assert [(pair.source, pair.target) for pair in pairs] == [
        ("Forging the green blueprint of Shenzhen", "打造深圳绿色蓝图"),
        ("The AI engine at every scale", "AI引擎：全方位"),
        ("The grid works.", "电网运行。"),
        ("Closing remarks from the forum", "论坛闭幕致辞")]
    assert warnings == []


def test_unpaired_lines_give_one_warning_per_kind_with_the_count_and_first_line(tmp_path):
    corpus = tmp_path / "article.txt"
    corpus.write_text("First English line.\nSecond English line.\n第二行中文。\n孤立的中文。\n"
                      "Third English line.\nFourth English line.\n第四行中文。\n又一行孤立的中文。\n", encoding="utf-8")
    pairs, warnings = read(corpus)
    assert [pair.location.line for pair in pairs] == [2, 6]
    assert warnings == [f"{corpus}:1: 2 English lines have no Chinese line after them; pairs skipped (first one here)",
                        f"{corpus}:4: 2 Chinese lines have no English line before them; pairs skipped "
                        "(first one here)"]


def test_english_line_without_partner_is_reported_and_skipped(tmp_path):
    corpus = tmp_path / "article.txt"
    corpus.write_text("First English line.\nSecond English line.\n第二行中文。\n", encoding="utf-8")
    pairs, warnings = read(corpus)
    assert [pair.source for pair in pairs] == ["Second English line."]
    assert warnings == [f"{corpus}:1: English line has no Chinese line after it; pair skipped"]


def test_strict_turns_a_skipped_pair_into_an_error(tmp_path):
    corpus = tmp_path / "article.txt"
    corpus.write_text("Lonely English line.\n", encoding="utf-8")
    with pytest.raises(InputFormatError) as error:
        read(corpus, strict=True)
    assert error.value.line == 1 and "no Chinese line" in str(error.value)


def test_tsv_with_header_and_crlf(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_bytes("en\tzh\r\nsmart grid\t智能电网\r\n".encode())
    pairs, _ = read(corpus)
    assert [(pair.source, pair.target, pair.location.line) for pair in pairs] == [("smart grid", "智能电网", 2)]


@pytest.mark.parametrize("line, columns", [("only one column", 1), ("a\tb\tc", 3)])
def test_tsv_line_with_wrong_column_count_names_the_line(tmp_path, line, columns):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text(f"grid\t电网\n{line}\n", encoding="utf-8")
    with pytest.raises(InputFormatError) as error:
        read(corpus, )
    assert error.value.line == 2 and f"found {columns}" in str(error.value)


def test_parallel_files_must_have_the_same_number_of_lines(tmp_path):
    english, chinese = tmp_path / "a.en", tmp_path / "a.zh"
    english.write_text("one\ntwo\nthree\n", encoding="utf-8")
    chinese.write_text("一\n二\n", encoding="utf-8")
    with pytest.raises(InputFormatError) as error:
        list(read_parallel(str(english), str(chinese)))
    assert "3 lines" in str(error.value) and "has 2" in str(error.value)


def test_parallel_files_pair_line_by_line(tmp_path):
    english, chinese = tmp_path / "a.en", tmp_path / "a.zh"
    english.write_text("smart grid\nhydrogen energy\n", encoding="utf-8")
    chinese.write_text("智能电网\n氢能\n", encoding="utf-8")
    pairs = list(read_parallel(str(english), str(chinese)))
    assert [(p.source, p.target, str(p.location)) for p in pairs] == [
        ("smart grid", "智能电网", f"{chinese}:1"), ("hydrogen energy", "氢能", f"{chinese}:2")]


def test_parallel_files_ignore_blank_lines_at_the_end_and_honour_strict(tmp_path):
    english, chinese = tmp_path / "a.en", tmp_path / "a.zh"
    english.write_text("smart grid\nhydrogen energy\nheat pump\n\n\n", encoding="utf-8")
    chinese.write_text("智能电网\n\n热泵\n", encoding="utf-8")
    warnings = []
    pairs = list(read_parallel(str(english), str(chinese), options=ReadOptions(on_warning=warnings.append)))
    assert [pair.target for pair in pairs] == ["智能电网", "热泵"]
    assert warnings == [f"{chinese}:2: 1 line(s) with one side empty skipped (first one here)"]
    with pytest.raises(InputFormatError) as error:
        list(read_parallel(str(english), str(chinese), options=ReadOptions(strict=True)))
    assert (error.value.path, error.value.line) == (str(chinese), 2)
    assert "the Chinese line is empty (--strict)" in str(error.value)


def test_tsv_warns_once_for_skipped_lines_reads_chinese_first_ones_swapped_and_strict_refuses_them(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text("smart grid\t\n智能电网\tsmart grid\n\t氢能\n氢能\thydrogen\n", encoding="utf-8")
    pairs, warnings = read(corpus)
    assert [(pair.source, pair.target) for pair in pairs] == [("smart grid", "智能电网"), ("hydrogen", "氢能")]
    # every line with both sides holds the Chinese first: written in Chinese, read so unsaid (see table_direction)
    assert warnings == [f"{corpus}:1: 2 line(s) with an empty side skipped (first one here)"]
    with pytest.raises(InputFormatError) as error:
        read(corpus, strict=True)
    assert error.value.line == 1 and "empty Chinese side (--strict)" in str(error.value)


@pytest.mark.parametrize("odd_break", ["\u2028", "\x85", "\x0c", "\x0b", "\x1c"])
def test_lines_are_counted_as_an_editor_counts_them(tmp_path, odd_break):
    """str.splitlines also breaks at these; an editor and `wc -l` do not, so line numbers must not."""
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text(f"Use the heat pump{odd_break} now.\t现在用热泵。\nsmart grid\t智能电网\n", encoding="utf-8")
    pairs, _ = read(corpus)
    assert [pair.location.line for pair in pairs] == [1, 2]
    article = tmp_path / "article.txt"
    article.write_text("The heat pump works.\n热泵可用。\n\x0cThe smart grid works.\n智能电网可用。\n", encoding="utf-8")
    pairs, _ = read(article)
    assert [pair.location.line for pair in pairs] == [1, 3]


def test_a_decoding_error_in_utf16_names_the_line_an_editor_shows(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_bytes("上\t上\ngrid\t电网\n".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"))
    with pytest.raises(InputFormatError) as error:
        read(corpus, encoding="utf-16-le")
    assert error.value.line == 3


def test_invalid_utf8_names_line_and_byte_and_suggests_encoding(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_bytes("grid\t电网\n".encode() + "能源\n".encode("gb18030"))
    with pytest.raises(InputFormatError) as error:
        read(corpus, )
    assert error.value.line == 2 and "--encoding" in str(error.value)


def test_gb18030_reads_with_encoding(tmp_path):
    corpus = tmp_path / "corpus.tsv"
    corpus.write_bytes("energy\t能源\n".encode("gb18030"))
    pairs, _ = read(corpus, encoding="gb18030")
    assert pairs[0].target == "能源"


def test_text_format_can_be_forced(tmp_path):
    corpus = tmp_path / "corpus.data"
    corpus.write_text("smart grid\n智能电网\n", encoding="utf-8")
    pairs = list(read_pairs([str(corpus)], input_format=InputFormat.TEXT))
    assert pairs[0].target == "智能电网"
