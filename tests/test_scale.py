"""extract on big corpora: streaming shards, the token cache, progress, and the Dask runner."""

from __future__ import annotations


import pytest

import glossary_cli.extract
from glossary_cli.cache import SideTokens, TokenCache
from glossary_cli.cli import app
from glossary_cli.extract import Stage, distinct, extract
from glossary_cli.models import Location, SegmentPair
from glossary_cli.readers import read_pairs
from tests.support import CACHE_DAMAGE, seed_pairs, spoil


def ranked(result) -> list:
    return [(pair.source, pair.targets, pair.score, pair.count, pair.evidence) for pair in result.pairs]


@pytest.fixture
def small_shards(monkeypatch):
    monkeypatch.setattr(glossary_cli.extract, "SHARD_SIZE", 5)  # the 33-pair seed becomes 7 shards


def test_distinct_keeps_the_first_location_of_each_pair():
    first = SegmentPair("grid", "电网", Location("a.txt", 1))
    again = SegmentPair("grid", "电网", Location("a.txt", 9))
    other = SegmentPair("grid", "网格", Location("a.txt", 3))
    assert distinct([first, again, other]) == [first, other]


def test_extract_reads_the_corpus_as_a_stream_in_shards(seed_article, small_shards):
    consumed = []

    def stream():
        for pair in seed_pairs(seed_article):
            consumed.append(pair)
            yield pair

    seen = []
    result = extract(stream(), progress=lambda stage, done, total: seen.append((stage, done, total, len(consumed))))
    tokenizing = [entry for entry in seen if entry[0] is Stage.TOKENIZE]
    assert tokenizing[0][1:] == (0, None, 0)  # the stage starts before anything is read
    first = len(next(glossary_cli.extract.sharded(seed_pairs(seed_article))))
    assert tokenizing[1][1:] == (first, None, first) and first < 33  # the first shard is done before the rest is read
    assert seen[-2:] == [(Stage.LINK, 33, 33, 33), (Stage.RANK, 33, 33, 33)]  # then ranked, said as it starts
    assert result.segment_count == 33


def test_shard_tokens_give_back_the_tokenizer_output(seed_article):
    from glossary_cli.placeholders import mask_placeholders
    from glossary_cli.tokenize import ChineseTokenizer, EnglishTokenizer

    pairs = seed_pairs(seed_article)
    english = [mask_placeholders(pair.source) for pair in pairs]
    chinese = [mask_placeholders(pair.target) for pair in pairs]
    english_tokenizer = EnglishTokenizer()
    chinese_tokenizer = ChineseTokenizer()  # one, as extract has: each new one loads jieba's dictionary again
    source = SideTokens.from_offsets(english_tokenizer.word_offsets_many(english))
    target = SideTokens.from_offsets([chinese_tokenizer.offsets(text) for text in chinese])
    assert source.tokens(english) == english_tokenizer.tokenize_many(english)
    assert target.tokens(chinese) == [chinese_tokenizer.tokenize(text) for text in chinese]
    assert source.texts(english) == [[token.text for token in tokens] for tokens in source.tokens(english)]


def test_second_run_on_an_unchanged_corpus_skips_tokenizing(seed_article, tmp_path, small_shards):
    cache = str(tmp_path / "cache")
    cold = extract(seed_pairs(seed_article), cache_dir=cache)
    warm = extract(seed_pairs(seed_article), cache_dir=cache)
    assert (cold.tokenized_pairs, warm.tokenized_pairs) == (33, 0)
    assert ranked(warm) == ranked(cold) == ranked(extract(seed_pairs(seed_article)))


def test_an_approved_term_recuts_only_the_chinese_texts_that_hold_it(seed_article, tmp_path):
    cache = str(tmp_path / "cache")
    extract(seed_pairs(seed_article), cache_dir=cache)
    again = extract(seed_pairs(seed_article), cache_dir=cache, known_terms=["材料护照"])
    assert again.tokenized_pairs == sum("材料护照" in pair.target for pair in seed_pairs(seed_article)) < 33
    assert ranked(again) == ranked(extract(seed_pairs(seed_article), known_terms=["材料护照"]))


