"""App resource files, one per language, whose strings are paired by key rather than by line:
Android `strings.xml`, iOS `.strings` and `.stringsdict`, web i18n JSON (and Flutter `.arb`) and
Java `.properties`.

Each format module turns one file into KeyedStrings (the key, the text as the app shows it, and
where that text starts); `pairing` puts the English and the Chinese file side by side.
"""

from __future__ import annotations

import codecs
import os
import re
from xml.parsers import expat
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from ...errors import InputFormatError
from ...textio import open_binary


class KeyedFormat(Enum):
    ANDROID = "an Android string resource file (<resources>)"
    APPLE_STRINGS = "an iOS/macOS .strings file"
    APPLE_STRINGSDICT = "an iOS/macOS .stringsdict file"
    JSON = "a JSON i18n file"
    ARB = "a Flutter .arb file"
    PROPERTIES = "a Java .properties file"


@dataclass(frozen=True)
class KeyedString:
    """One translatable string of a resource file.

    `line` is where the entry starts (the `<string` tag, the key), `text_line`/`column` (1-based,
    in characters and in UTF-16 code units) where its text starts: `check` sends people there.
    `verbatim` says whether the file holds the text as it is there (no escapes, entities or line
    breaks), so `check` can point at a word inside it. `variant_of` names the string this one is a
    variant of: the plural a quantity belongs to (`files` of `files[one]`), the .stringsdict entry
    of a plural, width or device variant. Chinese has fewer plural forms than English, and a
    translation may give fewer widths, so an English variant without a Chinese one is no gap."""

    key: str
    text: str
    line: int
    text_line: int
    column: int
    column_utf16: int
    variant_of: str | None = None
    verbatim: bool = False  # the file shows the text as it is from there on (see Location.target_verbatim)
    path: str = ""  # the file, when the strings of several files are read as one set (Android's values/)


_BY_EXTENSION = {".strings": KeyedFormat.APPLE_STRINGS, ".stringsdict": KeyedFormat.APPLE_STRINGSDICT,
                 ".properties": KeyedFormat.PROPERTIES, ".arb": KeyedFormat.ARB}


def detect(path: str) -> KeyedFormat | None:
    """The keyed format of a file, from its extension and, for `.xml` and `.json`, which are many
    things, from its content: a `<resources>` root, a top-level object. None for anything else."""
    extension = os.path.splitext(path)[1].lower()
    if extension in _BY_EXTENSION:
        return _BY_EXTENSION[extension]
    if extension not in (".xml", ".json") or not os.path.isfile(path):
        return None  # a pipe (<(git show ...)) is read once, by the line-aligned reader
    if extension == ".json":
        return KeyedFormat.JSON if _head(path).lstrip("\ufeff \t\r\n").startswith("{") else None
    return KeyedFormat.ANDROID if _xml_root(path) == "resources" else None


def read_strings(path: str, keyed_format: KeyedFormat, options, *, chinese: bool = False) -> list[KeyedString]:
    """The strings of one file, in file order; `chinese`: the file is the Chinese side (which
    decides how a .properties file that is not UTF-8 is read)."""
    if keyed_format is KeyedFormat.PROPERTIES:
        from .properties import read as read_properties

        return list(read_properties(path, options, chinese=chinese))
    if keyed_format is KeyedFormat.ANDROID:
        from .android import read
    elif keyed_format is KeyedFormat.APPLE_STRINGS:
        from .apple import read
    elif keyed_format is KeyedFormat.APPLE_STRINGSDICT:
        from .stringsdict import read
    else:
        from .json_tree import read
    return list(read(path, options))


class _RootFound(Exception):
    pass


