"""Inline markup nested thousands deep (a broken export, or a file made to crash the tool) is read
like any other: the text is collected without recursion, so no RecursionError escapes as a
traceback with exit code 1, which CI would take for terminology findings."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.cli.common import app
from tests.support import SMART_GRID_APPROVED

DEPTH = 5000  # Python's default recursion limit is 1000


def nested(name: str, text: str) -> str:
    return f'<{name} id="1">' * DEPTH + text + f"</{name}>" * DEPTH


def test_xliff_with_thousands_of_nested_g_is_checked(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("deep.xlf").write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" target-language="zh"><body>\n'
        f'<trans-unit id="1"><source>{nested("g", "The smart grid")}</source>'
        f'<target>{nested("g", "智能电网")}</target></trans-unit>\n</body></file></xliff>\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "deep.xlf"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No findings in 1 pair, 1 approved term.\n"


def test_tmx_with_thousands_of_nested_hi_is_checked(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(SMART_GRID_APPROVED, encoding="utf-8")
    Path("deep.tmx").write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
        f'<tu><tuv xml:lang="en"><seg>{nested("hi", "The smart grid")}</seg></tuv>'
        f'<tuv xml:lang="zh"><seg>智慧{nested("hi", "网络")}</seg></tuv></tu>\n</body></tmx>\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "g.yaml", "deep.tmx"])
    assert result.exit_code == 1, result.output  # a real finding, not a crash
    assert "  deep.tmx:3:" in result.stdout and "zh: 智慧网络\n" in result.stdout
