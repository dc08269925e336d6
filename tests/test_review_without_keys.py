"""review run where no keys can come (standard input closed, `<&-`, or empty, as in a CI step)
drew the first card and exited 0 saying the file was unchanged, so a CI step that ran it by
mistake passed (API probe, L7). It now refuses at once, exit 2, with one line saying why; and
`check g.yaml -` with standard input closed says it is closed, not that "<stdin>" is an empty file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from glossary_cli.cli.common import app

GLOSSARY = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    score: 0.7\n"
GLOSSARY_CLI = f"'{sys.executable}' -m glossary_cli"


def test_review_with_standard_input_closed_is_refused(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    done = subprocess.run(["sh", "-c", f"{GLOSSARY_CLI} review g.yaml <&-"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == ("error: standard input is closed (<&-), so review has no keys to read: run it on a "
                           "terminal, or pipe the keys in (printf 'aas' | glossary review g.yaml); nothing decided\n")
    assert Path("g.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_review_with_empty_standard_input_is_refused_and_piped_keys_still_work(runner, workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    refused = runner.invoke(app, ["review", "g.yaml"], input="")
    assert refused.exit_code == 2
    assert refused.stdout == ""
    assert refused.stderr == ("error: standard input is empty, so review has no keys to read: run it on a terminal, "
                              "or pipe the keys in (printf 'aas' | glossary review g.yaml); nothing decided\n")
    approved = runner.invoke(app, ["review", "g.yaml"], input="\na")
    assert approved.exit_code == 0
    assert "status: approved" in Path("g.yaml").read_text(encoding="utf-8")
