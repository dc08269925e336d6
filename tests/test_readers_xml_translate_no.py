"""XLIFF translate="no" on a <group> (1.2 and 2.x) or an XLIFF 2 <file> covers the units inside it:
brand names, legal text and code kept as they are. They are not read (no false GL001 in CI, no
identity pairs in extract) and not counted as untranslated; translate="yes" inside opens them again."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.readers import ReadOptions, read_pairs
from tests.support import SMART_GRID_APPROVED

XLIFF_12 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="app.properties" source-language="en" target-language="zh-CN" datatype="plaintext"><body>
<group id="legal" translate="no">
 <trans-unit id="l1"><source>Smart Grid Ltd. is a trademark</source><target>Smart Grid Ltd. is a trademark</target></trans-unit>
 <trans-unit id="l2"><source>Smart Grid Ltd. all rights reserved</source></trans-unit>
 <group id="tagline" translate="yes">
  <trans-unit id="l3"><source>The smart grid company</source><target>智能电网公司</target></trans-unit>
 </group>
</group>
<trans-unit id="a1"><source>Smart grid status</source><target>智能电网状态</target></trans-unit>
</body></file></xliff>
"""

XLIFF_2 = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="zh-CN">
 <file id="f1">
  <group id="g1" translate="no">
   <unit id="brand"><segment><source>Smart Grid Inc.</source><target>Smart Grid Inc.</target></segment></unit>
  </group>
  <unit id="status"><segment><source>Smart grid status</source><target>智能电网状态</target></segment></unit>
 </file>
 <file id="f2" translate="no">
   <unit id="brand2"><segment><source>Smart Grid Inc. 2</source><target>Smart Grid Inc. 2</target></segment></unit>
   <unit id="brand3"><segment><source>Smart Grid Inc. 3</source></segment></unit>
 </file>
</xliff>
"""


def test_check_passes_a_file_whose_untranslated_english_is_marked_translate_no(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("v12.xlf").write_text(XLIFF_12, encoding="utf-8")
    Path("v2.xlf").write_text(XLIFF_2, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "v12.xlf", "v2.xlf"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings in 3 pairs, 1 approved term.\n"  # l3, a1, status
    assert result.stderr == ""  # the units in translate="no" are not untranslated either


def test_only_the_translatable_units_are_read(tmp_path):
    path = tmp_path / "v12.xlf"
    path.write_text(XLIFF_12, encoding="utf-8")
    warnings: list[str] = []
    found = list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append)))
    assert [pair.location.unit for pair in found] == ["l3", "a1"]
    assert warnings == []
