"""extract records the variant of Chinese a glossary is for (languages.target), from --target-lang
or from what the corpus declares, and an existing glossary's variant is what it reads: a zh-CN
file is not extracted into a zh-TW glossary."""

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

TAIWAN = [("Install the software.", "安裝軟體。"), ("Update the software.", "更新軟體。"),
          ("Open the file.", "開啟檔案。"), ("Save the file.", "儲存檔案。")]
MAINLAND = [("Install the software.", "安装软件。"), ("Update the software.", "更新软件。"),
            ("Open the file.", "打开文件。"), ("Save the file.", "保存文件。")]


def tmx(pairs, language: str) -> str:
    units = "".join(f'<tu><tuv xml:lang="en-US"><seg>{en}</seg></tuv><tuv xml:lang="{language}"><seg>{zh}</seg></tuv></tu>\n'
                    for en, zh in pairs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US" segtype="sentence" '
            f'adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n{units}'
            "</body></tmx>\n")


def po(pairs, language: str) -> str:
    entries = "".join(f'msgid "{en}"\nmsgstr "{zh}"\n\n' for en, zh in pairs)
    return f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {language}\\n"\n\n{entries}'


@pytest.fixture
def here(tmp_path, monkeypatch, runner):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def extract(*arguments):
        return runner.invoke(app, ["extract", *arguments, "-j", "1", "--show", "0", "--min-score", "0"])
    return extract


def target_of(path: str) -> str:
    return next(line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.startswith("languages:"))


@pytest.mark.parametrize("name, text, arguments, recorded", [
    ("tw.tmx", tmx(TAIWAN, "zh-TW"), [], "zh-TW"),
    ("hant.tmx", tmx(TAIWAN, "zh-Hant"), [], "zh-Hant"),
    ("zh_TW.po", po(TAIWAN, "zh_TW"), [], "zh-TW"),
    ("tw.tsv", "".join(f"{en}\t{zh}\n" for en, zh in TAIWAN), ["--target-lang", "zh-tw"], "zh-TW"),
    ("plain.tsv", "".join(f"{en}\t{zh}\n" for en, zh in TAIWAN), [], "zh"),  # nothing says more
])
def test_a_new_glossary_records_the_variant_the_corpus_or_the_option_names(here, name, text, arguments, recorded):
    Path(name).write_text(text, encoding="utf-8")
    result = here(name, *arguments, "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert target_of("g.yaml") == f"languages: {{source: en, target: {recorded}}}"


def test_android_resources_in_values_zh_rTW_give_a_zh_TW_glossary(here):
    for directory, pairs in (("values", [(en, en) for en, _ in TAIWAN]), ("values-zh-rTW", TAIWAN)):
        Path("res", directory).mkdir(parents=True)
        strings = "".join(f'<string name="s{index}">{text if directory == "values" else zh}</string>'
                          for index, (text, zh) in enumerate(pairs))
        Path("res", directory, "strings.xml").write_text(f"<resources>{strings}</resources>\n", encoding="utf-8")
    result = here("--source", "res/values", "--target", "res/values-zh-rTW", "-o", "g.yaml")
    assert result.exit_code == 0, result.output
    assert target_of("g.yaml") == "languages: {source: en, target: zh-TW}"


def test_a_mainland_file_is_not_extracted_into_a_taiwan_glossary(here):
    Path("tw.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms: []\n", encoding="utf-8")
    Path("zh_CN.po").write_text(po(MAINLAND, "zh_CN"), encoding="utf-8")
    result = here("zh_CN.po", "-o", "tw.yaml")
    assert result.exit_code == 2
    assert "zh_CN.po:4: the catalogue translates into zh_CN (Language: zh_CN), not zh-TW" in result.stderr
    assert Path("tw.yaml").read_text(encoding="utf-8").endswith("terms: []\n")


def test_a_taiwan_glossary_reads_the_taiwan_variant_of_a_memory_holding_both(here):
    Path("tw.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms: []\n", encoding="utf-8")
    both = tmx(TAIWAN, "zh-TW").replace('<tuv xml:lang="zh-TW">', '<tuv xml:lang="zh-CN"><seg>软件</seg></tuv>'
                                                                      '<tuv xml:lang="zh-TW">')
    Path("both.tmx").write_text(both, encoding="utf-8")
    result = here("both.tmx", "-o", "tw.yaml")
    assert result.exit_code == 0, result.output
    written = Path("tw.yaml").read_text(encoding="utf-8")
    assert "軟體" in written and "软件" not in written and "several zh" not in result.stderr


def test_a_target_lang_the_glossary_contradicts_is_refused(here):
    Path("tw.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh-TW}\nterms: []\n", encoding="utf-8")
    Path("cn.tmx").write_text(tmx(MAINLAND, "zh-CN"), encoding="utf-8")
    result = here("cn.tmx", "--target-lang", "zh-CN", "-o", "tw.yaml")
    assert result.exit_code == 2
    assert ("tw.yaml is a glossary for zh-TW (its languages:), and --target-lang zh-CN would put zh-CN renderings "
            "into it; name another glossary with -o") in result.stderr
