"""`-` reads a corpus (and import's file) from standard input; a glossary, or eval's reference,
given as `-` is said to be read from a file, not reported as a missing file named `-`."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from tests.support import write_here as write

GLOSSARY = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"
FROM_A_FILE = ("error: a glossary is read from a file, not from standard input (-); save it to one first, e.g. "
               "git show HEAD:glossary.yaml > /tmp/glossary.yaml\n")


@pytest.mark.parametrize("arguments", [["check", "-", "c.tsv"], ["export", "-", "--to", "csv"],
                                       ["merge", "-", "g.yaml"], ["eval", "-", "gold.tsv"], ["validate", "-"],
                                       ["approve", "-", "smart grid"], ["reject", "-", "smart grid"], ["review", "-"]])
def test_a_glossary_piped_in_is_refused_as_such(runner, workdir, arguments):
    write("g.yaml", GLOSSARY)
    write("c.tsv", "Smart grids need care.\t智能电网需要维护。\n")
    write("gold.tsv", "smart grid\t智能电网\n")
    result = runner.invoke(app, arguments, input=GLOSSARY)
    assert (result.exit_code, result.stderr) == (2, FROM_A_FILE)


def test_eval_says_its_reference_is_read_from_a_file(runner, workdir):
    write("g.yaml", GLOSSARY)
    result = runner.invoke(app, ["eval", "g.yaml", "-", "--reference-format", "tsv"], input="smart grid\t智能电网\n")
    assert (result.exit_code, result.stderr) == (
        2, "error: the reference is read from a file, not from standard input (-); save it to one first, e.g. "
           "git show HEAD:gold.tsv > /tmp/gold.tsv\n")
