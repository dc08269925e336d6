"""Corpus options shared by every command that reads aligned text (extract, check, eval)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputFormatError, UsageError
from ..glossary import Status
from ..models import SegmentPair
from ..readers import InputFormat, ReadOptions, read_pairs, read_parallel
from ..readers.discover import corpus_files
from ..textio import spelled
from .common import chinese_language, english_language, warn

INPUT_FORMAT = typer.Option(InputFormat.AUTO, "--input-format", case_sensitive=False,
                            help="Corpus format; auto detects it from the extension and content.")
ENCODING = typer.Option(None, "--encoding", metavar="<encoding>",
                        help="Text encoding of corpus files without a byte-order mark (default UTF-8; a "
                             "file that starts with one is read as it says), e.g. gb18030, utf-16.")
STRICT = typer.Option(False, "--strict", help="Treat a line or cell with no partner in the other language, or a "
                                                "Markdown page whose blocks differ from its English page's, as an "
                                                "error instead of skipping it with a warning (untranslated PO, "
                                                "XLIFF and TMX units, and pages only one side has, are still skipped).")
INCLUDE_FUZZY = typer.Option(False, "--include-fuzzy", help="PO: also read fuzzy entries.")
SOURCE_LANG = typer.Option(None, "--source-lang", metavar="<lang>", callback=english_language,
                           help="Source language (default: en): picks the TMX/XLIFF variant, CSV column or JSONL key; "
                                "a zh->en file is read the right way round without it.")
TARGET_LANG = typer.Option(None, "--target-lang", metavar="<lang>", callback=chinese_language,
                           help="Target language (default: zh): picks the TMX/XLIFF variant, CSV column or JSONL key.")
NO_CORPUS = "no corpus given: pass a file (or --source a.en --target a.zh)"
# readable=False: the readers say why a file cannot be read, in check's machine reports too
SOURCE_FILE = typer.Option(None, "--source", readable=False,
                           help="English side of two line-aligned files; of two Markdown pages (.md, .mdx) paired block "
                                "by block, or two directories of them (docs/en, docs/zh) paired by relative path; or of two "
                                "app resource files paired by key (Android strings.xml, iOS .strings and .stringsdict, i18n "
                                ".json, .arb, .properties) or two directories of them (with --target). Repeated, each "
                                "--source pairs with the --target in the same place. For content written in Chinese, "
                                "give the Chinese here: --source is the original, so the files are read as zh->en and "
                                "check asks the English for the approved terms (GL005).")
TARGET_FILE = typer.Option(None, "--target", readable=False,
                           help="The translation: the Chinese side of two line-aligned files, Markdown pages or resource "
                                "files, or of two directories of them (with --source), or the English side of content "
                                "written in Chinese; findings point into it.")


_PATTERN_CHARACTERS = frozenset("*?[")  # what makes a shell expand a word into file names


def unexpanded_pattern(name: str) -> list[str]:
    """The files a file argument matches when it is no file but a pattern the shell did not expand
    (quoted, in a CI YAML list, in pre-commit `args`, typed in cmd.exe); [] for any other name.
    The commands read only files named as the shell named them, so they say so, not expand it."""
    import glob
    import os

    if name == "-" or os.path.lexists(name) or not _PATTERN_CHARACTERS & set(name):
        return []
    return sorted(glob.glob(name))


def preferred_target(glossary) -> Optional[str]:
    """The variant of Chinese a plain-zh glossary's targets are written in, read where a file
    offers several side by side (language_tags.preferred_variant)."""
    from ..language_tags import preferred_variant

    if glossary is None:
        return None
    return preferred_variant(glossary.languages, (target for entry in glossary.terms
                                                  if entry.status is not Status.REJECTED for target in entry.target))


def corpus_pairs(paths: list[Path], *, source: Path | list[Path] | None, target: Path | list[Path] | None,
                 input_format: InputFormat, encoding: Optional[str], strict: bool, include_fuzzy: bool,
                 source_lang: Optional[str], target_lang: Optional[str],
                 on_language: Optional[Callable[[str], None]] = None,
                 preferred_target_lang: Optional[str] = None,
                 on_other_language: Optional[Callable[[str], None]] = None) -> Iterator[SegmentPair]:
    """Every segment pair the user pointed at, with reader warnings shown on stderr. The files
    are named at once (directories walked), and refused before any is read when a name could not
    be written into a glossary or report; the pairs are read as they are taken."""
    options = ReadOptions(encoding=encoding, strict=strict, include_fuzzy=include_fuzzy,
                          source_lang=source_lang, target_lang=target_lang, on_warning=warn,
                          preferred_target_lang=preferred_target_lang, on_other_language=on_other_language,
                          **({"on_language": on_language} if on_language else {}))
    parallel = side_by_side(source, target)
    if not paths and not parallel:
        raise UsageError(NO_CORPUS)
    files = list(corpus_files([str(path) for path in paths], input_format))
    for name in [*files, *(name for pair in parallel for name in pair)]:
        _refuse_undecodable_name(name)
    return _noticing_script(_spelled(_read(files, parallel, input_format=input_format, options=options)),
                            target_lang)


def side_by_side(source: Path | list[Path] | None, target: Path | list[Path] | None) -> list[tuple[str, str]]:
    """The (English, Chinese) pairs of files or directories --source and --target name: the Nth
    --source with the Nth --target, as a user gives them. A count that differs is refused, never
    paired by guess: pairing the first two only, or the last, left pages unchecked and passed."""
    sources = [str(path) for path in (source if isinstance(source, list) else [source] if source else [])]
    targets = [str(path) for path in (target if isinstance(target, list) else [target] if target else [])]
    if bool(sources) != bool(targets):
        raise UsageError("--source and --target go together: give both files")
    if len(sources) != len(targets):
        raise UsageError(f"{len(sources)} --source but {len(targets)} --target: each --source (English) pairs with "
                         "the --target (Chinese) in the same place, so give them in pairs")
    return list(zip(sources, targets))


def _noticing_script(pairs: Iterator[SegmentPair], target_lang: Optional[str]) -> Iterator[SegmentPair]:
    """The pairs, with a warning for each file whose Chinese is plainly in the other script than
    a --target-lang (or glossary language) that names one: zh-TW text checked, or extracted, as
    Simplified says nothing otherwise when the file carries no tag."""
    from ..language_tags import chinese_script, is_plain_chinese
    from ..script_notice import notice_other_script

    if not target_lang or is_plain_chinese(target_lang) or chinese_script(target_lang) is None:
        return pairs
    return notice_other_script(pairs, chinese_script(target_lang), target_lang, warn)


def _read(files: list[str], parallel: list[tuple[str, str]], *, input_format: InputFormat,
          options: ReadOptions) -> Iterator[SegmentPair]:
    if files:
        yield from read_pairs(files, input_format=input_format, options=options)
    for english, chinese in parallel:
        yield from read_parallel(english, chinese, options=options)


def _spelled(pairs: Iterator[SegmentPair]) -> Iterator[SegmentPair]:
    """The pairs, each naming its file as `spelled` spells it: so do the evidence of a glossary and
    the files of a baseline."""
    names: dict[str, str] = {}
    for pair in pairs:
        path = pair.location.path
        name = names.setdefault(path, spelled(path, "backslashreplace"))
        yield pair if name == path else replace(pair, location=replace(pair.location, path=name))


def _refuse_undecodable_name(name: str) -> None:
    """A file name that is not UTF-8 (Latin-1 from a Windows share or a zip) reaches Python with
    its bad bytes as lone surrogates, which no glossary, JSON or SARIF file can hold: refused, with
    the bytes shown escaped (caf\\xe9.txt). A UTF-8 name the locale could not decode (LC_ALL=C
    without UTF-8 mode) is read: reports, glossaries and messages name it as `spelled` spells it."""
    try:
        spelled(name)
    except UnicodeDecodeError:
        shown = spelled(name, "backslashreplace")
        raise InputFormatError("the file name is not valid UTF-8, so no glossary or report could name it; "
                               "rename the file", path=shown) from None


def refuse_pair_from_two_places(context) -> None:
    """--source and --target pair file by file, so both come from the command line or both from the
    project settings: a --source typed with a `target` setting paired a page with another's
    translation, and nothing said where that target came from."""
    from typer._click.core import ParameterSource

    sources = {name: context.get_parameter_source(name) for name in ("source", "target")}
    from_settings = [name for name, source in sources.items() if source is ParameterSource.DEFAULT_MAP]
    typed = [name for name, source in sources.items() if source is ParameterSource.COMMANDLINE]
    if from_settings and typed:
        raise UsageError(f"--{typed[0]} is given on the command line and {from_settings[0]} comes from the project "
                         f"settings; give --source and --target together, in one place (or --no-config)")

