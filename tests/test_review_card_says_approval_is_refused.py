"""A candidate that `approve` would refuse as it stands (a mistake in its own fields, such as a
source_forbidden naming its own term) says so on its review card, with what is wrong and how to
mend it, before the person presses `a`; `a` then refuses with the same words (probe L3: the card
said nothing, and only the key found out)."""

from __future__ import annotations

from glossary_cli.cli.common import app
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\n"
FAULTY = ("terms:\n  - source: smart grid\n    target: 智能电网\n    status: candidate\n    score: 0.9\n"
          "    source_forbidden: [smart-grid]\n")
REASON = ('a problem check refuses: line 8: entry "smart grid" forbids the English "smart-grid", which check reads as '
          '"smart grid", its own term; remove it from source_forbidden')


def card_text(stdout: str) -> str:
    """The card's lines joined, without the panel's borders, so a wrapped sentence reads whole."""
    inside = [line.strip("│ ").rstrip() for line in stdout.splitlines() if line.startswith("│")]
    return " ".join(line for line in inside if line)


def test_the_card_says_why_a_would_be_refused_and_a_refuses_in_the_same_words(runner, workdir):
    write("g.yaml", HEADER + FAULTY)
    before = (workdir / "g.yaml").read_bytes()
    result = runner.invoke(app, ["review", "g.yaml"], input="a")
    assert result.exit_code == 0, result.output
    card, after_the_key = result.stdout.split("[a/r/x/e/n/s/u/q/?]", 1)
    assert (f"a is refused as it stands: approving it would leave the glossary with {REASON}. Where the target is "
            "what is wrong, e approves it with another; anything else, mend in the file once this session ends "
            "(s skips it for now)") in card_text(card)
    assert f'approving "smart grid" would leave the glossary with {REASON}; nothing written' in " ".join(
        after_the_key.split())
    assert (workdir / "g.yaml").read_bytes() == before

    # mended, the card says nothing of it, and a approves
    write("g.yaml", HEADER + FAULTY.replace("    source_forbidden: [smart-grid]\n", "    source_forbidden: [smart net]\n"))
    mended = runner.invoke(app, ["review", "g.yaml"], input="a")
    assert "refused" not in mended.stdout
    assert "approved smart grid → 智能电网" in mended.stdout


def test_a_clash_with_an_approved_entry_is_named_on_the_card_too(runner, workdir):
    # approving the candidate would make the approved entry forbid what it requires (GV007)
    write("g.yaml", HEADER + "terms:\n  - {source: grid, target: 电网, status: candidate, score: 0.8}\n"
                             "  - {source: grid, target: 电力网, forbidden: [电网], status: approved}\n")
    result = runner.invoke(app, ["review", "g.yaml"], input="q")
    card = card_text(result.stdout)
    assert "a is refused as it stands: approving it would leave the glossary with a problem check refuses:" in card
    assert "line 5:" in card


def test_a_target_the_card_calls_refused_is_approved_with_another_by_e(runner, workdir):
    # the candidate forbids its own rendering: e gives it another, in the session, as the card says
    write("g.yaml", HEADER + "terms:\n  - {source: grid, target: 电力网, forbidden: [电力网], score: 0.8}\n")
    result = runner.invoke(app, ["review", "g.yaml"], input="e电网\n")
    assert result.exit_code == 0, result.output
    assert "Where the target is what is wrong, e approves it with another" in card_text(result.stdout)
    written = (workdir / "g.yaml").read_text(encoding="utf-8")
    assert "target: 电网" in written and "status: approved" in written
