"""A locale tree holds every language: a PO catalogue whose Language is not the wanted target is
refused when named by itself and skipped, with one warning, when a directory walk finds it."""

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.errors import OtherLanguageError
from glossary_cli.readers import po
from tests.support import Reader, write_file

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
  - source: grid
    target: 电网
    status: approved
"""


def catalogue(language: str, *entries: tuple[str, str]) -> str:
    header = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    return header + "".join(f'\nmsgid "{english}"\nmsgstr "{translated}"\n' for english, translated in entries)


GERMAN = catalogue("de", ("Open the smart grid dashboard", "Intelligentes Stromnetz-Dashboard öffnen"))
JAPANESE = catalogue("ja", ("Grid status", "送電網の状態"))
CHINESE = catalogue("zh_CN", ("Open the smart grid dashboard", "打开智慧网络仪表板"))

pairs = Reader(po)


def test_a_german_catalogue_is_another_language_at_its_language_line(tmp_path):
    path = write_file(tmp_path, GERMAN, "de.po")
    with pytest.raises(OtherLanguageError) as raised:
        pairs(path)
    assert str(raised.value) == (f"{path}:3: the catalogue translates into de (Language: de), not zh; "
                                 "pass --source-lang/--target-lang to read other languages")


def test_a_japanese_catalogue_is_not_read_as_chinese_although_it_holds_kanji(tmp_path):
    with pytest.raises(OtherLanguageError):
        pairs(write_file(tmp_path, JAPANESE, "ja.po"))


def test_an_english_variant_catalogue_is_another_language(tmp_path):
    with pytest.raises(OtherLanguageError):
        pairs(write_file(tmp_path, catalogue("en_GB", ("Colour", "Colour")), "en_GB.po"))


@pytest.mark.parametrize("language", ["zh_CN", "zh-Hans", "zh", "zh_CN.UTF-8", "Chinese (Simplified)", ""])
def test_a_chinese_or_unstated_language_is_read(tmp_path, language):
    path = write_file(tmp_path, catalogue(language, ("Grid status", "电网状态")), "zh.po")
    assert [(pair.source, pair.target) for pair in pairs(path)] == [("Grid status", "电网状态")]


def test_a_catalogue_saying_only_zh_serves_target_lang_zh_cn(tmp_path):
    path = write_file(tmp_path, catalogue("zh", ("Grid status", "电网状态")), "zh.po")
    assert len(pairs(path, target_lang="zh-CN")) == 1


# ---------------------------------------------------------------- through the command line

@pytest.fixture
def locale(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    for language, body in (("de", GERMAN), ("ja", JAPANESE), ("zh_CN", CHINESE)):
        Path(f"locale/{language}/LC_MESSAGES").mkdir(parents=True)
        Path(f"locale/{language}/LC_MESSAGES/app.po").write_text(body, encoding="utf-8")
    return tmp_path


SKIPPED_GERMAN = ("warning: locale/de/LC_MESSAGES/app.po:3: skipped: the catalogue translates into de "
                  "(Language: de), not zh; pass --source-lang/--target-lang to read other languages\n")


def test_check_of_a_locale_tree_checks_the_chinese_catalogue_and_skips_the_others(runner, locale):
    result = runner.invoke(app, ["check", "g.yaml", "locale/", "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [finding["path"] for finding in report["findings"]] == ["locale/zh_CN/LC_MESSAGES/app.po"]
    assert result.stderr.startswith(SKIPPED_GERMAN)
    assert result.stderr.count("warning:") == 2 and "locale/ja/LC_MESSAGES/app.po:3: skipped:" in result.stderr


def test_extract_from_a_locale_tree_reads_only_the_chinese_catalogue(runner, locale):
    result = runner.invoke(app, ["extract", "locale", "-o", "out.yaml", "--no-cache", "--min-score", "0"])
    assert result.exit_code == 0, result.output
    assert SKIPPED_GERMAN in result.stderr
    written = Path("out.yaml").read_text(encoding="utf-8")
    assert "Stromnetz" not in written and "送電網" not in written


@pytest.mark.parametrize("command", [["check", "g.yaml"], ["extract", "-o", "out.yaml", "--no-cache"]])
def test_a_catalogue_in_another_language_named_by_itself_is_an_error(runner, locale, command):
    result = runner.invoke(app, [*command, "locale/de/LC_MESSAGES/app.po"])
    assert result.exit_code == 2
    assert result.stderr == ("error: locale/de/LC_MESSAGES/app.po:3: the catalogue translates into de (Language: de), "
                             "not zh; pass --source-lang/--target-lang to read other languages\n")


@pytest.mark.parametrize("command", [["check", "g.yaml"], ["extract", "-o", "out.yaml", "--no-cache"]])
def test_a_directory_holding_only_other_languages_is_an_error_naming_it(runner, locale, command):
    result = runner.invoke(app, [*command, "locale/de", "locale/ja"])
    assert result.exit_code == 2
    assert result.stderr.endswith("error: locale/de: no file here translates en -> zh (1 skipped as other "
                                  "languages, see the warnings); pass --source-lang/--target-lang to read other "
                                  "languages\n")
    assert "Traceback" not in result.output


def test_an_xliff_into_another_language_under_a_directory_is_skipped_too(runner, locale):
    Path("locale/messages.de.xlf").write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="de" original="x">'
        "<body><trans-unit id=\"1\"><source>Grid status</source><target>Netzstatus</target></trans-unit>"
        "</body></file></xliff>\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "locale"])
    assert result.exit_code == 1, result.output
    assert "warning: locale/messages.de.xlf:2: skipped: file translates en -> de" in result.stderr


def test_a_skipped_file_is_named_as_the_findings_name_files(runner, locale, monkeypatch):
    monkeypatch.chdir("locale")
    result = runner.invoke(app, ["check", "../g.yaml", ".", "--format", "json"])
    assert [finding["path"] for finding in json.loads(result.stdout)["findings"]] == ["zh_CN/LC_MESSAGES/app.po"]
    assert "warning: de/LC_MESSAGES/app.po:3: skipped:" in result.stderr


def test_a_catalogue_in_another_language_named_beside_others_is_skipped_with_a_warning(runner, locale):
    """pre-commit names the changed files of every language: the German one must not hide the Chinese findings."""
    result = runner.invoke(app, ["check", "g.yaml", "locale/de/LC_MESSAGES/app.po", "locale/zh_CN/LC_MESSAGES/app.po",
                                 "--format", "json"])
    assert result.exit_code == 1, result.output
    assert [finding["path"] for finding in json.loads(result.stdout)["findings"]] == ["locale/zh_CN/LC_MESSAGES/app.po"]
    assert SKIPPED_GERMAN in result.stderr
