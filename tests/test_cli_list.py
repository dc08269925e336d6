"""`glossary list`: a reviewer's view of a glossary, by status, score and text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
    score: 0.9
    count: 12
  - source: V2G
    target: [车网互动, 车辆到电网]
    score: 0.95
    count: 3
    note: ask the client
  - source: grid operator
    target: 电网运营商
    score: 0.4
    count: 30
  - source: power grid
    target: 电网
    status: rejected
    score: 0.7
    forbidden: [电力网格]
  - source: API key
    target: API 密钥
"""


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


def rows(result) -> list[list[str]]:
    return [line.split("\t") for line in result.stdout.splitlines()]


def test_on_a_pipe_every_entry_is_a_tab_separated_row_at_its_line_and_the_summary_goes_to_stderr(runner, workdir):
    result = run(runner, "list", "g.yaml")
    assert result.exit_code == 0, result.output
    assert rows(result) == [
        ["line", "source", "target", "status", "score", "count", "note"],
        ["4", "smart grid", "智能电网", "approved", "0.9", "12", ""],
        ["9", "V2G", "车网互动 / 车辆到电网", "candidate", "0.95", "3", "ask the client"],
        ["14", "grid operator", "电网运营商", "candidate", "0.4", "30", ""],
        ["18", "power grid", "电网", "rejected", "0.7", "", ""],
        ["23", "API key", "API 密钥", "candidate", "", "", ""],
    ]
    assert result.stderr == "5 entries (1 approved, 1 rejected, 3 candidates)\n"


def test_candidates_above_a_score_best_first_preview_a_bulk_approval(runner, workdir):
    result = run(runner, "list", "g.yaml", "--status", "candidate", "--min-score", "0.3", "--sort", "score")
    assert [row[1] for row in rows(result)[1:]] == ["V2G", "grid operator"]
    assert result.stderr == "2 of 5 entries (2 candidates)\n"


def test_an_entry_without_a_score_is_left_out_by_a_score_bound(runner, workdir):
    result = run(runner, "list", "g.yaml", "--max-score", "0.8")
    assert [row[1] for row in rows(result)[1:]] == ["grid operator", "power grid"]


def test_sort_by_count_and_top_say_how_many_are_shown(runner, workdir):
    result = run(runner, "list", "g.yaml", "--sort", "count", "--top", "2")
    assert [row[1] for row in rows(result)[1:]] == ["grid operator", "smart grid"]
    assert result.stderr == "5 entries (1 approved, 1 rejected, 3 candidates); the first 2 shown\n"


def test_sort_by_source_ignores_case(runner, workdir):
    result = run(runner, "list", "g.yaml", "--sort", "source")
    assert [row[1] for row in rows(result)[1:]] == ["API key", "grid operator", "power grid", "smart grid", "V2G"]


@pytest.mark.parametrize(("text", "sources"), [
    ("电网", ["smart grid", "V2G", "grid operator", "power grid"]),  # in targets (车辆到电网 too)
    ("电力网格", ["power grid"]),  # a forbidden rendering
    ("ＡＰＩ", ["API key"]),  # full-width letters, as pasted from a Chinese document
    ("v2g", ["V2G"]),  # case aside
    ("車網", ["V2G"]),  # Traditional characters, as check reads them
    ("grid operators", ["grid operator"]),  # the plural, as approve and check read terms
    ("GridOperator", ["grid operator"]),  # spaces and hyphens aside: open, hyphenated or closed
    ("api-key", ["API key"]),
    ("operator", ["grid operator"]),  # a Latin search at the start of a word: `or` finds no `operator`
    ("rid", []),
])
def test_match_finds_the_text_in_sources_targets_and_forbidden_renderings(runner, workdir, text, sources):
    result = run(runner, "list", "g.yaml", "--match", text)
    assert result.exit_code == 0, result.output
    assert [row[1] for row in rows(result)[1:]] == sources


def test_match_repeated_finds_entries_with_any_of_the_texts(runner, workdir):
    result = run(runner, "list", "g.yaml", "--match", "V2G", "--match", "API")
    assert [row[1] for row in rows(result)[1:]] == ["V2G", "API key"]


