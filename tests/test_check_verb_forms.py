"""`check` finds an approved term in the regular -ed and -ing forms of its last word, as it finds
plurals: `infect` in "infected people", `quarantine` in "were quarantined", `spread` in "avoid
spreading". Translated from Chinese, those forms translate the approved rendering (GL005 asked for
`infect` where the English said `infected`); into Chinese, they ask for it when the entry says it
is a verb (`part_of_speech: verb`): most glossary entries are nouns, whose -ed and -ing forms are
as often other words (`logging in` is no log, `hosted by` no host), and a false GL001 fails CI.
A word derived from the term (`infection`) is another term, and a longer word that merely starts
with it (`spreadsheet`, `singer`, `user`) is no form of it (final probe, M1, on TICO-19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary_cli.check import run_check
from glossary_cli.cli.common import app
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from tests.support import approved, broken

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: infect
    target: 感染
    status: approved
  - source: quarantine
    target: 隔离
    status: approved
  - source: spread
    target: 扩散
    status: approved
"""

ENGLISH = ("SARS-CoV-2 infected people of all ages.\n"
           "All bases were quarantined after tests.\n"
           "They close to avoid spreading the disease.\n")
CHINESE = ("SARS-CoV-2 能够感染所有年龄段人群。\n"
           "检测后所有基地均进入隔离状态。\n"
           "为了避免病毒扩散而关闭。\n")
CHINESE_WITHOUT = ("SARS-CoV-2 能够影响所有年龄段人群。\n"
                   "检测后所有基地均被封闭。\n"
                   "为了避免病毒传开而关闭。\n")


