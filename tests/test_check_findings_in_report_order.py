"""run_check returns its findings in the order every report lists them (by file, line, column,
rule, term), so a Python caller sees what `check --format json` shows, in the same order; before,
they came in the order the files were given and the terms stood in the English (API probe, L2)."""

from __future__ import annotations

import json
from pathlib import Path

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import load_glossary
from glossary_cli.readers import read_pairs

GLOSSARY = ("glossary: 1\nterms:\n  - {source: grid, target: 电网, status: approved}\n"
            "  - {source: smart meter, target: 智能电表, status: approved}\n")


def test_the_library_lists_findings_as_the_json_report_does(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("b.tsv").write_text("The grid is down.\t网格断了。\n", encoding="utf-8")
    Path("a.tsv").write_text("A smart meter on the grid.\t网格上的电表。\n", encoding="utf-8")
    result = run_check(load_glossary("g.yaml"), read_pairs(["b.tsv", "a.tsv"]))
    listed = [(finding.location.path, finding.location.line, finding.source_term) for finding in result.findings]
    assert listed == [("a.tsv", 1, "grid"), ("a.tsv", 1, "smart meter"), ("b.tsv", 1, "grid")]
    report = json.loads(runner.invoke(app, ["check", "g.yaml", "b.tsv", "a.tsv", "--format", "json"]).stdout)
    assert [(finding["path"], finding["line"], finding["term"]) for finding in report["findings"]] == listed
