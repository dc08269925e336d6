"""Hostile and unusual input against the Markdown reader, project settings and decisions on a term
written in two cases (new-features probe): one clear message and exit 2, never a traceback, and a
block that is no sentence never stops every page."""

from pathlib import Path

from glossary_cli.cli.common import app
from tests.support import write_here as write

GLOSSARY = "glossary: 1\nterms:\n  - source: smart grid\n    target: 智能电网\n    status: approved\n"


def pages(english: str, chinese: str) -> None:
    write("g.yaml", GLOSSARY)
    Path("en").mkdir()
    Path("zh").mkdir()
    write("en/page.md", english)
    write("zh/page.md", chinese)


def test_an_inline_svg_too_long_for_a_segment_is_left_out_with_a_warning_and_the_page_still_checked(runner, workdir):
    svg = "<svg>" + "x" * 120_000 + "</svg>"
    pages(f"# Smart grid\n\nThe smart grid is here.\n\nLogo {svg} below.\n",
          f"# 智能电网\n\n智能网格已经到来。\n\n标志 {svg} 如下。\n")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "en", "--target", "zh"])
    assert result.exit_code == 1  # 智能网格 is a finding: the page was read
    assert "zh/page.md:3:1" in result.stdout
    assert "warning: zh/page.md:5: a block of 120,0" in result.stderr and "more than a segment holds" in result.stderr


def test_front_matter_nested_too_deeply_is_one_error_at_its_line(runner, workdir):
    deep = "title: " + "[" * 600 + "]" * 600 + "\n"
    pages(f"---\n{deep}---\n# Smart grid\n", f"---\n{deep}---\n# 智能电网\n")
    result = runner.invoke(app, ["check", "g.yaml", "--source", "en/page.md", "--target", "zh/page.md"])
    assert result.exit_code == 2
    assert result.stderr.endswith("page.md:2: the front matter nests too deeply to read\n")


def test_settings_nested_too_deeply_are_one_error_naming_the_file(runner, workdir):
    Path(".git").mkdir()
    write("g.yaml", GLOSSARY)
    write("glossary.toml", "x = " + "[" * 600 + "]" * 600 + "\n")
    result = runner.invoke(app, ["validate", "g.yaml"])
    assert (result.exit_code, result.stderr) == (
        2, "error: glossary.toml: arrays or tables nested too deeply to read; mend it, or run with --no-config\n")


CASES = """\
glossary: 1
terms:
  - source: Cache
    target: 缓存
    status: approved
  - source: cache
    target: 快取
    status: rejected
"""


def test_rejecting_every_rendering_of_a_term_rejects_its_approved_entry_whatever_case_was_typed(runner, workdir):
    write("g.yaml", CASES)
    result = runner.invoke(app, ["reject", "g.yaml", "cache", "--all-renderings"])
    assert (result.exit_code, result.stderr) == (
        0, "rejected Cache → (every rendering) in g.yaml (was approved; check no longer enforces it)\n")
    assert runner.invoke(app, ["validate", "g.yaml"]).exit_code == 0


def test_a_linked_page_in_a_docs_directory_is_named_in_a_warning_not_skipped_silently(runner, workdir):
    pages("# Smart grid\n\nThe smart grid is here.\n", "# 智能电网\n\n智能电网已经到来。\n")
    Path("shared.md").write_text("# Smart grid\n", encoding="utf-8")
    Path("en/linked.md").symlink_to(Path("shared.md").resolve())
    result = runner.invoke(app, ["check", "g.yaml", "--source", "en", "--target", "zh"])
    assert result.exit_code == 0
    assert ("warning: en: 1 file not read (en/linked.md): a directory walk follows no symbolic link and opens no "
            "pipe or device; name such a file on the command line to read it\n") in result.stderr


def test_a_source_typed_with_a_target_from_the_settings_is_refused(runner, workdir):
    pages("# Smart grid\n\nThe smart grid is here.\n", "# 智能电网\n\n智能网格已经到来。\n")
    Path(".git").mkdir()
    write("glossary.toml", '[check]\ntarget = ["zh"]\n')
    mixed = runner.invoke(app, ["check", "g.yaml", "--source", "en"])
    assert (mixed.exit_code, mixed.stderr) == (
        2, "error: --source is given on the command line and target comes from the project settings; give --source "
           "and --target together, in one place (or --no-config)\n")
    write("glossary.toml", '[check]\nsource = ["en"]\ntarget = ["zh"]\n')
    both = runner.invoke(app, ["check", "g.yaml"])
    assert both.exit_code == 1 and "zh/page.md:3:1" in both.stdout  # both from the settings: read as a pair