def test_count_prints_only_the_counts(runner, workdir):
    result = run(runner, "list", "g.yaml", "--count", "--match", "grid", "--top", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout == "3 of 5 entries (1 approved, 1 rejected, 1 candidate)\n"


def test_settings_can_be_undone_on_the_command_line(runner, workdir):
    Path("glossary.toml").write_text('[list]\ncount = true\nstatus = ["candidate"]\n', encoding="utf-8")
    result = run(runner, "list", "g.yaml", "--no-count", "--status", "all")
    assert result.exit_code == 0, result.output
    assert len(rows(result)) == 6


def test_nothing_matching_is_said_and_is_no_error(runner, workdir):
    result = run(runner, "list", "g.yaml", "--match", "blockchain")
    assert result.exit_code == 0
    assert rows(result) == [["line", "source", "target", "status", "score", "count", "note"]]
    assert result.stderr == "0 of 5 entries\n"


def test_json_lists_the_entries_with_their_lines_and_the_counts(runner, workdir):
    result = run(runner, "list", "g.yaml", "--format", "json", "--status", "rejected")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "glossary-list/1"
    assert document["provenance"]["glossary"] == "g.yaml"
    assert document["provenance"]["options"]["status"] == ["rejected"]
    assert document["summary"] == {"total": 5, "matching": 1, "shown": 1,
                                   "by_status": {"candidate": 0, "approved": 0, "rejected": 1}}
    assert document["entries"] == [{"glossary": "g.yaml", "line": 18, "source": "power grid", "target": ["电网"], "status": "rejected",
                                    "score": 0.7, "count": None, "note": None, "forbidden": ["电力网格"],
                                    "source_variants": [], "source_forbidden": [], "keep_source": False, "case_sensitive": None,
                                    "alternatives": [], "other": {}}]


ODD = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: "smart\\tgrid"
    target: 智能电网
    status: approved
    note: "ask\\tthe client\\nfirst"
  - source: '"Save as'
    target: 另存为
    status: approved
  - source: GitHub
    status: approved
    keep_source: true
    paths: [docs/**]
  - source: tract infection
    status: rejected
"""


def test_a_tab_line_break_or_quote_in_a_term_never_breaks_a_row(runner, workdir):
    import csv
    import io

    Path("odd.yaml").write_text(ODD, encoding="utf-8")
    result = run(runner, "list", "odd.yaml")
    assert result.exit_code == 0, result.output
    read = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert [len(row) for row in read] == [7] * 5
    assert read[1][1:3] == ["smart␉grid", "智能电网"] and read[1][6] == "ask␉the client↵first"
    assert read[2][1:3] == ['"Save as', "另存为"]  # quoted as spreadsheets read TSV


def test_entries_without_renderings_say_why(runner, workdir):
    Path("odd.yaml").write_text(ODD, encoding="utf-8")
    assert [row[1:4] for row in rows(run(runner, "list", "odd.yaml", "--match", "GitHub", "--match", "tract"))[1:]] == [
        ["GitHub", "(kept as written)", "approved"], ["tract infection", "(every rendering)", "rejected"]]
    entry = json.loads(run(runner, "list", "odd.yaml", "--match", "GitHub", "--format", "json").stdout)["entries"][0]
    assert (entry["keep_source"], entry["other"]) == (True, {"paths": ["docs/**"]})


@pytest.mark.parametrize("text", ["", "# only a comment\n", "glossary: 1\nlanguages: {source: en, target: zh}\n"])
def test_a_file_with_no_terms_list_is_refused_as_validate_refuses_it(runner, workdir, text):
    Path("empty.yaml").write_text(text, encoding="utf-8")
    result = run(runner, "list", "empty.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: empty.yaml:1:1: ")


def test_a_misspelt_key_is_warned_about(runner, workdir):
    Path("typo.yaml").write_text(GLOSSARY.replace("    forbidden: [电力网格]", "    forbiden: [电力网格]"), encoding="utf-8")
    result = run(runner, "list", "typo.yaml", "--count")
    assert result.exit_code == 0
    assert result.stderr == ("warning: typo.yaml:22:5: unknown key 'forbiden'; did you mean 'forbidden'? "
                             "(a key of your own, not a typo, is written 'x-forbiden')\n")


def test_a_score_range_that_nothing_can_match_is_a_usage_error(runner, workdir):
    result = run(runner, "list", "g.yaml", "--min-score", "0.9", "--max-score", "0.5")
    assert result.exit_code == 2
    assert result.stderr == "error: --min-score 0.9 is above --max-score 0.5: no entry can match\n"


def test_a_broken_glossary_is_named_at_its_line(runner, workdir):
    Path("bad.yaml").write_text("glossary: 1\nterms:\n  - source: x\n    status: aproved\n", encoding="utf-8")
    result = run(runner, "list", "bad.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: bad.yaml:4:")
    assert "Traceback" not in result.output


def test_a_yaml_file_that_is_no_glossary_is_refused_not_listed_as_empty(runner, workdir):
    Path("docker-compose.yaml").write_text("services:\n  web:\n    image: nginx\n", encoding="utf-8")
    result = run(runner, "list", "docker-compose.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: docker-compose.yaml:1:1: not a glossary: its top-level key is `services:`")


def test_scores_are_shown_as_written_not_rounded(runner, workdir):
    Path("s.yaml").write_text(GLOSSARY.replace("score: 0.4\n", "score: 0.599999\n").replace("score: 0.7\n",
                                                                                            "score: 0.00001\n"),
                              encoding="utf-8")
    assert [row[4] for row in rows(run(runner, "list", "s.yaml"))[1:]] == ["0.9", "0.95", "0.599999", "0.00001", ""]


def test_a_match_of_only_spaces_is_refused_not_taken_as_everything(runner, workdir):
    result = run(runner, "list", "g.yaml", "--match", "   ")
    assert (result.exit_code, result.stderr) == (2, "error: --match '   ' holds no text to look for\n")


def test_several_glossaries_are_searched_as_one_and_each_row_names_its_file(runner, workdir):
    """A team keeps glossaries/*.yaml; `list glossaries/*.yaml --match 电网` was refused (one file only)."""
    Path("energy.yaml").write_text("glossary: 1\nterms:\n  - {source: grid, target: 电网, status: approved, "
                                   "score: 0.8}\n  - {source: heat pump, target: 热泵, status: approved}\n",
                                   encoding="utf-8")
    result = run(runner, "list", "g.yaml", "energy.yaml", "--match", "电网", "--sort", "score")
    assert result.exit_code == 0, result.output
    assert rows(result) == [
        ["glossary", "line", "source", "target", "status", "score", "count", "note"],
        ["g.yaml", "9", "V2G", "车网互动 / 车辆到电网", "candidate", "0.95", "3", "ask the client"],
        ["g.yaml", "4", "smart grid", "智能电网", "approved", "0.9", "12", ""],
        ["energy.yaml", "3", "grid", "电网", "approved", "0.8", "", ""],
        ["g.yaml", "18", "power grid", "电网", "rejected", "0.7", "", ""],
        ["g.yaml", "14", "grid operator", "电网运营商", "candidate", "0.4", "30", ""]]
    assert result.stderr == "5 of 7 entries in 2 glossaries (2 approved, 1 rejected, 2 candidates)\n"
    document = json.loads(run(runner, "list", "g.yaml", "energy.yaml", "--format", "json", "--top", "1",
                              "--match", "heat").stdout)
    assert document["provenance"]["glossaries"] == ["g.yaml", "energy.yaml"]
    assert [(entry["glossary"], entry["source"]) for entry in document["entries"]] == [("energy.yaml", "heat pump")]


def test_a_glossary_named_twice_is_listed_once(runner, workdir):
    result = run(runner, "list", "g.yaml", "./g.yaml", str(Path("g.yaml").resolve()), "--count")
    assert result.stdout == "5 entries (1 approved, 1 rejected, 3 candidates)\n"
