"""Invisible characters in a corpus (a zero-width space from a web page, a soft hyphen) never
reach a glossary term: what `extract` writes, `validate` and `check` accept."""

from glossary_cli.cli import app
from glossary_cli.extract import extract
from glossary_cli.models import Location, SegmentPair
from tests.conftest import DATA

ZERO_WIDTH_SPACE, SOFT_HYPHEN = "\u200b", "\u00ad"


def test_no_term_holds_an_invisible_character():
    pairs = [SegmentPair(f"The smart{ZERO_WIDTH_SPACE} grid balances demand.", f"智能{ZERO_WIDTH_SPACE}电网平衡需求。",
                         Location("c.tsv", 1)),
             SegmentPair("A smart grid needs storage.", "智能电网需要储能。", Location("c.tsv", 2)),
             SegmentPair(f"The smart grid is a net{SOFT_HYPHEN}work.", "智能电网是一个网络。", Location("c.tsv", 3))]
    found = {(pair.source, pair.target) for pair in extract(pairs).pairs}
    assert ("smart grid", "智能电网") in found
    assert not [term for pair in found for term in pair if ZERO_WIDTH_SPACE in term or SOFT_HYPHEN in term]


def test_what_extract_writes_from_real_text_with_zero_width_spaces_validates(runner, tmp_path):
    """The loop of the README on TICO-19's lines holding U+200B: extract, validate, check."""
    corpus = str(DATA / "tico19_zero_width_spaces.tsv")
    glossary = tmp_path / "g.yaml"
    assert runner.invoke(app, ["extract", corpus, "-o", str(glossary)]).exit_code == 0
    validated = runner.invoke(app, ["validate", str(glossary)])
    assert validated.exit_code == 0, validated.output
    assert runner.invoke(app, ["approve", str(glossary), "--approve-all", "--min-score", "0.5"]).exit_code == 0
    assert runner.invoke(app, ["check", str(glossary), corpus]).exit_code in (0, 1)  # findings, not an error


def test_the_invisible_characters_are_unicodes_format_characters():
    """script.INVISIBLE lists Unicode's category Cf by hand (a regex has no \\p{Cf}); validate's
    GV008 and extract use it, so the list must be the category, neither more nor less."""
    import unicodedata

    from glossary_cli.script import INVISIBLE

    listed = {code for code in range(0x110000) if INVISIBLE.fullmatch(chr(code))}
    # Python 3.10 knows an older Unicode, where a few listed characters are not assigned yet (U+0890)
    assigned = {code for code in listed if unicodedata.category(chr(code)) != "Cn"}
    assert assigned == {code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf"}


def test_full_width_latin_and_unicode_hyphens_are_read_as_ascii():
    """`ＡＰＩ` beside `API` is one term, and jieba cuts `Ｗｉ－Ｆｉ设置` as Wi-Fi and 设置, not ｉ设置."""
    pairs = [SegmentPair("Open Wi\u2011Fi settings", "打开Ｗｉ－Ｆｉ设置", Location("c.tsv", 1)),
             SegmentPair("Turn on Wi-Fi.", "打开Wi-Fi。", Location("c.tsv", 2)),
             SegmentPair("The ＡＰＩ key", "ＡＰＩ 密钥", Location("c.tsv", 3)),
             SegmentPair("The API key is secret.", "API 密钥是保密的。", Location("c.tsv", 4))]
    found = {(pair.source, pair.target): pair.count for pair in extract(pairs).pairs}
    assert found[("API key", "API 密钥")] == 2 and found[("Wi-Fi", "Wi-Fi")] == 2
    assert not [term for pair in found for term in pair if "ｉ" in term or "Ａ" in term or "\u2011" in term]


def test_an_entry_with_two_targets_lists_each_place_of_evidence_once():
    """`Hit Points (HP)` / `生命值 (HP)` is evidence for both targets of HP: one place, listed once."""
    pairs = [SegmentPair("Hit Points (HP)", "生命值 (HP)", Location("a.po", 1)),
             SegmentPair("Restore HP", "恢复 HP", Location("a.po", 4)),
             SegmentPair("Your HP is low.", "你的生命值 (HP) 很低。", Location("a.po", 7))]
    (hp,) = [pair for pair in extract(pairs).pairs if pair.source == "HP"]
    places = [evidence.where for evidence in hp.evidence]
    assert len(hp.targets) == 2 and len(places) == len(set(places))


def test_no_term_holds_a_control_character_or_is_punctuation_alone(runner, tmp_path):
    """A terminal hyperlink pasted into a corpus (ESC ] 8 ;; … ESC \\) gave the candidate `Grid ESC]8;;ESC\\ work`,
    which validate refuses, so the glossary extract wrote failed validate, check and merge; and the
    `/` of a `[/]` tag both sides repeat was proposed as a term."""
    link, end = "\x1b]8;;http://evil.example\x1b\\", "\x1b]8;;\x1b\\"
    corpus = tmp_path / "c.tsv"
    corpus.write_text(f"The {link}Smart Grid{end} works.\t智能电网工作。\n"
                      "Click [bold]Save[/] now.\t点击[bold]保存[/]。\n"
                      "The smart grid works.\t智能电网工作。\n", encoding="utf-8")
    glossary = tmp_path / "g.yaml"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(glossary)]).exit_code == 0
    validated = runner.invoke(app, ["validate", str(glossary)])
    assert validated.exit_code == 0, validated.output
    terms = [pair.source for pair in extract([SegmentPair(*line.split("\t"), Location("c.tsv", number))
                                              for number, line in enumerate(corpus.read_text().splitlines(), 1)]).pairs]
    assert "/" not in terms and not any("\x1b" in term for term in terms)


