"""Slips of a person typing YAML by hand with a Chinese input method, named on their own line."""

import pytest

from glossary_cli.cli.common import app


@pytest.mark.parametrize("text, where, key", [
    ("glossary: 1\nterms:\n  - source: vaccine\n  - source\uff1aWorld Health Organization\n    target: 世界卫生组织\n",
     "4:11", "source"),  # YAML itself stops a line later, at target:
    ("glossary: 1\nterms:\n  - source: WHO\n    target\uff1a世卫组织\n    status: approved\n", "4:11", "target"),
    ("glossary: 1\nterms:\n  - source\uff1aWHO\n", "3:5", "source"),  # read as a text item, not a mapping
])
def test_a_key_typed_with_a_chinese_colon_is_named_on_its_own_line(runner, tmp_path, text, where, key):
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (f"error: {path}:{where}: the key '{key}' is followed by a full-width "
                                              "colon '：'; YAML needs an ASCII ':' after a key")


def test_a_value_holding_colon_space_is_told_to_be_quoted(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("glossary: 1\nterms:\n  - source: WHO\n    note: see: the naming guide\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.stderr.splitlines()[0] == (f"error: {path}:4:14: YAML syntax error: mapping values are not allowed "
                                              "in this context; a value holding ': ' must be written in quotes")


def test_a_list_typed_with_a_chinese_comma_is_named_before_check_fails_on_every_sentence(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("glossary: 1\nterms:\n"
                    "  - source: World Health Organization\n    target: [世界卫生组织，世卫组织]\n    status: approved\n"
                    "  - source: SARS\n    target: 严重急性呼吸系统综合征、非典\n    status: approved\n"
                    "  - source: carbon capture, utilization, and storage\n    target: 二氧化碳捕集、利用与封存\n"
                    "    status: approved\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f'error: {path}:4:14: target "世界卫生组织，世卫组织" is one rendering to YAML, which splits a list at ASCII '
        "commas only; if you meant several, list them: [世界卫生组织, 世卫组织] in the file, 世界卫生组织 / 世卫组织 in "
        "glossary review",
        f'error: {path}:7:13: target "严重急性呼吸系统综合征、非典" is one rendering to YAML, which splits a list at '
        "ASCII commas only; if you meant several, list them: [严重急性呼吸系统综合征, 非典] in the file, "
        "严重急性呼吸系统综合征 / 非典 in glossary review",
        f"{path}: 2 problems",
    ]  # the third is a list in English too: one rendering, as the seed's gold has it
