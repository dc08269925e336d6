from glossary_cli.extract import extract
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


def test_python_format_fields_never_become_terms():
    """Apostrophe's PO file counts `{:n} Words`; the `n` of the format field is no term."""
    pairs = [SegmentPair("{:n} Words", "{:n}词语", Location("app.po", 1)),
             SegmentPair("{:n} Characters", "{:n}字符", Location("app.po", 5)),
             SegmentPair("{count:>4} Words left", "剩余{count:>4}词语", Location("app.po", 9))]
    sources = {pair.source.lower() for pair in extract(pairs).pairs}
    assert sources and not any(source in ("n", "count") or "{" in source for source in sources)
