"""Bad input never crashes and never costs a file: every case exits 2 with one located message.

Each case builds its files in a temporary directory next to a valid glossary, runs one command
(extract, check, validate or import) and asserts the exit code, the exact text on stderr, that no
traceback escaped, and that the glossary (and every other file there) is byte-identical afterwards.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from glossary_cli.cli import app
from tests.deadline import GENEROUS_SECONDS, finishes_within

GLOSSARY = """\
glossary: 1
languages: {source: en, target: zh}
terms:
  - source: smart grid
    target: 智能电网
    status: approved
  - source: material passport
    target: 材料护照
    status: candidate
    score: 0.9
"""

PAIRS = "Smart grids need a material passport.\n智能电网需要材料护照。\n"
TSV = "Smart grids need a material passport.\t智能电网需要材料护照。\n"

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext"/><body>
<tu tuid="1"><tuv xml:lang="en"><seg>Smart grids need a material passport.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>智能电网需要材料护照。</seg></tuv></tu>
</body></tmx>
"""

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="en" target-language="zh-CN" datatype="plaintext" original="a"><body>
<trans-unit id="1"><source>Smart grids need a material passport.</source><target>智能电网需要材料护照。</target></trans-unit>
</body></file></xliff>
"""

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>smart grid</term></termSec></langSec>
<langSec xml:lang="zh"><termSec><term>智能电网</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"""

SECRET = "TOP-SECRET-0451"


def entity_bomb(root: str) -> str:
    """Billion laughs: ten levels of ten references, 10^9 'lol's if anything expanded it."""
    levels = "".join(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">\n' for level in range(1, 10))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n<!ENTITY lol0 "lol">\n{levels}]>\n'
            f"<{root}>&lol9;</{root}>\n")


def external_entity(document: str, root: str, secret: Path) -> str:
    declaration = f'<!DOCTYPE {root} [<!ENTITY leak SYSTEM "file://{secret}">]>\n'
    head, rest = document.split("\n", 1)
    return head + "\n" + declaration + rest.replace("Smart grids", "&leak; Smart grids", 1)


@dataclass(frozen=True)
class Case:
    """`setup` writes the inputs into the directory and returns the command's arguments; `stderr`
    is the exact text expected on stderr, with {d} standing for the directory. Every case must be
    refused within tests.deadline's generous bound: an entity bomb expanded, or a 100 MB line read
    quadratically or tokenised, would take many minutes."""

    name: str
    setup: Callable[..., list[str]]
    stderr: str


def write(directory: Path, name: str, content: str | bytes) -> str:
    path = directory / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def glossary(directory: Path) -> str:
    return str(directory / "glossary.yaml")


def extract(directory: Path, corpus: str, *options: str) -> list[str]:
    return ["extract", corpus, "-o", glossary(directory), *options]


def check(directory: Path, corpus: str, *options: str) -> list[str]:
    return ["check", glossary(directory), corpus, *options]


def import_(directory: Path, termbase: str, *options: str) -> list[str]:
    return ["import", termbase, "-o", glossary(directory), *options]


def broken_glossary(text: str, command: str) -> Callable[[Path], list[str]]:
    """Replace the glossary with `text` and run `command` on it."""

    def setup(d: Path) -> list[str]:
        write(d, "glossary.yaml", text)
        corpus = write(d, "corpus.txt", PAIRS)
        return {"extract": extract(d, corpus), "check": check(d, corpus), "validate": ["validate", glossary(d)],
                "import": import_(d, write(d, "terms.tbx", TBX))}[command]

    return setup


def huge_line(d: Path) -> list[str]:
    """A 100 MB file without a line break: refused at its line, in about a second."""
    path = d / "huge.txt"
    block = b"smart grid material passport " * 3500  # ~100 KB
    with open(path, "wb") as handle:
        for _ in range(1000):
            handle.write(block)
    return extract(d, str(path))


