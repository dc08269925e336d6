import pytest

from glossary_cli.tokenize import ChineseTokenizer, EnglishTokenizer, merge_word_units
from tests.support import english_tokenizer, plain_chinese_tokenizer


def words(text: str) -> list[str]:
    return [token.text for token in english_tokenizer().tokenize_many([text])[0]]


def test_english_word_units_keep_acronyms_and_hyphenated_compounds_whole():
    assert words("Vehicle-to-Grid (V2G) and super-charging") == [
        "Vehicle-to-Grid", "(", "V2G", ")", "and", "super-charging"]


def test_english_offsets_point_into_the_text():
    text = "the EU-China Common Ground Taxonomy"
    for token in english_tokenizer().tokenize_many([text])[0]:
        assert text[token.start:token.end] == token.text


def test_a_dangling_hyphen_is_not_part_of_the_word():
    units = merge_word_units("low- or zero-carbon", [(0, 3), (3, 4), (5, 7), (8, 12), (12, 13), (13, 19)])
    assert [unit.text for unit in units] == ["low", "-", "or", "zero-carbon"]


def test_missing_spacy_model_is_a_usage_error():
    from glossary_cli.errors import UsageError

    with pytest.raises(UsageError, match="not installed"):
        EnglishTokenizer("en_no_such_model")


def test_known_terms_leave_the_tokens_of_texts_without_them_alone():
    plain, known = plain_chinese_tokenizer(), ChineseTokenizer(["虚拟电厂", "绿电交易", "电转气"])
    assert known.jieba.total == plain.jieba.total  # jieba's total weighs every route of every text
    for text in ("城市需要更多的储能设施", "推进风电与光伏的发展", "热泵在北方城市迅速普及"):
        assert [token.text for token in known.tokenize(text)] == [token.text for token in plain.tokenize(text)]


def test_known_terms_are_not_split_by_jieba():
    plain = [t.text for t in plain_chinese_tokenizer().tokenize("材料护照确保可追溯")]
    assert "材料护照" not in plain
    known = [t.text for t in ChineseTokenizer(["材料护照"]).tokenize("材料护照确保可追溯")]
    assert known[0] == "材料护照"


def test_commonness_of_a_target_ignores_the_function_words_jieba_cut_off():
    tokenizer = plain_chinese_tokenizer()
    cut = tokenizer.tokenize("城市碳中和")  # jieba: 城市/碳中/和, though 碳中和 is one word
    assert [token.text for token in cut] == ["城市", "碳中", "和"]
    assert tokenizer.commonness(cut) == tokenizer.commonness(cut[:2])
    and_ = [token for token in cut if token.text == "和"]
    assert tokenizer.commonness(and_) == 0.0  # 和 alone is among the most frequent words jieba knows


def test_an_approved_term_is_kept_whole_but_no_more_common_than_the_dictionary_says():
    """jieba is given an approved term with a weight that keeps it whole (2,000 at least), which
    is no count of how common the word is: 电网 (grid) is 266 in its dictionary, 材料护照 absent."""
    plain, approved = plain_chinese_tokenizer(), ChineseTokenizer(["电网", "材料护照"])
    for term in ("电网", "材料护照"):
        whole = approved.tokenize(term)
        assert [token.text for token in whole] == [term]
        assert approved.commonness(whole) == plain.commonness(whole)
    assert approved.knows("材料护照") and not approved.in_stock_dictionary("材料护照")


def test_a_preposition_or_conjunction_glued_onto_an_unknown_word_is_taken_off():
    # jieba's HMM makes words of 明则 (`Huiming then`) and 马云向 (`to Jack Ma`); no word ends in 则 or 向
    # but a dictionary word (否则, 方向), so the name can be a term without the function word.
    def words(text: str) -> list[str]:
        return [token.text for token in plain_chinese_tokenizer().tokenize(text)]

    assert words("所长成会明则聚焦城市层面")[:4] == ["所长", "成会", "明", "则"]
    assert words("马云向武汉捐赠口罩")[:2] == ["马云", "向"]
    assert "否则" in words("否则就会失败") and "方向" in words("朝另一个方向走")


def test_a_sentence_full_stop_left_on_a_term_is_taken_off():
    """spaCy keeps a full stop on a word as on an abbreviation (`U.S.`); on `SARS-CoV.` it ends the
    sentence, and TICO-19 had `SARS-CoV.` beside `SARS-CoV` as a term of its own, and
    `SARS-CoV-2.The` where a space after the stop was missing."""
    assert words("It is caused by SARS-CoV.") == ["It", "is", "caused", "by", "SARS-CoV", "."]
    assert words("the virus SARS-CoV-2.The study") == ["the", "virus", "SARS-CoV-2", ".", "The", "study"]
    assert words("COVID-19.As a result") == ["COVID-19", ".", "As", "a", "result"]
    assert words("in the U.S. at 9 a.m. with vitamin D. and Node.js or ASP.NET") == [
        "in", "the", "U.S.", "at", "9", "a.m.", "with", "vitamin", "D.", "and", "Node.js", "or", "ASP.NET"]


def test_a_rare_dictionary_word_glued_from_a_word_and_a_locative_is_cut_again():
    """jieba's dictionary lists 工作日内 (within working days) 3 times beside 工作日 789 times, and
    `working day` took 工作日内 as its target."""
    def cut(text, **options):
        tokenizer = ChineseTokenizer(**options) if options else plain_chinese_tokenizer()
        return [token.text for token in tokenizer.tokenize(text)]

    assert cut("我们将在 15 个工作日内答复。")[-4:] == ["工作日", "内", "答复", "。"]
    assert "操作" in cut("操作前请阅读说明。")
    assert "国内" in cut("国内市场")  # a common word stays whole
    assert "工作日内" in cut("我们将在 15 个工作日内答复。", user_words=["工作日内"])  # an approved term too