def _xml_root(path: str) -> str | None:
    """The local name of a file's root element, parsed as far as it starts: behind an XML
    declaration, a DOCTYPE and comments of any length (AOSP files open with a licence of some
    kilobytes). None for a file that is not XML; a file expat cannot read up to its root (an
    encoding it does not know) is looked at as text, its first 64 KB."""
    parser = expat.ParserCreate()
    found: list[str] = []

    def start(name: str, attributes: dict) -> None:
        found.append(name.rsplit(":", 1)[-1].lower())
        raise _RootFound

    parser.StartElementHandler = start
    read = b""
    try:
        with open_binary(path) as handle:
            while chunk := handle.read(1 << 16):
                if not read:
                    if not chunk.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").startswith(b"<"):
                        return None
                if len(read) < 1 << 16:
                    read += chunk
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _RootFound:
        return found[0]
    except (OSError, InputFormatError):
        return None  # the reader reports it
    except (expat.ExpatError, ValueError, LookupError):
        pass
    from .. import xml_root

    return xml_root(_decoded(read[:1 << 16]))


def _head(path: str) -> str:
    try:
        with open_binary(path) as handle:
            head = handle.read(4096)
    except (OSError, InputFormatError):
        return ""  # the reader reports it
    return _decoded(head)


def _decoded(head: bytes) -> str:
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class PathLanguage:
    """The language a resource file's path names, and the part of the path that names it."""

    language: str  # zh-TW, zh-Hans
    said_by: str  # values-zh-rTW, zh-Hant.lproj, messages_zh_TW.properties


_LANGUAGE_PARTS = re.compile(r"[-_.+]")
_SCRIPT_OR_REGION = re.compile(r"^(?:[A-Za-z]{4}|[A-Za-z]{2}|r[A-Z]{2}|\d{3})$")


def path_language(path: str) -> PathLanguage | None:
    """The Chinese variant a resource file's path names, from its innermost part that names one:
    Android's `values-zh-rTW` and `values-b+zh+Hant`, Apple's `zh-Hant.lproj`, Java's
    `messages_zh_TW.properties`, `locales/zh-TW/common.json`, `app_zh_Hant.arb`. None when no
    part does (only Chinese is looked for: it is the side whose variant matters)."""
    parts = _path_parts(path)
    for part in reversed(parts):
        tokens = _language_tokens(part)
        for index, token in enumerate(tokens):
            if token.lower() not in ("zh", "zho", "chi"):
                continue
            subtags = []
            for following in tokens[index + 1:]:
                if not _SCRIPT_OR_REGION.match(following):
                    break
                subtags.append(following[1:] if len(following) == 3 and following[0] == "r" else following)
            return PathLanguage("-".join(["zh", *subtags]), part if part != parts[-1] else os.path.basename(path))
    return None


def names_english(path: str) -> bool:
    """Whether a resource file's path names English, as path_language names Chinese: Android's
    `values-en` and `values-en-rGB`, Apple's `en.lproj`, `messages_en.properties`, `locales/en/x.json`."""
    return any(token.lower() in ("en", "eng") for part in _path_parts(path) for token in _language_tokens(part))


def _path_parts(path: str) -> list[str]:
    """The directories and the file name, without its extension, of a resource file's path."""
    parts = os.path.normpath(path).split(os.sep)
    parts[-1] = os.path.splitext(parts[-1])[0]
    return parts


def _language_tokens(part: str) -> list[str]:
    """The pieces of one part of a path that may name a language (`values-zh-rTW`: values, zh, rTW)."""
    return _LANGUAGE_PARTS.split(part.removesuffix(".lproj"))


def paired_surrogates(text: str) -> str:
    """Text whose escapes gave the two halves of a character beyond U+FFFF (`\\uD83D\\uDE00`, as
    Java and Apple write emoji) with those halves joined; a half alone becomes U+FFFD."""
    if not any("\ud800" <= character <= "\udfff" for character in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def unique_keys(strings: list[KeyedString], path: str, options) -> Iterator[KeyedString]:
    """The strings, a key defined twice read at its last definition, as the app does (a JSON
    object, a .properties file, a .strings table: the last one wins), with one warning."""
    last = {string.key: index for index, string in enumerate(strings)}
    repeated = [string for index, string in enumerate(strings) if last[string.key] != index]
    if repeated:
        first = repeated[0]
        options.on_warning(f'{first.path or path}:{first.line}: {len(repeated)} key(s) defined again further on, the last '
                           f'definition read (first one here: "{first.key}")')
    return (string for index, string in enumerate(strings) if last[string.key] == index)
