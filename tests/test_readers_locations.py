"""`check` sends people to where the words of a translation start: past an inline code that opens it
(the `<b>` of a <bpt>, the `{0}` of a <ph>), on the line the words are on, and with a SARIF column
for a UTF-16 file as for a UTF-8 one."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from tests.support import SMART_GRID_APPROVED

XLIFF_OPENING_WITH_CODES = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="en" target-language="zh"><body>
<trans-unit id="1"><source>Smart grid</source><target><bpt id="1">&lt;b&gt;</bpt>智慧网络<ept id="1">&lt;/b&gt;</ept></target></trans-unit>
<trans-unit id="2"><source>Smart grid</source><target><ph id="1">{0}</ph>
   智慧网络</target></trans-unit>
</body></file></xliff>
"""

TMX_OPENING_WITH_A_CODE = """\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Smart grid</seg></tuv><tuv xml:lang="zh"><seg><ph x="1">&lt;img src="grid.png"/&gt;</ph>智慧网络</seg></tuv></tu>
</body></tmx>
"""

TMX_ONE_UNIT = """\
<?xml version="1.0" encoding="UTF-16"?>
<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Smart grid 😀 status</seg></tuv><tuv xml:lang="zh"><seg>😀 智慧网络</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture
def glossary(workdir):
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    return "g.yaml"


def reported_at(runner, glossary: str, corpus: str) -> list[str]:
    """The file:line:column of each finding `check` prints."""
    result = runner.invoke(app, ["check", glossary, corpus])
    assert result.exit_code == 1, result.output
    return [line.split()[0] for line in result.stdout.splitlines() if " error GL001 " in line]


def test_an_xliff_target_opening_with_a_code_is_located_at_its_words(runner, glossary):
    Path("codes.xlf").write_text(XLIFF_OPENING_WITH_CODES, encoding="utf-8")
    line_3 = XLIFF_OPENING_WITH_CODES.splitlines()[2]
    assert reported_at(runner, glossary, "codes.xlf") == [
        f"codes.xlf:3:{line_3.index('智慧网络') + 1}",  # not at the `&lt;b&gt;` inside <bpt>
        "codes.xlf:5:4",  # not at the `{0}` on line 4: the words are on the next line, after 3 spaces
    ]


def test_a_tmx_seg_opening_with_a_code_is_located_at_its_words(runner, glossary):
    Path("codes.tmx").write_text(TMX_OPENING_WITH_A_CODE, encoding="utf-8")
    line_3 = TMX_OPENING_WITH_A_CODE.splitlines()[2]
    assert reported_at(runner, glossary, "codes.tmx") == [f"codes.tmx:3:{line_3.index('智慧网络') + 1}"]


@pytest.mark.parametrize("encoding, byte_order_mark", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b"")])
def test_sarif_has_the_column_of_a_utf16_file_as_of_a_utf8_one(runner, glossary, encoding, byte_order_mark):
    Path("utf8.tmx").write_text(TMX_ONE_UNIT.replace("UTF-16", "UTF-8"), encoding="utf-8")
    Path("utf16.tmx").write_bytes(byte_order_mark + TMX_ONE_UNIT.encode(encoding))
    line_3 = TMX_ONE_UNIT.splitlines()[2]
    column = line_3.rindex("😀") + 1  # the words of the Chinese <seg> start at its 😀
    regions = []
    for corpus in ("utf8.tmx", "utf16.tmx"):
        result = runner.invoke(app, ["check", glossary, corpus, "--format", "sarif"])
        assert result.exit_code == 1, result.output
        (finding,) = json.loads(result.stdout)["runs"][0]["results"]
        regions.append(finding["locations"][0]["physicalLocation"]["region"])
    # the 😀 of the English <seg> before it is one character and two UTF-16 code units
    assert regions == [{"startLine": 3, "startColumn": column + 1}] * 2
    assert reported_at(runner, glossary, "utf16.tmx") == [f"utf16.tmx:3:{column}"]
