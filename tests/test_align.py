from glossary_cli.align import SegmentAligner, SegmentEvidence, lexical_score, word_pieces
from glossary_cli.candidates import chinese_spans, english_spans
from glossary_cli.lexicon import Lexicon, parse_cedict, stem
from tests.support import english_tokenizer, plain_chinese_tokenizer


def chosen_links(source: str, target: str, lexicon: Lexicon | None = None):
    """The links of one segment pair, as `extract` finds them (with CC-CEDICT alone, or `lexicon`)."""
    tokens = english_tokenizer().tokenize_many([source])[0]
    chinese = plain_chinese_tokenizer()
    spans = chinese_spans(target, chinese.tokenize(target), verbs=chinese.verbs, source=source)
    return SegmentAligner(lexicon or Lexicon()).link(SegmentEvidence(source, target, tokens),
                                                     english_spans(source, tokens), spans)


def links(source: str, target: str) -> dict[str, tuple[str, frozenset]]:
    """English span -> (Chinese span, signals) of the first link found for it."""
    found: dict[str, tuple[str, frozenset]] = {}
    for link in chosen_links(source, target):
        found.setdefault(link.source.text, (link.target.text, link.signals))
    return found


def linked(source: str, target: str) -> set[tuple[str, str]]:
    """Every (English span, Chinese span) linked in one segment pair."""
    return {(link.source.text, link.target.text) for link in chosen_links(source, target)}


def test_dictionary_words_inside_a_chinese_span_link_a_compound():
    found = links("every component is tracked via a material passport, ensuring reuse",
                  "每个构件都有材料护照,确保再利用")
    assert found["material passport"][0] == "材料护照"


def test_each_word_of_a_camel_case_identifier_is_translated():
    assert links("Open the ControlPanel", "打开控制面板")["ControlPanel"][0] == "控制面板"
    assert word_pieces("MountPoint") == ["Mount", "Point"]
    assert word_pieces("OAuth") == ["OAuth"] and word_pieces("COVID-19") == ["COVID", "19"]


def test_parenthesis_anchor_links_name_and_acronym_to_the_glossed_chinese():
    found = links("she pointed to Vehicle-to-Grid (V2G) technology", "第一是“车网互动(V2G)”技术")
    assert found["Vehicle-to-Grid"] == ("车网互动", frozenset({"lexicon", "parenthesis"}))
    assert found["V2G"] == ("V2G", frozenset({"identical", "lexicon"}))


def test_the_acronym_is_also_linked_to_the_parenthesised_translation():
    assert ("V2G", "车网互动") in linked("she pointed to Vehicle-to-Grid (V2G) technology", "第一是“车网互动(V2G)”技术")


def test_a_parenthesised_word_that_does_not_abbreviate_the_term_is_no_acronym_of_it():
    found = linked("Custom Mount Option (Json)", "自定义挂载选项（Json格式）")
    assert ("Custom Mount Option", "自定义挂载选项") in found and ("Json", "自定义挂载选项") not in found


def test_an_acronym_the_chinese_keeps_links_to_itself_and_its_whole_expansion():
    source = "the Middle East respiratory syndrome (MERS) outbreak resulted in a persistent epidemic"
    target = "中东呼吸综合征（MERS）爆发后，疫情持续蔓延"
    acronym = {chinese for english, chinese in linked(source, target) if english == "MERS"}
    assert acronym == {"MERS", "中东呼吸综合征"}  # not 综合征, the tail of the name


def test_a_morpheme_of_the_dictionary_translations_places_an_abbreviated_word():
    # CC-CEDICT has no 电 for `power`, but 电力, 电源, 发电 ... share it: 风电 is wind power.
    found = links("breakthroughs in areas such as deep-sea wind power + next-generation photovoltaics",
                  "要重视突破深远海风电+新型光伏关键技术")
    assert found["deep-sea wind power"][0] == "深远海风电"
    assert found["power"][0] == "电"


