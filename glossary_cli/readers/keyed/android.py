"""Android string resources: `res/values/strings.xml` and its `res/values-zh-rCN/` translation.

Read: `<string name>` and `<item type="string" name>` (key: the name), each `<item>` of a
`<string-array>` (key `name[0]`) and each quantity of `<plurals>` (key `name[other]`). A string for a
product other than the default one (`product="tablet"`) is keyed `name#tablet`, and pairs with the
translation for that product, or with the default one where the translation has none for it. Left out: `translatable="false"` strings, which
are not translated (read with no text, so that a translation holding one is not "left over"), and references to other resources (`@string/app_name`), which hold no text.

The text is what the app shows, as aapt builds it: escapes read (`\\'`, `\\"`, `\\n`, `\\@`,
`\\?`, `\\u4e2d`), double quotes that keep white space removed, other runs of white space made one
space, CDATA read as text. An `<xliff:g>` marks what is not to be translated (a placeholder, an
app name): it stands where a word would, as an XLIFF `<ph>` does; styling tags (`<b>`, `<i>`,
`<annotation>`) keep the words they wrap. Entities the file declares with their text, as in
`<!DOCTYPE resources [<!ENTITY app_name "Notely">]>`, are expanded, as aapt expands them; external
ones are refused, and expansion is bounded (xml_entities). Parsed with xml_safe, which refuses
attribute declarations (<!ATTLIST>) here too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator

from ...errors import GlossaryError, InputFormatError
from ...textio import read_text
from ..xml_safe import CODE_MARK, XmlEvent, expect_root, iter_xml, local_name
from . import KeyedString
from .offsets import LineIndex

_XLIFF_NAMESPACES = ("urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:2.0")
_REFERENCE = re.compile(r"^[@?](?:[\w.]+:)?[\w.]+/[\w.]+$")  # @string/app_name, ?attr/x, @android:string/ok
_CODE = "\x00"  # stands for an <xliff:g> while the text is built (XML text never holds U+0000)
_CODE_RUN = re.compile("\x00(?:[ \t\n]*\x00)*")
_ESCAPED = {"n": "\n", "t": "\t"}
_SPACE = " \t\r\n"


def read(path: str, options) -> Iterator[KeyedString]:
    lines = _file_lines(path, options.encoding)
    # An <item> ends before the <string-array> or <plurals> holding it, and is detached from it
    # then (xml_safe keeps memory flat): the container's start says whose item it is.
    events = iter_xml(path, starts=_CONTAINERS, ends=frozenset({"string", "item"}) | _CONTAINERS,
                      marked=frozenset({"string", "item"}), segments=frozenset({"string", "item"}),
                      encoding=options.encoding,
                      kind="Android resources XML", on_warning=options.on_warning, internal_entities=True)
    container: ElementTree.Element | None = None
    container_kind, index = "", 0
    for event in events:
        if event.kind == "root":
            expect_root(event, {"resources"}, "Android resources", path)
            continue
        element = event.element
        if event.kind == "start":
            container, container_kind, index = element, event.name, 0
            continue
        if event.name in _CONTAINERS:
            container = None
            continue
        if event.name == "item" and container is not None:
            index += 1
            resource, name = container, _resource_name(container)
            if name is None:
                continue
            if container_kind == "plurals":
                key, plural_of = f"{name}[{element.get('quantity') or str(index - 1)}]", name
            else:
                key, plural_of = f"{name}[{index - 1}]", None
        elif event.name == "string" or (event.name == "item" and element.get("type") == "string"):
            resource, name = element, _resource_name(element)
            if name is None:
                continue
            key, plural_of = name, None
        else:  # an <item type="dimen">, an <item> of an <array> of another type
            continue
        if resource.get("translatable") == "false":  # its key, that a translation holding it is not "left over"
            yield KeyedString(key, "", event.line, event.line, 1, 1, plural_of)
            continue
        string = _string(lines, path, key, element, event, event.line, plural_of)
        if string is not None:
            yield string


_CONTAINERS = frozenset({"string-array", "plurals"})


def _resource_name(element: ElementTree.Element) -> str | None:
    """The key of a resource: its name, and the product it is for when that is not the default
    one (`upgrade#tablet`): aapt builds one product's string of each name, so each product
    variant pairs with the same product's translation. None for a resource without a name."""
    name = element.get("name")
    if not name:
        return None
    product = element.get("product")
    return f"{name}#{product}" if product and product != "default" else name


