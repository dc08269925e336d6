"""gettext PO/POT files, parsed with polib.

Skipped: the header entry, obsolete (#~) entries, untranslated entries (counted in one warning)
and fuzzy entries unless `include_fuzzy` (counted too). Plural entries give one pair,
msgid_plural <-> msgstr[0]: Chinese has one plural form, and the English plural is the general
wording that form translates ("%d files" <-> "%d 个文件"); reading msgid too would count the
entry twice. An entry with a further form that says something else (a catalogue with
nplurals=2, as some zh_TW ones are, shows msgstr[1] whenever n != 1) gives msgid <-> msgstr[0]
and msgid_plural <-> that form, so every form users see is checked. Location: the PO's own line
of the msgid, with the msgctxt as the unit; its target position is where the text of the msgstr
(or of the plural form) starts, where a fix goes.

A zh -> en catalogue (Chinese msgids, English msgstrs) is read swapped so that English stays the
source, with one warning only where its Language says the msgstrs are Chinese, which they are not:
the msgid and msgstr scripts decide, and the header's Language (the msgstr language) when the
scripts do not. A catalogue that declares no Language is read as its scripts say unsaid, as a
table holding the Chinese first throughout is. Its
English side is the last msgstr form, the plural.
Its pairs are marked as translated from Chinese (SegmentPair.from_chinese), still located at the
msgstr: check asks the English there for the approved terms.
A catalogue whose Language is neither wanted language (de, ja, en_GB holding no Chinese) raises
OtherLanguageError: a locale tree holds every language, and Japanese kanji or German words must
not be checked as Chinese.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

import polib

from ..errors import InputFormatError, OtherLanguageError
from ..models import Location, SegmentPair
from ..script import has_han
from ..textio import (check_line_lengths, declared_encoding, decode, encoding_problem, excerpt, open_binary,
                      read_bytes, refuse_long_lines)
from .mislabelled import is_single_byte, is_utf8_chinese
from .mislabelled import warning as mislabelled_warning
from .po_syntax import find_problem
from .positions import at_target
from .xml_safe import language_matches, wanted_languages

_DECLARED_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_UTF8_NAMES = {"utf-8", "utf8", "charset", "ascii", "us-ascii"}  # CHARSET: the POT template placeholder
_SYNTAX_ERROR_LINE = re.compile(r"\(line (\d+)\)")

# str.splitlines (which polib uses) also breaks lines at these characters, editors do not; they
# are swapped for private-use characters while polib parses, so its line numbers are the file's.
_EXTRA_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_STAND_INS = "".join(chr(0xF8F0 + index) for index in range(len(_EXTRA_LINE_BREAKS)))
_PROTECT = str.maketrans(_EXTRA_LINE_BREAKS, _STAND_INS)
_RESTORE = str.maketrans(_STAND_INS, _EXTRA_LINE_BREAKS)


def read(path: str, options) -> Iterator[SegmentPair]:
    text = _protect_line_breaks(_decoded_text(path, options.encoding, options))
    _check_strings(text, path)
    catalogue = _parse(text, path)
    lines = text.splitlines()
    _warn_about_what_msgfmt_refuses(text, catalogue, lines, path, options)
    swap = _reads_swapped(catalogue, options, path, lines)
    source_language, target_language = wanted_languages(options)
    # A catalogue whose Language says its msgstrs are English, or says nothing, is read as its scripts
    # say: told on every run, a Chinese-authored project would learn to skip its warnings. A Language
    # naming Chinese for English msgstrs is a contradiction, and said.
    declared_language = _declared_language(catalogue)
    if swap and declared_language is not None and not _same_language(declared_language, source_language):
        declared = catalogue.metadata.get("Language", "").strip()
        options.on_warning(f"{path}: the msgids are {target_language} and the msgstrs {source_language}"
                           f"{f' (Language: {declared})' if declared else ''}; "
                           f"read as {target_language} -> {source_language}")
    untranslated = fuzzy = 0
    first_untranslated: int | None = None
    for entry in catalogue:
        if entry.obsolete:
            continue
        line = _msgid_line(lines, entry.linenum)
        _refuse_mismatched_plural(entry, path, line)
        if "fuzzy" in entry.flags and not options.include_fuzzy:
            fuzzy += 1
            continue
        for sides in _sides(entry, swap):
            if not sides.original:
                continue
            if not sides.translation:
                untranslated += 1
                first_untranslated = first_untranslated or line
                continue
            source, target = (sides.translation, sides.original) if swap else (sides.original, sides.translation)
            context = entry.msgctxt.translate(_RESTORE) if entry.msgctxt else None
            location = Location(path, line, context)
            start = _text_start(lines, line, sides.translation_keyword)
            if start is not None:
                location = at_target(location, start[0] + 1, lines[start[0]], start[1], sides.translation)
            yield SegmentPair(source, target, location, from_chinese=swap)
    if untranslated:
        options.on_warning(f"{path}:{first_untranslated}: {untranslated} untranslated entr"
                           f"{'y' if untranslated == 1 else 'ies'} skipped (first one here)")
    if fuzzy:
        options.on_warning(f"{path}: {fuzzy} fuzzy entr{'y' if fuzzy == 1 else 'ies'} skipped; "
                           "pass --include-fuzzy to read them")


@dataclass(frozen=True)
class _Sides:
    """A msgid-side string of an entry and the msgstr-side string that translates it."""

    original: str
    translation: str
    translation_keyword: str  # the keyword whose string holds the translation: msgstr, msgstr[1]...


def _sides(entry: polib.POEntry, swap: bool) -> list[_Sides]:
    """The pairs of strings an entry gives. A plural entry gives the English plural: msgid_plural
    with msgstr[0], or in a swapped catalogue the msgid with the last msgstr form. When a further
    form says something else than msgstr[0] (nplurals=2), msgstr[0] translates msgid and each such
    form msgid_plural."""
    if not entry.msgid_plural:
        return [_Sides(_clean(entry.msgid), _clean(entry.msgstr), "msgstr")]
    forms = entry.msgstr_plural
    if swap:
        last = max(forms, default=0)
        return [_Sides(_clean(entry.msgid), _clean(forms[last]) if forms else "", f"msgstr[{last}]")]
    first = _clean(forms.get(0, ""))
    others = [(number, _clean(text)) for number, text in sorted(forms.items()) if number > 0]
    others = [(number, text) for number, text in others if text and text != first]
    if not first or not others:
        return [_Sides(_clean(entry.msgid_plural), first, "msgstr[0]")]
    return [_Sides(_clean(entry.msgid), first, "msgstr[0]")] + [
        _Sides(_clean(entry.msgid_plural), text, f"msgstr[{number}]") for number, text in others]


def _clean(text: str) -> str:
    return text.translate(_RESTORE).strip()


def _refuse_mismatched_plural(entry: polib.POEntry, path: str, line: int) -> None:
    """msgstr[0] belongs to an entry with msgid_plural and msgstr to one without, as msgfmt
    requires; polib reads either mix as untranslated, so a translation would be lost silently."""
    if entry.msgstr_plural and not entry.msgid_plural:
        raise InputFormatError("malformed PO: msgstr[0] without msgid_plural; write msgstr, or add the "
                               "msgid_plural", path=path, line=line)
    if entry.msgid_plural and entry.msgstr and not entry.msgstr_plural:
        raise InputFormatError("malformed PO: msgid_plural with a plain msgstr; write msgstr[0]", path=path, line=line)


def _reads_swapped(catalogue: polib.POFile, options, path: str, lines: list[str]) -> bool:
    """Whether the msgids are in the wanted target language and the msgstrs in the source one.

    For English and Chinese the scripts decide: more entries with Chinese only in the msgid than
    with Chinese only in the msgstr. When they do not (no such entries, other languages), the
    header's Language, the language of the msgstrs, decides. A Language that is neither wanted
    language, or the source language in a catalogue with no Chinese at all (en_GB), is refused."""
    source_language, target_language = wanted_languages(options)
    by_script: bool | None = None
    chinese_wanted = language_matches(target_language, "zh") and not language_matches(source_language, "zh")
    if chinese_wanted:
        chinese_msgid = chinese_msgstr = 0
        for entry in catalogue:
            sides = _sides(entry, swap=False)[0]
            original, translation = sides.original, sides.translation
            if entry.obsolete or not original or not translation:
                continue
            chinese_msgid += has_han(original) and not has_han(translation)
            chinese_msgstr += has_han(translation) and not has_han(original)
        if chinese_msgid != chinese_msgstr:
            by_script = chinese_msgid > chinese_msgstr
    declared = _declared_language(catalogue)
    if declared is None:
        return bool(by_script)
    if _same_language(declared, target_language):
        options.on_language(declared)
        return bool(by_script)
    if _same_language(declared, source_language) and (by_script is not None or not chinese_wanted):
        return True if by_script is None else by_script
    shown = catalogue.metadata["Language"].strip()
    raise OtherLanguageError(f"the catalogue translates into {shown} (Language: {shown}), not {target_language}; "
                             "pass --source-lang/--target-lang to read other languages",
                             path=path, line=_header_line(lines, "Language"))


def _declared_language(catalogue: polib.POFile) -> str | None:
    """The language code the header's Language names (that of the msgstrs), without a charset or
    modifier; None for none, or a name such as "Chinese (Simplified)", which is not compared."""
    declared = catalogue.metadata.get("Language", "").strip()
    if not _LANGUAGE_CODE.match(declared):
        return None
    return re.split(r"[.@]", declared, maxsplit=1)[0]  # sr@latin, zh_CN.UTF-8


# A language code as gettext writes one: ll, ll_CC, ll-Script, with an optional .charset or @modifier.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*(?:[.@]\S*)?$")


def _same_language(declared: str, wanted: str) -> bool:
    """zh_CN is zh, and zh is zh-CN too: a catalogue that says only `zh` is not refused for --target-lang zh-CN."""
    return language_matches(declared, wanted) or language_matches(wanted, declared)


def _header_line(lines: list[str], field: str) -> int | None:
    """The line of a header field such as `"Language: de\\n"`, for an error to point at."""
    field_line = re.compile(rf'\s*(?:msgstr\s*)?"{re.escape(field)}\s*:')
    return next((number for number, line in enumerate(lines, start=1) if field_line.match(line)), None)


def _decoded_text(path: str, encoding: str | None, options) -> str:
    """The file as text: --encoding if given, else the charset the header declares, else UTF-8.

    A GB2312 or GBK label is read as GB18030, its superset, as browsers do: files so labelled often
    hold GBK-only characters (镕). A single-byte charset (ISO-8859-1, windows-1252) left over from a
    template on a file whose bytes are UTF-8 Chinese would give mojibake: read as UTF-8, with a warning."""
    with open_binary(path) as handle:
        head = handle.read(4096)
    name = _declared_charset(head, path) if encoding is None else None
    if name is not None and declared_encoding(name) != name:
        encoding = declared_encoding(name)
    refuse_long_lines(path, encoding)
    data = read_bytes(path)
    if name is not None and encoding is None:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None  # an unknown charset: read as UTF-8, which reports any problem precisely
        if codec is not None and is_single_byte(codec) and is_utf8_chinese(data):
            options.on_warning(mislabelled_warning(path, f"charset={name}"))
        elif codec is not None:
            encoding = name
    text = decode(data, path, encoding)
    check_line_lengths(text, path)
    return text


def _declared_charset(head: bytes, path: str) -> str | None:
    """The charset the header declares (lower case), None for UTF-8 or none declared. A name
    Python knows but that is no charset (hex, base64, UTF-7: see textio.encoding_problem) is
    refused at its line; an unknown one is left to be read as UTF-8."""
    declared = _DECLARED_CHARSET.search(head)
    if declared is None:
        return None
    name = declared.group(1).decode("ascii")
    if name.lower() in _UTF8_NAMES:
        return None
    try:
        codecs.lookup(name)
    except LookupError:
        return name.lower()
    problem = encoding_problem(name, shown=f"the header's charset={name}")
    if problem is not None:
        raise InputFormatError(problem, path=path,
                               line=head.count(b"\n", 0, declared.start()) + 1)
    return name.lower()


def _protect_line_breaks(text: str) -> str:
    """The text with only the line breaks an editor shows, so polib counts lines like the editor.

    A line holding nothing but spaces and page breaks becomes empty, as polib would treat it."""
    lines = text.translate(_PROTECT).split("\n")
    blank = _STAND_INS + " \t\r"
    text = "\n".join("" if not line.strip(blank) else line for line in lines)
    return text if text.endswith("\n") else text + "\n"  # polib takes a string without a newline for a path


# A string line: a keyword (or none, for a continuation) and a quoted string. Obsolete entries (#~)
# are strings too; other comments are not read.
_STRING_LINE = re.compile(r'(?:#~\s*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*"')


def _check_strings(text: str, path: str) -> None:
    """Every string closes on its own line, as msgfmt requires: polib reads `msgstr "保存` (the
    closing quote lost) as 保 without a word, so the translation would silently lose a character.
    Other string errors (an inner quote without its backslash) polib reports itself."""
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        found = _STRING_LINE.match(line)
        if found and not _closed(line[found.end() - 1:]):
            raise InputFormatError("malformed PO: a string is not closed on its line", path=path, line=number)


# The escapes msgfmt accepts: C's, with octal digits and \x for hexadecimal.
_ESCAPE = re.compile(r"\\(.)")
_VALID_ESCAPES = frozenset("ntbrfva\\\"'?01234567x")


def _warn_about_what_msgfmt_refuses(text: str, catalogue: polib.POFile, lines: list[str], path: str,
                                    options) -> None:
    """One warning for escapes C does not have (\\q, which polib keeps as it is) and one for a
    msgid defined twice in one context: the catalogue is still read, but msgfmt will stop on it."""
    invalid = _invalid_escapes(text)
    if invalid:
        more = f"; {len(invalid) - 1:,} more" if len(invalid) > 1 else ""
        options.on_warning(f"{path}:{invalid[0][0]}: invalid escape \\{invalid[0][1]} in a string, which msgfmt "
                           f"refuses (a backslash itself is written \\\\){more}")
    first_lines: dict[tuple[str | None, str], int] = {}
    duplicates: list[tuple[int, int, str]] = []  # (line, line of the first definition, msgid)
    for entry in catalogue:
        if entry.obsolete:
            continue
        line = _msgid_line(lines, entry.linenum)
        first = first_lines.setdefault((entry.msgctxt, entry.msgid), line)
        if first != line:
            duplicates.append((line, first, entry.msgid))
    if duplicates:
        line, first, msgid = duplicates[0]
        more = f"; {len(duplicates) - 1:,} more" if len(duplicates) > 1 else ""
        options.on_warning(f'{path}:{line}: msgid "{excerpt(msgid.translate(_RESTORE))}" is defined twice (first on line '
                           f"{first}), which msgfmt refuses{more}")


def _invalid_escapes(text: str) -> list[tuple[int, str]]:
    """(line, character after the backslash) of each escape msgfmt refuses, obsolete entries aside."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if line.startswith("#") or not _STRING_LINE.match(line):
            continue
        found.extend((number, escape.group(1)) for escape in _ESCAPE.finditer(line[line.index('"'):])
                     if escape.group(1) not in _VALID_ESCAPES)
    return found


