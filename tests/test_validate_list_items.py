"""validate reads the English lists of an entry as check reads English (final probe, L6): two
forbidden wordings that differ only in case, on an entry whose case does not matter, are one
wording listed twice. And a problem with one item of a list points at that item, in a flow list
(`[a, b]`) as in a block list, not at the list."""

from __future__ import annotations

from glossary_cli.cli.common import app
from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.validate import validate_glossary
from tests.support import write_here as write


def problems_in(text: str) -> list[str]:
    glossary, problems = parse_glossary("terms:\n" + text, "g.yaml")
    assert problems == []
    return [str(problem) for problem in validate_glossary(glossary, "g.yaml")]


def test_wordings_differing_only_in_case_are_listed_twice_unless_the_case_matters():
    assert problems_in("  - source: green transition\n    target: 绿色转型\n    status: approved\n"
                       "    source_forbidden: [green transformation, Green Transformations]\n") == [
        'g.yaml:5:46: entry "green transition" lists source_forbidden "green transformation" and "Green '
        'Transformations", which check reads as the same; keep one']
    assert problems_in("  - source: smart grid\n    target: 智能电网\n    status: approved\n"
                       "    source_forbidden: [Smart-Grid, smart grids]\n") == [  # the term itself: said once each
        'g.yaml:5:24: entry "smart grid" forbids the English "Smart-Grid", which check reads as "smart grid", its own '
        "term; remove it from source_forbidden",
        'g.yaml:5:36: entry "smart grid" forbids the English "smart grids", which check reads as "smart grid", its '
        "own term; remove it from source_forbidden"]
    assert problems_in("  - source: API key\n    target: API 密钥\n    status: approved\n    case_sensitive: true\n"
                       "    source_forbidden: [api key, API Key]\n") == []


def test_a_problem_points_at_its_item_in_a_flow_list_and_in_a_block_list(runner, workdir):
    write("g.yaml", "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"
                    "    source_forbidden: [intelligent grid, smart-grid]\n"
                    "    forbidden:\n      - 智慧电网\n      - 智能电网\n")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        'error: g.yaml:6:42: entry "smart grid" forbids the English "smart-grid", which check reads as "smart grid", '
        "its own term; remove it from source_forbidden",
        'error: g.yaml:9:9: entry "smart grid" forbids "智能电网", which it also allows; remove it from target or from '
        "forbidden",
        "g.yaml: 2 problems"]
