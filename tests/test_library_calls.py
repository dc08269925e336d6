"""The library surface, `from glossary_cli import extract, check`: each may be called any number of
times in one process, whatever was imported before. Importing the submodule of the same name set
the package's attribute to the module, so the second call raised "'module' object is not callable"
(probe of a build engineer, H1)."""

from __future__ import annotations

import glossary_cli
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair

PAIRS = [SegmentPair("The virus spreads.", "病毒传播。", Location("c.tsv", 1)),
         SegmentPair("A virus test.", "病毒检测。", Location("c.tsv", 2))]
GLOSSARY = Glossary(terms=[Entry("virus", ["病毒"], Status.APPROVED)])


def test_extract_and_check_can_be_called_again_and_again():
    first = glossary_cli.extract(PAIRS)
    second = glossary_cli.extract(PAIRS)
    assert [pair.source for pair in second.pairs] == [pair.source for pair in first.pairs]
    assert first.pairs and first.segment_count == 2
    for _ in range(2):
        assert glossary_cli.check(GLOSSARY, PAIRS).findings == []


def test_importing_the_cli_or_the_submodules_leaves_the_names_callable():
    import glossary_cli.check  # noqa: F401  (what the CLI and tests import)
    import glossary_cli.cli  # noqa: F401
    import glossary_cli.extract

    from glossary_cli import check, extract

    assert check(GLOSSARY, [SegmentPair("virus", "病菌", Location("c.tsv", 1))]).findings[0].rule_id == "GL001"
    assert extract(PAIRS).segment_count == 2
    assert glossary_cli.extract.sharded is not None  # the module's own names stay reachable


def test_an_entry_built_as_yaml_is_written_is_enforced_as_the_file_would_be():
    """`Entry("smart grid", "智能电网", "approved")`: a text status enforced nothing, and a text target
    was read a character at a time, so 智 alone satisfied it (probe of a build engineer, M3)."""
    pair = [SegmentPair("The smart grid is ready.", "智慧电网已经准备好了。", Location("c.tsv", 1))]
    written = Glossary(terms=[Entry("smart grid", "智能电网", "approved")])
    assert written.terms[0].status is Status.APPROVED and written.terms[0].target == ["智能电网"]
    assert [finding.rule_id for finding in glossary_cli.check(written, pair).findings] == ["GL001"]


def test_an_unknown_status_is_an_error_not_a_candidate():
    import pytest

    with pytest.raises(ValueError, match="'aproved' is not a valid Status"):
        Entry("smart grid", ["智能电网"], "aproved")


def test_options_out_of_the_commands_bounds_are_refused_as_the_command_refuses_them():
    import pytest

    from glossary_cli.extract import ExtractOptions

    for options in ({"max_words": 0}, {"min_score": 5}, {"max_tokens": 13}, {"top": 0}):
        with pytest.raises(ValueError):
            ExtractOptions(**options)
    with pytest.raises(ValueError, match="jobs must be at least 1, got 0"):
        glossary_cli.extract(PAIRS, jobs=0)


def test_one_rule_named_as_text_is_that_rule():
    """`select="GL001"` was read a character at a time: `"L" names no rule` (final probe, M4)."""
    pair = [SegmentPair("virus", "病菌", Location("c.tsv", 1))]
    assert [finding.rule_id for finding in glossary_cli.check(GLOSSARY, pair, select="GL001").findings] == ["GL001"]
    assert glossary_cli.check(GLOSSARY, pair, ignore="GL001").findings == []


def test_an_entry_changed_after_it_was_built_is_enforced_as_changed():
    """`entry.status = "approved"` enforced nothing, and `entry.target = "智能电网"` was read a
    character at a time (final probe, M4)."""
    entry = Entry("smart grid")
    entry.status, entry.target = "approved", "智能电网"
    pair = [SegmentPair("The smart grid is ready.", "智慧电网已经准备好了。", Location("c.tsv", 1))]
    assert [finding.rule_id for finding in glossary_cli.check(Glossary(terms=[entry]), pair).findings] == ["GL001"]
