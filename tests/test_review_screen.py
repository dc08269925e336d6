"""What `glossary review` shows: which keys approve, the alternatives there are, the help, and
evidence that wraps under its place at any width."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from glossary_cli.cli.common import app

TEXT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: SARS-CoV-2
    target: SARS-CoV-2
    status: candidate
    score: 0.99
    evidence:
      - {where: '/home/reviewer/projects/tico-19/data/test/corpus.tsv:4', source: '… severe acute respiratory syndrome coronavirus 2 (SARS-CoV-2).', target: '…(Severe Acute Respiratory Syndrome Coronavirus 2, SARS-CoV-2)。此后，由 SARS-CoV-2 感染引起的疾病被命名为冠状病毒疾病 (COVID-19)。'}
    alternatives:
      - {target: 严重急性呼吸综合征冠状病毒2型, score: 0.4}
      - {target: 新冠病毒, score: 0.3}
  - source: vaccine
    target: 疫苗
    status: candidate
    score: 0.9
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def test_the_keys_say_that_e_and_the_numbers_approve_and_offer_numbers_only_where_there_are_alternatives(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="s")
    first, second = result.stdout.split("skipped; it comes back after the others")
    legend = lambda screen: " · ".join(line.strip("│ ") for line in screen.splitlines() if " · " in line)  # noqa: E731
    assert "a approve · e edit & approve · 1-2 approve alternative · r reject · x reject term · n note · s skip · u undo · q quit" in legend(first)
    assert "a approve · e edit & approve · r reject · x reject term · n note · s skip · u undo · q quit" in legend(second)  # vaccine lists none
    assert "[a/r/x/e/1-2/n/s/u/q/?]" in first and "[a/r/x/e/n/s/u/q/?]" in second  # the prompt offers the same keys


def test_help_says_what_each_key_does_esc_included(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="?")
    help_ = " ".join(result.stdout.split("[a/r/x/e/1-2/n/s/u/q/?] ?\n")[1].split())  # as read, wrapped or not
    assert help_.startswith(
        "a approve the target as shown "
        "e type the target, A / B for several: Enter approves it, Tab fills in the current one to change, an empty "
        "line cancels "
        "1-9 approve that alternative (an entry that lists some) as the target; the old one becomes an alternative "
        "r reject the target: extract never proposes this pair again, but may the term rightly rendered "
        "x reject the term in every rendering (a span that is no term): extract never proposes it again "
        "n write a note on the entry (a question, a source to check) and stay on it; Tab fills in the current "
        "note, an empty line removes it "
        "s skip: it comes back after the others; skipped again, it stays a candidate for next time "
        "u undo the last key (a decision or a skip) "
        "q quit, as Esc does; every decision is saved already "
        "? this help ")


def test_an_unknown_key_is_answered_with_the_keys_in_one_line(runner, path):
    result = runner.invoke(app, ["review", str(path)], input="A")  # caps lock
    assert ("  no key 'A'; the keys are: a approve · e edit & approve · 1-2 approve alternative · r reject · "
            "x reject term · n note · s skip · u undo · q quit · ? help\n") in result.stdout


@pytest.mark.parametrize("width", [80, 60, 40])
def test_evidence_wraps_under_its_place_and_the_keys_stay_whole(runner, path, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    result = runner.invoke(app, ["review", str(path)], input="q")
    panel = [line for line in result.stdout.splitlines() if line[:1] in "╭│╰"]
    assert all(cell_len(line) == width for line in panel)
    inside = [line[2:-2].rstrip() for line in panel[1:-1]]
    chinese = next(line for line in inside if "此后" in line or "(Severe" in line)
    assert chinese.startswith("  …(Severe")  # two spaces in, not the width of the file's path
    assert not any(line.rstrip().endswith(("(Sever", "Respir", "Syndro")) for line in inside)  # words stay whole
    assert not any(line.lstrip().startswith(("，", "。")) for line in inside)  # no line opens with a comma
    last_blank = len(inside) - 1 - inside[::-1].index("")
    keys = " · ".join(line.strip() for line in inside[last_blank + 1:])  # the lines after the last blank one
    assert keys.endswith("a approve · e edit & approve · 1-2 approve alternative · r reject · x reject term · n note · s skip · u undo · "
                         "q quit · ? help")
