"""What every command shares: the typer app, consoles, and turning errors into exit codes."""

from __future__ import annotations

import errno
import functools
import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from .. import __version__, interrupts
from ..errors import GlossaryError, InputFormatError
from ..safe_text import code_point, one_line
from ..textio import spelled

_GLOBAL_OPTIONS_AFTER = "glossary.global-options"  # ctx.meta: -q, --config, --no-config typed after the command
_GLOBAL_HELP = ("Global options, before or after the command: -q/--quiet, --config FILE, --no-config "
                "(see: glossary --help).")


class _Commands(TyperGroup):
    """The command group: -q, --config and --no-config may follow the command as well as precede
    it (`glossary check -q …`, as ruff takes them), and each command's help says so."""

    def get_command(self, ctx, cmd_name: str):
        command = super().get_command(ctx, cmd_name)
        if command is not None and not command.epilog:
            command.epilog = _GLOBAL_HELP
        return command

    def resolve_command(self, ctx, args: list[str]):
        name, command, rest = super().resolve_command(ctx, args)
        rest, ctx.meta[_GLOBAL_OPTIONS_AFTER] = _global_options(ctx, rest)
        return name, command, rest


def _global_options(ctx, args: list[str]) -> tuple[list[str], dict[str, Any]]:
    """The command's arguments without the global options among them (up to `--`), and those."""
    kept: list[str] = []
    found: dict[str, Any] = {}
    rest = iter(args)
    for argument in rest:
        if argument == "--":
            kept += [argument, *rest]
        elif argument in ("-q", "--quiet"):
            found["quiet"] = True
        elif argument == "--no-config":
            found["no_config"] = True
        elif argument == "--config" or argument.startswith("--config="):
            value = argument.partition("=")[2] if "=" in argument else next(rest, None)
            if not value:
                ctx.fail("Option '--config' requires an argument.")
            found["config"] = value
        else:
            kept.append(argument)
            found["help"] = found.get("help", False) or argument in ctx.help_option_names
    return kept, found


