"""Import and export as a user meets them: what a termbase or table decided reaches the glossary
(a forbidden rendering stays forbidden, a reviewer's ban attaches to the approved term), what the
importer cannot carry is named, and nothing validate would refuse is ever written."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary
from support import write_here

DATA = Path(__file__).parent / "data"
EXCHANGE = DATA / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def entries_of(path: str) -> dict:
    return {entry.source: entry for entry in load_glossary(path).terms}


# ---------------------------------------------------------------- TBX statuses in other fields

def test_a_multiterm_status_field_keeps_forbidden_renderings_forbidden(runner, workdir):
    # MultiTerm writes its status picklist as <descrip type="Status">Approved|Forbidden</descrip> in each ntig
    result = run(runner, "import", EXCHANGE / "multiterm16.tbx", "--unstated", "approved", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    smart_grid = entries_of("g.yaml")["smart grid"]
    assert (smart_grid.target, smart_grid.forbidden, smart_grid.status) == (["智能电网"], ["聪明电网"], Status.APPROVED)


def test_an_unknown_value_in_a_status_field_stops_the_import_at_the_term(runner, workdir):
    write_here("draft.tbx", """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
<text><body>
<termEntry id="_1">
  <langSet xml:lang="en"><ntig><termGrp><term>smart grid</term></termGrp></ntig></langSet>
  <langSet xml:lang="zh">
    <ntig><termGrp><term>智能电网</term></termGrp><descrip type="Usage Status">Draft</descrip></ntig>
  </langSet>
</termEntry>
</body></text></martif>
""")
    result = run(runner, "import", "draft.tbx", "-o", "g.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: draft.tbx:7: term \"智能电网\" has the unknown Usage Status 'Draft'; "
                                    "use ")
    assert not Path("g.yaml").exists()