def unwritable_directory(d: Path, monkeypatch) -> list[str]:
    """The glossary sits in a read-only directory (as root, chmod does not stop writes, so the
    refusal the kernel would give is raised where the temporary file is created)."""
    locked = d / "locked"
    locked.mkdir()
    (locked / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    locked.chmod(0o555)
    if os.access(locked, os.W_OK):
        import glossary_cli.atomic

        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(glossary_cli.atomic.tempfile, "mkstemp", refuse)
    return ["extract", write(d, "corpus.txt", PAIRS), "-o", str(locked / "glossary.yaml")]


def disk_full(command: Callable[[Path], list[str]]) -> Callable[..., list[str]]:
    """Writes inside glossary_cli.atomic get half their bytes out, then ENOSPC."""

    def setup(d: Path, monkeypatch) -> list[str]:
        import glossary_cli.atomic

        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, stream):
                self.stream = stream

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.stream.close()

            def write(self, data):
                self.stream.write(data[: len(data) // 2])
                self.stream.flush()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            def __getattr__(self, name):
                return getattr(self.stream, name)

        def fdopen(fd, *args, **kwargs):
            return FullDisk(real_fdopen(fd, *args, **kwargs))

        monkeypatch.setattr(glossary_cli.atomic.os, "fdopen", fdopen)
        return command(d)

    return setup


def secret_file(d: Path) -> Path:
    path = d / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


CASES = [
    # ---- extract: the corpus file itself
    Case("missing file", lambda d: extract(d, str(d / "nope.txt")),
         "error: {d}/nope.txt: no such file"),
    Case("directory with no corpus file", lambda d: extract(d, str(d)),
         "error: {d}: is a directory with no corpus files (looked for .po, .xlf, .xliff, .xlif, .sdlxliff, "
         ".mqxliff, .mxliff, .tmx; "
         "pass --input-format to read .tsv, .csv, .jsonl or .txt files)"),
    Case("empty file", lambda d: extract(d, write(d, "empty.txt", "")),
         "error: {d}/empty.txt: empty file: no segment pairs to read"),
    Case("blank TSV (spaces and newlines only)", lambda d: extract(d, write(d, "blank.tsv", " \n\n\t\n")),
         "error: {d}/blank.tsv: empty file: no segment pairs to read"),
    Case("binary file", lambda d: extract(d, write(d, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)),
         "error: {d}/photo.txt: binary file (NUL bytes); expected UTF-8 text"),
    Case("a NUL byte far into a text file", lambda d: extract(d, write(d, "late.tsv", TSV * 2000 + "Sub\x00pleural\t胸膜下\n")),
         "error: {d}/late.tsv:2001: NUL byte: a binary file, or text damaged there"),
    Case("binary file named .tmx", lambda d: extract(d, write(d, "memory.tmx", bytes(range(256)) * 4)),
         "error: {d}/memory.tmx: binary file (NUL bytes); expected a TMX document"),
    Case("invalid UTF-8 (line and column)",
         lambda d: extract(d, write(d, "latin1.txt", "Café au lait\n牛奶咖啡\n".encode("latin-1", "replace"))),
         "error: {d}/latin1.txt:1:4: invalid UTF-8; pass --encoding to read another encoding, "
         "e.g. --encoding gb18030"),
    Case("invalid UTF-8 on one line of a UTF-8 file",
         lambda d: extract(d, write(d, "mixed.txt", PAIRS.encode() + b"Caf\xe9\n\xe5\x92\x96\n")),
         "error: {d}/mixed.txt:3:4: this line is not UTF-8, though the rest of the file is; retype it, or paste "
         "it again from a UTF-8 source (--encoding would misread the other lines)"),
    Case("UTF-16-LE without BOM, no --encoding",
         lambda d: extract(d, write(d, "utf16le.tsv", TSV.encode("utf-16-le"))),
         "error: {d}/utf16le.tsv: file looks like UTF-16-LE without a byte-order mark; pass --encoding utf-16-le"),
    Case("GB18030, no --encoding", lambda d: extract(d, write(d, "gb.txt", PAIRS.encode("gb18030"))),
         "error: {d}/gb.txt:2:1: invalid UTF-8 (it looks like GB18030/GBK); pass --encoding to read "
         "another encoding, e.g. --encoding gb18030"),
    Case("unknown --encoding", lambda d: extract(d, write(d, "corpus.txt", PAIRS), "--encoding", "klingon"),
         "error: {d}/corpus.txt: unknown encoding 'klingon'"),
    Case("wrong --encoding", lambda d: extract(d, write(d, "corpus.txt", PAIRS), "--encoding", "ascii"),
         "error: {d}/corpus.txt:2:1: cannot decode byte 0xE6 as ascii; the file is UTF-8 text: read it without "
         "--encoding"),
    Case("parallel files with different line counts",
         lambda d: ["extract", "--source", write(d, "a.en", "one\ntwo\nthree\n"),
                    "--target", write(d, "a.zh", "一\n二\n"), "-o", glossary(d)],
         "error: {d}/a.en: 3 lines, but {d}/a.zh has 2; parallel files must have the same number of lines"),
    Case("TSV line with 1 column", lambda d: extract(d, write(d, "one.tsv", TSV + "material passport\n")),
         "error: {d}/one.tsv:2: expected 2 tab-separated columns (English, Chinese), found 1"),
    Case("TSV line with 3 columns", lambda d: extract(d, write(d, "three.tsv", TSV + "a\t甲\textra\n")),
         "error: {d}/three.tsv:2: expected 2 tab-separated columns (English, Chinese), found 3; a table with more "
         "columns is read with --input-format csv and a header naming the English and Chinese columns"),
    Case("PO string left open (polib would cut the translation short)",
         lambda d: extract(d, write(d, "zh_CN.po", 'msgid "smart grid"\nmsgstr "智能电网\n\nmsgid "grid"\nmsgstr "电网"\n')),
         "error: {d}/zh_CN.po:2: malformed PO: a string is not closed on its line"),
    Case("truncated TMX", lambda d: extract(d, write(d, "cut.tmx", TMX[:160])),
         "error: {d}/cut.tmx:3:53: malformed TMX: no element found (the file is truncated or not closed)"),
    Case("truncated XLIFF", lambda d: extract(d, write(d, "cut.xlf", XLIFF[: XLIFF.index("</body>")])),
         "error: {d}/cut.xlf:4:1: malformed XLIFF: no element found (the file is truncated or not closed)"),
    Case("TMX with an external entity (never resolved)",
         lambda d: extract(d, write(d, "leak.tmx", external_entity(TMX, "tmx", secret_file(d)))),
         "error: {d}/leak.tmx:2: TMX declares the entity 'leak'; entity declarations are refused (they can "
         "expand without bound or read other files)"),
    Case("XLIFF with an external entity (never resolved)",
         lambda d: extract(d, write(d, "leak.xlf", external_entity(XLIFF, "xliff", secret_file(d)))),
         "error: {d}/leak.xlf:2: XLIFF declares the entity 'leak'; entity declarations are refused (they can "
         "expand without bound or read other files)"),
    Case("TMX entity-expansion bomb (refused fast)", lambda d: extract(d, write(d, "bomb.tmx", entity_bomb("tmx"))),
         "error: {d}/bomb.tmx:3: TMX declares the entity 'lol0'; entity declarations are refused (they can "
         "expand without bound or read other files)"),
    Case("XLIFF entity-expansion bomb (refused fast)",
         lambda d: extract(d, write(d, "bomb.xlf", entity_bomb("xliff"))),
         "error: {d}/bomb.xlf:3: XLIFF declares the entity 'lol0'; entity declarations are refused (they can "
         "expand without bound or read other files)"),
    Case("100 MB single line", huge_line,
         "error: {d}/huge.txt:1: a line of 101,500,000 characters; a segment holds at most 100,000, so this is "
         "not line-aligned text (are the line breaks missing?)"),
    # ---- extract: the glossary it would update
    Case("glossary YAML syntax error (extract)", broken_glossary("glossary: 1\nterms:\n  - source: [smart\n", "extract"),
         "error: {d}/glossary.yaml:4:1: YAML syntax error: did not find expected ',' or ']'"),
    Case("glossary score: \"high\" (extract)", broken_glossary(GLOSSARY.replace("0.9", "high"), "extract"),
         "error: {d}/glossary.yaml:10:12: score must be a number between 0 and 1, got 'high'"),
    Case("glossary unknown status (extract)", broken_glossary(GLOSSARY.replace("approved", "aproved"), "extract"),
         "error: {d}/glossary.yaml:6:13: unknown status 'aproved'; use candidate, approved or rejected"),
    Case("glossary !!python/object tag (extract)",
         broken_glossary(GLOSSARY + "    note: !!python/object/apply:os.system ['touch pwned']\n", "extract"),
         "error: {d}/glossary.yaml:11:11: refused: could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object/apply:os.system' (only plain YAML data is allowed)"),
    # ---- extract: where the result goes
    Case("unwritable output directory", unwritable_directory,
         "error: {d}/locked/glossary.yaml: cannot write here: Permission denied"),
    Case("output directory is a file",
         lambda d: ["extract", write(d, "corpus.txt", PAIRS), "-o", str(d / "corpus.txt" / "glossary.yaml")],
         "error: {d}/corpus.txt/glossary.yaml: cannot write: {d}/corpus.txt is a file, not a directory"),
    Case("disk full (extract)", disk_full(lambda d: extract(d, write(d, "corpus.txt", PAIRS))),
         "error: {d}/glossary.yaml: cannot write: No space left on device; the previous file is unchanged"),
    # ---- check
    Case("check: missing corpus", lambda d: check(d, str(d / "nope.tsv")),
         "error: {d}/nope.tsv: no such file"),
    Case("check: truncated TMX corpus", lambda d: check(d, write(d, "cut.tmx", TMX[:160])),
         "error: {d}/cut.tmx:3:53: malformed TMX: no element found (the file is truncated or not closed)"),
    Case("check: GB18030 corpus, no --encoding", lambda d: check(d, write(d, "gb.tsv", TSV.encode("gb18030"))),
         "error: {d}/gb.tsv:1:39: invalid UTF-8 (it looks like GB18030/GBK); pass --encoding to read "
         "another encoding, e.g. --encoding gb18030"),
    Case("check: glossary YAML syntax error", broken_glossary("glossary: 1\nterms: [\n", "check"),
         "error: {d}/glossary.yaml:3:1: YAML syntax error: did not find expected node content"),
    Case("check: glossary !!python/object tag",
         broken_glossary(GLOSSARY.replace("target: 智能电网", "target: !!python/object:glossary_cli.glossary.Entry {}"),
                         "check"),
         "error: {d}/glossary.yaml:5:13: refused: could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object:glossary_cli.glossary.Entry' (only plain YAML data is allowed)"),
    # ---- validate
    Case("validate: missing glossary", lambda d: ["validate", str(d / "nope.yaml")],
         "error: {d}/nope.yaml: no such glossary file"),
    Case("validate: directory", lambda d: ["validate", str(d)],
         "error: {d}: is a directory, not a glossary file"),
    Case("validate: YAML syntax error", broken_glossary("glossary: 1\nterms:\n  - source: [smart\n", "validate"),
         "error: {d}/glossary.yaml:4:1: YAML syntax error: did not find expected ',' or ']'\n"
         "{d}/glossary.yaml: 1 problem"),
    Case("validate: score: \"high\"", broken_glossary(GLOSSARY.replace("0.9", "high"), "validate"),
         "error: {d}/glossary.yaml:10:12: score must be a number between 0 and 1, got 'high'\n"
         "{d}/glossary.yaml: 1 problem"),
    Case("validate: unknown status", broken_glossary(GLOSSARY.replace("candidate", "maybe"), "validate"),
         "error: {d}/glossary.yaml:9:13: unknown status 'maybe'; use candidate, approved or rejected\n"
         "{d}/glossary.yaml: 1 problem"),
    Case("validate: !!python/object tag",
         broken_glossary(GLOSSARY + "    note: !!python/object:os.system {}\n", "validate"),
         "error: {d}/glossary.yaml:11:11: refused: could not determine a constructor for the tag "
         "'tag:yaml.org,2002:python/object:os.system' (only plain YAML data is allowed)\n"
         "{d}/glossary.yaml: 1 problem"),
    Case("validate: not UTF-8",
         broken_glossary(GLOSSARY.encode().replace("智能电网".encode(), b"Stromnetz f\xfcr"), "validate"),
         "error: {d}/glossary.yaml:5:24: this line is not UTF-8, though the rest of the file is; retype it, or "
         "paste it again from a UTF-8 source"),
    # ---- import
    Case("import: missing file", lambda d: import_(d, str(d / "nope.csv")),
         "error: {d}/nope.csv: no such file"),
    Case("import: directory", lambda d: import_(d, str(d)),
         "error: {d}: is a directory; give a TBX, CSV or TSV file"),
    Case("import: empty CSV", lambda d: import_(d, write(d, "empty.csv", "")),
         "error: {d}/empty.csv: empty file: expected a header row such as en,zh,status,note"),
    Case("import: binary CSV", lambda d: import_(d, write(d, "data.csv", bytes(range(256)))),
         "error: {d}/data.csv: binary file (NUL bytes); expected UTF-8 text"),
    Case("import: GB18030 CSV, no --encoding",
         lambda d: import_(d, write(d, "gb.csv", "en,zh\nsmart grid,智能电网\n".encode("gb18030"))),
         "error: {d}/gb.csv:2:12: invalid UTF-8 (it looks like GB18030/GBK); pass --encoding to read "
         "another encoding, e.g. --encoding gb18030"),
    Case("import: UTF-16 CSV without a byte-order mark, no --encoding",
         lambda d: import_(d, write(d, "utf16.csv", "en,zh\nsmart grid,智能电网\n".encode("utf-16-le"))),
         "error: {d}/utf16.csv: file looks like UTF-16-LE without a byte-order mark; pass --encoding utf-16-le"),
    Case("import: TSV row with 3 columns under a 2-column header",
         lambda d: import_(d, write(d, "terms.tsv", "en\tzh\nsmart grid\t智能电网\tgrid\n")),
         "error: {d}/terms.tsv:2: 3 columns, but the header names 2; a cell holding a tab must be quoted"),
    Case("import: CSV without a header",
         lambda d: import_(d, write(d, "terms.csv", "smart grid,智能电网\n")),
         "error: {d}/terms.csv:1: the first row must name the columns, e.g. en,zh,status,note "
         "(found: smart grid,智能电网); name them so, or pass --source-column and --target-column"),
    Case("import: CSV quote left open (not the rest of the file as one term)",
         lambda d: import_(d, write(d, "terms.csv", 'en,zh\n"smart grid,智能电网\ngrid,电网\n')),
         "error: {d}/terms.csv:2: malformed CSV: a quote opened on this line is never closed"),
    Case("import: truncated TBX", lambda d: import_(d, write(d, "cut.tbx", TBX[:200])),
         "error: {d}/cut.tbx:3:66: malformed TBX: no element found (the file is truncated or not closed)"),
    Case("import: TBX with an external entity",
         lambda d: import_(d, write(d, "leak.tbx", external_entity(TBX, "tbx", secret_file(d)))),
         "error: {d}/leak.tbx:2: TBX declares the entity 'leak'; entity declarations are refused (they can "
         "expand without bound or read other files)"),
    Case("import: TBX entity-expansion bomb", lambda d: import_(d, write(d, "bomb.tbx", entity_bomb("tbx"))),
         "error: {d}/bomb.tbx:3: TBX declares the entity 'lol0'; entity declarations are refused (they can "
         "expand without bound or read other files)"),
    Case("import: into a glossary with a syntax error", broken_glossary("glossary: 1\nterms: [\n", "import"),
         "error: {d}/glossary.yaml:3:1: YAML syntax error: did not find expected node content"),
    Case("import: disk full", disk_full(lambda d: import_(d, write(d, "terms.csv", "en,zh\nbattery,电池\n"))),
         "error: {d}/glossary.yaml: cannot write: No space left on device; the previous file is unchanged"),
]


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` (a directory name maps to b"/"), to compare before and after."""
    files = {}
    for path in sorted(directory.rglob("*")):
        relative = str(path.relative_to(directory))
        files[relative] = b"/" if path.is_dir() else path.read_bytes() if path.stat().st_size < 10_000_000 \
            else path.stat().st_size.to_bytes(8, "big")
    return files


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_exits_2_with_one_located_message_and_changes_no_file(case, runner, tmp_path, monkeypatch):
    import glossary_cli.cli.progress

    # stderr is compared whole: no progress line, which a run slowed by a busy machine would add
    monkeypatch.setattr(glossary_cli.cli.progress, "PLAIN_PROGRESS_EVERY", float("inf"))
    directory = tmp_path / "work"
    directory.mkdir()
    (directory / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    wants_monkeypatch = "monkeypatch" in case.setup.__code__.co_varnames[: case.setup.__code__.co_argcount]
    args = case.setup(directory, monkeypatch) if wants_monkeypatch else case.setup(directory)
    before = snapshot(directory)

    with finishes_within(GENEROUS_SECONDS, case.name):
        result = runner.invoke(app, args)
    (directory / "locked").exists() and (directory / "locked").chmod(0o755)

    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert (result.exit_code, result.stderr) == (2, case.stderr.format(d=directory) + "\n")
    assert result.stdout == ""
    assert snapshot(directory) == before  # the glossary byte-identical, no temporary file left behind
    assert SECRET not in result.output
    assert not (directory / "pwned").exists()


def test_the_matrix_has_at_least_25_cases_covering_every_command():
    assert len(CASES) >= 25
    commands = {case.name.split(":")[0] for case in CASES if ":" in case.name}
    assert {"check", "validate", "import"} <= commands


# ---- the other side of the encoding cases: with --encoding the same files are read

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "gb18030"])
def test_extract_reads_utf16_and_gb18030_when_encoding_is_given(encoding, runner, tmp_path):
    corpus = tmp_path / f"corpus.{encoding}.tsv"
    corpus.write_bytes((TSV + "The smart grid is here.\t智能电网来了。\n").encode(encoding))
    output = tmp_path / "glossary.yaml"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(output), "--encoding", encoding])
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    assert "source: smart grid" in text.lower() and "智能电网" in text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
@pytest.mark.parametrize("name", ["corpus.tsv", "corpus.txt"])
def test_a_byte_order_mark_says_the_encoding_without_an_option(name, encoding, runner, tmp_path):
    corpus = tmp_path / name
    corpus.write_bytes((TSV if name.endswith(".tsv") else PAIRS).encode(encoding))  # Python writes the mark
    output = tmp_path / "glossary.yaml"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "智能电网" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf16"])
@pytest.mark.parametrize("line", ["The smart grid is here.\t电网来了。\n", "The smart grid is here\t电网来了。\n"],
                         ids=["40 bytes", "39 bytes"])  # an odd count does not decode as UTF-16 at all
def test_a_utf8_file_read_with_a_utf16_encoding_is_named_utf8(encoding, line, runner, tmp_path):
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    corpus = tmp_path / "c.tsv"
    corpus.write_text(line, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "glossary.yaml"), str(corpus), "--encoding", encoding])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {corpus}: this is UTF-8 text, not {encoding} (no NUL byte, as {encoding} "
                             "line breaks and tabs have); drop --encoding\n")


def test_check_reads_gb18030_when_encoding_is_given(runner, tmp_path):
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    corpus = tmp_path / "gb.tsv"
    corpus.write_bytes("The smart grid is here.\t电网来了。\n".encode("gb18030"))
    result = runner.invoke(app, ["check", str(tmp_path / "glossary.yaml"), str(corpus), "--encoding", "gb18030"])
    assert result.exit_code == 1, result.output  # decoded, and the missing 智能电网 is found
    assert "智能电网" in result.stdout


def test_import_reads_gb18030_csv_when_encoding_is_given(runner, tmp_path):
    table = tmp_path / "gb.csv"
    table.write_bytes("en,zh,status\nbattery,电池,approved\n".encode("gb18030"))
    result = runner.invoke(app, ["import", str(table), "--encoding", "gb18030"])
    assert result.exit_code == 0, result.output
    assert "target: 电池" in result.stdout


def test_an_external_dtd_is_never_fetched(runner, tmp_path):
    """A DOCTYPE naming a DTD file is allowed (TMX files carry one), but the DTD is not read: an
    entity it would define stays undefined, and its contents never reach the output."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak "{SECRET}">', encoding="utf-8")
    document = TMX.replace("<tmx ", f'<!DOCTYPE tmx SYSTEM "file://{dtd}">\n<tmx ', 1).replace(
        "Smart grids", "&leak; Smart grids", 1)
    corpus = tmp_path / "dtd.tmx"
    corpus.write_text(document, encoding="utf-8")
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "glossary.yaml")])
    assert result.exit_code == 2
    assert result.stderr == f"error: {corpus}:4:38: malformed TMX: undefined entity &leak;\n"
    assert SECRET not in result.output
    assert (tmp_path / "glossary.yaml").read_text(encoding="utf-8") == GLOSSARY


def test_a_corpus_without_any_pair_does_not_empty_the_glossary(runner, tmp_path):
    corpus = tmp_path / "english-only.txt"
    corpus.write_text("Smart grids need a material passport.\nSo do batteries.\n", encoding="utf-8")
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(tmp_path / "glossary.yaml")])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (f"error: no segment pairs in {corpus}; nothing extracted, "
                                              f"{tmp_path / 'glossary.yaml'} is unchanged")
    assert (tmp_path / "glossary.yaml").read_text(encoding="utf-8") == GLOSSARY


@pytest.mark.parametrize("old, new", [("status: approved", "status: !!python/object:os.system {}"),
                                      ("glossary: 1", "glossary: !!python/name:os.system")])
def test_a_refused_tag_is_reported_once(runner, tmp_path, old, new):
    (tmp_path / "glossary.yaml").write_text(GLOSSARY.replace(old, new), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "glossary.yaml"), write(tmp_path, "corpus.txt", PAIRS)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr


def _extract_cpu_seconds(corpus: Path, output: Path) -> float:
    """The CPU time `glossary extract --jobs 1` takes on `corpus`: unlike the time on the clock,
    a busy machine hardly changes it. A hang still ends the run, at the subprocess's timeout."""
    import resource
    import subprocess
    import sys

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = children_cpu()
    try:
        completed = subprocess.run([sys.executable, "-m", "glossary_cli", "extract", str(corpus), "-o", str(output),
                                    "--jobs", "1"], capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract was still running on {corpus.name} after 300 s")
    assert completed.returncode == 0, completed.stderr
    return children_cpu() - before


def test_one_long_repetitive_segment_pair_is_extracted_in_seconds(tmp_path):
    """Forty repeats of a phrase on each side: linking them took 25 CPU seconds when every English
    span weighed every Chinese one, and takes about 3 now that each keeps the best of its nearest.
    Measured beyond what a one-phrase pair costs (start-up, dictionaries), in CPU seconds."""
    short, long = tmp_path / "short.tsv", tmp_path / "long.tsv"
    short.write_text("smart grid material passport\t智能电网材料护照\n", encoding="utf-8")
    long.write_text("smart grid material passport " * 40 + "\t" + "智能电网材料护照" * 40 + "\n", encoding="utf-8")
    _extract_cpu_seconds(short, tmp_path / "first.yaml")  # fills the caches a first run builds
    start_up = _extract_cpu_seconds(short, tmp_path / "short.yaml")
    assert _extract_cpu_seconds(long, tmp_path / "long.yaml") - start_up < 12
