"""GL005 on text written in Chinese: a rendering inside a file name, path, hashtag or email address
that the English keeps as written names the file, tag or mailbox, and asks for no translation,
as a term inside kept code-like text asks for none into Chinese. Before, the token was taken with
the Chinese full stop after it (`docs/智能电网/intro.md。`), or with the Chinese words run into it
(`编辑docs/…`), so it was never found in the English and `Edit docs/智能电网/intro.md.` was a GL005
error (final probe, M2)."""

from __future__ import annotations

from glossary_cli.check import run_check
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair

GLOSSARY = Glossary(terms=[Entry("smart grid", ["智能电网"], Status.APPROVED),
                           Entry("Shenzhen", ["深圳"], Status.APPROVED)])


def gl005_terms(chinese: str, english: str) -> list[str]:
    pair = SegmentPair(english, chinese, Location("a.tsv", 1), from_chinese=True)
    return [finding.source_term for finding in run_check(GLOSSARY, [pair], jobs=1).findings
            if finding.rule_id == "GL005"]


def test_a_path_or_address_before_a_chinese_full_stop_is_kept_code():
    assert gl005_terms("编辑 docs/智能电网/intro.md。", "Edit docs/智能电网/intro.md.") == []
    assert gl005_terms("发邮件至 深圳@example.com。", "Mail 深圳@example.com.") == []
    assert gl005_terms("（见 深圳.png）", "(see 深圳.png)") == []


def test_a_token_the_chinese_runs_its_words_into_is_kept_code_and_prose_is_not():
    assert gl005_terms("编辑docs/智能电网/intro.md。", "Edit docs/智能电网/intro.md.") == []
    assert gl005_terms("发邮件至深圳@example.com。", "Mail 深圳@example.com.") == []
    # The English keeping 深圳 in a file name does not translate the 深圳 of the Chinese prose.
    assert gl005_terms("深圳很美。", "See 深圳.png for why.") == ["Shenzhen"]
    assert gl005_terms("编辑智能电网文档。", "Edit docs/智能电网/intro.md.") == ["smart grid"]
