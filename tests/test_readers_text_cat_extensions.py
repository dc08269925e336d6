"""The bilingual files of Trados (.sdlxliff), memoQ (.mqxliff) and Phrase (.mxliff) are XLIFF, so a
project folder of them can be checked as a directory."""

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.readers import InputFormat, detect_format

XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="zh-CN" datatype="x-sdlfilterframework2" original="a.docx">
    <body><trans-unit id="1"><source>Grid status</source><target>网络状态</target></trans-unit></body>
  </file>
</xliff>
"""


@pytest.mark.parametrize("name", ["a.sdlxliff", "a.mqxliff", "a.mxliff", "A.SDLXLIFF"])
def test_cat_tool_extensions_are_xliff(name):
    assert detect_format(name) is InputFormat.XLIFF


def test_a_folder_of_cat_tool_files_is_checked(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text("glossary: 1\nterms:\n  - {source: grid, target: 电网, status: approved}\n", encoding="utf-8")
    Path("trados").mkdir()
    for name in ("a.sdlxliff", "b.mqxliff", "c.mxliff"):
        Path("trados", name).write_text(XLIFF, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "trados", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert [finding["path"] for finding in json.loads(result.stdout)["findings"]] == \
        ["trados/a.sdlxliff", "trados/b.mqxliff", "trados/c.mxliff"]
