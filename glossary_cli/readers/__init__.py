"""Readers turn corpus files into SegmentPairs, each with a location a person can open.

`read_pairs` picks the reader from the file's extension and content unless a format is given.
"""

from __future__ import annotations

import codecs
import importlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from ..errors import InputFormatError, OtherLanguageError, UsageError
from ..models import SegmentPair
from ..textio import MAX_SEGMENT_CHARS, is_blank_file, open_binary, spooled, warnings_to


class InputFormat(str, Enum):
    AUTO = "auto"
    TEXT = "text"  # interleaved English / Chinese lines, like the seed article
    TSV = "tsv"
    TMX = "tmx"
    XLIFF = "xliff"
    PO = "po"
    CSV = "csv"
    JSONL = "jsonl"
    JSON = "json"  # an array of the records JSON Lines holds


def _ignore(message: str) -> None:
    pass


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None
    strict: bool = False  # turn skipped-pair warnings into errors
    include_fuzzy: bool = False  # PO: read fuzzy entries too
    # The languages wanted on each side (default en and zh): they pick TMX variants, CSV columns
    # and JSON keys, and a file declaring the opposite direction (zh -> en) is read swapped.
    source_lang: str | None = None
    target_lang: str | None = None
    # Of several target variants a file offers side by side (a TMX unit's zh-CN and zh-TW, a table's
    # zh-TW and zh-CN columns) and none named exactly as target_lang, the script read: a plain-zh
    # glossary's own (zh-Hant when its targets are Traditional); else Simplified. See variant_rank.
    preferred_target_lang: str | None = None
    on_warning: Callable[[str], None] = _ignore
    # Told the Chinese tag each file declares for the text read (TMX xml:lang, XLIFF target-language,
    # PO Language, values-zh-rTW, a zh-TW column): extract records the variant in the glossary.
    on_language: Callable[[str], None] = _ignore
    # Given, a run whose every named file translates other languages reads nothing, told each file
    # skipped, rather than failing: check in a pre-commit hook handed only the de catalogues of a
    # commit has nothing to check, which is no error. None: such a run is an error (extract).
    on_other_language: Callable[[str], None] | None = None


BY_EXTENSION = {
    ".tsv": InputFormat.TSV, ".tab": InputFormat.TSV, ".txt": InputFormat.TEXT,
    ".tmx": InputFormat.TMX, ".xlf": InputFormat.XLIFF, ".xliff": InputFormat.XLIFF, ".xlif": InputFormat.XLIFF,
    ".sdlxliff": InputFormat.XLIFF, ".mqxliff": InputFormat.XLIFF, ".mxliff": InputFormat.XLIFF,  # Trados, memoQ, Phrase
    ".po": InputFormat.PO, ".pot": InputFormat.PO, ".csv": InputFormat.CSV,
    ".jsonl": InputFormat.JSONL, ".ndjson": InputFormat.JSONL, ".json": InputFormat.JSON,
}
_BY_ROOT_ELEMENT = {"tmx": InputFormat.TMX, "xliff": InputFormat.XLIFF}
_TERMBASE_ROOTS = {"tbx", "martif"}
_XML_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_PO_KEYWORD = re.compile(r'^\s*(?:msgctxt|msgid)\s+"', re.MULTILINE)


def detect_format(path: str, head: str = "") -> InputFormat:
    """The format of a corpus file from its extension, then from its first few kilobytes; a .txt
    whose lines are mostly tab-separated cells is a table (TSV), not interleaved text."""
    extension = os.path.splitext(path)[1].lower()
    if extension in _RESOURCE_EXTENSIONS:
        raise resource_file_alone(path, _RESOURCE_EXTENSIONS[extension])
    if extension in _MARKDOWN_EXTENSIONS:
        raise markdown_page_alone(path)
    if extension == ".tbx":
        raise UsageError(f"{path} is a TBX termbase, not aligned text; load it with `glossary import`")
    if extension in (".yaml", ".yml"):
        raise UsageError(f"{path} is YAML, not aligned text; a glossary goes after -o in extract "
                         "(glossary extract CORPUS... -o GLOSSARY) and first in check (glossary check GLOSSARY CORPUS...), "
                         "one per run: check each glossary in a run of its own, or merge them")
    if extension in BY_EXTENSION:
        if BY_EXTENSION[extension] is InputFormat.TEXT and _is_tab_table(head):
            return InputFormat.TSV  # Excel's "Unicode Text" and "Text (Tab delimited)" are .txt
        return BY_EXTENSION[extension]
    return sniff_format(path, head)


