"""A term with an acronym or an inner capital in one word (`API key`, `iCloud account`) keeps that
word's case and folds the others, so UI labels in Title Case and headings in capitals are checked
(matching probe, H1)."""

from glossary_cli.glossary_yaml import parse_glossary
from glossary_cli.validate import validate_glossary
from tests.support import approved, broken

API_KEY = approved("API key", "API 密钥")


def test_title_case_and_capitals_of_the_other_words_are_the_term():
    for source in ("Manage API Keys", "API KEY", "See the API Keys page.", "Create an API key."):
        assert broken([API_KEY], source, "管理秘钥") == [("GL001", "API key")], source
    assert broken([approved("PDF file", "PDF 文件")], "Export as PDF File", "导出为 PDF 档") == [("GL001", "PDF file")]
    assert broken([approved("USB cable", "USB 线")], "Use the USB Cable", "使用数据线") == [("GL001", "USB cable")]
    assert broken([approved("iCloud account", "iCloud 账户")], "Sign in to your iCloud Account",
                  "登录您的云帐号") == [("GL001", "iCloud account")]


def test_the_word_with_the_inner_capital_keeps_its_case():
    assert broken([API_KEY], "Manage API Keys", "管理秘钥") == [("GL001", "API key")]
    for source in ("Copy the api key.", "Copy the Api Key."):
        assert broken([API_KEY], source, "复制秘钥。") == [], source
    assert broken([approved("iCloud account", "iCloud 账户")], "Open your icloud account", "打开云帐号") == []
    assert broken([API_KEY], "Manage API Keys", "管理 API 密钥") == []


def test_an_entry_that_says_case_sensitive_keeps_its_whole_spelling_exact():
    exact = approved("API key", "API 密钥", case_sensitive=True)
    assert broken([API_KEY], "Manage API Keys", "管理秘钥") == [("GL001", "API key")]
    assert broken([exact], "Manage API Keys", "管理秘钥") == []
    assert broken([exact], "Create an API key.", "创建秘钥。") == [("GL001", "API key")]


def test_in_a_heading_in_capitals_an_exact_word_that_spells_a_function_word_is_that_word():
    us_dollar = approved("US dollar", "美元")
    assert broken([us_dollar], "Prices in US Dollars", "价格以欧元计") == [("GL001", "US dollar")]
    assert broken([us_dollar], "SEND US DOLLARS", "给我们寄钱") == []


def test_validate_refuses_two_case_spellings_of_one_such_term_with_different_targets():
    glossary, problems = parse_glossary("terms:\n"
                                        "  - {source: API key, target: API 密钥, status: approved}\n"
                                        "  - {source: API Key, target: API 秘钥, status: approved}\n", "g.yaml")
    assert problems == []
    assert [str(problem) for problem in validate_glossary(glossary, "g.yaml")] == [
        'g.yaml:3:31: "API Key" is approved twice with different targets ("API 密钥" at line 2, "API 秘钥" here); '
        "merge them into one entry with a target list"]
