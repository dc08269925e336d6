"""Android strings.xml files that declare entities for a name written once
(`<!DOCTYPE resources [<!ENTITY app_name "Cloud Notes">]>`, `Welcome to &app_name;`): read as aapt
builds them, with external entities still refused and expansion bombs stopped at a line."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.deadline import GENEROUS_SECONDS, finishes_within
from tests.support import keyed_check, keyed_pairs

pytestmark = pytest.mark.usefixtures("in_keyed_data")

ENGLISH = "android-entities/res/values/strings.xml"
CHINESE = "android-entities/res/values-zh-rCN/strings.xml"


def _resources(path: Path, doctype: str, strings: str) -> str:
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE resources [\n{doctype}]>\n<resources>\n'
                    f"{strings}</resources>\n", encoding="utf-8")
    return str(path)


def test_entities_the_files_declare_are_read_as_the_app_shows_them():
    assert keyed_pairs(ENGLISH, CHINESE) == {
        "welcome": ("Welcome to Cloud Notes", "欢迎使用云笔记"),
        "about": ("About Acme Cloud Notes", "关于Acme 云笔记"),  # &full_name; holds &company; &app_name;
        "action_delete_file": ("Delete file", "删除档案"),
        "msg_sync": ("Cloud Notes keeps your files in sync", "云笔记会同步您的档案"),
        "msg_trash": ("Deleted files stay in the trash of Cloud Notes for 30 days", "已删除的档案会在云笔记的回收站中保留 30 天"),
    }


def test_check_points_at_the_word_or_where_a_value_with_an_entity_starts(runner):
    by_file = keyed_check(runner, ENGLISH, CHINESE)
    assert by_file.exit_code == 1, by_file.output
    assert by_file.stderr == ""
    assert [line.split()[0] for line in by_file.stdout.splitlines() if " error GL002 " in line] == [
        f"{CHINESE}:10:41",  # 删除档案: the file shows the text as it is, so at 档案 itself
        f"{CHINESE}:11:29",  # &app_name;会同步您的档案: the file does not, so where the value starts
        f"{CHINESE}:12:30",
    ]
    by_directory = keyed_check(runner, "android-entities/res/values", "android-entities/res/values-zh-rCN")
    assert by_directory.stdout == by_file.stdout


@pytest.mark.parametrize("declaration, message", [
    ('<!ENTITY terms PUBLIC "-//Acme//Terms//EN" "https://example.com/terms.ent">',
     "Android resources XML declares the entity 'terms' as the external resource \"https://example.com/terms.ent\"; "
     "external entities are refused, since they read other files or the network (declare the text itself: "
     '<!ENTITY terms "…">)'),
    ('<!NOTATION png SYSTEM "image/png">\n<!ENTITY logo SYSTEM "logo.png" NDATA png>',
     "Android resources XML declares the entity 'logo' as the external resource \"logo.png\" NDATA png; external "
     "entities are refused, since they read other files or the network (declare the text itself: "
     '<!ENTITY logo "…">)'),
    ('<!ENTITY % names "app_name">',
     "Android resources XML declares the parameter entity '%names'; parameter entities are not read (declare the "
     'text itself: <!ENTITY names "…">)'),
])
def test_external_and_parameter_entities_are_refused_where_they_are_declared(runner, tmp_path, declaration, message):
    chinese = _resources(tmp_path / "strings.xml", declaration + "\n", '  <string name="welcome">欢迎</string>\n')
    result = keyed_check(runner, ENGLISH, chinese)
    assert result.exit_code == 2
    line = 3 + declaration.count("\n")
    assert result.stderr == f"error: {chinese}:{line}: {message}\n"


def test_billion_laughs_is_refused_at_the_entity_that_grows_too_big(runner, tmp_path):
    laughs = '<!ENTITY lol0 "lol">\n' + "".join(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">\n'
                                                 for level in range(1, 10))
    chinese = _resources(tmp_path / "strings.xml", laughs, '  <string name="welcome">&lol9;</string>\n')
    with finishes_within(GENEROUS_SECONDS, "check on a billion laughs"):
        result = keyed_check(runner, ENGLISH, chinese)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {chinese}:7: the entity 'lol4' expands to more than 10,000 characters; refused "
                             "as a possible entity-expansion bomb\n")  # lol4: 30,000 characters


def test_an_entity_used_too_often_is_refused_at_the_reference_that_goes_over_the_limit(runner, tmp_path):
    page = "Cloud Notes keeps every file in sync. " * 250  # 9,500 characters
    strings = "".join(f'  <string name="s{index}">&page;</string>\n' for index in range(120))
    chinese = _resources(tmp_path / "strings.xml", f'<!ENTITY page "{page}">\n', strings)
    result = keyed_check(runner, ENGLISH, chinese)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {chinese}:112: the entities of this Android resources XML expand to more than "
                             "1,000,000 characters in all; refused as a possible entity-expansion bomb\n")


def test_entities_nested_too_deep_or_referring_to_themselves_are_refused(runner, tmp_path):
    chain = '<!ENTITY level0 "深">\n' + "".join(f'<!ENTITY level{level} "&level{level - 1};">\n' for level in range(1, 10))
    deep = _resources(tmp_path / "deep.xml", chain, '  <string name="welcome">&level9;</string>\n')
    result = keyed_check(runner, ENGLISH, deep)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {deep}:12: the entity 'level9' nests entities more than 8 deep; refused as a "
                             "possible entity-expansion bomb\n")
    looped = _resources(tmp_path / "looped.xml", '<!ENTITY a "Cloud &b;">\n<!ENTITY b "Notes &a;">\n',
                        '  <string name="welcome">&a;</string>\n')
    result = keyed_check(runner, ENGLISH, looped)
    assert result.exit_code == 2
    assert result.stderr == f"error: {looped}:3: the entity 'a' refers to itself (a -> b -> a); it cannot be expanded\n"


def test_a_malformed_escape_after_an_entity_is_reported_at_its_line(runner, tmp_path):
    """The column would count the entity's text, which the file does not hold there."""
    chinese = _resources(tmp_path / "strings.xml", '<!ENTITY app_name "云笔记">\n',
                         '  <string name="welcome">&app_name; \\u12 欢迎</string>\n')
    result = keyed_check(runner, ENGLISH, chinese)
    assert result.exit_code == 2
    assert result.stderr == (f'error: {chinese}:6: malformed \\u escape "\\u12" in <string name="welcome">; aapt2 '
                             "refuses it (invalid unicode escape sequence)\n")


