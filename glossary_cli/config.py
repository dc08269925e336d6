"""Project settings: option defaults for each command, read from `glossary.toml` or from the
`[tool.glossary]` table of `pyproject.toml`, so that a CI job or a pre-commit hook need not repeat
`--fail-on`, `--baseline` and `--input-format` on every call. Found as ruff finds its settings:
from the current directory up to the top of the project, the first file that has them. The
command line always wins; a setting this module does not know is an error, never ignored."""

from __future__ import annotations

import difflib
import enum
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .errors import GlossaryError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "glossary.toml"  # beside pyproject.toml, it wins, as ruff.toml does over pyproject.toml
PYPROJECT = "pyproject.toml"
TABLE = ("tool", "glossary")  # where pyproject.toml holds the settings


class ConfigError(GlossaryError):
    """A configuration file is not TOML, or names a setting no command has, or gives one a value
    the option would refuse."""


@dataclass(frozen=True)
class Setting:
    """What one option of one command accepts in the file: `fail-on = "warning"` for `--fail-on`."""

    name: str  # the command's parameter it sets
    kind: type  # bool, int, float, str, Path or an Enum
    many: bool = False  # an option given several times (`--select`): a list, or one value
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    one_run: bool = False  # what one run does (`--write-baseline`): never a project's default


@dataclass(frozen=True)
class Config:
    """The settings of one file, ready to be option defaults: command → parameter → value, paths
    relative to the current directory (they are written relative to the file's own directory)."""

    path: str
    defaults: dict[str, dict[str, Any]]


def find_config(start: str) -> Optional[str]:
    """The first `glossary.toml`, or `pyproject.toml` with a `[tool.glossary]` table, from `start`
    up to the top of its git work tree (or of the file system, outside one). A pyproject.toml
    without the table is passed over, as ruff passes it over."""
    directory = os.path.abspath(start)
    while True:
        dedicated = os.path.join(directory, CONFIG_FILE)
        if os.path.isfile(dedicated):
            return dedicated
        pyproject = os.path.join(directory, PYPROJECT)
        if os.path.isfile(pyproject) and _has_table(pyproject):
            return pyproject
        parent = os.path.dirname(directory)
        if parent == directory or os.path.exists(os.path.join(directory, ".git")):
            return None
        directory = parent


def _has_table(pyproject: str) -> bool:
    """Whether the file has a `[tool.glossary]` table; a file that is no TOML may have it, and is
    taken, so that reading it says what is wrong at which line."""
    try:
        return _table(_parse(pyproject, _read(pyproject))[0], TABLE) is not None
    except ConfigError:
        return True


def shadowed_pyproject(path: str) -> Optional[str]:
    """The pyproject.toml beside a glossary.toml whose `[tool.glossary]` is therefore not read."""
    if os.path.basename(path) != CONFIG_FILE:
        return None
    pyproject = os.path.join(os.path.dirname(path), PYPROJECT)
    try:
        has_table = os.path.isfile(pyproject) and _table(_parse(pyproject, _read(pyproject))[0], TABLE) is not None
    except ConfigError:  # not TOML: nobody reads it
        return None
    return pyproject if has_table else None


def read_config(path: str, commands: Mapping[str, Mapping[str, Setting]], *,
                shown: Optional[str] = None, here: Optional[str] = None) -> Config:
    """The settings of the file at `path`, checked against what each command accepts. `shown` is
    the file's name in messages; `here` the directory its paths are made relative to."""
    shown = shown or path
    text = _read(path, shown)
    document, lines = _parse(shown, text)
    prefix = TABLE if os.path.basename(path) == PYPROJECT else ()
    table = _table(document, prefix) if prefix else document
    if table is None:
        raise ConfigError(f"has no [{'.'.join(prefix)}] table", path=shown)
    base = os.path.dirname(os.path.abspath(path))
    here = here or os.getcwd()
    defaults: dict[str, dict[str, Any]] = {}
    for command, settings in table.items():
        if command not in commands:
            raise ConfigError(_unknown_command(command, commands, prefix),
                              path=shown, line=lines.line_of((*prefix, command)))
        if not isinstance(settings, dict):
            raise ConfigError(f"{command} should be a table of its options, e.g. [{'.'.join((*prefix, command))}]",
                              path=shown, line=lines.line_of((*prefix, command)))
        defaults[command] = {}
        for key, raw in settings.items():
            where = (*prefix, command, key)
            setting = commands[command].get(key)
            if setting is None:
                raise ConfigError(_unknown_key(command, key, commands[command], prefix),
                                  path=shown, line=lines.line_of(where))
            if setting.one_run:
                raise ConfigError(f"[{'.'.join((*prefix, command))}] {key} is what one run does, not a project's "
                                  f"setting; give --{key} on the command line", path=shown, line=lines.line_of(where))
            try:
                defaults[command][setting.name] = _value(setting, raw, base, here)
            except ValueError as error:
                raise ConfigError(f"[{'.'.join((*prefix, command))}] {key}: {error}",
                                  path=shown, line=lines.line_of(where)) from None
    return Config(path=path, defaults=defaults)


def _read(path: str, shown: Optional[str] = None) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError("no such configuration file", path=shown or path) from None
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror or error}", path=shown or path) from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # Notepad's byte-order mark
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ConfigError("not UTF-8, which TOML requires; save it as UTF-8",
                          path=shown or path, line=line) from None


