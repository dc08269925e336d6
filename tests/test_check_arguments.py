"""`glossary check` arguments a CI user gets wrong: a quoted pattern, the corpus before the glossary
(QA probe of check, F9 and F13)."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app

GLOSSARY = "glossary: 1\nterms:\n  - source: file\n    target: 文件\n    status: approved\n"


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


# ------------------------------------------------------------------ F9: a pattern the shell did not expand

def test_a_quoted_pattern_that_matches_files_says_the_shell_did_not_expand_it(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    for name in ("a.tsv", "b.tsv"):
        Path(name).write_text("Open the file.\t打开文件。\n", encoding="utf-8")

    result = check(runner, "g.yaml", "*.tsv")

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: *.tsv: no such file; the shell did not expand this pattern (it matches 2 "
                             "files): leave it unquoted, or pass the directory with --input-format tsv\n")


def test_a_quoted_pattern_of_translation_files_suggests_the_directory_alone(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("locale").mkdir()
    Path("locale/a.po").write_text('msgid "Open the file."\nmsgstr "打开文件。"\n', encoding="utf-8")

    result = check(runner, "g.yaml", "locale/*.po")

    assert result.stderr == ("error: locale/*.po: no such file; the shell did not expand this pattern (it matches 1 "
                             "file): leave it unquoted, or pass the directory\n")


def test_a_pattern_that_matches_nothing_is_just_a_missing_file(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")

    result = check(runner, "g.yaml", "docs/*.po")

    assert (result.exit_code, result.stderr) == (2, "error: docs/*.po: no such file\n")


# ------------------------------------------------------------------ F13: arguments the wrong way round

def test_swapped_arguments_say_the_glossary_comes_first(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("c.tsv").write_text("Open the file.\t打开档案。\n", encoding="utf-8")

    result = check(runner, "c.tsv", "g.yaml")

    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: c.tsv looks like a corpus, not a glossary: the glossary comes first, "
                             "as in glossary check g.yaml c.tsv\n")


def test_a_corpus_given_as_the_glossary_without_one_after_it_says_what_goes_first(runner, workdir):
    Path("c.tsv").write_text("Open the file.\t打开档案。\n", encoding="utf-8")
    Path("d.tsv").write_text("Open the file.\t打开档案。\n", encoding="utf-8")

    result = check(runner, "c.tsv", "d.tsv")

    assert result.exit_code == 2
    assert result.stderr == ("error: c.tsv looks like a corpus, not a glossary: the glossary comes first, "
                             "as in glossary check GLOSSARY CORPUS...\n")
