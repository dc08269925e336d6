"""Keyboard accelerators (`_File` / `文件(_F)`, `&Save` / `保存(&S)`) in UI strings: `extract`
reads the strings without them and `check` matches as if they were not there."""

from glossary_cli.accelerators import without_accelerators
from glossary_cli.extract import extract
from glossary_cli.glossary import Entry, Status
from glossary_cli.matching import TermMatcher
from glossary_cli.models import Location, SegmentPair


def test_gtk_and_qt_markers_are_dropped_on_both_sides():
    assert without_accelerators("Keyboard _Shortcuts", "键盘快捷键(_S)") == ("Keyboard Shortcuts", "键盘快捷键")
    assert without_accelerators("&Save As...", "另存为(&A)...") == ("Save As...", "另存为...")
    assert without_accelerators("_File", "文件（_F）") == ("File", "文件")


def test_a_marker_inside_a_word_needs_the_translation_to_mark_the_same_key():
    assert without_accelerators("E_xit", "退出(_X)") == ("Exit", "退出")
    assert without_accelerators("set max_connections", "设置最大连接数") == ("set max_connections", "设置最大连接数")
    assert without_accelerators("R&D and Q&A", "研发与问答") == ("R&D and Q&A", "研发与问答")


def test_escaped_markers_and_entities_stay():
    assert without_accelerators("Tom && Jerry", "汤姆和杰瑞")[0] == "Tom && Jerry"
    assert without_accelerators("Tom &amp; Jerry", "汤姆和杰瑞")[0] == "Tom &amp; Jerry"
    assert without_accelerators("__init__", "初始化")[0] == "__init__"


def ui(*strings):
    return [SegmentPair(source, target, Location("ui.po", 4 * number + 1))
            for number, (source, target) in enumerate(strings)]


def test_extract_finds_terms_across_accelerators():
    pairs = ui(("Keyboard _Shortcuts", "键盘快捷键(_S)"), ("Show Keyboard _Shortcuts", "显示键盘快捷键(_K)"),
               ("_Open File", "打开文件(_O)"), ("&Export File", "导出文件(&E)"))
    found = {pair.source_key: pair.target for pair in extract(pairs).pairs}
    assert found["keyboard shortcut"] == "键盘快捷键"
    assert not any("_" in key or "&" in key for key in found)
    assert not any("(" in target or "_" in target for target in found.values())


def test_check_sees_the_term_behind_an_accelerator():
    matcher = TermMatcher([Entry(source="Preferences", target=["首选项"], status=Status.APPROVED)])

    def rendered(source, target):
        (hit,) = matcher.hits(SegmentPair(source, target, Location("ui.po", 1)))
        return [occurrence.text for occurrence in hit.targets]

    assert rendered("_Preferences", "首选项(_P)") == ["首选项"]
    assert rendered("Pr_eferences...", "偏好设置(_E)...") == []  # found, and translated otherwise
