"""Attribute declarations in a DOCTYPE (`<!ATTLIST trans-unit translate CDATA "no">`) are refused,
at their line, with exit code 2. expat gives every element the defaults they declare: one line above
the root made every unit of an XLIFF translate="no", so that `check` skipped them all and passed a
file full of forbidden terms, while nothing showed where the units are. Android resources may still
declare entities (as aapt reads them), not attributes."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from tests.support import SMART_GRID_APPROVED

GLOSSARY = SMART_GRID_APPROVED + "    forbidden: [聪明电网]\n"
XLIFF = ('<?xml version="1.0"?>\n{doctype}\n<xliff version="1.2"><file source-language="en" {target}><body>\n'
         '<trans-unit id="1"><source>The smart grid.</source><target>聪明电网。</target></trans-unit>\n'
         "</body></file></xliff>\n")
REFUSED = "attribute declarations (<!ATTLIST>) are refused, since they change what elements say without it showing " \
          "where they are"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")


def xliff(name: str, doctype: str, target: str = 'target-language="zh-CN"') -> str:
    Path(name).write_text(XLIFF.format(doctype=doctype, target=target), encoding="utf-8")
    return name


def test_a_default_that_makes_every_unit_translate_no_is_refused(runner):
    """It passed, exit 0: "No findings in 0 pairs"."""
    xliff("attlist.xlf", '<!DOCTYPE xliff [<!ATTLIST trans-unit translate CDATA "no">]>')
    result = runner.invoke(app, ["check", "g.yaml", "attlist.xlf"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ('error: attlist.xlf:2: XLIFF declares in its DOCTYPE that every <trans-unit> has '
                             f'translate="no" unless it says otherwise; {REFUSED}\n')


def test_a_file_in_a_directory_is_not_skipped_as_another_language_by_a_default(runner):
    """A default target-language="ja" had the file skipped with a warning while the directory passed."""
    Path("docs").mkdir()
    xliff("docs/a.xlf", '<!DOCTYPE xliff [<!ATTLIST file target-language CDATA "ja">]>', target="")
    Path("docs/ok.po").write_text('msgid ""\nmsgstr "Language: zh_CN\\n"\n\nmsgid "grid"\nmsgstr "电网"\n',
                                  encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "docs"])
    assert result.exit_code == 2
    assert result.stderr == ('error: docs/a.xlf:2: XLIFF declares in its DOCTYPE that every <file> has '
                             f'target-language="ja" unless it says otherwise; {REFUSED}\n')


def test_a_declaration_without_a_default_is_refused_too(runner):
    """A type other than CDATA changes how a value reads (NMTOKEN collapses its spaces)."""
    xliff("typed.xlf", '<!DOCTYPE xliff [\n<!-- types -->\n<!ATTLIST trans-unit id NMTOKEN #IMPLIED>\n]>')
    result = runner.invoke(app, ["check", "g.yaml", "typed.xlf"])
    assert result.exit_code == 2
    assert result.stderr == ("error: typed.xlf:4: XLIFF declares the attribute id of <trans-unit> in its DOCTYPE; "
                             f"{REFUSED}\n")


def test_tmx_and_tbx_refuse_attribute_declarations(runner):
    Path("lang.tmx").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ATTLIST tuv xml:lang CDATA "de">]>\n'
        '<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"><seg>The smart grid</seg></tuv>'
        "<tuv><seg>聪明电网</seg></tuv></tu></body></tmx>\n", encoding="utf-8")
    tmx = runner.invoke(app, ["check", "g.yaml", "lang.tmx"])
    assert (tmx.exit_code, tmx.stderr) == (2, 'error: lang.tmx:2: TMX declares in its DOCTYPE that every <tuv> has '
                                              f'xml:lang="de" unless it says otherwise; {REFUSED}\n')
    Path("terms.tbx").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ATTLIST langSec xml:lang CDATA "zh">]>\n<tbx type="TBX-Basic" '
        'style="dca" xml:lang="en"><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec>'
        "<term>grid</term></termSec></langSec></conceptEntry></body></text></tbx>\n", encoding="utf-8")
    tbx = runner.invoke(app, ["import", "terms.tbx", "-o", "imported.yaml"])
    assert (tbx.exit_code, tbx.stderr) == (2, 'error: terms.tbx:2: TBX declares in its DOCTYPE that every <langSec> '
                                              f'has xml:lang="zh" unless it says otherwise; {REFUSED}\n')
    assert not Path("imported.yaml").exists()


def test_android_keeps_its_entities_but_not_attribute_declarations(runner):
    for values, text in (("values", "The smart grid of &app;"), ("values-zh-rCN", "&app;的聪明电网")):
        Path(values).mkdir()
        Path(values, "strings.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE resources [\n<!ENTITY app "Notely">\n]>\n'
            f'<resources>\n  <string name="grid">{text}</string>\n</resources>\n', encoding="utf-8")
    with_entity = runner.invoke(app, ["check", "g.yaml", "--source", "values", "--target", "values-zh-rCN"])
    assert with_entity.exit_code == 1  # read, and the forbidden rendering found
    assert "GL002" in with_entity.stdout

    chinese = Path("values-zh-rCN", "strings.xml")
    chinese.write_text(chinese.read_text(encoding="utf-8").replace(
        "]>", '<!ATTLIST string translatable CDATA "false">\n]>'), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "values", "--target", "values-zh-rCN"])
    assert result.exit_code == 2
    assert result.stderr == ("error: values-zh-rCN/strings.xml:4: Android resources XML declares in its DOCTYPE that "
                             f'every <string> has translatable="false" unless it says otherwise; {REFUSED}\n')


def test_stringsdict_refuses_attribute_declarations(runner):
    for name, text in (("en", "The smart grid"), ("zh", "聪明电网")):
        Path(f"{name}.stringsdict").write_text(
            '<?xml version="1.0"?>\n<!DOCTYPE plist [<!ATTLIST plist version CDATA "9">]>\n<plist><dict>'
            f"<key>grid</key><dict><key>NSStringLocalizedFormatKey</key><string>{text}</string></dict>"
            "</dict></plist>\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "en.stringsdict", "--target", "zh.stringsdict"])
    assert result.exit_code == 2
    assert result.stderr == ("error: en.stringsdict:2: property list (.stringsdict) declares in its DOCTYPE that "
                             f'every <plist> has version="9" unless it says otherwise; {REFUSED}\n')
