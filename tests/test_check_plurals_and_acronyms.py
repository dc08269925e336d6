"""What `glossary check` reads as a plural of a term, and what it reads as an acronym instead
(the check probe's findings 2.1 and 2.5, on TICO-19)."""

from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.validate import validate_glossary
from tests.support import approved, broken


def problems_in(text: str) -> list[str]:
    glossary, problems = parse_glossary("terms:\n" + text, "g.yaml")
    assert problems == []
    return [str(problem) for problem in validate_glossary(glossary, "g.yaml")]


# ------------------------------------------------------------------ plurals in -ics, -ies, -uses

PANDEMIC = approved("pandemic", "大流行", forbidden=["疫情"])


def test_a_forbidden_rendering_of_a_term_in_ics_is_caught_in_the_plural():
    """TICO-19: `Such underestimation often occurs in pandemics` → …猪流感疫情, 疫情 forbidden."""
    assert broken([PANDEMIC], "The pandemic is bad.", "疫情很糟。") == [("GL002", "pandemic")]
    assert broken([PANDEMIC], "Pandemics are bad.", "疫情很糟。") == [("GL002", "pandemic")]
    assert broken([PANDEMIC], "Pandemics are bad.", "大流行很糟。") == []


def test_terms_in_ics_ie_and_us_are_checked_in_the_plural():
    entries = [approved("antibiotic", "抗生素"), approved("clinic", "诊所"), approved("cookie", "Cookie"),
               approved("movie", "电影"), approved("calorie", "卡路里"), approved("sinus", "鼻窦")]
    for source, target, term in (("Antibiotics do not work against viruses.", "抗菌药对病毒无效。", "antibiotic"),
                                 ("Visit clinics nearby.", "去附近的医院。", "clinic"),
                                 ("We use cookies.", "我们使用小甜饼。", "cookie"),
                                 ("Watch movies at home.", "在家看影片。", "movie"),
                                 ("Count calories.", "计算热量。", "calorie"),
                                 ("Blocked sinuses hurt.", "鼻塞很痛。", "sinus")):
        assert broken(entries, source, target) == [("GL001", term)], source
    assert broken(entries, "We use cookies.", "我们使用 Cookie。") == []


def test_a_field_of_study_in_ics_is_no_plural():
    """`economics` is not several economics, nor `phylogenetics` several phylogenetic things."""
    entries = [approved("economic", "经济的"), approved("phylogenetic", "系统发育的")]
    assert broken(entries, "She teaches economics and phylogenetics.", "她教经济学和系统发生学。") == []


def test_an_entry_written_in_the_plural_keeps_its_own_text():
    """extract writes `influenza pandemics` as found; beside `influenza pandemic` it is another
    entry, each checked where the text is its own, and validate accepts the two."""
    entries = [approved("influenza pandemic", "流感大流行"), approved("influenza pandemics", "流感疫情")]
    assert broken(entries, "Influenza pandemics recur.", "流感疫情反复出现。") == []
    assert broken(entries, "An influenza pandemic recurs.", "流感疫情反复出现。") == [("GL001", "influenza pandemic")]
    assert problems_in("  - {source: influenza pandemic, target: 流感大流行, status: approved}\n"
                       "  - {source: influenza pandemics, target: 流感大流行, status: candidate}\n") == []


# ------------------------------------------------------------------ acronyms in capitals

AID = approved("aid", "援助")


def test_an_acronym_in_capitals_is_not_the_plural_of_a_lower_case_term():
    """TICO-19: `drugs specifically developed for HIV/AIDS` had been reported as `aid`."""
    assert broken([AID], "New drugs for HIV/AIDS.", "针对艾滋病毒/艾滋病的新药。") == []
    assert broken([AID], "AIDS is a disease.", "艾滋病是一种疾病。") == []
    entries = [approved("arm", "手臂"), approved("good", "好"), approved("art", "艺术")]
    assert broken(entries, "Strategic ARMS talks began.", "战略武器会谈开始。") == []
    assert broken(entries, "The GOODS act passed.", "GOODS 法案通过。") == []
    assert broken(entries, "Patients on ARTS therapy.", "接受抗逆转录病毒治疗的患者。") == []


def test_the_plural_of_a_lower_case_term_is_still_checked_in_other_cases():
    assert broken([AID], "Hearing aids help.", "助听器有帮助。") == [("GL001", "aid")]
    assert broken([AID], "Hearing Aids", "助听器") == [("GL001", "aid")]
    # In a text all in capitals the capitals say nothing: AIDS may be aids.
    assert broken([AID], "HEARING AIDS HELP", "助听器有帮助") == [("GL001", "aid")]


def test_aid_and_AIDS_can_both_be_approved():
    assert problems_in("  - {source: aid, target: 援助, status: approved}\n"
                       "  - {source: AIDS, target: 艾滋病, status: approved}\n") == []
    entries = [AID, approved("AIDS", "艾滋病")]
    assert broken(entries, "AIDS is a disease.", "援助是一种疾病。") == [("GL001", "AIDS")]
    assert broken(entries, "Hearing aids help.", "艾滋病有帮助。") == [("GL001", "aid")]
    # In capitals throughout, the approved spelling AIDS is the term.
    assert broken(entries, "AIDS PATIENTS", "援助病人") == [("GL001", "AIDS")]


def test_approving_AIDS_beside_aid_adds_its_own_entry_without_calling_it_the_same_term(runner, tmp_path):
    from glossary_cli.cli.common import app

    path = tmp_path / "g.yaml"
    path.write_text("glossary: 1\nterms:\n  - {source: aid, target: 援助, status: approved}\n", encoding="utf-8")
    result = runner.invoke(app, ["approve", str(path), "AIDS", "--target", "艾滋病"])
    assert result.exit_code == 0, result.output
    assert "is the term of the approved entry" not in result.stderr
    assert problems_in(path.read_text(encoding="utf-8").split("terms:\n", 1)[1]) == []


def test_aid_and_a_case_insensitive_AIDS_are_still_one_term():
    """Both entries then match `aids` in ordinary text: validate says so, as before."""
    assert len(problems_in("  - {source: aid, target: 援助, status: approved}\n"
                           "  - {source: AIDS, target: 艾滋病, status: approved, case_sensitive: false}\n")) == 1


# ------------------------------------------------------------------ numbered names in any case

COVID = approved("COVID-19", ["COVID-19", "新冠肺炎"], forbidden=["武汉肺炎"])


def test_a_numbered_name_in_capitals_is_found_however_it_is_written():
    """TICO-19 writes Covid-19 three times; an approved COVID-19 had skipped those sentences."""
    for source in ("Covid-19 is spreading.", "covid-19 is spreading.", "COVID-19 is spreading."):
        assert broken([COVID], source, "武汉肺炎正在传播。") == [("GL002", "COVID-19")], source


def test_other_acronyms_keep_their_case():
    assert broken([approved("V2G", "车网互动")], "Our v2g pilot started.", "我们的车辆到电网试点已启动。") == []
    assert broken([approved("COVID-19", "新冠肺炎", case_sensitive=True)], "Covid-19 is spreading.",
                  "武汉肺炎正在传播。") == []
