from pathlib import Path

from glossary_cli.extract import content_tokens, content_words, extract
from glossary_cli.lexicon import Lexicon
from glossary_cli.models import Location, SegmentPair
from glossary_cli.word_alignment import learn_lexicon, without_explained_away
from tests.support import english_tokenizer, plain_chinese_tokenizer

PAIRS = [("Most COVID-19 patients recover at home", "大多数 COVID-19 患者在家中康复"),
         ("COVID-19 patients need oxygen", "COVID-19 患者需要吸氧"),
         ("patients with COVID-19 were isolated", "COVID-19 患者被隔离"),
         ("older patients with COVID-19 were treated", "年长的 COVID-19 患者得到了治疗")]


def lexicon_of(pairs):
    english = english_tokenizer().tokenize_many([source for source, _ in pairs])
    chinese = [plain_chinese_tokenizer().tokenize(target) for _, target in pairs]
    return learn_lexicon([content_words(tokens, target) for tokens, (_, target) in zip(english, pairs)],
                         [content_tokens(tokens) for tokens in chinese])


def test_words_the_translation_keeps_as_they_are_are_not_learned():
    tokens = english_tokenizer().tokenize_many(["patients with COVID-19 use AI tools"])[0]
    assert content_words(tokens, "COVID-19 患者使用AI工具") == ["patients", "use", "tools"]


def test_a_kept_acronym_is_not_paired_with_a_frequent_chinese_word():
    learned = lexicon_of(PAIRS)
    assert "患者" in learned["patients"]
    assert "covid" not in learned


def test_a_rare_word_does_not_learn_what_its_neighbour_means():
    # Three UI strings: `editor` explains 编辑器 wherever `distraction` meets it; Model 1 still
    # hands `distraction` a share of 编辑器, which would make `distraction-free` a term for it.
    pairs = [("An elegant, distraction-free markdown editor", "优雅无杂的markdown编辑器"),
             ("A simple and distraction free Markdown editor", "简单无杂的Markdown编辑器"),
             ("Apostrophe is a GTK based distraction free Markdown editor", "Apostrophe是一个基于GTK的极简Markdown编辑器")]
    english = [content_words(tokens, target) for tokens, (_, target)
               in zip(english_tokenizer().tokenize_many([source for source, _ in pairs]), pairs)]
    chinese = [content_tokens(plain_chinese_tokenizer().tokenize(target)) for _, target in pairs]
    learned = learn_lexicon(english, chinese)
    assert "编辑器" in learned["distraction"]  # what the learner alone makes of it
    dictionary = Lexicon()
    kept = without_explained_away(learned, english, chinese, lambda word, token: token in dictionary.translations(word))
    assert "编辑器" not in kept.get("distraction", {}) and "编辑器" not in kept.get("free", {})
    assert "编辑器" in kept["editor"]
    extracted = extract([SegmentPair(source, target, Location("ui.po", 4 * number + 1))
                         for number, (source, target) in enumerate(pairs)]).pairs
    assert (extracted[0].source, extracted[0].target) == ("Markdown editor", "Markdown编辑器")
    assert not any(pair.target == "编辑器" and "distraction" in pair.source for pair in extracted)


class _Planted:
    def __reduce__(self):
        import os
        return (os.system, ("touch planted-pickle-ran",))


def test_a_pickle_planted_in_the_dictionary_cache_is_not_run_and_the_index_is_rebuilt(tmp_path, monkeypatch):
    """The parsed CC-CEDICT index lives in ~/.cache; a file put there by someone else must not run
    code when it is read, and a damaged one only costs a parse."""
    import pickle

    from glossary_cli import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    cache = lexicon._cache_path(lexicon._cedict_path())
    Path(cache).parent.mkdir(parents=True)
    lexicon.cedict.cache_clear()
    try:
        for planted in (pickle.dumps(_Planted()), b"\x80\x09damaged"):
            Path(cache).write_bytes(planted)
            lexicon.cedict.cache_clear()
            assert "栅格" in lexicon.cedict().headwords["grid"]
            assert not (tmp_path / "planted-pickle-ran").exists()
        assert Path(cache).read_bytes() != planted  # rewritten with the parsed index
    finally:
        lexicon.cedict.cache_clear()
