"""A glossary as committed at a git revision: what a reviewer compares with after a re-extract,
whose diff can run to thousands of lines (`review --new-since HEAD` reviews only the new terms)."""

from __future__ import annotations

import os
import subprocess

from .errors import UsageError
from .glossary import Glossary


def glossary_at(path: str, revision: str) -> Glossary:
    """The glossary at `path` as `revision` holds it (`git show REV:./file`, from the file's own
    directory): an empty one where the revision exists but the file did not yet; a revision git
    does not know, or no git at all, is a usage error saying so."""
    from .glossary_yaml import parse_glossary

    if not revision.strip() or revision.startswith("-"):
        # git would read `--output=FILE…` as an option of its own, and write that file
        raise UsageError(f"--new-since {revision!r} is no git revision (give a branch, a tag, a commit or HEAD~1)",
                         path=path)
    directory, name = os.path.split(os.path.abspath(path))
    try:
        shown = subprocess.run(["git", "-C", directory, "show", "--end-of-options", f"{revision}:./{name}"], capture_output=True,
                               check=False)
    except OSError as error:
        raise UsageError(f"--new-since needs git, which could not be run: {error.strerror}", path=path) from None
    said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
    if shown.returncode != 0 and said and ("exists on disk, but not in" in said[-1] or "does not exist in" in said[-1]):
        return Glossary(terms=[])  # committed before the glossary was: every term in it is new
    if shown.returncode != 0:
        raise UsageError(f"--new-since {revision}: git cannot show this file there"
                         + (f" ({said[-1].removeprefix('fatal: ')})" if said else ""), path=path)
    glossary, _ = parse_glossary(shown.stdout.decode("utf-8", "replace").lstrip("\ufeff"), f"{revision}:{name}")
    return glossary
