from dataclasses import replace

from glossary_cli.extract import extract
from glossary_cli.models import Location, SegmentPair
from glossary_cli.scoring import PairFeatures, english_commonness, general_frequency, latin_modifier, learned_share


def pair(**changes) -> PairFeatures:
    values = dict(best=1.0, mean=1.0, count=1, dice=0.0, link_share=1.0, nested_ratio=0.0, words=2, name=False,
                  acronym=False, quoted=False, long_word=False,
                  corpus_segments=33, commonness=2.0, english_commonness=0.5)
    values.update(changes)
    return PairFeatures(**values)


def corpus(*strings: tuple[str, str]) -> list[SegmentPair]:
    return [SegmentPair(source, target, Location("ui.po", 4 * number + 1))
            for number, (source, target) in enumerate(strings)]


def test_learned_combination_only_ranks_big_corpora():
    assert learned_share(33) == 0.0
    assert 0.0 < learned_share(1_000) < 1.0
    assert learned_share(5_000) == 1.0
    assert pair().score() == round(pair().prior(), 4)


def test_a_single_word_inside_a_longer_term_is_a_fragment():
    assert pair(words=1, nested_ratio=1.0).score() < pair(words=2).score()


def test_quotes_and_names_raise_termhood():
    assert pair(quoted=True).score() > pair().score()
    assert pair(words=1, name=True).score() > pair(words=1).score()


def test_phrases_of_everyday_words_rank_below_terms_with_a_rare_word():
    assert english_commonness("material passport") < english_commonness("clear opportunity")
    assert pair(english_commonness=english_commonness("clear opportunity")).score() < pair().score()


def test_in_a_big_corpus_a_frequent_consistent_pair_beats_a_one_off():
    big = dict(corpus_segments=3_000)
    assert pair(count=40, dice=0.8, **big).score() > pair(count=1, dice=0.0, **big).score()


def test_a_past_participle_on_its_own_ranks_below_a_noun_in_small_and_big_corpora():
    from glossary_cli.models import Evidence
    from glossary_cli.scoring import PairTally, features

    def one_word(word: str, corpus_segments: int) -> PairFeatures:
        tally = PairTally()
        tally.scores.append(1.0)
        tally.source_forms[(False, word)] += 1
        tally.target_forms["报告"] += 1
        tally.segments.add(0)
        tally.evidence.append(Evidence("a.txt:1", word, "报告"))
        # equally common in general English, so that only the participle tells them apart
        return replace(features(tally, 3, 3, 3, corpus_segments), general_frequency=4.0)

    for size in (33, 3_000):
        assert one_word("reported", size).participle and not one_word("report", size).participle
        assert one_word("reported", size).score() < one_word("report", size).score()
    assert not one_word("speed", 33).participle and not one_word("Archived", 33).participle


def test_in_a_big_corpus_an_everyday_word_ranks_below_a_rare_one_with_the_same_evidence():
    assert general_frequency("including") > 5 > general_frequency("ventilator")
    assert general_frequency("mechanical ventilation") == general_frequency("ventilation")
    big = dict(words=1, count=20, dice=0.6, corpus_segments=3_000)
    everyday = pair(general_frequency=general_frequency("including"), **big)
    rare = pair(general_frequency=general_frequency("ventilator"), **big)
    assert everyday.score() < rare.score()
    assert general_frequency("WHO") == 0.0  # the acronym, not the everyday `who`


def test_in_an_article_an_everyday_single_word_ranks_below_a_rare_one():
    # `strategy` repeated three times and translated alike is the author's style; `photovoltaics` is a term
    small = dict(words=1, count=3, corpus_segments=33)
    everyday, rare = general_frequency("strategy"), general_frequency("photovoltaics")
    assert pair(general_frequency=everyday, **small).score() < pair(general_frequency=rare, **small).score()
    # a phrase, a name, an acronym or a hyphenated compound is not judged by how common one of its words is
    for exempt in (dict(words=2), dict(name=True), dict(acronym=True), dict(compound=True)):
        assert (pair(general_frequency=everyday, **{**small, **exempt}).score()
                == pair(general_frequency=rare, **{**small, **exempt}).score())


def test_a_ui_label_translated_as_a_whole_is_a_term_however_short_or_common():
    # `Save` <-> `保存` as a whole string: in an article's prose the word alone would be a fragment,
    # in a big translation memory an everyday word; in a UI it is what the glossary is for.
    save = dict(words=1, count=3, dice=0.5, general_frequency=general_frequency("save"))
    for size in (130, 3_000):
        label, in_prose = pair(label=True, corpus_segments=size, **save), pair(corpus_segments=size, **save)
        assert label.score() > in_prose.score()
        assert label.score() > 0.5
    assert pair(words=2, label=True).score() > pair(words=2).score()


def test_spellings_that_differ_only_in_case_and_share_a_translation_are_one_entry():
    pairs = corpus(("Export as JSON", "导出为 JSON"), ("Import JSON settings", "导入 JSON 设置"),
                   ("Custom options (Json)", "自定义选项（Json）"), ("Clear the cache", "清除缓存"),
                   ("Flush the CACHE", "刷新高速缓存"), ("CACHE size", "高速缓存大小"))
    entries = {pair.source: pair for pair in extract(pairs).pairs}
    assert "Json" not in entries and entries["JSON"].count == 3
    # translated apart, the two spellings stay two entries
    assert entries["cache"].target == "缓存" and entries["CACHE"].target == "高速缓存"


