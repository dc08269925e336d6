"""A message quoting text from a pull request (a file name, a resource key, a CSV header, a
glossary term) stays one line, and its escapes are shown, never obeyed: a line break in it cannot
start a line the GitHub runner reads as a workflow command (`::warning file=…::`), and an escape
sequence cannot retitle or clear the terminal. Controls are shown as the check report shows them
(␛ for ESC, ↵ for a line break, <U+202E> for a bidi override)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from glossary_cli.cli import common
from glossary_cli.cli.common import app
from glossary_cli.safe_text import one_line
from tests.support import SMART_GRID_APPROVED

ESC = "\x1b"
TITLE = "\x1b]0;PWNED\x07"  # sets the terminal's title
CLEAR = "\x1b[2J"


def no_line_is_a_command(text: str) -> bool:
    return not any(line.lstrip().startswith("::") for line in text.splitlines())


def test_one_line_shows_controls_as_symbols_and_keeps_chinese():
    assert one_line(f"智能电网\n::warning::x{TITLE}{CLEAR}") == "智能电网↵::warning::x␛]0;PWNED␇␛[2J"
    assert one_line("a\r\nb\u202ec\x9bd\x7f") == "a↵↵b<U+202E>c\ufffdd\u2421"
    assert one_line("电网 😀 Zürich\tgrid") == "电网 😀 Zürich\tgrid"


def test_a_resource_key_with_a_line_break_stays_inside_its_warning(runner, workdir):
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("en.json").write_text(json.dumps({"a": "The smart grid.",
                                           f"only\n::warning file=README.md::INJECTED\n{TITLE}": "x"}),
                               encoding="utf-8")
    Path("zh.json").write_text(json.dumps({"a": "智能电网。"}), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "en.json", "--target", "zh.json", "--format", "github"])
    assert result.exit_code == 0
    assert result.stderr == (
        'warning: en.json:1: 1 key(s) with no translation in zh.json skipped (first one here: '
        '"only↵::warning file=README.md::INJECTED↵␛]0;PWNED␇")\n'
        'No findings in 1 pair, 1 approved term.\n')


def test_a_file_name_with_a_line_break_stays_inside_its_warning(runner, workdir):
    Path("docs").mkdir()
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("docs", "de\n::warning file=README.md::INJECTED\n.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        'msgid "The smart grid."\nmsgstr "Das intelligente Netz."\n', encoding="utf-8")
    Path("docs", "zh.po").write_text('msgid "The smart grid."\nmsgstr "智能电网。"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "docs", "--format", "github"])
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: docs/de↵::warning file=README.md::INJECTED↵.po:4: skipped: ")
    assert len(result.stderr.splitlines()) == 2 and no_line_is_a_command(result.stderr)  # the warning, the summary


def test_a_glossary_term_with_escapes_is_shown_in_the_error_not_obeyed(runner, workdir):
    Path("g.yaml").write_text('glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n'
                              '  - source: " grid\\n::warning file=README.md::INJECTED\\e]0;PWNED\\a\\e[2J"\n'
                              '    target: 电网\n    status: approved\n', encoding="utf-8")
    Path("c.tsv").write_text("The grid.\t电网。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--format", "github"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        'error: g.yaml:4:13: source " grid↵::warning file=README.md::INJECTED␛]0;PWNED␇␛[2J" has leading or '
        "trailing spaces; remove them")
    assert ESC not in result.stderr and no_line_is_a_command(result.stderr)


def test_a_csv_header_with_a_line_break_stays_inside_its_warning(runner, workdir):
    Path("t.csv").write_text(f'en,zh,status,"Rem\n::warning::INJECTED{CLEAR}"\nsmart grid,智能电网,approved,x\n',
                             encoding="utf-8")
    result = runner.invoke(app, ["import", "t.csv", "-o", "g.yaml"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        'warning: t.csv: 1 column not imported: "Rem↵::warning::INJECTED␛[2J"; to keep it, name it note, a field '
        "such as definition, or x-NAME for a field of your own")
    assert ESC not in result.stderr and no_line_is_a_command(result.stderr)


@pytest.mark.parametrize("say", [common.warn, common._error_line])
def test_on_a_terminal_a_message_drives_nothing_either(monkeypatch, say):
    screen = io.StringIO()
    monkeypatch.setattr(common, "stderr_console", lambda: Console(file=screen, force_terminal=True, width=200))
    say(f'unknown keyword "{TITLE}{CLEAR}[red]kw[/]"')
    shown = screen.getvalue()
    assert 'unknown keyword "␛]0;PWNED␇␛[2J[red]kw[/]"' in shown  # rich's own colour codes aside
    assert TITLE not in shown and CLEAR not in shown and shown.count("\n") == 1


def test_a_baseline_record_naming_a_file_with_a_line_break_stays_inside_the_refresh_line(runner, workdir):
    """The file names a baseline records come from the repository too: a dropped one is named on the line."""
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("c.tsv").write_text("The smart grid works.\t聪明电网工作。\n", encoding="utf-8")
    assert runner.invoke(app, ["check", "g.yaml", "c.tsv", "--write-baseline", "b.json"]).exit_code == 0
    baseline = json.loads(Path("b.json").read_text("utf-8"))
    baseline["findings"].append({**baseline["findings"][0], "path": "gone\n::warning file=README.md::INJECTED.tsv"})
    Path("b.json").write_text(json.dumps(baseline), encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "c.tsv", "--baseline", "b.json", "--write-baseline", "b.json"])
    assert result.exit_code == 0
    assert result.stderr == ("wrote 1 finding to b.json; dropped 1 record of a file that no longer exists: "
                             "gone↵::warning file=README.md::INJECTED.tsv\n")
