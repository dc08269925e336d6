"""A glossary as committed at a git revision: what a reviewer compares with after a re-extract,
whose diff can run to thousands of lines (`review --new-since HEAD` reviews only the new terms)."""

from __future__ import annotations

import os
import subprocess

from .errors import UsageError
from .glossary import Glossary


def glossary_at(path: str, revision: str) -> Glossary | None:
    """The glossary at `path` as `revision` holds it (`git show REV:./file`, from the file's own
    directory); None where the revision exists but the file did not yet. A revision git does not
    know, no git at all, or a file there that is no readable glossary (conflict markers, a Git LFS
    pointer) is a usage error saying so: read as empty, it made every term look new."""
    from .glossary_yaml import parse_glossary

    if not revision.strip() or revision.startswith("-") or ":" in revision:
        # git would read `--output=FILE…` as an option of its own, and write that file; `HEAD:g.yaml` names a file
        raise UsageError(f"--new-since {revision!r} is no git revision (give a branch, a tag, a commit or HEAD~1)",
                         path=path)
    directory, name = os.path.split(os.path.abspath(path))
    try:
        shown = subprocess.run(["git", "-C", directory, "show", "--end-of-options", f"{revision}:./{name}"],
                               capture_output=True, check=False)
    except OSError as error:
        raise UsageError(f"--new-since needs git, which could not be run: {error.strerror}", path=path) from None
    said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
    if shown.returncode != 0 and said and ("exists on disk, but not in" in said[-1] or "does not exist in" in said[-1]):
        return None  # committed before the glossary was
    if shown.returncode != 0:
        raise UsageError(f"--new-since {revision}: git cannot show this file there"
                         + (f" ({said[-1].removeprefix('fatal: ')})" if said else ""), path=path)
    glossary, problems = parse_glossary(shown.stdout.decode("utf-8", "replace").lstrip("\ufeff"), f"{revision}:{name}")
    if problems or not glossary.terms and b"terms:" not in shown.stdout:
        first = str(problems[0]) if problems else "no glossary (no terms: list)"
        raise UsageError(f"--new-since {revision}: the file there is no glossary to compare with: {first}", path=path)
    return glossary
