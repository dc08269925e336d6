"""A write goes through a symbolic link only to a file of the kind written: a committed
`.glossary-baseline.json -> ~/.bashrc` had --write-baseline replace ~/.bashrc, and a link to a file
of comments had extract rewrite it as a glossary. A glossary or baseline kept in a shared folder and
linked into a project is still written through its link, as editors write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary_cli.cli.common import app
from tests.support import SMART_GRID_APPROVED, SMART_GRID_PO

GLOSSARY, PO = SMART_GRID_APPROVED, SMART_GRID_PO

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="POSIX only")


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A repository with a translation, beside a folder outside it."""
    monkeypatch.chdir(tmp_path)
    Path("outside").mkdir()
    Path("repo/docs/zh").mkdir(parents=True)
    os.chdir("repo")
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("docs/zh/app.po").write_text(PO, encoding="utf-8")
    return tmp_path


def test_write_baseline_goes_through_a_link_only_to_a_baseline(runner, checkout):
    Path("../outside/bashrc").write_text("# my bashrc\nexport PATH=$HOME/bin:$PATH\n", encoding="utf-8")
    os.symlink("../outside/bashrc", ".glossary-baseline.json")
    Path("../outside/shared.json").write_text('{"glossary_baseline": 1, "findings": []}\n', encoding="utf-8")
    os.symlink("../outside/shared.json", "known.json")

    refused = runner.invoke(app, ["check", "g.yaml", "docs/zh", "--write-baseline", ".glossary-baseline.json"])
    written = runner.invoke(app, ["check", "g.yaml", "docs/zh", "--write-baseline", "known.json"])

    assert refused.exit_code == 2
    target = os.path.realpath("../outside/bashrc")
    assert refused.stderr == (f"error: .glossary-baseline.json: is a symbolic link to {target}, which holds no "
                              "glossary baseline; nothing written: a link is written through only to a glossary "
                              "baseline (name that file itself to replace it)\n")
    assert Path("../outside/bashrc").read_text(encoding="utf-8") == "# my bashrc\nexport PATH=$HOME/bin:$PATH\n"
    assert (written.exit_code, written.stderr) == (0, "wrote 0 findings to known.json\n")
    assert os.readlink("known.json") == "../outside/shared.json"
    assert '"tool": "glossary-cli' in Path("../outside/shared.json").read_text(encoding="utf-8")


def test_a_link_to_nothing_creates_no_file_where_it_points(runner, checkout):
    os.symlink("../outside/autostart.json", "known.json")

    result = runner.invoke(app, ["check", "g.yaml", "docs/zh", "--write-baseline", "known.json"])

    assert result.exit_code == 2
    assert result.stderr == (f"error: known.json: is a symbolic link to {os.path.realpath('../outside')}"
                             "/autostart.json, which does not exist; nothing written: a link is written through "
                             "only to a file already there (name that file itself to write it)\n")
    assert not os.path.lexists("../outside/autostart.json")


def test_extract_goes_through_a_link_only_to_a_glossary(runner, checkout):
    """A file of comments alone reads as an empty glossary, but behind a link it is no glossary."""
    Path("../outside/profile").write_text("# my profile\n", encoding="utf-8")
    os.symlink("../outside/profile", "terms.yaml")
    Path("../outside/energy.yaml").write_text(GLOSSARY, encoding="utf-8")
    os.symlink("../outside/energy.yaml", "energy.yaml")
    Path("c.tsv").write_text("The smart grid.\t智能电网。\n", encoding="utf-8")

    refused = runner.invoke(app, ["extract", "c.tsv", "-o", "terms.yaml", "--no-cache", "--show", "0"])
    written = runner.invoke(app, ["extract", "c.tsv", "-o", "energy.yaml", "--no-cache", "--show", "0"])

    assert refused.exit_code == 2
    assert refused.stderr.endswith(", which holds no glossary; nothing written: a link is written through only to a "
                                   "glossary (name that file itself to replace it)\n")
    assert Path("../outside/profile").read_text(encoding="utf-8") == "# my profile\n"
    assert written.exit_code == 0, written.output
    assert os.readlink("energy.yaml") == "../outside/energy.yaml"
    assert "generated:" in Path("../outside/energy.yaml").read_text(encoding="utf-8")


def test_extract_refuses_such_a_link_before_it_reads_the_corpus(runner, checkout):
    """An extraction of hours ended in the refusal; the link is named first now."""
    Path("../outside/profile").write_text("# my profile\n", encoding="utf-8")
    os.symlink("../outside/profile", "terms.yaml")

    refused = runner.invoke(app, ["extract", "not-written-yet.tsv", "-o", "terms.yaml", "--no-cache"])

    assert refused.exit_code == 2
    assert refused.stderr.startswith("error: terms.yaml: is a symbolic link to ")
    assert "not-written-yet.tsv" not in refused.stderr