def sniff_format(path: str, head: str) -> InputFormat:
    """The format of a file whose extension says nothing, from its content."""
    text = head.lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        root = xml_root(text)
        if root in _TERMBASE_ROOTS:
            raise UsageError(f"{path} is a TBX termbase, not aligned text; load it with `glossary import`")
        if root in _BY_ROOT_ELEMENT:
            return _BY_ROOT_ELEMENT[root]
        if root == "resources":
            raise resource_file_alone(path, "an Android string resource file")
        if root is not None:
            raise InputFormatError(f"an XML document with root <{root}>; the XML formats read are TMX and XLIFF "
                                   "(or pass --input-format)", path=path)
    if _PO_KEYWORD.search(text):
        return InputFormat.PO
    if text.startswith("["):  # never text: a JSON array read so gives junk pairs
        return InputFormat.JSON
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if lines and lines[0].lstrip().startswith("{"):
        return InputFormat.JSONL if _is_json_object(lines[0]) else InputFormat.JSON
    if lines and (all("\t" in line for line in lines) or _is_tab_table(text)):
        return InputFormat.TSV
    if lines and (_is_csv_header(lines[0]) or lines[0].startswith("sep=")):
        return InputFormat.CSV
    return InputFormat.TEXT


_RESOURCE_EXTENSIONS = {".strings": "an iOS strings file", ".stringsdict": "an iOS stringsdict file",
                        ".properties": "a Java properties file", ".arb": "a Flutter ARB file"}


def resource_file_alone(path: str, kind: str) -> InputFormatError:
    """An app resource file named as a corpus: its strings pair by key with the English file's,
    which only --source/--target name (read as lines, a .strings file gives junk pairs)."""
    return InputFormatError(f"{kind}, whose strings pair by key with its English file's: give both, "
                            f"--source ENGLISH-FILE --target {path}", path=path)


_MARKDOWN_EXTENSIONS = (".md", ".mdx", ".markdown")  # markdown.MARKDOWN_EXTENSIONS, without importing the parser
_CHINESE_DIRECTORY = re.compile(r"^(?:zh|zho|chi)(?:[-_][A-Za-z0-9]+)*$", re.IGNORECASE)
_ENGLISH_DIRECTORY = re.compile(r"^(?:en|eng)(?:[-_][A-Za-z0-9]+)*$", re.IGNORECASE)


def markdown_page_alone(path: str) -> UsageError:
    """A Markdown page named as a corpus (pre-commit appends the changed docs/zh/x.md): read as
    interleaved lines it gave pairs of neighbouring lines and checked nothing. Its blocks pair
    with its English page's, which only --source/--target name; the message names that page when
    the path mirrors one (docs/zh/x.md and docs/en/x.md)."""
    parts = path.replace(os.sep, "/").split("/")
    for index in range(len(parts) - 2, -1, -1):
        if _CHINESE_DIRECTORY.match(parts[index]):
            english_directory = "/".join([*parts[:index], "en"])
            english = "/".join([*parts[:index], "en", *parts[index + 1:]])
            chinese_directory = "/".join(parts[:index + 1])
            if os.path.isfile(english):
                return UsageError(f"{path} is a Markdown page, whose blocks pair with its English page's: give both, "
                                  f"--source {english} --target {path}, or every page of the two directories, "
                                  f"--source {english_directory} --target {chinese_directory}")
        if _ENGLISH_DIRECTORY.match(parts[index]):
            return UsageError(f"{path} is a Markdown page, whose blocks pair with its Chinese page's: give both, "
                              f"--source {path} --target CHINESE-PAGE, or two directories of pages "
                              "(--source docs/en --target docs/zh)")
    return UsageError(f"{path} is a Markdown page, whose blocks pair with its English page's: give both, "
                      f"--source ENGLISH-PAGE --target {path}, or two directories of pages "
                      "(--source docs/en --target docs/zh)")


