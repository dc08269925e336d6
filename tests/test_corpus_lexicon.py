from glossary_cli.extract import content_tokens, content_words
from glossary_cli.tokenize import ChineseTokenizer, EnglishTokenizer
from glossary_cli.word_alignment import learn_lexicon

PAIRS = [("Most COVID-19 patients recover at home", "大多数 COVID-19 患者在家中康复"),
         ("COVID-19 patients need oxygen", "COVID-19 患者需要吸氧"),
         ("patients with COVID-19 were isolated", "COVID-19 患者被隔离"),
         ("older patients with COVID-19 were treated", "年长的 COVID-19 患者得到了治疗")]


def lexicon_of(pairs):
    english = EnglishTokenizer().tokenize_many([source for source, _ in pairs])
    chinese = [ChineseTokenizer().tokenize(target) for _, target in pairs]
    return learn_lexicon([content_words(tokens, target) for tokens, (_, target) in zip(english, pairs)],
                         [content_tokens(tokens) for tokens in chinese])


def test_words_the_translation_keeps_as_they_are_are_not_learned():
    tokens = EnglishTokenizer().tokenize_many(["patients with COVID-19 use AI tools"])[0]
    assert content_words(tokens, "COVID-19 患者使用AI工具") == ["patients", "use", "tools"]


def test_a_kept_acronym_is_not_paired_with_a_frequent_chinese_word():
    learned = lexicon_of(PAIRS)
    assert "患者" in learned["patients"]
    assert "covid" not in learned