# XML's own five (&lt; &gt; &amp; &apos; &quot;) keep their meaning whatever a DOCTYPE declares
_PREDEFINED = {"lt", "gt", "amp", "apos", "quot"}
_NAMES = st.from_regex(r"[a-z][a-z_]{0,7}", fullmatch=True).filter(lambda name: name not in _PREDEFINED)
_TEXTS = st.text(alphabet=string.ascii_letters + string.digits + "éü  ", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(entities=st.dictionaries(_NAMES, _TEXTS, min_size=1, max_size=4), before=_TEXTS, after=_TEXTS)
def test_a_reference_reads_as_the_text_of_its_entity(tmp_path_factory, entities, before, after):
    directory = tmp_path_factory.mktemp("entities")
    declarations = "".join(f'<!ENTITY {name} "{text}">\n' for name, text in entities.items())
    references = " ".join(f"&{name};" for name in entities)
    english = _resources(directory / "en.xml", declarations, f'  <string name="s">{before} {references} {after}</string>\n')
    chinese = _resources(directory / "zh.xml", declarations, f'  <string name="s">欢迎 {references}</string>\n')
    expanded = " ".join(entities.values())
    english_text, chinese_text = keyed_pairs(english, chinese)["s"]
    assert english_text == " ".join(f"{before} {expanded} {after}".split())  # aapt makes white space one space
    assert chinese_text == " ".join(f"欢迎 {expanded}".split())
