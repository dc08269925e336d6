from glossary_cli.check import run_check
from glossary_cli.extract import extract
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair
from glossary_cli.placeholders import mask_placeholders, placeholder_mask


def test_masking_keeps_offsets():
    text = "Export %s to {name} <b>now</b> &amp; --force"
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    assert masked.split() == ["Export", "to", "now"]


def test_percent_signs_in_prose_are_not_placeholders():
    assert mask_placeholders("50% success") == "50% success"


def test_the_mask_marks_every_character_of_a_placeholder():
    assert placeholder_mask("%d items")[:3] == [True, True, False]
    assert placeholder_mask('<a href="x">') == [True] * 12


def test_code_and_keys_in_markup_and_written_out_escapes_are_placeholders():
    assert mask_placeholders("Press <kbd>V</kbd> to run <code>git gc</code>").split() == ["Press", "to", "run"]
    assert mask_placeholders("<b>Bold</b> text").split() == ["Bold", "text"]  # other markup keeps its text
    assert mask_placeholders(r"Choose File\nChoose a file\tnow").split() == ["Choose", "File", "Choose", "a", "file", "now"]
    assert mask_placeholders(r"a literal \\n stays") == r"a literal \\n stays"


def test_python_format_fields_never_become_terms():
    """Apostrophe's PO file counts `{:n} Words`; the `n` of the format field is no term."""
    pairs = [SegmentPair("{:n} Words", "{:n}词语", Location("app.po", 1)),
             SegmentPair("{:n} Characters", "{:n}字符", Location("app.po", 5)),
             SegmentPair("{count:>4} Words left", "剩余{count:>4}词语", Location("app.po", 9))]
    sources = {pair.source.lower() for pair in extract(pairs).pairs}
    assert sources and not any(source in ("n", "count") or "{" in source for source in sources)


def test_icu_plural_syntax_is_blanked_and_its_branch_text_kept():
    text = "Export {count, plural, one {# file} other {# files}}"
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    assert masked.split() == ["Export", "file", "files"]
    assert masked.index("file") == text.index("file")


def test_icu_branches_in_chinese_stay_text_even_without_spaces():
    assert mask_placeholders("{VAR_PLURAL, plural, other { 个项目}}").split() == ["个项目"]
    assert mask_placeholders("{count, plural, other {文件}}").split() == ["文件"]


def test_icu_offsets_exact_selectors_and_placeholders_inside_branches():
    text = "{n, plural, offset:1 =0 {no one} one {{name} alone} other {{name} and # others}}"
    assert mask_placeholders(text).split() == ["no", "one", "alone", "and", "others"]


def test_icu_select_with_a_plural_nested_inside():
    text = ("{gender, select, male {{n, plural, one {his # file} other {his # files}}} "
            "female {her file} other {their file}}")
    assert mask_placeholders(text).split() == ["his", "file", "his", "files", "her", "file", "their", "file"]
    assert mask_placeholders("{rank, selectordinal, one {#st place} other {#th place}}").split() == [
        "st", "place", "th", "place"]


def test_java_choice_format_is_blanked_and_its_choices_kept():
    text = "There {0,choice,0#are no files|1#is one file|1<are {0,number,integer} files} here."
    assert mask_placeholders(text).split() == ["There", "are", "no", "files", "is", "one", "file", "are", "files",
                                               "here."]


def test_icu_typed_arguments_are_blanked_whole():
    text = "Saved {when, date, short} at {when, time} ({size, number, ::unit/byte}) by {who}"
    assert mask_placeholders(text).split() == ["Saved", "at", "(", ")", "by"]


def test_the_mask_marks_icu_syntax_but_not_branch_text():
    text = "{n, plural, one {# item} other {# items}}"
    mask = placeholder_mask(text)
    assert "".join(" " if masked else char for char, masked in zip(text, mask)) == mask_placeholders(text)
    assert not any(mask[text.index("item"):text.index("item") + 4])
    assert all(mask[:text.index("#") + 1])  # `{n, plural, one {#`


def test_icu_apostrophe_quoting_keeps_a_quoted_brace_inside_its_branch():
    text = "{n, plural, one {it'}'s one} other {many}}"
    assert mask_placeholders(text).split() == ["it'}'s", "one", "many"]


def test_text_that_only_looks_like_icu_is_left_to_the_other_patterns():
    assert mask_placeholders("Hello {name}, welcome").split() == ["Hello", ",", "welcome"]
    assert mask_placeholders("{a, plural, one {x}").split() == ["{a,", "plural,", "one"]  # never closed