def xml_root(text: str) -> str | None:
    """The local name of the first element, after the declaration, comments and DOCTYPE."""
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0 or start + 1 >= len(text):
            return None
        if text.startswith("<?", start):
            position = text.find("?>", start) + 2
        elif text.startswith("<!--", start):
            position = text.find("-->", start) + 3
        elif text.startswith("<!", start):
            position = text.find(">", start) + 1
        else:
            match = _XML_ROOT.match(text, start)
            return match.group(1).rsplit(":", 1)[-1].lower() if match else None
        if position <= start:
            return None


def _is_json_object(line: str) -> bool:
    """Whether a line is a whole JSON object, as each line of JSON Lines is (an indented JSON
    document opens with a lone `{`)."""
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _is_tab_table(head: str) -> bool:
    from .tsv import looks_like_table

    return looks_like_table(head)


def _is_csv_header(line: str) -> bool:
    from .csv_reader import choose_delimiter, header_columns, row_cells

    cells = row_cells(line, choose_delimiter(line))
    return len(cells) >= 2 and header_columns(cells, "en", "zh") is not None


def read_pairs(paths: Iterable[str], *, input_format: InputFormat = InputFormat.AUTO,
               options: ReadOptions = ReadOptions()) -> Iterator[SegmentPair]:
    """All segment pairs of the given files and of the corpus files under given directories, in order.

    A file that translates other languages (the de catalogue of a locale tree, or one of the
    changed files pre-commit names) is skipped with a warning; a directory whose every file is so
    skipped is an error, and so is a run whose every named file is, unless `options.on_other_language`
    takes them: the file named alone says why."""
    from .discover import corpus_files

    if isinstance(paths, (str, os.PathLike)):  # one file named: not the characters of its name
        paths = [os.fspath(paths)]
    walked: dict[str, list[str]] = {}  # directory -> its files, and which of them were skipped
    skipped: dict[str, list[str]] = {}
    named_elsewhere: list[OtherLanguageError] = []  # files named on their own, in another language
    read_any = False
    for given in corpus_files(paths, input_format):
        directory = getattr(given, "directory", None)
        if directory is not None:
            walked.setdefault(directory, []).append(given)
        try:
            yield from _read_file(str(given), input_format, options)
            read_any = True
        except OtherLanguageError as error:
            if directory is None:
                named_elsewhere.append(error)  # told once the run knows whether anything was read
                continue
            skipped.setdefault(directory, []).append(given)
            options.on_warning(f"{error.where()}: skipped: {error.message}")
    if named_elsewhere and not read_any and not walked and options.on_other_language is None:
        raise named_elsewhere[0]
    for directory in walked:
        _warn_about_files_not_regular(directory, input_format, options)
    if input_format is InputFormat.AUTO:
        for directory in walked:
            _warn_about_tables_left_out(directory, options)
    for error in named_elsewhere:
        options.on_warning(f"{error.where()}: skipped: {error.message}")
        if options.on_other_language is not None:
            options.on_other_language(error.path or "")
    for directory, files in walked.items():
        if len(skipped.get(directory, [])) == len(files):
            source_language, target_language = (options.source_lang or "en"), (options.target_lang or "zh")
            raise InputFormatError(f"no file here translates {source_language} -> {target_language} "
                                   f"({len(files)} skipped as other languages, see the warnings); "
                                   "pass --source-lang/--target-lang to read other languages", path=directory)


