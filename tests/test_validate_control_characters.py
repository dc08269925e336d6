"""`validate` refuses a control character (a line break, an escape) in a term, at the entry's
line: no editor shows one, and a term is one line of plain text. A tab, emoji and a note over
several lines are fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

HEADER = "glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"


@pytest.mark.parametrize(("entry", "message"), [
    ('  - source: smart grid\n    target: "智能电网\\n::error::INJECTED"\n    status: approved\n',
     "g.yaml:5:13: target '智能电网\\n::error::INJECTED' holds a line break (U+000A); a term is one line of plain "
     "text: delete it"),
    ('  - source: "smart \\e[8mhidden\\e[28m grid"\n    target: 智能电网\n',
     "g.yaml:4:13: source 'smart \\x1b[8mhidden\\x1b[28m grid' holds an escape (U+001B); a term is one line of "
     "plain text: delete it"),
    ('  - source: smart grid\n    target: 智能电网\n    forbidden: ["聪明\\x9b电网"]\n',
     "g.yaml:6:17: forbidden '聪明\\x9b电网' holds a control character (U+009B); a term is one line of plain "
     "text: delete it"),
    ('  - source: smart grid\n    target: 智能电网\n    source_variants: ["intelligent\\rgrid"]\n',
     "g.yaml:6:23: source_variants 'intelligent\\rgrid' holds a carriage return (U+000D); a term is one line of plain "
     "text: delete it"),
])
def test_validate_refuses_a_control_character_in_a_term_at_its_line(runner, workdir, entry, message):
    Path("g.yaml").write_text(HEADER + entry, encoding="utf-8")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {message}\ng.yaml: 1 problem\n"


def test_validate_refuses_an_escape_but_takes_a_tab_emoji_and_a_note_over_lines(runner, workdir):
    Path("g.yaml").write_text(HEADER + '  - source: "smart\\tgrid"\n    target: "智能\\t电网 😀"\n'
                                       '    note: "line one\\nline two"\n'
                                       '  - source: grid\n    target: "电\\e[8m网"\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert (result.exit_code, result.stderr) == (
        2, "error: g.yaml:8:13: target '电\\x1b[8m网' holds an escape (U+001B); a term is one line of plain text: "
           "delete it\ng.yaml: 1 problem\n")
