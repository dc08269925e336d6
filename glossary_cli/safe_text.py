"""Text from files, the corpus or a file name, made safe to show to a person.

A corpus, a glossary, a resource key or a file name in a pull request can hold an ESC that
recolours, hides or links text on the terminal reading it, or a line break that starts a line of
its own: `::warning file=README.md::…` on such a line is a workflow command to the GitHub runner,
which reads stderr as well as stdout. A zero-width space or a soft hyphen shows as nothing, so
`Shop<U+200B>ping` printed as it is reads as another word than the text holds. Every report line
and every message goes through here; text written for machines (YAML, JSON, SARIF) keeps its
characters and is escaped by its format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def code_point(character: str) -> str:
    """`<U+200B>`: a character that shows as nothing (or as a plain space) written so that a
    message or a report line shows where it is: `shopping<U+200B>cart`."""
    return f"<U+{ord(character):04X}>"


def with_code_points(text: str, characters: Iterable[str]) -> str:
    """The text with each of `characters` written as its code point: a message that names a
    character a term holds (a no-break space, a zero-width joiner) shows where it is."""
    for character in set(characters):
        text = text.replace(character, code_point(character))
    return text


# C0 controls but tab and line breaks, DEL and C1 controls: from a corpus, an ESC could recolour or
# clear the terminal (or the CI log) showing the text. Shown as their Control Pictures (␛), C1
# as U+FFFD.
_CONTROLS = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)}
_CONTROLS[0x7F] = "\u2421"
_CONTROLS.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# Invisible characters that reorder or break the line showing them: bidi embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069; "Trojan Source"), the LRM, RLM and Arabic letter marks
# (U+200E, U+200F, U+061C) and the line and paragraph separators (U+2028, U+2029).
_REORDERING = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029]
# Format characters that show as nothing, pasted in from web pages, Word and CAT tools: the soft
# hyphen, zero-width space, word joiner and invisible operators, the byte-order mark (a zero-width
# no-break space inside text), the deprecated format controls and the interlinear annotation marks.
# `Shop<U+200B>ping Cart` is what the text holds; printed as it is, it reads as `Shopping Cart`.
# Left as they are: the zero-width joiner and non-joiner (U+200D, U+200C), which join emoji (a
# woman, U+200D and a laptop draw one coder) and shape scripts, and the tag characters of flag
# emoji: shown as code points, they would break up what they draw.
_INVISIBLE = [0x00AD, 0x180E, 0x200B, *range(0x2060, 0x2065), *range(0x206A, 0x2070), 0xFEFF,
              *range(0xFFF9, 0xFFFC)]
# Neither has a Control Picture: both are shown as <U+202E>, so the line reads in the order of the
# text and shows where the invisible character is.
_CONTROLS.update({code: code_point(chr(code)) for code in (*_REORDERING, *_INVISIBLE)})

_ANY_CONTROL = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_CONTROLS)) + "]")

LINE_BREAK_SHOWN = "\u21b5"  # ↵


def visible_controls(text: str) -> str:
    """Text from the corpus made safe for a terminal: control characters become visible symbols,
    invisible ones their code points. Tabs and line breaks stay, for text shown over several lines."""
    # A regex search finds none in most texts far faster than str.translate copies them.
    return text.translate(_CONTROLS) if _ANY_CONTROL.search(text) else text


def one_line(text: str) -> str:
    """Text made safe to show on one line: controls as visible_controls shows them, and line
    breaks (LF, CR) as ↵, so that nothing in it can start a line of its own. Chinese and every
    other printable character stay as they are."""
    text = visible_controls(text)
    if "\n" in text or "\r" in text:
        text = text.replace("\n", LINE_BREAK_SHOWN).replace("\r", LINE_BREAK_SHOWN)
    return text
