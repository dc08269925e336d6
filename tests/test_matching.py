"""Where `glossary check` finds terms, and where it refuses to."""

from hypothesis import given
from hypothesis import strategies as st

from glossary_cli.glossary import Entry, Status
from glossary_cli.matching import (TermMatcher, english_forms, inflections, normalise_chinese,
                                   normalise_english)
from glossary_cli.models import Location, SegmentPair


def approved(source, target, **fields):
    return Entry(source=source, target=[target] if isinstance(target, str) else list(target),
                 status=Status.APPROVED, **fields)


def pair(source, target="", line=1):
    return SegmentPair(source, target, Location("corpus.tsv", line))


def found_in_source(entries, text):
    """{entry source: [matched texts]} for an English segment."""
    matcher = TermMatcher(entries)
    return {matcher.entries[index].source: [o.text for o in occurrences]
            for index, occurrences in matcher.find_in_source(text).items()}


def rendered(entries, source, target, term=None):
    """The allowed renderings found in the target for `term` (default: the first entry)."""
    hits = {hit.entry.source: hit for hit in TermMatcher(entries).hits(pair(source, target))}
    hit = hits[term or entries[0].source]
    return [occurrence.text for occurrence in hit.targets]


# ------------------------------------------------------------------ English side

def test_plural_of_the_head_noun_matches():
    assert found_in_source([approved("smart grid", "智能电网")], "Smart grids balance load.") == {
        "smart grid": ["Smart grids"]}


def test_a_term_written_in_the_plural_also_matches_the_singular():
    assert found_in_source([approved("policies", "政策")], "This policy applies.") == {"policies": ["policy"]}


def test_whole_words_only():
    assert found_in_source([approved("grid", "电网")], "The gridlock on the highway.") == {}
    assert found_in_source([approved("grid", "电网")], "A grid's edge.") == {"grid": ["grid"]}


def test_inflections_come_from_the_shared_lemmatizer():
    assert inflections("policy") >= {"policy", "policies"}
    assert inflections("analysis") >= {"analysis", "analyses"}
    assert english_forms("EV") == {"EV", "EVs"}


def test_case_is_folded_unless_the_entry_is_case_sensitive():
    assert found_in_source([approved("smart grid", "智能电网")], "SMART GRID") == {"smart grid": ["SMART GRID"]}
    assert found_in_source([approved("AIDS", "艾滋病")], "hearing aids") == {}
    assert found_in_source([approved("AIDS", "艾滋病")], "AIDS patients") == {"AIDS": ["AIDS"]}
    assert found_in_source([approved("Aids", "艾滋病", case_sensitive=True)], "aids") == {}
    assert found_in_source([approved("V2G", "车网互动", case_sensitive=False)], "v2g") == {"V2G": ["v2g"]}


def test_hyphens_and_spaces_are_interchangeable():
    entries = [approved("super-charging", "超级充电")]
    assert found_in_source(entries, "super charging and Super-Charging") == {
        "super-charging": ["super charging", "Super-Charging"]}


def test_a_hyphenated_compound_is_not_an_occurrence_of_its_parts():
    assert found_in_source([approved("MERS", "中东呼吸综合征")], "infected with MERS-CoV") == {}
    assert found_in_source([approved("SARS", "非典")], "SARS-CoV-2 and SARS") == {"SARS": ["SARS"]}


def test_a_hyphen_inside_a_word_may_be_left_out():
    assert found_in_source([approved("email", "电子邮件")], "Send an e-mail, an E-Mail or an email.") == {
        "email": ["e-mail", "E-Mail", "email"]}
    assert found_in_source([approved("Wi-Fi", "无线网络")], "WiFi, wifi and Wi-Fi") == {
        "Wi-Fi": ["WiFi", "wifi", "Wi-Fi"]}
    assert found_in_source([approved("email address", "电子邮件地址")], "your e-mail addresses") == {
        "email address": ["e-mail addresses"]}


def test_a_closed_word_is_not_its_open_spelling():
    # `set up` the verb is not `setup` the noun, nor `log in` `login`
    assert found_in_source([approved("setup", "设置")], "Set up the device.") == {}
    assert found_in_source([approved("log in", "登录")], "Forgot your login?") == {}


def test_an_entry_for_each_spelling_keeps_its_own():
    entries = [approved("email", "电子邮件"), approved("e-mail", "电邮")]
    assert found_in_source(entries, "an e-mail, an email") == {"e-mail": ["e-mail"], "email": ["email"]}


def test_a_spelling_an_entry_has_as_its_own_wins_over_another_entrys_closed_spelling():
    entries = [approved("Wi-Fi", "无线网络"), approved("WiFi", "无线")]  # WiFi: case-sensitive, an inner capital
    assert found_in_source(entries, "WiFi, wifi and Wi-Fi") == {"WiFi": ["WiFi"], "Wi-Fi": ["wifi", "Wi-Fi"]}


def test_longest_match_wins():
    entries = [approved("smart grid", "智能电网"), approved("smart grid operator", "智能电网运营商"),
               approved("grid", "电网")]
    assert found_in_source(entries, "the smart grid operator") == {"smart grid operator": ["smart grid operator"]}
    assert found_in_source(entries, "a smart grid and a grid") == {"smart grid": ["smart grid"], "grid": ["grid"]}


def test_source_variants_match_too():
    entries = [approved("electric vehicle", "电动汽车", source_variants=["EV"])]
    assert found_in_source(entries, "Two EVs") == {"electric vehicle": ["EVs"]}


def test_offsets_point_into_the_original_text():
    text = "Ｔｈｅ  smart   grids"  # full-width letters and runs of spaces
    matcher = TermMatcher([approved("smart grid", "智能电网")])
    (occurrence,) = matcher.find_in_source(text)[0]
    assert text[occurrence.start:occurrence.end] == occurrence.text == "smart   grids"


