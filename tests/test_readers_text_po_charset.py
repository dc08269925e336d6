"""A PO's declared charset is trusted where it can be: a GB2312 or GBK label reads as GB18030 (files
so labelled hold GBK-only characters), and a single-byte label on UTF-8 Chinese is a leftover."""

import pytest

from glossary_cli.readers import po
from tests.support import Reader

pairs = Reader(po)


def catalogue(charset: str, translation: str) -> str:
    return (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
            f'msgid "Premier Zhu Rongji"\nmsgstr "{translation}"\n')


@pytest.mark.parametrize("charset", ["GB2312", "gbk", "CP936"])
def test_a_gb2312_or_gbk_label_reads_gbk_only_characters(tmp_path, charset):
    path = tmp_path / "zh.po"
    path.write_bytes(catalogue(charset, "朱镕基总理").encode("gb18030"))  # 镕 is not in GB2312
    assert [pair.target for pair in pairs(str(path))] == ["朱镕基总理"]
    assert pairs.warnings == []


@pytest.mark.parametrize("charset", ["ISO-8859-1", "windows-1252", "latin1"])
def test_a_single_byte_label_on_utf8_chinese_is_read_as_utf8_with_a_warning(tmp_path, charset):
    path = tmp_path / "zh.po"
    path.write_bytes(catalogue(charset, "朱镕基总理").encode("utf-8"))
    assert [pair.target for pair in pairs(str(path))] == ["朱镕基总理"]
    assert pairs.warnings == [f"{path}: declares charset={charset.lower()}, but its bytes are UTF-8 Chinese; "
                              "read as UTF-8"]


def test_a_latin1_file_that_is_latin1_is_read_as_declared(tmp_path):
    path = tmp_path / "fr.po"
    path.write_bytes(catalogue("ISO-8859-1", "Café").encode("latin-1"))
    assert [pair.target for pair in pairs(str(path), target_lang="fr")] == ["Café"]
    assert pairs.warnings == []
