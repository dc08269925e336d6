"""Where a corpus renders a term two ways with close support, extract proposes the rendering the
dictionary gives for the whole term; the corpus's own usage wins where it is plainly stronger."""

from glossary_cli.dictionary_terms import gloss_keys, listed_renderings
from glossary_cli.extract import ExtractOptions, extract
from glossary_cli.models import Location, SegmentPair
from glossary_cli.scoring import preferred_rendering


def corpus(pairs):
    return [SegmentPair(english, chinese, Location("c.tsv", number))
            for number, (english, chinese) in enumerate(pairs, start=1)]


def proposals(pairs) -> dict[str, tuple[str, list[str]]]:
    return {pair.source: (pair.target, [alternative.target for alternative in pair.alternatives])
            for pair in extract(corpus(pairs)).pairs}


def test_a_term_and_a_gloss_meet_through_inflection_not_derivation():
    assert "lung" in gloss_keys("Lungs")
    assert gloss_keys("breathing") & gloss_keys("to breathe")
    assert "built" in gloss_keys("built") and "build" in gloss_keys("built")
    assert not gloss_keys("supportive") & gloss_keys("to support")


def test_the_dictionary_lists_renderings_of_whole_terms():
    assert "肺" in listed_renderings("lungs")
    assert "呼吸" in listed_renderings("breathing")
    assert not listed_renderings("supportive") & {"支持"}


# 肺部 three times, 肺 twice: close, and CC-CEDICT glosses 肺 `lung`.
LUNGS = [
    ("The virus damages the lungs.", "病毒损伤肺部。"),
    ("Smoking harms the lungs.", "吸烟危害肺部。"),
    ("Fluid fills the lungs.", "液体充满肺部。"),
    ("The lungs absorb oxygen.", "肺吸收氧气。"),
    ("Doctors listen to the lungs.", "医生听诊肺。"),
]


def test_of_two_close_renderings_the_one_the_dictionary_gives_is_proposed():
    target, alternatives = proposals(LUNGS)["lung"]
    assert target == "肺"
    assert "肺部" in alternatives  # the corpus's other rendering stays in view


def test_a_dictionary_rendering_below_min_score_leaves_the_term_its_corpus_rendering():
    # 肺 scores 0.45 here, 肺部 0.80: with --min-score 0.5 the term is kept, as the corpus renders it.
    pairs = {pair.source: pair for pair in extract(corpus(LUNGS), options=ExtractOptions(min_score=0.5)).pairs}
    assert pairs["lung"].target == "肺部"


def test_a_rendering_the_corpus_plainly_prefers_stays():
    # Heart failure is 衰竭 four times here, a failed plan 失败 (a dictionary gloss of failure) once.
    pairs = [("The failure progressed quickly.", "衰竭进展迅速。"),
             ("The failure was treated in hospital.", "衰竭在医院得到治疗。"),
             ("Doctors watched the failure closely.", "医生密切观察衰竭。"),
             ("The failure caused swelling.", "衰竭引起肿胀。"),
             ("The plan was a failure.", "计划失败了。")]
    target, alternatives = proposals(pairs)["failure"]
    assert target == "衰竭"
    assert "失败" in alternatives


def test_an_acronym_is_left_to_the_corpus():
    # WHO is no `who`, whatever the dictionary glosses 谁 with.
    assert "谁" in listed_renderings("who")
    options = [(0.8, 5, "世卫组织"), (0.6, 5, "谁")]
    assert preferred_rendering("WHO", options) == "世卫组织"
    assert preferred_rendering("who", options) == "谁"


def test_of_two_renderings_the_dictionary_gives_the_corpus_usage_decides():
    # CC-CEDICT glosses both 免疫 and 免疫力 `immunity`; this corpus links 免疫 seven times, 免疫力 five.
    assert {"免疫", "免疫力"} <= listed_renderings("immunity")
    options = [(0.56, 5, "免疫力"), (0.46, 7, "免疫"), (0.16, 2, "群体免疫")]
    assert preferred_rendering("immunity", options) == "免疫"
    # ...but only among renderings the corpus supports: used twice, 免疫 would be no match for 免疫力.
    assert preferred_rendering("immunity", [(0.56, 5, "免疫力"), (0.46, 2, "免疫")]) == "免疫力"
