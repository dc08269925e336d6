"""In Taiwan and Hong Kong, variant characters are spelling: 遊戲 is the game, 游戲 a typo; the
Ministry of Education writes 臺灣 where everyday text writes 台灣. A glossary for Traditional
Chinese (zh-TW, zh-HK, zh-Hant) holds its Traditional text to its renderings as written, while a
zh-CN or plain zh glossary still reads both scripts alike."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app


def glossary(target: str, entries: str) -> str:
    return f"glossary: 1\nlanguages: {{source: en, target: {target}}}\nterms:\n{entries}"


GAME = "  - source: game\n    target: {target}\n    status: approved\n"
TAIWAN = "  - source: Taiwan\n    target: 臺灣\n    forbidden: [台灣]\n    status: approved\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def check(runner, glossary_text: str, *pairs: tuple[str, str]):
    Path("g.yaml").write_text(glossary_text, encoding="utf-8")
    Path("text.tsv").write_text("".join(f"{english}\t{chinese}\n" for english, chinese in pairs), encoding="utf-8")
    return runner.invoke(app, ["check", "g.yaml", "text.tsv"])


def test_a_taiwan_glossary_flags_a_rendering_written_with_other_variant_characters(runner, in_tmp):
    result = check(runner, glossary("zh-TW", GAME.format(target="遊戲")), ("Start a new game.", "開始新游戲。"))
    assert result.exit_code == 1, result.output
    assert 'GL001' in result.stdout
    assert '"game" should be translated as "遊戲" ("游戲" is written with other variant characters)' in result.stdout
    assert "text.tsv:1:22" in result.stdout  # at the 游戲 to mend


def test_the_rendering_as_written_passes(runner, in_tmp):
    result = check(runner, glossary("zh-TW", GAME.format(target="遊戲")), ("Start a new game.", "開始新遊戲。"))
    assert result.exit_code == 0, result.output


def test_a_forbidden_variant_spelling_is_enforced_and_validates(runner, in_tmp):
    result = check(runner, glossary("zh-TW", TAIWAN), ("Made in Taiwan.", "臺灣製造。"),
                   ("Available in Taiwan.", "僅限台灣。"))
    assert result.exit_code == 1, result.output
    assert 'text.tsv:2:24' in result.stdout and '"Taiwan" is rendered as forbidden "台灣"; use "臺灣"' in result.stdout
    assert "text.tsv:1" not in result.stdout
    validated = runner.invoke(app, ["validate", "g.yaml"])
    assert validated.exit_code == 0, validated.output


def test_simplified_text_is_still_read_through_the_other_script(runner, in_tmp):
    """A file plainly in Simplified is another script, not a variant spelling: 台湾 reads as the
    approved 臺灣 (the forbidden 台灣 reads the same there, and the approval outweighs it)."""
    result = check(runner, glossary("zh-TW", TAIWAN + GAME.format(target="遊戲")),
                   ("Made in Taiwan.", "台湾制造。"), ("Start a new game.", "开始新游戏。"))
    assert result.exit_code == 0, result.output


def test_a_hong_kong_glossary_holds_its_own_variants(runner, in_tmp):
    inside = "  - source: inside\n    target: 裏\n    status: approved\n"
    result = check(runner, glossary("zh-HK", inside), ("Look inside.", "看裡面。"), ("Look inside.", "看裏面。"))
    assert result.exit_code == 1, result.output
    assert '"裡" is written with other variant characters' in result.stdout
    assert "text.tsv:2" not in result.stdout


def test_a_plain_zh_glossary_says_no_script_and_reads_variants_alike(runner, in_tmp):
    result = check(runner, glossary("zh", GAME.format(target="遊戲")), ("Start a new game.", "開始新游戲。"))
    assert result.exit_code == 0, result.output
    Path("g.yaml").write_text(glossary("zh", TAIWAN), encoding="utf-8")
    validated = runner.invoke(app, ["validate", "g.yaml"])
    assert validated.exit_code == 2
    assert 'forbids "台灣", which check reads as "臺灣", a rendering it allows' in validated.stderr


def test_a_simplified_glossary_reads_traditional_text_of_any_variant_alike(runner, in_tmp):
    result = check(runner, glossary("zh-CN", GAME.format(target="游戏")),
                   ("Start a new game.", "開始新遊戲。"), ("Start a new game.", "開始新游戲。"))
    assert result.exit_code == 0, result.output


def test_two_approvals_differing_only_in_variant_characters_conflict_in_a_taiwan_glossary(runner, in_tmp):
    Path("g.yaml").write_text(glossary("zh-TW", GAME.format(target="遊戲") + GAME.format(target="游戲")),
                              encoding="utf-8")
    validated = runner.invoke(app, ["validate", "g.yaml"])
    assert validated.exit_code == 2
    assert '"game" is approved twice with different targets' in validated.stderr
