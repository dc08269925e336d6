"""TBX exchange: export validates against the TBX v3 core schema, imports of v3 and v2, round trips."""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from glossary_cli.errors import GlossaryError, InputFormatError, UsageError
from glossary_cli.exchange import ExchangeFormat, export_glossary, import_glossary
from glossary_cli.exchange.tbx import glossary_to_tbx, read_tbx
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.validate import validate_glossary

DATA = Path(__file__).parent / "data"
ASTRONOMY = DATA / "Example_Astronomy_DCA_VALID.tbx"
SCHEMA = etree.RelaxNG(etree.parse(str(DATA / "TBXcoreStructV03.rng")))
NS = {"tbx": "urn:iso:std:iso:30042:ed-2"}


def sample_glossary() -> Glossary:
    return Glossary(terms=[
        Entry("vehicle-to-grid", ["车网互动", "车辆到电网"], Status.APPROVED, note="V2G in short\nsee IEC 15118",
              forbidden=["车对网"], source_variants=["V2G"], extra={"part_of_speech": "noun"}),
        Entry("COVID-19", [], Status.APPROVED, keep_source=True, forbidden=["新冠"]),
        Entry("grid", ["电网"], Status.CANDIDATE, score=0.8, count=12),
        Entry("smart meter", ["智能电表"], Status.REJECTED),
        Entry("fever", ["发热"], Status.APPROVED, extra={"definition": "A body temperature above normal.",
                                                         "subject_field": "medicine"}),
    ])


def write(tmp_path: Path, text: str, name: str = "terms.tbx") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def validates(text: str) -> bool:
    document = etree.fromstring(text.encode("utf-8"))
    if not SCHEMA.validate(document):
        raise AssertionError(str(SCHEMA.error_log))
    return True


# ---------------------------------------------------------------- export

def test_export_validates_against_the_tbx_v3_core_schema():
    assert validates(glossary_to_tbx(sample_glossary()))
    assert validates(glossary_to_tbx(sample_glossary(), statuses=tuple(Status)))
    assert validates(glossary_to_tbx(Glossary()))  # an empty termbase is still a valid document


def test_export_is_tbx_basic_with_statuses_mapped():
    document = etree.fromstring(glossary_to_tbx(sample_glossary()).encode("utf-8"))
    assert document.get("type") == "TBX-Basic" and document.get("style") == "dca"
    concepts = document.findall(".//tbx:conceptEntry", NS)
    assert len(concepts) == 3  # approved entries only

    def terms(concept, language):
        section = concept.find(f"tbx:langSec[@xml:lang='{language}']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"})
        return [(term_section.findtext("tbx:term", namespaces=NS),
                 term_section.findtext("tbx:termNote[@type='administrativeStatus']", namespaces=NS))
                for term_section in section.findall("tbx:termSec", NS)]

    assert terms(concepts[0], "en") == [("vehicle-to-grid", "preferredTerm-admn-sts"), ("V2G", "admittedTerm-admn-sts")]
    assert terms(concepts[0], "zh") == [("车网互动", "preferredTerm-admn-sts"), ("车辆到电网", "admittedTerm-admn-sts"),
                                        ("车对网", "deprecatedTerm-admn-sts")]
    assert terms(concepts[1], "zh") == [("COVID-19", "preferredTerm-admn-sts"), ("新冠", "deprecatedTerm-admn-sts")]
    assert [note.text for note in concepts[0].findall("tbx:note", NS)] == ["V2G in short\nsee IEC 15118"]
    assert concepts[0].findtext(".//tbx:termNote[@type='partOfSpeech']", namespaces=NS) == "noun"


def test_export_candidates_only_when_asked_and_without_a_status():
    text = export_glossary(sample_glossary(), ExchangeFormat.TBX, statuses=[Status.CANDIDATE])
    document = etree.fromstring(text.encode("utf-8"))
    assert [term.text for term in document.iter("{urn:iso:std:iso:30042:ed-2}term")] == ["grid", "电网"]
    assert document.find(".//tbx:termNote", NS) is None


