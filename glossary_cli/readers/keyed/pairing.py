"""An English resource file and its Chinese translation, paired by key.

Pairs come in the English file's order, as a reviewer reads the app's strings; each is located
in the Chinese file (the line of its entry, the key as its unit, and where the Chinese text
starts), since that is where a finding of `check` is fixed.

Skipped, each kind counted in one warning (`--strict`: an error at the first): English keys the
Chinese file lacks or leaves empty (untranslated), and Chinese keys the English file lacks (left
over from strings the app dropped; a key the English file marks translatable="false" is not
one). An English variant the Chinese lacks (a plural quantity, a .stringsdict width) is no gap
while the Chinese has another variant of the same string: Chinese has one plural form (`other`),
English two. Nor is it in an Apple table whose Chinese translates a .stringsdict entry as a
whole, with a format of no variables (`已选择 %d 个文件`) or a plain .strings entry, which
Foundation then shows for every count: the English `other` form of each plural pairs with it.
A Chinese value that copies the English is paired as it is, as every reader does; extract
leaves such untranslated copies out and says so.

Two directories (`res/values` and `res/values-zh-rCN`, `en.lproj` and `zh-Hans.lproj`) pair
the resource files of the same relative name, except where the platform merges files: aapt
merges every file of a `values*` directory into one set of resources, so its strings.xml,
arrays.xml and plurals.xml pair by key across the directory, however a translation tool split
them; and Foundation looks a key of a table up in its .stringsdict, then in its .strings, so
`Localizable.strings` and `Localizable.stringsdict` pair as one table, an entry of the
.stringsdict hiding a .strings entry of the same key (genstrings leaves one for every plural). A
file only one directory has is one warning per side.

A mostly Chinese --source (and a --target mostly not) is read swapped, so English stays the
source, as line-aligned files are: without a warning where it is the original, as --source is
documented to be; with one where the paths say otherwise (the base resources, `res/values`, are
the original, whichever side names them). Two Chinese sides, or one file given as both, are
refused. The Chinese side's path names its language (`values-zh-rTW`,
`zh-Hant.lproj`, `messages_zh_TW.properties`, `locales/zh-TW.json`): a file in the other Chinese
script than --target-lang (or a zh-CN glossary) asks for is another language, as a PO file's
Language header is (OtherLanguageError).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ...errors import InputFormatError, OtherLanguageError, UsageError
from ...models import Location, SegmentPair
from ...script import has_han
from ..discover import claim_nested, regular_file, walk_one_side, warn_one_sided
from ..xml_safe import language_matches, normalize_language
from . import KeyedFormat, KeyedString, detect, names_english, path_language, read_strings, unique_keys


@dataclass(frozen=True)
class _Files:
    """The files one side of a pairing reads as one set of strings, and what messages call it."""

    name: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class _Pairing:
    """An English set of files and its translation, of one format."""

    english: _Files
    chinese: _Files
    keyed_format: KeyedFormat


@dataclass(frozen=True)
class _Read:
    pairing: _Pairing
    english: list[KeyedString]  # every key, with text or not
    chinese: list[KeyedString]


def read_keyed(source_path: str, target_path: str, options) -> Iterator[SegmentPair] | None:
    """The pairs of two keyed resource files, or None when neither is one (line-aligned files).
    One keyed file beside a file of another kind is an error, since no pairing fits both."""
    if os.path.isdir(source_path) or os.path.isdir(target_path):
        refuse_the_same(source_path, target_path, "directory")
        return _pairs(source_path, target_path, _directories(source_path, target_path, options), options)
    source_format, target_format = detect(source_path), detect(target_path)
    if source_format is None and target_format is None:
        return None
    if source_format is not target_format:
        raise UsageError(f"--source {source_path} is {_kind(source_format)} and --target {target_path} is "
                         f"{_kind(target_format)}; keyed resource files pair by key, so give the English and the "
                         "Chinese file of the same format (plain text files pair line by line)")
    refuse_the_same(source_path, target_path, "file")
    pairing = _Pairing(_Files(source_path, (source_path,)), _Files(target_path, (target_path,)), source_format)
    return _pairs(source_path, target_path, [pairing], options)


_RESOURCE_SIDES = "--source takes the English resources (res/values), --target their Chinese translation (res/values-zh-rCN)"


def refuse_the_same(source_path: str, target_path: str, what: str, sides: str = _RESOURCE_SIDES) -> None:
    """One file (or directory) named as both sides, through a link or a relative path too: it
    would pair every string with itself, and extract would propose each English term as its own
    translation. `sides` says what each option takes."""
    try:
        same = os.path.samefile(source_path, target_path)
    except OSError:
        same = False
    if same:
        raise UsageError(f"--source and --target both name the {what} {target_path}; {sides}")


def _directories(source_path: str, target_path: str, options) -> list[_Pairing]:
    """What two directories pair: the files of the same relative name, or, for Android, the
    resource files of a directory on each side (see the module docstring); sorted. A file only
    one side has is one warning per side, and nothing paired at all an error."""
    if not (os.path.isdir(source_path) and os.path.isdir(target_path)):
        directory, other = (source_path, target_path) if os.path.isdir(source_path) else (target_path, source_path)
        raise UsageError(f"{directory} is a directory and {other} is not; give two files, or two directories "
                         "of resource files (res/values and res/values-zh-rCN)")
    english, chinese = _resource_files(source_path, target_path), _resource_files(target_path, source_path)
    english, chinese = _claim_nested(source_path, target_path, english, chinese)
    chinese, english = _claim_nested(target_path, source_path, chinese, english)
    pairings: list[_Pairing] = []
    in_sets: set[str] = set()  # the files paired as part of a set
    android_english = _android_sets(english)
    android_chinese = _android_sets(chinese)
    for folder in sorted(set(android_english) & set(android_chinese)):
        pairings.append(_Pairing(_set(source_path, folder, android_english[folder]),
                                 _set(target_path, folder, android_chinese[folder]), KeyedFormat.ANDROID))
        in_sets.update(android_english[folder] + android_chinese[folder])
    apple_english, apple_chinese = _apple_tables(english), _apple_tables(chinese)
    for table in sorted(set(apple_english) & set(apple_chinese)):
        pairings.append(_Pairing(_table(source_path, table, apple_english[table]),
                                 _table(target_path, table, apple_chinese[table]), KeyedFormat.APPLE_STRINGS))
        in_sets.update(apple_english[table] + apple_chinese[table])
    english_only = [name for name, keyed_format in english.items() if name not in in_sets
                    and (name not in chinese or chinese[name] is not keyed_format)]
    chinese_only = [name for name, keyed_format in chinese.items() if name not in in_sets
                    and (name not in english or english[name] is not keyed_format)]
    for name, keyed_format in english.items():
        if name not in in_sets and name not in english_only:
            pairings.append(_Pairing(_Files(os.path.join(source_path, name), (os.path.join(source_path, name),)),
                                     _Files(os.path.join(target_path, name), (os.path.join(target_path, name),)),
                                     keyed_format))
    if not pairings:
        raise InputFormatError(f"no resource file here has a counterpart of the same name in {target_path} "
                               f"({len(english)} resource file(s) here)", path=source_path)
    english_only = [name for name in english_only  # colors.xml is <resources> too, and not translated
                    if _has_text(os.path.join(source_path, name), english[name], options)]
    warn_one_sided(options.on_warning, source_path, target_path, english_only, chinese_only, "resource file")
    return sorted(pairings, key=lambda pairing: pairing.english.name)


def _android_sets(files: dict[str, KeyedFormat]) -> dict[str, list[str]]:
    """The Android resource files by the folder (relative name) they are in."""
    sets: dict[str, list[str]] = {}
    for name, keyed_format in files.items():
        if keyed_format is KeyedFormat.ANDROID:
            sets.setdefault(os.path.dirname(name), []).append(name)
    return sets


def _set(root: str, folder: str, names: list[str]) -> _Files:
    return _Files(os.path.join(root, folder) if folder else root, tuple(os.path.join(root, name) for name in names))


_APPLE_TABLE_FORMATS = (KeyedFormat.APPLE_STRINGS, KeyedFormat.APPLE_STRINGSDICT)


def _apple_tables(files: dict[str, KeyedFormat]) -> dict[str, list[str]]:
    """The .strings and .stringsdict files by the table they are (relative name without its
    extension: `Localizable`), the .strings first."""
    tables: dict[str, list[str]] = {}
    for name, keyed_format in files.items():
        if keyed_format in _APPLE_TABLE_FORMATS:
            tables.setdefault(os.path.splitext(name)[0], []).append(name)
    return {table: sorted(names, key=lambda name: files[name] is KeyedFormat.APPLE_STRINGSDICT)
            for table, names in tables.items()}


def _table(root: str, table: str, names: list[str]) -> _Files:
    """A table's files, named as the file when there is one (`Localizable.strings`), else
    `Localizable.{strings,stringsdict}`."""
    label = os.path.join(root, names[0]) if len(names) == 1 else os.path.join(root, table) + ".{strings,stringsdict}"
    return _Files(label, tuple(os.path.join(root, name) for name in names))


def _has_text(path: str, keyed_format: KeyedFormat, options) -> bool:
    return any(string.text for string in read_strings(path, keyed_format, options))


def _resource_files(directory: str, other_side: str | None = None) -> dict[str, KeyedFormat]:
    """The keyed resource files under a directory by relative name, sorted, with their formats;
    hidden entries skipped, the other side's directory too where it lies inside this one, and, as
    in every directory walk, symbolic links, pipes and devices."""
    found: dict[str, KeyedFormat] = {}
    for root, _, files in walk_one_side(directory, other_side):
        for name in sorted(files):
            path = os.path.join(root, name)
            keyed_format = detect(path) if not name.startswith(".") and regular_file(path) else None
            if keyed_format is not None:
                found[os.path.relpath(path, directory)] = keyed_format
    return found


def _claim_nested(outer: str, inner: str, outer_files: dict[str, KeyedFormat],
                  inner_files: dict[str, KeyedFormat]) -> tuple[dict[str, KeyedFormat], dict[str, KeyedFormat]]:
    """The two sides' files once the outer side has claimed its own inside the inner directory
    (see discover.claim_nested)."""
    outer_names, inner_names = claim_nested(outer, inner, list(outer_files), list(inner_files))
    if len(outer_names) == len(outer_files):
        return outer_files, inner_files
    return ({name: outer_files.get(name) or detect(os.path.join(outer, name)) for name in outer_names},
            {name: inner_files[name] for name in inner_names})


def holds_resource_files(directory: str) -> bool:
    return bool(_resource_files(directory))


def _kind(keyed_format: KeyedFormat | None) -> str:
    return keyed_format.value if keyed_format is not None else "not a keyed resource file"


def _pairs(source_path: str, target_path: str, pairings: list[_Pairing], options) -> Iterator[SegmentPair]:
    """The pairs of every pairing, its sides read the right way round (decided once, for all)."""
    read = [_Read(pairing, _strings(pairing.english, pairing.keyed_format, options, chinese=False),
                  _strings(pairing.chinese, pairing.keyed_format, options, chinese=True)) for pairing in pairings]
    english_chinese = _mostly_chinese([string for each in read for string in each.english if string.text])
    chinese_chinese = _mostly_chinese([string for each in read for string in each.chinese if string.text])
    chinese_path = target_path
    if english_chinese and chinese_chinese:
        raise UsageError(f"--source {source_path} and --target {target_path} are both mostly Chinese; --source "
                         "takes the English resources (res/values), --target their Chinese translation")
    if english_chinese:
        chinese_path = source_path
        read = [_Read(_Pairing(each.pairing.chinese, each.pairing.english, each.pairing.keyed_format),
                      each.chinese, each.english) for each in read]
    _refuse_another_variant(chinese_path, options)
    # The base resources (res/values, no language in the path) are the language the app is written in,
    # whichever side the options gave them: Chinese there beside values-en means the English is the
    # translation to check (GL005); English there beside values-zh-rCN, the Chinese. Where the paths do
    # not tell (zh.json and en.json, zh-Hans.lproj and en.lproj), --source is the original, as the
    # first column of a table is: a Chinese --source is read as zh -> en and checked so.
    english_path = target_path if english_chinese else source_path
    chinese_named, english_named = path_language(chinese_path) is not None, names_english(english_path)
    from_chinese = english_named if chinese_named != english_named else english_chinese
    if from_chinese != english_chinese:  # the paths contradict the options: said, as files given as documented are not
        original, translation = (chinese_path, english_path) if from_chinese else (english_path, chinese_path)
        options.on_warning(f"{original}: the base resources (no language in the path), so the original, though "
                           f"--source names {source_path}; read as {'zh -> en' if from_chinese else 'en -> zh'}, "
                           f"with {translation} as the translation")
    for each in read:
        yield from _paired(each, options, from_chinese=from_chinese)


def _default_product(key: str) -> str | None:
    """The key of the default product's string, for a product variant's (`upgrade#tablet` ->
    `upgrade`, `files#tablet[other]` -> `files[other]`): what a device of that product shows where
    the translation has no string for it, as aapt builds it."""
    name, marked, rest = key.partition("#")
    if not marked:
        return None
    _, bracket, index = rest.partition("[")
    return name + bracket + index


def _strings(files: _Files, keyed_format: KeyedFormat, options, *, chinese: bool) -> list[KeyedString]:
    """The strings of a set of files, each with its file, a key defined twice read at its last
    definition."""
    strings = [replace(string, path=path) if len(files.paths) > 1 else string for path in files.paths
               for string in read_strings(path, _file_format(path, keyed_format), options, chinese=chinese)]
    if keyed_format is KeyedFormat.APPLE_STRINGS and len(files.paths) > 1:
        strings = _stringsdict_first(strings)
    return list(unique_keys(strings, files.paths[0], options))


def _file_format(path: str, keyed_format: KeyedFormat) -> KeyedFormat:
    """The format of one file of a set: an Apple table's .stringsdict beside its .strings."""
    if keyed_format is KeyedFormat.APPLE_STRINGS and detect(path) is KeyedFormat.APPLE_STRINGSDICT:
        return KeyedFormat.APPLE_STRINGSDICT
    return keyed_format


