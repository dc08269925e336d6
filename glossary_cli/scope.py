"""Where an approved term is enforced: an entry's `paths:`, gitignore-like globs of files.

    - source: Search
      target: 搜索
      status: approved
      paths: ["locale/**", "!locale/legacy/**"]   # UI strings only; not the medical TM

The globs name files relative to the project root (the git work tree holding the glossary, as
evidence paths are recorded; outside one, the directory check runs in), with `/` between
directories, as .gitignore reads them: `*` and `?` stay within a directory, `**` crosses them, a
pattern without a `/` (`*.po`) matches a file or directory name at any depth, one with a `/` is
anchored at the root, a directory covers everything inside it, and of the patterns that match a
file the last one decides, `!` excluding it again. A list whose first pattern starts with `!`
starts from every file: `paths: ["!corpus/**"]` is everywhere but corpus/. A file no pattern
takes in is not checked for the term, as if the glossary did not hold it there. An entry
without `paths:` is enforced everywhere.

The glossary reader refuses a value that is no list of patterns, or a pattern these rules cannot
read (`pattern_problem`), at its line and column.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .glossary import Entry
from .project import project_root, recorded_path
from .textio import STDIN_NAME

PATHS = "paths"  # the entry key; kept among Entry.extra, as match_compounds is


def entry_paths(entry: Entry) -> list[str] | None:
    """The entry's `paths:` patterns, or None when it is enforced everywhere (no key, or empty)."""
    value = entry.extra.get(PATHS)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def pattern_problem(pattern: str) -> str | None:
    """Why a `paths:` pattern cannot be used as written, else None."""
    body = pattern[1:] if pattern.startswith("!") else pattern
    if not body.strip().strip("/"):
        return "a pattern names no file; write a glob such as locale/** or *.po"
    if body != body.strip():
        return f'the pattern "{pattern}" starts or ends with a space; remove it'
    if "\\" in body:
        return f'the pattern "{pattern}" holds a backslash; separate directories with "/" (patterns are gitignore-like)'
    if re.match(r"[A-Za-z]:", body) or body.startswith("//"):
        return f'the pattern "{pattern}" is an absolute path; write it relative to the project root'
    if any(part in (".", "..") for part in body.strip("/").split("/")):
        return (f'the pattern "{pattern}" holds "." or ".." as a directory; write it relative to the project root, '
                'as in locale/**')
    try:
        _compiled(body)
    except re.error:
        return f'the pattern "{pattern}" has a "[" without its "]"; write [[] for the character itself'
    return None


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    excludes: bool  # written with a leading `!`
    directory_only: bool  # written with a trailing `/`: matches what is inside a directory of that name


class PathScope:
    """One entry's `paths:`: which files (relative to the project root, with `/`) it covers."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)
        self._compiled = [_pattern(text) for text in self.patterns]
        self._starts_in = bool(self._compiled) and self._compiled[0].excludes

    def covers(self, name: str | None) -> bool:
        """Whether the file (None: standard input, which no pattern names) is in scope."""
        covered = self._starts_in
        if name is None:
            return covered
        parts = name.split("/")
        prefixes = ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]
        for pattern in self._compiled:
            candidates = prefixes[:-1] if pattern.directory_only else prefixes
            if any(pattern.regex.fullmatch(candidate) for candidate in candidates):
                covered = not pattern.excludes
        return covered


def scope_root(glossary_path: str | None) -> str:
    """The directory `paths:` patterns are relative to: the top of the project the glossary belongs
    to. That is the git checkout holding it; for a glossary in a submodule (a company glossary
    shared by several projects), the checkout of the project holding the submodule; for a glossary
    in no checkout, the checkout of the current directory, else the current directory. So a glossary
    shared either way reads `locale/**` as the project being checked has it."""
    root = project_root(glossary_path)
    if root is not None:
        return superproject(root) or root
    return project_root(None) or os.getcwd()


def superproject(root: str) -> str | None:
    """The top of the checkout a submodule checked out at `root` belongs to: its `.git` file points
    into `<superproject>/.git/modules/`. None for any other checkout (a worktree's points into
    `.git/worktrees/`)."""
    try:
        with open(os.path.join(root, ".git"), encoding="utf-8") as marker:
            line = marker.readline().strip()
    except (OSError, UnicodeDecodeError):  # a directory: an ordinary checkout
        return None
    if not line.startswith("gitdir:"):
        return None
    gitdir = os.path.normpath(os.path.join(root, line[len("gitdir:"):].strip()))
    marker = os.sep + os.path.join(".git", "modules") + os.sep
    return gitdir.split(marker, 1)[0] if marker in gitdir else None


def scoped_name(path: str, root: str) -> str | None:
    """A corpus file as `paths:` patterns see it: relative to `root`, with `/`; None for standard input."""
    if path == STDIN_NAME:
        return None
    return recorded_path(path, root)


def _pattern(text: str) -> _Pattern:
    excludes = text.startswith("!")
    body = text[1:] if excludes else text
    return _Pattern(_compiled(body), excludes, body.endswith("/"))


@lru_cache(maxsize=4096)
def _compiled(body: str) -> re.Pattern[str]:
    """The regular expression of a gitignore-like pattern (without its `!`), matched against a
    file's path or one of its directories."""
    body = body.rstrip("/")
    anchored = "/" in body
    body = body.lstrip("/")
    regex = "" if anchored else "(?:.*/)?"
    index = 0
    while index < len(body):
        char = body[index]
        if body.startswith("**", index):
            before = index == 0 or body[index - 1] == "/"
            after = index + 2 == len(body) or body[index + 2] == "/"
            if before and after:
                if index + 2 == len(body):
                    regex += ".*"  # `dir/**`: everything inside
                    index += 2
                else:
                    regex += "(?:.*/)?"  # `**/`: any directories, none included
                    index += 3
                continue
            regex += "[^/]*"  # other runs of stars are one star, as git reads them
            while index < len(body) and body[index] == "*":
                index += 1
            continue
        if char == "*":
            regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif char == "[":
            end = body.find("]", index + 2 if body[index + 1:index + 2] in ("!", "^", "]") else index + 1)
            if end < 0:
                raise re.error("unclosed [")
            inside = body[index + 1:end]
            if inside[:1] in ("!", "^"):
                inside = "^" + inside[1:]
            regex += "(?!/)[" + inside.replace("\\", "\\\\") + "]"
            index = end + 1
            continue
        else:
            regex += re.escape(char)
        index += 1
    return re.compile(regex)
