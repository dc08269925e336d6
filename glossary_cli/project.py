"""The project a glossary belongs to, so the corpus paths it records (evidence, inputs) name the
same file the same way whichever directory a command ran in: a run from `docs/` must not rewrite
every `seeds/a.txt:38` as `../seeds/a.txt:38`, a change of every candidate in the git diff."""

from __future__ import annotations

import os
import re
import unicodedata

from .textio import STDIN_NAME, spelled


def project_root(glossary: str | None) -> str | None:
    """The top of the git work tree holding the glossary (or the current directory, for a glossary
    written to stdout); None outside one, where paths are recorded as they were typed."""
    probe = os.path.abspath(os.path.dirname(glossary) if glossary else os.curdir)
    while True:
        if os.path.exists(os.path.join(probe, ".git")):  # a directory, or a file in a worktree or submodule
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            return None
        probe = parent


def recorded_path(path: str, root: str | None) -> str:
    """A corpus path as a glossary records it: relative to the project root, unless it was typed
    absolute and lies outside the project (a file in /tmp, a shell's `<(…)` as /dev/fd/63, has no
    path the project shares). A UTF-8 name the locale could not decode is `spelled`."""
    if root is None or path == STDIN_NAME:
        return composed_name(spelled(path, "backslashreplace"))
    absolute = os.path.normpath(os.path.abspath(path))
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        return composed_name(spelled(path, "backslashreplace"))
    if os.path.isabs(path) and (relative == os.pardir or relative.startswith(os.pardir + os.sep)):
        return composed_name(spelled(path, "backslashreplace"))
    return composed_name(spelled(relative.replace(os.sep, "/"), "backslashreplace"))


def composed_name(name: str) -> str:
    """A file name composed (NFC): macOS hands out `résumé.po` decomposed, git on Linux checks it
    out composed (core.precomposeunicode), and what one system records must name the file on the other."""
    return name if name.isascii() else unicodedata.normalize("NFC", name)


_LINE_SUFFIX = re.compile(r":\d+$")


def recorded_where(where: str, root: str | None) -> str:
    """An evidence location (`path:line`) with its path as the glossary records it."""
    suffix = _LINE_SUFFIX.search(where)
    if suffix is None:
        return recorded_path(where, root)
    return recorded_path(where[:suffix.start()], root) + suffix.group()