def _stringsdict_first(strings: list[KeyedString]) -> list[KeyedString]:
    """An Apple table's strings less the .strings entries whose key its .stringsdict has too:
    Foundation looks a key up in the .stringsdict first, so it never shows them."""
    in_stringsdict = [detect(string.path) is KeyedFormat.APPLE_STRINGSDICT for string in strings]
    keys = {string.key for string, found in zip(strings, in_stringsdict) if found}
    return [string for string, found in zip(strings, in_stringsdict) if found or string.key not in keys]


def _paired(read: _Read, options, from_chinese: bool = False) -> Iterator[SegmentPair]:
    """The pairs of one pairing; `from_chinese`: the app is translated from Chinese, so check
    asks for the approved English and points at the English string (GL005)."""
    english_name, chinese_name = read.pairing.english.name, read.pairing.chinese.name
    english_file, chinese_file = read.pairing.english.paths[0], read.pairing.chinese.paths[0]
    english = [string for string in read.english if string.text]  # an empty English value: nothing to translate
    translations = {string.key: string for string in read.chinese if string.text}  # empty: untranslated
    variants_translated = {string.variant_of for string in translations.values() if string.variant_of is not None}
    if read.pairing.keyed_format in _APPLE_TABLE_FORMATS:  # the entry translated as a whole (see the docstring)
        variants_translated |= set(translations)
    untranslated: list[KeyedString] = []
    for string in english:
        translation = translations.get(string.key)
        if translation is None and read.pairing.keyed_format is KeyedFormat.ANDROID:
            translation = translations.get(_default_product(string.key) or "")
        if translation is None and read.pairing.keyed_format in _APPLE_TABLE_FORMATS:
            translation = _whole_entry(string, translations)
        if translation is None:
            if string.variant_of not in variants_translated:
                untranslated.append(_refused_in_strict(string, options, string.path or english_file,
                                                       f"has no translation in {chinese_name}"))
            continue
        placed, placed_file = (string, english_file) if from_chinese else (translation, chinese_file)
        location = Location(placed.path or placed_file, placed.line, placed.key, placed.text_line, placed.column,
                            placed.column_utf16, placed.verbatim)
        yield SegmentPair(string.text, translation.text, location, from_chinese=from_chinese)
    english_keys = {string.key for string in read.english}
    left_over = [_refused_in_strict(string, options, string.path or chinese_file, f"is not in {english_name}")
                 for string in translations.values() if string.key not in english_keys]
    if untranslated:
        first = untranslated[0]
        options.on_warning(f"{first.path or english_file}:{first.line}: {len(untranslated)} key(s) with no "
                           f'translation in {chinese_name} skipped (first one here: "{first.key}")')
    if left_over:
        first = left_over[0]
        options.on_warning(f"{first.path or chinese_file}:{first.line}: {len(left_over)} key(s) not in "
                           f'{english_name} skipped (first one here: "{first.key}")')


