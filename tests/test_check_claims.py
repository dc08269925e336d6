"""When a longer rendering of one term hides a shorter term's rendering inside it, and when it
does not (the check probe's findings 2.2-2.4, all from TICO-19)."""

from tests.support import approved, broken


# ------------------------------------------------------------------ a term already rendered claims nothing

COVID = approved("COVID-19", ["COVID-19", "2019冠状病毒病"])
CORONAVIRUS_DISEASE = approved("coronavirus disease", "冠状病毒病")


def test_a_term_rendered_by_its_latin_form_leaves_its_other_rendering_to_the_shorter_term():
    source = "The cause of COVID-19 (coronavirus disease 2019), a disease"
    assert broken([COVID, CORONAVIRUS_DISEASE], source, "COVID-19（2019 冠状病毒病）由 SARS-CoV-2 病毒引起") == []
    # Without the Latin form, 2019冠状病毒病 is COVID-19's: the compound rule holds.
    assert broken([COVID, CORONAVIRUS_DISEASE], source, "2019 冠状病毒病由 SARS-CoV-2 病毒引起") == [
        ("GL001", "coronavirus disease")]


def test_an_acronym_kept_beside_its_translation_leaves_the_words_inside_it():
    entries = [approved("rhACE2", ["rhACE2", "重组人 ACE2"]), approved("ACE2", ["ACE2", "人 ACE2"]),
               approved("RdRp", ["RdRp", "RNA 聚合酶"]), approved("polymerase", "聚合酶")]
    assert broken(entries, "Recombinant human ACE2 (rhACE2) is a therapy.", "重组人 ACE2 (rhACE2) 是一种疗法。") == []
    assert broken(entries, "The RNA-dependent RNA polymerase (RdRp).", "RNA 依赖性 RNA 聚合酶 (RdRp)。") == []


# ------------------------------------------------------------------ a claim takes as many as the English says

SUSPECTED_CASE, SUSPECTED = approved("suspected case", "疑似病例"), approved("suspected", "疑似")


def test_one_occurrence_of_the_longer_term_claims_one_rendering():
    source = "One suspected case was found; suspected patients are isolated."
    assert broken([SUSPECTED_CASE, SUSPECTED], source, "发现一例疑似病例；疑似病例患者已被隔离。") == []
    assert broken([SUSPECTED_CASE, SUSPECTED], source, "发现一例疑似病例；病例患者已被隔离。") == [
        ("GL001", "suspected")]


def test_counting_targets_leaves_a_rendering_the_longer_term_does_not_need():
    coronavirus, novel = approved("coronavirus", "冠状病毒"), approved("novel coronavirus", "新型冠状病毒")
    source = "A novel coronavirus is a coronavirus."
    assert broken([coronavirus, novel], source, "新型冠状病毒是一种新型冠状病毒。", strict_count=True) == []
    assert broken([coronavirus, novel], source, "新型冠状病毒是一种病毒。", strict_count=True) == [
        ("GL001", "coronavirus")]


# ------------------------------------------------------------------ a term the English does not hold has no say

PUBLIC_HEALTH = approved("public health", "公共卫生")
PHE = approved("PHE", ["PHE", "英格兰公共卫生部"])


def test_a_term_not_in_the_english_does_not_cut_the_words_of_the_translation():
    """Approving PHE had made a clean file fail: its rendering became a word that 公共卫生 was inside."""
    source, target = "Public Health England issued guidance.", "英格兰公共卫生部发布了指南。"
    assert broken([PUBLIC_HEALTH], source, target) == []
    assert broken([PUBLIC_HEALTH, PHE], source, target) == []


def test_a_term_in_the_english_hides_a_rendering_inside_its_own_only_by_claiming_it():
    source = "Public Health England (PHE) issued guidance."
    assert broken([PUBLIC_HEALTH, PHE], source, "英格兰公共卫生部 (PHE) 发布了指南。") == []
    assert broken([PUBLIC_HEALTH, PHE], source, "英格兰公共卫生部发布了指南。") == [("GL001", "public health")]
    assert broken([approved("public health", "公共卫生", extra={"match_compounds": True}), PHE], source,
                  "英格兰公共卫生部发布了指南。") == []


def test_a_wrong_rendering_approved_for_another_spelling_hides_nothing():
    """TICO-19: an approved junk target of `hand sanitiser` hid 酒精洗手液 from the American spelling's entry."""
    entries = [approved("alcohol-based hand sanitizer", "酒精洗手液"), approved("hand sanitiser", "含酒精洗手液洗手")]
    assert broken(entries, "Use alcohol-based hand sanitizer.", "使用含酒精洗手液洗手。") == []


# ------------------------------------------------------------------ terms that overlap without nesting

def test_two_terms_that_overlap_in_the_english_are_both_checked():
    # "novel coronavirus disease" holds novel coronavirus and coronavirus disease: neither is inside the other.
    entries = [approved("novel coronavirus", "新型冠状病毒"), approved("coronavirus disease", "冠状病毒病"),
               approved("coronavirus", "冠状病毒")]
    source = "The novel coronavirus disease spreads."
    assert broken(entries, source, "新型冠状病毒病正在传播。") == []
    assert broken(entries, source, "新型冠状病毒肺炎正在传播。") == [("GL001", "coronavirus disease")]
    assert broken(entries, source, "新冠状病毒病正在传播。") == [("GL001", "novel coronavirus")]

