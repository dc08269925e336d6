"""GL005 on text written in Chinese: which renderings in the Chinese ask the English for their term.
A rendering asks only as a Chinese word, or words, of the text translated: 病毒 inside 病毒学 is
part of another word, which the English renders as a word of its own (virology). A rendering the
English keeps as written (AI, COVID-19) is translated by being kept. A longer rendering is one
word even where its entry's `paths:` leave the file out (probe of Chinese-authored content,
second round: H4, M1, M2)."""

from __future__ import annotations

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair


def chinese_written(chinese: str, english: str, path: str = "a.tsv") -> SegmentPair:
    return SegmentPair(english, chinese, Location(path, 1), from_chinese=True)


def gl005_terms(glossary: Glossary, *pairs: SegmentPair) -> list[str]:
    return [finding.source_term for finding in run_check(glossary, list(pairs), jobs=1).findings
            if finding.rule_id == "GL005"]


VIRUS = Glossary(terms=[Entry("virus", ["病毒"], Status.APPROVED)])


def test_a_rendering_asks_for_its_term_as_a_word_not_inside_a_longer_word():
    assert gl005_terms(VIRUS,
                       chinese_written("研究涉及病因学、病毒学和流行病学。", "The study covers etiology, virology and epidemiology."),
                       chinese_written("这是一种抗病毒药物。", "This is an antiviral drug."),
                       chinese_written("病毒性肺炎很常见。", "Viral pneumonia is common.")) == []
    assert gl005_terms(VIRUS,
                       chinese_written("这种病毒传染性很强。", "This pathogen is highly contagious."),
                       chinese_written("病毒学家研究了这种病毒。", "Virologists studied this pathogen.")) == [
        "virus", "virus"]
    assert gl005_terms(VIRUS, chinese_written("这种病毒传染性很强。", "This virus is highly contagious.")) == []


ARTIFICIAL_INTELLIGENCE = Glossary(terms=[Entry("artificial intelligence", ["人工智能", "AI"], Status.APPROVED),
                                          Entry("COVID-19-induced", ["COVID-19"], Status.APPROVED)])


def test_a_latin_rendering_the_english_keeps_as_written_is_translated():
    assert gl005_terms(ARTIFICIAL_INTELLIGENCE,
                       chinese_written("AI赋能城市发展。", "AI empowers urban development."),
                       chinese_written("ＡＩ赋能城市发展。", "Ai empowers urban development."),
                       chinese_written("COVID-19疫情仍在蔓延。", "The COVID-19 epidemic is still spreading.")) == []
    # Kept only as a word of its own, and a rendering with Han characters still asks for the term.
    assert gl005_terms(ARTIFICIAL_INTELLIGENCE,
                       chinese_written("AI赋能城市发展。", "OpenAI empowers urban development."),
                       chinese_written("人工智能很重要。", "AI matters.")) == [
        "artificial intelligence", "artificial intelligence"]


def smart_grid_in_docs_only(grid: str) -> Glossary:
    return Glossary(terms=[Entry("smart grid", ["智能电网"], Status.APPROVED, extra={"paths": ["docs/**"]}),
                           Entry(grid, ["电网"], Status.APPROVED)])


def test_a_longer_rendering_whose_paths_leave_the_file_out_is_still_one_word():
    glossary = smart_grid_in_docs_only("power grid")
    smart_grids = ("智能电网发展迅速。", "Smart grids are developing fast.")

    assert gl005_terms(glossary, chinese_written(*smart_grids, path="locale/zh.po"),
                       chinese_written(*smart_grids, path="docs/news.tsv")) == []
    # Where the longer term is in force, it asks for itself; 电网 as a word still asks for its own.
    assert gl005_terms(glossary,
                       chinese_written("智能电网发展迅速。", "Intelligent networks are developing fast.",
                                       path="docs/news.tsv"),
                       chinese_written("电网老化了。", "The network is old.", path="locale/zh.po")) == [
        "smart grid", "power grid"]


def test_a_longer_english_term_whose_paths_leave_the_file_out_is_still_one_term():
    # English -> Chinese the same: outside docs/, `grid` inside `smart grids` asks for nothing.
    result = run_check(smart_grid_in_docs_only("grid"), [
        SegmentPair("Smart grids are developing fast.", "智能电力系统发展迅速。", Location("locale/zh.po", 1)),
        SegmentPair("The grid is old.", "电力系统老化了。", Location("locale/zh.po", 2))], jobs=1)

    assert [(finding.rule_id, finding.source_term, finding.location.line) for finding in result.findings] == [
        ("GL001", "grid", 2)]


def test_an_english_term_joined_to_another_word_by_a_hyphen_translates_the_chinese():
    assert gl005_terms(VIRUS, chinese_written("B 细胞产生病毒特异性抗体。",
                                              "B cells produce virus-specific antibodies.")) == []


GREEN = Glossary(terms=[Entry("green transition", ["绿色转型"], Status.APPROVED)])


def test_a_rendering_inside_a_file_name_or_tag_the_english_keeps_is_no_finding():
    """As an English term inside `user.cfg` kept in the Chinese is none (final probe, M2)."""
    assert gl005_terms(GREEN,
                       chinese_written("请查看 #绿色转型 话题。", "See the #绿色转型 topic."),
                       chinese_written("打开 绿色转型.md 文件。", "Open the 绿色转型.md file.")) == []
    # a name the English changes, or the rendering beside the name, is still the term
    assert gl005_terms(GREEN,
                       chinese_written("打开 绿色转型.md 文件。", "Open the green-shift.md file."),
                       chinese_written("关注 #绿色转型 ，推动绿色转型。", "Follow #绿色转型 and drive the green shift.")) == [
        "green transition", "green transition"]
