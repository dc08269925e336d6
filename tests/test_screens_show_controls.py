"""The screens that show corpus and glossary text (extract's table of best pairs, review's
candidate, approve's list, eval's misses) show its escapes as symbols: an ESC in a term cannot
conceal a word (SGR 8), make the target a link (OSC 8) or clear the screen while a person decides."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

from rich.console import Console

from glossary_cli.cli import extract_view
from glossary_cli.cli.common import app

ESC = "\x1b"
LINK = "\x1b]8;;http://evil.example\x1b\\"  # OSC 8: what follows is a link


def test_the_extract_summary_on_a_pipe_shows_escapes_as_symbols(runner, tmp_path):
    """A re-run shows the glossary's entry for a decided term: its escapes are shown, not obeyed."""
    corpus = tmp_path / "c.tsv"
    corpus.write_text("An outbreak of flu.\t流感爆发。\nThe outbreak spread.\t疫情爆发并蔓延。\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text("glossary: 1\nterms:\n  - source: outbreak\n"
                                     '    target: "暴\\e]8;;http://evil.example\\e\\\\发"\n'
                                     "    status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "g.yaml"), "--no-cache"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stderr.splitlines() if "\t" in line]
    outbreak = next(row for row in rows if row[0] == "outbreak")
    assert (outbreak[1], outbreak[-1]) == ("暴␛]8;;http://evil.example␛\\发", "approved")
    assert ESC not in result.stderr


def test_the_extract_table_on_a_terminal_shows_escapes_and_markup_as_written(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(extract_view, "draws", lambda console: True)
    screen = io.StringIO()
    pair = SimpleNamespace(source=f"smart {ESC}[8mhidden{ESC}[28m grid", targets=[f"智能{LINK}电网{LINK}"],
                           score=0.9, count=3, signals=["[link=http://evil.example]lexicon[/link]"])
    extract_view.summary_table(Console(file=screen, force_terminal=True, width=200), SimpleNamespace(pairs=[pair]), 5)
    shown = screen.getvalue()
    assert "smart ␛[8mhidden␛[28m grid" in shown and "智能␛]8;;http://evil.example␛\\电网" in shown
    assert "[link=http://evil.example]lexicon[/link]" in shown
    assert f"{ESC}[8m" not in shown and f"{ESC}]8;;" not in shown  # rich's own colour codes aside


HOSTILE_CANDIDATE = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: "smart \\e[8mhidden\\e[28m grid"
    target: "智能\\e]8;;http://evil.example\\e\\\\电网\\e]8;;\\e\\\\"
    status: candidate
    score: 0.9
    note: "\\e[2J\\e[Hnote \\e]0;PWNED\\a"
    evidence:
      - {where: c.tsv:1, source: "The \\e]8;;http://evil.example\\e\\\\smart \\e[8mhidden\\e[28m grid\\e]8;;\\e\\\\.", target: "智能\\e[2J电网。"}
    alternatives:
      - {target: "\\e[31malt", score: 0.2}
"""


def test_review_shows_every_escape_in_a_candidate_so_no_word_is_hidden(runner, workdir):
    Path("g.yaml").write_text(HOSTILE_CANDIDATE, encoding="utf-8")
    result = runner.invoke(app, ["review", "g.yaml"], input="a")
    assert ESC not in result.stdout
    screen = result.stdout
    assert "smart ␛[8mhidden␛[28m grid  →  智能␛]8;;http://evil.example␛\\电网␛]8;;␛\\" in screen
    assert "note: ␛[2J␛[Hnote ␛]0;PWNED␇" in screen
    assert "1  ␛[31malt  (0.20)" in screen
    assert "The ␛]8;;http://evil.example␛\\smart ␛[8mhidden␛[28m grid␛]8;;␛\\." in screen
    assert "智能␛[2J电网。" in screen
    assert "approved smart ␛[8mhidden␛[28m grid → 智能␛]8;;http://evil.example␛\\电网␛]8;;␛\\" in screen


def test_approve_all_names_a_held_back_candidate_on_one_line(runner, workdir):
    Path("g.yaml").write_text(HOSTILE_CANDIDATE, encoding="utf-8")
    result = runner.invoke(app, ["approve", "g.yaml", "--approve-all"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        "  smart ␛[8mhidden␛[28m grid → 智能␛]8;;http://evil.example␛\\电网␛]8;;␛\\ (line 4): "
        'a note, "␛[2J␛[Hnote ␛]0;PWNED␇"')
    assert ESC not in result.stderr


HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


def test_eval_shows_a_proposal_with_an_escape_as_written(runner, workdir):
    Path("found.yaml").write_text(HEADER + '  - source: V2G\n    target: "车\\e[8m辆"\n    score: 0.8\n',
                                  encoding="utf-8")
    Path("gold.tsv").write_text("V2G\t车网互动\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "found.yaml", "gold.tsv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "wrong_target\tV2G\t车网互动\t车␛[8m辆\t1\t"
    assert ESC not in result.stdout