# ------------------------------------------------------------------ placeholders and markup

def test_placeholders_and_markup_never_count_as_terms():
    entries = [approved("name", "名称"), approved("b", "乙"), approved("amp", "安培"), approved("grid", "电网"),
               approved("option", "选项"), approved("d", "丁")]
    for text in ("Hello {name}", "<b>bold</b>", "Tom &amp; Jerry", "run `grid --fast`", "use --option",
                 "%d files", "%(name)s", "{0} and {1}", "${name}", "see https://example.org/grid"):
        assert found_in_source(entries, text) == {}, text


@given(st.text())
def test_normalisation_never_crashes_and_keeps_a_map_to_the_original(text):
    for normalised in (normalise_english(text), normalise_chinese(text)):
        if normalised.origin is not None:
            assert len(normalised.origin) == len(normalised.text)
            assert all(0 <= index < len(text) for index in normalised.origin)


@given(st.text(), st.sampled_from(["grid", "电网", "V2G"]))
def test_matching_never_crashes(text, term):
    TermMatcher([approved(term, "电网", forbidden=["网格"])]).hits(pair(text, text))


# ------------------------------------------------------------------ Chinese side

def test_a_rendering_is_found_in_the_target():
    assert rendered([approved("grid", "电网")], "the grid", "电网公司") == ["电网"]


def test_a_match_that_cuts_through_a_word_does_not_count():
    entries = [approved("integral", "积分")]
    assert rendered(entries, "the integral", "累积分布函数") == []
    assert rendered(entries, "the integral", "计算积分值") == ["积分"]


def test_a_match_that_cuts_two_words_counts_when_it_reads_as_well_as_jiebas_cut():
    # TICO-19: "the volume of testing" as 受检测量, which jieba cuts 受检/测量 and reads as well as 受/检测/量.
    assert rendered([approved("testing", "检测")], "affected by the volume of testing", "比率受检测量的影响") == ["检测"]
    # Readings far less likely than jieba's cut stay out.
    assert rendered([approved("racket", "球拍")], "the racket", "乒乓球拍卖完了") == []
    assert rendered([approved("mayor", "市长")], "the mayor", "南京市长江大桥") == []


def test_a_match_with_one_end_on_a_word_boundary_counts():
    assert rendered([approved("virus", "病毒")], "virus test", "病毒检测") == ["病毒"]
    assert rendered([approved("antiviral drug", "抗病毒药")], "antiviral drugs", "抗病毒药物") == ["抗病毒药"]


def test_latin_words_in_chinese_text_stay_apart():
    entries = [approved("SARS-CoV-2", "SARS-CoV-2", keep_source=True)]
    assert rendered(entries, "SARS-CoV-2 S1 vaccine", "SARS-CoV-2 S1 疫苗") == ["SARS-CoV-2"]
    assert rendered([approved("smart grid", "smart grid", keep_source=True)], "smart grid", "用 smart  grid 吧") == [
        "smart  grid"]


def test_a_rendering_inside_a_longer_glossary_term_of_the_same_source_needs_match_compounds():
    grid, smart_grid = approved("grid", "电网"), approved("smart grid", "智能电网")
    both = "The smart grid is a grid."
    assert rendered([grid, smart_grid], both, "这个智能电网是网络。", term="grid") == []
    allowing = approved("grid", "电网", match_compounds=True) if hasattr(Entry, "match_compounds") else \
        approved("grid", "电网", extra={"match_compounds": True})
    assert rendered([allowing, smart_grid], both, "这个智能电网是网络。", term="grid") == ["电网"]


def test_a_longer_glossary_term_that_no_source_term_claims_does_not_hide_the_rendering():
    grid, smart_grid = approved("grid", "电网"), approved("smart grid", "智能电网")
    assert rendered([grid, smart_grid], "Build the grid.", "建设智能电网。") == ["电网"]


def test_full_width_and_traditional_forms_are_normalised():
    assert rendered([approved("V2G", "车网互动（V2G）")], "V2G", "車網互動(V2G)") == ["車網互動(V2G)"]
    assert rendered([approved("COVID-19", "COVID-19", keep_source=True)], "COVID-19", "ＣＯＶＩＤ－１９") == [
        "ＣＯＶＩＤ－１９"]


def test_spaces_inside_chinese_text_are_ignored():
    assert rendered([approved("1918 flu", "1918 年流感")], "the 1918 flu", "1918年流感") == ["1918年流感"]


def test_latin_renderings_need_latin_word_edges():
    entries = [approved("CDC", "CDC", keep_source=True)]
    assert rendered(entries, "the CDC", "多个CDCs") == []
    assert rendered(entries, "the CDC", "美国CDC建议") == ["CDC"]


def test_a_forbidden_rendering_inside_an_allowed_one_is_not_reported():
    entries = [approved("smart grid", "智能电网", forbidden=["电网"])]
    (hit,) = TermMatcher(entries).hits(pair("the smart grid", "智能电网"))
    assert hit.forbidden == ()
    (hit,) = TermMatcher(entries).hits(pair("the smart grid", "电网"))
    assert [o.text for o in hit.forbidden] == ["电网"]


def test_placeholders_in_the_target_never_count():
    assert rendered([approved("name", "名称")], "the name", "{名称}") == []


def test_a_placeholder_in_the_target_separates_what_it_stands_between():
    entries = [approved("user account", "用户帐户")]
    assert rendered(entries, "the user account", "用户{0}帐户") == []
    assert rendered(entries, "the user account", "<b>用户帐户</b>") == ["用户帐户"]


def test_han_ranges_cover_extension_b():
    assert normalise_chinese("\U00020000电网").text == "\U00020000电网"