@pytest.fixture
def project(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("en.txt").write_text(ENGLISH, encoding="utf-8")
    Path("zh.txt").write_text(CHINESE, encoding="utf-8")
    Path("zh-without.txt").write_text(CHINESE_WITHOUT, encoding="utf-8")
    return workdir


def check(runner, *args):
    return runner.invoke(app, ["check", "g.yaml", *args, "--format", "json"])


def test_an_inflected_verb_translates_the_chinese_rendering(runner, project):
    result = check(runner, "--source", "zh.txt", "--target", "en.txt")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []


def test_an_inflected_form_of_an_entry_declared_a_verb_asks_for_the_approved_rendering(runner, project):
    Path("g.yaml").write_text(GLOSSARY.replace("    status: approved\n",
                                               "    status: approved\n    part_of_speech: verb\n"), encoding="utf-8")
    result = check(runner, "--source", "en.txt", "--target", "zh-without.txt")

    assert result.exit_code == 1
    assert [(finding["rule"], finding["line"], finding["message"]) for finding in json.loads(result.stdout)["findings"]] == [
        ("GL001", 1, '"infected" should be translated as "感染"'),
        ("GL001", 2, '"quarantined" should be translated as "隔离"'),
        ("GL001", 3, '"spreading" should be translated as "扩散"'),
    ]
    result = check(runner, "--source", "en.txt", "--target", "zh.txt")
    assert result.exit_code == 0, result.output


def test_in_english_to_translate_the_forms_of_an_entry_not_declared_a_verb_ask_nothing(runner, project):
    """UI strings: with log, host and post approved as the nouns 日志, 主机 and 帖子, "Logging in…",
    "Hosted by Alice" and "Posted 3 days ago" are not the terms and were false GL001 errors."""
    result = check(runner, "--source", "en.txt", "--target", "zh-without.txt")
    assert (result.exit_code, json.loads(result.stdout)["findings"]) == (0, [])
    entries = [approved("log", "日志"), approved("host", "主机"), approved("post", "帖子")]
    for english, chinese in (("Logging in…", "正在登录…"), ("Hosted by Alice", "由 Alice 托管"),
                             ("Posted 3 days ago", "3 天前发布")):
        assert broken(entries, english, chinese) == [], english
    assert broken(entries, "The log is full.", "记录已满。") == [("GL001", "log")]


def verb(source: str, target: str) -> Entry:
    return approved(source, target, extra={"part_of_speech": "verb"})


def test_the_spelling_rules_of_ed_and_ing():
    entries = [verb("stop", "停止"), verb("apply", "应用"), verb("hospitalize", "住院"),
               verb("travel", "出行"), verb("panic", "恐慌"), verb("die", "死亡")]
    for english, term in (("The trains stopped.", "stop"), ("Stopping is hard.", "stop"),
                          ("The rule applied to all.", "apply"), ("Applying it helps.", "apply"),
                          ("He was hospitalized.", "hospitalize"), ("Hospitalizing him helped.", "hospitalize"),
                          ("They travelled far.", "travel"), ("They traveled far.", "travel"),
                          ("People panicked.", "panic"), ("Many are dying.", "die"), ("Many died.", "die")):
        assert broken(entries, english, "无关的句子。") == [("GL001", term)], english


def test_a_longer_word_that_starts_with_the_term_or_is_derived_from_it_is_no_form_of_it():
    """Nor is a noun derived from it: `infection` is a term of its own, often approved with its
    own rendering (an `infection` entry beside `infect`); derivation has no regular spelling rule
    (infection, treatment, arrival, failure) and may change the meaning (govern, government)."""
    assert broken([approved("infect", "感染")], "Infections rose.", "病例增加了。") == []
    entries = [verb("spread", "扩散"), verb("sing", "唱"), verb("use", "使用"), verb("hop", "跳")]
    for english in ("Open the spreadsheet.", "The singer singed his hair.", "Users pick usernames.",
                    "We hoped so."):
        assert broken(entries, english, "无关的句子。") == [], english
    assert broken([approved("user", "用户")], "We used it.", "我们用了。") == []
    assert broken([*entries, approved("user", "用户")], "The user used it.", "无关的句子。") == [
        ("GL001", "use"), ("GL001", "user")]


def chinese_written(chinese: str, english: str) -> SegmentPair:
    return SegmentPair(english, chinese, Location("a.tsv", 1), from_chinese=True)


def test_a_form_another_entry_holds_as_its_own_still_translates_the_verb():
    """TICO-19 approves `infect` (感染) and `infected` (已感染): in "infected over 80,000" the
    English translates 感染 with `infect`, though into Chinese the text is `infected`'s."""
    glossary = Glossary(terms=[Entry("infect", ["感染"], Status.APPROVED),
                               Entry("infected", ["已感染"], Status.APPROVED)])
    findings = run_check(glossary, [chinese_written("已在中国感染 80,000 多人。", "It has infected over 80,000 in China.")],
                         jobs=1).findings
    assert findings == []
    assert broken(glossary.terms, "It has infected over 80,000.", "已在中国感染 80,000 多人。") == [
        ("GL001", "infected")]


def test_an_entry_that_is_no_verb_is_not_found_in_verb_forms():
    """`base` approved as the noun 基地 is not found in "based on"; marked a verb, it is. A name
    kept in English (keep_source) has no verb forms: `Zoom` is not in "zooming in"."""
    noun = approved("base", "基地", extra={"part_of_speech": "noun"})
    verb = approved("base", "基于", extra={"part_of_speech": "verb"})
    assert broken([noun], "Decisions are based on data.", "决定依据数据。") == []
    assert broken([noun], "All bases closed.", "所有营地关闭。") == [("GL001", "base")]
    assert broken([verb], "Decisions are based on data.", "决定依据数据。") == [("GL001", "base")]
    zoom = approved("Zoom", keep_source=True)
    assert broken([zoom], "Try zooming in.", "请尝试放大。") == []
    assert broken([zoom], "Open Zoom.", "打开腾讯会议。") == [("GL003", "Zoom")]


def test_a_phrasal_verb_takes_the_forms_of_its_first_word():
    """`log in`: `Logged in.` translates 已登录 (a false GL005 before); into Chinese, `Setting up`
    asks for 设置 when the entry says it is a verb, as a list or in Chinese (final probe)."""
    log_in = approved("log in", "登录")
    assert run_check(Glossary(terms=[log_in]), [chinese_written("已登录。", "Logged in.")], jobs=1).findings == []
    assert broken([log_in], "Logging in…", "正在进入…") == []  # not declared a verb
    assert broken([approved("set up", "设置", extra={"part_of_speech": ["verb", "noun"]})],
                  "Setting up the drive", "正在配置驱动器") == [("GL001", "set up")]
    assert broken([approved("sign out", "退出", extra={"part_of_speech": "动词"})],
                  "Signed out", "已注销") == [("GL001", "sign out")]


def test_an_irregular_verb_is_found_in_its_listed_forms():
    """`built`, `spent`, `sang`: no spelling rule makes them, so `建造` ↔ "They built it." was a false
    GL005. spaCy's lemma tables list them; they count in English translated from Chinese."""
    build = approved("build", "建造")
    assert run_check(Glossary(terms=[build]), [chinese_written("他们建造了它。", "They built it.")], jobs=1).findings == []
    entries = [verb("build", "建造"), verb("spend", "花费"), verb("sing", "唱"), verb("leave", "离开")]
    for english, chinese in (("We spent a week there.", "我们在那里花费了一周。"), ("She sang.", "她唱了。"),
                             ("They left early.", "他们很早离开了。")):
        assert run_check(Glossary(terms=entries), [chinese_written(chinese, english)], jobs=1).findings == [], english
    # Into Chinese they are as often other words (a left panel, spent fuel), so even a declared verb
    # asks nothing of them: a finding there would be false (final probe, H3).
    for english in ("Open the left panel.", "Store the spent fuel.", "The song was sung.", "They built a wall."):
        assert broken(entries, english, "无关的句子。") == [], english
