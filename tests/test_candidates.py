from glossary_cli.candidates import chinese_spans, english_spans, placeholder_mask, starts_sentence
from glossary_cli.placeholders import mask_placeholders
from tests.support import english_tokenizer, plain_chinese_tokenizer


def english(text: str) -> dict[str, object]:
    tokens = english_tokenizer().tokenize_many([mask_placeholders(text)])[0]
    return {span.text: span for span in english_spans(text, tokens)}


def chinese(text: str) -> dict[str, object]:
    return {span.text: span for span in chinese_spans(text, plain_chinese_tokenizer().tokenize(text))}


def test_english_ngrams_do_not_start_or_end_with_function_words():
    found = english("the development of smart grids in the city")
    assert "smart grid" in found and "development of smart grid" in found
    assert not any(text.startswith(("the ", "of ")) or text.endswith((" of", " in")) for text in found)


def test_a_contracted_function_word_is_a_function_word():
    found = english("So don't skip that step, you can't share towels, and it's the WHO's advice")
    assert not [text for text in found if text.split()[0].lower() in ("don't", "can't", "it's")
                or text.split()[-1].lower() in ("don't", "can't", "it's")]
    assert {"step", "towel", "WHO"} <= set(found)  # an acronym before its possessive stays


def test_a_function_word_in_capitals_is_an_acronym_unless_the_whole_text_is_in_capitals():
    found = english("WHO guidance reached the US and IT teams")
    assert {"WHO", "WHO guidance", "US", "IT team"} <= set(found)
    assert not english("HOW TO WASH YOUR HANDS").keys() & {"HOW", "TO", "YOUR", "HOW TO WASH"}


def test_words_in_a_text_all_in_capitals_are_counted_as_the_words_they_are():
    found = english("WARNING: FORCE PUSH TO THE USB DRIVE")
    assert found["force push"].key == english("Force push now")["Force push"].key == "force push"
    assert "USB drive" in found  # a short acronym keeps its capitals


def test_a_short_label_may_start_or_end_with_a_function_word():
    for label in ("Log Out", "Select All", "Save As…", "Out of Stock", "Do Not Disturb", "Got it"):
        assert label.rstrip("…") in english(label), label
    assert "Sign in to continue" not in english("Sign in to continue")  # a sentence, not a label
    assert not {"Folder Created Successfully", "Folder Created"} & set(english("Folder Created Successfully"))  # a message
    assert "Link Created" not in english("Link Created")  # a participle ends no term, in title case either
    assert "Acme Limited" in english("Shares of Acme Limited rose")  # unless it ends a company's name
    assert "Log Out" not in english("Log Out, then sign in again")  # the label must be the whole text


def test_a_section_number_is_no_part_of_a_heading_label():
    assert not any(text[:1].isdigit() for text in english("2 Product Overview")) and "Product Overview" in english("2 Product Overview")
    assert "Log Out" in english("3.1 Log Out") and "3.1 Log Out" not in english("3.1 Log Out")
    assert "产品概述" in chinese("2 产品概述") and "2 产品概述" not in chinese("2 产品概述")
    assert "2019 Novel Coronavirus" in english("2019 Novel Coronavirus")  # a year is no section number
    assert "5 GHz Wi-Fi" in english("5 GHz Wi-Fi") and "100 Mbps Ethernet" in english("100 Mbps Ethernet")  # quantities


def test_english_plural_head_is_folded_for_display_and_key():
    span = english("digital twins allow us")["digital twin"]
    assert span.key == "digital twin"


def test_quoted_english_span_is_a_candidate_even_with_a_comma_inside_the_quotes():
    found = english("a clear, top-down “policy stack,” demonstrating")
    assert found["policy stack"].quoted


def test_coordinations_and_cut_names_are_not_candidates():
    found = english("AI leaders like Huawei and Tencent at the Shenzhen National Low-Carbon City Forum today")
    assert "Huawei and Tencent" not in found
    assert "Shenzhen National Low-Carbon City Forum" in found
    assert "Shenzhen National" not in found and "Low-Carbon City Forum" not in found


def test_clauses_and_counts_are_not_candidates_but_names_may_hold_the():
    found = english("efforts should focus on deepening the transformation over two days of talks "
                    "with the Director of the Huairou Laboratory")
    assert "transformation" in found and "talk" in found
    assert not any(text.startswith(("deepening the", "two ")) for text in found)
    assert "Director of the Huairou Laboratory" in found


def test_a_term_ends_in_a_word_that_can_be_a_noun():
    found = english("digital twins allow operators to see the global economic picture of social distancing")
    assert "digital twin" in found and "social distancing" in found
    assert "digital twins allow" not in found and "global economic" not in found


