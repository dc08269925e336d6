"""approve/reject find a hyphenated term under its closed spelling, as check reads it: `wifi` and
`WiFi` are the entry `Wi-Fi`, `email` the entry `e-mail` (team probe F11)."""

from __future__ import annotations

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: Wi-Fi
    target: 无线网络
    status: approved
    note: keep
  - source: e-mail
    target: 电子邮件
    status: candidate
  - source: email address
    target: 电子邮件地址
    status: candidate
"""


def test_reject_finds_a_hyphenated_entry_under_its_closed_spelling(runner, tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["reject", str(path), "wifi"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"rejected Wi-Fi → 无线网络 in {path}")
    assert path.read_text(encoding="utf-8") == GLOSSARY.replace("status: approved", "status: rejected")


def test_reject_with_a_target_in_closed_spelling_adds_no_second_spelling_unwarned(runner, tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["reject", str(path), "WiFi", "--target", "无线"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"added WiFi → 无线 to {path} as a new rejected entry\n"
        f'warning: {path}: "WiFi" is the term of the approved entry "Wi-Fi" (line 4), as check and validate read '
        "terms; spell the two entries alike\n")


def test_approve_finds_e_mail_as_email(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "email"])
    assert (result.exit_code, result.stderr) == (0, f"approved e-mail → 电子邮件 in {path}\n")
    assert path.read_text(encoding="utf-8") == GLOSSARY.replace(
        "电子邮件\n    status: candidate", "电子邮件\n    status: approved")


def test_approve_of_a_hyphenated_spelling_finds_the_closed_entry(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY.replace("source: e-mail\n", "source: email\n"), encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "E-Mail"])
    assert (result.exit_code, result.stderr) == (0, f"approved email → 电子邮件 in {path}\n")


def test_an_open_spelling_is_no_closed_one(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY.replace("source: e-mail\n", "source: set up\n"), encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "setup"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f'error: {path}: no entry "setup" in the glossary')
