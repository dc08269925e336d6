"""A note's blanks and line breaks at its ends come back from the tool's own TBX export as written;
in a pretty-printed termbase from another tool they are still the file's layout."""

from __future__ import annotations

import shutil
from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.exchange import import_glossary
from glossary_cli.glossary_yaml import load_glossary

EXCHANGE = Path(__file__).parent / "data" / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def test_a_note_with_blanks_and_line_breaks_at_its_ends_survives_a_tbx_round_trip(runner, workdir):
    shutil.copy(EXCHANGE / "notes_at_ends.yaml", "notes.yaml")
    original = {entry.source: entry.note for entry in load_glossary("notes.yaml").terms}
    assert original["grid"] == "  \n  indented first line\ntrailing spaces  \n"
    assert run(runner, "export", "notes.yaml", "--to", "tbx", "-o", "notes.tbx").exit_code == 0
    assert run(runner, "import", "notes.tbx", "-o", "back.yaml").exit_code == 0
    assert {entry.source: entry.note for entry in load_glossary("back.yaml").terms} == original


def test_the_layout_of_a_pretty_printed_note_is_still_no_part_of_it(workdir):
    Path("laid_out.tbx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<martif type="TBX" xml:lang="en">\n  <text>\n    <body>\n      <termEntry id="t1">\n'
        "        <note>\n          Use in energy texts.\n        </note>\n"
        '        <langSet xml:lang="en">\n          <tig><term>grid</term></tig>\n        </langSet>\n'
        '        <langSet xml:lang="zh">\n          <tig><term>电网</term></tig>\n        </langSet>\n'
        "      </termEntry>\n    </body>\n  </text>\n</martif>\n", encoding="utf-8")
    (entry,) = import_glossary("laid_out.tbx").terms
    assert entry.note == "Use in energy texts."