def test_a_word_kept_in_english_inside_a_title_does_not_make_it_a_name():
    # `Medicine` capitalised once, inside a journal's name the translation keeps; `medicine` ->
    # 药物 twice in running text. Name-ness belongs to the English term, not to one translation.
    pairs = corpus(("The study appeared in the Journal of Medicine last year.", "该研究去年发表在 Journal of Medicine 上。"),
                   ("Take this medicine twice a day.", "这种药物每天服用两次。"),
                   ("No medicine can cure the common cold.", "没有药物能治愈普通感冒。"))
    entry = next(pair for pair in extract(pairs).pairs if pair.source_key == "medicine")
    assert (entry.source, entry.target) == ("medicine", "药物")


def test_a_name_the_translation_keeps_in_english_is_one_unit_not_a_translated_phrase():
    # Translating several words as a whole says they are a fixed expression; copying them says nothing.
    for size in (33, 3_000):
        assert pair(kept=True, name=True, corpus_segments=size).score() < pair(name=True, corpus_segments=size).score()
    pairs = corpus(("Apostrophe was created by Wolf Vollprecht.", "Apostrophe由Wolf Vollprecht开发。"),
                   ("Thanks to Wolf Vollprecht", "感谢Wolf Vollprecht"))
    entry = next(pair for pair in extract(pairs).pairs if pair.source == "Wolf Vollprecht")
    assert entry.target == "Wolf Vollprecht"


def test_a_verb_a_manual_repeats_in_every_step_is_no_term():
    # `create` said five times and always 创建 is an instruction; `snapshot` as often is a term
    steady = dict(words=1, count=5, link_share=0.9, corpus_segments=120)
    assert pair(verb=True, **steady).score() < pair(**steady).score()
    # a button labelled `Create` and translated as a whole is still a UI term
    assert pair(verb=True, label=True, **steady).score() == pair(label=True, **steady).score()


def test_a_latin_modifier_that_combines_with_anything_makes_phrases_not_terms():
    # COVID-19 starts 68 of TICO-19's targets (COVID-19 患者, COVID-19 病例 ...); API a few
    few, many = pair(modifier_heads=3, corpus_segments=3_000), pair(modifier_heads=68, corpus_segments=3_000)
    assert many.score() < few.score() < pair(corpus_segments=3_000).score()
    assert latin_modifier("api密钥") == "api" and latin_modifier("2小时") is None and latin_modifier("电网") is None
    assert latin_modifier("蝙蝠sars-cov") == "sars-cov"  # a Latin head after Chinese counts alike


def test_in_a_big_corpus_a_long_phrase_needs_more_evidence_unless_it_is_a_name_or_a_label():
    # `limiting nonessential visitors` <-> 限制非必要访客 translates once; `contact tracing` is a term.
    # Most three-word spans a big corpus links are phrases that happen to translate.
    big = dict(count=2, dice=0.5, corpus_segments=3_000)
    assert pair(words=3, **big).score() < pair(words=2, **big).score()
    # a capitalised name (`Transport Layer Security`) or a UI label (`Add to cart`) is one at any length
    assert pair(words=3, name=True, **big).score() >= pair(words=2, name=True, **big).score()
    assert pair(words=3, label=True, **big).score() == pair(words=2, label=True, **big).score()


def test_of_two_renderings_tied_on_evidence_the_one_every_word_explains_is_proposed():
    """TICO-19 renders `multi-organ failure` 多器官功能衰竭 three times (its 功能, `function`, in no
    English word) and 多器官衰竭 twice (every character explained): their priors differ by under 1%,
    which a link's count or co-occurrence makes, so the better-explained rendering is proposed.
    Where the corpus's usage is plainly stronger, it wins."""
    from glossary_cli.scoring import PairTally, rank

    def rendering(target: str, score: float, segments: list[int]) -> PairTally:
        tally = PairTally()
        for segment in segments:
            tally.scores.append(score)
            tally.source_forms[(False, "multi-organ failure")] += 1
            tally.target_forms[target] += 1
            tally.segments.add(segment)
            tally.signals["lexicon"] += 1
        return tally

    def proposed(partly_explained_score: float, other_places_of_the_explained: int, explained_links: int = 2,
                 min_score: float = 0.0) -> str | None:
        explained_at = [10, 11][:explained_links]
        tallies = {("multi organ failure", "多器官功能衰竭"): rendering("多器官功能衰竭", partly_explained_score, [0, 1, 2]),
                   ("multi organ failure", "多器官衰竭"): rendering("多器官衰竭", 1.0, explained_at)}
        source_postings = {"multi organ failure": {0, 1, 2, *explained_at}, "cough": {3069}}  # 3,070 segments
        target_postings = {"多器官功能衰竭": {0, 1, 2},
                           "多器官衰竭": {*explained_at, *range(20, 20 + other_places_of_the_explained)}}
        entries = rank(tallies, source_postings, target_postings, min_score=min_score)
        return entries[0].target if entries else None

    assert proposed(0.833, 3) == "多器官衰竭"  # priors 0.595 and 0.590: tied
    assert proposed(0.86, 2) == "多器官功能衰竭"  # priors 0.611 and 0.597: the corpus's usage wins
    # One sentence's link does not overrule three (a lexicon learned from the corpus can explain a
    # one-off in full: `school closure` 学校举措, `measures of schools`, against 学校关闭 twice).
    assert proposed(0.58, 0, explained_links=1) == "多器官功能衰竭"  # priors 0.465 and 0.461: tied
    # The tie picks a rendering for a proposed term, and never proposes a term: below --min-score
    # (多器官功能衰竭 scores 0.948, 多器官衰竭 0.978), the term goes, as it did.
    assert proposed(0.833, 3, min_score=0.95) is None
