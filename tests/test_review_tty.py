"""`glossary review` driven through a real pseudo-terminal: keys in, file on disk after each."""

from __future__ import annotations

import os
import random
import signal

import pytest

from glossary_cli.glossary import Status
from glossary_cli.glossary_yaml import load_glossary
from tests.support import REVIEW_PROMPT as PROMPT, review_state, spawn_review

pexpect = pytest.importorskip("pexpect")

TEXT = """\
# reviewed in the weekly meeting
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: V2G   # acronym
    target: 车辆到电网
    status: candidate
    score: 0.93
    evidence:
      - {where: 'seed.txt:3', source: V2G pilots in Shenzhen, target: 深圳的车辆到电网试点}
    alternatives:
      - {target: 车网互动, score: 0.5}
  - source: policy stack
    target: 政策堆栈
    status: candidate
    score: 0.62
  - source: grid
    target: 电网
    status: candidate
    score: 0.95
  - source: smart charging
    target: 智能充电
    status: candidate
    score: 0.4
"""


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "g.yaml"
    file.write_text(TEXT, encoding="utf-8")
    return file


def test_approve_reject_edit_quit(path):
    child = spawn_review(path)
    child.expect("1/4")
    child.expect("grid")
    child.expect(PROMPT)
    child.send("a")
    child.expect("approved grid → 电网")
    assert review_state(path)["grid"] == (["电网"], Status.APPROVED)

    child.expect("2/4")
    child.expect("seed.txt:3")  # evidence is shown, terms highlighted
    child.expect(PROMPT)
    child.send("e")
    child.expect("new target for")
    child.sendline("车网互动")
    child.expect("approved V2G → 车网互动")
    assert review_state(path)["V2G"] == (["车网互动"], Status.APPROVED)

    child.expect("3/4")
    child.expect(PROMPT)
    child.send("r")
    child.expect("rejected policy stack → 政策堆栈")
    assert review_state(path)["policy stack"] == (["政策堆栈"], Status.REJECTED)

    child.expect(PROMPT)
    child.send("u")
    child.expect("undone: policy stack → 政策堆栈 is a candidate again")
    assert review_state(path)["policy stack"] == (["政策堆栈"], Status.CANDIDATE)

    child.expect(PROMPT)
    child.send("r")
    child.expect(PROMPT)
    child.send("q")
    child.expect("2 approved, 1 rejected, 0 skipped; 1 not yet reviewed")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# reviewed in the weekly meeting\n")
    assert "  - source: V2G   # acronym\n    target: 车网互动\n    status: approved\n" in text
    assert review_state(path)["smart charging"] == (["智能充电"], Status.CANDIDATE)


def test_pick_alternative_and_skip(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("s")
    child.expect("skipped")
    child.expect("1  车网互动")
    child.expect(PROMPT)
    child.send("1")
    child.expect("approved V2G → 车网互动")
    child.expect(PROMPT)
    child.send("q")
    child.expect(pexpect.EOF)
    assert review_state(path)["V2G"] == (["车网互动"], Status.APPROVED)
    assert review_state(path)["grid"] == (["电网"], Status.CANDIDATE)


def test_ctrl_c_keeps_every_decision(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("a")
    child.expect("approved grid")
    child.expect(PROMPT)
    child.sendcontrol("c")
    child.expect("interrupted; 1 decision already saved in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "unchanged" not in child.before  # one message, and not one that says nothing was saved
    assert review_state(path)["grid"][1] is Status.APPROVED


def test_ctrl_c_at_the_edit_prompt_says_what_was_saved_once(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("a")
    child.expect(PROMPT)
    child.send("e")
    child.expect("new target for")
    child.send("半")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert child.before.count("interrupted") == 1 and "1 decision already saved" in child.before


def test_a_target_typed_ahead_with_e_is_edited_by_backspace_and_ctrl_w(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("a")  # grid; then V2G's new target arrives with its e, typos and all, in one burst
    child.expect(PROMPT)
    child.send("e车网x\x7f互动 [/]x\x17\r")
    child.expect("approved V2G")
    child.expect(PROMPT)
    child.send("q")
    child.expect(pexpect.EOF)
    assert review_state(path)["V2G"] == (["车网互动"], Status.APPROVED)


def test_keys_typed_ahead_are_each_a_decision_in_order(path):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("asr")  # one burst: grid approved, V2G skipped, policy stack rejected
    child.expect("rejected policy stack")
    child.expect(PROMPT)
    child.send("q")
    child.expect(pexpect.EOF)
    assert {source: status for source, (_, status) in review_state(path).items()} == {
        "grid": Status.APPROVED, "V2G": Status.CANDIDATE, "policy stack": Status.REJECTED,
        "smart charging": Status.CANDIDATE}


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGHUP])
def test_a_killed_review_leaves_a_valid_file_with_the_decisions_made(path, kill):
    child = spawn_review(path)
    child.expect(PROMPT)
    child.send("a")
    child.expect("approved grid")
    child.expect(PROMPT)
    child.send("r")
    child.expect("rejected V2G")
    child.expect(PROMPT)
    child.kill(kill)
    child.expect(pexpect.EOF)
    child.close()
    assert review_state(path) == {"V2G": (["车辆到电网"], Status.REJECTED), "policy stack": (["政策堆栈"], Status.CANDIDATE),
                           "grid": (["电网"], Status.APPROVED), "smart charging": (["智能充电"], Status.CANDIDATE)}
    assert not [name for name in os.listdir(path.parent) if name.endswith(".tmp")]


def test_kills_at_random_moments_never_tear_the_file(tmp_path):
    """Kill the process while it writes a large glossary: the file is always one complete version."""
    entries = "".join(f"  - source: term {index}\n    target: 术语{index}\n    status: candidate\n"
                      f"    score: {1 - index / 5000:.4f}\n    note: {'长注释' * 40}\n" for index in range(3000))
    path = tmp_path / "big.yaml"
    path.write_text("glossary: 1\nterms:\n" + entries, encoding="utf-8")
    generator = random.Random(20261125)
    approved_so_far = 0
    for _ in range(8):
        child = spawn_review(path)
        child.expect(PROMPT)
        child.send("a")
        # Somewhere between the key press and well after the write.
        child.expect([pexpect.TIMEOUT, "approved"], timeout=generator.uniform(0.0, 0.4))
        child.kill(signal.SIGKILL)
        child.close()
        glossary = load_glossary(str(path))  # parses: never torn
        approved = sum(entry.status is Status.APPROVED for entry in glossary.terms)
        assert approved in (approved_so_far, approved_so_far + 1)
        assert len(glossary.terms) == 3000
        approved_so_far = approved