def test_long_capitalised_names_are_candidates():
    found = english("of the Guangdong Provincial Development and Reform Commission, outlined")
    assert "Guangdong Provincial Development and Reform Commission" in found


def test_bracketed_expansion_is_a_candidate():
    found = english("flexible coal-fired power + CCUS [carbon capture, utilization, and storage], new grid")
    assert found["carbon capture, utilization, and storage"].bracketed


def test_chinese_spans_join_jieba_tokens_and_stop_at_punctuation_and_function_words():
    found = chinese("推进智能电网与智能网联汽车的发展。")
    assert "智能电网" in found and "智能网联汽车" in found
    assert not any("与" in text or "的" in text or "。" in text for text in found)


def test_a_chinese_word_for_when_after_or_before_ends_a_span():
    # 时 says `while`, an English stop word: 输入时 is `while typing`, no term
    spans = chinese("用户输入时检查拼写，并标出错误。")
    assert "输入" in spans and "检查拼写" in spans
    assert not any("时" in text for text in spans)


def test_a_short_string_translated_as_a_whole_is_a_span_whatever_words_it_holds():
    # a UI label: 时 and 到 inside it do not cut it
    assert "启动时自动挂载" in chinese("启动时自动挂载") and "保存到磁盘" in chinese("保存到磁盘…")
    assert not any("，" in text for text in chinese("保存，到磁盘"))
    # nor at its edges where the English is a label too, as English labels may start with one (`Log Out`)
    def label(target: str, source: str) -> set[str]:
        return {span.text for span in chinese_spans(target, plain_chinese_tokenizer().tokenize(target), source=source)}

    assert "到店自提" in label("到店自提", "Store Pickup") and "从相册导入" in label("从相册导入", "Import from Album")
    assert not any(span.startswith("如果") for span in label("如果负载均衡器返回错误", "If the load balancer fails"))


def test_function_words_jieba_cut_out_of_a_dictionary_word_do_not_end_a_span():
    # jieba cuts 碳中和 (carbon neutrality) into 碳/中/和 or 碳中/和; 中和 is one dictionary word.
    assert "碳达峰碳中和论坛" in chinese("2025碳达峰碳中和论坛暨深圳国家低碳城论坛")
    assert "城市碳中和" in chinese("推进城市碳中和")
    assert "我们和他们" not in chinese("我们和他们")
    # ... but not where that word would cut through one of jieba's: 基础设施/与 is `infrastructure and`
    found = chinese("面临老化基础设施与能源需求上升的压力")
    assert "老化基础设施" in found and not any(text.endswith("与") for text in found)
    # jieba's own dictionary counts too: 和数 (`sum`) would cut its 数据安全 (`data security`)
    text, tokenizer = "保护数据隐私和数据安全", plain_chinese_tokenizer()
    found = {span.text for span in chinese_spans(text, tokenizer.tokenize(text), known=tokenizer.knows)}
    assert "数据隐私" in found and not any(text.endswith("和") for text in found)


def test_a_suffix_belongs_to_the_word_before_it_however_jieba_cuts():
    # 匿名/化/数据 (pseudonymized data): the lone 化 ends 匿名化; 接触/性皮炎 (contact dermatitis):
    # the 性 that jieba glued to 皮炎 ends 接触性. No term starts at either suffix, while 性能 and
    # 性健康 are words of their own.
    found = chinese("匿名化数据和聚集性发病，预防接触性皮炎，提高产品性能和性健康")
    assert {"匿名化数据", "聚集性发病", "接触性皮炎", "性能", "性健康"} <= set(found)
    assert not {"化数据", "性发病", "性皮炎"} & set(found)


def test_chinese_quoted_spans():
    found = chinese("每个构件都有“材料护照”,确保")
    assert found["材料护照"].quoted


def test_placeholders_never_become_terms():
    text = "Click %s to open {name} in <b>Settings</b> with --verbose"
    found = english(text)
    assert not any(part in candidate for candidate in found for part in ("%s", "{name}", "<", "--verbose", "name"))
    assert "Settings" in found and found["Settings"].key == "setting"  # a label as written, counted as one word
    assert placeholder_mask("%d items")[:2] == [True, True]


def test_latin_words_in_chinese_stay_whole():
    found = chinese("全球COVID-19危机期间,SARS-CoV-2 病毒")
    assert "COVID-19" in found and "COVID-19危机" in found and "SARS-CoV-2" in found
    assert not any(text in found for text in ("COVID", "19", "CoV"))