def test_quotes_in_the_same_order_link_each_other():
    found = links('a "double materiality" principle and the "maze"', "采用“双重重要性”原则和“迷宫”")
    assert found["double materiality"][0] == "双重重要性" and "quote" in found["double materiality"][1]


def test_transliterated_names_link_by_pinyin():
    found = links("held in Longgang District last week", "上周在龙岗区举办")
    assert found["Longgang District"][0] == "龙岗区"


def test_one_chinese_span_is_not_reused_by_a_weaker_pair():
    found = links("smart grids and smart meters", "智能电网和智能电表")
    targets = [target for target, _ in found.values()]
    assert targets.count("智能电网") <= 1


def test_lexical_score_rewards_full_mutual_coverage():
    assert lexical_score(2, 2, 4, 4) == 1.0
    assert lexical_score(2, 0, 4, 0) == 0.0
    assert lexical_score(2, 1, 4, 2) < lexical_score(2, 2, 4, 4)


def test_a_span_that_starts_with_a_verb_loses_to_the_noun_phrase():
    source, target = "to pioneer the development of smart grids", "率先推进智能电网的发展"
    chinese = plain_chinese_tokenizer()
    spans = chinese_spans(target, chinese.tokenize(target), verbs=chinese.verbs, source=source)
    assert next(span for span in spans if span.text == "推进智能").verb_initial
    assert ("smart grid", "智能电网") in linked(source, target)


def test_pronunciation_notes_in_the_dictionary_are_not_translations():
    # CC-CEDICT glosses 发 (hair) with `Taiwan pr. [fa3]`: that does not make 发 a translation of Taiwan.
    index = parse_cedict(["髮 发 [fa4] /hair/Taiwan pr. [fa3]/\n", "書 书 [shu1] /book/CL:本[ben3]/\n",
                          "本 本 [ben3] /root/classifier for books/\n"]).headwords
    assert index[stem("hair")] == {"发"} and index[stem("book")] == {"书"}
    assert stem("taiwan") not in index


def test_a_learned_translation_is_full_evidence_whatever_its_probability():
    learned = Lexicon({"zorbic": {"佐比": 0.5}})  # the corpus taught zorbic -> 佐比, at 0.5
    chosen = chosen_links("the zorbic material", "佐比材料", learned)
    assert ("zorbic material", "佐比材料", 1.0) in {(link.source.text, link.target.text, link.score) for link in chosen}


def test_two_words_that_always_come_together_do_not_stand_for_each_other():
    # A corpus that only ever says `load balancer` teaches each word both halves of 负载均衡器.
    learned = Lexicon({"load": {"负载": 0.6, "均衡器": 0.4}, "balancer": {"负载": 0.4, "均衡器": 0.6}})
    pairs = {(link.source.text, link.target.text)
             for link in chosen_links("Create a load balancer to spread the load", "创建负载均衡器来分散负载", learned)}
    assert ("load balancer", "负载均衡器") in pairs and ("load balancer", "均衡器") not in pairs
    # A word the dictionary places nowhere in the segment keeps what it learned: 口罩 is a face mask.
    face = Lexicon({"face": {"口罩": 0.6}, "mask": {"口罩": 0.9}})
    assert ("face mask", "口罩") in {(link.source.text, link.target.text)
                                     for link in chosen_links("Wear a face mask outside", "外出时戴口罩", face)}


def test_a_learned_translation_half_on_another_words_place_is_an_echo():
    # A corpus that says `in-ear detection` wherever it says `detection` teaches detection -> 入耳, whose
    # 耳 is `ear`'s; the dictionary places detection at 检测, so the term is 入耳检测, not 入耳.
    learned = Lexicon({"detection": {"入耳": 0.6, "检测": 0.4}})
    links = {(link.source.text, link.target.text)
             for link in chosen_links("When in-ear detection is off, the earbuds always play audio.",
                                      "关闭入耳检测后，耳机将始终播放音频。", learned)}
    assert ("in-ear detection", "入耳检测") in links and ("in-ear detection", "入耳") not in links


