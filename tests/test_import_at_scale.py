"""Import at termbase sizes: a termbase synced back into its glossary is read against each term's
own entries, not against the whole glossary for every term (minutes for 10,000 product names)."""

from __future__ import annotations

import pytest

from glossary_cli.exchange import import_glossary
from glossary_cli.glossary import Entry, Glossary, Status
from support import write_here


def product_names(count: int) -> list[str]:
    return [f"Zorbix Cloud {number}" for number in range(count)]


@pytest.fixture
def comparisons(monkeypatch) -> list[int]:
    """How many times an entry was compared with another: each time consults its case rule."""
    count = [0]
    case_rule = Entry.is_case_sensitive

    def consulted(entry: Entry) -> bool:
        count[0] += 1
        return case_rule(entry)

    monkeypatch.setattr(Entry, "is_case_sensitive", consulted)
    return count


def test_a_termbase_of_product_names_is_read_against_each_terms_own_entries_only(workdir, comparisons):
    # A software termbase keeps most names in English beside a Chinese one (Zorbix Cloud 1 ->
    # [Zorbix Cloud 1, 云产品1]), or in English only (keep_source), and a CAT tool exports both as
    # plain rows. Each such row was read against every entry of the glossary: minutes for 10,000 names.
    names = product_names(300)
    glossary = Glossary(terms=[Entry(name, [], Status.APPROVED, keep_source=True) if number % 2 == 0
                               else Entry(name, [name, f"云产品{number}"], Status.APPROVED)
                               for number, name in enumerate(names)])
    write_here("cat_tool.csv", "en,zh,status\n" + "".join(
        f"{name},{name},approved\n" + (f"{name},云产品{number},approved\n" if number % 2 else "")
        for number, name in enumerate(names)))

    imported = import_glossary("cat_tool.csv", into=glossary)

    assert comparisons[0] < len(names)  # it was 300 x 299: each name against every entry
    assert imported.terms == glossary.terms  # keep_source where the glossary says so, the English a target elsewhere
    assert (imported.terms[0].target, imported.terms[0].keep_source) == ([], True)
    assert imported.terms[1].target == ["Zorbix Cloud 1", "云产品1"]


def test_a_product_name_in_another_case_is_still_read_as_the_glossary_keeps_it(workdir, comparisons):
    glossary = Glossary(terms=[Entry("Zorbix Cloud", [], Status.APPROVED, keep_source=True),
                               *(Entry(name, [f"云产品{number}"], Status.APPROVED)
                                 for number, name in enumerate(product_names(200)))])
    write_here("cat_tool.csv", "en,zh,status\nzorbix cloud,zorbix cloud,approved\n")

    imported = import_glossary("cat_tool.csv", into=glossary)

    assert (imported.terms[0].target, imported.terms[0].keep_source) == ([], True)
    assert comparisons[0] < 10  # with the entries for "zorbix cloud", not with all 201