def test_english_words_the_translation_keeps_as_they_are_are_one_span():
    text = "由Wolf Vollprecht开发，Manuel Genovés维护"
    source = "Created by Wolf Vollprecht and maintained by Manuel Genovés."
    found = {span.text for span in chinese_spans(text, plain_chinese_tokenizer().tokenize(text), source=source)}
    assert {"Wolf Vollprecht", "Manuel Genovés", "Vollprecht开发"} <= found
    assert not {"Manuel Genov", "Wolf Vollprecht开发"} & found  # whole English words, and no Chinese glued on
    # Latin words in a row that the English does not have as they are stay apart
    assert "Wolf Vollprecht" not in chinese(text)


def test_a_phrase_opening_with_a_verb_is_a_clause_unless_it_is_the_whole_label():
    found = english("Laboratories could develop polymerase chain reaction tests to detect infection.")
    assert "polymerase chain reaction" in found
    assert not {"develop polymerase chain reaction", "detect infection"} & set(found)
    assert "Create Folder" in english("Create Folder")  # a UI label translated as a whole
    # a participle governing a preposition is a verb phrase; before a noun it modifies it
    found = english("Two drugs tested in clinical trials were confirmed cases of success.")
    assert "clinical trial" in found and "tested in clinical trial" not in found
    assert "rapidly" not in english("The virus spread rapidly to acute care wards.")  # an adverb is no term
    found = english("Countries set up serological surveillance to monitor the spread.")
    assert "serological surveillance" in found and not any("to monitor" in text for text in found)
    assert "Click to copy" in english("Click to copy")  # a whole UI label stays
    assert "wind speed" in english("Check the wind speed first.")  # -eed is no participle ending
    assert "advanced material" in english("They use advanced materials.")  # participles modify nouns


def test_a_capital_after_a_step_number_colon_or_full_stop_says_nothing_of_a_name():
    def starting(text: str) -> list[str]:
        tokens = english_tokenizer().tokenize_many([text])[0]
        return [token.text for index, token in enumerate(tokens) if starts_sentence(tokens, index)]

    assert starting("Step 3: Configure security groups") == ["Step", "Configure"]
    assert starting("Dry them in the case. Wipe the lid") == ["Dry", "Wipe"]
    assert starting("1. Restart the app") == ["1", "Restart"] and starting("3) Open it") == ["3", "Open"]
    assert starting('open the (Settings) tab and "Wuhan" city') == ["open"]  # inside the sentence: names


def test_units_after_numbers_are_no_terms():
    found = english("Charge it with a 5 V adapter at 45 °C, then set 25 mL/h")
    assert not {"V", "C", "mL", "h", "V adapter"} & set(found)
    assert "adapter" in found


def test_units_with_powers_and_products_and_after_ranges_are_no_terms():
    found = english("Use a cable of 6 mm² and tighten to 2.5 N·m; input 100–240 V, 50/60 Hz")
    assert not {"mm²", "N·m", "V", "Hz"} & set(found)
    assert {"cable", "input"} <= set(found)
    assert "5 GHz Wi-Fi" in english("5 GHz Wi-Fi")  # a quantity before a term stays part of it
    assert "NBA season" in english("the 2019–20 NBA season")  # an acronym after a number is no unit
    # a range is also a season or a fraction: a lower-case word after one is no unit
    assert "flu season" in english("The 2017–18 flu season was mild") and "help desk" in english("a 24/7 help desk")
    assert "view" in english("Open the 3/4 view") and "mm²" not in english("use 6–10 mm² cable")


def test_a_phrase_with_a_verb_inflected_for_its_subject_is_a_clause_not_a_term():
    found = english("The air-in-line detector detects air in the tubing")
    assert "air-in-line detector" in found and "tubing" in found
    assert not [span for span in found if "detects" in span]


def test_chinese_spans_do_not_start_or_end_with_this_each_if_or_please():
    assert "本使用说明书" not in chinese("请参阅本使用说明书") and "使用说明书" in chinese("请参阅本使用说明书")
    assert not any(span.startswith("如果") for span in chinese("如果负载均衡器返回错误"))
    assert "规则第" not in chinese("符合 FCC 规则第 15 部分")


def test_a_latin_word_and_the_chinese_after_its_space_make_one_span():
    # zh-CN style puts a space between Latin and Han: API 密钥 is the rendering of `API key`
    def spans(target: str, source: str) -> set[str]:
        return {span.text for span in chinese_spans(target, plain_chinese_tokenizer().tokenize(target), source=source)}

    assert "API 密钥" in spans("在控制台中创建 API 密钥", "Create an API key in the console")
    assert "2 小时" not in spans("充满电可播放 2 小时", "A full charge plays for 2 hours")  # a number and its unit
    # and a Chinese word before a space and the word the English keeps: `Face ID` is 面容 ID
    assert {"面容 ID", "面容"} <= spans("使用面容 ID 登录", "Use Face ID to log in")
    assert "面容 ID 登录" not in spans("使用面容 ID 登录", "Use Face ID to log in")  # the English word ends it
    assert "小时 ID" not in spans("2 小时 ID 有效", "The token is valid for 2 hours")  # ID is no word of the English