app = typer.Typer(
    name="glossary",  # its help is _root's docstring
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2  # Ctrl-C and SIGTERM: interrupts.exit_code()


def file_to_write(value: str) -> Path:
    """Parses an output option: `out/` names a directory, which `Path` would turn into the file
    `out`, so the trailing separator is refused here, while the text still has it."""
    if value != "-" and value.endswith(("/", os.sep)):
        raise typer.BadParameter(f"{value} names a directory; give a file name")
    if value != "-":
        warn_if_unportable(Path(value))
    return Path(value)


def english_language(value: Optional[str]) -> Optional[str]:
    """Parses --source-lang: the source side is English whichever way the files are translated (a
    zh->en file is read with English as the source), so `--source-lang zh-CN --target-lang en`,
    the natural way to say a file is translated from Chinese, matched nothing and passed."""
    return _not_the_other_side(value, "zh", "--source-lang", "English", "--target-lang")


def chinese_language(value: Optional[str]) -> Optional[str]:
    """Parses --target-lang: the Chinese side, whichever way the files are translated."""
    return _not_the_other_side(value, "en", "--target-lang", "Chinese", "--source-lang")


def _not_the_other_side(value: Optional[str], other: str, option: str, side: str, other_option: str
                        ) -> Optional[str]:
    from ..exchange.columns import column_language
    from ..language_tags import language_matches

    if value is None or not language_matches(column_language(value) or value, other):
        return value
    raise typer.BadParameter(f"{value}: {option} names the {side} side, whichever way the files are translated "
                             f"(a file translated from Chinese is read with English as its source); give the "
                             f"{'Chinese' if side == 'English' else 'English'} as {other_option}")


def warn_if_unportable(path: Path, remedy: str = "choose another name") -> None:
    """Say so when a file about to be written could not be checked out on Windows (see
    portable_names.py): written anyway, as the user may mean it, but before git spreads it."""
    from ..portable_names import unportable

    reason = unportable(path)
    if reason is not None:
        warn(f"{path}: {reason}, so git for Windows cannot check it out; {remedy}")


FILE_TO_WRITE: dict[str, Any] = {"parser": file_to_write, "metavar": "<path>"}  # typer.Option(..., **FILE_TO_WRITE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"glossary {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    context: typer.Context,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="Print no warnings and no progress lines; errors, findings, reports and summaries are still "
                                    "printed."),
    config: Optional[str] = typer.Option(
        None, "--config", metavar="FILE",
        help="Take option defaults from this TOML file (a glossary.toml, or a pyproject.toml's [tool.glossary]) "
             "instead of the one found from the current directory up."),
    no_config: bool = typer.Option(False, "--no-config", help="Read no configuration file: the built-in defaults."),
) -> None:
    """Extract, review and enforce English-Chinese terminology from aligned text.

    Option defaults for each command come from glossary.toml, or from the [tool.glossary] table of
    pyproject.toml: the first found from the current directory up to the top of the git work tree
    (glossary.toml first in a directory). A table per command, keys named as the long options,
    paths relative to the file; the command line wins. For example, in pyproject.toml:

    \b
        [tool.glossary.check]
        fail-on = "warning"
        baseline = ".glossary-baseline.json"
        select = ["GL001", "GL002"]

    The global options (-q, --config, --no-config) may also follow the command.
    """
    after = context.meta.pop(_GLOBAL_OPTIONS_AFTER, {})
    _QUIET[0] = quiet or after.get("quiet", False)
    config = after.get("config", config)
    no_config = no_config or after.get("no_config", False)
    if config is not None and no_config:
        fail("--config and --no-config exclude each other: give one")
    if after.get("help"):  # a command's help is shown whatever the configuration holds
        return
    from ..config import ConfigError
    from .project_settings import project_defaults

    try:
        context.default_map = project_defaults(app, config=config, no_config=no_config) or None
    except ConfigError as error:
        fail(str(error))


_QUIET = [False]  # -q: set for each run by _root


_DRAWING: list = []  # the console a progress bar is drawn on, while it is


def stderr_console():
    """Messages and progress go to stderr; colour only on a terminal, NO_COLOR honoured. While a
    progress bar is drawn, its console: a warning then goes above the bar, not onto its line."""
    if _DRAWING:
        return _DRAWING[-1]
    from rich.console import Console

    return Console(stderr=True, highlight=False, no_color=_no_color())


@contextmanager
def drawing_on(console) -> Iterator[None]:
    """Messages printed meanwhile go through `console`, which draws a live progress bar."""
    _DRAWING.append(console)
    try:
        yield
    finally:
        _DRAWING.pop()


def stdout_console():
    from rich.console import Console

    return Console(highlight=False, no_color=_no_color())


_MIN_DRAWING_WIDTH = 60  # narrower, a bar has no room for its counts and every table cell is `…`


def draws(console) -> bool:
    """Whether rich can draw live bars and tables on this console: a terminal, not a dumb one,
    wide enough. Elsewhere the commands write plain lines (progress, tab-separated rows). The
    stream itself must be a terminal: FORCE_COLOR, which CI sets for coloured logs, makes rich take
    any stream for one, and asks for colour, not for a table in place of the rows a script reads."""
    return (console.is_terminal and _is_a_tty(console.file) and not console.is_dumb_terminal
            and console.width >= _MIN_DRAWING_WIDTH)


def _is_a_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False


def _no_color() -> bool:
    """As no-color.org asks: NO_COLOR turns colour off when set and not empty (NO_COLOR= does not).

    Colour only: bold and underline stay, as the spec ("prevents the addition of ANSI color") and
    rich's no_color (style.without_color) have it. They are what marks `error:` and the term a
    finding points at once colour is gone, for people who set NO_COLOR because they cannot tell
    the colours apart. Plain text, for logs and scripts, is what a pipe or TERM=dumb gets."""
    return bool(os.environ.get("NO_COLOR"))


