"""Importing a table that approves only some of a term's targets into a glossary that approves
them all keeps them all, and the warning points at the row that approves the term, even when the
term's first row is one that forbids a rendering."""

from __future__ import annotations

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary
from support import write_here

BASE = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: green transition
    target: [绿色转型, 绿色转变]
    status: approved
"""


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def test_the_warning_cites_the_approving_row_not_the_forbidden_row_before_it(runner, workdir):
    write_here("base.yaml", BASE)
    write_here("i1.csv", "en,zh,status\n"
                         "green transition,绿色过渡,forbidden\n"
                         "green transition,绿色转型,approved\n")
    result = run(runner, "import", "i1.csv", "-o", "base.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        'warning: i1.csv:3: "green transition" is approved here as "绿色转型" only; base.yaml approves '
        '"绿色转型" / "绿色转变" and keeps them all')
    (entry,) = load_glossary("base.yaml").terms
    assert (entry.target, entry.forbidden) == (["绿色转型", "绿色转变"], ["绿色过渡"])


def test_a_term_approved_on_its_first_row_is_still_cited_there(runner, workdir):
    write_here("base.yaml", BASE)
    write_here("i2.csv", "en,zh,status\n"
                         "green transition,绿色转型,approved\n"
                         "green transition,绿色过渡,forbidden\n")
    result = run(runner, "import", "i2.csv", "-o", "base.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith('warning: i2.csv:2: "green transition" is approved here as')