_DECODE_PLACE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def _parse(shown: str, text: str) -> tuple[dict, "_Lines"]:
    try:
        return tomllib.loads(text), _Lines(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        place = _DECODE_PLACE.search(message)
        line = column = None
        if place is not None:
            message = message[:place.start()]
            line, column = (int(place[1]), int(place[2])) if place[1] else (max(text.count("\n"), 1), None)
        reason = message[:1].lower() + message[1:]
        raise ConfigError(f"not valid TOML: {reason}; mend it, or run with --no-config",
                          path=shown, line=line, column=column) from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and inline tables
        raise ConfigError("arrays or tables nested too deeply to read; mend it, or run with --no-config",
                          path=shown) from None


def _table(document: dict, keys: tuple[str, ...]) -> Optional[dict]:
    for key in keys:
        document = document.get(key) if isinstance(document, dict) else None
    return document if isinstance(document, dict) else None


def _value(setting: Setting, raw: Any, base: str, here: str) -> Any:
    """The value as the option's default, or ValueError saying what the option takes."""
    if setting.many:
        items = raw if isinstance(raw, list) else [raw]
        return [_one(setting, item, base, here) for item in items]
    if isinstance(raw, list):
        raise ValueError(f"takes one value, not a list ({_takes(setting)})")
    return _one(setting, raw, base, here)


def _one(setting: Setting, raw: Any, base: str, here: str) -> Any:
    kind = setting.kind
    if kind is bool:
        if not isinstance(raw, bool):
            raise ValueError(f"takes true or false, not {_shown(raw)}")
        return raw
    if kind in (int, float):
        if isinstance(raw, bool) or not isinstance(raw, (int, float) if kind is float else int):
            raise ValueError(f"takes {_takes(setting)}, not {_shown(raw)}")
        if (setting.minimum is not None and raw < setting.minimum) or (
                setting.maximum is not None and raw > setting.maximum):
            raise ValueError(f"takes {_takes(setting)}, not {raw}")
        return raw
    if not isinstance(raw, str):
        raise ValueError(f"takes {_takes(setting)}, not {_shown(raw)}")
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        for choice in kind:
            if str(choice.value).lower() == raw.lower():
                return choice.value
        raise ValueError(f"{_shown(raw)} is not one of {', '.join(str(choice.value) for choice in kind)}")
    if kind is Path:
        return _relative_to(raw, base, here)
    return raw


def _relative_to(value: str, base: str, here: str) -> str:
    """A path written in the file, relative to the file's directory, as a path from `here`."""
    if value == "-" or os.path.isabs(value):
        return value
    target = os.path.normpath(os.path.join(base, value))
    try:
        return os.path.relpath(target, here)
    except ValueError:  # another drive (Windows)
        return target


def _takes(setting: Setting) -> str:
    kind = setting.kind
    if kind in (int, float):
        what = "a whole number" if kind is int else "a number"
        if setting.minimum is not None and setting.maximum is not None:
            return f"{what} from {setting.minimum:g} to {setting.maximum:g}"
        if setting.minimum is not None:
            return f"{what} of at least {setting.minimum:g}"
        return what
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return "one of " + ", ".join(str(choice.value) for choice in kind)
    return "a path" if kind is Path else "true or false" if kind is bool else "a string"


def _shown(raw: Any) -> str:
    if isinstance(raw, str):
        return f'"{raw}"'
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, (list, dict)):
        return "a list" if isinstance(raw, list) else "a table"
    return str(raw)


def _unknown_command(command: str, commands: Mapping[str, Mapping[str, Setting]], prefix: tuple) -> str:
    table = ".".join((*prefix, command))
    close = difflib.get_close_matches(command, list(commands), n=1)
    if close:
        return f"no command is called {command} ([{table}]); did you mean [{'.'.join((*prefix, close[0]))}]?"
    owners = [name for name, settings in commands.items() if command in settings]
    if owners:
        return (f"{command} is an option, set per command: under [{'.'.join((*prefix, owners[0]))}]"
                + (f" (also taken by {', '.join(owners[1:])})" if owners[1:] else ""))
    return f"no command is called {command} ([{table}]); the commands are {', '.join(sorted(commands))}"


def _unknown_key(command: str, key: str, settings: Mapping[str, Setting], prefix: tuple) -> str:
    table = ".".join((*prefix, command))
    spelled = key.replace("_", "-").lstrip("-")
    close = [spelled] if spelled in settings else difflib.get_close_matches(key, list(settings), n=1)
    if close:
        return f"[{table}] has no setting {key}; did you mean {close[0]}?"
    if not settings:
        return f"[{table}]: {command} takes no options"
    return f"[{table}] has no setting {key}; {command} takes {', '.join(sorted(settings))}"


_BARE_KEY = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED_KEY = rf"{_BARE_KEY}(?:\s*\.\s*{_BARE_KEY})*"
_HEADER = re.compile(rf"^\s*\[\[?\s*({_DOTTED_KEY})\s*\]\]?")
_ASSIGNMENT = re.compile(rf"^\s*({_DOTTED_KEY})\s*=")


class _Lines:
    """Where each key of a TOML file is written, which tomllib does not say: the line of a
    `key = …` under its `[table]` header, of a dotted key (`check.fail-on = …`), or of the header,
    or the inline table, that holds it."""

    def __init__(self, text: str) -> None:
        self._lines: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header is not None:
                table = _keys(header[1])
                self._lines.setdefault(table, number)
                continue
            assignment = _ASSIGNMENT.match(line)
            if assignment is not None:
                self._lines.setdefault((*table, *_keys(assignment[1])), number)

    def line_of(self, keys: tuple[str, ...]) -> Optional[int]:
        for end in range(len(keys), 0, -1):
            if keys[:end] in self._lines:
                return self._lines[keys[:end]]
        # a table only its subtables name: [tool.glossary] written as [tool.glossary.check]
        return next((number for written, number in self._lines.items() if written[:len(keys)] == keys), None)


def _keys(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in re.findall(_BARE_KEY, dotted))
