"""A glossary is shared through git, and teammates check it out on Windows: a file name Windows
cannot hold (`CON.yaml`, from `extract CON.tsv`) is still written, with a warning saying why,
before git spreads it to a clone that then cannot be checked out."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from glossary_cli.portable_names import unportable

PAIR = "Smart grids need storage.\t智能电网需要储能。\n"


def test_extract_warns_that_the_glossary_named_after_con_cannot_be_checked_out_on_windows(runner, workdir):
    Path("CON.tsv").write_text(PAIR, encoding="utf-8")
    result = runner.invoke(app, ["extract", "CON.tsv"])
    assert result.exit_code == 0
    assert Path("glossaries/CON.yaml").exists()
    assert ("warning: glossaries/CON.yaml: CON is a device name on Windows, where no file may be called CON.yaml, "
            "so git for Windows cannot check it out; name the glossary with -o") in result.stderr


def test_an_output_option_with_a_windows_reserved_name_is_written_with_a_warning(runner, workdir):
    Path("corpus.tsv").write_text(PAIR, encoding="utf-8")
    result = runner.invoke(app, ["extract", "corpus.tsv", "-o", "terms/aux.yaml"])
    assert result.exit_code == 0
    assert Path("terms/aux.yaml").exists()
    assert "warning: terms/aux.yaml: aux is a device name on Windows" in result.stderr
    assert "choose another name" in result.stderr


def test_ordinary_names_draw_no_warning(runner, workdir):
    Path("console.tsv").write_text(PAIR, encoding="utf-8")
    result = runner.invoke(app, ["extract", "console.tsv"])
    assert result.exit_code == 0
    assert "warning" not in result.stderr


@pytest.mark.parametrize("name, reason", [
    ("nul.tar.yaml", "nul is a device name on Windows"),
    ("COM1.yaml", "COM1 is a device name on Windows"),
    ("lpt¹.yaml", "lpt¹ is a device name on Windows"),
    ("terms?.yaml", "Windows allows no ? in a file name"),
    ("a:b.yaml", "Windows allows no : in a file name"),
    ("terms.yaml.", "Windows drops a trailing dot or space from a file name"),
])
def test_names_windows_refuses_are_told_with_the_reason(name, reason):
    assert reason in unportable(Path(name))


@pytest.mark.parametrize("name", ["console.yaml", "com10.yaml", "connection.yaml", "null.yaml", "glossary.yaml", "术语.yaml"])
def test_names_windows_accepts_pass(name):
    assert unportable(Path(name)) is None


def test_evidence_names_a_decomposed_file_name_composed_as_git_on_linux_checks_it_out(runner, workdir):
    # macOS (HFS+) hands out `résumé.tsv` decomposed: e and U+0301
    decomposed = "re\u0301sume\u0301.tsv"
    Path(".git").mkdir()
    Path(decomposed).write_text(PAIR, encoding="utf-8")
    result = runner.invoke(app, ["extract", decomposed, "-o", "glossary.yaml"])
    assert result.exit_code == 0
    text = Path("glossary.yaml").read_text(encoding="utf-8")
    assert "where: 'r\u00e9sum\u00e9.tsv:1'" in text
    assert "\u0301" not in text
