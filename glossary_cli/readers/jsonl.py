"""JSON Lines: one object per line, `{"en": "...", "zh": "..."}`; and a JSON array of such objects.

Keys are matched as CSV header names are, in any case: language codes (so "zh-CN" or "zh_CN"
serve for zh, and --source-lang / --target-lang name other keys) or names (English, Chinese),
then roles (source/target); with several Chinese keys (zh-TW, zh-CN) and plain zh, the preferred
script's (ReadOptions.preferred_target_lang, else Simplified) is read, with a warning. The Hugging Face datasets layout
`{"translation": {"en": ..., "zh": ...}}` is read too. A null or empty value skips the line
(counted in one warning); a missing key is an error, since every line would miss it.
Location: path:line (in an array, the line where the record's `{` is). A JSON document that is not
an array of records (an object of key/value strings, a number) is an error: read as text it would
give junk pairs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputFormatError
from ..models import Location, SegmentPair
from ..script import has_han
from ..textio import excerpt, lone_surrogate_problem, long_number_problem, read_corpus_text
from .csv_reader import SOURCE_COLUMN_NAMES, header_columns, several_targets_warning, target_columns
from .xml_safe import wanted_languages


class _KeyChooser:
    """The (source key, target key) of a record, chosen as CSV header columns are (any case; of
    several Chinese keys, the one language_tags.variant_rank ranks first), remembered per set of keys since records share theirs."""

    def __init__(self, source_language: str, target_language: str, preferred_target: str | None = None) -> None:
        self.languages = (source_language, target_language)
        self.preferred_target = preferred_target  # ReadOptions.preferred_target_lang
        self.chosen: dict[tuple[str, ...], tuple[str | None, str | None]] = {}
        self.several_targets: tuple[list[str], str] | None = None  # (target keys, the one read), warned about once

    def __call__(self, record: dict[str, Any]) -> tuple[str | None, str | None]:
        names = tuple(map(str, record))
        if names not in self.chosen:
            self.chosen[names] = self._choose(list(names))
        return self.chosen[names]

    def _choose(self, names: list[str]) -> tuple[str | None, str | None]:
        from ..exchange.columns import names_language

        source_language, target_language = self.languages
        columns = header_columns(names, source_language, target_language, self.preferred_target)
        if columns is None:  # (None, _) when the source key is missing, else (_, None)
            source = next((name for name in names if names_language(name, source_language)
                           or name.strip().lower() in SOURCE_COLUMN_NAMES), None)
            return source, None
        competing = target_columns(names, target_language)
        if len(competing) > 1 and self.several_targets is None:
            self.several_targets = [names[index] for index in competing], names[columns.target]
        return names[columns.source], names[columns.target]


def read(path: str, options) -> Iterator[SegmentPair]:
    text = read_corpus_text(path, options.encoding)
    # Split on newlines only: JSON strings may hold U+2028, which str.splitlines would break at.
    records = ((number, _parse(raw.strip(), path, number))
               for number, raw in enumerate(text.split("\n"), start=1) if raw.strip())
    yield from _pairs(records, path, options, "line")


def read_array(path: str, options) -> Iterator[SegmentPair]:
    """A .json file: `[{"en": ..., "zh": ...}, ...]`, each record at the line of its `{`. A file of
    one object per line, as JSON Lines is sometimes named .json, is read as JSON Lines."""
    text = read_corpus_text(path, options.encoding)
    if _holds_json_lines(text):
        yield from read(path, options)
        return
    yield from _pairs(_array_records(text, path), path, options, "record")


def _holds_json_lines(text: str) -> bool:
    """Whether the text opens with an object on its first line and has more after it: JSON Lines,
    not one JSON document such as {"Save": "保存"}, which holds no records."""
    position = _skip_space(text, 0)
    first_line = text[position:].split("\n", 1)[0]
    try:
        record, end = json.JSONDecoder().raw_decode(first_line)
    except (ValueError, RecursionError):  # JSONDecodeError, or a number too long: read as an array, and said there
        return False
    return isinstance(record, dict) and _skip_space(text, position + end) < len(text)


def _array_records(text: str, path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, record) for each element of the top-level array; anything else located and refused."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if not text.startswith("[", position):
        shown = _top_level_kind(text, position)
        if text.startswith("{", position):
            raise InputFormatError(f"a JSON document holding {shown}: an i18n resource file, whose strings pair by "
                                   f"key with its English file's? Give both, --source ENGLISH-FILE --target {path}; "
                                   'a corpus in JSON is an array of records such as [{"en": "...", "zh": "..."}]',
                                   path=path, line=_line_at(text, position))
        raise InputFormatError(f"a JSON document holding {shown}; expected an array of records such as "
                               '[{"en": "...", "zh": "..."}] (or JSON Lines, one record per line)',
                               path=path, line=_line_at(text, position))
    position = _skip_space(text, position + 1)
    if text.startswith("]", position):
        return
    while True:
        line = _line_at(text, position)
        try:
            record, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise InputFormatError(f"invalid JSON: {error.msg}", path=path, line=error.lineno,
                                   column=error.colno) from None
        except RecursionError:
            raise InputFormatError("invalid JSON: nested too deeply", path=path, line=line) from None
        except ValueError:
            problem, at = long_number_problem(text, position)
            raise InputFormatError(f"invalid JSON: {problem}", path=path, line=_line_at(text, at),
                                   column=at - text.rfind("\n", 0, at)) from None
        if not isinstance(record, dict):
            raise InputFormatError(f"expected an array of JSON objects, found {_json_kind(record)}",
                                   path=path, line=line)
        yield line, record
        position = _skip_space(text, position)
        if text.startswith("]", position):
            break
        if not text.startswith(",", position):
            raise InputFormatError("invalid JSON: expected ',' or ']' after a record", path=path,
                                   line=_line_at(text, position))
        position = _skip_space(text, position + 1)
    if _skip_space(text, position + 1) != len(text):
        raise InputFormatError("invalid JSON: more data after the array", path=path,
                               line=_line_at(text, _skip_space(text, position + 1)))


def _pairs(records: Iterable[tuple[int, dict[str, Any]]], path: str, options, unit: str) -> Iterator[SegmentPair]:
    """The pair of each (line, record), or the record skipped (an empty value) or refused (no such key)."""
    source_language, target_language = wanted_languages(options)
    keys_of = _KeyChooser(source_language, target_language, options.preferred_target_lang)
    skipped = 0
    for number, record in records:
        if isinstance(record.get("translation"), dict):
            record = record["translation"]
        keys = keys_of(record)
        if keys[0] is None or keys[1] is None:
            missing = source_language if keys[0] is None else target_language
            found = excerpt(", ".join(sorted(map(str, record)))) or "none"
            raise InputFormatError(f'no "{missing}" key (keys here: {found}); pass --source-lang/--target-lang '
                                   "to name the keys", path=path, line=number)
        values = [record[key] for key in keys]
        for key, value in zip(keys, values):
            if value is not None and not isinstance(value, str):
                raise InputFormatError(f'"{key}" must be a string, got {type(value).__name__}', path=path, line=number)
            problem = lone_surrogate_problem(value or "")
            if problem is not None:
                raise InputFormatError(f'"{key}" {problem}', path=path, line=number)
        source, target = ((value or "").strip() for value in values)
        if not source or not target:
            if options.strict:
                raise InputFormatError("empty source or target (--strict)", path=path, line=number)
            skipped += 1
            continue
        from_chinese = _from_chinese(record, keys, source, target, source_language)
        if from_chinese and has_han(source):
            source, target = target, source
        yield SegmentPair(source, target, Location(path, number), from_chinese=from_chinese)
    if keys_of.several_targets:
        options.on_warning(several_targets_warning(*keys_of.several_targets, target_language, path, "key"))
    if skipped:
        options.on_warning(f"{path}: {skipped} {unit}(s) with an empty or null value skipped")


def _from_chinese(record: dict[str, Any], keys: tuple[str, str], source: str, target: str, source_language: str) -> bool:
    """Whether a record was translated from Chinese, as a table's row is read: keys named by
    language with the Chinese one first (`{"zh": …, "en": …}`, as a header naming the Chinese
    column first), or keys that name no language (`source`, `target`) with the Chinese under the
    source one. Before, such files were read English first and checked for nothing."""
    from ..exchange.columns import names_language

    if names_language(keys[0], source_language):
        names = list(map(str, record))
        return names.index(keys[1]) < names.index(keys[0])
    return has_han(source) and not has_han(target)


_SPACE = re.compile(r"[ \t\r\n\ufeff]*")


def _skip_space(text: str, position: int) -> int:
    return _SPACE.match(text, position).end()


def _line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _top_level_kind(text: str, position: int) -> str:
    first = text[position:position + 1]
    return {"{": "an object", '"': "a string", "": "nothing"}.get(first, "a single value")


def _json_kind(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "true/false", type(None): "null"}.get(type(value), "a number")


def _parse(line: str, path: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputFormatError(f"invalid JSON: {error.msg}", path=path, line=number, column=error.colno) from None
    except RecursionError:
        raise InputFormatError("invalid JSON: nested too deeply", path=path, line=number) from None
    except ValueError:
        problem, at = long_number_problem(line)
        raise InputFormatError(f"invalid JSON: {problem}", path=path, line=number, column=at + 1) from None
    if not isinstance(record, dict):
        raise InputFormatError(f"expected a JSON object per line, got {type(record).__name__}",
                               path=path, line=number)
    return record
