"""Function words: spaCy's English stop list, less the content words that start real terms."""

from __future__ import annotations

import sys

from glossary_cli.stopwords import _spacy_stop_words, is_english_stopword


def test_the_stop_list_is_spacys_read_without_importing_spacy():
    from spacy.lang.en.stop_words import STOP_WORDS

    assert _spacy_stop_words() == STOP_WORDS
    assert "glossary_cli._spacy_english_stop_words" not in sys.modules  # loaded as a file, not registered


def test_function_words_content_words_and_acronyms():
    assert is_english_stopword("the") and is_english_stopword("The") and is_english_stopword("don't")
    assert not is_english_stopword("side")  # `side effects`
    assert not is_english_stopword("WHO") and not is_english_stopword("US")  # acronyms
    assert is_english_stopword("US", shouted=True)  # CONTACT US
    assert not is_english_stopword("patient's")
