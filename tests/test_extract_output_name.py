"""`extract -o` names the glossary: a corpus file there is a slip (corpus and -o swapped), said as
such, with the file untouched; before, an existing PO got advice about YAML quoting."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

PO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Smart grid"\nmsgstr "智能电网"\n'


@pytest.mark.parametrize("output", ["app.po", "memory.tmx", "terms.tbx", "g.json"])
def test_a_corpus_or_termbase_named_by_o_is_refused_untouched(runner, workdir, output):
    Path("corpus.tsv").write_text("Smart grids need storage.\t智能电网需要储能。\n", encoding="utf-8")
    Path(output).write_text(PO, encoding="utf-8")
    result = runner.invoke(app, ["extract", "corpus.tsv", "-o", output])
    assert result.exit_code == 2
    kind = "a termbase" if output.endswith(".tbx") else "a corpus"
    assert result.stderr == (f"error: -o {output}: a {Path(output).suffix} file is {kind}, not a glossary; the "
                             "glossary is a .yaml file (did you swap the corpus and -o?)\n")
    assert Path(output).read_text(encoding="utf-8") == PO
