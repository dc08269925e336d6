"""File names every teammate's checkout can hold. A glossary lives in git and is checked out on
Windows and macOS too: `glossaries/CON.yaml` (from `extract CON.tsv`) is written fine on Linux,
then git for Windows cannot check it out, and the whole team's clone breaks. Windows' rules for
names (Microsoft's "Naming Files, Paths, and Namespaces"): no device names, with or without an
extension; no `<>:"|?*` or control characters; no trailing dot or space."""

from __future__ import annotations

import re
from pathlib import PurePath

# CON, PRN, AUX, NUL, COM0-9 and LPT0-9, with the superscript digits Windows also reserves.
_DEVICE = re.compile(r"(?i)(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|(?:COM|LPT)[0-9¹²³])")
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')


def unportable(path: PurePath) -> str | None:
    """Why `path`'s file name cannot be checked out on Windows, or None when it can."""
    name = path.name
    if not name or name in (".", ".."):
        return None
    stem = name.split(".", 1)[0].rstrip(" ")
    if _DEVICE.fullmatch(stem):
        return f"{stem} is a device name on Windows, where no file may be called {name}"
    if forbidden := _FORBIDDEN.search(name):
        shown = forbidden.group() if forbidden.group().isprintable() else f"U+{ord(forbidden.group()):04X}"
        return f"Windows allows no {shown} in a file name"
    if name[-1] in ". ":
        return "Windows drops a trailing dot or space from a file name"
    return None
