"""Two directories, one inside the other, where the outer side also has a folder named like the
inner one: `--source docs --target docs/zh` with the English page docs/zh/c.md, its translation in
docs/zh/zh/c.md. The walk of the outer side leaves the inner directory out (its pages are the other
side's), so that page was warned of as a Chinese page docs lacks and neither it nor its
translation was read."""

from __future__ import annotations

import json
from pathlib import Path

from glossary_cli.cli import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - {source: smart grid, target: 智能电网, status: approved}
  - {source: virus, target: 病毒, status: approved}
  - {source: file, target: 文件, status: approved}
"""


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_an_english_page_in_a_folder_named_like_the_chinese_one_is_read_with_its_translation(runner, workdir):
    write(workdir, {"GLOSSARY.yaml": GLOSSARY,
                    "docs/index.md": "# Smart grid\n\nShenzhen is building a smart grid.\n",
                    "docs/zh/index.md": "# 智能电网\n\n深圳正在建设智能电网。\n",
                    "docs/zh/c.md": "# Viruses\n\nA virus spreads.\n",
                    "docs/zh/zh/c.md": "# 病毒\n\n病菌会传播。\n",
                    # no translation in docs/zh/zh: a Chinese page the English lacks
                    "docs/zh/d.md": "# 病毒\n\n病毒会传播。\n"})
    result = runner.invoke(app, ["check", "GLOSSARY.yaml", "--source", "docs", "--target", "docs/zh",
                                 "--format", "github"])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        "warning: docs/zh: 1 page here that docs lacks, not read (first: d.md)"]
    assert [line.split(",col=")[0] for line in result.stdout.splitlines()] == ["::error file=docs/zh/zh/c.md,line=3"]


def test_resource_files_in_a_folder_named_like_the_chinese_one_are_read_too(runner, workdir):
    write(workdir, {"GLOSSARY.yaml": GLOSSARY,
                    "locales/app.json": json.dumps({"grid": "Smart grid"}),
                    "locales/zh/app.json": json.dumps({"grid": "智能电网"}, ensure_ascii=False),
                    "locales/zh/menu.json": json.dumps({"open": "Open file"}),
                    "locales/zh/zh/menu.json": json.dumps({"open": "打开档案"}, ensure_ascii=False)})
    result = runner.invoke(app, ["check", "GLOSSARY.yaml", "--source", "locales", "--target", "locales/zh",
                                 "--format", "github"])
    assert result.exit_code == 1, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == []
    assert [line.split(",line=")[0] for line in result.stdout.splitlines()] == [
        "::error file=locales/zh/zh/menu.json"]
