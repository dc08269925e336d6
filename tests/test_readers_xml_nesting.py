"""Elements nested deeper than any real file nests them (a broken export, or a file made to stall
the tool: 300,000 nested <group>s kept `check` busy for hours) are refused at the line where the
nesting goes too deep, with exit code 2. Up to that depth the text is read like any other, and no
RecursionError escapes as a traceback with exit code 1, which CI would take for terminology findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers.xml_safe import MAX_NESTING
from tests.support import SMART_GRID_APPROVED

XLIFF_HEAD = '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="zh"><body>\n'
TMX_HEAD = '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'


def nested(name: str, text: str, depth: int) -> str:
    return f'<{name} id="1">' * depth + text + f"</{name}>" * depth


@pytest.fixture(autouse=True)
def _glossary(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")


def test_xliff_nested_as_deep_as_allowed_is_checked(runner):
    depth = MAX_NESTING - 6  # <xliff><file><body><trans-unit><source> and the <g>s: one short of the limit
    Path("deep.xlf").write_text(
        XLIFF_HEAD + f'<trans-unit id="1"><source>{nested("g", "The smart grid", depth)}</source>'
        f'<target>{nested("g", "智能电网", depth)}</target></trans-unit>\n</body></file></xliff>\n',
        encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "deep.xlf"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings in 1 pair, 1 approved term.\n"


def test_tmx_with_thousands_of_nested_hi_is_refused_where_it_goes_too_deep(runner):
    Path("deep.tmx").write_text(
        TMX_HEAD + '<tu><tuv xml:lang="en"><seg>The smart grid</seg></tuv>\n'
        f'<tuv xml:lang="zh"><seg>智慧{nested("hi", "网络", 5000)}</seg></tuv></tu>\n</body></tmx>\n',
        encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "deep.tmx"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("error: deep.tmx:4: TMX elements nested more than 256 deep (<hi> here); no real file "
                             "nests so deep, so this one is refused as broken\n")


def test_xliff_groups_nested_by_the_thousand_are_refused(runner):
    """One <group> a line: the error names the line of the first <group> too many."""
    depth = 5000
    Path("groups.xlf").write_text(
        XLIFF_HEAD + "<group>\n" * depth + '<trans-unit id="1"><source>The smart grid</source>'
        "<target>聪明电网</target></trans-unit>\n" + "</group>\n" * depth + "</body></file></xliff>\n",
        encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "groups.xlf"])
    assert result.exit_code == 2
    assert result.stderr == ("error: groups.xlf:256: XLIFF elements nested more than 256 deep (<group> here); no "
                             "real file nests so deep, so this one is refused as broken\n")


def test_android_and_stringsdict_nested_too_deep_are_refused(runner):
    Path("values").mkdir()
    Path("values/strings.xml").write_text(
        f'<resources><string name="grid">{nested("b", "The smart grid", 300)}</string></resources>\n',
        encoding="utf-8")
    Path("values-zh").mkdir()
    Path("values-zh/strings.xml").write_text('<resources><string name="grid">智能电网</string></resources>\n',
                                             encoding="utf-8")
    android = runner.invoke(app, ["check", "g.yaml", "--source", "values/strings.xml",
                                  "--target", "values-zh/strings.xml"])
    assert android.exit_code == 2
    assert android.stderr == ("error: values/strings.xml:1: Android resources XML elements nested more than 256 deep "
                              "(<b> here); no real file nests so deep, so this one is refused as broken\n")

    device = "<key>NSStringLocalizedFormatKey</key><string>x</string><key>NSStringDeviceSpecificRuleType</key>"
    entry = f"{device}<dict><key>mac</key><dict>" * 500 + "<key>NSStringLocalizedFormatKey</key><string>grid</string>"
    for name in ("en", "zh"):
        Path(f"{name}.stringsdict").write_text(
            f'<?xml version="1.0"?>\n<plist version="1.0"><dict><key>g</key><dict>{entry}'
            + "</dict></dict>" * 500 + "</dict></dict></plist>\n", encoding="utf-8")
    ios = runner.invoke(app, ["check", "g.yaml", "--source", "en.stringsdict", "--target", "zh.stringsdict"])
    assert ios.exit_code == 2  # it gave a RecursionError traceback, exit 1
    assert ios.stderr == ("error: en.stringsdict:2: property list (.stringsdict) elements nested more than 256 deep "
                          "(<key> here); no real file nests so deep, so this one is refused as broken\n")
