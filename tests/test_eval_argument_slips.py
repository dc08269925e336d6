"""eval names the usual slips as check does: arguments the wrong way round, a directory where one
file goes, a pattern the shell did not expand."""

from __future__ import annotations

import os

from glossary_cli.cli.common import app
from tests.support import write_here as write

GLOSSARY = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"


def test_the_reference_given_first_is_said_to_come_second(runner, workdir):
    write("g.yaml", GLOSSARY)
    write("gold.tsv", "smart grid\t智能电网\n")
    result = runner.invoke(app, ["eval", "gold.tsv", "g.yaml"])
    assert (result.exit_code, result.stderr) == (
        2, "error: gold.tsv looks like a reference, not a glossary: the glossary comes first, as in "
           "glossary eval g.yaml gold.tsv\n")


def test_a_directory_as_the_reference_is_named_as_one(runner, workdir):
    write("g.yaml", GLOSSARY)
    os.mkdir("gold")
    result = runner.invoke(app, ["eval", "g.yaml", "gold"])
    assert (result.exit_code, result.stderr) == (
        2, "error: gold is a directory; REFERENCE is one file: glossary eval GLOSSARY REFERENCE\n")


def test_a_quoted_pattern_is_said_to_be_unexpanded(runner, workdir):
    write("g.yaml", GLOSSARY)
    write("gold.tsv", "smart grid\t智能电网\n")
    write("a.tsv", "Smart grids need care.\t智能电网需要维护。\n")
    write("b.tsv", "Smart grids need care.\t智能电网需要维护。\n")
    reference = runner.invoke(app, ["eval", "g.yaml", "gold*.tsv"])
    assert (reference.exit_code, reference.stderr) == (
        2, "error: gold*.tsv: no such file; the shell did not expand this pattern (it matches 1 file): REFERENCE is "
           "one file, so name it: glossary eval GLOSSARY REFERENCE\n")
    corpus = runner.invoke(app, ["eval", "g.yaml", "gold.tsv", "--reachable-in", "[ab].tsv"])
    assert (corpus.exit_code, corpus.stderr) == (
        2, "error: [ab].tsv: no such file; the shell did not expand this pattern (it matches 2 files): leave it "
           "unquoted, or pass the directory\n")
