"""`glossary export -o FILE` replaces FILE only when it is empty or an earlier export: a slip of -o
naming an aligned corpus (interleaved text, or an en/zh table without a status column) is refused
with exit 2, and the corpus is left as it was. Re-exporting over an earlier export works in every
mode export writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from support import write_here

EXCHANGE = Path(__file__).parent / "data" / "exchange"
SEED = Path(__file__).parents[1] / "seeds" / "000_890636b9e1f69f65.txt"

GLOSSARY = """\
glossary: 1
terms:
  - source: grid
    target: 电网
    status: approved
"""
INTERLEAVED = "The smart grid works.\n智能电网有效。\nThe grid is down.\n电网断了。\n"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.fixture
def glossary(workdir):
    write_here("g.yaml", GLOSSARY)
    return "g.yaml"


def test_an_interleaved_corpus_is_not_replaced_by_a_csv_export(runner, glossary):
    write_here("corpus.txt", INTERLEAVED)
    result = run(runner, "export", glossary, "--to", "csv", "-o", "corpus.txt")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        "error: -o corpus.txt exists and is no earlier csv export (its first row 'The smart grid works.' names no "
        "en and zh columns: an aligned corpus or other text?); export overwrites only a .csv or .txt file that is "
        "empty or holds an earlier export (a first row naming the en and zh columns and status): choose another "
        "file or delete it first\n"))
    assert Path("corpus.txt").read_text(encoding="utf-8") == INTERLEAVED
    assert sorted(path.name for path in Path().iterdir()) == ["corpus.txt", "g.yaml"]  # nothing written beside it


@pytest.mark.parametrize("to, name, corpus", [
    ("tsv", "corpus.tsv", "en\tzh\nThe grid is down.\t电网断了。\n"),
    ("csv", "corpus.csv", "en,zh\nThe grid is down.,电网断了。\n"),
    ("tsv", "corpus.txt", "en\tzh\nThe grid is down.\t电网断了。\n"),
    ("tsv", "corpus.txt", INTERLEAVED),
])
def test_an_aligned_table_without_a_status_column_is_not_replaced_either(runner, glossary, to, name, corpus):
    write_here(name, corpus)
    result = run(runner, "export", glossary, "--to", to, "-o", name)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: -o {name} exists and is no earlier {to} export (its first row ")
    assert Path(name).read_text(encoding="utf-8") == corpus


def test_the_shipped_seed_article_is_not_replaced(runner, glossary):
    shutil.copy(SEED, "seed.txt")
    result = run(runner, "export", glossary, "--to", "csv", "-o", "seed.txt")
    assert result.exit_code == 2 and "an aligned corpus or other text?" in result.stderr
    assert Path("seed.txt").read_bytes() == SEED.read_bytes()


def test_a_translation_memory_is_not_replaced_by_a_tbx_export(runner, glossary):
    tmx = '<?xml version="1.0"?>\n<tmx version="1.4"><header/><body/></tmx>\n'
    write_here("memory.xml", tmx)
    result = run(runner, "export", glossary, "--to", "tbx", "-o", "memory.xml")
    assert (result.exit_code, result.stderr) == (2, (
        "error: -o memory.xml exists and is no earlier tbx export (its root element is <tmx>, no TBX termbase); "
        "export overwrites only a .tbx or .xml file that is empty or holds an earlier export (a <tbx> or <martif> "
        "termbase): choose another file or delete it first\n"))
    assert Path("memory.xml").read_text(encoding="utf-8") == tmx


def test_an_empty_file_is_filled(runner, glossary):
    write_here("terms.csv", "")
    assert run(runner, "export", glossary, "--to", "csv", "-o", "terms.csv").exit_code == 0
    assert Path("terms.csv").read_text(encoding="utf-8").startswith("en,zh,status")


@pytest.mark.parametrize("options", [
    ["--to", "csv"], ["--to", "csv", "--status", "all"], ["--to", "csv", "--bom"], ["--to", "tsv"],
    ["--to", "tsv", "--bom", "--status", "all"], ["--to", "tbx"], ["--to", "tbx", "--tbx-version", "2"],
])
@pytest.mark.parametrize("source", ["all_statuses.yaml", "formula.yaml", "pipe_roundtrip.yaml", "notes_at_ends.yaml"])
def test_an_earlier_export_is_replaced_in_every_mode(runner, workdir, source, options):
    shutil.copy(EXCHANGE / source, "g.yaml")
    name = "terms.tbx" if "tbx" in options else "terms.txt"
    for _ in range(2):
        result = run(runner, "export", "g.yaml", *options, "-o", name)
        assert result.exit_code == 0, result.output


def test_a_csv_export_replaces_a_tsv_export_of_other_languages_in_a_txt_file(runner, workdir):
    write_here("g.yaml", "glossary: 1\nlanguages: {source: en-US, target: zh-Hant}\nterms:\n"
                         "  - source: grid\n    target: 電網\n    status: approved\n    x-ticket: ' T-1 '\n"
                         "    definition: a network\n")
    assert run(runner, "export", "g.yaml", "--to", "tsv", "-o", "terms.txt").exit_code == 0
    assert Path("terms.txt").read_text(encoding="utf-8").startswith("en-US\tzh-Hant\tstatus\t")
    assert run(runner, "export", "g.yaml", "--to", "csv", "-o", "terms.txt").exit_code == 0
    assert Path("terms.txt").read_text(encoding="utf-8").startswith("en-US,zh-Hant,status,")


def test_standard_output_is_no_file_to_keep(runner, glossary):
    write_here("corpus.txt", INTERLEAVED)
    result = run(runner, "export", glossary, "--to", "csv", "-o", "-")
    assert (result.exit_code, result.stdout) == (0, "en,zh,status,note,forbidden\ngrid,电网,approved,,\n")
