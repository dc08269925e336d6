"""A <sub> inside an inline code (TMX, XLIFF 1.2) holds translatable text of its own, a footnote or
the title of a link: its words are read, set apart from the words around them as a standalone code
is, while the code around it stays out of the text."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.readers import read_pairs
from tests.support import SMART_GRID_APPROVED

FOOTNOTE_TMX = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en"/><body>
<tu tuid="t8"><tuv xml:lang="en-US"><seg>Footnote<ph type="fnote">&lt;fn&gt;<sub>The smart grid tax applies</sub>&lt;/fn&gt;</ph> here</seg></tuv><tuv xml:lang="zh-CN"><seg>脚注<ph type="fnote">&lt;fn&gt;<sub>适用网络税</sub>&lt;/fn&gt;</ph>在此</seg></tuv></tu>
</body></tmx>
"""

LINK_TITLE_XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="en" target-language="zh-CN" datatype="html" original="x"><body>
<trans-unit id="1"><source>Open <bpt id="1">&lt;a title="<sub>Smart grid status</sub>"&gt;</bpt>the report<ept id="1">&lt;/a&gt;</ept></source>
<target><bpt id="1">&lt;a title="<sub>智慧网络状态</sub>"&gt;</bpt>打开报告<ept id="1">&lt;/a&gt;</ept></target></trans-unit>
</body></file></xliff>
"""


def test_a_tmx_footnote_inside_a_placeholder_is_checked(runner, workdir):
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("sub.tmx").write_text(FOOTNOTE_TMX, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "sub.tmx"])
    assert result.exit_code == 1, result.output
    assert '    "smart grid" should be translated as "智能电网"\n' in result.stdout
    assert "    en: Footnote{}The smart grid tax applies{} here\n    zh: 脚注{}适用网络税{}在此\n" in result.stdout


def test_a_link_title_in_xliff_is_read_and_located_where_its_words_start(runner, workdir):
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("title.xlf").write_text(LINK_TITLE_XLIFF, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "title.xlf"])
    assert result.exit_code == 1, result.output
    column = LINK_TITLE_XLIFF.splitlines()[3].index("智慧网络状态") + 1  # the title: the first words of the <target>
    assert f"  title.xlf:4:{column}  error GL001" in result.stdout
    assert "    en: Open {}Smart grid status{}the report\n    zh: 智慧网络状态{}打开报告\n" in result.stdout


def test_the_code_around_a_sub_flow_stays_out_of_the_text(tmp_path):
    path = tmp_path / "sub.tmx"
    path.write_text(FOOTNOTE_TMX, encoding="utf-8")
    (pair,) = read_pairs([str(path)])
    assert "<fn>" not in pair.source and "</fn>" not in pair.target
