"""A PO entry that mixes plural and singular forms is an error at its msgid, as msgfmt says,
not an untranslated entry that lets `check` pass with nothing read."""

import pytest

from glossary_cli.cli.common import app
from glossary_cli.errors import InputFormatError
from glossary_cli.readers import po
from tests.support import Reader, write_file

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
pairs = Reader(po)


def test_msgstr_0_without_msgid_plural_is_an_error_at_the_msgid(tmp_path):
    path = write_file(tmp_path, HEADER + 'msgid "Smart grid"\nmsgstr[0] "智慧网络"\n', "zh.po")
    with pytest.raises(InputFormatError) as raised:
        pairs(path)
    assert str(raised.value) == (f"{path}:5: malformed PO: msgstr[0] without msgid_plural; write msgstr, "
                                 "or add the msgid_plural")


def test_msgid_plural_with_a_plain_msgstr_is_an_error_at_the_msgid(tmp_path):
    path = write_file(tmp_path, HEADER + '# a comment\nmsgid "%d grid"\nmsgid_plural "%d grids"\nmsgstr "%d 网络"\n',
                      "zh.po")
    with pytest.raises(InputFormatError) as raised:
        pairs(path)
    assert str(raised.value) == f"{path}:6: malformed PO: msgid_plural with a plain msgstr; write msgstr[0]"


def test_a_well_formed_plural_is_still_read(tmp_path):
    path = write_file(tmp_path, HEADER + 'msgid "%d grid"\nmsgid_plural "%d grids"\nmsgstr[0] "%d 个电网"\n', "zh.po")
    assert [(pair.source, pair.target) for pair in pairs(path)] == [("%d grids", "%d 个电网")]


def test_check_exits_2_on_a_malformed_plural(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.yaml").write_text("glossary: 1\nterms:\n  - {source: smart grid, target: 智能电网, status: approved}\n",
                                     encoding="utf-8")
    write_file(tmp_path, HEADER + 'msgid "Smart grid"\nmsgstr[0] "智慧网络"\n', "zh.po")
    result = runner.invoke(app, ["check", "g.yaml", "zh.po"])
    assert result.exit_code == 2
    assert result.stderr == "error: zh.po:5: malformed PO: msgstr[0] without msgid_plural; write msgstr, or add the msgid_plural\n"
