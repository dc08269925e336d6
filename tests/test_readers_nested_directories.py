"""Two directories of pages where one lies inside the other, as many doc sites keep them: the
Chinese pages in `docs` and their English in `docs/en`, or the English in `docs` and the Chinese in
`docs/zh`. The walk of the outer side read the inner side's pages as its own, and warned that each
was missing its translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - {source: smart grid, target: 智能电网, status: approved}
  - {source: green transition, target: 绿色转型, status: approved}
"""
ENGLISH = {"index.md": "# Smart grid\n\nShenzhen is building a smart grid.\n",
           "guide/start.md": "# Green transition\n\nShenzhen drives the green transition.\n"}
CHINESE = {"index.md": "# 智能电网\n\n深圳正在建设智能电网。\n",
           "guide/start.md": "# 绿色转型\n\n深圳推动绿色转型。\n"}

def warnings(stderr: str) -> list[str]:
    """The warnings of a run; a slow machine may also show a progress line there."""
    return [line for line in stderr.splitlines() if line.startswith("warning:")]



def write(directory: Path, pages: dict[str, str]) -> None:
    for name, text in pages.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("source, target, outer, inner", [
    ("docs", "docs/zh", ENGLISH, CHINESE),  # written in English, translated into docs/zh
    ("docs", "docs/en", CHINESE, ENGLISH),  # written in Chinese, translated into docs/en
    ("docs/zh", "docs", CHINESE, ENGLISH),  # the other way round: the inner side given first
], ids=["docs and docs/zh", "docs and docs/en", "docs/zh and docs"])
def test_the_inner_directory_is_not_read_as_pages_of_the_outer_one(runner, tmp_path, monkeypatch, source, target,
                                                                    outer, inner):
    write(tmp_path / "docs", outer)
    write(tmp_path / (target if target != "docs" else source), inner)
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", source, "--target", target])
    assert result.exit_code == 0, result.stderr
    assert warnings(result.stderr) == []
    assert result.stdout.startswith("No findings in 4 pairs")


def test_a_page_the_inner_directory_lacks_is_still_named(runner, tmp_path, monkeypatch):
    write(tmp_path / "docs", ENGLISH)
    write(tmp_path / "docs" / "zh", {"index.md": CHINESE["index.md"]})
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "glossary.yaml", "--source", "docs", "--target", "docs/zh"])
    assert result.exit_code == 0
    assert warnings(result.stderr) == ["warning: docs/zh: 1 page of docs missing here (not yet translated), not "
                                       "read (first: guide/start.md)"]
