"""Interleaved text written in Chinese and translated into English, whose English quotes the
Chinese (`the Yue Tan Yun (粤碳云) platform`): any Han character made a line Chinese, so each
English line was paired with the next block's Chinese, silently (zh-source re-probe, H3)."""

from __future__ import annotations

from glossary_cli.readers import ReadOptions, read_pairs

QUOTING = """\
广东省推出了“粤碳云”平台，推动绿色转变。
Guangdong launched the Yue Tan Yun (粤碳云) platform to drive the green transition.

深圳推进绿色转型。
Shenzhen advances its green transformation.

“双碳”目标指导绿色转型。
The "dual carbon" (双碳) goals guide the green transformation.

我们称之为“green transition”，即绿色转型。
We call it the green shift (绿色转型).
"""


def test_english_lines_quoting_chinese_pair_with_the_chinese_line_above_them(tmp_path):
    path = tmp_path / "quotes.txt"
    path.write_text(QUOTING, encoding="utf-8")
    warnings: list[str] = []
    pairs = list(read_pairs([str(path)], options=ReadOptions(on_warning=warnings.append)))
    assert [(pair.target[:4], pair.source.split()[0]) for pair in pairs] == [
        ("广东省推", "Guangdong"), ("深圳推进", "Shenzhen"), ("“双碳”", "The"), ("我们称之", "We")]
    assert all(pair.from_chinese for pair in pairs)
    assert warnings == []  # a file written in Chinese first throughout: read so, unsaid


def test_chinese_naming_products_in_latin_stays_chinese(tmp_path):
    path = tmp_path / "products.txt"
    path.write_text("Deploy it on Google Cloud Platform.\n在 Google Cloud Platform 上部署。\n", encoding="utf-8")
    pairs = list(read_pairs([str(path)]))
    assert [(pair.source, pair.target) for pair in pairs] == [
        ("Deploy it on Google Cloud Platform.", "在 Google Cloud Platform 上部署。")]


def test_english_naming_chinese_places_without_quotes_is_english(tmp_path):
    """`We visited 龙岗区 and 深圳` has as many Han characters as Latin words (final probe, H2)."""
    path = tmp_path / "names.txt"
    path.write_text("我们上周参观了龙岗区和深圳。\nWe visited 龙岗区 and 深圳 last week.\n\n"
                    "深圳推进绿色转型。\nShenzhen advances its green transition.\n", encoding="utf-8")
    pairs = list(read_pairs([str(path)]))
    assert [pair.source for pair in pairs] == ["We visited 龙岗区 and 深圳 last week.",
                                               "Shenzhen advances its green transition."]
