from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import dump_glossary, parse_glossary
from glossary_cli.models import Evidence, ScoredPair
from glossary_cli.normalize import english_key
from glossary_cli.update import known_chinese_terms, rejected_pairs, rejected_terms, update_glossary


def pair(source, target, score=0.8, count=1):
    return ScoredPair(source, target, score, count, ("lexicon",), (Evidence("c.tsv:1", f"the {source}", target),))


def proposed(source, target, score):
    """A candidate as extract wrote it: its evidence shows its source and target."""
    return Entry(source, [target], Status.CANDIDATE, score=score, evidence=[Evidence("c.tsv:1", f"the {source}", target)])


def test_a_fresh_glossary_lists_the_pairs_in_score_order():
    glossary = update_glossary(None, [pair("V2G", "车网互动", 0.9), pair("grid", "电网", 0.5)], {"tool": "t"})
    assert [(e.source, e.target, e.status) for e in glossary.terms] == [
        ("V2G", ["车网互动"], Status.CANDIDATE), ("grid", ["电网"], Status.CANDIDATE)]


def test_reviewed_entries_are_kept_and_rejected_pairs_not_proposed_again():
    existing = Glossary(terms=[
        Entry("smart grid", ["智能电网"], Status.APPROVED, note="house style"),
        Entry("policy stack", ["政策堆栈"], Status.REJECTED),
        proposed("forum", "论坛", 0.4),
    ])
    fresh = [pair("smart grids", "智能网"), pair("policy stack", "政策堆栈"), pair("forum", "论坛", 0.6),
             pair("hydrogen energy", "氢能")]
    glossary = update_glossary(existing, fresh, {})
    assert [(e.source, e.target, e.status, e.score) for e in glossary.terms] == [
        ("smart grid", ["智能电网"], Status.APPROVED, None),
        ("policy stack", ["政策堆栈"], Status.REJECTED, None),
        ("forum", ["论坛"], Status.CANDIDATE, 0.6),
        ("hydrogen energy", ["氢能"], Status.CANDIDATE, 0.8),
    ]


def test_a_rejected_pair_does_not_block_another_rendering_of_the_same_term():
    existing = Glossary(terms=[Entry("policy stack", ["政策堆栈"], Status.REJECTED)])
    glossary = update_glossary(existing, [pair("policy stack", "政策体系")], {})
    assert [(e.target, e.status) for e in glossary.terms] == [(["政策堆栈"], Status.REJECTED),
                                                             (["政策体系"], Status.CANDIDATE)]


def test_a_term_rejected_without_a_target_is_not_proposed_again_in_any_rendering():
    """`tract infection` is no term: rejected whole, it must not come back as `感染` next quarter."""
    existing = Glossary(terms=[Entry("tract infection", [], Status.REJECTED), proposed("sinus", "鼻窦", 0.5)])
    glossary = update_glossary(existing, [pair("tract infections", "感染"), pair("sinus", "鼻窦", 0.5)], {})
    assert [(e.source, e.target, e.status) for e in glossary.terms] == [
        ("tract infection", [], Status.REJECTED), ("sinus", ["鼻窦"], Status.CANDIDATE)]


def test_a_candidate_proposed_beside_a_term_rejected_whole_is_dropped():
    existing = Glossary(terms=[Entry("policy stack", [], Status.REJECTED), proposed("policy stack", "政策体系", 0.5)])
    glossary = update_glossary(existing, [pair("policy stack", "政策体系")], {})
    assert [(e.target, e.status) for e in glossary.terms] == [([], Status.REJECTED)]


def test_a_term_rejected_whole_covers_its_variants_and_closed_spelling():
    glossary = Glossary(terms=[Entry("e-mail blast", [], Status.REJECTED, source_variants=["mail blast"]),
                               Entry("policy stack", ["政策堆栈"], Status.REJECTED)])
    assert rejected_terms(glossary) == {english_key("e-mail blast"), english_key("email blast"), english_key("mail blast")}


def test_candidates_no_longer_supported_are_dropped():
    existing = Glossary(terms=[proposed("forum", "论坛", 0.4)])
    assert update_glossary(existing, [], {}).terms == []


def test_candidates_read_best_first_around_the_entries_people_worked_on():
    """New and re-scored candidates take the candidates' places in score order, so a file extracted
    into many times reads as a fresh extraction does; the approved entry stays where it was."""
    existing = Glossary(terms=[proposed("forum", "论坛", 0.9), Entry("grid", ["电网"], Status.APPROVED),
                               proposed("hydrogen", "氢", 0.5), proposed("carbon", "碳", 0.3)])
    ranked = [pair("forum", "论坛", 0.9), pair("smart grid", "智能电网", 0.7), pair("carbon", "碳", 0.6),
              pair("hydrogen", "氢", 0.5)]
    glossary = update_glossary(existing, ranked, {})
    assert [entry.source for entry in glossary.terms] == ["forum", "grid", "smart grid", "carbon", "hydrogen"]


