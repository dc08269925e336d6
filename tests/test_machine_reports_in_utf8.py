"""Reports for programs are UTF-8 whatever the locale, as git and ruff write theirs. Under an
ASCII-only locale (LC_ALL=C without Python's UTF-8 mode) `--format github` wrote the file 术语.tsv
as `\\u672f\\u8bed.tsv`, so the annotation attached to no file, and JUnit XML declared UTF-8 but
held escapes (API probe, L9). The text report for people still escapes what the terminal cannot
show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ASCII_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "NO_COLOR": "1"}
GLOSSARY = "glossary: 1\nterms:\n  - {source: grid, target: 电网, status: approved}\n"


def under_an_ascii_locale(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "glossary_cli", *arguments], capture_output=True,
                          env={**os.environ, **ASCII_LOCALE})


def test_github_annotations_and_junit_name_the_file_as_it_is_in_utf8(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("术语.tsv").write_text("The grid is down.\t网格断了。\n", encoding="utf-8")
    github = under_an_ascii_locale("check", "g.yaml", "术语.tsv", "--format", "github")
    assert github.returncode == 1
    assert github.stdout.decode("utf-8").startswith("::error file=术语.tsv,line=1,col=19,")
    junit = under_an_ascii_locale("check", "g.yaml", "术语.tsv", "--format", "junit")
    assert '<testcase classname="glossary-check" name="grid → 电网">' in junit.stdout.decode("utf-8")
    text = under_an_ascii_locale("check", "g.yaml", "术语.tsv")
    assert text.stdout.decode("ascii").startswith("\\u672f\\u8bed.tsv\n")


def test_an_export_to_standard_output_is_the_utf8_file(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    exported = under_an_ascii_locale("export", "g.yaml", "--to", "csv")
    assert exported.returncode == 0
    assert exported.stdout.decode("utf-8") == "en,zh,status,note,forbidden\ngrid,电网,approved,,\n"


def test_a_glossary_extracted_to_standard_output_is_the_utf8_file(workdir):
    # Escapes written into a YAML scalar would become the term's text: `\u8d2d\u7269\u8f66`, not 购物车.
    Path("c.tsv").write_text("Open the shopping cart.\t打开购物车。\nEmpty the shopping cart.\t清空购物车。\n"
                             "The shopping cart is full.\t购物车已满。\n", encoding="utf-8")
    extracted = under_an_ascii_locale("extract", "c.tsv", "-o", "-")
    assert extracted.returncode == 0
    text = extracted.stdout.decode("utf-8")
    assert "target: 购物车" in text and "\\u" not in text
