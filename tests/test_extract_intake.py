"""What extract says about the pairs it read but did not use: repeats, untranslated copies and
pairs too long to be sentences. A user reading "from 3,070 segment pairs" after feeding 30,700
would think the reader lost most of the file."""

from pathlib import Path

from glossary_cli.cli.common import app
from glossary_cli.extract import LONG_PAIR_CHARS

PAIRS = ["Smart grids need storage.\t智能电网需要储能。", "The smart grid is here.\t智能电网来了。",
         "Energy storage matters.\t储能很重要。"]


def extract(runner, corpus: str):
    Path("corpus.tsv").write_text(corpus, encoding="utf-8")
    result = runner.invoke(app, ["extract", "corpus.tsv", "-o", "g.yaml", "--show", "0"])
    assert result.exit_code == 0, result.output
    return result


def test_repeated_pairs_are_counted_in_the_summary(runner, workdir):
    result = extract(runner, "\n".join(PAIRS * 3) + "\n")
    assert result.stderr.splitlines()[-1].endswith(" from 9 segment pairs (3 distinct) -> g.yaml")


def test_untranslated_copies_are_skipped_with_a_warning_and_names_kept_as_they_are_are_not(runner, workdir):
    copies = ["Virtual power plant\tVirtual power plant", "Energy storage\tEnergy storage", "Git LFS\tGit LFS"]
    result = extract(runner, "\n".join(PAIRS + copies) + "\n")
    assert ("warning: corpus.tsv:4: 2 pairs whose Chinese is a copy of the English skipped (first one here): "
            "untranslated strings, not terms kept in English") in result.stderr
    assert result.stderr.splitlines()[-1].endswith(" from 4 segment pairs -> g.yaml")
    written = Path("g.yaml").read_text(encoding="utf-8")
    assert "source: Virtual power plant" not in written and "target: Energy storage" not in written


def test_a_pair_too_long_to_be_a_sentence_is_skipped_with_a_warning(runner, workdir):
    document = " ".join(["The smart grid needs storage."] * (LONG_PAIR_CHARS // 20)) + "\t" + "智能电网需要储能。" * 200
    result = extract(runner, "\n".join(PAIRS + [document]) + "\n")
    assert ("warning: corpus.tsv:4: 1 pair longer than 10,000 characters skipped (first one here); is the text "
            "aligned by sentence?") in result.stderr
    assert result.stderr.splitlines()[-1].endswith(" from 3 segment pairs -> g.yaml")
