"""A termbase labelled with the wrong encoding is read as what its bytes are, and import says so."""

from pathlib import Path

from glossary_cli.cli.common import app

MISLABELLED = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
               '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n'
               '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>smart grid</term></termSec></langSec>\n'
               '<langSec xml:lang="zh"><termSec><term>智能电网</term></termSec></langSec></conceptEntry>\n'
               "</body></text></tbx>\n")


def test_a_tbx_declaring_latin_1_whose_bytes_are_utf8_chinese_is_imported_with_a_warning(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("terms.tbx").write_bytes(MISLABELLED.encode("utf-8"))
    result = runner.invoke(app, ["import", "terms.tbx", "-o", "g.yaml"])
    assert result.exit_code == 0, result.output
    assert "warning: terms.tbx:1: declares encoding=ISO-8859-1, but its bytes are UTF-8 Chinese; read as UTF-8" in result.stderr
    assert "    target: 智能电网\n" in Path("g.yaml").read_text(encoding="utf-8")