def test_a_piece_of_a_compound_the_chinese_keeps_is_a_translated_word():
    found = links("Place it on a Qi-certified charger with the status indicator facing up.",
                  "将充电盒放在 Qi 认证充电器上，并使状态指示灯朝上。")
    assert found["Qi-certified charger"][0] == "Qi 认证充电器"


def test_a_word_the_chinese_keeps_in_english_is_found_in_any_case_where_it_stands_alone():
    assert ("pod", "Pod") in linked("Each pod runs one container", "每个 Pod 运行一个容器")
    english_in_the_chinese = linked("severe acute respiratory syndrome is a respiratory disease",
                                    "严重急性呼吸综合征 (Severe Acute Respiratory Syndrome) 是一种呼吸道疾病")
    assert not any(chinese == "Respiratory" for _, chinese in english_in_the_chinese)


def test_a_name_whose_translation_keeps_its_english_word_is_linked_whole():
    assert links("Use Face ID to log in", "使用面容 ID 登录")["Face ID"][0] == "面容 ID"


def test_a_latin_name_keeps_the_noun_chinese_writes_after_it():
    assert links("Change PIN", "修改PIN码")["PIN"][0] == "PIN码"  # 码 says what a PIN is
    assert links("Enter the PIN code", "输入PIN码")["PIN"][0] == "PIN"  # here `code` is the 码
    assert links("Enter the PIN after login", "登录后输入PIN后确认")["PIN"][0] == "PIN"  # 后 is no noun


def test_a_short_string_translated_as_a_whole_is_linked_whole():
    """A UI label or heading the dictionary cannot explain is still a pair: `Preferences` -> 首选项."""
    assert links("Preferences", "首选项")["Preferences"] == ("首选项", frozenset({"segment"}))
    assert links("Syntax Highlighting…", "语法高亮")["Syntax Highlighting"][1] == frozenset({"segment"})
    assert links("4.3 Earthing", "4.3 接地")["Earthing"] == ("接地", frozenset({"lexicon", "segment"}))
    assert links("12. Preferences", "12. 首选项")["Preferences"] == ("首选项", frozenset({"segment"}))
    longer = links("Copy selected text to clipboard", "复制选中文本剪贴板")  # five words: a sentence
    assert not any("segment" in signals for _, signals in longer.values())


def test_a_phrase_is_not_linked_to_the_one_latin_word_its_translation_kept():
    """`SARS-CoV-2 RNA` -> `SARS-CoV-2` keeps one word and loses the rest: no pair."""
    found = linked("viral load of SARS-CoV-2 RNA", "SARS-CoV-2 的病毒载量")
    assert ("viral load", "病毒载量") in found
    assert not any(chinese == "SARS-CoV-2" and " " in english for english, chinese in found)


def test_an_agent_noun_takes_the_chinese_agent_character_with_its_verb():
    # the dictionary knows commute -> 通勤 and develop -> 开发; -er makes 通勤者 and 开发者
    assert links("Border commuters must wear masks.", "边境通勤者必须佩戴口罩。")["Border commuter"][0] == "边境通勤者"
    developer = next(link for link in chosen_links("Ask the developer.", "询问开发者。") if link.source.text == "developer")
    assert (developer.target.text, developer.score) == ("开发者", 1.0)


def test_a_modifier_the_english_lacks_is_not_explained_by_the_dictionary_phrase():
    # CC-CEDICT has 新型冠状病毒 only as `novel coronavirus`: without `novel`, 新型 is the translator's
    found = links("The coronavirus outbreak spread fast.", "新型冠状病毒爆发迅速蔓延。")
    assert found["coronavirus"][0] == "冠状病毒"
    assert links("The novel coronavirus outbreak spread fast.", "新型冠状病毒爆发迅速蔓延。")["novel coronavirus"][0] == "新型冠状病毒"
    # a head noun the Chinese adds is how Chinese names the thing: 复合材料 (composite material)
    assert links("It uses a lighter carbon composite.", "它使用更轻的碳复合材料。")["carbon composite"][0] == "碳复合材料"


