"""A merge conflict on a decision says what each side did: 'approved on one side, rejected on the
other' where both kept the target, 'approved on one side, target changed on the other' where
one side decided and the other corrected the rendering; 'target changed on both sides' only where
it did (team probe F1)."""

from __future__ import annotations

import pytest

from glossary_cli.cli.common import app

BASE = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: pandemic
    target: 大流行
    status: candidate
"""


@pytest.mark.parametrize("ours_text, theirs_text, message", [
    (BASE.replace("candidate", "approved"), BASE.replace("candidate", "rejected"),
     '"pandemic": approved on one side, rejected on the other (ours.yaml:6 approved "大流行"; '
     'theirs.yaml:6 rejected "大流行")'),
    (BASE.replace("candidate", "approved"), BASE.replace("大流行", "大流行病"),
     '"pandemic": approved on one side, target changed on the other (ours.yaml:4 approved "大流行"; '
     'theirs.yaml:4 candidate "大流行病")'),
    (BASE.replace("大流行\n    status: candidate", "大流行病\n    status: approved"), BASE.replace("candidate", "rejected"),
     '"pandemic": approved with another target on one side, rejected on the other (ours.yaml:4 approved "大流行病"; '
     'theirs.yaml:4 rejected "大流行")'),
    (BASE.replace("大流行", "大流行病"), BASE.replace("大流行", "全球大流行"),
     '"pandemic": target changed on both sides (ours.yaml:5 "大流行病"; theirs.yaml:5 "全球大流行")'),
    # one side rejected the term itself (reject --all-renderings), the other approved it
    (BASE.replace("    target: 大流行\n    status: candidate", "    status: rejected"), BASE.replace("candidate", "approved"),
     '"pandemic": rejected in every rendering on one side, approved on the other (ours.yaml:4 rejected (every rendering); '
     'theirs.yaml:4 approved "大流行")'),
    # one side approved the proposal, the other approved another rendering (year-long probe L3)
    (BASE.replace("大流行\n    status: candidate", "大流行病\n    status: approved"), BASE.replace("candidate", "approved"),
     '"pandemic": approved with another target on one side, approved on the other (ours.yaml:5 "大流行病"; '
     'theirs.yaml:5 "大流行")'),
])
def test_a_decision_conflict_says_what_each_side_did(runner, tmp_path, monkeypatch, ours_text, theirs_text, message):
    monkeypatch.chdir(tmp_path)
    for name, text in (("base.yaml", BASE), ("ours.yaml", ours_text), ("theirs.yaml", theirs_text)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["merge", "--base", "base.yaml", "ours.yaml", "theirs.yaml", "-o", "ours.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"error: conflict: {message}"
    assert (tmp_path / "ours.yaml").read_text(encoding="utf-8") == ours_text
