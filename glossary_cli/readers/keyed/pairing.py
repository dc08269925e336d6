"""An English resource file and its Chinese translation, paired by key.

Pairs come in the English file's order, as a reviewer reads the app's strings; each is located
in the Chinese file (the line of its entry, the key as its unit, and where the Chinese text
starts), since that is where a finding of `check` is fixed.

Skipped, each kind counted in one warning (`--strict`: an error at the first): English keys the
Chinese file lacks or leaves empty (untranslated), and Chinese keys the English file lacks (left
over from strings the app dropped). An English plural quantity the Chinese plural lacks is no gap:
Chinese has one form (`other`), English two. A Chinese value that copies the English is paired
as it is, as every reader does; extract leaves such untranslated copies out and says so.

Two directories (`res/values` and `res/values-zh-rCN`, `en.lproj` and `zh-Hans.lproj`) pair
the resource files of the same relative name.

Files given the wrong way round (a mostly Chinese --source, a --target mostly not) are read
swapped, with one warning, as line-aligned files are.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ...errors import InputFormatError, UsageError
from ...models import Location, SegmentPair
from ...script import has_han
from . import KeyedFormat, KeyedString, detect, read_strings, unique_keys


def read_keyed(source_path: str, target_path: str, options) -> Iterator[SegmentPair] | None:
    """The pairs of two keyed resource files, or None when neither is one (line-aligned files).
    One keyed file beside a file of another kind is an error, since no pairing fits both."""
    if os.path.isdir(source_path) or os.path.isdir(target_path):
        return _directories(source_path, target_path, options)
    source_format, target_format = detect(source_path), detect(target_path)
    if source_format is None and target_format is None:
        return None
    if source_format is not target_format:
        raise UsageError(f"--source {source_path} is {_kind(source_format)} and --target {target_path} is "
                         f"{_kind(target_format)}; keyed resource files pair by key, so give the English and the "
                         "Chinese file of the same format (plain text files pair line by line)")
    return _pairs(source_path, target_path, source_format, options)


def _directories(source_path: str, target_path: str, options) -> Iterator[SegmentPair]:
    """Each resource file under the English directory (`res/values`) paired with the file of the
    same relative name under the Chinese one (`res/values-zh-rCN`), in sorted order; a file the
    Chinese directory lacks is one warning, and no pair of files at all an error."""
    if not (os.path.isdir(source_path) and os.path.isdir(target_path)):
        directory, other = (source_path, target_path) if os.path.isdir(source_path) else (target_path, source_path)
        raise UsageError(f"{directory} is a directory and {other} is not; give two files, or two directories "
                         "of resource files (res/values and res/values-zh-rCN)")
    names = _resource_files(source_path)
    paired = [name for name in names if os.path.isfile(os.path.join(target_path, name))]
    missing = [name for name in names if name not in paired  # colors.xml is <resources> too, and not translated
               and read_strings(os.path.join(source_path, name), detect(os.path.join(source_path, name)), options)]
    if not paired:
        raise InputFormatError(f"no resource file here has a counterpart of the same name in {target_path} "
                               f"({len(names)} resource file(s) here)", path=source_path)
    if missing:
        options.on_warning(f"{target_path}: {len(missing)} resource file(s) of {source_path} missing here, not read "
                           f"(first: {missing[0]})")
    for name in paired:
        yield from read_keyed(os.path.join(source_path, name), os.path.join(target_path, name), options)


def _resource_files(directory: str) -> list[str]:
    """The keyed resource files under a directory, by relative name, sorted; hidden entries skipped."""
    found = []
    for root, directories, files in os.walk(directory):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            if not name.startswith(".") and detect(path) is not None:
                found.append(os.path.relpath(path, directory))
    return found


def _kind(keyed_format: KeyedFormat | None) -> str:
    return keyed_format.value if keyed_format is not None else "not a keyed resource file"


def _pairs(source_path: str, target_path: str, keyed_format: KeyedFormat, options) -> Iterator[SegmentPair]:
    english = _with_text(unique_keys(read_strings(source_path, keyed_format, options), source_path, options))
    chinese = _with_text(unique_keys(read_strings(target_path, keyed_format, options, chinese=True), target_path,
                                      options))
    english_path, chinese_path = source_path, target_path
    if _mostly_chinese(english) and not _mostly_chinese(chinese):
        options.on_warning(f"{source_path}: mostly Chinese and {target_path} mostly not; read as zh -> en, "
                           f"with {target_path} as the English side")
        english_path, chinese_path, english, chinese = target_path, source_path, chinese, english
    translations = {string.key: string for string in chinese}
    plurals_translated = {string.plural_of for string in chinese if string.plural_of is not None}
    untranslated: list[KeyedString] = []
    for string in english:
        translation = translations.get(string.key)
        if translation is None:
            if string.plural_of not in plurals_translated:
                untranslated.append(_refused_in_strict(string, options, english_path,
                                                       f"has no translation in {chinese_path}"))
            continue
        location = Location(chinese_path, translation.line, translation.key, translation.text_line,
                            translation.column, translation.column_utf16, translation.verbatim)
        yield SegmentPair(string.text, translation.text, location)
    english_keys = {string.key for string in english}
    left_over = [_refused_in_strict(string, options, chinese_path, f"is not in {english_path}")
                 for string in chinese if string.key not in english_keys]
    if untranslated:
        first = untranslated[0]
        options.on_warning(f"{english_path}:{first.line}: {len(untranslated)} key(s) with no translation in "
                           f'{chinese_path} skipped (first one here: "{first.key}")')
    if left_over:
        first = left_over[0]
        options.on_warning(f"{chinese_path}:{first.line}: {len(left_over)} key(s) not in {english_path} "
                           f'skipped (first one here: "{first.key}")')


def _with_text(strings: Iterator[KeyedString]) -> list[KeyedString]:
    """The strings that say something: an empty English value has nothing to translate, an empty
    Chinese one is untranslated."""
    return [string for string in strings if string.text]


def _refused_in_strict(string: KeyedString, options, path: str, what: str) -> KeyedString:
    if options.strict:
        raise InputFormatError(f'key "{string.key}" {what} (--strict)', path=path, line=string.line)
    return string


def _mostly_chinese(strings: list[KeyedString]) -> bool:
    """Whether more than half of the strings have Chinese in them."""
    return 2 * sum(has_han(string.text) for string in strings) > len(strings)