def message_line(message: str) -> str:
    """A message as it is printed: one line, whatever the file names, keys, headers or terms it
    quotes hold. A line break in them would start a line of its own, which a CI runner may obey
    (`::warning file=…::` on GitHub), and an ESC would drive the terminal: both are shown as
    symbols (safe_text.one_line). A file name the locale could not decode shows as it is spelled.
    What a message quotes ("…": the terms and wordings it names) shows what reads as a space or as
    nothing as its code point (visible_line), so a person sees what is wrong with the term; the
    rest keeps its spaces: a file name or a note may hold a no-break or ideographic space that is
    no mistake."""
    line = one_line(spelled(message, "backslashreplace"))
    return line if line.isascii() else _QUOTED.sub(lambda quoted: visible_line(quoted.group()), line)


_QUOTED = re.compile('"[^"]*"')


@functools.lru_cache(maxsize=1)
def _hidden_in_a_line():
    import re

    from ..normalize import OTHER_SPACES
    from ..script import HAN_RANGES

    # a joiner beside nothing but ASCII or Han (or the text's ends), which it joins nothing in
    plain = f"\x20-\x7e{HAN_RANGES}"
    return re.compile(f"{OTHER_SPACES.pattern}|(?<![^{plain}])[\u200c\u200d](?![^{plain}])")


def visible_line(text: str) -> str:
    """one_line, and what it leaves that a person reads as a plain space or as nothing shown as
    its code point: a space other than U+0020 (`shopping<U+00A0>cart`, a no-break space from
    Word; an ideographic space) and a zero-width joiner or non-joiner between Latin letters or Han
    characters (`shopping<U+200D>cart`). For terms: a list of the entries a command skipped or
    refused shows so what is wrong with them, as validate's messages do; emoji and scripts whose
    letters the joiners shape keep them as drawn."""
    text = one_line(text)
    return _hidden_in_a_line().sub(lambda found: code_point(found.group()), text) if not text.isascii() else text