def _warn_about_files_not_regular(directory: str, input_format: InputFormat, options: ReadOptions) -> None:
    from .discover import not_regular_files_left_out, not_regular_message

    left_out = not_regular_files_left_out(directory, input_format)
    if left_out:
        options.on_warning(f"{directory}: {not_regular_message(left_out)}")


def _warn_about_tables_left_out(directory: str, options: ReadOptions) -> None:
    from .discover import tables_left_out

    left_out = tables_left_out(directory)
    if left_out:
        shown = ", ".join(left_out[:3]) + (f" and {len(left_out) - 3:,} more" if len(left_out) > 3 else "")
        options.on_warning(f"{directory}: {len(left_out):,} table file{'s' if len(left_out) != 1 else ''} not read "
                           f"({shown}): a directory gives its .po, XLIFF and .tmx files; name the tables or "
                           "pass --input-format to read them")


def _read_file(given: str, input_format: InputFormat, options: ReadOptions) -> Iterator[SegmentPair]:
    with spooled(given, encoding=options.encoding) as path, warnings_to(options.on_warning):
        _refuse_blank(path)
        chosen = input_format
        if chosen is InputFormat.AUTO:
            chosen = detect_format(path, _peek(path))
        yield from _bounded(reader_for(chosen)(path, options))


def reader_for(input_format: InputFormat) -> Callable[[str, ReadOptions], Iterator[SegmentPair]]:
    """The `read(path, options)` function of a format (imported on first use)."""
    if input_format is InputFormat.AUTO:
        raise UsageError("no reader for 'auto'; detect the format first")
    module_name, function_name = _READERS[input_format]
    return getattr(importlib.import_module(f".{module_name}", __name__), function_name)


_READERS = {  # format -> (module, function)
    InputFormat.TEXT: ("interleaved", "read"), InputFormat.TSV: ("tsv", "read"), InputFormat.TMX: ("tmx", "read"),
    InputFormat.XLIFF: ("xliff", "read"), InputFormat.PO: ("po", "read"), InputFormat.CSV: ("csv_reader", "read"),
    InputFormat.JSONL: ("jsonl", "read"), InputFormat.JSON: ("jsonl", "read_array"),
}


def read_parallel(source_path: str, target_path: str, *, options: ReadOptions = ReadOptions()) -> Iterator[SegmentPair]:
    from . import parallel

    _refuse_blank(source_path)
    _refuse_blank(target_path)
    return _bounded(_warning(parallel.read(source_path, target_path, options), options))


def _warning(pairs: Iterator[SegmentPair], options: ReadOptions) -> Iterator[SegmentPair]:
    """The pairs, read with decoding warnings going to the reader's on_warning (textio.warnings_to)."""
    with warnings_to(options.on_warning):
        yield from pairs


def _refuse_blank(path: str) -> None:
    """A corpus file with nothing in it is a mistake (a failed download, a wrong name), not a corpus;
    the readers themselves return no pairs for it, the commands stop here."""
    if is_blank_file(path):
        raise InputFormatError("empty file: no segment pairs to read", path=path)


def _bounded(pairs: Iterator[SegmentPair]) -> Iterator[SegmentPair]:
    """The pairs, refusing a segment too long to be a sentence (e.g. a TMX <seg> holding a book)."""
    for pair in pairs:
        length = max(len(pair.source), len(pair.target))
        if length > MAX_SEGMENT_CHARS:
            raise InputFormatError(f"a segment of {length:,} characters; a segment holds at most "
                                   f"{MAX_SEGMENT_CHARS:,} (split it into sentences)",
                                   path=pair.location.path, line=pair.location.line)
        yield pair


def _peek(path: str) -> str:
    try:
        with open_binary(path) as handle:
            head = handle.read(4096)
    except (OSError, InputFormatError):
        return ""  # the reader itself reports the problem with its own message
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return head.decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


__all__ = ["InputFormat", "ReadOptions", "detect_format", "sniff_format", "read_pairs", "read_parallel", "reader_for",
           "InputFormatError", "UsageError"]
