"""A table (TSV or CSV) without a header is read in the direction most of its lines show: a line
of a file written in Chinese whose English quotes the Chinese original (`Guangdong Carbon Cloud
(粤碳云)`) is no English-first line, and only lines clearly going the other way are warned about (probe of
a Chinese-authored project, M1). A file holding the Chinese first throughout is read so unsaid, as
a header naming the Chinese column first is: a warning on every run teaches -q (final probe, L1)."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.readers import ReadOptions, read_pairs

QUOTING = "广东省推出了“粤碳云”平台,推动绿色转型。\tGuangdong launched the Guangdong Carbon Cloud (粤碳云) platform.\n"
CHINESE_FIRST = ["深圳是绿色转型的先行者。\tShenzhen is a pioneer of the green transition.\n",
                 "热泵很高效。\tHeat pumps are efficient.\n"]


def read(path: Path) -> tuple[list, list[str]]:
    warnings: list[str] = []
    pairs = list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append)))
    return pairs, warnings


def test_english_quoting_its_chinese_original_is_read_as_the_rest_of_the_file(tmp_path):
    path = tmp_path / "zh-en.tsv"
    path.write_text(QUOTING + "".join(CHINESE_FIRST), encoding="utf-8")

    pairs, warnings = read(path)

    assert pairs[0].source == "Guangdong launched the Guangdong Carbon Cloud (粤碳云) platform."
    assert pairs[0].target == "广东省推出了“粤碳云”平台,推动绿色转型。"
    assert [pair.from_chinese for pair in pairs] == [True, True, True]
    assert pairs[0].location.target_column == len("广东省推出了“粤碳云”平台,推动绿色转型。\t") + 1  # the English cell
    assert warnings == []


def test_a_line_clearly_going_the_other_way_is_read_so_and_warned_about(tmp_path):
    path = tmp_path / "zh-en.tsv"
    path.write_text("".join(CHINESE_FIRST) + "Open the file\t打开文件\n" + QUOTING, encoding="utf-8")

    pairs, warnings = read(path)

    assert [(pair.source, pair.from_chinese) for pair in pairs][2:] == [
        ("Open the file", False), ("Guangdong launched the Guangdong Carbon Cloud (粤碳云) platform.", True)]
    assert warnings == [f"{path}:3: 1 line(s) have the English text in the first column, unlike the rest of "
                        "the file; read as en -> zh (first one here)"]


def test_check_asks_the_quoting_english_line_for_the_approved_term(runner, workdir):
    Path("g.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                              "  - source: green transition\n    target: 绿色转型\n    status: approved\n",
                              encoding="utf-8")
    Path("zh-en.tsv").write_text(QUOTING + "".join(CHINESE_FIRST), encoding="utf-8")

    result = runner.invoke(app, ["check", "g.yaml", "zh-en.tsv", "--format", "github"])

    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=zh-en.tsv,line=1,col=23,title=GL005 ")



def test_a_csv_without_a_header_is_read_so_too(tmp_path):
    path = tmp_path / "zh-en.csv"
    path.write_text('深圳是绿色转型的先行者。,Shenzhen is a pioneer of the green transition.\n'
                    '"广东省推出了“粤碳云”平台。","Guangdong launched the Guangdong Carbon Cloud (粤碳云), a platform."\n'
                    '热泵很高效。,Heat pumps are efficient.\n'
                    'Open the file,打开文件\n', encoding="utf-8")

    pairs, warnings = read(path)

    assert [(pair.source, pair.from_chinese) for pair in pairs] == [
        ("Shenzhen is a pioneer of the green transition.", True),
        ("Guangdong launched the Guangdong Carbon Cloud (粤碳云), a platform.", True),
        ("Heat pumps are efficient.", True), ("Open the file", False)]
    assert pairs[1].location.target_column == len('"广东省推出了“粤碳云”平台。",') + 2  # past the English cell's quote
    assert warnings == [f"{path}:4: 1 row(s) have the English text in the first column, unlike the rest of the file; "
                        "read as en -> zh (first one here)"]


def test_a_header_decides_the_direction_of_lines_that_do_not_show_one(tmp_path):
    path = tmp_path / "headed.tsv"
    path.write_text("en\tzh\n" + QUOTING + "".join(CHINESE_FIRST), encoding="utf-8")

    pairs, warnings = read(path)

    # the header names the English column first: a line quoting Chinese in both cells is read by it
    assert pairs[0].source == "广东省推出了“粤碳云”平台,推动绿色转型。"
    assert warnings == [f"{path}:3: 2 line(s) have the Chinese text in the first column; read as zh -> en "
                        "(first one here)"]
