"""An XLIFF 1.2 unit whose <seg-source> is split into sentences (<mrk mtype="seg">) but whose
<target> is not (a tool that does not segment, or a one-sentence unit edited outside the CAT tool)
is translated: it is read whole, <source> with <target>, not skipped as untranslated."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.readers import xliff
from tests.support import FILE_NOT_DANGAN, Reader, write_file

GLOSSARY = FILE_NOT_DANGAN

UNIT = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="zh-CN" datatype="plaintext" original="a">
    <body>
      <trans-unit id="1">
        <source>Open the file. Then save it.</source>
        <seg-source><mrk mtype="seg" mid="0">Open the file.</mrk> <mrk mtype="seg" mid="1">Then save it.</mrk></seg-source>
        <target>打开档案，然后保存。</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

read = Reader(xliff)


def test_check_finds_the_forbidden_rendering_in_an_unsegmented_target(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("app.xlf").write_text(UNIT, encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "app.xlf"])
    assert result.exit_code == 1, result.output
    assert "app.xlf:8:19  error GL002" in result.stdout  # 档案, two characters into the <target> text at column 17
    assert result.stderr == ""  # not "1 untranslated or empty unit(s) skipped"


def test_the_unit_is_read_whole(tmp_path):
    path = write_file(tmp_path, UNIT, "app.xlf")
    pairs = read(path)
    assert [(pair.source, pair.target, pair.location.unit) for pair in pairs] == [
        ("Open the file. Then save it.", "打开档案，然后保存。", "1")]
    assert read.warnings == []


def test_a_segmented_target_is_still_read_sentence_by_sentence(tmp_path):
    segmented = UNIT.replace("<target>打开档案，然后保存。</target>",
                             '<target><mrk mtype="seg" mid="0">打开文件。</mrk><mrk mtype="seg" mid="1"></mrk></target>')
    path = write_file(tmp_path, segmented, "app.xlf")
    assert [(pair.source, pair.target, pair.location.unit) for pair in read(path)] == [
        ("Open the file.", "打开文件。", "1/0")]
    assert read.warnings == [f"{path}:7: 1 untranslated or empty unit(s) skipped (first one here)"]


def test_a_unit_without_a_target_is_still_untranslated(tmp_path):
    path = write_file(tmp_path, UNIT.replace("<target>打开档案，然后保存。</target>", ""), "app.xlf")
    assert read(path) == []
    assert read.warnings == [f"{path}:7: 2 untranslated or empty unit(s) skipped (first one here)"]


def test_an_empty_target_leaves_each_sentence_untranslated(tmp_path):
    path = write_file(tmp_path, UNIT.replace("<target>打开档案，然后保存。</target>", "<target/>"), "app.xlf")
    assert read(path) == []
    assert read.warnings == [f"{path}:7: 2 untranslated or empty unit(s) skipped (first one here)"]