def test_a_short_form_the_dictionary_refers_to_its_full_name_translates_like_it():
    # CC-CEDICT glosses 腾讯 only `see 腾讯控股有限公司`, the company's full name
    index = parse_cedict(["騰訊 腾讯 [Teng2 xun4] /see 騰訊控股有限公司|腾讯控股有限公司[Teng2 xun4 Kong4 gu3]/\n",
                          "騰訊控股有限公司 腾讯控股有限公司 [Teng2 xun4 Kong4 gu3] /Tencent Holdings Limited/\n",
                          "蚯 蚯 [qiu1] /see 蚯蚓[qiu1 yin3]/\n", "蚯蚓 蚯蚓 [qiu1 yin3] /earthworm/\n"]).headwords
    assert index[stem("tencent")] == {"腾讯", "腾讯控股有限公司"}
    assert index[stem("earthworm")] == {"蚯蚓"}  # one character of a longer word is no short form of it
    assert links("the city leverages leaders like Huawei and Tencent", "深圳依托华为、腾讯等龙头企业")["Tencent"][0] == "腾讯"


def test_a_prefix_the_dictionary_lookup_took_off_is_translated_by_the_character_before():
    # `nonstructural` is found as `structural` (结构): its non- is the 非 of 非结构蛋白
    assert links("The nonstructural proteins coalesce.", "非结构蛋白聚合。")["nonstructural protein"][0] == "非结构蛋白"
    decarbonization = next(link for link in chosen_links("Cities plan decarbonization.", "各城市规划脱碳。")
                           if link.source.text == "decarbonization")
    assert (decarbonization.target.text, decarbonization.score) == ("脱碳", 1.0)


def test_british_spellings_find_the_dictionarys_american_entries():
    # CC-CEDICT spells center, diarrhea, hospitalization
    assert links("Meet at the shopping centre.", "在购物中心见面。")["shopping centre"][0] == "购物中心"
    assert links("Patients with diarrhoea were treated.", "腹泻患者接受了治疗。")["diarrhoea"][0] == "腹泻"
    assert links("Few need hospitalisation.", "很少人需要住院治疗。")["hospitalisation"][0] == "住院治疗"


def test_a_word_explains_one_place_of_a_chinese_span_per_time_it_occurs():
    """`Technology` once in the English cannot explain both 技术 of 技术研究院能源技术, nor
    `institute` both 研究所 and the overlapping 所长 (head of an institute) of 研究所所长."""
    found = linked("the Institute of Energy Technology at the Beijing Institute of Advanced Technology",
                   "北京先进技术研究院能源技术研究所所长")
    assert ("Institute of Energy Technology", "能源技术研究所") in found
    assert ("Beijing Institute of Advanced Technology", "北京先进技术研究院") in found


def test_a_word_said_twice_explains_both_places():
    found = linked("the Carbon Peak and Carbon Neutrality Forum", "碳达峰碳中和论坛")
    assert ("Carbon Peak and Carbon Neutrality Forum", "碳达峰碳中和论坛") in found


def test_a_word_takes_the_place_no_other_word_explains():
    """`testing` translates as 实验 or 检测; in 实验室检测 the 实验 belongs to `laboratory`."""
    assert links("Laboratory testing methods include", "实验室检测方法包括")["Laboratory testing"][0] == "实验室检测"


def test_chinese_puts_the_head_noun_last():
    """Between spans the dictionary explains equally well, the one that ends with the translation
    of the English head noun (`Institute` of `Institute of ...`) is the term."""
    found = linked("Director of the Institute of Soil Science", "土壤科学研究所所长")
    assert ("Institute of Soil Science", "土壤科学研究所") in found


