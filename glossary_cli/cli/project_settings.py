"""The project's settings as option defaults: what each command's options accept (read from the
commands themselves, so a new option is a setting without a line here), and the file that gives
them, found or named with --config."""

from __future__ import annotations

import inspect
import os
import types
import typing
from typing import Any, Optional

import typer

from ..config import Setting, find_config, read_config, shadowed_pyproject

# Options that are what one run does, not a project's default: a `write-baseline` setting would
# accept every finding of every CI run and pass it.
_ONE_RUN = {("check", "write-baseline"), ("approve", "approve-all"), ("approve", "replace"),
            ("reject", "all-renderings")}


def project_defaults(app: typer.Typer, *, config: Optional[str], no_config: bool) -> dict[str, dict[str, Any]]:
    """Option defaults for each command (click's default_map): from the file --config names, or
    the one found from the current directory up; none with --no-config."""
    from .common import warn

    if no_config:
        return {}
    here = os.getcwd()
    path = config if config is not None else find_config(here)
    if path is None:
        return {}
    shown = config if config is not None else _shown_path(path, here)
    hidden = shadowed_pyproject(path)
    if hidden is not None:
        warn(f"{_shown_path(hidden, here)}: [tool.glossary] is not read: {shown} beside it is")
    return read_config(path, command_settings(app), shown=shown, here=here).defaults


def command_settings(app: typer.Typer) -> dict[str, dict[str, Setting]]:
    """Every command's options, by the name a setting gives them: `fail-on` for --fail-on."""
    commands: dict[str, dict[str, Setting]] = {}
    for info in app.registered_commands:
        name = info.name or info.callback.__name__.lower().replace("_", "-")
        commands[name] = {}
        for parameter in inspect.signature(info.callback, eval_str=True).parameters.values():
            option = parameter.default
            if not isinstance(option, typer.models.OptionInfo):  # an argument: positional, never a setting
                continue
            key = _long_name(parameter.name, option)
            kind, many = _kind(parameter.annotation)
            commands[name][key] = Setting(name=parameter.name, kind=kind, many=many, minimum=option.min,
                                          maximum=option.max, one_run=(name, key) in _ONE_RUN)
    return commands


def _long_name(name: str, option: typer.models.OptionInfo) -> str:
    declared = [spelling for declaration in option.param_decls or () for spelling in declaration.split("/")]
    long = [spelling.strip() for spelling in declared if spelling.strip().startswith("--")]
    return long[0][2:] if long else name.replace("_", "-")


def _kind(annotation: Any) -> tuple[type, bool]:
    """The type of one value, and whether the option takes several: `Optional[list[Path]]` is
    (Path, True)."""
    many = False
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            annotation = next(argument for argument in typing.get_args(annotation) if argument is not type(None))
        elif origin in (list, tuple):
            annotation, many = typing.get_args(annotation)[0], True
        else:
            return (annotation if isinstance(annotation, type) else str), many


def _shown_path(path: str, here: str) -> str:
    try:
        return os.path.relpath(path, here)
    except ValueError:  # another drive (Windows)
        return path

