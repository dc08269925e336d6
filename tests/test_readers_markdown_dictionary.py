"""A page pair whose sections hold no two blocks of a kind side by side (a heading, a paragraph, a
code block, a list) cannot pair a block with a neighbour's translation: it is read without loading
the dictionary (0.4 s and some 270 MB on every run of a docs check)."""

from __future__ import annotations

from glossary_cli import lexicon
from glossary_cli.readers import ReadOptions, read_parallel

ENGLISH = """\
# Heat pumps

Heat pumps move heat from outside.

## Install

Install the heat pump outdoors.

```
make install
```

- Check the smart grid connection.
"""
CHINESE = """\
# 热泵

热泵从室外转移热量。

## 安装

请将热泵安装在室外。

```
make install
```

- 检查智能电网连接。
"""


def test_sections_without_two_blocks_of_a_kind_side_by_side_are_read_without_the_dictionary(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the dictionary was loaded")

    monkeypatch.setattr(lexicon, "Lexicon", refuse)
    (tmp_path / "en.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "zh.md").write_text(CHINESE, encoding="utf-8")
    warnings: list[str] = []
    pairs = read_parallel(str(tmp_path / "en.md"), str(tmp_path / "zh.md"),
                          options=ReadOptions(on_warning=warnings.append))
    assert [(pair.source, pair.target) for pair in pairs] == [
        ("Heat pumps", "热泵"), ("Heat pumps move heat from outside.", "热泵从室外转移热量。"), ("Install", "安装"),
        ("Install the heat pump outdoors.", "请将热泵安装在室外。"),
        ("Check the smart grid connection.", "检查智能电网连接。")]
    assert warnings == []