def test_of_two_places_of_one_translation_a_word_takes_the_nearer():
    """`construction` and `building` both translate as 建筑; relative position decides which 建筑
    each takes, so `construction` leaves 循环建筑 to `circular construction`."""
    found = linked("This was applied to the building sector by Rene Sigg, senior consultant at Intep Planning Co. Ltd. "
                   "He described the future of circular construction as designing buildings not as disposable "
                   "structures, but as material banks.",
                   "Intep公司的高级顾问Rene Sigg将这种关注延伸到建筑领域,他认为循环建筑的未来是将建筑设计成材料银行,而非一次性结构。")
    assert ("circular construction", "循环建筑") in found


def test_a_learned_translation_jieba_cut_in_two_is_one_place():
    """The corpus taught `backend` both halves of 储存池 (storage pool), which jieba cuts 储存/池:
    together they are one place, not a word explaining two."""
    learned = Lexicon({"backend": {"储存": 0.5, "池": 0.5}})
    found = {(link.source.text, link.target.text) for link in chosen_links("Connect your first backend",
                                                                           "连接第一个储存池", learned)}
    assert ("backend", "储存池") in found


def test_a_character_of_a_words_translation_inside_another_words_is_no_evidence_by_chance():
    # 学 (`study`) is the first character of 学校 (`school`): the study is 研究, and the school
    # closures are no study. The corpus taught `closures` both 关闭 and 学校, as it does.
    learned = Lexicon({"closures": {"关闭": 0.6, "学校": 0.4}})
    pairs = {(link.source.text, link.target.text) for link in chosen_links(
        "Despite the success of closing schools, a study of school closures in Michigan found them ineffective.",
        "尽管关闭学校举措是成功的，但一项针对密歇根州学校关闭举措的研究显示，它们没有效果。", learned)}
    assert ("study", "研究") in pairs
    assert not {target for source, target in pairs if source.startswith("study")} - {"研究"}


def test_a_character_of_a_words_translation_counts_where_chinese_absorbs_it():
    # A modifier inside its head's word (气 of 气泡), or a character the corpus taught (州).
    assert ("air bubble", "气泡") in linked("The detector found an air bubble in the air line.",
                                           "检测器在空气管路中发现了气泡。")
    taught = Lexicon({"state": {"州": 0.7}})
    assert ("State of California", "加利福尼亚州") in {(link.source.text, link.target.text) for link in chosen_links(
        "Throughout the State of California, people must stay home.", "加利福尼亚州全州的居民必须待在家中。", taught)}


def test_an_acronym_is_the_expansion_of_a_phrase_only_from_its_first_letter():
    # `named coronavirus disease` holds the letters of COVID in order, but COVID-19 names the disease
    found = linked("The illness has been named coronavirus disease (COVID-19).", "该疾病被命名为冠状病毒疾病 (COVID-19)。")
    assert not [target for source, target in found if source == "COVID-19" and "命名" in target]
    assert ("Power-to-Gas", "电转气") in linked("Power-to-Gas (P2G) stores surplus power.", "电转气(P2G)可储存剩余电力。")


def test_a_word_does_not_take_the_translation_of_the_word_after_it():
    # The corpus taught `face` 口罩 (it always says `face masks`), while the dictionary's 表面 for
    # `face` is elsewhere in the segment: `Surgical face` is no 外科口罩, `Surgical face mask` is.
    taught = Lexicon({"face": {"口罩": 0.6}, "surgical": {"外科": 0.9}})
    pairs = {(link.source.text, link.target.text) for link in chosen_links(
        "Surgical face masks keep droplets off surfaces.", "外科口罩可使飞沫远离物体表面。", taught)}
    assert ("Surgical face mask", "外科口罩") in pairs and ("Surgical face", "外科口罩") not in pairs