def test_export_escapes_markup_in_terms_and_notes():
    glossary = Glossary(terms=[Entry("<b> & co", ["<b>公司"], Status.APPROVED, note='a "quoted" <note>')])
    text = glossary_to_tbx(glossary)
    assert validates(text)
    assert "&lt;b&gt; &amp; co" in text


# ---------------------------------------------------------------- round trip

def test_yaml_to_tbx_to_yaml_keeps_approved_entries_targets_forbidden_and_notes(tmp_path):
    original, problems = parse_glossary(dump_glossary(sample_glossary()))
    assert problems == []
    tbx = write(tmp_path, glossary_to_tbx(original))
    back, problems = parse_glossary(dump_glossary(read_tbx(tbx)))
    assert problems == []
    approved = original.approved()
    assert [entry.source for entry in back.terms] == [entry.source for entry in approved]
    for before, after in zip(approved, back.terms):
        assert after.status is Status.APPROVED
        assert after.target == before.target
        assert after.forbidden == before.forbidden
        assert after.note == before.note
        assert after.source_variants == before.source_variants
        assert after.keep_source == before.keep_source
        assert after.extra == before.extra


def test_round_trip_of_all_statuses_keeps_candidates_as_candidates(tmp_path):
    tbx = write(tmp_path, glossary_to_tbx(sample_glossary(), statuses=[Status.APPROVED, Status.CANDIDATE]))
    statuses = {entry.source: entry.status for entry in read_tbx(tbx).terms}
    assert statuses == {"vehicle-to-grid": Status.APPROVED, "COVID-19": Status.APPROVED,
                        "grid": Status.CANDIDATE, "fever": Status.APPROVED}


# ---------------------------------------------------------------- import: the TBX-Basic example

def test_astronomy_example_imports_every_english_and_spanish_term():
    # Counted with ElementTree, independently of the importer: 45 conceptEntry, 113 termSec:
    # 55 en, 52 es and 6 zu terms. 39 concepts have en and es; 6 have only a zu term.
    tree = ElementTree.parse(ASTRONOMY)
    expected: dict[str, set[str]] = {"en": set(), "es": set()}
    for section in tree.iter("{urn:iso:std:iso:30042:ed-2}langSec"):
        language = section.get("{http://www.w3.org/XML/1998/namespace}lang")
        if language in expected:
            expected[language] |= {term.text for term in section.iter("{urn:iso:std:iso:30042:ed-2}term")}
    warnings: list[str] = []
    glossary = read_tbx(str(ASTRONOMY), target_lang="es", on_warning=warnings.append)
    assert len(glossary.terms) == 39
    english = [term for entry in glossary.terms for term in [entry.source, *entry.source_variants]]
    # A deprecated or superseded English term is no spelling of the term: a wording to avoid.
    banned = [wording for entry in glossary.terms for wording in entry.source_forbidden]
    assert len(banned) == 2
    english += banned
    # "supernova" is Spanish too: the same word on both sides is kept as keep_source, not lost.
    spanish = [term for entry in glossary.terms
               for term in [*([entry.source] if entry.keep_source else []), *entry.target, *entry.forbidden]]
    assert (len(english), len(spanish)) == (55, 52)
    assert set(english) == expected["en"] and set(spanish) == expected["es"]
    assert warnings == [f"{ASTRONOMY}:1611: 6 concept(s) with no en term (or only deprecated ones) skipped (first one here)",
                        f"{ASTRONOMY}: not imported, as no glossary field holds them: transacGrp (292), "
                        "admin source (178), descrip context (104), descrip definition in es (38), "
                        "xref xGraphic (34), termNote termType (25)"]
    assert validate_glossary(glossary, str(ASTRONOMY)) == []
    assert glossary.languages == {"source": "en", "target": "es"}


