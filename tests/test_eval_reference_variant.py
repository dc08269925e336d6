"""`eval --reachable-in` looks for the reference's renderings in the variant of Chinese the
reference says they are: an `en<TAB>zh-TW` reference is looked up in the zh-TW half of a memory
that holds zh-CN and zh-TW, not in whichever comes first."""

from pathlib import Path

from glossary_cli.cli.common import app

# A plain-zh glossary of Simplified candidates: nothing in it points at Traditional.
GLOSSARY = ("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
            "  - source: software\n    target: 软件\n    score: 0.9\n")
MEMORY = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
          '<tu><tuv xml:lang="en"><seg>Install the software.</seg></tuv>'
          '<tuv xml:lang="zh-CN"><seg>安装软件。</seg></tuv><tuv xml:lang="zh-TW"><seg>安裝軟體。</seg></tuv></tu>\n'
          "</body></tmx>\n")


def test_a_taiwan_reference_is_looked_up_in_the_taiwan_half_of_a_mixed_memory(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("found.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("gold.tsv").write_text("en\tzh-TW\nsoftware\t軟體\n", encoding="utf-8")
    Path("mixed.tmx").write_text(MEMORY, encoding="utf-8")
    result = runner.invoke(app, ["eval", "found.yaml", "gold.tsv", "--reachable-in", "mixed.tmx", "--misses", "0"])
    assert result.exit_code == 0, result.output
    assert "reference: 1 of 1 terms of gold.tsv reachable in mixed.tmx" in result.stdout
    assert "several zh variants" not in result.stderr  # zh-TW was asked for, so nothing was chosen


def test_a_reference_that_names_no_variant_reads_as_before(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("found.yaml").write_text(GLOSSARY, encoding="utf-8")
    Path("gold.tsv").write_text("software\t软件\n", encoding="utf-8")
    Path("mixed.tmx").write_text(MEMORY, encoding="utf-8")
    result = runner.invoke(app, ["eval", "found.yaml", "gold.tsv", "--reachable-in", "mixed.tmx", "--misses", "0"])
    assert result.exit_code == 0, result.output
    assert "reference: 1 of 1 terms of gold.tsv reachable in mixed.tmx" in result.stdout
