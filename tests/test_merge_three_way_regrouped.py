"""A person's regrouping survives a merge with a branch that re-ran extract (team probe F3).

Bob moves the decided entries to the top of the glossary under a `# ---- Decided ----` heading
and puts `# ---- To review ----` above the rest; Alice, meanwhile, grows the corpus, re-runs
extract (which lays the candidates out best first again) and approves a term. Extract's layout
says nothing a person meant, so the merge keeps Bob's order, whichever branch it is run from,
and lays the candidates out over it as extract would: each heading stays above the entries it
was written for.
"""

from __future__ import annotations

from hypothesis import assume, given, settings, strategies as st

from glossary_cli.cli.common import app
from glossary_cli.glossary import Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.merge_three_way import laid_out_by_extract, merge_three_way
from glossary_cli.models import Evidence, ScoredPair
from glossary_cli.update import proposal_checksum, update_glossary, worked_on
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


def entry(source: str, target: str, score: float, status: str = "candidate") -> str:
    """An entry as extract writes it (its checksum says it is extract's proposal), then decided."""
    return (f"  - source: {source}\n    target: {target}\n    status: {status}\n    score: {score}\n"
            f"    checksum: {proposal_checksum(source, [target])}\n")


def read(text: str) -> Glossary:
    glossary, problems = parse_glossary(text)
    assert not problems
    return glossary


def merge(runner, *arguments: str):
    return runner.invoke(app, ["merge", *arguments])


# What both branches started from: extract's layout, two terms approved where they were proposed.
TEAM = HEADER + (entry("smart grid", "智能电网", 0.9)
                 + entry("hydrogen energy", "氢能", 0.85, "approved")
                 + entry("carbon peak", "碳达峰", 0.8)
                 + entry("green transition", "绿色转型", 0.7, "approved")
                 + entry("energy storage", "储能", 0.6)
                 + entry("heat pump", "热泵", 0.5))

# Bob groups the decided entries at the top.
BOB = HEADER + ("  # ---- Decided ----\n"
                + entry("hydrogen energy", "氢能", 0.85, "approved")
                + entry("green transition", "绿色转型", 0.7, "approved")
                + "  # ---- To review ----\n"
                + entry("smart grid", "智能电网", 0.9)
                + entry("carbon peak", "碳达峰", 0.8)
                + entry("energy storage", "储能", 0.6)
                + entry("heat pump", "热泵", 0.5))

# Alice's corpus grew: energy storage now scores best, heat pump is no longer proposed, offshore
# wind is new. Extract kept the approved entries in their places and filled the others best first;
# then Alice approved carbon peak.
ALICE = HEADER + (entry("energy storage", "储能", 0.95)
                  + entry("hydrogen energy", "氢能", 0.85, "approved")
                  + entry("smart grid", "智能电网", 0.9)
                  + entry("green transition", "绿色转型", 0.7, "approved")
                  + entry("carbon peak", "碳达峰", 0.8, "approved")
                  + entry("offshore wind", "海上风电", 0.75))

# Bob's order, Alice's work: the decided entries under Bob's heading; under the other heading,
# the entry it heads and carbon peak (approved where Bob had it) keep their places, and the
# candidates follow best first, as extract lays them out; heat pump is gone, as extract dropped it.
MERGED = HEADER + ("  # ---- Decided ----\n"
                   + entry("hydrogen energy", "氢能", 0.85, "approved")
                   + entry("green transition", "绿色转型", 0.7, "approved")
                   + "  # ---- To review ----\n"
                   + entry("smart grid", "智能电网", 0.9)
                   + entry("carbon peak", "碳达峰", 0.8, "approved")
                   + entry("energy storage", "储能", 0.95)
                   + entry("offshore wind", "海上风电", 0.75))


def test_a_regrouping_by_hand_wins_over_the_order_a_re_run_of_extract_gave(runner, workdir):
    write("team.yaml", TEAM)
    write("bob.yaml", BOB)
    write("alice.yaml", ALICE)
    for ours, theirs in (("alice.yaml", "bob.yaml"), ("bob.yaml", "alice.yaml")):  # git merge bob, git merge alice
        result = merge(runner, "--base", "team.yaml", ours, theirs)
        assert result.exit_code == 0, result.output
        assert result.stdout == MERGED, f"{ours} merged with {theirs}"


