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
        return [line.split(",title=")[0].removeprefix("::error ") for line in result.stdout.splitlines()]
    regions = [alert["locations"][0]["physicalLocation"]["region"] for alert in json.loads(result.stdout)["runs"][0]["results"]]
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


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="zh-CN" datatype="plaintext" original="x">
    <body>
      <trans-unit id="1">
        <source>Enter your email.</source>
        <target>请输入您的邮件地址。</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Tom &amp; your email.</source>
        <target>汤姆&amp;您的邮件地址。</target>
      </trans-unit>
      <trans-unit id="3">
        <source>Your <b>email</b> here.</source>
        <target>您的<bpt id="1">&lt;b&gt;</bpt>邮件地址<ept id="1">&lt;/b&gt;</ept>在此。</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_an_xliff_target_written_as_it_reads_is_pointed_into(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "ui.xlf").write_text(XLIFF, encoding="utf-8")
    assert places(runner, "ui.xlf") == [
        "file=ui.xlf,line=7,col=22",  # <target> text from column 17, 邮件地址 five characters on
        "file=ui.xlf,line=11,col=17",  # &amp; before it: the file's columns are not the text's
        "file=ui.xlf,line=15,col=17",  # an inline code before it, likewise
    ]


def test_a_tmx_seg_on_one_line_is_pointed_into(runner, workdir):
    (workdir / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    head = '<tu><tuv xml:lang="en"><seg>Enter your email.</seg></tuv><tuv xml:lang="zh-CN"><seg>'
    (workdir / "m.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
        'segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/><body>\n'
        f"{head}请输入您的邮件地址。</seg></tuv></tu>\n</body></tmx>\n", encoding="utf-8")
    assert places(runner, "m.tmx") == [f"file=m.tmx,line=3,col={len(head) + 1 + 5}"]