def _error_line(message: str) -> None:
    message = message_line(message)
    console = stderr_console()
    if console.is_terminal:
        from rich.markup import escape

        console.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)
    else:
        sys.stderr.write(f"error: {message}\n")


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print one error message (plain text, never markup) and exit."""
    _error_line(message)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """A warning on stderr, unless -q asked for none."""
    if _QUIET[0]:
        return
    message = message_line(message)
    console = stderr_console()
    if console.is_terminal:
        from rich.markup import escape

        console.print(f"[yellow]warning:[/] {escape(message)}", soft_wrap=True)
    else:
        sys.stderr.write(f"warning: {message}\n")


@contextmanager
def writing_to_stdout() -> Iterator[None]:
    """A report that cannot reach standard output (a full disk, stdout closed with >&-) is an output
    error, exit 2: never a traceback with exit 1, which CI would read as findings."""
    from ..errors import OutputError

    if sys.stdout is None:
        raise OutputError("standard output is closed; redirect it to a file", path="<stdout>")
    try:
        yield
        sys.stdout.flush()
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror or error}", path="<stdout>") from None


def write_utf8(text: str) -> None:
    """Write data for programs (a JSON or SARIF report, GitHub annotations, JUnit XML, an export)
    to standard output as UTF-8 whatever the locale, as git and ruff do: on an ASCII-only stdout
    (LC_ALL=C without Python's UTF-8 mode) the stream would write 术语.tsv as `\\u672f\\u8bed.tsv`,
    a file no annotation attaches to, in XML that says it is UTF-8. Text for people goes through
    the stream's own encoding (main() makes it escape what it cannot encode)."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None or (stream.encoding or "").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig"):
        stream.write(text)
        return
    stream.flush()  # what the text layer holds goes first
    buffer.write(text.encode("utf-8", "backslashreplace"))
    buffer.flush()


def refuse_conflicts(conflicts: list, base: object, incoming: object, command: str) -> None:
    """Merge conflicts (from merge or import) stop the command: each on its own error line, then
    what to do; nothing is written. They exit 1, as findings do (and git merge-file's conflicts):
    the inputs were fine, people disagree; 2 stays for usage and input errors."""
    if not conflicts:
        return
    for conflict in conflicts:
        _error_line(f"conflict: {conflict}")
    many = len(conflicts) != 1
    fail(f"{len(conflicts)} conflict{'s' if many else ''}; nothing written. "
         f"Settle {'them' if many else 'it'} in {base} or {incoming} and {command} again", code=EXIT_FINDINGS)


def warn_about_problems(text: str, path: str) -> None:
    """Point at what `check` would refuse in a glossary just written (e.g. one term approved twice),
    so that a merge or import that needs a person's eye says so before CI does."""
    from ..glossary_yaml import parse_glossary
    from ..validate import validate_glossary

    glossary, problems = parse_glossary(text, path)
    for problem in problems + validate_glossary(glossary, path):
        warn(str(problem))


def load_validated(path: Path, *, empty_ok: bool = False):
    """The glossary, after every check `validate` makes; any problem stops the command: check would
    enforce, and export hand to translators, a contradiction. All the problems are listed, as
    validate lists them, so one run shows everything to mend. `empty_ok` lets an empty file (or one
    with no `terms:` list yet) through, as merge fills one."""
    from ..glossary_yaml import GlossaryProblems
    from ..validate import validate_file

    from .progress import reading

    refuse_standard_input(path, "a glossary")
    with reading(path):
        glossary, problems = validate_file(str(path), empty_ok=empty_ok)
    if empty_ok:  # without it, validate_file has refused a file with no `terms:` list already
        refuse_other_yaml(glossary, str(path))
    if problems:
        raise GlossaryProblems(list(problems))
    return glossary


STDIN = "-"


class ClosedStandardInput(io.TextIOWrapper):
    """What main() puts in place of a standard input the command was started without (`<&-`):
    it reads as empty, so nothing fails with an AttributeError, and a command that needs its
    input says that it is closed rather than empty (standard_input_closed)."""

    def __init__(self) -> None:
        super().__init__(open(os.devnull, "rb"), encoding="utf-8")


def standard_input_closed() -> bool:
    return isinstance(sys.stdin, ClosedStandardInput)


def refuse_closed_standard_input(corpus_names) -> None:
    """`-` with standard input closed (`<&-`, a CI step started without one) is no empty corpus:
    said so, rather than "empty file", which sends the user looking for a file."""
    from ..textio import STDIN_NAME

    if STDIN in corpus_names and standard_input_closed():
        raise InputFormatError("standard input is closed (<&-), so - has nothing to read; pipe the pairs in, or "
                               "name the files", path=STDIN_NAME)


class StatusChoice(str, Enum):
    """An entry status an option takes (export's and list's --status), or all of them."""

    CANDIDATE = "candidate"
    APPROVED = "approved"
    REJECTED = "rejected"
    ALL = "all"


def chosen_statuses(chosen: Optional[list[StatusChoice]]) -> Optional[list]:
    """The statuses --status names (all: every one), in the schema's order; None when not given."""
    from ..glossary import Status

    if not chosen:
        return None
    if StatusChoice.ALL in chosen:
        return list(Status)
    return list(dict.fromkeys(Status(status.value) for status in chosen))


def refuse_standard_input(path: Path, what: str, saved: str = "glossary.yaml") -> None:
    """`-` names standard input for a corpus and for import, not for a glossary or a reference:
    those are read more than once (validated, then read for check's rules) and named in reports.
    Said as such, not as `-: no such glossary file`, which sent people looking for a file."""
    if str(path) == STDIN:
        from ..errors import UsageError

        raise UsageError(f"{what} is read from a file, not from standard input (-); save it to one first, e.g. "
                         f"git show HEAD:{saved} > /tmp/{saved}")


def existing_glossary(output: Path):
    """The glossary already at an output path, to update: None for a new file, or for a stream
    (`-o /dev/stdout`, a pipe), which must not be read, whatever file the shell redirected stdout
    to. A directory is refused before any work."""
    from ..atomic import writes_through
    from ..errors import OutputError
    from ..glossary_yaml import load_glossary, refuse_unkeepable

    if output.is_dir():
        raise OutputError("is a directory; give a file name for the glossary", path=str(output))
    if writes_through(str(output)) or not output.is_file():
        return None
    glossary = load_glossary(str(output))
    refuse_other_yaml(glossary, str(output), remedy="; writing the glossary into it would change it: choose "
                                                     "another file")
    refuse_unkeepable(glossary)
    return glossary


_GLOSSARY_MARKS = ("glossary", "terms")  # the keys only a glossary has (languages: is common YAML)


def refuse_other_yaml(glossary, path: str, *, remedy: str = "") -> None:
    """Refuse a YAML mapping that has none of a glossary's own keys: a docker-compose file, an
    mkdocs.yml, a CI workflow. Read as a glossary it has no entries yet, and its keys are kept as
    the user's own, so merge, extract -o and import -o would write a glossary into it and say
    nothing; validate refuses it (no 'terms:' list). An empty file, or one with only `glossary:`
    and `languages:`, is a glossary still to be filled and passes."""
    if glossary.terms or not glossary.extra:
        return
    import yaml

    from ..errors import GlossaryFileError
    from ..glossary_yaml import read_glossary_text

    root = yaml.compose(read_glossary_text(path).lstrip("\ufeff"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    keys = [key for key, _ in root.value] if isinstance(root, yaml.MappingNode) else []
    if not keys or any(isinstance(key, yaml.ScalarNode) and key.value in _GLOSSARY_MARKS for key in keys):
        return
    names = [f"`{key.value}:`" if isinstance(key, yaml.ScalarNode) else "a complex key" for key in keys]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
    raise GlossaryFileError(f"not a glossary: its top-level {'key is' if len(keys) == 1 else 'keys are'} {shown}; "
                            "a glossary has `glossary: 1`, `languages:` and a `terms:` list" + remedy,
                            path=path, line=keys[0].start_mark.line + 1, column=keys[0].start_mark.column + 1)


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one existing file (through a link, a relative path, a hard link): an
    output that is one of the command's own inputs would overwrite it."""
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


# Why the system may refuse to even look at a path: a directory on the way without search
# permission, a name longer than the file system takes, a loop of links. pathlib's is_dir(),
# is_file() and exists() answer False for a missing file but raise these.
_UNREACHABLE = frozenset({errno.EACCES, errno.EPERM, errno.ENAMETOOLONG, errno.ELOOP})


@contextmanager
def unreachable_paths_refused() -> Iterator[None]:
    """An OSError about a path the user named, wherever a command looked at it, is a user error
    naming the file (`locked/x.tsv: cannot access: Permission denied`), not a traceback."""
    try:
        yield
    except OSError as error:
        if error.filename is None or error.errno not in _UNREACHABLE:
            raise
        raise GlossaryError(f"cannot access: {error.strerror}", path=os.fsdecode(error.filename)) from None


def handles_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors become one line on stderr and exit code 2; Ctrl-C becomes exit 130."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with unreachable_paths_refused():
                return command(*args, **kwargs)
        except GlossaryError as error:
            problems = getattr(error, "problems", None)
            if problems and len(problems) > 1:  # every located problem gets its own error line
                for problem in problems[:-1]:
                    _error_line(str(problem))
                fail(str(problems[-1]))
            fail(str(error))
        except (KeyboardInterrupt, Exception) as error:
            if not interrupts.stopped_by(error):
                raise
            interrupts.report()
            raise typer.Exit(interrupts.exit_code()) from None

    return wrapper
