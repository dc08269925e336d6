"""What `glossary check` says about one translated sentence: examples from real corpora."""

from tests.support import approved, broken


CORONAVIRUS = approved("coronavirus", ["冠状病毒", "新型冠状病毒"])
MERS = approved("MERS", "中东呼吸综合征")


# ------------------------------------------------------------------ English words and their edges

def test_a_term_next_to_a_dash_without_spaces_is_checked():
    """US style writes the em dash without spaces (TICO-19: `this coronavirus—because it's so
    readily transmissible—will…`); a dash ends a clause, it makes no compound."""
    for dash in ("\u2014", "\u2013"):  # em dash, en dash
        source = f"I think this coronavirus{dash}because it spreads easily{dash}will not disappear."
        assert broken([CORONAVIRUS], source, "我认为这种病毒传播性很强，不会消失。") == [
            ("GL001", "coronavirus")], dash


def test_a_term_hyphenated_into_a_compound_is_not_checked():
    for hyphen in ("-", "\u2010", "\u2011"):  # hyphen-minus, hyphen, non-breaking hyphen
        assert broken([MERS], f"Patients infected with MERS{hyphen}CoV recovered.", "感染冠状病毒的患者已康复。") == []


def test_in_a_string_all_in_capitals_an_acronym_that_spells_a_function_word_is_that_word():
    """`CONTACT US` is `contact us`, not the United States: capitals in a shouted string say nothing."""
    entries = [approved("US", "美国"), approved("WHO", ["世界卫生组织", "世卫组织"]), approved("IT", "信息技术")]
    assert broken(entries, "CONTACT US", "联系我们") == []
    assert broken(entries, "IT IS HEREBY ORDERED THAT:", "特此命令：") == []
    assert broken(entries, "WHO SHOULD GET TESTED?", "哪些人应该接受检测？") == []
    # In ordinary text the capitals do say it is the acronym.
    assert broken(entries, "Call the WHO hotline.", "拨打热线。") == [("GL001", "WHO")]


def test_in_a_string_all_in_capitals_other_acronyms_are_still_checked():
    assert broken([approved("AIDS", "艾滋病")], "AIDS PATIENTS", "病人") == [("GL001", "AIDS")]
    assert broken([approved("COVID-19", "新冠肺炎")], "COVID-19 TESTING SITES", "检测点") == [("GL001", "COVID-19")]


def test_a_spelled_out_variant_of_an_acronym_matches_in_any_case():
    """`V2G` matches only in capitals; its variant `vehicle-to-grid` also starts a sentence or a title."""
    v2g = approved("V2G", ["V2G", "车网互动"], source_variants=["vehicle-to-grid"])
    wrong = "我们的车辆到电网试点已启动。"
    for source in ("Our vehicle-to-grid pilot started.", "Vehicle-to-grid pilots started.",
                   "Vehicle-To-Grid Pilots", "Our V2G pilot started."):
        assert broken([v2g], source, wrong) == [("GL001", "V2G")], source
    assert broken([v2g], "Our v2g pilot started.", wrong) == []  # the acronym keeps its case


def test_case_sensitive_set_on_the_entry_holds_for_every_spelling():
    v2g = approved("V2G", "车网互动", source_variants=["vehicle-to-grid"], case_sensitive=True)
    assert broken([v2g], "Vehicle-to-grid pilots started.", "车辆到电网试点已启动。") == []
    assert broken([v2g], "Our vehicle-to-grid pilot started.", "我们的车辆到电网试点已启动。") == [("GL001", "V2G")]


# ------------------------------------------------------------------ plurals

def test_a_term_is_checked_in_its_plural():
    wrong = {"alias": "删除所有名称。", "canvas": "调整画板大小。", "bacterium": "病菌繁殖。", "tooth": "刷牙。"}
    entries = [approved("alias", "别名"), approved("canvas", "画布"), approved("bacterium", "细菌"),
               approved("tooth", "牙齿")]
    for source, (term, target) in zip(("Delete all aliases.", "Resize the canvases.", "The bacteria multiply.",
                                       "Brush your teeth."), wrong.items()):
        assert broken(entries, source, target) == [("GL001", term)], source


def test_a_term_written_in_the_plural_is_checked_in_the_singular():
    assert broken([approved("aliases", "别名")], "Delete the alias.", "删除该名称。") == [("GL001", "aliases")]


# ------------------------------------------------------------------ counting renderings (--strict-count)

AIDS = approved("AIDS", ["艾滋病（AIDS）", "艾滋病"])  # as in TICO-19's gold glossary


def test_strict_count_counts_a_rendering_inside_a_longer_one_once():
    """艾滋病（AIDS）holds the other allowed rendering 艾滋病; the translation still names AIDS once."""
    source = "AIDS patients and other AIDS cases."
    assert broken([AIDS], source, "艾滋病（AIDS）患者和其他病例。", strict_count=True) == [("GL004", "AIDS")]
    assert broken([AIDS], source, "艾滋病（AIDS）患者和其他艾滋病病例。", strict_count=True) == []


# ------------------------------------------------------------------ Chinese spellings of the same text

def test_a_term_kept_with_a_non_breaking_hyphen_counts_as_kept():
    """The translator copied `Wi‑Fi` from the source, non-breaking hyphen (U+2011) and all."""
    wifi = approved("Wi-Fi", keep_source=True)
    assert broken([wifi], "Turn on Wi\u2011Fi.", "打开 Wi\u2011Fi。") == []
    assert broken([wifi], "Turn on Wi-Fi.", "打开 Wi\u2010Fi。") == []
    assert broken([wifi], "Turn on Wi\u2011Fi.", "打开无线网络。") == [("GL003", "Wi-Fi")]


def test_any_middle_dot_separates_a_transliterated_name():
    gates = approved("Bill Gates", "比尔·盖茨")
    for dot in ("\u00b7", "\u30fb", "\uff65", "\u2027", "\u2022", "\u2219", "\u22c5", "\u2e31"):
        assert broken([gates], "Bill Gates said.", f"比尔{dot}盖茨说。") == [], f"U+{ord(dot):04X}"
    assert broken([gates], "Bill Gates said.", "盖茨说。") == [("GL001", "Bill Gates")]


# ------------------------------------------------------------------ placeholders and markup

USER_ACCOUNT, FILE_NAME = approved("user account", "用户帐户"), approved("file name", "文件名")


def test_a_placeholder_between_two_words_does_not_make_them_a_term():
    """`user %s account` is `user Bob's account`: no user account is mentioned."""
    assert broken([USER_ACCOUNT, FILE_NAME], "Delete the user %s account?", "要删除用户 %s 的帐号吗？") == []
    assert broken([USER_ACCOUNT, FILE_NAME], "Copy the file {0} name.", "复制文件 {0} 的名称。") == []
    assert broken([USER_ACCOUNT], "Delete the user account %s?", "要删除帐号 %s 吗？") == [("GL001", "user account")]


def test_markup_around_a_word_of_a_term_leaves_the_term():
    assert broken([USER_ACCOUNT], 'Open your user <a href="/me">account</a>.', "打开您的帐号。") == [
        ("GL001", "user account")]
    assert broken([USER_ACCOUNT], "Open your user&nbsp;account.", "打开您的用户帐户。") == []
