"""A Chinese file saved as UTF-16 without a byte-order mark (some Windows editors and exports):
the detection looked for the NUL bytes ASCII text has in UTF-16, which mostly-Chinese text lacks,
so the Chinese page of a pair was refused as not UTF-8 with no word of UTF-16 (docs probe)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
            "  - source: green transition\n    target: 绿色转型\n    status: approved\n")
CHINESE = "绿色转型很重要，氢能是清洁能源，车网互动让电动汽车参与电网调节。"  # too few ASCII NULs to tell UTF-16 by


@pytest.mark.parametrize("encoding, named", [("utf-16-le", "UTF-16-LE without a byte-order mark; pass --encoding utf-16-le"),
                                             ("gb18030", "--encoding gb18030")])
def test_a_chinese_page_not_in_utf8_is_named_with_the_encoding_to_pass(runner, workdir, encoding, named):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("en.md").write_text("# Title\n\nThe green transition matters.\n", encoding="utf-8")
    Path("zh.md").write_bytes(f"# 标题\n\n{CHINESE}\n".encode(encoding))
    result = runner.invoke(app, ["check", "g.yaml", "--source", "en.md", "--target", "zh.md"])
    assert result.exit_code == 2
    assert named in result.stderr
    assert ("UTF-16" in result.stderr) == (encoding == "utf-16-le")  # GB18030 is never taken for UTF-16
