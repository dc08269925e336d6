"""Files whose declared languages contradict their text: an XLIFF template's source-language="en"
left over a file translated from Chinese, or a TMX whose srclang is *all*. The XLIFF was read
en -> zh without a word: check asked the Chinese <source> for English terms and missed every term
the English translation left out. Its units' scripts now decide, with one warning, as for a PO
catalogue whose Language contradicts its msgstrs."""

from __future__ import annotations

from glossary_cli.cli import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - {source: green transition, target: 绿色转型, status: approved}
  - {source: heat pump, target: 热泵, status: approved}
"""

XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="{source}" target-language="{target}" datatype="plaintext"><body>
<trans-unit id="u1"><source>{first_source}</source><target>{first_target}</target></trans-unit>
<trans-unit id="u2"><source>{second_source}</source><target>{second_target}</target></trans-unit>
</body></file>
</xliff>
"""
CHINESE = ("我们正在推进绿色转型。", "热泵很高效。")
ENGLISH = ("We are advancing the green transformation.", "Heat pumps are efficient.")


def check(runner, workdir, name: str, text: str):
    (workdir / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / name).write_text(text, encoding="utf-8")
    return runner.invoke(app, ["check", "glossary.yaml", name, "--format", "github"])


def finding_lines(stdout: str) -> list[str]:
    return [line.split("::")[1].split(",title=")[0] + " " + line.split("title=")[1].split(" ")[0]
            for line in stdout.splitlines() if line.startswith("::")]


def test_an_xliff_declared_en_whose_sources_are_chinese_is_checked_from_chinese(runner, workdir):
    result = check(runner, workdir, "a.xlf", XLIFF.format(
        source="en", target="zh-CN", first_source=CHINESE[0], first_target=ENGLISH[0],
        second_source=CHINESE[1], second_target=ENGLISH[1]))
    assert result.exit_code == 1
    assert finding_lines(result.stdout) == ["error file=a.xlf,line=4,col=57 GL005"]  # the English that lacks it
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        'warning: a.xlf:3: the <source> elements are zh and the <target> elements en, but source-language="en" '
        'target-language="zh-CN"; read as zh -> en']


def test_an_xliff_declared_zh_whose_sources_are_english_is_checked_from_english(runner, workdir):
    result = check(runner, workdir, "a.xlf", XLIFF.format(
        source="zh-CN", target="en", first_source="Shenzhen drives the green transition.",
        first_target="深圳推动绿色转变。", second_source="Heat pumps are efficient.", second_target="热泵很高效。"))
    assert result.exit_code == 1
    assert finding_lines(result.stdout) == ["error file=a.xlf,line=4,col=83 GL001"]
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        'warning: a.xlf:3: the <source> elements are en and the <target> elements zh, but '
        'source-language="zh-CN" target-language="en"; read as en -> zh']


def test_an_xliff_declaring_no_language_is_read_as_its_scripts_say_unsaid(runner, workdir):
    text = XLIFF.format(source="", target="", first_source=CHINESE[0], first_target=ENGLISH[0],
                        second_source=CHINESE[1], second_target=ENGLISH[1])
    result = check(runner, workdir, "a.xlf", text.replace(' source-language=""', "").replace(' target-language=""', ""))
    assert result.exit_code == 1
    assert finding_lines(result.stdout) == ["error file=a.xlf,line=4,col=57 GL005"]
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == []


def memory(first: str, second: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="*all*" adminlang="en" '
            'segtype="sentence" o-tmf="t" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>\n'
            f"<tu>{first}{second}</tu>\n</body></tmx>\n")


def test_a_tmx_whose_srclang_is_all_says_how_it_was_read_when_the_chinese_comes_first(runner, workdir):
    english = f'<tuv xml:lang="en"><seg>{ENGLISH[0]}</seg></tuv>'
    chinese = f'<tuv xml:lang="zh-CN"><seg>{CHINESE[0]}</seg></tuv>'
    (workdir / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    (workdir / "zh_first.tmx").write_text(memory(chinese, english), encoding="utf-8")
    (workdir / "en_first.tmx").write_text(memory(english, chinese), encoding="utf-8")
    result = runner.invoke(app, ["check", "glossary.yaml", "zh_first.tmx", "en_first.tmx"])
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        'warning: zh_first.tmx:3: srclang="*all*" names no original language, and the zh text comes first in 1 of 1 '
        'unit(s): read as en -> zh; if the memory was translated from Chinese, set srclang="zh" to check its English']
