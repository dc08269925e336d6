"""`-o -`, `-o /dev/stdout` and `-o /dev/fd/N` write into the stream the shell set up, whatever it
is redirected to: what else goes to that file, before or after, stays; `>>` appends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = ("The Vehicle-to-Grid (V2G) pilot connects a material passport to smart grids.\n"
          "车网互动(V2G)试点把材料护照与智能电网连接起来。\n"
          "Smart grids need a material passport.\n"
          "智能电网需要材料护照。\n")
GLOSSARY = "glossary: 1\nterms:\n  - source: grid\n    target: 电网\n    status: approved\n"
GLOSSARY_CLI = f"'{sys.executable}' -m glossary_cli"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(CORPUS, encoding="utf-8")
    Path("ok.yaml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def shell(script: str) -> None:
    done = subprocess.run(["sh", "-c", script.replace("glossary ", GLOSSARY_CLI + " ")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("output", ["-", "/dev/stdout"])
def test_extract_to_stdout_lands_between_what_the_script_writes_around_it(workdir, output):
    shell(f"{{ echo '# corpus: article'; glossary extract article.txt -o {output} --no-cache --show 0; "
          "echo '# end'; } > out.yaml")

    lines = Path("out.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# corpus: article" and lines[-1] == "# end"
    assert "glossary: 1" in lines and "  - source: material passport" in lines


def test_extract_appended_to_a_log_leaves_the_log_alone(workdir):
    Path("runs.log").write_text(f"# yesterday's run\n{GLOSSARY}", encoding="utf-8")

    shell("glossary extract article.txt -o /dev/stdout --no-cache --show 0 >> runs.log")

    text = Path("runs.log").read_text(encoding="utf-8")
    assert text.startswith(f"# yesterday's run\n{GLOSSARY}glossary: 1\n")  # appended, not read and merged
    assert text.count("source: grid\n") == 1


def test_merge_to_dev_stdout_keeps_the_header_and_footer(workdir):
    shell("{ echo '# header'; glossary merge ok.yaml ok.yaml -o /dev/stdout; echo '# footer'; } > m.yaml")

    assert Path("m.yaml").read_text(encoding="utf-8") == f"# header\n{GLOSSARY}# footer\n"


@pytest.mark.parametrize("output", ["/dev/fd/3", "/proc/self/fd/3"])
def test_export_to_a_descriptor_the_shell_opened_writes_at_its_place_in_the_file(workdir, output):
    shell(f"{{ echo 'en,zh' >&3; glossary export ok.yaml --to csv -o {output}; echo 'end' >&3; }} 3> terms.txt")

    assert Path("terms.txt").read_text(encoding="utf-8") == "en,zh\nen,zh,status,note,forbidden\ngrid,电网,approved,,\nend\n"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_stream_that_cannot_encode_chinese_gets_escapes_not_a_traceback(workdir, encoding):
    """PYTHONIOENCODING=ascii, or a C locale without UTF-8 mode: the report is written, as escapes
    JSON reads back, with the exit code of its findings; it was a UnicodeEncodeError and exit 1."""
    import json
    import os

    Path("c.tsv").write_text("The grid is down.\t网格断了。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "glossary_cli", "check", "ok.yaml", "c.tsv", "--format", "json"],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": encoding})
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    (finding,) = json.loads(done.stdout)["findings"]
    assert finding["target"] == "网格断了。"


@pytest.mark.parametrize("stderr", ["2>&-", "2>/dev/full"])
def test_a_closed_or_full_stderr_changes_no_exit_code(workdir, stderr):
    """Messages are lost there, but an input error still exits 2, and findings 1: a failed write of
    the message had ended in a traceback nobody saw and exit 1, which CI reads as findings."""
    Path("c.tsv").write_text("The grid is down.\t网格断了。\n", encoding="utf-8")
    command = f"{GLOSSARY_CLI} check ok.yaml"
    missing = subprocess.run(["sh", "-c", f"{command} missing.tsv {stderr}"], capture_output=True)
    found = subprocess.run(["sh", "-c", f"{command} c.tsv {stderr}"], capture_output=True)
    assert (missing.returncode, found.returncode) == (2, 1)
    assert b"GL001" in found.stdout


def test_a_closed_stdin_read_as_dash_is_an_input_error_that_says_it_is_closed(workdir):
    done = subprocess.run(["sh", "-c", f"{GLOSSARY_CLI} check ok.yaml - <&-"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == ("error: <stdin>: standard input is closed (<&-), so - has nothing to read; pipe the pairs "
                           "in, or name the files\n")


def test_extract_from_a_closed_stdin_says_it_is_closed_and_writes_nothing(workdir):
    done = subprocess.run(["sh", "-c", f"{GLOSSARY_CLI} extract - -o new.yaml <&-"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == ("error: <stdin>: standard input is closed (<&-), so - has nothing to read; pipe the pairs "
                           "in, or name the files\n")
    assert not Path("new.yaml").exists()


def test_an_empty_argument_is_an_unset_variable_not_the_current_directory(workdir):
    """`check ok.yaml "$FILES"` with FILES unset read "" as `.`, and checked every PO file there."""
    done = subprocess.run(["sh", "-c", f'{GLOSSARY_CLI} check ok.yaml "$UNSET_IN_THIS_TEST"'], capture_output=True,
                          text=True)
    assert done.returncode == 2
    assert done.stderr == "error: argument 3 (after ok.yaml) is empty: an unset shell variable? (see: glossary --help)\n"