def test_astronomy_statuses_notes_and_part_of_speech():
    entries = {entry.source: entry for entry in read_tbx(str(ASTRONOMY), target_lang="es").terms}
    disk = entries["circumstellar accretion disk"]
    assert disk.status is Status.APPROVED
    assert disk.target == ["disco de acreción", "disco de acrecimiento"]
    assert disk.source_variants == ["accretion disc", "circumstellar disk"]
    assert disk.extra["part_of_speech"] == "noun"
    assert disk.extra["subject_field"] == "Stellar Birth"
    assert disk.extra["definition"].startswith("A structure that forms around a compact object")
    cluster = entries["open cluster"]
    assert cluster.status is Status.CANDIDATE  # the Spanish term carries no status
    assert "galactic cluster: Another name for an open star cluster." in cluster.note
    assert any(entry.forbidden for entry in entries.values())  # deprecatedTerm-admn-sts became forbidden


def test_astronomy_without_a_chinese_side_names_the_languages_it_has():
    with pytest.raises(InputFormatError, match=r"no zh terms in this termbase \(languages: en \(55 terms\), "
                                               r"es \(52 terms\), zu \(6 terms\)\); pass --target-lang"):
        read_tbx(str(ASTRONOMY))


# ---------------------------------------------------------------- import: TBX v2 and other shapes

TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
<martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1">
  <descrip type="subjectField">energy</descrip>
  <note>from the grid code</note>
  <langSet xml:lang="en-US">
    <tig><term>vehicle-to-grid</term><termNote type="partOfSpeech">noun</termNote>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>V2G</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="zh-CN">
    <tig><term>车网互动</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>车辆到电网</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>车对网</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
    <tig><term>旧译</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
      <note>used before 2020</note></tig>
  </langSet>
</termEntry>
<termEntry id="t2">
  <langSet lang="zh"><tig><term>电网</term></tig></langSet>
  <langSet lang="en"><tig><term>grid</term></tig></langSet>
</termEntry>
<termEntry id="t3">
  <langSet xml:lang="en"><tig><term>smart meter</term></tig></langSet>
