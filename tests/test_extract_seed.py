"""End to end on the seed article: the terms a terminologist expects, and human edits that survive."""

import shutil

import pytest
import yaml

from glossary_cli.cli import app
from glossary_cli.normalize import chinese_key, english_key

EXPECTED_IN_TOP_200 = [
    ("V2G", "车网互动"), ("Vehicle-to-Grid", "车网互动"), ("material passport", "材料护照"),
    ("digital twins", "数字孪生"), ("advanced conductors", "先进导体"),
]


@pytest.fixture(scope="module")
def seed_glossary(tmp_path_factory):
    from typer.testing import CliRunner

    from tests.conftest import SEED

    output = tmp_path_factory.mktemp("seed") / "seed.yaml"
    result = CliRunner().invoke(app, ["extract", str(SEED), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def ranked_pairs(path, k=None):
    terms = yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]
    ranked = sorted(terms, key=lambda term: -term["score"])[:k]
    return {(english_key(term["source"]), chinese_key(target))
            for term in ranked for target in ([term["target"]] if isinstance(term["target"], str) else term["target"])}


@pytest.mark.parametrize("source, target", EXPECTED_IN_TOP_200)
def test_seed_terms_are_among_the_200_best(seed_glossary, source, target):
    assert (english_key(source), chinese_key(target)) in ranked_pairs(seed_glossary, 200)


def test_seed_entries_carry_evidence_with_file_and_line(seed_glossary, seed_article):
    terms = yaml.safe_load(seed_glossary.read_text(encoding="utf-8"))["terms"]
    passport = next(term for term in terms if term["source"] == "material passport")
    assert passport["evidence"][0]["where"] == f"{seed_article}:32"
    assert "material passport" in passport["evidence"][0]["source"]
    assert "材料护照" in passport["evidence"][0]["target"]


GROWN_TAIL = ("Material passports also record the carbon footprint of each component.\n"
              "材料护照还记录每个构件的碳足迹。\n"
              "Digital twins of the grid help operators plan new transmission lines.\n"
              "电网的数字孪生帮助运营商规划新的输电线。\n")


def test_human_edits_survive_reruns_on_the_same_and_a_grown_corpus(runner, tmp_path, seed_article, seed_glossary):
    glossary = tmp_path / "seed.yaml"
    shutil.copy(seed_glossary, glossary)
    text = glossary.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)

    def block(source):
        start = lines.index(f"  - source: {source}\n")
        end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - source: "))
        return start, end

    # A reviewer approves one entry (with a comment and reordered keys), rejects another, adds a note.
    start, end = block("material passport")
    approved = ["  # agreed with the client, 2026-11\n", "  - status: approved  # final\n",
                "    source: material passport\n", "    target: 材料护照\n", "    note: EU usage\n"]
    lines[start:end] = approved
    start, end = block("policy stack")
    rejected = ["  - source: policy stack\n", "    target: 政策体系\n", "    status: rejected\n",
                "    note: too literal; see style guide §4\n"]
    lines[start:end] = rejected
    glossary.write_text("".join(lines), encoding="utf-8")

    runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)])
    same = glossary.read_text(encoding="utf-8")
    assert "".join(approved) in same and "".join(rejected) in same
    # Approved terms now feed jieba's dictionary, which may re-score candidates once; after that
    # a re-run on the same corpus changes no byte.
    runner.invoke(app, ["extract", str(seed_article), "-o", str(glossary)])
    assert glossary.read_text(encoding="utf-8") == same

    grown = tmp_path / "grown.txt"
    grown.write_text(seed_article.read_text(encoding="utf-8") + GROWN_TAIL, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(grown), "-o", str(glossary)])
    assert result.exit_code == 0, result.output
    after = glossary.read_text(encoding="utf-8")
    assert "".join(approved) in after and "".join(rejected) in after
    terms = yaml.safe_load(after)["terms"]
    assert [t["target"] for t in terms if t["source"] == "policy stack"] == ["政策体系"]  # not proposed again
    assert sum(t["source"] == "material passport" for t in terms) == 1