def test_icu_syntax_never_becomes_a_term():
    """rclone's Angular XLIFF and PO plurals gave `plural` -> `plural` and `count` -> `count`."""
    pairs = [SegmentPair("Export {count, plural, one {# file} other {# files}}",
                         "导出 {count, plural, other {# 个文件}}", Location("app.po", 1)),
             SegmentPair("{VAR_PLURAL, plural, one {item} other {items}}",
                         "{VAR_PLURAL, plural, other {个项目}}", Location("app.po", 5)),
             SegmentPair("Delete {count, plural, one {# item} other {# items}}",
                         "删除 {count, plural, other {# 个项目}}", Location("app.po", 9))]
    sources = {pair.source.lower() for pair in extract(pairs).pairs}
    assert sources and not sources & {"plural", "count", "var_plural", "one", "other"}


def test_check_does_not_find_a_term_in_icu_syntax():
    glossary = Glossary(terms=[Entry(source="plural", target=["复数"], status=Status.APPROVED)])
    pairs = [SegmentPair("{VAR_PLURAL, plural, one {item} other {items}}", "{VAR_PLURAL, plural, other {个项目}}",
                         Location("app.xlf", 571))]
    assert run_check(glossary, pairs).findings == []


def test_bbcode_tags_and_html_comments_are_markup():
    assert mask_placeholders("[b]Save[/b] the [url=https://example.com]grid[/url]").split() == ["Save", "the", "grid"]
    assert mask_placeholders("点击[B]保存[/B]").split() == ["点击", "保存"]
    assert mask_placeholders("Save <!-- TODO: check with legal --> now").split() == ["Save", "now"]
    # brackets that index or cite are text
    assert mask_placeholders("items[i] and note [1]") == "items[i] and note [1]"


def test_bbcode_and_comments_never_become_terms():
    """A forum's strings: the tags and the translator's comment are no terms, and `[b]`...`[/b]`
    are no brackets around a parenthesised translation."""
    pairs = [SegmentPair("The smart grid uses [b]energy storage[/b].", "智能电网使用[b]储能[/b]。", Location("f.tsv", 1)),
             SegmentPair("The grid uses <!-- TODO check --> energy storage.", "电网使用<!-- TODO check -->储能。",
                         Location("f.tsv", 2)),
             SegmentPair("[i]Energy storage[/i] keeps the [b]grid[/b] stable.", "[i]储能[/i]使[b]电网[/b]保持稳定。",
                         Location("f.tsv", 3))]
    found = {(pair.source.lower(), pair.target) for pair in extract(pairs).pairs}
    assert ("energy storage", "储能") in found
    assert not [source for source, _ in found if source in ("b", "/b", "i", "todo", "todo check") or "[" in source]


def test_i18next_interpolation_formatting_and_nesting_are_placeholders():
    assert mask_placeholders("Saved {{- fileName}} to cloud backup").split() == ["Saved", "to", "cloud", "backup"]
    assert mask_placeholders("Last cloud backup: {{date, datetime}}").split() == ["Last", "cloud", "backup:"]
    assert mask_placeholders("Costs {{val, currency(USD)}} a month").split() == ["Costs", "a", "month"]
    assert mask_placeholders("Since {{when, datetime(dateStyle: long)}}").split() == ["Since"]
    assert mask_placeholders("Restore from $t(common.cloudBackup) now").split() == ["Restore", "from", "now"]
    assert mask_placeholders('立即从 $t(files, {"count": 2}) 恢复').split() == ["立即从", "恢复"]


def test_a_stringsdict_variable_in_ios_strings_is_one_placeholder():
    assert mask_placeholders("%#@notes@ in cloud backup").split() == ["in", "cloud", "backup"]
    assert mask_placeholders("%1$#@files@ selected").split() == ["selected"]
    assert mask_placeholders("%#x and %@").split() == ["and"]  # printf flags as before


def test_i18next_placeholders_never_become_terms():
    english = ["Saved {{- fileName}} to cloud backup", "Open {{- folderName}} folder",
               "Last cloud backup: {{date, datetime}}", "Restore from $t(common.cloudBackup) now",
               "Cloud backup of {{- fileName}} failed", "Open {{- folderName}} in cloud backup"]
    chinese = ["已将 {{- fileName}} 保存到云备份", "打开 {{- folderName}} 文件夹", "上次云备份：{{date, datetime}}",
               "立即从 $t(common.cloudBackup) 恢复", "{{- fileName}} 的云备份失败", "在云备份中打开 {{- folderName}}"]
    pairs = [SegmentPair(en, zh, Location("zh.json", line)) for line, (en, zh) in enumerate(zip(english, chinese), 1)]
    sources = {pair.source.lower() for pair in extract(pairs).pairs}
    assert sources and not sources & {"filename", "foldername", "datetime", "date", "common.cloudbackup"}
