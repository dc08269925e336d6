"""`glossary review` on a real pseudo-terminal: a paste is text, never keys; Ctrl-C and a
redirected output are said plainly."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from glossary_cli.glossary import Status
from tests.support import REVIEW_PROMPT as PROMPT, review_state, spawn_review

pexpect = pytest.importorskip("pexpect")

TEXT = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: COVID-19
    target: 冠状病毒病
    status: candidate
    score: 0.99
  - source: coronavirus
    target: 冠状病毒
    status: candidate
    score: 0.97
  - source: World Health Organization
    target: [WHO, 世界卫生组织]
    status: candidate
    score: 0.95
  - source: pandemic
    target: 大流行
    status: approved
"""
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"  # what a terminal in bracketed-paste mode sends around a paste


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def quit_(child) -> None:
    child.expect([PROMPT, "any other key to finish"])
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()


def test_a_two_line_paste_at_the_e_prompt_decides_nothing_on_the_next_candidates(path):
    # A terminal without bracketed paste sends a paste as bare characters: two lines copied from
    # an e-mail arrive as one burst, the first line break ending the `e` line.
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("e")
    child.expect("new target for")
    child.send("新冠肺炎\nCOVID-19 disease (press release)\n")
    child.expect("approved COVID-19 → 新冠肺炎")
    child.expect("ignored what came in after the Enter 'COVID-19 disease \\(press release\\)': a paste is text")
    quit_(child)
    assert review_state(path) == {"COVID-19": (["新冠肺炎"], Status.APPROVED),
                           "coronavirus": (["冠状病毒"], Status.CANDIDATE),
                           "World Health Organization": (["WHO", "世界卫生组织"], Status.CANDIDATE),
                           "pandemic": (["大流行"], Status.APPROVED)}


def test_keys_typed_after_an_edit_is_confirmed_are_still_decisions(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("e新冠肺炎\r")
    child.expect("approved COVID-19 → 新冠肺炎")
    child.send("ar")  # typed ahead while the next panel is drawn
    child.expect("rejected World Health Organization")
    quit_(child)
    assert [status for _, status in review_state(path).values()] == [Status.APPROVED, Status.APPROVED, Status.REJECTED,
                                                              Status.APPROVED]


def test_a_bracketed_paste_is_text_on_the_e_line_until_enter_its_lines_renderings(path):
    child = spawn_review(path)
    child.expect_exact("\x1b[?2004h")  # the session asks the terminal to mark pastes
    child.expect(PROMPT)
    child.send("s")  # COVID-19
    child.expect(PROMPT)
    child.send("s")  # coronavirus
    child.expect(PROMPT)
    child.send("e")
    child.expect("new target for")
    child.send(f"{PASTE_START}世界卫生组织\n世卫组织\n{PASTE_END}")
    child.expect_exact("世界卫生组织 / 世卫组织")
    time.sleep(0.3)
    assert review_state(path)["World Health Organization"] == (["WHO", "世界卫生组织"], Status.CANDIDATE)  # no Enter yet
    child.send("\r")
    child.expect("approved World Health Organization → 世界卫生组织 / 世卫组织 \\(2 targets\\)")
    assert review_state(path)["World Health Organization"] == (["世界卫生组织", "世卫组织"], Status.APPROVED)
    quit_(child)
    assert child.before.endswith("\x1b[?2004l") or "\x1b[?2004l" in child.before  # and turns it off again


def test_a_paste_at_the_key_prompt_decides_nothing(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send(f"{PASTE_START}aaar{PASTE_END}")
    child.expect("a paste is text, not keys: nothing decided")
    quit_(child)
    assert [status for _, status in review_state(path).values()] == [Status.CANDIDATE] * 3 + [Status.APPROVED]


def test_tab_at_the_e_prompt_puts_the_current_target_there_to_add_one(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("ss")
    child.expect("3/5")  # the two skipped come back after it
    child.expect(PROMPT)
    child.send("e")
    child.expect("Tab: the current one")
    child.send("\t / 世卫组织\r")
    child.expect("approved World Health Organization → WHO / 世界卫生组织 / 世卫组织 \\(3 targets\\)")
    quit_(child)
    assert review_state(path)["World Health Organization"] == (["WHO", "世界卫生组织", "世卫组织"], Status.APPROVED)


def test_ctrl_c_while_typing_a_target_starts_its_message_on_a_new_line(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("a")
    child.expect(PROMPT)
    child.send("e")
    child.expect("new target for")
    child.send("半截")
    child.expect_exact("半")
    time.sleep(0.2)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    shown = child.before.replace("\x1b[?2004l", "")  # bracketed paste turned off: nothing on screen
    assert shown.startswith("截\r\nglossary: interrupted; 1 decision already saved in")


def test_ctrl_c_in_a_session_that_decided_nothing_says_the_file_keeps_its_decisions(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert (f"glossary: interrupted; no decision in this session; {path} is as it was, with its 1 approved and "
            "0 rejected entries") in child.before.replace("\r\n", " ").replace("  ", " ")
    assert "0 decisions" not in child.before


def test_review_with_its_output_redirected_from_a_terminal_is_refused(path, tmp_path):
    # `glossary review g.yaml > log`: keys from the terminal, panels into the file; blind decisions
    keyboard, terminal = os.openpty()
    os.write(keyboard, b"aq")  # what the reviewer types, seeing nothing
    log = tmp_path / "log"
    try:
        with open(log, "w", encoding="utf-8") as output:
            result = subprocess.run([sys.executable, "-m", "glossary_cli", "review", str(path)], stdin=terminal,
                                    stdout=output, stderr=subprocess.PIPE, text=True, timeout=30)
    finally:
        os.close(keyboard)
        os.close(terminal)
    assert result.returncode == 2
    assert result.stderr == (
        "error: review reads keys from the terminal but its output goes elsewhere (> file or | pipe), so you could "
        "not see the candidates you decide; run it with its output on the terminal, or pipe the keys in as well "
        "(printf 'aas' | glossary review FILE > log)\n")
    assert path.read_text(encoding="utf-8") == TEXT
