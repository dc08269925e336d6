from glossary_cli.lists import chinese_lists, english_lists, parallel_items
from tests.test_align import linked


def items(text: str, lists) -> list[list[str]]:
    return [[text[item.start:item.end] for item in found] for found in lists]


def test_an_english_list_is_comma_separated_items_with_a_final_and():
    text = "Symptoms include fever, dry cough, and fatigue."
    assert items(text, english_lists(text)) == [["Symptoms include fever", "dry cough", "fatigue"]]
    first, *_, last = english_lists(text)[0]
    assert first.exact_end and not first.exact_start  # `Symptoms include` leads into the list
    assert last.exact_start and not last.exact_end
    # a closing `etc.` is no item; brackets keep their commas
    text = "such as wind power, CCUS [carbon capture, utilization, and storage], hydrogen, etc."
    assert items(text, english_lists(text)) == [
        ["such as wind power", "CCUS [carbon capture, utilization, and storage]", "hydrogen"]]


def test_a_chinese_list_is_items_separated_by_the_enumeration_comma():
    text = "症状包括发热、干咳和乏力等。"
    assert items(text, chinese_lists(text)) == [["症状包括发热", "干咳和乏力"], ["症状包括发热", "干咳", "乏力"]]
    assert chinese_lists("发热和干咳。") == []


def test_lists_on_different_subjects_are_not_parallel():
    english, chinese = "We visited Paris, Berlin, and Rome.", "症状包括发热、干咳和乏力。"
    assert parallel_items(english, chinese, lambda one, other: False) == []


def test_an_item_of_parallel_lists_translates_the_item_at_its_place():
    # The dictionary knows kidney damage and clotting, not 败血症: its place in the list says it is `sepsis`.
    found = linked("Complications include kidney damage, sepsis, and abnormal clotting.",
                   "并发症包括肾脏损伤、败血症和凝血异常。")
    assert ("sepsis", "败血症") in found


def test_items_joined_by_plus_are_paired_part_by_part():
    found = linked("Breakthroughs are needed in wind power + photovoltaics, new grid configurations + power equipment, "
                   "and hydrogen energy + new energy storage.",
                   "要突破风电+光伏、新型电网形态+电力装备、氢能+新型储能。")
    assert ("new grid configuration", "新型电网形态") in found
    assert ("new energy storage", "新型储能") in found
