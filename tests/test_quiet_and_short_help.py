"""`-q` silences warnings, never errors, findings or reports, before or after the command; `-h`
is `--help` everywhere, as in ruff and pytest."""

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
"""

# one translated entry that breaks the glossary, and one untranslated entry: a warning
PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: zh_CN\\n"

msgid "The smart grid"
msgstr "电网"

msgid "An untranslated line"
msgstr ""
"""

SUMMARY = "1 finding (GL001 1) in 1 pair, 1 approved term; 1 at or above error."


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "zh.po").write_text(PO, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("arguments", [
    ["-q", "check", "g.yaml", "zh.po"],
    ["--quiet", "check", "g.yaml", "zh.po"],
    ["check", "-q", "g.yaml", "zh.po"],
    ["check", "g.yaml", "zh.po", "--quiet"],
])
def test_q_silences_warnings_but_not_the_findings_nor_the_summary(workdir, runner, arguments):
    result = runner.invoke(app, arguments)
    assert (result.exit_code, result.stderr) == (1, "")
    assert "zh.po:7:9  error GL001" in result.stdout and result.stdout.endswith(SUMMARY + "\n")


def test_q_keeps_the_summary_of_a_machine_report(workdir, runner):
    loud = runner.invoke(app, ["check", "g.yaml", "zh.po", "--format", "github"])
    assert loud.stderr == "warning: zh.po:9: 1 untranslated entry skipped (first one here)\n" + SUMMARY + "\n"
    quiet = runner.invoke(app, ["check", "-q", "g.yaml", "zh.po", "--format", "github"])
    assert (quiet.exit_code, quiet.stderr, quiet.stdout) == (1, SUMMARY + "\n", loud.stdout)


def test_q_does_not_silence_errors(workdir, runner):
    result = runner.invoke(app, ["-q", "check", "g.yaml", "missing.po"])
    assert (result.exit_code, result.stderr) == (2, "error: missing.po: no such file\n")


def test_after_double_dash_q_is_a_file_name(workdir, runner):
    result = runner.invoke(app, ["check", "-q", "g.yaml", "--", "-q"])
    assert (result.exit_code, result.stderr) == (2, "error: -q: no such file\n")


@pytest.mark.parametrize("command", ["", "extract", "review", "approve", "reject", "validate", "merge", "list", "check",
                                     "export", "import", "eval"])
def test_h_is_help_on_every_command(runner, command):
    result = runner.invoke(app, [command, "-h"] if command else ["-h"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ") and "-h, --help" in result.stdout
    assert ("-q, --quiet" in result.stdout) if not command else ("-q/--quiet" in result.stdout)
