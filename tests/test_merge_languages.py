"""Glossaries for different languages are not merged; that is a usage error (exit 2), not a
conflict a person settles entry by entry (exit 1)."""

from pathlib import Path

from glossary_cli.cli.common import app


def test_merging_a_taiwan_and_a_mainland_glossary_is_a_usage_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tw.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms:\n"
                               "  - source: software\n    target: 軟體\n    status: approved\n", encoding="utf-8")
    Path("cn.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh-CN}\nterms:\n"
                               "  - source: software\n    target: 软件\n    status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["merge", "tw.yaml", "cn.yaml", "-o", "merged.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("error: the glossaries are for different languages (tw.yaml en→zh-TW, cn.yaml en→zh-CN); "
                             "nothing written. Glossaries for different languages are not merged: pass glossaries for "
                             "one language\n")
    assert not Path("merged.yaml").exists()
