"""Placeholders and markup in localisation strings (`%s`, `%1$d`, `{name}`, `{0}`, `{:n}`, `${x}`,
`<b>`, `&amp;`, `` `code` ``, `--option`, URLs): never terms nor parts of terms. `extract` blanks
them before tokenizing and `check` before matching, with the same definition.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"(?=[-%${<&`h])(?:"  # every alternative starts with one of these: rejects other positions 8x faster
    r"%(?:\d+\$|\([A-Za-z_]\w*\))?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|ll|[hlLqjzt])?[diouxXeEfFgGcsaAp@]"
    r"|\$\{[^{}\n]*\}"               # ${var}
    r"|\{\{?[\w.:!|$-]*\}?\}"         # {name}, {0}, {:n}, {x!r} without spaces
    r"|\{[\w.]*(?:![rsa])?:[^{}\s]*\}"  # format specs: {count:>4}, {:,}, {name!r:^10}
    r"|\{\{\s*[\w.:|$-]+\s*\}\}"      # {{ var }}
    r"|</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>"  # <b>, </a>, <br/>, <a href="...">
    r"|&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);"  # &amp; &#160;
    r"|`[^`\n]+`"                     # `code`
    r"|(?<![\w-])--[A-Za-z][\w-]*"    # --option
    r"|\bhttps?://[^\s<>\"']+"        # URLs
    r")"
)


def _may_hold_placeholders(text: str) -> bool:
    """Every placeholder holds one of these marks; most segments hold none, and `in` is far
    cheaper than a regex scan."""
    return ("%" in text or "{" in text or "<" in text or "&" in text or "`" in text or "$" in text
            or "--" in text or "://" in text)


def mask_placeholders(text: str) -> str:
    """The text with every placeholder and markup blanked to spaces (same length, same offsets)."""
    if not _may_hold_placeholders(text) or PLACEHOLDER.search(text) is None:
        return text
    return PLACEHOLDER.sub(lambda match: " " * len(match.group()), text)


def placeholder_mask(text: str) -> list[bool]:
    """True for each character inside a placeholder or markup."""
    mask = [False] * len(text)
    if _may_hold_placeholders(text):
        for found in PLACEHOLDER.finditer(text):
            mask[found.start():found.end()] = [True] * (found.end() - found.start())
    return mask
