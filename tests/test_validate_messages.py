"""`validate` says what YAML made of a value a person typed (`no` read as false, a list for a
source), in the words they typed, rather than in Python's."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


@pytest.mark.parametrize(("entry", "message"), [
    ("  - source: nitrogen oxides\n    target: [氮氧化物, no]\n",
     "g.yaml:5:13: 'target' must be a string or a list of strings, but YAML reads the item no as true/false "
     "(False); put it in quotes"),
    ("  - source: grid\n    target: yes\n",
     "g.yaml:5:13: 'target' must be a string or a list of strings, but YAML reads this value as true/false "
     "(True); put it in quotes"),
    ("  - source: grid\n    target: [电网, null]\n",
     "g.yaml:5:13: 'target' must be a string or a list of strings, but item 2 is empty; write its text or remove it"),
    ("  - source: grid\n    target: 电网\n    status: yes\n",
     "g.yaml:6:13: unknown status yes (YAML reads it as true/false); use candidate, approved or rejected"),
    ("  - source: grid\n    target: 电网\n    status: aproved\n",
     "g.yaml:6:13: unknown status 'aproved'; use candidate, approved or rejected"),
    ("  - source: [smart grid, smart grids]\n    target: 智能电网\n",
     "g.yaml:4:13: 'source' must be one term, not a list; write other spellings under source_variants"),
])
def test_a_value_yaml_reads_as_something_else_is_named_as_typed(runner, workdir, entry, message):
    write("g.yaml", HEADER + entry)
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\ng.yaml: 1 problem\n"
