"""A finding whose offending text has a place (a forbidden rendering, the English term left in the
translation) points at that text, where the file shows the translation as it is; otherwise at
where the translation starts."""

from __future__ import annotations

import json

from glossary_cli.cli.common import app

GLOSSARY = """glossary: 1
terms:
  - source: email
    target: 电子邮件
    status: approved
    forbidden: [邮件地址]
  - source: MERS
    target: 中东呼吸综合征
    status: approved
"""


def places(runner, corpus: str, report: str = "github") -> list[str]:
    result = runner.invoke(app, ["check", "g.yaml", corpus, "--format", report])
    assert result.exit_code == 1, result.output
    if report == "github":
        return [line.split(",title=")[0].removeprefix("::error ") for line in result.output.splitlines()]
    regions = [alert["locations"][0]["physicalLocation"]["region"] for alert in json.loads(result.output)["runs"][0]["results"]]
    return [(region["startLine"], region["startColumn"]) for region in regions]


def test_a_forbidden_rendering_is_pointed_at_in_a_tsv(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "c.tsv").write_text("Enter your email.\t请输入您的邮件地址。\n", encoding="utf-8")
    # the translation starts at column 19; 邮件地址 five characters further
    assert places(runner, "c.tsv") == ["file=c.tsv,line=1,col=24"]


def test_the_english_term_kept_in_an_indented_text_line_is_pointed_at(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "c.txt").write_text("MERS spreads.\n  目前 MERS 正在传播。\n", encoding="utf-8")
    assert places(runner, "c.txt") == ["file=c.txt,line=2,col=6"]


def test_sarif_counts_a_character_beyond_the_bmp_before_it_twice(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "c.tsv").write_text("Enter your email.\t𠀀请输入您的邮件地址。\n", encoding="utf-8")
    assert places(runner, "c.tsv", "sarif") == [(1, 26)]  # 19 + 1 + 5, and 𠀀 is two UTF-16 code units


def test_a_po_string_with_an_escape_before_it_points_where_the_translation_starts(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "one.po").write_text(
        'msgid ""\nmsgstr "Language: zh_CN\\n"\n\n'
        'msgid "Enter your email."\nmsgstr "请输入您的邮件地址。"\n\n'
        'msgid "Tab\\tthen your email."\nmsgstr "制表符\\t然后输入邮件地址。"\n', encoding="utf-8")
    assert places(runner, "one.po") == [
        "file=one.po,line=5,col=14",  # `msgstr "` is 8 characters; 请输入您的 five more
        "file=one.po,line=8,col=9",  # the \t in the file is one character of the text: the string's start
    ]
