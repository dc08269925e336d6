import pytest

from glossary_cli.normalize import chinese_key, english_display, english_key, is_acronym, singular


@pytest.mark.parametrize("plural, expected", [
    ("grids", "grid"), ("batteries", "battery"), ("buildings", "building"), ("switches", "switch"),
    ("approaches", "approach"), ("headaches", "headache"), ("boxes", "box"), ("leaves", "leaf"),
    ("analyses", "analysis"), ("viruses", "virus"), ("criteria", "criterion"), ("EVs", "EV"),
    ("cities", "city"), ("days", "day"), ("heroes", "hero"), ("shoes", "shoe"), ("gases", "gas"),
    # compounds ending in an irregular plural
    ("coronaviruses", "coronavirus"), ("Coronaviruses", "Coronavirus"), ("grandchildren", "grandchild"),
    ("meta-analyses", "meta-analysis"), ("specimens", "specimen"), ("abuses", "abuse"),
    # nouns ending in -s take -es: not aliase, canvase
    ("aliases", "alias"), ("canvases", "canvas"), ("atlases", "atlas"), ("focuses", "focus"), ("uses", "use"),
    # irregular plurals whatever letter they end in
    ("teeth", "tooth"), ("feet", "foot"), ("men", "man"), ("bacteria", "bacterium"), ("nuclei", "nucleus"),
    ("larvae", "larva"), ("mycobacteria", "mycobacterium"),
])
def test_singular_folds_the_plural(plural, expected):
    assert singular(plural) == expected


@pytest.mark.parametrize("word", [
    # Measured pitfalls of lookup lemmatisers and inflect: none of these may change.
    "building", "data", "media", "physics", "analysis", "gas", "news", "series", "species",
    "process", "status", "virus", "bus", "CCUS", "US", "photovoltaics", "economics",
    "faeces", "diabetes", "measles", "herpes",  # diseases and substances ending in -es are no plurals
    "interspecies", "subspecies", "miniseries",  # compounds of the invariant species and series
    "SaaS", "macOS", "MEN", "CRITERIA",  # a capital S ends no plural; a word in capitals is left as it is
])
def test_singular_leaves_singular_and_uncountable_words_alone(word):
    assert singular(word) == word


def test_english_key_folds_case_plural_and_hyphens():
    assert english_key("Smart Grids") == english_key("smart grids") == english_key("smart grid") == "smart grid"
    assert english_key("super-charging city") == english_key("super charging city")


def test_a_short_particle_after_a_hyphen_takes_the_plural():
    # `Plug-ins` (a menu) and `plug-in` (a sentence) were two entries of one term
    assert english_key("Plug-ins") == english_key("plug-in") == "plug in"
    assert english_key("add-ons") == english_key("add-on") and english_key("Pop-ups") == english_key("pop-up")
    assert english_display("add-ons") == "add-on" and english_display("check-ins") == "check-in"
    assert english_key("bio-gas") == "bio gas"  # on its own a three-letter word in -s is seldom a plural


def test_english_key_keeps_the_case_of_acronyms():
    assert english_key("V2G") == "V2G"
    assert english_key("IoT devices") == "IoT device"
    assert english_key("ESG") != english_key("esg")


def test_display_form_singularises_only_the_head_noun():
    assert english_display("mega-cities") == "mega-city"
    assert english_display("digital twins") == "digital twin"
    assert english_display("smart grids operators") == "smart grids operator"


def test_display_form_keeps_a_plural_that_is_no_head_noun():
    """After a preposition the head noun came earlier; names and UI labels are written as they are."""
    assert english_display("number of cases") == "number of cases"
    assert english_display("Table of Contents") == "Table of Contents"
    assert english_display("United Nations") == "United Nations"
    assert english_display("Keyboard Shortcuts") == "Keyboard Shortcuts"
    for name in ("Windows", "Tedros", "Preferences", "iCloud Photos"):  # one capitalised word is a name too
        assert english_display(name) == name
    assert english_display("vaccines") == "vaccine"
    assert english_key("United Nations") == english_key("united nation")  # still counted together


def test_acronyms():
    assert is_acronym("V2G") and is_acronym("CCUS") and is_acronym("IoT")
    assert not is_acronym("Shenzhen") and not is_acronym("grid")


def test_chinese_key_treats_full_and_half_width_alike():
    assert chinese_key("车网互动（V2G）") == chinese_key("车网互动(V2G)")
    assert chinese_key("ＡＩ 赋能") == chinese_key("ai赋能")


def test_chinese_key_folds_dashes_and_name_dots_as_check_does():
    # extract counts, and update recognises a rejected pair, by this key; check folds the same way
    assert chinese_key("比尔・盖茨") == chinese_key("比尔·盖茨") == chinese_key("比尔\u2027盖茨")
    assert chinese_key("新冠\u201019") == chinese_key("新冠-19")
    assert chinese_key("比尔盖茨") != chinese_key("比尔·盖茨")  # a dot is not nothing
