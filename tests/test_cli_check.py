"""`glossary check` from the command line: exit codes, stdout reports, stderr messages."""

import json
import os
import shutil
import sys
from pathlib import Path

import jsonschema
import pytest

from glossary_cli.cli.common import app

DATA = Path(__file__).parent / "data"

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
  - source: storage
    target: 储能
    status: candidate
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("clean.tsv").write_text("Smart grids and storage\t智能电网与储存\n", encoding="utf-8")
    Path("bad.tsv").write_text("The grid\t电网\nSmart grids are here\t电网来了\n", encoding="utf-8")
    return tmp_path


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


def test_clean_corpus_exits_0(runner, workdir):
    result = check(runner, "g.yaml", "clean.tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings in 1 pair, 2 approved terms (1 found in the English text).\n"


def test_findings_exit_1_with_file_and_line(runner, workdir):
    result = check(runner, "g.yaml", "bad.tsv")
    assert result.exit_code == 1
    # Line 2, column 22: where the Chinese to fix starts ("Smart grids are here" is 20 characters, then a tab).
    assert "  bad.tsv:2:22  error GL001 Approved term not rendered with an approved target\n" in result.stdout
    assert result.stdout.endswith(
        "1 finding (GL001 1) in 2 pairs, 2 approved terms; 1 at or above error.\n")
    assert result.stderr == ""


def test_warnings_fail_only_with_fail_on_warning(runner, workdir):
    Path("twice.tsv").write_text("grid to grid\t电网互联\n", encoding="utf-8")
    assert check(runner, "g.yaml", "twice.tsv").exit_code == 0
    assert check(runner, "g.yaml", "twice.tsv", "--strict-count").exit_code == 0
    result = check(runner, "g.yaml", "twice.tsv", "--strict-count", "--fail-on", "warning")
    assert result.exit_code == 1
    assert "warning GL004" in result.stdout


def test_json_on_stdout_parses(runner, workdir):
    result = check(runner, "g.yaml", "bad.tsv", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [(f["rule"], f["path"], f["line"]) for f in document["findings"]] == [("GL001", "bad.tsv", 2)]
    assert document["provenance"]["corpus"] == ["bad.tsv"]


def test_github_format(runner, workdir):
    result = check(runner, "g.yaml", "bad.tsv", "--format", "github")
    assert result.stdout == (
        "::error file=bad.tsv,line=2,col=22,title=GL001 Approved term not rendered with an approved target::"
        '"Smart grids" should be translated as "智能电网"%0Azh: 电网来了\n')


def test_an_absolute_or_dotted_corpus_path_is_reported_relative_to_the_current_directory(runner, workdir):
    Path("docs").mkdir()
    for given in (str(workdir / "bad.tsv"), "docs/../bad.tsv"):
        github = check(runner, "g.yaml", given, "--format", "github")
        assert github.stdout.startswith("::error file=bad.tsv,line=2,col=22,")
        document = json.loads(check(runner, "g.yaml", given, "--format", "sarif").stdout)
        run = document["runs"][0]
        assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
            "uri": "bad.tsv", "uriBaseId": "%SRCROOT%"}
        assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == workdir.as_uri() + "/"
        assert json.loads(check(runner, "g.yaml", given, "--format", "json").stdout)["findings"][0]["path"] == "bad.tsv"
        assert "  bad.tsv:2:22  error GL001" in check(runner, "g.yaml", given).stdout


def test_ci_formats_run_from_a_subdirectory_name_files_from_the_top_of_the_checkout(runner, workdir, monkeypatch):
    """`make -C docs check`: GitHub, GitLab and code scanning attach findings to repository-relative
    paths only; the absolute path they got before attached to nothing (probe of a build engineer, M7)."""
    Path(".git").mkdir()
    Path("docs/deeper").mkdir(parents=True)
    monkeypatch.chdir("docs/deeper")
    github = check(runner, "../../g.yaml", "../../bad.tsv", "--format", "github")
    assert github.stdout.startswith("::error file=bad.tsv,line=2,col=22,")
    gitlab = json.loads(check(runner, "../../g.yaml", "../../bad.tsv", "--format", "gitlab").stdout)
    assert gitlab[0]["location"]["path"] == "bad.tsv"
    run = json.loads(check(runner, "../../g.yaml", "../../bad.tsv", "--format", "sarif").stdout)["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "bad.tsv", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == workdir.as_uri() + "/"


def test_findings_point_at_the_chinese_text_to_fix(runner, workdir):
    # targets.xlf: <trans-unit> on line 5, `        <target>打开档案目录</target>` on line 7.
    Path("files.yaml").write_text("glossary: 1\nterms:\n  - source: file\n    target: 文件\n    status: approved\n",
                                  encoding="utf-8")
    corpus = "targets.xlf"
    shutil.copy(DATA / "check" / corpus, corpus)
    assert f"  {corpus}:7:17  error GL001" in check(runner, "files.yaml", corpus).stdout
    assert check(runner, "files.yaml", corpus, "--format", "github").stdout.startswith(
        f"::error file={corpus},line=7,col=17,title=GL001")
    sarif = json.loads(check(runner, "files.yaml", corpus, "--format", "sarif").stdout)
    jsonschema.validate(sarif, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    assert sarif["runs"][0]["columnKind"] == "utf16CodeUnits"
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 7, "startColumn": 17}
    report = json.loads(check(runner, "files.yaml", corpus, "--format", "json").stdout)
    jsonschema.validate(report, json.loads((DATA / "check-report.schema.json").read_text(encoding="utf-8")))
    assert [(f["line"], f["column"], f["unit"]) for f in report["findings"]] == [(7, 17, "open")]


def test_sarif_columns_count_utf16_code_units(runner, workdir):
    Path("files.yaml").write_text("glossary: 1\nterms:\n  - source: file\n    target: 文件\n    status: approved\n",
                                  encoding="utf-8")
    Path("emoji.tsv").write_text("😀 Open the file\t打开档案\n", encoding="utf-8")
    sarif = json.loads(check(runner, "files.yaml", "emoji.tsv", "--format", "sarif").stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 18}  # 15 characters and a tab before it; 😀 is two UTF-16 code units
    assert "::error file=emoji.tsv,line=1,col=17," in check(runner, "files.yaml", "emoji.tsv", "--format", "github").stdout


def test_baseline_round_trip(runner, workdir):
    written = check(runner, "g.yaml", "bad.tsv", "--write-baseline", "baseline.json")
    assert written.exit_code == 0
    assert written.stderr == "wrote 1 finding to baseline.json\n"
    # The finding moves down a line: still known.
    Path("bad.tsv").write_text("New line\t新行\n" + Path("bad.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    known = check(runner, "g.yaml", "bad.tsv", "--baseline", "baseline.json", "--show-known")
    assert known.exit_code == 0
    assert "  bad.tsv:3:22  known GL001" in known.stdout
    assert known.stdout.endswith("; 1 known from the baseline; none at or above error.\n")
    Path("bad.tsv").write_text(Path("bad.tsv").read_text(encoding="utf-8") + "A grid\t网格\n", encoding="utf-8")
    assert check(runner, "g.yaml", "bad.tsv", "--baseline", "baseline.json").exit_code == 1
    assert known.stderr == ""


def test_known_findings_no_longer_found_are_counted(runner, workdir):
    check(runner, "g.yaml", "bad.tsv", "--write-baseline", "baseline.json")
    Path("bad.tsv").write_text("The grid\t电网\nSmart grids are here\t智能电网来了\n", encoding="utf-8")
    fixed = check(runner, "g.yaml", "bad.tsv", "--baseline", "baseline.json")
    assert fixed.exit_code == 0
    assert fixed.stderr == ("warning: baseline.json: 1 known finding of the files checked not found in this run "
                            "(fixed); --write-baseline baseline.json refreshes it\n")


def test_a_baseline_refreshed_from_some_files_keeps_the_records_of_the_others(runner, workdir):
    """pre-commit checks the changed files only; refreshing the baseline there must not forget the rest."""
    Path("other.tsv").write_text("Smart grids are here\t电网来了\n", encoding="utf-8")
    check(runner, "g.yaml", "bad.tsv", "other.tsv", "--write-baseline", "baseline.json")
    changed = check(runner, "g.yaml", "bad.tsv", "--baseline", "baseline.json")
    assert changed.exit_code == 0 and changed.stderr == ""  # other.tsv's record was not looked for
    refreshed = check(runner, "g.yaml", "bad.tsv", "--baseline", "baseline.json", "--write-baseline", "baseline.json")
    assert refreshed.stderr == "wrote 1 finding to baseline.json, and kept 1 record of files this run did not read\n"
    assert check(runner, "g.yaml", "bad.tsv", "other.tsv", "--baseline", "baseline.json").exit_code == 0


def test_jobs_do_not_change_the_report(runner, workdir):
    rows = ["Smart grids and storage\t智能电网与储存", "The grid\t电网", "Smart grids are here\t电网来了"] * 700
    Path("many.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    one = check(runner, "g.yaml", "many.tsv", "--format", "json", "--jobs", "1")
    two = check(runner, "g.yaml", "many.tsv", "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    assert len(json.loads(one.stdout)["findings"]) == 700


def test_jobs_must_be_positive(runner, workdir):
    result = check(runner, "g.yaml", "clean.tsv", "--jobs", "0")
    assert result.exit_code == 2
    assert "Error: Invalid value for '--jobs' / '-j': Input should be greater than or equal to 1\n" in result.stderr


def test_missing_baseline_is_an_input_error(runner, workdir):
    result = check(runner, "g.yaml", "bad.tsv", "--baseline", "nope.json")
    assert result.exit_code == 2
    assert result.stderr == "error: nope.json: no such baseline file; create it with --write-baseline\n"


def test_a_baseline_saved_with_a_byte_order_mark_is_read(runner, workdir):
    assert check(runner, "g.yaml", "bad.tsv", "--write-baseline", "known.json").exit_code == 0
    Path("known.json").write_bytes(b"\xef\xbb\xbf" + Path("known.json").read_bytes())
    result = check(runner, "g.yaml", "bad.tsv", "--baseline", "known.json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "1 known from the baseline" in result.stdout


def test_a_directory_given_as_baseline_is_an_input_error(runner, workdir):
    Path("locdir").mkdir()
    result = check(runner, "g.yaml", "bad.tsv", "--baseline", "locdir")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: locdir: is a directory, not a baseline file\n"


def test_a_directory_given_to_write_baseline_is_refused_before_the_report(runner, workdir):
    Path("locdir").mkdir()
    result = check(runner, "g.yaml", "bad.tsv", "--write-baseline", "locdir")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: locdir: is a directory, not a baseline file\n"


def test_a_corpus_whose_every_line_is_skipped_is_an_error_not_a_pass(runner, workdir):
    Path("english.txt").write_text("Smart grids are here.\nThe grid is old.\n", encoding="utf-8")
    result = check(runner, "g.yaml", "english.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "error: no segment pairs in english.txt; nothing checked"
    assert result.stdout == ""
    Path("header.tsv").write_text("en\tzh\n", encoding="utf-8")  # not a translation file format: still an error
    assert check(runner, "g.yaml", "header.tsv").exit_code == 2


@pytest.mark.parametrize("report_format", ["text", "json", "sarif", "github", "junit"])
def test_a_new_locale_with_nothing_translated_passes_with_a_warning_and_an_empty_report(runner, workdir,
                                                                                         report_format):
    # untranslated.po: a fresh msginit catalogue, every msgstr empty; header-only.po: no entries at all.
    for name in ("untranslated.po", "header-only.po"):
        shutil.copy(DATA / "check" / name, name)
    result = check(runner, "g.yaml", "untranslated.po", "header-only.po", "--format", report_format)
    assert result.exit_code == 0, result.output
    # a machine format's summary line (the text report's last line) is on stderr
    summary = [] if report_format == "text" else ["No findings in 0 pairs, 2 approved terms."]
    assert result.stderr.splitlines() == [
        "warning: untranslated.po:5: 1 untranslated entry skipped (first one here)",
        "warning: no translated entries in untranslated.po, header-only.po yet; nothing to check", *summary]
    if report_format == "text":
        assert result.stdout == "No findings in 0 pairs, 2 approved terms.\n"
    elif report_format == "json":
        document = json.loads(result.stdout)
        jsonschema.validate(document, json.loads((DATA / "check-report.schema.json").read_text(encoding="utf-8")))
        assert (document["summary"]["pairs"], document["findings"]) == (0, [])
    elif report_format == "sarif":
        document = json.loads(result.stdout)
        jsonschema.validate(document, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
        assert document["runs"][0]["results"] == []
    elif report_format == "github":
        assert result.stdout == ""  # no annotation
    else:
        assert '<testsuite name="glossary check g.yaml" tests="2" failures="0"' in result.stdout


def test_broken_glossary_exits_2_listing_every_problem(runner, workdir):
    Path("broken.yaml").write_text(GLOSSARY.replace("status: approved\n  - source: grid", "status: aproved\n"
                                                    "  - source: grid").replace("target: 电网\n", "target: 电网\n"
                                                    "    case_sensitive: maybe\n"), encoding="utf-8")
    result = check(runner, "broken.yaml", "clean.tsv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: broken.yaml:6:13: unknown status 'aproved'; use candidate, approved or rejected",
        "error: broken.yaml:9:21: 'case_sensitive' must be true or false, got 'maybe'",
    ]


def test_semantic_problems_stop_the_check(runner, workdir):
    Path("conflict.yaml").write_text(GLOSSARY + "  - source: Grid\n    target: 网格\n    status: approved\n",
                                     encoding="utf-8")
    result = check(runner, "conflict.yaml", "clean.tsv")
    assert result.exit_code == 2
    assert "is approved twice with different targets" in result.stderr


def test_missing_glossary_and_corpus(runner, workdir):
    result = check(runner, "nope.yaml", "clean.tsv")
    assert (result.exit_code, result.stderr) == (2, "error: nope.yaml: no such glossary file\n")
    result = check(runner, "g.yaml")
    assert (result.exit_code, result.stderr) == (
        2, "error: no corpus given: pass a file (or --source a.en --target a.zh)\n")


def test_unknown_format_is_a_usage_error(runner, workdir):
    result = check(runner, "g.yaml", "clean.tsv", "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_line_aligned_files(runner, workdir):
    Path("a.en").write_text("The grid\n", encoding="utf-8")
    Path("a.zh").write_text("网格\n", encoding="utf-8")
    result = check(runner, "g.yaml", "--source", "a.en", "--target", "a.zh", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["findings"] == 1


def test_po_files_with_placeholders(runner, workdir):
    Path("po.yaml").write_text(
        "glossary: 1\nterms:\n  - source: export\n    target: 导出\n    status: approved\n"
        "  - source: s\n    target: 秒\n    status: approved\n", encoding="utf-8")
    result = check(runner, "po.yaml", str(DATA / "apostrophe-zh_CN.po"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["findings"] == 0  # `%s` is never the term "s"
    Path("po.yaml").write_text("glossary: 1\nterms:\n  - source: export\n    target: 输出\n"
                               "    forbidden: 导出\n    status: approved\n", encoding="utf-8")
    result = check(runner, "po.yaml", str(DATA / "apostrophe-zh_CN.po"), "--format", "json")
    assert result.exit_code == 1
    assert [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]] == [
        ("GL002", 25), ("GL002", 421), ("GL002", 427), ("GL002", 522), ("GL002", 612)]  # the msgstr lines


def test_no_approved_terms_warns(runner, workdir):
    Path("none.yaml").write_text("glossary: 1\nterms:\n  - source: grid\n    target: 电网\n", encoding="utf-8")
    result = check(runner, "none.yaml", "clean.tsv")
    assert result.exit_code == 0
    assert result.stderr == ("warning: none.yaml: no approved entries, nothing to enforce; "
                             "set status: approved on reviewed terms\n")


@pytest.mark.parametrize(("no_color", "coloured"), [("", True), ("1", False)])
def test_only_a_non_empty_no_color_turns_colour_off_on_a_terminal(workdir, no_color, coloured):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "NO_COLOR": no_color, "TERM": "xterm-256color", "COLUMNS": "100"}
    output = pexpect.run(f"{sys.executable} -m glossary_cli check g.yaml bad.tsv -j1", env=env, encoding="utf-8",
                         timeout=60)
    assert "GL001" in output
    assert ("\x1b[1;31merror" in output) is coloured  # bold red; without colour still bold


def test_an_invalid_glossary_is_refused_with_every_problem_validate_finds(runner, workdir):
    Path("g.yaml").write_text("terms:\n  - source: grid\n    target: 电网\n    status: aproved\n"
                              "  - source: cell\n    status: approved\n", encoding="utf-8")
    result = check(runner, "g.yaml", "bad.tsv")
    assert result.exit_code == 2
    validate = runner.invoke(app, ["validate", "g.yaml"])
    problems = [line for line in validate.stderr.splitlines() if line.startswith("error:")]
    assert len(problems) == 2 and result.stderr.splitlines() == problems


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("report_format", ["text", "gitlab"])
def test_a_report_that_cannot_be_written_is_an_output_error_not_findings(workdir, report_format):
    import subprocess

    with open("/dev/full", "w") as full:
        child = subprocess.run([sys.executable, "-m", "glossary_cli", "check", "g.yaml", "clean.tsv", "--format",
                                report_format], stdout=full, stderr=subprocess.PIPE, text=True)
    assert (child.returncode, child.stderr) == (2, "error: <stdout>: cannot write: No space left on device\n")


def test_a_baseline_names_files_from_its_own_directory_so_any_working_directory_matches(runner, workdir,
                                                                                          monkeypatch):
    Path("docs").mkdir()
    Path("docs/bad.tsv").write_text(Path("bad.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    assert check(runner, "g.yaml", "docs/bad.tsv", "--write-baseline", "baseline.json").exit_code == 0
    assert '"path": "docs/bad.tsv"' in Path("baseline.json").read_text(encoding="utf-8")
    monkeypatch.chdir("docs")
    from_docs = check(runner, "../g.yaml", "bad.tsv", "--baseline", "../baseline.json")
    assert (from_docs.exit_code, from_docs.stderr) == (0, "")


def test_an_input_error_still_writes_a_report_ci_can_parse(runner, workdir):
    Path("broken.po").write_text('msgid "grid"\nmsgstr "电网\n', encoding="utf-8")
    result = check(runner, "g.yaml", "bad.tsv", "broken.po", "--format", "gitlab")
    assert result.exit_code == 2
    (issue,) = json.loads(result.stdout)
    assert issue["check_name"] == "glossary-input-error" and issue["location"]["path"] == "broken.po"
    assert result.stderr.startswith("error: broken.po:2:")


@pytest.mark.parametrize("report_format", ["json", "sarif", "junit"])
def test_every_report_names_the_files_the_same_way_however_they_were_typed(runner, tmp_path, monkeypatch, report_format):
    """CI test history keys on the JUnit suite name: `check $PWD/g.yaml` and `check g.yaml` are one suite."""
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text("glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n",
                              encoding="utf-8")
    Path("c.tsv").write_text("The smart grid is ready.\t智能网已就绪。\n", encoding="utf-8")
    Path("sub").mkdir()
    relative = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--format", report_format]).stdout
    absolute = runner.invoke(app, ["check", str(tmp_path / "g.yaml"), "./sub/../c.tsv", "--format", report_format]).stdout
    assert "g.yaml" in relative and absolute == relative