</termEntry>
</body></text></martif>
"""


def test_tbx_v2_keeps_synonyms_statuses_and_notes(tmp_path):
    warnings: list[str] = []
    glossary = read_tbx(write(tmp_path, TBX_V2), on_warning=warnings.append)
    first, second, third = glossary.terms
    assert (first.source, first.source_variants, first.target, first.forbidden, first.status) == (
        "vehicle-to-grid", ["V2G"], ["车网互动", "车辆到电网"], ["车对网", "旧译"], Status.APPROVED)
    assert first.note == "from the grid code\n旧译: used before 2020"
    assert first.extra == {"part_of_speech": "noun", "subject_field": "energy"}
    assert (second.source, second.target, second.status) == ("grid", ["电网"], Status.CANDIDATE)
    assert (third.source, third.target, third.status) == ("smart meter", [], Status.CANDIDATE)
    assert warnings == [f"{tmp_path / 'terms.tbx'}:26: 1 concept(s) with no zh term imported as candidates "
                        "with no target (first one here)"]


def test_chinese_source_termbase_is_read_with_english_as_source(tmp_path):
    text = TBX_V2.replace('xml:lang="en-US"', 'xml:lang="en"')
    glossary = read_tbx(write(tmp_path, text))
    assert glossary.terms[1].source == "grid"  # its zh langSet comes first in the file


def test_import_dispatches_on_the_extension(tmp_path):
    assert len(import_glossary(write(tmp_path, TBX_V2, name="terms.xml")).terms) == 3


@pytest.mark.parametrize("text, message", [
    ("", "empty file: no TBX content"),
    (TBX_V2[:300], "malformed TBX"),
    ('<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "/etc/passwd">]><martif>&x;</martif>',
     "declares the entity 'x'"),
    ('<?xml version="1.0"?>\n<tmx version="1.4"/>', "not a TBX file: the root element is <tmx>"),
])
def test_broken_termbases_are_errors_with_a_location(tmp_path, text, message):
    with pytest.raises(InputFormatError, match=message):
        read_tbx(write(tmp_path, text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=len(TBX_V2)), noise=st.text(max_size=20))
def test_damaged_termbases_never_crash(cut, noise):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "terms.tbx"
        path.write_text(TBX_V2[:cut] + noise + TBX_V2[cut:], encoding="utf-8")
        try:
            read_tbx(str(path))
        except GlossaryError as error:
            assert error.path == str(path)


@pytest.mark.parametrize("character", ["\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\ufffe", "\uffff"])
def test_export_refuses_a_character_xml_cannot_hold(character):
    glossary = Glossary(terms=[Entry("ok", ["好"], Status.APPROVED), Entry(f"a{character}b", ["乙"], Status.APPROVED)])
    with pytest.raises(GlossaryError, match=rf"entry \"a\\u{ord(character):04x}b\" has the (control )?character "
                                            rf"U\+{ord(character):04X} in its source, which TBX \(XML\) cannot hold"):
        glossary_to_tbx(glossary, path="g.yaml")


def test_export_keeps_tabs_and_line_breaks_which_xml_can_hold():
    assert validates(glossary_to_tbx(Glossary(terms=[Entry("a\tb", ["乙"], Status.APPROVED, note="one\r\ntwo")])))


# ---------------------------------------------------------------- import: status values

EXCHANGE = DATA / "exchange"


def test_status_values_are_compared_without_case_spaces_or_hyphens():
    # 发热 forbiddenTerm-admn-sts, 热病 obsoleteTerm-admn-sts, 高热 "Deprecated Term", 高烧 DeprecatedTerm-admn-sts
    (entry,) = read_tbx(str(EXCHANGE / "unkstatus.tbx")).terms
    assert (entry.target, entry.status) == (["发烧"], Status.APPROVED)
    assert entry.forbidden == ["发热", "热病", "高热", "高烧"]


def test_an_unknown_status_is_refused_at_the_terms_line(tmp_path):
    text = (EXCHANGE / "unkstatus.tbx").read_text(encoding="utf-8").replace("obsoleteTerm-admn-sts", "Draft Term")
    with pytest.raises(InputFormatError, match="term \"热病\" has the unknown administrativeStatus 'Draft Term'; "
                                               "use preferredTerm-admn-sts, admittedTerm-admn-sts") as error:
        read_tbx(write(tmp_path, text))
    assert (error.value.path, error.value.line) == (str(tmp_path / "terms.tbx"), 7)


def test_not_recommended_is_forbidden_and_proposed_stays_a_candidate(tmp_path):
    text = (EXCHANGE / "unkstatus.tbx").read_text(encoding="utf-8")
    text = text.replace("preferredTerm-admn-sts", "proposedTerm").replace("obsoleteTerm-admn-sts", "notRecommendedTerm-admn-sts")
    (entry,) = read_tbx(write(tmp_path, text)).terms
    assert (entry.target, entry.status, entry.forbidden[1]) == (["发烧"], Status.CANDIDATE, "热病")


def test_export_names_in_one_warning_the_fields_tbx_cannot_hold():
    glossary = Glossary(terms=[
        Entry("smart grid", ["智能电网"], Status.APPROVED, case_sensitive=True,
              extra={"match_compounds": True, "reviewer": "Li", "part_of_speech": "noun", "definition": "A grid."}),
        Entry("Cell", ["单元格"], Status.APPROVED, case_sensitive=True),
        Entry("grid", ["电网"], Status.CANDIDATE, case_sensitive=True),  # not exported: no warning for it
    ])
    warnings: list[str] = []
    assert validates(glossary_to_tbx(glossary, path="rich.yaml", on_warning=warnings.append))
    assert warnings == ["rich.yaml: not representable in tbx, left out: case_sensitive of 2 entries, "
                        "match_compounds of 1 entry, reviewer of 1 entry (the glossary keeps them)"]


@pytest.mark.parametrize("note", ["Use in UI strings.\n\nSee style guide, section 3.", "Not 硬盘  (double space).",
                                  "tab\there", "NEL\x85 and LINE SEPARATOR\u2028 inside", "Windows\r\nline end",
                                  "Second line   with  spaces.\n\n  indented line"])
def test_a_note_comes_back_exactly_as_written(tmp_path, note):
    original = Glossary(terms=[Entry("dashboard", ["仪表板"], Status.APPROVED, note=note)])
    text = glossary_to_tbx(original)
    assert validates(text) and text.count("<note>") == 1
    assert read_tbx(write(tmp_path, text)).terms[0].note == note


def test_tabs_and_double_spaces_in_terms_are_content():
    original = Glossary(terms=[Entry("Tab\tterm", ["制表\t符", "双  空格"], Status.APPROVED)])
    with tempfile.TemporaryDirectory() as directory:
        (entry,) = read_tbx(write(Path(directory), glossary_to_tbx(original))).terms
    assert (entry.source, entry.target) == ("Tab\tterm", ["制表\t符", "双  空格"])


def test_the_layout_of_a_pretty_printed_termbase_is_not_content(tmp_path):
    text = TBX_V2.replace("<term>grid</term>", "<term>\n        grid\n      </term>")
    text = text.replace("</termEntry>", "<note>\n    first line\n    </note></termEntry>", 1)
    glossary = read_tbx(write(tmp_path, text))
    assert "grid" in [entry.source for entry in glossary.terms]
    assert glossary.terms[0].note.startswith("from the grid code\nfirst line\n")


def test_keep_source_is_marked_and_the_english_as_a_target_is_not(tmp_path):
    original = Glossary(terms=[Entry("V2G", ["V2G", "车网互动"], Status.APPROVED),
                               Entry("ESG", [], Status.APPROVED, keep_source=True)])
    text = glossary_to_tbx(original)
    assert validates(text) and text.count("<note>keep_source: leave this term untranslated</note>") == 1
    back = read_tbx(write(tmp_path, text))
    assert [(e.target, e.keep_source) for e in back.terms] == [(["V2G", "车网互动"], False), ([], True)]


def test_language_codes_are_written_as_bcp_47_tags():
    glossary = Glossary(terms=[Entry("grid", ["电网"], Status.APPROVED)], languages={"source": "en_US", "target": "zh_CN"})
    text = glossary_to_tbx(glossary)
    assert validates(text) and 'xml:lang="zh-CN"' in text and "zh_CN" not in text
    glossary.languages["target"] = "zh&<>"
    with pytest.raises(GlossaryError, match="us2.yaml: language 'zh&<>' is not a language tag such as zh-CN"):
        glossary_to_tbx(glossary, path="us2.yaml")


@pytest.mark.parametrize("target_lang, expected", [
    ("zh-CN", {"smart grid": ["智能电网"], "hydrogen": ["氢", "氢气"], "carbon sink": ["碳汇"], "electric car": ["电动汽车"]}),
    ("zh-Hans", {"smart grid": ["智能电网"], "hydrogen": ["氢", "氢气"], "carbon sink": ["碳汇"], "electric car": ["电动汽车"]}),
    ("zh-TW", {"smart grid": ["智慧型電網"], "hydrogen": [], "carbon sink": [], "electric car": []}),
    ("zh-Hant", {"smart grid": ["智慧型電網"], "hydrogen": [], "carbon sink": [], "electric car": []}),
])
def test_chinese_variants_are_matched_by_script(target_lang, expected):
    # basic_v2.tbx: zh-CN and zh-TW in t1, zh-Hans in t2, zh in t3 and t4
    glossary = read_tbx(str(EXCHANGE / "basic_v2.tbx"), target_lang=target_lang)
    assert {entry.source: entry.target for entry in glossary.terms} == expected


def test_plain_zh_over_both_scripts_imports_simplified_and_says_so():
    warnings: list[str] = []
    path = EXCHANGE / "basic_v2.tbx"
    glossary = read_tbx(str(path), on_warning=warnings.append)
    assert glossary.terms[0].target == ["智能电网"]  # not 智慧型電網 beside it
    assert warnings == [f"{path}: holds Simplified (7 terms) and Traditional Chinese (1 terms); importing "
                        "Simplified. Pass --target-lang zh-CN or zh-TW to choose one",
                        f"{path}: not imported, as no glossary field holds them: descrip context (1)"]


def test_rejected_entries_asked_for_are_named_in_a_warning_not_dropped_silently():
    warnings: list[str] = []
    text = glossary_to_tbx(sample_glossary(), statuses=[Status.REJECTED, Status.APPROVED], path="g.yaml",
                           on_warning=warnings.append)
    assert "smart meter" not in text
    assert warnings == ["g.yaml: 1 rejected entry not exported: a TBX termbase holds no rejected terms; "
                        "export them with --to csv --status rejected"]
    glossary_to_tbx(sample_glossary(), statuses=[Status.APPROVED], on_warning=warnings.append)
    assert len(warnings) == 1  # not asked for, nothing to say


def test_rejected_entries_alone_cannot_make_a_termbase():
    with pytest.raises(UsageError, match="nothing to export: a TBX termbase holds no rejected terms; export them "
                                         "with --to csv") as error:
        export_glossary(sample_glossary(), ExchangeFormat.TBX, statuses=[Status.REJECTED], path="g.yaml")
    assert str(error.value).startswith("g.yaml: ")


def concept_ids_of(text: str) -> dict[str, str]:
    """{source term: conceptEntry id} of an exported termbase."""
    document = etree.fromstring(text.encode("utf-8"))
    return {concept.findtext("tbx:langSec/tbx:termSec/tbx:term", namespaces=NS): concept.get("id")
            for concept in document.findall(".//tbx:conceptEntry", NS)}


def test_concept_ids_come_from_the_source_term_so_a_cat_tool_can_update_by_id():
    before = concept_ids_of(glossary_to_tbx(sample_glossary()))
    assert before == {"vehicle-to-grid": "c8419d837ed", "COVID-19": "ccaf96d0a55", "fever": "c1e44a1c453"}
    grown = sample_glossary()
    grown.terms.insert(0, Entry("heat pump", ["热泵"], Status.APPROVED))  # added at the top
    grown.terms[1].target = ["车辆到电网"]  # a new preferred term for the same concept
    after = concept_ids_of(glossary_to_tbx(grown))
    assert after == {"heat pump": after["heat pump"], **before}


def test_entries_sharing_a_source_term_get_distinct_ids_and_the_approved_one_keeps_the_plain_id():
    senses = Glossary(terms=[Entry("grid", ["格子"], Status.CANDIDATE), Entry("grid", ["电网"], Status.APPROVED),
                             Entry("grid", ["格子"], Status.CANDIDATE)])
    text = glossary_to_tbx(senses, statuses=[Status.APPROVED, Status.CANDIDATE])
    assert validates(text)  # ids are unique xml:id values, starting with a letter
    ids = [concept.get("id") for concept in etree.fromstring(text.encode("utf-8")).findall(".//tbx:conceptEntry", NS)]
    assert ids[1] == concept_ids_of(glossary_to_tbx(Glossary(terms=[senses.terms[1]])))["grid"]
    assert ids == ["ce18ae11630", "c0f2a693e93", "ce18ae11630-2"]


def test_a_concept_whose_terms_state_no_status_comes_in_as_the_caller_says(tmp_path):
    text = (EXCHANGE / "unkstatus.tbx").read_text(encoding="utf-8")
    path = write(tmp_path, re.sub(r"<termNote type=\"administrativeStatus\">[^<]*</termNote>", "", text))
    (entry,) = read_tbx(path, unstated=Status.APPROVED).terms
    assert (entry.status, entry.forbidden) == (Status.APPROVED, [])
    assert read_tbx(path).terms[0].status is Status.CANDIDATE
    only_deprecated = write(tmp_path, text.replace('<termNote type="administrativeStatus">preferredTerm-admn-sts'
                                                   "</termNote>", ""), name="deprecated.tbx")
    (entry,) = read_tbx(only_deprecated, unstated=Status.APPROVED).terms  # termbases mark what not to say
    assert (entry.target, entry.status, entry.forbidden) == (["发烧"], Status.APPROVED, ["发热", "热病", "高热", "高烧"])
    proposed = write(tmp_path, text.replace("preferredTerm-admn-sts", "proposedTerm"), name="proposed.tbx")
    assert read_tbx(proposed, unstated=Status.APPROVED).terms[0].status is Status.CANDIDATE  # stated: undecided