def test_text_pasted_from_word_gives_the_terms_of_plain_text():
    """Word pastes no-break spaces between words, soft hyphens inside them and zero-width spaces
    in Chinese; check already reads them as a person does, and so does extract now: before, the
    no-break spaces cost every phrase (`Privacy Policy`) and paired `Shopping` with 购物车."""
    plain = [("Read our Privacy Policy.", "阅读我们的隐私政策。"), ("Privacy Policy", "隐私政策"),
             ("Your Shopping Cart is empty.", "您的购物车是空的。"), ("Shopping Cart", "购物车")]
    pasted = [(source.replace(" ", "\u00a0"), target.replace("购物车", "购物\u200b车")) for source, target in plain]
    pasted[0] = ("Read our Pri\u00advacy Policy.", "阅读我们的隐私政策。")

    def terms(rows):
        return [(pair.source, pair.target) for pair in
                extract([SegmentPair(source, target, Location("c.tsv", line)) for line, (source, target)
                         in enumerate(rows, start=1)]).pairs]

    assert terms(pasted) == terms(plain)
    assert ("Shopping Cart", "购物车") in terms(pasted) and ("Privacy Policy", "隐私政策") in terms(pasted)


def test_an_accent_written_as_macos_writes_it_is_extracted_composed():
    """`e` + U+0301 (NFD, as macOS file names and some editors write it) is `é`: the glossary holds
    the composed spelling that other tools and a CAT tool's search expect."""
    import unicodedata

    def terms(form):
        cafe = unicodedata.normalize(form, "Café Wi-Fi")
        pairs = [SegmentPair(f"Connect to the {cafe}.", "连接到咖啡馆 Wi-Fi。", Location("c.tsv", 1)),
                 SegmentPair(f"The {cafe} is free.", "咖啡馆 Wi-Fi 是免费的。", Location("c.tsv", 2)),
                 SegmentPair(unicodedata.normalize(form, "Café"), "咖啡馆", Location("c.tsv", 3))]
        return [(pair.source, pair.target) for pair in extract(pairs).pairs]

    assert terms("NFD") == terms("NFC")
    assert ("Café", "咖啡馆") in terms("NFD")