def test_unchanged_rerun_is_byte_identical_and_comments_survive():
    text = dump_glossary(update_glossary(None, [pair("V2G", "车网互动", 0.9), pair("grid", "电网", 0.5)], {}))
    edited = text.replace("  - source: grid", "  # checked with the client\n  - source: grid")
    reloaded, problems = parse_glossary(edited)
    assert problems == []
    again = update_glossary(reloaded, [pair("V2G", "车网互动", 0.9), pair("grid", "电网", 0.5)], {})
    assert dump_glossary(again) == edited


def test_rejected_and_known_terms_feed_the_next_extraction():
    glossary = Glossary(terms=[Entry("Smart Grids", ["智能电网"], Status.APPROVED),
                               Entry("policy stack", ["政策堆栈"], Status.REJECTED)])
    assert rejected_pairs(glossary) == {("policy stack", "政策堆栈")}
    assert known_chinese_terms(glossary) == ["智能电网"]


def test_a_candidate_a_person_commented_on_is_kept_as_written():
    fresh = [pair("V2G", "车网互动", 0.9), pair("grid", "电网", 0.5), pair("Academy", "中国科学院", 0.7)]
    text = dump_glossary(update_glossary(None, fresh, {}))
    edited = (text.replace("  - source: grid", "  # ===== Section: energy (keep this heading) =====\n  - source: grid")
                  .replace("target: 中国科学院", "target: 中科院   # my fix, not approved yet", 1))
    reloaded, problems = parse_glossary(edited)
    assert problems == []
    # The next corpus no longer proposes grid, and proposes Academy with the tool's own rendering.
    again = dump_glossary(update_glossary(reloaded, [pair("V2G", "车网互动", 0.95), pair("Academy", "中国科学院", 0.7)], {}))
    assert "# ===== Section: energy (keep this heading) =====\n  - source: grid\n" in again
    assert "target: 中科院   # my fix, not approved yet" in again
    assert again.count("source: Academy") == 1
    assert "score: 0.95" in again  # an entry nobody touched is still re-scored


def test_a_term_written_in_capitals_keeps_its_place_on_a_rerun():
    # `SALE PRICE` was counted with `Sale price` under the key `sale price`; the entry written
    # as `SALE PRICE` must be found again, not dropped and re-added at the end.
    fresh = [ScoredPair("SALE PRICE", "促销价", 0.9, 3, ("segment",), source_key="sale price"),
             pair("cart", "购物车", 0.5)]
    first = dump_glossary(update_glossary(None, fresh, {}))
    reloaded, problems = parse_glossary(first)
    assert problems == []
    assert dump_glossary(update_glossary(reloaded, fresh, {})) == first


def test_a_candidate_whose_target_or_source_a_person_typed_over_is_kept():
    """The commonest edit of all: fixing the proposed rendering (or adding one) without approving
    yet. Its evidence no longer shows it, so the next extract keeps it as written."""
    fresh = [pair("Advanced Options", "高级选项", 0.9), pair("provider", "供应方", 0.7), pair("cart", "购物车", 0.5)]
    text = dump_glossary(update_glossary(None, fresh, {}))
    edited = (text.replace("target: 高级选项", "target: 高级设置", 1)
                  .replace("target: 供应方", "target: [提供商, 供应方]", 1))
    reloaded, problems = parse_glossary(edited)
    assert problems == []
    again = update_glossary(reloaded, fresh, {})
    assert [(entry.source, entry.target) for entry in again.terms] == [
        ("Advanced Options", ["高级设置"]), ("provider", ["提供商", "供应方"]), ("cart", ["购物车"])]
    assert dump_glossary(again) == edited


