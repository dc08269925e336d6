"""Importing a table that approves only some of a term's targets into a glossary that approves
them all keeps them all, and the warning points at the row that approves the term, even when the
term's first row is one that forbids a rendering."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("rows, approving_line", [
    ("green transition,绿色过渡,forbidden\ngreen transition,绿色转型,approved\n", 3),
    ("green transition,绿色转型,approved\ngreen transition,绿色过渡,forbidden\n", 2),
], ids=["forbidden row first", "approving row first"])
def test_the_warning_cites_the_approving_row_wherever_the_forbidden_row_is(runner, workdir, rows, approving_line):
    write_here("base.yaml", BASE)
    write_here("i.csv", "en,zh,status\n" + rows)
    result = run(runner, "import", "i.csv", "-o", "base.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f'warning: i.csv:{approving_line}: "green transition" is approved here as "绿色转型" only; base.yaml approves '
        '"绿色转型" / "绿色转变" and keeps them all')
    (entry,) = load_glossary("base.yaml").terms
    assert (entry.target, entry.forbidden) == (["绿色转型", "绿色转变"], ["绿色过渡"])