@pytest.mark.parametrize("damage", CACHE_DAMAGE)
def test_a_damaged_cache_entry_is_tokenized_again(seed_article, tmp_path, small_shards, damage):
    cache = tmp_path / "cache"
    expected = ranked(extract(seed_pairs(seed_article), cache_dir=str(cache)))
    entries = sorted(cache.rglob("*.tokens"))
    assert len(entries) == 2 * len(list(glossary_cli.extract.sharded(seed_pairs(seed_article))))  # two sides
    for entry in entries:
        spoil(entry, damage)
    again = extract(seed_pairs(seed_article), cache_dir=str(cache))
    assert again.tokenized_pairs == 33 and ranked(again) == expected
    assert extract(seed_pairs(seed_article), cache_dir=str(cache)).tokenized_pairs == 0  # rewritten


def test_offsets_that_do_not_fit_the_texts_are_a_miss(tmp_path):
    cache = TokenCache(str(tmp_path))
    tokens = SideTokens.from_offsets([[]])
    cache.store("sig", ["ab cd"], SideTokens(tokens.counts + 1, tokens.offsets.reshape(-1, 2)))
    assert cache.load("sig", ["ab cd"]) is None


def test_an_unwritable_cache_directory_is_not_an_error(seed_article, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = extract(seed_pairs(seed_article), cache_dir=str(blocker / "cache"))
    assert result.tokenized_pairs == 33 and result.pairs


def test_cli_caches_unless_told_not_to(runner, seed_article, tmp_path):
    cache = tmp_path / "cache"
    outputs = []
    for index, options in enumerate((["--cache-dir", str(cache)], ["--cache-dir", str(cache)], ["--no-cache"])):
        output = tmp_path / "out.yaml"
        if output.exists():
            output.unlink()
        result = runner.invoke(app, ["extract", str(seed_article), "-o", str(output), "--jobs", "1", *options])
        assert result.exit_code == 0, result.output
        outputs.append(output.read_bytes())
        if index == 0:
            entries = sorted(cache.rglob("*"))
    assert outputs[0] == outputs[1] == outputs[2]
    assert sorted(cache.rglob("*")) == entries and not [p for p in entries if p.name.endswith(".tmp")]


def test_plain_progress_lines_on_a_pipe(runner, seed_article, tmp_path, monkeypatch, small_shards):
    import glossary_cli.cli.progress as progress

    monkeypatch.setattr(progress, "PLAIN_PROGRESS_EVERY", 0.0)
    result = runner.invoke(app, ["extract", str(seed_article), "-o", str(tmp_path / "o.yaml"), "--no-cache"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    first = len(next(glossary_cli.extract.sharded(seed_pairs(seed_article))))
    assert lines[0].startswith(f"extracting: reading and tokenizing {first} pairs")
    assert any(line.startswith("extracting: linking 33/33 pairs") for line in lines)


class _Clock:
    now = 100.0

    def monotonic(self) -> float:
        return self.now


def test_plain_progress_counts_pairs_per_second_from_the_start_of_each_stage(monkeypatch, capsys):
    import io

    from rich.console import Console

    import glossary_cli.cli.extract_view as view
    import glossary_cli.cli.progress as progress

    clock = _Clock()
    monkeypatch.setattr(progress, "time", clock)
    assert progress.PLAIN_PROGRESS_EVERY == 5.0
    with view.progress_reporter(Console(file=io.StringIO())) as report:
        report(Stage.TOKENIZE, 0, None)
        clock.now += 2
        report(Stage.TOKENIZE, 1_000, None)  # a short job so far: no line
        clock.now += 4
        report(Stage.TOKENIZE, 3_000, None)
        report(Stage.TOKENIZE, 3_000, None)  # within the interval: no line
        report(Stage.LEXICON, 3_000, 3_000)  # a new stage: a line at once
        clock.now += 1
        report(Stage.LINK, 0, 3_000)
        clock.now += 0.5  # too soon to say how fast
        report(Stage.LINK, 100, 3_000)
        clock.now += 5.5
        report(Stage.LINK, 1_500, 3_000)
        report(Stage.LINK, 3_000, 3_000)  # within the interval, and not a new stage
        report(Stage.RANK, 3_000, 3_000)  # the bar is full, but ranking takes seconds: a line at once
    assert capsys.readouterr().err.splitlines() == [
        "extracting: reading and tokenizing 3,000 pairs (500 pairs/s)",
        "extracting: learning translations from 3,000 pairs",
        "extracting: linking 100/3,000 pairs",
        "extracting: linking 1,500/3,000 pairs (250 pairs/s, 0:00:06 left)",
        "extracting: ranking candidates from 3,000 pairs",
    ]


def test_dask_missing_is_one_line_and_exit_2(runner, seed_article, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    result = runner.invoke(app, ["extract", str(seed_article), "-o", str(tmp_path / "o.yaml"), "--dask"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: Dask is not installed; install it with: pip install 'glossary-cli[dask]'"
    assert not (tmp_path / "o.yaml").exists()


def test_dask_cluster_gives_the_glossary_of_one_job(runner, seed_article, tmp_path, small_shards):
    distributed = pytest.importorskip("distributed")
    output = tmp_path / "out.yaml"
    result = runner.invoke(app, ["extract", str(seed_article), "-o", str(output), "--jobs", "1", "--no-cache"])
    assert result.exit_code == 0, result.output
    expected = output.read_bytes()
    output.unlink()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = runner.invoke(app, ["extract", str(seed_article), "-o", str(output), "--no-cache",
                                     "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == expected


class _Captured(Exception):
    """Stops extract once the words it would learn its lexicon from are captured."""


def test_the_corpus_lexicon_does_not_depend_on_the_chunk_size(shared_data, seed_article, monkeypatch):
    """Bit for bit, on the seed article and TICO-19: hundreds of chunks or one, with the pair
    indices kept between EM iterations or, over the memory budget, searched for again."""
    import glossary_cli.word_alignment as word_alignment

    captured = {}

    def capture(english, chinese):
        captured["english"], captured["chinese"] = list(english), list(chinese)
        raise _Captured  # what extract would learn from is all this test needs: no linking after it

    monkeypatch.setattr(glossary_cli.extract, "learn_lexicon", capture)
    for corpus in (seed_article, shared_data / "tico19_en_zh" / "segments.tsv"):
        with pytest.raises(_Captured):
            extract(read_pairs([str(corpus)]), jobs=2)
        learned = []
        for chunk, budget in ((50, word_alignment.KEPT_PAIR_INDICES), (1_000_000, word_alignment.KEPT_PAIR_INDICES),
                              (50, 0), (50, 1_000)):
            monkeypatch.setattr(word_alignment, "CHUNK_PAIRS", chunk)
            monkeypatch.setattr(word_alignment, "KEPT_PAIR_INDICES", budget)
            learned.append(word_alignment.learn_lexicon(iter(captured["english"]), iter(captured["chinese"])))
        assert learned[0] and all(other == learned[0] for other in learned[1:])


def test_postings_read_like_sets():
    from glossary_cli.extract import Postings

    postings = Postings()
    for index in (2, 2, 5, 9):
        postings.add(index)
    later = Postings([11, 12])
    postings.update(later)
    assert list(postings) == [2, 5, 9, 11, 12] and len(postings) == 5 and max(postings) == 12
    assert postings & Postings([1, 5, 12, 40]) == {5, 12} == Postings([1, 5, 12, 40]) & postings
    assert set() & postings == set() and postings & {9, 10} == {9} and not Postings()
    assert 9 in postings and 10 not in postings


def test_postings_of_a_shard_placed_later_in_the_corpus_read_from_there():
    from glossary_cli.extract import Postings

    shard = Postings([0, 3])  # a shard counts from its own first pair
    shard.shift(500)
    assert list(shard) == [500, 503] and 503 in shard and 3 not in shard and max(shard) == 503
    assert shard & Postings([3, 503]) == {503} == Postings([3, 503]) & shard
    corpus = Postings([7])
    corpus.update(shard)
    other = Postings([1])
    other.shift(900)
    shard.update(other)
    assert list(corpus) == [7, 500, 503] and list(shard) == [500, 503, 901]


def test_shards_end_where_a_pair_says_so_an_insertion_moves_no_later_shard(monkeypatch, shared_data):
    monkeypatch.setattr(glossary_cli.extract, "SHARD_SIZE", 50)
    pairs = distinct(read_pairs([shared_data / "tico19_en_zh" / "segments.tsv"]))[:1000]
    before = [[pair.source for pair in shard] for shard in glossary_cli.extract.sharded(pairs)]
    inserted = SegmentPair("A new first segment.", "新的第一段。", Location("t.tsv", 1))
    after = [[pair.source for pair in shard] for shard in glossary_cli.extract.sharded([inserted] + pairs)]
    assert all(25 <= len(shard) <= 150 for shard in before[:-1]) and len(before) > 10
    assert after[0][0] == inserted.source
    assert after[1:] == before[1:] or after[2:] == before[2:]  # at most the first two shards differ
