"""Readers record where each translation's text starts, so `check` sends people to the Chinese to fix
(an XLIFF <target>, a TMX <seg>, a PO msgstr, a TSV or CSV cell), not to the unit around it. The
location extract reports (`where: file:line`) stays the unit's."""

from pathlib import Path

from glossary_cli.models import Location
from glossary_cli.readers import read_pairs

CHECK_DATA = Path(__file__).parent / "data" / "check"


def target_positions(path):
    """(unit line, target line, column, UTF-16 column) of each pair read from `path`."""
    return [(pair.location.line, pair.location.target_line, pair.location.target_column,
             pair.location.target_column_utf16) for pair in read_pairs([str(path)])]


def test_xliff_target_is_two_lines_below_its_trans_unit():
    # line 5: <trans-unit id="open">; line 7: `        <target>打开档案目录</target>`
    assert target_positions(CHECK_DATA / "targets.xlf") == [(5, 7, 17, 17)]


def test_tmx_on_one_line_has_a_column_per_seg_and_counts_emoji_twice_in_utf16():
    line = (CHECK_DATA / "one-line.tmx").read_text(encoding="utf-8").splitlines()[1]
    first, second = line.index("文件 😀") + 1, line.index("打开档案") + 1
    assert target_positions(CHECK_DATA / "one-line.tmx") == [
        (2, 2, first, first + 1),  # one emoji (in the English seg) before it: two UTF-16 code units
        (2, 2, second, second + 2),
    ]


def test_po_target_is_the_msgstr_text_even_on_the_line_after_msgstr_quote_quote():
    # line 6: msgid "Open the file menu"; line 7: msgstr ""; line 8: "打开档案目录"
    assert target_positions(CHECK_DATA / "targets.po") == [(6, 8, 2, 2)]


def test_po_plural_target_is_msgstr_0(tmp_path):
    path = tmp_path / "plural.po"
    path.write_text('msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] "%d 个文件"\n', encoding="utf-8")
    assert target_positions(path) == [(1, 3, 12, 12)]


def test_tsv_target_column_is_where_the_chinese_cell_starts(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Open the file\t打开文件\n𠀀 file\t 𠀀文件\n文件夹\tfolder\n", encoding="utf-8")
    assert target_positions(path) == [
        (1, 1, 15, 15),
        (2, 2, 9, 10),  # after the space that is stripped; 𠀀 (U+20000) before it is two UTF-16 units
        (3, 3, 5, 5),  # read zh -> en: the English, the translation to fix, is the second cell
    ]


def test_csv_target_column_skips_the_opening_quote(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text('en,zh\n"Open, the file","打开文件"\n"A multi\nline file",多行文件\n', encoding="utf-8")
    assert target_positions(path) == [
        (2, 2, 19, 19),
        (3, 4, 12, 12),  # a record over two lines: its Chinese cell starts on the second
    ]


def test_target_positions_do_not_change_what_a_location_equals_or_shows(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Open the file\t打开文件\n", encoding="utf-8")
    (pair,) = read_pairs([str(path)])
    assert pair.location == Location(str(path), 1)
    assert str(pair.location) == f"{path}:1"  # the evidence extract writes


def test_interleaved_text_points_at_the_chinese_line_after_its_english(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("The smart grid works.\n  智能网络有效。\n\n智能电网很好。\nThe smart grid is good.\n", encoding="utf-8")
    assert target_positions(path)[0] == (1, 2, 3, 3)  # extract's evidence stays at line 1, check points at line 2
