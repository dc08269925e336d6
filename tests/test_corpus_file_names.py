"""A corpus file whose name is not UTF-8 (`caf\\xe9.txt`, Latin-1 from a Windows share or a zip) is
refused up front, named with the bad byte escaped: its name would go into the glossary's evidence
and into JSON and SARIF reports, which must be UTF-8. A UTF-8 name is read under any locale, and
named as it is spelled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from glossary_cli.cli.common import app

LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")  # how Python hands over the name: the byte 0xE9 as a lone surrogate
CORPUS = ("The Vehicle-to-Grid (V2G) pilot connects a material passport to smart grids.\n"
          "车网互动(V2G)试点把材料护照与智能电网连接起来。\n"
          "Smart grids need a material passport.\n"
          "智能电网需要材料护照。\n")
GLOSSARY = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"
REFUSED = "the file name is not valid UTF-8, so no glossary or report could name it; rename the file\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path(LATIN1_NAME).write_text(CORPUS, encoding="utf-8")
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def test_extract_refuses_the_name_and_writes_no_glossary(runner, workdir):
    result = runner.invoke(app, ["extract", LATIN1_NAME, "-o", "new.yaml", "--no-cache"])

    assert (result.exit_code, result.stderr) == (2, "error: caf\\xe9.txt: " + REFUSED)
    assert not Path("new.yaml").exists()


@pytest.mark.parametrize("report", ["text", "json", "sarif", "github", "junit"])
def test_check_refuses_the_name_before_any_report(runner, workdir, report):
    result = runner.invoke(app, ["check", "g.yaml", LATIN1_NAME, "--format", report])

    assert (result.exit_code, result.stderr) == (2, "error: caf\\xe9.txt: " + REFUSED)
    # no findings: text prints nothing, a machine format the report of what stopped the run
    assert (result.stdout == "") == (report == "text") and "Smart grid" not in result.stdout


def test_check_refuses_such_a_file_found_in_a_directory(runner, workdir):
    Path("locale").mkdir()
    Path("locale", "ok.po").write_text('msgid "Smart grids"\nmsgstr "智能电网"\n', encoding="utf-8")
    Path("locale", os.fsdecode(b"caf\xe9.po")).write_text('msgid "Smart grids"\nmsgstr "电网"\n', encoding="utf-8")

    result = runner.invoke(app, ["check", "g.yaml", "locale", "--format", "json"])

    assert (result.exit_code, result.stderr) == (2, "error: locale/caf\\xe9.po: " + REFUSED)


def test_check_refuses_it_as_source_or_target(runner, workdir):
    Path("a.zh").write_text("智能电网需要材料护照。\n", encoding="utf-8")

    result = runner.invoke(app, ["check", "g.yaml", "--source", LATIN1_NAME, "--target", "a.zh"])

    assert (result.exit_code, result.stderr) == (2, "error: caf\\xe9.txt: " + REFUSED)


def test_eval_refuses_it_as_the_reachable_in_corpus(runner, workdir):
    Path("gold.tsv").write_text("en\tzh\nsmart grid\t智能电网\n", encoding="utf-8")

    result = runner.invoke(app, ["eval", "g.yaml", "gold.tsv", "--reachable-in", LATIN1_NAME])

    assert (result.exit_code, result.stderr) == (2, "error: caf\\xe9.txt: " + REFUSED)


# A locale without UTF-8 (LC_ALL=C, with Python's UTF-8 mode and locale coercion turned off): Python
# hands over every non-ASCII byte of a name as a lone surrogate, as it does for caf\xe9.txt.
ASCII_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "NO_COLOR": "1"}


def under_an_ascii_locale(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "glossary_cli", *arguments], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, **ASCII_LOCALE})


def test_a_utf8_name_under_an_ascii_locale_is_read_and_named_in_the_report(workdir):
    Path("语料.txt").write_text("Smart grids need a material passport.\n电网需要材料护照。\n", encoding="utf-8")

    done = under_an_ascii_locale("check", "g.yaml", "语料.txt", "--format", "json")

    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["provenance"]["corpus"] == ["语料.txt"]
    assert [finding["path"] for finding in report["findings"]] == ["语料.txt"]


def test_a_utf8_name_under_an_ascii_locale_is_the_evidence_extract_records(workdir):
    Path("语料.txt").write_text(CORPUS, encoding="utf-8")

    done = under_an_ascii_locale("extract", "语料.txt", "-o", "new.yaml", "--no-cache", "--show", "0")

    assert done.returncode == 0, done.stderr
    glossary = yaml.safe_load(Path("new.yaml").read_text(encoding="utf-8"))
    assert glossary["generated"]["inputs"] == ["语料.txt"]
    assert {evidence["where"].split(":")[0] for entry in glossary["terms"] for evidence in entry["evidence"]} == \
        {"语料.txt"}


def test_a_latin1_name_under_an_ascii_locale_is_still_refused(workdir):
    done = under_an_ascii_locale("check", "g.yaml", LATIN1_NAME)

    assert (done.returncode, done.stderr) == (2, "error: caf\\xe9.txt: " + REFUSED)


def test_spelled_reads_the_escaped_bytes_of_a_name_as_utf8():
    from glossary_cli.textio import spelled

    assert spelled("\udce8\udcaf\udcad\udce6\udc96\udc99.txt") == "语料.txt"  # bytes e8 af ad e6 96 99
    assert spelled("目录/\udce8\udcaf\udcad: 3 files") == "目录/语: 3 files"  # the rest of the text as it was
    assert spelled("caf\udce9.txt", "backslashreplace") == "caf\\xe9.txt"
    with pytest.raises(UnicodeDecodeError):
        spelled("caf\udce9.txt")