def _whole_entry(string: KeyedString, translations: dict[str, KeyedString]) -> KeyedString | None:
    """The Chinese of a .stringsdict entry translated as a whole, for the English `other` form of
    a plural of the entry (`files_selected/files[other]`): what the app shows in Chinese for it."""
    if string.variant_of is None or not string.key.endswith("[other]"):
        return None
    return translations.get(string.variant_of)


def _refused_in_strict(string: KeyedString, options, path: str, what: str) -> KeyedString:
    if options.strict:
        raise InputFormatError(f'key "{string.key}" {what} (--strict)', path=path, line=string.line)
    return string


def _mostly_chinese(strings: list[KeyedString]) -> bool:
    """Whether more than half of the strings have Chinese in them."""
    return 2 * sum(has_han(string.text) for string in strings) > len(strings)


def _refuse_another_variant(chinese_path: str, options) -> None:
    """OtherLanguageError when the Chinese side's path names a variant of Chinese other than the
    one asked for: values-zh-rTW checked against a zh-CN glossary would call Taiwan's 檔案 the
    mainland's forbidden 档案. Plain zh (the default) reads every variant. The variant read is told
    to options.on_language."""
    wanted = options.target_lang
    named = path_language(chinese_path)
    if named is not None and wanted and normalize_language(wanted).startswith("zh-") \
            and not language_matches(named.language, wanted):
        raise OtherLanguageError(f"the resources are in {named.language} (as {named.said_by} says), not {wanted}; "
                                 "pass --source-lang/--target-lang to read other languages", path=chinese_path)
    if named is not None:
        options.on_language(named.language)
