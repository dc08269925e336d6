"""Traditional Chinese is extracted as well as Simplified: jieba's dictionary and CC-CEDICT hold
Simplified words, so extraction reads the text in Simplified characters, one for one, and writes
every candidate and every piece of evidence as the text has it."""

from glossary_cli.extract import extract
from glossary_cli.models import Location, SegmentPair
from glossary_cli.script import to_simplified

# A Taiwanese software company's strings: 資料庫, 印表機, 韌體, 藍牙 and 作業系統 are cut apart by
# jieba (從備/份/還原/資料/庫) and unknown to the dictionary as written.
TAIWAN = [
    ("Connect to the database server.", "連線至資料庫伺服器。"),
    ("The database could not be opened.", "無法開啟資料庫。"),
    ("Back up the database every day.", "每天備份資料庫。"),
    ("Restore the database from a backup.", "從備份還原資料庫。"),
    ("Update the printer driver.", "更新印表機驅動程式。"),
    ("The printer is offline.", "印表機已離線。"),
    ("Update the firmware of the router.", "更新路由器的韌體。"),
    ("The firmware update failed.", "韌體更新失敗。"),
    ("Bluetooth is turned off.", "藍牙已關閉。"),
    ("Pair the headphones over Bluetooth.", "透過藍牙配對耳機。"),
    ("The operating system is not supported.", "不支援此作業系統。"),
    ("Update your operating system.", "更新您的作業系統。"),
]


def corpus(pairs):
    return [SegmentPair(english, chinese, Location("tw.tsv", number)) for number, (english, chinese) in
            enumerate(pairs, start=1)]


def test_traditional_text_gives_the_terms_its_simplified_form_gives_written_in_traditional():
    traditional = {pair.source: pair for pair in extract(corpus(TAIWAN)).pairs}
    simplified = {pair.source: pair for pair in extract(corpus([(en, to_simplified(zh)) for en, zh in TAIWAN])).pairs}
    assert traditional.keys() == simplified.keys()
    for source, pair in traditional.items():
        assert to_simplified(pair.target) == simplified[source].target
        assert pair.score == simplified[source].score
    wanted = {"database": "資料庫", "printer": "印表機", "firmware": "韌體", "Bluetooth": "藍牙",
              "operating system": "作業系統"}
    assert {source: traditional[source].target for source in wanted} == wanted
    evidence = [item.target for item in traditional["database"].evidence]
    assert evidence and all("資料庫" in text for text in evidence)  # as written, not 资料库
