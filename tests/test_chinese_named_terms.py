"""A team translating from Chinese thinks of its terms in Chinese: `approve 车网互动` led nowhere,
and the hinted `approve 车网互动 --target V2G` added an entry written the other way round, which
validate passed and check never enforced (zh-source probe, M2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_cli.cli.common import app

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: V2G
    target: 车网互动
    status: candidate
"""


@pytest.fixture
def glossary(workdir):
    Path("g.yaml").write_text(GLOSSARY, encoding="utf-8")
    return Path("g.yaml")


@pytest.mark.parametrize("command", ["approve", "reject"])
def test_a_chinese_rendering_given_as_the_term_names_the_entry_it_renders(runner, glossary, command):
    result = runner.invoke(app, [command, "g.yaml", "车网互动"])
    assert result.exit_code == 2
    assert result.stderr == (f'error: g.yaml: no entry "车网互动": it is the Chinese rendering of "V2G" (line 4); an '
                             f'entry is named by its English term (glossary {command} g.yaml "V2G")\n')
    assert glossary.read_text(encoding="utf-8") == GLOSSARY


def test_an_entry_written_the_other_way_round_is_refused_with_the_way_to_write_it(runner, glossary):
    result = runner.invoke(app, ["approve", "g.yaml", "绿色转型", "--target", "green transition"])
    assert result.exit_code == 2
    assert ('entry "绿色转型" has a Chinese source; an entry is an English term (source) with its Chinese rendering '
            "(target), whichever way the files are translated: write it the other way round: source: green "
            "transition, target: 绿色转型") in result.stderr
    assert glossary.read_text(encoding="utf-8") == GLOSSARY


def test_validate_points_at_a_chinese_source_written_by_hand(runner, glossary):
    Path("g.yaml").write_text(GLOSSARY + "  - source: 氢能\n    target: hydrogen energy\n    status: approved\n",
                              encoding="utf-8")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert 'g.yaml:7:13: entry "氢能" has a Chinese source' in result.stderr