def test_a_heading_in_title_case_holds_the_terms_inside_it():
    heading = english("Volumetric Infusion Pump VP-300 Instructions for Use")
    assert "Volumetric Infusion Pump" in heading and "Infusion Pump" in heading
    prose = english("the International Energy Agency said so")  # in a sentence, capitals still mark a name
    assert "International Energy Agency" in prose and "International Energy" not in prose


def test_a_verb_with_its_particle_starts_no_term():
    found = english("Log in to the console and set up the log bucket")
    assert "log bucket" in found and "log" in found  # the noun
    assert not {"Log", "set"} & set(found)
    assert "Log In" in english("Log In")  # the label is a term


def test_an_acronym_bracketed_on_both_sides_ends_a_chinese_name_that_holds_de():
    target = "请为集群启用基于角色的访问控制 (RBAC)。"
    spans = {span.text for span in chinese_spans(target, plain_chinese_tokenizer().tokenize(target),
                                                 source="Enable role-based access control (RBAC) for the cluster.")}
    assert "基于角色的访问控制" in spans
    alone = {span.text for span in chinese_spans(target, plain_chinese_tokenizer().tokenize(target), source="Enable it.")}
    assert "基于角色的访问控制" not in alone  # the English names no such acronym: 的 still ends spans


def test_the_unit_after_a_number_in_a_date_is_no_span_of_its_own():
    """`21 February 2020` is `2020 年 2 月 21 日`: 月 alone would be linked to February (TICO-19
    had `February → 月` 66 times, in its top 400)."""
    spans = chinese("截至 2020 年 2 月 21 日，共有三天的数据。")
    assert not {"年", "月", "日", "月 21 日"} & set(spans)
    assert "数据" in spans
    assert "月" in chinese("每个月的报告")  # no number before it: a word like any other


def spans_of(target: str, source: str) -> set[str]:
    return {span.text for span in chinese_spans(target, plain_chinese_tokenizer().tokenize(target), source=source)}


def test_a_classifier_after_a_number_starts_no_span():
    """`%d folders` is `%d 个文件夹`: 个 counts the folders, so `folder` is 文件夹, never 个文件夹."""
    assert "个文件夹" not in spans_of("%d 个文件夹", "%d folders")
    assert "张照片" not in spans_of("已选择 3 张照片", "3 photos selected")
    assert "文件夹" in spans_of("%d 个文件夹", "%d folders")
    assert "张" in spans_of("共 3 张", "3 sheets")  # no noun after it: it may render the noun itself


def test_a_classifier_opening_the_text_starts_no_span_where_the_english_opens_with_a_plural():
    """A reader that drops a leading placeholder code (`<x/> folders`) leaves `folders` and `个文件夹`."""
    assert "个文件夹" not in spans_of("个文件夹", "folders")
    assert "位深度" in spans_of("位深度", "Bit depth")  # 位 is `bit` here, not the classifier of people


def test_a_transliterated_name_is_one_span_across_its_dots_and_hyphens():
    spans = chinese("唐纳德·特朗普总统和约翰-霍普金斯大学的数据")
    assert {"唐纳德·特朗普", "约翰-霍普金斯大学"} <= set(spans)
    assert "唐纳德·" not in spans and "·特朗普" not in spans
    assert "新冠肺炎-19" not in chinese("新冠肺炎-19")  # a hyphen before a number joins no name


def test_a_term_defined_in_quotes_inside_brackets_is_the_quoted_words():
    """`(the "Services")` defines `Services`; the bracket's `the "Services"` is no term."""
    spans = english('These terms govern our app and website (the "Services").')
    assert spans["Services"].quoted
    assert not [text for text in spans if '"' in text]
    assert english("Power-to-Gas (P2G) plants")["P2G"].bracketed  # a bracket without quotes is as before


def test_a_quoted_prompt_is_written_as_it_is_quoted():
    """A device's prompt `"Check pads"` is text to match, not a headword: no singular `Check pad`."""
    spans = english('The AED says "Check pads" when the pads are loose.')
    assert spans['Check pads'].quoted and spans['Check pads'].key == english("check pad")["check pad"].key
