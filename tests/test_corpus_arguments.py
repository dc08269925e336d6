"""What a corpus argument may be besides a file: a directory stands for the translation files
beneath it (`glossary check terms.yaml locale/` in CI), `-` is standard input, and a pipe
(`<(git show HEAD:app.po)`) is read once although detecting its format looks at it first."""

import json
import os
import threading
from pathlib import Path

import pytest
import yaml

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: heat pump
    target: 热泵
    status: approved
"""

PO_WRONG = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Install the heat pump"
msgstr "安装热力泵"
"""

XLIFF_WRONG = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="zh-CN" datatype="plaintext" original="ui">
    <body>
      <trans-unit id="1">
        <source>The heat pump is off</source>
        <target>热力泵已关闭</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


@pytest.fixture
def locale_tree(tmp_path, monkeypatch):
    """A repository with translations in two places and things that are not corpora around them."""
    monkeypatch.chdir(tmp_path)
    Path("terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    for folder in ("locale/zh_CN/LC_MESSAGES", "locale/.cache", "web/i18n"):
        Path(folder).mkdir(parents=True)
    Path("locale/zh_CN/LC_MESSAGES/app.po").write_text(PO_WRONG, encoding="utf-8")
    Path("web/i18n/ui.zh.xlf").write_text(XLIFF_WRONG, encoding="utf-8")
    Path("locale/.cache/old.po").write_text(PO_WRONG, encoding="utf-8")  # hidden: never read
    Path("locale/app.pot").write_text('msgid "Install the heat pump"\nmsgstr ""\n', encoding="utf-8")
    Path("locale/README.txt").write_text("Translations live here.\n", encoding="utf-8")
    Path("web/i18n/stats.tsv").write_text("heat pump\t热力泵\n", encoding="utf-8")
    return tmp_path


def test_check_reads_every_translation_file_under_a_directory(runner, locale_tree):
    result = runner.invoke(app, ["check", "terms.yaml", "locale", "web", "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [(finding["path"], finding["line"]) for finding in json.loads(result.stdout)["findings"]]
    assert found == [("locale/zh_CN/LC_MESSAGES/app.po", 6), ("web/i18n/ui.zh.xlf", 7)]  # msgstr, <target>
    # the table beside them is not read, and the run says so rather than checking less than one thinks
    assert result.stderr == ("warning: web: 1 table file not read (web/i18n/stats.tsv): a directory gives its .po, "
                             "XLIFF and .tmx files; name the tables or pass --input-format to read them\n"
                             "2 findings (GL001 2) in 2 pairs, 1 approved term; 2 at or above error.\n")


def test_input_format_picks_that_format_from_a_directory(runner, locale_tree):
    result = runner.invoke(app, ["check", "terms.yaml", "web", "--input-format", "tsv", "--format", "json"])
    assert result.exit_code == 1, result.output
    found = [finding["path"] for finding in json.loads(result.stdout)["findings"]]
    assert found == ["web/i18n/stats.tsv"]


def test_a_directory_without_corpus_files_is_an_input_error(runner, locale_tree):
    Path("docs").mkdir()
    Path("docs/notes.txt").write_text("heat pump\n热泵\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "terms.yaml", "docs"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: docs: is a directory with no corpus files (looked for .po, ")
    assert "--input-format" in result.stderr
    assert "Traceback" not in result.output


def test_extract_from_a_directory_equals_extract_from_its_files(runner, locale_tree):
    from_directory = runner.invoke(app, ["extract", "locale", "web", "-o", "dir.yaml", "--no-cache"])
    from_files = runner.invoke(app, ["extract", "locale/zh_CN/LC_MESSAGES/app.po", "web/i18n/ui.zh.xlf",
                                     "-o", "files.yaml", "--no-cache"])
    assert from_directory.exit_code == from_files.exit_code == 0, from_directory.output + from_files.output
    terms = [yaml.safe_load(Path(name).read_text(encoding="utf-8"))["terms"] for name in ("dir.yaml", "files.yaml")]
    assert terms[0] == terms[1]
    assert any(term["source"] == "heat pump" for term in terms[0])


def test_extract_names_the_default_glossary_after_the_directory(runner, locale_tree, monkeypatch):
    monkeypatch.chdir(locale_tree / "web")
    result = runner.invoke(app, ["extract", ".", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert Path("glossaries/web.yaml").is_file()


def test_check_reads_standard_input_and_names_it(runner, locale_tree):
    result = runner.invoke(app, ["check", "terms.yaml", "-", "--format", "json"],
                           input="Install the heat pump\t安装热力泵\nThe heat pump\t热泵\n")
    assert result.exit_code == 1, result.output
    found = [(finding["path"], finding["line"]) for finding in json.loads(result.stdout)["findings"]]
    assert found == [("<stdin>", 1)]


def test_a_pipe_is_read_whole_after_its_format_is_detected(runner, locale_tree):
    pipe = locale_tree / "ui.pipe"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text(XLIFF_WRONG, encoding="utf-8"))
    writer.start()
    result = runner.invoke(app, ["check", "terms.yaml", str(pipe), "--format", "json"])
    writer.join(timeout=10)
    assert result.exit_code == 1, result.output
    found = [(finding["path"], finding["line"]) for finding in json.loads(result.stdout)["findings"]]
    assert found == [("ui.pipe", 7)]  # under the current directory: named relative to it


def test_extract_from_standard_input_needs_an_output_name(runner, locale_tree):
    result = runner.invoke(app, ["extract", "-", "--no-cache"], input="heat pump\t热泵\n")
    assert result.exit_code == 2
    assert result.stderr == "error: reading standard input: name the glossary to write with -o\n"


def test_a_file_named_twice_is_checked_once(runner, locale_tree):
    po = "locale/zh_CN/LC_MESSAGES/app.po"
    result = runner.invoke(app, ["check", "terms.yaml", po, "locale", f"./{po}", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert [finding["path"] for finding in json.loads(result.stdout)["findings"]] == [po]


def test_a_yaml_file_given_as_a_corpus_is_refused(runner, locale_tree):
    result = runner.invoke(app, ["check", "terms.yaml", "terms.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("error: terms.yaml is YAML, not aligned text; a glossary goes after -o in extract "
                             "(glossary extract CORPUS... -o GLOSSARY) and first in check (glossary check GLOSSARY CORPUS...), "
                             "one per run: check each glossary in a run of its own, or merge them\n")


def test_extract_given_a_glossary_says_where_a_glossary_goes(runner, locale_tree):
    result = runner.invoke(app, ["extract", "terms.yaml", "-o", "out.yaml"])
    assert result.exit_code == 2
    assert "glossary extract CORPUS... -o GLOSSARY" in result.stderr


def test_a_commit_touching_only_other_languages_catalogues_has_nothing_to_check(runner, locale_tree):
    """pre-commit hands check the changed files: a German translator's commit failed the hook with
    exit 2 and advice to pass --source-lang (probe of a build engineer, M5). The hook's entry says
    --skip-other-languages; named by hand, such files alone are still an error, as is extract."""
    german = []
    for language in ("de", "fr"):
        Path(f"locale/{language}/LC_MESSAGES").mkdir(parents=True)
        Path(f"locale/{language}/LC_MESSAGES/app.po").write_text(
            f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n\nmsgid "Install the heat pump"\nmsgstr "Pumpe"\n',
            encoding="utf-8")
        german.append(f"locale/{language}/LC_MESSAGES/app.po")
    assert runner.invoke(app, ["check", "terms.yaml", *german]).exit_code == 2  # named by hand: a slip
    result = runner.invoke(app, ["check", "--skip-other-languages", "terms.yaml", *german])  # the hook's entry
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (f"warning: nothing to check: {len(german)} file"
                                              f"{'s' if len(german) > 1 else ''} named, all translating other "
                                              "languages (see above)")
    assert runner.invoke(app, ["extract", *german, "-o", "out.yaml"]).exit_code == 2


def test_read_pairs_takes_one_path_as_one_file(tmp_path):
    from glossary_cli.readers import read_pairs

    corpus = tmp_path / "c.tsv"
    corpus.write_text("The grid\t电网\n", encoding="utf-8")
    assert [pair.target for pair in read_pairs(str(corpus))] == [pair.target for pair in read_pairs(corpus)] == ["电网"]
