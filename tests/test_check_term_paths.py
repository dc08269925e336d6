"""An approved term's `paths:`: UI terms enforced on the UI strings, not on the medical prose
beside them (probe of a year of use, M3: `Search` fired on "search for answers", `save` on
"save lives", and the only remedy was a baseline that grew every quarter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.models import Location, SegmentPair
from glossary_cli.scope import PathScope, entry_paths
from tests.test_glossary_yaml_reader import read_quickly

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: save
    target: 保存
    status: approved
    paths: ["locale/**"]  # a UI label: "save lives" in the TM is no button
  - source: outbreak
    target: 暴发
    status: approved
"""

UI_PO = ('msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'
         'msgid "Save the outbreak report"\nmsgstr "存储暴发报告"\n')
TM = "Masks save lives during an outbreak.\t口罩在疫情暴发期间挽救生命。\n"


@pytest.fixture
def project(workdir):
    Path("glossaries").mkdir()
    Path("glossaries/product.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("locale").mkdir()
    Path("locale/app.po").write_text(UI_PO, encoding="utf-8")
    Path("corpus").mkdir()
    Path("corpus/tm.tsv").write_text(TM, encoding="utf-8")
    return workdir


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


def covers(patterns, name):
    return PathScope(patterns).covers(name)


def test_globs_read_as_gitignore_reads_them():
    assert covers(["locale/**"], "locale/zh_CN/app.po")
    assert not covers(["locale/**"], "corpus/tm.tsv")
    assert covers(["*.po"], "locale/zh_CN/app.po")  # no `/`: a name at any depth
    assert not covers(["/*.po"], "locale/app.po")  # a leading `/` anchors it at the root
    assert covers(["locale"], "locale/zh_CN/app.po")  # a directory covers what is inside it
    assert covers(["locale/"], "locale/app.po") and not covers(["locale/"], "locale")
    assert covers(["**/ui/*.xlf"], "web/ui/messages.xlf") and covers(["**/ui/*.xlf"], "ui/messages.xlf")
    assert not covers(["locale/*.po"], "locale/zh_CN/app.po")  # `*` stays within a directory
    assert covers(["locale/**", "!locale/legacy/**", "locale/legacy/keep.po"], "locale/legacy/keep.po")
    assert not covers(["locale/**", "!locale/legacy/**"], "locale/legacy/old.po")
    assert covers(["!corpus/**"], "locale/app.po") and not covers(["!corpus/**"], "corpus/tm.tsv")
    assert covers(["app[._]po"], "app.po") and not covers(["app[!._]po"], "app.po")


def test_a_ui_term_is_not_enforced_on_the_prose_outside_its_paths(runner, project):
    result = check(runner, "glossaries/product.yaml", "locale/", "corpus/tm.tsv")

    assert result.exit_code == 1
    assert "corpus/tm.tsv" not in result.stdout  # "save lives" is not checked against 保存
    assert '  locale/app.po:6:9  error GL001 Approved term not rendered with an approved target\n' \
           '    "Save" should be translated as "保存"\n' in result.stdout
    assert result.stdout.endswith("1 finding (GL001 1) in 2 pairs, 2 approved terms; 1 at or above error.\n")


def test_paths_are_relative_to_the_project_root_wherever_check_runs(runner, project, monkeypatch):
    Path(".git").mkdir()  # the project root: where the glossary's evidence paths start too
    monkeypatch.chdir("corpus")

    result = check(runner, "../glossaries/product.yaml", "tm.tsv", "../locale/app.po")

    assert result.exit_code == 1
    assert "tm.tsv" not in result.stdout and "locale/app.po:6:9  error GL001" in result.stdout


def test_a_term_out_of_scope_leaves_the_others_matched_as_before():
    """Out of its paths the term is as absent: `save` claims nothing and `outbreak` is still checked."""
    save = Entry("save", ["保存"], Status.APPROVED, extra={"paths": ["locale/**"]})
    outbreak = Entry("outbreak", ["暴发"], Status.APPROVED)
    pairs = [SegmentPair("Save the outbreak report", "存储爆发报告", Location("corpus/tm.tsv", 1)),
             SegmentPair("Save the outbreak report", "存储爆发报告", Location("locale/app.po", 1))]

    result = run_check(Glossary([save, outbreak]), pairs)

    assert [(finding.location.path, finding.source_term) for finding in result.findings] == [
        ("corpus/tm.tsv", "outbreak"), ("locale/app.po", "outbreak"), ("locale/app.po", "save")]  # report order
    assert result.term_pairs == [1, 2]  # `save` was looked for in the UI file only


@pytest.mark.parametrize(("value", "message"), [
    ('["locale/[ab"]', "'paths': the pattern \"locale/[ab\" has a \"[\" without its \"]\"; write [[] for the "
                       "character itself"),
    ("3", "'paths' must be a string or a list of strings"),
    ("[]", "'paths' is an empty list, which would enforce the term in no file; list globs such as locale/**, or "
           "remove the key to enforce it everywhere"),
    ('["../shared/**"]', "'paths': the pattern \"../shared/**\" holds \".\" or \"..\" as a directory; write it "
                         "relative to the project root, as in locale/**"),
    ('["locale\\\\*.po"]', "'paths': the pattern \"locale\\*.po\" holds a backslash; separate directories with "
                           "\"/\" (patterns are gitignore-like)"),
])
def test_validate_refuses_paths_it_cannot_read_at_their_line(runner, workdir, value, message):
    Path("g.yaml").write_text(GLOSSARY.replace('["locale/**"]  # a UI label: "save lives" in the TM is no button',
                                               value), encoding="utf-8")

    result = runner.invoke(app, ["validate", "g.yaml"])

    assert result.exit_code == 2
    assert f"g.yaml:7:12: {message}\n" in result.stderr
    assert check(runner, "g.yaml", "-").exit_code == 2


def test_an_unquoted_glob_is_explained(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY.replace('["locale/**"]', "[*.po]"), encoding="utf-8")

    result = runner.invoke(app, ["validate", "g.yaml"])

    assert result.exit_code == 2
    assert "g.yaml:7:14: YAML syntax error: did not find expected alphabetic or numeric character; a value that " \
           'starts with * must be written in quotes, as in paths: ["*.po"]\n' in result.stderr


def test_a_misspelt_key_is_caught_before_it_turns_scoping_off(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY.replace("paths:", "path:"), encoding="utf-8")

    result = runner.invoke(app, ["validate", "g.yaml"])

    assert result.exit_code == 2
    assert "g.yaml:7:5: unknown key 'path'; did you mean 'paths'?" in result.stderr


def test_a_glossary_with_paths_is_written_back_byte_for_byte_and_read_alike_by_both_readers():
    glossary, problems = parse_glossary(GLOSSARY, "g.yaml")

    assert problems == []
    assert entry_paths(glossary.terms[0]) == ["locale/**"] and entry_paths(glossary.terms[1]) is None
    assert dump_glossary(glossary) == GLOSSARY
    assert read_quickly(GLOSSARY) is not None


SHARED = """\
glossary: 1
terms:
  - source: export
    target: 导出
    status: approved
    paths: ["locale/**"]
"""
UI_TSV = "Export the report\t输出报告\n"


def shared_project(root: Path) -> None:
    """A project with its UI strings under locale/ and the company glossary as a git submodule."""
    (root / ".git" / "modules" / "vendor" / "terms").mkdir(parents=True)
    (root / "vendor" / "terms").mkdir(parents=True)
    (root / "vendor" / "terms" / ".git").write_text("gitdir: ../../.git/modules/vendor/terms\n", encoding="utf-8")
    (root / "vendor" / "terms" / "company.yaml").write_text(SHARED, encoding="utf-8")
    (root / "locale").mkdir()
    (root / "locale" / "ui.tsv").write_text(UI_TSV, encoding="utf-8")
    (root / "sub").mkdir()


def test_a_glossary_in_a_submodule_reads_paths_from_the_project_holding_it(runner, workdir):
    """Before, `locale/**` was read under vendor/terms/, took in no file, and check passed in silence."""
    shared_project(workdir)
    result = runner.invoke(app, ["check", "vendor/terms/company.yaml", "locale/ui.tsv"])
    assert result.exit_code == 1, result.output
    assert '"Export" should be translated as "导出"' in result.stdout


def test_a_glossary_outside_any_checkout_reads_paths_from_the_checkout_check_runs_in(runner, workdir, tmp_path_factory,
                                                                                    monkeypatch):
    shared_project(workdir)
    elsewhere = tmp_path_factory.mktemp("shared") / "company.yaml"
    elsewhere.write_text(SHARED, encoding="utf-8")
    monkeypatch.chdir(workdir / "sub")
    result = runner.invoke(app, ["check", str(elsewhere), "../locale/ui.tsv"])
    assert result.exit_code == 1, result.output


def test_a_term_whose_globs_name_no_folder_of_the_project_is_named(runner, workdir):
    """Globs written for another root (`web/locale/**` read where there is no web/) pass every run
    in silence; a run over some files only (a pre-commit hook given a docs commit) says nothing of
    terms whose folder is there but not among the files (final probe, L5)."""
    shared_project(workdir)
    Path("docs.tsv").write_text(UI_TSV, encoding="utf-8")
    partial = runner.invoke(app, ["check", "vendor/terms/company.yaml", "docs.tsv"])
    assert partial.exit_code == 0
    assert "in force in none" not in partial.stderr
    Path("elsewhere.yaml").write_text(SHARED.replace("locale/**", "web/locale/**"), encoding="utf-8")
    result = runner.invoke(app, ["check", "elsewhere.yaml", "docs.tsv"])
    assert result.exit_code == 0
    assert result.stderr == (f'warning: 1 approved term with paths: in force in none of the 1 file checked, so not '
                             f'enforced: "export" (their globs are relative to {workdir})\n')
