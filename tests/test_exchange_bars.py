"""A `|` in a CSV/TSV term cell: a separator of renderings where a person writing the table means
one (`冠状病毒|新型冠状病毒`, as eval's reference lists write them), part of the rendering where it
cannot separate two (`管道运算符 (|)`, `逻辑或 (||)`), and the tool's own export reads back exactly."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary_cli.cli.common import app
from glossary_cli.exchange import ExchangeFormat, export_glossary, import_glossary
from glossary_cli.glossary import Entry, Glossary, Status
from glossary_cli.glossary_yaml import load_glossary
from glossary_cli.matching import chinese_pattern

EXCHANGE = Path(__file__).parent / "data" / "exchange"


def run(runner, *args):
    return runner.invoke(app, [str(arg) for arg in args])


@pytest.mark.parametrize("to", ["csv", "tsv"])
def test_a_target_holding_a_bar_survives_its_own_export_and_import(runner, workdir, to):
    # developer documentation: pipe operator (|) -> 管道运算符 (|), logical OR -> 逻辑或 (||)
    shutil.copy(EXCHANGE / "pipe_roundtrip.yaml", "pipe.yaml")
    shutil.copy(EXCHANGE / "pipe_check.tsv", "pipe_check.tsv")
    assert run(runner, "export", "pipe.yaml", "--to", to, "-o", f"pipe.{to}").exit_code == 0
    assert run(runner, "import", f"pipe.{to}", "-o", "back.yaml").exit_code == 0
    assert [entry.target for entry in load_glossary("back.yaml").terms] == [["管道运算符 (|)"], ["逻辑或 (||)"]]
    # so `)` never becomes an approved rendering that lets a wrong translation pass
    result = run(runner, "check", "back.yaml", "pipe_check.tsv")
    assert result.exit_code == 1
    assert "GL001" in result.stdout


def test_a_rendering_whose_bar_could_separate_two_is_marked_one_rendering_and_comes_back_whole(runner, workdir):
    Path("switch.yaml").write_text("glossary: 1\nlanguages: {source: en, target: zh}\nterms:\n"
                                   "  - source: on/off switch\n    target: [开|关, 开关]\n    status: approved\n"
                                   "  - source: switch\n    target: 开关\n    status: approved\n", encoding="utf-8")
    assert run(runner, "export", "switch.yaml", "--to", "csv", "-o", "switch.csv").exit_code == 0
    assert Path("switch.csv").read_text(encoding="utf-8") == (
        "en,zh,status,note,forbidden,one_rendering\n"
        "on/off switch,开|关,approved,,,true\n"
        "on/off switch,开关,approved,,,\n"
        "switch,开关,approved,,,\n")
    assert run(runner, "import", "switch.csv", "-o", "back.yaml").exit_code == 0
    assert [entry.target for entry in load_glossary("back.yaml").terms] == [["开|关", "开关"], ["开关"]]


@pytest.mark.parametrize("cell, renderings", [
    ("冠状病毒|新型冠状病毒", ["冠状病毒", "新型冠状病毒"]),
    ("新型冠状病毒肺炎 (COVID-19)|新冠肺炎", ["新型冠状病毒肺炎 (COVID-19)", "新冠肺炎"]),
    ("热泵 | 热力泵", ["热泵", "热力泵"]),
    ("管道运算符 (|)", ["管道运算符 (|)"]),  # a bracket left open: the | is the rendering's own
    ("逻辑或 (||)", ["逻辑或 (||)"]),  # a blank piece: ||, |> and a | at either end are text
    ("管道转发 |>", ["管道转发 |>"]),
    ("“|”符号", ["“|”符号"]),
])
def test_a_hand_written_table_lists_several_renderings_apart_by_a_bar(workdir, cell, renderings):
    Path("terms.tsv").write_text(f"en\tzh\nterm\t{cell}\n", encoding="utf-8")
    (entry,) = import_glossary("terms.tsv").terms
    assert entry.target == renderings


def test_a_bar_in_the_english_term_is_kept_in_its_rendering(workdir):
    Path("terms.tsv").write_text("en\tzh\nls | grep\tls | grep\n", encoding="utf-8")
    (entry,) = import_glossary("terms.tsv").terms
    assert entry.target == ["ls | grep"]


def test_the_tico19_reference_still_gives_a_target_per_listed_rendering(workdir, shared_data):
    rows = (shared_data / "tico19_en_zh" / "gold.tsv").read_text(encoding="utf-8").splitlines()
    Path("gold.tsv").write_text("en\tzh\n" + "\n".join(rows) + "\n", encoding="utf-8")
    imported = {entry.source: entry.target for entry in import_glossary("gold.tsv").terms}
    assert imported["coronavirus"] == ["冠状病毒", "新型冠状病毒 (COVID-19)", "新型冠状病毒"]
    assert imported["AIDS"] == ["艾滋病（AIDS）", "艾滋病"]
    assert not any("|" in target for targets in imported.values() for target in targets)


_RENDERING = st.text(alphabet="|()（）[]\"“”电网开关 a", min_size=1, max_size=8).filter(lambda text: text.strip() == text)


@settings(max_examples=150, deadline=None)
@given(targets=st.lists(_RENDERING, min_size=1, max_size=3, unique_by=chinese_pattern),  # as validate lets a
       forbidden=st.lists(_RENDERING, max_size=2, unique_by=chinese_pattern))  # glossary list them (`)` or `）`)
@pytest.mark.parametrize("to", [ExchangeFormat.CSV, ExchangeFormat.TSV])
def test_any_rendering_comes_back_from_a_table_export_as_it_was(to, targets, forbidden):
    forbidden = [rendering for rendering in forbidden if rendering not in targets]
    original = Glossary(terms=[Entry("grid", targets, Status.APPROVED, forbidden=forbidden)])
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"terms.{to.value}"
        path.write_text(export_glossary(original, to), encoding="utf-8")
        (entry,) = import_glossary(str(path)).terms
    assert (entry.target, entry.forbidden) == (targets, forbidden)
