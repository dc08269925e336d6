"""The extract cache is keyed by what jieba's dictionary holds, not only by jieba's version: a fork,
a distribution's patch or a swapped-in dict.txt.big cuts words otherwise under the same version."""

import os

import jieba

from glossary_cli.tokenize import ChineseTokenizer, dictionary_digest


def test_a_dictionary_with_other_words_gives_another_digest(tmp_path):
    stock = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    patched = tmp_path / "dict.txt"
    patched.write_bytes(open(stock, "rb").read() + "洛匹那韦 1000 n\n".encode("utf-8"))
    assert dictionary_digest(str(patched)) != dictionary_digest(stock)
    assert ChineseTokenizer().dictionary_digest == dictionary_digest(stock)


def test_tokens_cached_with_another_dictionary_are_not_reused(tmp_path, monkeypatch):
    from glossary_cli.extract import TokenizerSettings, extract, tokenizers
    from glossary_cli.models import Location, SegmentPair

    pairs = [SegmentPair("Lopinavir and ritonavir were tried.", "试用了洛匹那韦和利托那韦。", Location("c.tsv", 1))]
    cache = str(tmp_path / "cache")
    assert extract(pairs, cache_dir=cache).tokenized_pairs == 1
    assert extract(pairs, cache_dir=cache).tokenized_pairs == 0  # the same dictionary: tokens reused
    _english, chinese = tokenizers(TokenizerSettings(None, ()))  # the tokenizers a run loads, once per process
    monkeypatch.setattr(chinese, "dictionary_digest", "a patched dict.txt")
    assert extract(pairs, cache_dir=cache).tokenized_pairs == 1
