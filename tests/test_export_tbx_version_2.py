"""TBX v2 (`martif`) export for tools that read no TBX v3, as translate-toolkit and so Weblate: the
same data categories in TBX v2's elements, read back by import as the v3 export is."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary

EXCHANGE = Path(__file__).parent / "data" / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: V2G
    target: [车网互动, 车辆到电网]
    status: approved
    forbidden: [车对网]
    source_variants: [Vehicle-to-Grid]
    note: "Standard term since 2025.\\n  indented second line"
    part_of_speech: noun
    definition: Bidirectional charging between EVs and the grid.
    subject_field: energy
  - source: ESG
    status: approved
    keep_source: true
"""


def test_a_tbx_v2_export_is_a_martif_termbase_with_the_same_terms_and_statuses(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    result = run(runner, "export", "g.yaml", "--to", "tbx", "--tbx-version", "2", "-o", "g.tbx")
    assert (result.exit_code, result.stderr) == (0, "g.tbx: exported 2 entries as tbx\n")
    root = etree.parse("g.tbx").getroot()
    assert (root.tag, root.get("type")) == ("martif", "TBX-Basic")  # no namespace: TBX v2
    assert [element.tag for element in root.iter("termEntry", "langSet", "tig")][:3] == ["termEntry", "langSet", "tig"]
    assert not list(root.iter("{*}conceptEntry", "{*}langSec", "{*}termSec"))
    status = {tig.findtext("term"): tig.findtext("termNote[@type='administrativeStatus']") for tig in root.iter("tig")}
    assert (status["车网互动"], status["车辆到电网"], status["车对网"]) == (
        "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts")  # Weblate: forbidden


def test_a_tbx_v2_export_imports_back_into_its_glossary_unchanged(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    assert run(runner, "export", "g.yaml", "--to", "tbx", "--tbx-version", "2", "-o", "g.tbx").exit_code == 0
    assert run(runner, "import", "g.tbx", "-o", "new.yaml").exit_code == 0
    assert load_glossary("new.yaml").terms == load_glossary("g.yaml").terms
    result = run(runner, "import", "g.tbx", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_a_tbx_version_is_refused_for_a_table(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    result = run(runner, "export", "g.yaml", "--to", "csv", "--tbx-version", "2", "-o", "g.csv")
    assert (result.exit_code, result.stderr) == (2, "error: --tbx-version is for --to tbx; a csv file has no TBX version\n")
    assert not Path("g.csv").exists()