def test_new_candidates_fill_the_places_of_dropped_ones_best_first_as_extract_would(runner, workdir):
    """Alice's extract dropped smart grid and proposed two new terms: with the re-scored
    candidates they take the candidates' places below Bob's decided entries, best first."""
    write("team.yaml", TEAM)
    write("bob.yaml", BOB.replace("  # ---- To review ----\n", ""))  # no heading: smart grid is a plain candidate
    write("alice.yaml", HEADER + (entry("hydrogen energy", "氢能", 0.85, "approved")
                                  + entry("energy storage", "储能", 0.95)
                                  + entry("green transition", "绿色转型", 0.7, "approved")
                                  + entry("wind power", "风电", 0.92)
                                  + entry("carbon peak", "碳达峰", 0.7)
                                  + entry("heat pump", "热泵", 0.65)
                                  + entry("offshore wind", "海上风电", 0.6)))
    result = merge(runner, "--base", "team.yaml", "alice.yaml", "bob.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEADER + ("  # ---- Decided ----\n"
                                      + entry("hydrogen energy", "氢能", 0.85, "approved")
                                      + entry("green transition", "绿色转型", 0.7, "approved")
                                      + entry("energy storage", "储能", 0.95)
                                      + entry("wind power", "风电", 0.92)
                                      + entry("carbon peak", "碳达峰", 0.7)
                                      + entry("heat pump", "热泵", 0.65)
                                      + entry("offshore wind", "海上风电", 0.6))


def test_two_people_regrouping_differently_keep_ours_with_each_comment_on_its_entry(runner, workdir):
    """Both orders are a person's: the merge cannot tell which grouping the team wants and keeps
    the order of the file it writes (ours), as before; Bob's headings stay on their entries."""
    write("team.yaml", TEAM)
    write("bob.yaml", BOB)
    write("carol.yaml", HEADER + (entry("carbon peak", "碳达峰", 0.8)
                                  + entry("energy storage", "储能", 0.6)
                                  + entry("green transition", "绿色转型", 0.7, "approved")
                                  + entry("heat pump", "热泵", 0.5)
                                  + entry("hydrogen energy", "氢能", 0.85, "approved")
                                  + entry("smart grid", "智能电网", 0.9)))  # Carol sorted the entries
    result = merge(runner, "--base", "team.yaml", "carol.yaml", "bob.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEADER + (entry("carbon peak", "碳达峰", 0.8)
                                      + entry("energy storage", "储能", 0.6)
                                      + entry("green transition", "绿色转型", 0.7, "approved")
                                      + entry("heat pump", "热泵", 0.5)
                                      + "  # ---- Decided ----\n"
                                      + entry("hydrogen energy", "氢能", 0.85, "approved")
                                      + "  # ---- To review ----\n"
                                      + entry("smart grid", "智能电网", 0.9))


def test_a_re_run_of_extract_is_told_from_a_person_s_order():
    """Extract's own layout (update_glossary) of a grown corpus is extract's order, with a term
    approved after it ran or before; decided entries moved by hand, or candidates sorted by hand,
    are not."""
    team = read(TEAM)
    pairs = [ScoredPair(source, target, score, 2, ("lexicon",), (Evidence("c.txt:1", source, target),))
             for source, target, score in [("energy storage", "储能", 0.95), ("wind power", "风电", 0.92),
                                           ("smart grid", "智能电网", 0.9), ("carbon peak", "碳达峰", 0.7)]]
    extracted = update_glossary(read(TEAM), pairs, {})
    assert [term.source for term in extracted.terms] == [
        "energy storage", "hydrogen energy", "wind power", "green transition", "smart grid", "carbon peak"]
    extracted.terms[2].status = Status.APPROVED  # after extract ran
    assert laid_out_by_extract(team, extracted)
    approved_first = read(TEAM)
    approved_first.terms[4].status = Status.APPROVED  # energy storage, before extract ran: it keeps its place
    extracted = update_glossary(approved_first, pairs, {})
    assert [term.source for term in extracted.terms] == [
        "wind power", "hydrogen energy", "smart grid", "green transition", "energy storage", "carbon peak"]
    assert laid_out_by_extract(team, extracted)
    assert not laid_out_by_extract(team, read(BOB))
    assert not laid_out_by_extract(team, read(BOB.replace("  # ---- To review ----\n", "")))
    swapped = HEADER + (entry("energy storage", "储能", 0.6)  # moved up by hand: not best first
                        + entry("hydrogen energy", "氢能", 0.85, "approved")
                        + entry("carbon peak", "碳达峰", 0.8)
                        + entry("green transition", "绿色转型", 0.7, "approved")
                        + entry("smart grid", "智能电网", 0.9)
                        + entry("heat pump", "热泵", 0.5))
    assert not laid_out_by_extract(team, read(swapped))


