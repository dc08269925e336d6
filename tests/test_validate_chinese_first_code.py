"""A glossary whose `languages:` put Chinese first is refused with a code, GV015, like every other
problem of its content: `validate --format json` gave it `"code": null` beside the GV014 of its
entry, so CI that keys on codes missed the problem that makes check match nothing (final probe, L2)."""

import json

from glossary_cli.cli.common import app
from tests.support import write_here as write

CHINESE_FIRST = """\
glossary: 1
languages: {source: zh-CN, target: en}
terms:
  - source: 智能电网
    target: smart grid
    status: approved
"""


def test_json_gives_the_chinese_first_languages_a_code(runner, workdir):
    write("zhsrc.yaml", CHINESE_FIRST)
    result = runner.invoke(app, ["validate", "zhsrc.yaml", "--format", "json"])
    assert result.exit_code == 2
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(problem["line"], problem["column"], problem["code"]) for problem in problems] == [
        (2, 1, "GV015"), (4, 13, "GV014")]
    assert problems[0]["message"].startswith("languages: zh-CN to en; a glossary holds English terms")


def test_github_titles_it_with_its_code(runner, workdir):
    write("zhsrc.yaml", CHINESE_FIRST)
    result = runner.invoke(app, ["validate", "zhsrc.yaml", "--format", "github"])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0].startswith(
        "::error file=zhsrc.yaml,line=2,col=1,title=glossary validate GV015::languages: zh-CN to en;")
