"""XML corpora whose declared encoding is not quite the one they are saved in."""

from __future__ import annotations

from glossary_cli.cli.common import app


def tmx(declaration: str, seg: str) -> str:
    return (f'<?xml version="1.0" encoding="{declaration}"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
            f'<tu><tuv xml:lang="en"><seg>Premier Zhu Rongji</seg></tuv><tuv xml:lang="zh"><seg>{seg}</seg></tuv></tu>\n'
            '</body></tmx>\n')


def test_a_file_labelled_gb2312_may_hold_what_only_gb18030_has(runner, tmp_path):
    path = tmp_path / "gb.tmx"
    path.write_bytes(tmx("gb2312", "朱镕基总理").encode("gb18030"))  # 镕 is not in GB2312
    result = runner.invoke(app, ["extract", str(path), "-o", str(tmp_path / "g.yaml")])
    assert result.exit_code == 0, result.output
    assert "朱镕基" in (tmp_path / "g.yaml").read_text(encoding="utf-8")


def test_a_file_declared_utf16_but_saved_as_utf8_says_which_option_reads_it(runner, tmp_path):
    path = tmp_path / "net.tmx"
    path.write_bytes(tmx("utf-16", "朱镕基总理").encode("utf-8"))  # what .NET's StringWriter writes
    result = runner.invoke(app, ["extract", str(path), "-o", str(tmp_path / "g.yaml")])
    assert result.exit_code == 2 and "--encoding utf-8" in result.output and "Traceback" not in result.output
    again = runner.invoke(app, ["extract", str(path), "-o", str(tmp_path / "g.yaml"), "--encoding", "utf-8"])
    assert again.exit_code == 0, again.output
