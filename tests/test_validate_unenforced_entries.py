"""A mistake in the fields of an entry nobody approved (a candidate forbidding its own term in
English, a rejected entry with a stray space) is a warning from validate, not a problem that stops
check and export: they read approved entries only (final probe, M6). Approving the entry would make
it one, so approve and review refuse that until it is mended."""

from __future__ import annotations

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.validate import validate_glossary
from tests.support import write_here as write

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
CANDIDATE = ("  - source: smart grid\n    target: 智能电网\n    status: candidate\n    score: 0.7\n"
             "    source_forbidden: [smart-grid]\n")
WARNED = ('g.yaml:{line}:24: entry "smart grid" forbids the English "smart-grid", which check reads as "smart grid", its '
          "own term; remove it from source_forbidden (the entry is a candidate: check and export read approved "
          "entries only, so this stops nothing, but approving it is refused until it is mended)")


def test_a_candidates_own_mistake_is_a_warning_and_an_approved_ones_a_problem():
    from glossary_cli.validate import unenforced_problems

    glossary, _ = parse_glossary(HEADER + CANDIDATE + "  - {source: grid, target: ' 电网', status: rejected}\n"
                                 "  - {source: power grid, target: [电网, 電網], status: approved}\n", "g.yaml")
    assert [str(problem) for problem in validate_glossary(glossary, "g.yaml")] == [
        'g.yaml:10:39: entry "power grid" lists target "电网" and "電網", which check reads as the same; keep one']
    assert [(str(problem), problem.code) for problem in unenforced_problems(glossary, "g.yaml")] == [
        (WARNED.format(line=8), "GV003"),
        ('g.yaml:9:28: entry "grid": target " 电网" has leading or trailing spaces, so it will never match; remove '
         "them (the entry is rejected: check and export read approved entries only, so this stops nothing, but "
         "approving it is refused until it is mended)", "GV005")]


def test_validate_warns_and_check_and_export_go_on(runner, workdir):
    write("g.yaml", HEADER + "  - {source: power grid, target: 电网, status: approved}\n" + CANDIDATE)
    write("c.tsv", "The power grid is old.\t电网很旧。\n")
    validated = runner.invoke(app, ["validate", "g.yaml"])
    assert (validated.exit_code, validated.stderr) == (0, f"warning: {WARNED.format(line=9)}\n")
    assert validated.stdout == "g.yaml: OK, 2 entries (1 approved, 0 rejected, 1 candidate)\n"
    checked = runner.invoke(app, ["check", "g.yaml", "c.tsv"])
    assert checked.exit_code == 0
    assert checked.stdout.startswith("No findings in 1 pair")
    assert runner.invoke(app, ["export", "g.yaml", "--to", "csv", "-o", "g.csv"]).exit_code == 0


def test_validate_lists_the_warning_beside_the_problems(runner, workdir):
    write("g.yaml", HEADER + "  - {source: power grid, status: approved}\n" + CANDIDATE)
    validated = runner.invoke(app, ["validate", "g.yaml"])
    assert validated.exit_code == 2
    assert validated.stderr.splitlines() == [
        f"warning: {WARNED.format(line=9)}",
        'error: g.yaml:4:34: entry "power grid" is approved but has no target; add one, set keep_source: true, or '
        "set status: candidate",
        "g.yaml: 1 problem"]


def test_approving_such_an_entry_is_refused(runner, workdir):
    write("g.yaml", HEADER + CANDIDATE)
    before = (workdir / "g.yaml").read_bytes()
    approved = runner.invoke(app, ["approve", "g.yaml", "smart grid"])
    assert approved.exit_code == 2
    assert approved.stderr == (
        'error: g.yaml: approving "smart grid" would leave the glossary with a problem check refuses: line 8: entry '
        '"smart grid" forbids the English "smart-grid", which check reads as "smart grid", its own term; remove it '
        "from source_forbidden; nothing written\n")
    reviewed = runner.invoke(app, ["review", "g.yaml"], input="a")
    assert 'approving "smart grid" would leave the glossary with a problem check refuses' in reviewed.stdout
    assert (workdir / "g.yaml").read_bytes() == before


def test_validate_for_github_annotates_it_as_a_warning(runner, workdir):
    write("g.yaml", HEADER + "  - {source: power grid, target: 电网, status: approved}\n" + CANDIDATE)
    validated = runner.invoke(app, ["validate", "g.yaml", "--format", "github"])
    assert validated.exit_code == 0
    assert validated.stdout == (f"::warning file=g.yaml,line=9,col=24,title=glossary validate GV003::"
                                f"{WARNED.format(line=9).split(': ', 1)[1]}\n")


def test_a_candidate_whose_term_is_an_approved_entrys_variant_stops_nothing_until_approved(runner, workdir):
    write("g.yaml", HEADER + "  - {source: V2G, target: 车网互动, source_variants: [vehicle-to-grid], status: approved}\n"
                             "  - {source: vehicle-to-grid, target: 车辆到电网, score: 0.5}\n")
    write("c.tsv", "The V2G pilot.\t车网互动试点。\n")
    validated = runner.invoke(app, ["validate", "g.yaml"])
    assert (validated.exit_code, validated.stderr) == (0, (
        'warning: g.yaml:4:51: variant "vehicle-to-grid" of "V2G" is also the source of the entry at line 5; keep it '
        "in one place (the entry at line 5 is a candidate: check and export read approved entries only, so this stops "
        "nothing, but approving it is refused until it is mended)\n"))
    assert runner.invoke(app, ["check", "g.yaml", "c.tsv"]).exit_code == 0
    approved = runner.invoke(app, ["approve", "g.yaml", "vehicle-to-grid"])
    assert approved.exit_code == 2
    assert "would leave the glossary with a problem check refuses: line 4: variant" in approved.stderr


def test_an_export_of_unreviewed_entries_names_the_mistakes_it_carries(runner, workdir):
    write("g.yaml", HEADER + CANDIDATE + "  - {source: grid, target: ' 电网', status: rejected}\n")
    candidates = runner.invoke(app, ["export", "g.yaml", "--to", "csv", "--status", "candidate"])
    assert candidates.exit_code == 0
    assert candidates.stderr.splitlines() == [f"warning: {WARNED.format(line=8)}; exported as it is"]
    assert "smart grid,智能电网,candidate" in candidates.stdout
    rejected = runner.invoke(app, ["export", "g.yaml", "--to", "csv", "--status", "rejected"])
    assert [line.split(": ")[1] for line in rejected.stderr.splitlines()] == ["g.yaml:9:28"]
    approved = runner.invoke(app, ["export", "g.yaml", "--to", "csv"])  # the default reads approved entries only
    assert "exported as it is" not in approved.stderr