TERMS = [("smart grid", "智能电网"), ("hydrogen energy", "氢能"), ("carbon peak", "碳达峰"), ("green transition", "绿色转型"),
         ("energy storage", "储能"), ("heat pump", "热泵"), ("wind power", "风电"), ("offshore wind", "海上风电")]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.2, 0.99).map(lambda score: round(score, 2)), min_size=8, max_size=8),
       st.sets(st.sampled_from(range(5))), st.permutations(range(5)), st.booleans(),
       st.lists(st.one_of(st.none(), st.floats(0.2, 0.99).map(lambda score: round(score, 2))), min_size=8, max_size=8),
       st.sets(st.sampled_from(range(8))))
def test_a_hand_order_and_a_re_run_of_extract_merge_to_one_layout_whichever_side_is_ours(
        scores, decided, moved, heading, rescored, approved_after):
    """The ancestor is extract's layout of five terms, some decided; one side moves the entries by
    hand (a heading above the first), the other re-runs extract on a corpus that drops, re-scores
    and adds terms, then approves some. Either way round the merge holds each term once, the same
    file, and the entries the person worked on in the person's order, each under the comment it had."""
    assume(list(moved) != sorted(moved))  # the person moved entries
    ranked = sorted(zip(scores[:5], TERMS[:5]), reverse=True)
    team = HEADER + "".join(entry(source, target, score, "approved" if index in decided else "candidate")
                            for index, (score, (source, target)) in enumerate(ranked))
    team_entries = team[len(HEADER):].split("  - ")[1:]
    person = HEADER + "".join(("  # ---- moved ----\n" if heading and place == 0 else "") + "  - " + team_entries[index]
                              for place, index in enumerate(moved))
    pairs = [ScoredPair(source, target, score, 2, ("lexicon",), (Evidence("c.txt:1", source, target),))
             for score, (source, target) in sorted(((score, term) for score, term in zip(rescored, TERMS)
                                                    if score is not None), reverse=True)]
    extracted = update_glossary(read(team), pairs, {})
    for index, term in enumerate(extracted.terms):
        if index in approved_after:
            term.status = Status.APPROVED
    before, after = [term.source for term in read(team).terms], [term.source for term in extracted.terms]
    assume([source for source in after if source in before] != [source for source in before if source in after])
    extracted_text = dump_glossary(extracted)
    ancestor, by_hand, by_extract = read(team), read(person), read(extracted_text)
    assert laid_out_by_extract(ancestor, by_extract)
    assume(not laid_out_by_extract(ancestor, by_hand))  # not a move among equal scores, which extract might make
    merged = [merge_three_way(ancestor, ours, theirs) for ours, theirs in ((by_hand, by_extract), (by_extract, by_hand))]
    texts = [dump_glossary(result.glossary) for result in merged]
    assert not merged[0].conflicts and texts[0] == texts[1]
    sources = [term.source for term in merged[0].glossary.terms]
    assert len(sources) == len(set(sources))
    assert set(sources) >= {term.source for term in extracted.terms if term.status is Status.APPROVED}
    worked = [term.source for term in by_hand.terms if worked_on(term)]
    assert [source for source in sources if source in worked] == worked
    if heading:
        assert "  # ---- moved ----\n  - source: " + by_hand.terms[0].source + "\n" in texts[0]