def test_a_correction_the_sentence_itself_holds_is_kept():
    """Trimming a badly cut span, picking the listed alternative or moving the source to other words
    of the sentence leaves text the evidence shows; extract's snippets put its own proposal at a
    known place, so these edits are still told from what it wrote."""
    from glossary_cli.models import Alternative
    from glossary_cli.scoring import snippet

    english = ("Speakers urged that emphasis be placed on breakthroughs in areas such as deep-sea wind power "
               "+ next-generation photovoltaics, flexible coal-fired generation + CCUS, and new power grids.")
    chinese = ("与会者表示，要统筹推进能源结构调整、产业结构升级和城市低碳转型，加快构建清洁低碳、安全高效的现代能源体系。"
               "讲者强调在关键技术和前沿技术方面要重视突破深远海风电+新型光伏关键技术、灵活燃煤发电+CCUS、新型电网形态，"
               "并通过国际合作、示范项目和标准互认，推动这些技术尽快走向规模化应用，为全球碳中和目标作出贡献。")

    def linked(source, target, alternative=None):
        evidence = Evidence("a.txt:3", snippet(english, english.index(source), english.index(source) + len(source)),
                            snippet(chinese, chinese.index(target), chinese.index(target) + len(target)))
        return ScoredPair(source, target, 0.4, 1, ("lexicon",), (evidence,),
                          alternatives=(Alternative(alternative, 0.2),) if alternative else ())

    fresh = [linked("wind power", "海风电"), linked("flexible coal", "灵活燃煤", alternative="燃煤发电"),
             linked("next-generation photovoltaics", "新型光伏关键技术")]
    text = dump_glossary(update_glossary(None, fresh, {}))
    edited = (text.replace("target: 海风电", "target: 风电")  # trimmed
                  .replace("target: 灵活燃煤", "target: 燃煤发电")  # the listed alternative picked
                  .replace("target: 新型光伏关键技术", "target: 新型光伏"))  # trimmed at the end
    reloaded, problems = parse_glossary(edited)
    assert problems == []
    assert dump_glossary(update_glossary(reloaded, fresh, {})) == edited
    assert dump_glossary(update_glossary(parse_glossary(text)[0], fresh, {})) == text  # as written: refreshed alike


def test_edits_the_evidence_cannot_tell_apart_are_kept_by_the_checksum():
    """Short strings put the whole sentence in the snippet, so a list put in another order, a
    rendering taken out of a list or a span trimmed at its end still fit it; the checksum extract
    writes beside its proposal tells them from what it wrote."""
    def kept_and_expanded(acronym, expansion, line):
        evidence = Evidence(f"c.tsv:{line}", f"{acronym} says", f"{expansion}（{acronym}）称")
        return ScoredPair(acronym, acronym, 0.9, 2, ("identical",), (evidence,), also_allowed=(expansion,))

    fresh = [kept_and_expanded("WHO", "世界卫生组织", 1), kept_and_expanded("SARS", "严重急性呼吸系统综合征", 2),
             pair("Director General", "总干事", 0.7), pair("pandemic", "大流行病", 0.6)]
    text = dump_glossary(update_glossary(None, fresh, {}))
    edited = (text.replace("target: [WHO, 世界卫生组织]", "target: [世界卫生组织, WHO]")  # preferred rendering first
                  .replace("target: [SARS, 严重急性呼吸系统综合征]", "target: 严重急性呼吸系统综合征")  # one taken out
                  .replace("target: 总干事", "target: 总干")  # trimmed at the end
                  .replace("target: 大流行病", "target: 大流行"))
    reloaded, problems = parse_glossary(edited)
    assert problems == [] and [entry.target for entry in reloaded.terms] == [
        ["世界卫生组织", "WHO"], ["严重急性呼吸系统综合征"], ["总干"], ["大流行"]]
    assert dump_glossary(update_glossary(reloaded, fresh, {})) == edited
    assert dump_glossary(update_glossary(parse_glossary(text)[0], fresh, {})) == text  # unedited: refreshed alike


def test_a_variant_of_an_approved_term_is_not_proposed_again():
    """`PPE` listed as a variant of an approved entry is that term: a candidate for it would be a
    second entry for one term, which validate refuses, so CI's check would stop after a re-extract."""
    existing = Glossary(terms=[Entry("personal protective equipment", ["个人防护装备"], Status.APPROVED,
                                     source_variants=["PPE"])])
    glossary = update_glossary(existing, [pair("PPE", "个人防护装备"), pair("face mask", "口罩")], {})
    assert [entry.source for entry in glossary.terms] == ["personal protective equipment", "face mask"]


def test_a_hyphenated_term_and_its_closed_spelling_are_one_term():
    existing = Glossary(terms=[Entry("e-mail", ["电子邮件"], Status.APPROVED), Entry("WiFi", ["无线网络"], Status.APPROVED),
                               Entry("log-in", ["登陆"], Status.REJECTED)])
    glossary = update_glossary(existing, [pair("email", "电子邮件"), pair("Wi-Fi", "无线网络"), pair("login", "登陆"),
                                          pair("login", "登录")], {})
    assert [(entry.source, entry.target) for entry in glossary.terms] == [
        ("e-mail", ["电子邮件"]), ("WiFi", ["无线网络"]), ("log-in", ["登陆"]), ("login", ["登录"])]
