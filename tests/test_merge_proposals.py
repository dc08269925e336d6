"""`glossary merge` and the tool's proposals: merging into an empty file loses nothing, and a skipped proposal is named."""

from __future__ import annotations

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
EVIDENCE = "    evidence:\n      - {where: 'a.txt:1', source: Cheng Huiming said, target: 成会明说}\n"


def test_a_rejected_span_and_its_corrected_candidate_both_survive_a_merge_into_an_empty_file(runner, workdir):
    write("new.yaml", HEADER)
    write("two.yaml", HEADER + "  - source: Cheng Huiming\n    target: 成会明则\n    status: rejected\n"
                      "  - source: Cheng Huiming\n    target: 成会明\n    status: candidate\n    score: 0.5\n" + EVIDENCE)
    result = runner.invoke(app, ["merge", "new.yaml", "two.yaml", "-o", "n.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "merged two.yaml into new.yaml: 2 entries written to n.yaml (2 added, 0 changed)\n"


def test_a_proposal_for_a_term_the_base_has_is_named_when_skipped(runner, workdir):
    write("base.yaml", HEADER + "  - source: Cheng Huiming\n    target: 程惠明\n    status: approved\n")
    write("new.yaml", HEADER + "  - source: Cheng Huiming\n    target: 成会明\n    status: candidate\n    score: 0.5\n"
                      + EVIDENCE)
    result = runner.invoke(app, ["merge", "base.yaml", "new.yaml", "-o", "out.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "merged new.yaml into base.yaml: 1 entry written to out.yaml (0 added, 0 changed)\n"
        '1 proposal from new.yaml skipped, as base.yaml has those terms already: "Cheng Huiming" → 成会明 '
        "(new.yaml:4)\n")
