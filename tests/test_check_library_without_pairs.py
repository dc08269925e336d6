"""run_check with no segment pairs says so, as `glossary check` does (exit 2, "no segment pairs …;
nothing checked"): it returned a clean result with pairs_checked == 0, so a script whose pairs
were an iterator extract had already read passed its check (API probe, L3)."""

from __future__ import annotations

import pytest

from glossary_cli.check import run_check
from glossary_cli.errors import InputFormatError
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.models import Location, SegmentPair

GLOSSARY = Glossary(terms=[Entry("smart grid", ["智能电网"], Status.APPROVED)])


def test_no_pairs_is_the_input_error_the_command_reports():
    with pytest.raises(InputFormatError, match=r"^no segment pairs; nothing checked$"):
        run_check(GLOSSARY, [])
    pairs = iter([SegmentPair("The smart grid is ready.", "智慧电网已经准备好了。", Location("a.tsv", 1))])
    assert len(run_check(GLOSSARY, pairs).findings) == 1
    with pytest.raises(InputFormatError):
        run_check(GLOSSARY, pairs)  # read already
    assert run_check(GLOSSARY, [], allow_no_pairs=True).pairs_checked == 0
