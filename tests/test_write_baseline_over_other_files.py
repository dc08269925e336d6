"""`check --write-baseline FILE` replaced any file with a baseline and exited 0: a reviewed glossary
named by a tab-completion slip, README.md, a corpus not in the run. Only a new or empty file, or a
baseline, is written now, as export -o and merge -o refuse to replace what they did not write."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from tests.support import write_here as write

GLOSSARY = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n"


@pytest.mark.parametrize("name, text", [("other.yaml", GLOSSARY), ("README.md", "# Project\n"),
                                        ("seed.txt", "The grid.\n网格。\n")])
def test_a_file_that_is_no_baseline_is_left_alone(runner, workdir, name, text):
    write("g.yaml", GLOSSARY)
    write("c.tsv", "The grid.\t网格。\n")
    write(name, text)
    result = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--write-baseline", name])
    assert (result.exit_code, result.stderr) == (
        2, f"error: --write-baseline {name} exists and is not a glossary baseline, so writing one would replace "
           "it; choose another file (or delete it first)\n")
    assert Path(name).read_text(encoding="utf-8") == text


@pytest.mark.parametrize("existing", [None, "", "\n"])
def test_a_new_or_empty_file_and_a_baseline_are_written(runner, workdir, existing):
    write("g.yaml", GLOSSARY)
    write("c.tsv", "The grid.\t网格。\n")
    if existing is not None:
        write("baseline.json", existing)
    first = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--write-baseline", "baseline.json"])
    again = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--write-baseline", "baseline.json"])
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert '"glossary_baseline"' in Path("baseline.json").read_text(encoding="utf-8")
