"""A definition comes back from a CSV or TSV export with the spaces at its ends, as a note does and
as it does through TBX: free text is the writer's. So do the other text fields a table carries
(subject_field, part_of_speech), so a table round trip gives back the glossary."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary
from support import write_here

INDENTED = """\
glossary: 1
terms:
  - source: grid
    target: 电网
    status: approved
    note: "  indented note  "
    definition: "  indented definition  "
    subject_field: " energy / grids "
"""


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.mark.parametrize("to", ["csv", "tsv", "tbx"])
def test_a_definition_keeps_the_spaces_at_its_ends_through_an_export_and_import(runner, workdir, to):
    write_here("n.yaml", INDENTED)
    assert run(runner, "export", "n.yaml", "--to", to, "-o", f"n.{to}").exit_code == 0
    result = run(runner, "import", f"n.{to}", "-o", "back.yaml")
    assert result.exit_code == 0, result.output
    (entry,) = load_glossary("back.yaml").terms
    assert entry.note == "  indented note  "
    assert entry.extra == {"definition": "  indented definition  ", "subject_field": " energy / grids "}


@pytest.mark.parametrize("to", ["csv", "tsv"])
def test_a_part_of_speech_comes_back_from_a_table_as_written_too(runner, workdir, to):
    write_here("n.yaml", INDENTED + '    part_of_speech: " noun "\n')
    assert run(runner, "export", "n.yaml", "--to", to, "-o", f"n.{to}").exit_code == 0
    assert run(runner, "import", f"n.{to}", "-o", "back.yaml").exit_code == 0
    (entry,) = load_glossary("back.yaml").terms
    assert entry.extra["part_of_speech"] == " noun "


def test_a_definition_typed_in_a_spreadsheet_is_read_as_written(runner, workdir):
    write_here("sheet.csv", 'en,zh,status,definition\ngrid,电网,approved," a network, "\n')
    assert run(runner, "import", "sheet.csv", "-o", "g.yaml").exit_code == 0
    (entry,) = load_glossary("g.yaml").terms
    assert entry.extra == {"definition": " a network, "}
