"""A table without a header kept Chinese first, whose English quotes a Chinese name on every line
(`Guangdong launched the Carbon Cloud (粤碳云) platform.`): no line had Chinese in one cell only,
so nothing said which way the file went, and it was read en -> zh without a word, the English
checked as if it were the original. As the README says, tables with the Chinese first are read
zh -> en: the cell written mostly in Chinese characters is the Chinese one."""

from __future__ import annotations

import csv

import pytest

from glossary_cli.cli import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - {source: green transition, target: 绿色转型, status: approved}
"""
ROWS = [("广东省推出了“粤碳云”平台，推动绿色转型。",
         "Guangdong launched the Guangdong Carbon Cloud (粤碳云) platform to drive the green transition."),
        ("深圳“鹏城实验室”推动绿色转型。", "Shenzhen's Peng Cheng Laboratory (鹏城实验室) drives the green transformation."),
        ("“碳普惠”平台已上线。", "The Carbon Inclusion (碳普惠) platform is online.")]


def write_tsv(path) -> None:
    path.write_text("".join(f"{chinese}\t{english}\n" for chinese, english in ROWS), encoding="utf-8")


def write_csv(path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(ROWS)


@pytest.mark.parametrize("name, write", [("terms.tsv", write_tsv), ("terms.csv", write_csv)], ids=["tsv", "csv"])
def test_a_chinese_first_table_whose_english_quotes_chinese_on_every_line_is_read_zh_to_en(runner, workdir, name,
                                                                                           write):
    (workdir / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    write(workdir / name)
    result = runner.invoke(app, ["check", "glossary.yaml", name, "--format", "github"])
    assert result.exit_code == 1
    # the English of line 2 left 绿色转型 untranslated: GL005 at the English cell
    assert [line.split(",title=")[0] for line in result.stdout.splitlines()] == [f"::error file={name},line=2,col=18"]
    assert "read zh -> en" in result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("warning:")]