def _string(lines: LineIndex | None, path: str, key: str, element: ElementTree.Element, event: XmlEvent, line: int,
            plural_of: str | None) -> KeyedString | None:
    """The string an element holds, or None for an empty one or a reference to another resource."""
    start = event.text_start(element)
    try:
        text = resource_text(element)
    except RecursionError:
        raise InputFormatError(f'<string name="{key}"> is nested too deeply', path=path, line=line) from None
    except _MalformedEscape as error:
        raise InputFormatError(f'malformed \\u escape "{error.escape}" in <string name="{key}">; aapt2 refuses it '
                               "(invalid unicode escape sequence)", path=path,
                               **_where_in_text(lines, element, start, error.index, line)) from None
    if not text or _REFERENCE.match(text):
        return None
    if start is None:  # the text is all in codes (<xliff:g>)
        return KeyedString(key, text, line, line, 1, 1, plural_of)
    column, column_utf16 = start.column, start.column_utf16 or start.column
    if (element.text or "").lstrip(_SPACE).startswith('"'):  # the words start after aapt's quote
        column, column_utf16 = column + 1, column_utf16 + 1
    verbatim = lines is not None and lines.shows(lines.starts[start.line - 1] + column - 1, text)
    return KeyedString(key, text, line, start.line, column, column_utf16, plural_of, verbatim)


def _where_in_text(lines: LineIndex | None, element: ElementTree.Element, start, index: int,
                   line: int) -> dict[str, int | None]:
    """The line and column of character `index` of the element's text, when it is in the text
    before any child element and the file holds the text up to it as it is (no line break, no
    entity); else the line the words start on."""
    raw = element.text or ""
    lead = len(raw) - len(raw.lstrip(_SPACE))
    if start is None:
        return {"line": line}
    written = lines is not None and lines.shows(lines.starts[start.line - 1] + start.column - 1, raw[lead:index])
    if lead <= index < len(raw) and written:
        return {"line": start.line, "column": start.column + index - lead}
    return {"line": start.line}


def _file_lines(path: str, encoding: str | None) -> LineIndex | None:
    """The file's text, to tell where it shows a string as it is; None when it is not UTF-8 or
    UTF-16 (the XML parser reads it all the same, and reports what is wrong with it)."""
    try:
        return LineIndex(read_text(path, encoding))
    except GlossaryError:
        return None


def resource_text(element: ElementTree.Element) -> str:
    """The text an app shows for a <string> or <item> (see the module docstring), with each run
    of <xliff:g> codes between words as CODE_MARK."""
    pieces: list[str] = []
    _collect(element, pieces)
    text = unescape("".join(pieces)).strip(_SPACE + _CODE)
    return _CODE_RUN.sub(CODE_MARK, text)


def _collect(element: ElementTree.Element, pieces: list[str]) -> None:
    pieces.append(element.text or "")
    for child in element:
        if _is_xliff_g(child):
            pieces.append(_CODE)
        elif isinstance(child.tag, str):
            _collect(child, pieces)
        pieces.append(child.tail or "")


def _is_xliff_g(element: ElementTree.Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    return local_name(tag) == "g" and any(tag.startswith("{" + uri + "}") for uri in _XLIFF_NAMESPACES)


class _MalformedEscape(ValueError):
    """A `\\u` not followed by four hex digits, at `index` of the text, written `escape`."""

    def __init__(self, index: int, escape: str) -> None:
        super().__init__(escape)
        self.index = index
        self.escape = escape


_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_AS_WRITTEN = re.compile(r"\\u[0-9A-Za-z]{0,4}")


def unescape(raw: str) -> str:
    """Android's reading of a string: backslash escapes, `"` quoting (white space inside kept,
    the quotes dropped), other white space runs made one space. A `\\u` without four hex digits
    is _MalformedEscape, as aapt2 refuses it."""
    out: list[str] = []
    quoted = False
    spaced = False  # the last character out is a space made from a run of white space
    index = 0
    while index < len(raw):
        character = raw[index]
        if character == "\\" and index + 1 < len(raw):
            escaped = raw[index + 1]
            hex_digits = raw[index + 2:index + 6]
            if escaped == "u":
                if not _HEX4.fullmatch(hex_digits):
                    raise _MalformedEscape(index, _AS_WRITTEN.match(raw, index).group())
                out.append(chr(int(hex_digits, 16)))
                index += 6
            else:
                out.append(_ESCAPED.get(escaped, escaped))  # \' \" \@ \? \\ and any other: the character
                index += 2
            spaced = False
        elif character == '"':
            quoted = not quoted
            index += 1
        elif character in _SPACE and not quoted:
            if not spaced:
                out.append(" ")
                spaced = True
            index += 1
        else:
            out.append(character)
            spaced = False
            index += 1
    return "".join(out)
