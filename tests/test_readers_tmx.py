"""TMX reader: real TICO-19 memory, language codes, inline codes, direction and hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.errors import InputFormatError
from glossary_cli.models import Location, SegmentPair
from glossary_cli.readers import InputFormat, read_pairs
from glossary_cli.readers import tmx
from tests.deadline import GENEROUS_SECONDS, finishes_within
from tests.support import Reader, write_file



@pytest.fixture
def tico(shared_data) -> Path:
    """The TICO-19 directory of ../shared/data (the `shared_data` fixture skips without it)."""
    return shared_data / "tico19_en_zh"


def write(tmp_path: Path, body: str, name: str = "memory.tmx", encoding: str = "utf-8") -> str:
    return write_file(tmp_path, body, name, encoding)


def memory(*units: str, header: str = '<header srclang="en" datatype="plaintext"/>') -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">' + header + "<body>\n"
            + "\n".join(units) + "\n</body></tmx>\n")


pairs = Reader(tmx)


def texts(found: list[SegmentPair]) -> list[tuple[str, str]]:
    return [(pair.source, pair.target) for pair in found]


# ---------------------------------------------------------------- the real file

def test_tico19_memory_reads_all_3071_units_with_tuid_and_line(tico):
    memory_path = tico / "all.en-zh.tmx"
    found = pairs(str(memory_path))
    # `grep -c '<tu ' all.en-zh.tmx` counts 3071 units; each has an en and a zh variant.
    assert len(found) == 3071
    assert found[0] == SegmentPair("about how long have these symptoms been going on?", "这些症状已持续多长时间？",
                                   Location(str(memory_path), 3, "CMU_1:1"))
    assert found[-1].location.unit == "wiki_9:3071"
    assert pairs.warnings == []


def test_tico19_memory_gives_the_same_pairs_as_the_tsv_made_from_it(tico):
    # SOURCE.md: segments.tsv holds every unit of the TMX with line breaks and tabs made spaces,
    # the ends stripped and one exact duplicate removed. So extract sees the same input from both.
    from_memory = texts(list(read_pairs([str(tico / "all.en-zh.tmx")])))
    from_table = texts(list(read_pairs([str(tico / "segments.tsv")])))
    deduplicated = list(dict.fromkeys(from_memory))
    assert len(from_memory) - len(deduplicated) == 1
    assert deduplicated == from_table


@pytest.mark.slow
def test_extract_on_the_memory_gives_the_glossary_of_the_tsv(tico):
    # Acceptance (issue 5), on the library: the same pairs give the same ranked term pairs. The
    # memory's one duplicate unit is dropped first, as it was when segments.tsv was made.
    from glossary_cli.extract import extract

    from_memory, seen = [], set()
    for pair in read_pairs([str(tico / "all.en-zh.tmx")]):
        if (pair.source, pair.target) not in seen:
            seen.add((pair.source, pair.target))
            from_memory.append(pair)
    from_table = list(read_pairs([str(tico / "segments.tsv")]))
    assert texts(from_memory) == texts(from_table)

    def ranked(pairs):
        return [(found.source, found.target, found.score, found.count) for found in extract(pairs).pairs]

    assert ranked(from_memory) == ranked(from_table)


# ---------------------------------------------------------------- language codes and direction

@pytest.mark.parametrize("code", ["zh", "zh-CN", "zh-Hans", "zh_CN", "ZH-cn", "zho"])
def test_any_spelling_of_chinese_is_the_target(tmp_path, code):
    path = write(tmp_path, memory(f'<tu><tuv xml:lang="en-US"><seg>vaccine</seg></tuv>'
                                  f'<tuv xml:lang="{code}"><seg>疫苗</seg></tuv></tu>'))
    assert texts(pairs(path)) == [("vaccine", "疫苗")]


def test_a_chinese_to_english_memory_is_read_with_english_as_source(tmp_path):
    path = write(tmp_path, memory('<tu tuid="7"><tuv xml:lang="zh-CN"><seg>疫苗</seg></tuv>'
                                  '<tuv xml:lang="en"><seg>vaccine</seg></tuv></tu>',
                                  header='<header srclang="zh-CN"/>'))
    assert pairs(path) == [SegmentPair("vaccine", "疫苗", Location(path, 3, "7"))]


def test_tmx_1_1_lang_attribute_is_understood(tmp_path):
    path = write(tmp_path, memory('<tu><tuv lang="EN"><seg>mask</seg></tuv><tuv lang="ZH"><seg>口罩</seg></tuv></tu>'))
    assert texts(pairs(path)) == [("mask", "口罩")]


def test_source_and_target_lang_options_pick_other_variants(tmp_path):
    path = write(tmp_path, memory('<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh-CN"><seg>口罩</seg></tuv>'
                                  '<tuv xml:lang="zh-TW"><seg>口罩 TW</seg></tuv></tu>'))
    assert texts(pairs(path)) == [("mask", "口罩")]
    assert "several zh variants (zh-CN, zh-TW)" in pairs.warnings[0]
    assert texts(pairs(path, target_lang="zh-TW")) == [("mask", "口罩 TW")]


def test_units_without_both_languages_are_skipped_and_counted_once(tmp_path):
    path = write(tmp_path, memory('<tu><tuv xml:lang="en"><seg>fever</seg></tuv><tuv xml:lang="zh"><seg>发热</seg></tuv></tu>',
                                  '<tu><tuv xml:lang="en"><seg>cough</seg></tuv></tu>',
                                  '<tu><tuv xml:lang="en"><seg>rash</seg></tuv><tuv xml:lang="zh"><seg> </seg></tuv></tu>',
                                  '<tu><tuv xml:lang="en"><seg>x</seg></tuv><tuv xml:lang="fr"><seg>y</seg></tuv></tu>'))
    assert texts(pairs(path)) == [("fever", "发热")]
    assert pairs.warnings == [f"{path}:4: 3 translation unit(s) without both en and zh text skipped (first one here)"]


def test_strict_turns_a_half_unit_into_an_error(tmp_path):
    path = write(tmp_path, memory('<tu tuid="a"><tuv xml:lang="en"><seg>cough</seg></tuv></tu>'))
    with pytest.raises(InputFormatError, match="translation unit a has no zh text") as error:
        pairs(path, strict=True)
    assert error.value.line == 3


def test_unit_without_tuid_is_located_by_its_position(tmp_path):
    path = write(tmp_path, memory('<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh"><seg>甲</seg></tuv></tu>',
                                  '<tu><tuv xml:lang="en"><seg>b</seg></tuv><tuv xml:lang="zh"><seg>乙</seg></tuv></tu>'))
    assert [pair.location for pair in pairs(path)] == [Location(path, 3, "1"), Location(path, 4, "2")]


# ---------------------------------------------------------------- inline codes

def test_inline_codes_never_become_words(tmp_path):
    path = write(tmp_path, memory(
        '<tu><tuv xml:lang="en"><seg>Click <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> '
        '<ph>{0}</ph> now<it pos="begin">&lt;i&gt;</it> <hi type="x">really</hi></seg></tuv>'
        '<tuv xml:lang="zh"><seg>现在点击<bpt i="1">&lt;b&gt;</bpt>保存<ept i="1">&lt;/b&gt;</ept><ph>{0}</ph></seg></tuv></tu>'))
    # <ph> stands where a word would: it leaves a placeholder that separates words (see xml_safe.CODE_MARK);
    # <it>, half of a paired formatting code, leaves nothing
    assert texts(pairs(path)) == [("Click Save {} now really", "现在点击保存")]


def test_line_breaks_and_tabs_in_segments_become_single_spaces(tmp_path):
    path = write(tmp_path, memory('<tu><tuv xml:lang="en"><seg>  public\r\n\thealth  </seg></tuv>'
                                  '<tuv xml:lang="zh"><seg>公共\n卫生</seg></tuv></tu>'))
    assert texts(pairs(path)) == [("public health", "公共 卫生")]


# ---------------------------------------------------------------- encodings and line endings

def test_crlf_bom_and_doctype_are_fine(tmp_path):
    body = memory('<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh"><seg>口罩</seg></tuv></tu>')
    body = body.replace("<tmx", '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx').replace("\n", "\r\n")
    path = write(tmp_path, "\ufeff" + body)
    assert pairs(path) == [SegmentPair("mask", "口罩", Location(path, 4, "1"))]


def test_utf16_memory_is_decoded_from_its_byte_order_mark(tmp_path):
    body = memory('<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh"><seg>口罩</seg></tuv></tu>')
    path = write(tmp_path, body.replace("UTF-8", "UTF-16"), encoding="utf-16")
    assert texts(pairs(path)) == [("mask", "口罩")]


def test_gb18030_memory_is_decoded_from_its_declaration(tmp_path):
    body = memory('<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh"><seg>口罩</seg></tuv></tu>')
    path = write(tmp_path, body.replace("UTF-8", "GB18030"), encoding="gb18030")
    assert texts(pairs(path)) == [("mask", "口罩")]


def test_gb18030_bytes_declared_as_utf8_need_the_encoding_option(tmp_path):
    body = memory('<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh"><seg>口罩</seg></tuv></tu>')
    path = write(tmp_path, body, encoding="gb18030")
    with pytest.raises(InputFormatError, match="pass --encoding") as error:
        pairs(path)
    assert error.value.line == 3
    assert texts(pairs(path, encoding="gb18030")) == [("mask", "口罩")]


# ---------------------------------------------------------------- broken and hostile files

def test_empty_file_is_an_error(tmp_path):
    with pytest.raises(InputFormatError, match="empty file: no TMX content"):
        pairs(write(tmp_path, ""))


def test_a_memory_with_only_a_header_has_no_pairs(tmp_path):
    assert pairs(write(tmp_path, memory())) == []


def test_truncated_memory_says_where_and_why(tmp_path):
    body = memory('<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh"><seg>口罩</seg></tuv></tu>')
    path = write(tmp_path, body[: body.index("</tuv></tu>")])
    with pytest.raises(InputFormatError) as error:
        pairs(path)
    assert error.value.path == path and error.value.line == 3
    assert "malformed TMX" in error.value.message and "truncated" in error.value.message


def test_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    body = (f'<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY leak SYSTEM "file://{secret}">\n]>\n'
            '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&leak;</seg></tuv>'
            '<tuv xml:lang="zh"><seg>泄露</seg></tuv></tu></body></tmx>')
    with pytest.raises(InputFormatError, match="declares the entity 'leak'") as error:
        pairs(write(tmp_path, body))
    assert error.value.line == 3


def test_entity_expansion_bomb_is_refused_fast(tmp_path):
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)]
    body = ('<?xml version="1.0"?>\n<!DOCTYPE tmx [\n' + "\n".join(levels) + "\n]>\n"
            '<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu></body></tmx>')
    with finishes_within(GENEROUS_SECONDS, "refusing a billion laughs"), \
            pytest.raises(InputFormatError, match="entity declarations are refused") as error:
        pairs(write(tmp_path, body))
    assert error.value.line == 3  # at the first declaration, before any entity could expand


def test_an_xliff_file_given_as_tmx_is_named(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n<xliff version="1.2"/>')
    with pytest.raises(InputFormatError, match="not a TMX file: the root element is <xliff>"):
        pairs(path)


def test_binary_file_is_named_as_such(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputFormatError, match="binary file \\(NUL bytes\\); expected a TMX document"):
        pairs(str(path))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputFormatError, match="no such file"):
        pairs(str(tmp_path / "nope.tmx"))
    with pytest.raises(InputFormatError, match="is a directory"):
        pairs(str(tmp_path))


def test_input_format_option_reads_a_tmx_with_another_extension(tmp_path):
    path = write(tmp_path, memory('<tu><tuv xml:lang="en"><seg>mask</seg></tuv><tuv xml:lang="zh"><seg>口罩</seg></tuv></tu>'),
                 name="memory.data")
    assert texts(list(read_pairs([path], input_format=InputFormat.TMX))) == [("mask", "口罩")]