def _closed(string: str) -> bool:
    """Whether a string that opens with a quote ends with a quote no backslash escapes."""
    if len(string) < 2 or not string.endswith('"'):
        return False
    body = string[1:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 0


def _parse(text: str, path: str) -> polib.POFile:
    try:
        return polib.pofile(_continuations_joined(text), wrapwidth=0)
    except (OSError, ValueError, KeyError, IndexError) as error:
        message = str(error)
        match = _SYNTAX_ERROR_LINE.search(message)
        line = int(match.group(1)) if match else None
        if "): " in message:
            reason = message.split("): ", 1)[1]
        else:  # polib says only "syntax error": say which keyword is wrong, as msgfmt does
            problem = find_problem(text)
            if problem is not None and (line is None or problem.line <= line):  # not past where polib stopped
                reason, line = problem.reason, problem.line
            else:
                reason = "syntax error"
        raise InputFormatError(f"malformed PO: {reason}", path=path, line=line) from None


# A string line as polib reads one: an optional obsolete (#~) or previous (#|) mark, then a keyword
# and its string, or a string alone (a continuation); the string closed, every quote in it escaped.
_POLIB_STRING = re.compile(r'(?P<mark>#[~|]\s+)?(?:(?:msgctxt|msgid_plural|msgid|msgstr)\s+|msgstr\[\d+\]\s*)?'
                           r'(?P<string>"(?:[^"\\]|\\.)*")')


def _continuations_joined(text: str) -> str:
    """The text with each string's continuation lines joined onto the line it starts on, the
    lines they took left blank, which polib skips: its line numbers stay the file's. polib adds
    each continuation to the string read so far, copying it every time: a msgstr split over 1.6
    million lines took 50 s. Joined, it is read once. Only well-formed strings are joined, so
    polib reports any other at its own line as before."""
    lines = text.split("\n")
    head: int | None = None  # the line the strings below are joined onto
    mark = ""  # its obsolete or previous mark (#~, #|), which they share
    pieces: list[str] = []

    def join() -> None:
        if pieces:
            lines[head] = lines[head].rstrip()[:-1] + "".join(pieces) + '"'
            pieces.clear()

    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        found = _POLIB_STRING.fullmatch(stripped)
        if found is None:
            join()
            head = None
            continue
        line_mark = (found.group("mark") or "")[:2]  # `#~ "` and `#~  "` alike
        if head is not None and line_mark == mark and found.start("string") == max(found.end("mark"), 0):
            pieces.append(found.group("string")[1:-1])  # a string alone: a continuation of the head's
            lines[number] = ""
            continue
        join()
        head, mark = number, line_mark
    join()
    return "\n".join(lines)


def _text_start(lines: list[str], msgid_line: int, keyword: str) -> tuple[int, int] | None:
    """(line index, offset) where the text of an entry's `keyword` string (msgid, msgstr or
    msgstr[0]) starts: after the opening quote and spaces of its first string line that is not "".
    None when the file is not laid out so (the entry is then located at its msgid alone)."""
    opening = re.compile(rf'\s*{re.escape(keyword)}\s*"[ \t]*')
    index = msgid_line - 1
    found = None
    while index < len(lines) and found is None:
        found = opening.match(lines[index])
        index += found is None
    if found is None:
        return None
    while True:
        text = lines[index]
        if text[found.end():].rstrip() != '"':  # this string line holds text
            return index, found.end()
        index += 1  # `msgstr ""` and the text on the lines after it
        found = _CONTINUATION.match(lines[index]) if index < len(lines) else None
        if found is None:
            return None


_CONTINUATION = re.compile(r'\s*"[ \t]*')


def _msgid_line(lines: list[str], entry_line: int) -> int:
    """The line of an entry's msgid: polib counts an entry from its first comment line."""
    for index in range(max(entry_line - 1, 0), len(lines)):
        if lines[index].lstrip().startswith("msgid"):
            return index + 1
    return entry_line
