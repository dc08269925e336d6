"""A Markdown page (CommonMark, as MkDocs and Docusaurus sites write it) read as the text blocks a
translator translates: headings, paragraphs, list items, table cells, admonition titles, and the
front matter's `title`, `description`, `sidebar_label` and `pagination_label`.

What a page holds that is not text to translate is never read: the other front matter keys (a
`slug`, `tags`, an `id`), fenced and indented code, HTML blocks and comments of any length, link
and image destinations (their text and alt text are read), heading anchors and attribute lists
(`{#id}`, `{: .class}`), admonition markers (`!!! note`, `:::tip`; their titles are read), MDX
`import`/`export` lines and `{/* comments */}`, and lines holding only an empty anchor tag
(`<a id="faq"></a>`, which CommonMark would take for an HTML block swallowing the paragraph below).
Inline code stays in the text with its backticks, a placeholder (see placeholders.py): never a term.

Each block knows its kind (`paragraph in a list item`) so that `markdown_pages` can pair an
English page with its translation block by block, and where its text starts, for check's columns.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..errors import InputFormatError
from ..script import has_han
from ..textio import read_text, text_lines

MARKDOWN_EXTENSIONS = (".md", ".mdx", ".markdown")

# Front matter values a docs site shows as text (the page title, the sidebar and pager labels, the
# meta description); every other key is a slug, an id, a tag or a setting, and stays as it is.
TRANSLATED_FRONT_MATTER = ("title", "description", "sidebar_label", "pagination_label")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MKDOCS_ADMONITION = re.compile(r'^(?P<indent>\s*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*'
                                r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
_DOCUSAURUS_OPEN = re.compile(r"^\s*:{3,}[ \t]*[A-Za-z][\w-]*[ \t]*(?:\[(?P<bracketed>[^\]]*)\]|(?P<title>[^{]*?))"
                              r"[ \t]*(?:\{[^}]*\})?[ \t]*$")
_DOCUSAURUS_CLOSE = re.compile(r"^\s*:{3,}\s*$")
_MDX_ESM = re.compile(r"""^(?:import\s+(?:['"]|[\w*{].*\bfrom\s+['"])|export\s+(?:const|let|var|default|function)\b)""")
_MDX_COMMENT = re.compile(r"^\s*\{/\*.*\*/\}\s*$")
_EMPTY_ANCHOR = re.compile(r"^\s*<(a|span)\b[^<>]*>\s*</\1>\s*$", re.IGNORECASE)
_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<quote>['\"]?)")
_ATTRIBUTE_LIST = re.compile(r"\s*\{:?[ \t]*[#.:][^{}]*\}\s*$")  # {#smart-grid}, {: .note }, {.class #id}
_CJK_EDGE = re.compile("[\u3000-\u303f\uff00-\uffef\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@dataclass(frozen=True)
class TextBlock:
    """One block of a page and its text (empty for an admonition without a title, an empty cell).

    `kind` names the block and the blocks holding it, innermost first (`paragraph in a list
    item`); `line` is where the block starts, `text_line` and `offset` (0-based, in `line_text`)
    where its text starts: check points there."""

    kind: str
    text: str
    line: int
    text_line: int
    line_text: str
    offset: int

    @property
    def starts_section(self) -> bool:
        """A heading outside lists and quotes: it starts a section (see markdown_pages)."""
        return self.kind.endswith(" heading")


@dataclass(frozen=True)
class PageNote:
    """Text of the page that is not read as text, and why: said as a warning at `line`."""

    line: int
    message: str


@dataclass(frozen=True)
class Page:
    path: str
    blocks: tuple[TextBlock, ...]  # in page order
    front_matter: dict[str, TextBlock]  # the translated keys it has, by key
    notes: tuple[PageNote, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [block.text for block in (*self.front_matter.values(), *self.blocks) if block.text]

    @property
    def has_chinese(self) -> bool:
        return any(has_han(text) for text in self.texts)


def is_markdown(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in MARKDOWN_EXTENSIONS


def read_page(path: str, encoding: str | None = None) -> Page:
    """The text blocks of a Markdown file."""
    original = text_lines(read_text(path, encoding))
    if original and original[0].startswith("\ufeff"):
        original[0] = original[0][1:]
    lines = list(original)
    front_matter = _front_matter(path, lines)
    admonitions = _admonitions(lines)
    _blank_non_text_lines(lines)
    tokens = _parsed(lines, COMMONMARK_NESTING)
    if _nested_too_deeply(tokens, lines, COMMONMARK_NESTING):
        tokens = _parsed(lines, MAX_NESTING)
    notes = (*_unclosed_fences(tokens, lines), *_nested_too_deeply(tokens, lines, MAX_NESTING))
    return Page(path, tuple(_merged(_blocks(tokens, original), admonitions)), front_matter, notes)


def _front_matter(path: str, lines: list[str]) -> dict[str, TextBlock]:
    """The translated values of a YAML front matter (`---` ... `---` on the first lines), whose
    lines are then blanked; a TOML one (`+++`, Hugo) is blanked unread."""
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return {}
    fence = lines[0].rstrip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    end = next((index for index in range(1, len(lines)) if lines[index].rstrip() in closers), None)
    if end is None:
        return {}  # a thematic break, not front matter
    found: dict[str, TextBlock] = {}
    if fence == "---":
        values = _yaml_mapping(path, lines[1:end])
        for index in range(1, end):
            match = _FRONT_MATTER_KEY.match(lines[index])
            key = match.group("key") if match else None
            if key in TRANSLATED_FRONT_MATTER and isinstance(values.get(key), str) and key not in found:
                text = " ".join(values[key].split())
                found[key] = TextBlock(f"front matter {key}", text, index + 1, index + 1, lines[index], match.end())
    for index in range(end + 1):
        lines[index] = ""
    return found


def _yaml_mapping(path: str, lines: list[str]) -> dict:
    import yaml

    try:
        values = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputFormatError("the front matter is not valid YAML: " + str(getattr(error, "problem", "") or error),
                               path=path, line=mark.line + 2 if mark is not None else 2) from None
    except RecursionError:  # PyYAML's composer recurses once per level
        raise InputFormatError("the front matter nests too deeply to read", path=path, line=2) from None
    return values if isinstance(values, dict) else {}


def _admonitions(lines: list[str]) -> list[TextBlock]:
    """The admonitions of MkDocs (`!!! note "Title"` over an indented body) and Docusaurus
    (`:::tip Title` ... `:::`), each an `admonition` block holding its title: their marker lines
    are blanked and an MkDocs body is unindented, so CommonMark reads the body as the blocks it is
    (otherwise it is one paragraph with the marker, or indented code)."""
    found: list[TextBlock] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            index += 1
            continue
        if opened:
            fence = opened.group(1)
            index += 1
            continue
        mkdocs = _MKDOCS_ADMONITION.match(line)
        docusaurus = None if mkdocs else _DOCUSAURUS_OPEN.match(line)
        if mkdocs or docusaurus:
            match = mkdocs or docusaurus
            group = "title" if mkdocs or docusaurus.group("bracketed") is None else "bracketed"
            title = (match.group(group) or "").strip()
            offset = match.start(group) if match.group(group) is not None else len(line) - len(line.lstrip())
            offset += len(match.group(group) or "") - len((match.group(group) or "").lstrip())
            found.append(TextBlock("admonition", title, index + 1, index + 1, line, offset))
            lines[index] = ""
            if mkdocs:
                _unindent_body(lines, index + 1, len(mkdocs.group("indent")) + 4)
        elif _DOCUSAURUS_CLOSE.match(line):
            lines[index] = ""
        index += 1
    return found


def _unindent_body(lines: list[str], start: int, indent: int) -> None:
    """Unindent the body of an MkDocs admonition: the blank lines and the lines indented by at
    least `indent` that follow its marker."""
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        expanded = line.expandtabs(4)
        if len(expanded) - len(expanded.lstrip()) < indent:
            return
        lines[index] = expanded[indent:]


def _blank_non_text_lines(lines: list[str]) -> None:
    """Blank the MDX module lines and comments and the empty anchor tags outside code fences
    (a blank line keeps every other line's number)."""
    fence: str | None = None
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
        elif _MDX_ESM.match(line) or _MDX_COMMENT.match(line) or _EMPTY_ANCHOR.match(line):
            lines[index] = ""


# How deeply lists and quotes may nest before markdown-it stops reading what is inside (a list
# takes two levels: the list and its item). CommonMark's preset stops at 20, ten lists deep, which a
# long outline reaches; a page that does is parsed again with 100 (markdown-it's default preset),
# fifty lists deep, far inside Python's recursion limit. Only such a page: the limit bounds inline
# nesting too, and a line of 50,000 `[` took four times as long under 100.
COMMONMARK_NESTING, MAX_NESTING = 20, 100


def _parsed(lines: list[str], nesting: int) -> list:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"maxNesting": nesting}).enable(["table", "strikethrough"])
    return parser.parse("\n".join(lines) + "\n")


def _unclosed_fences(tokens, lines: list[str]) -> list[PageNote]:
    """A code fence never closed: CommonMark makes the rest of the page (or of the list item or
    quote holding the fence) code, so its text is never read, and the page shows it as code."""
    notes = []
    for token in tokens:
        if token.type != "fence" or not token.map:
            continue
        first, end = token.map
        fence = token.markup
        closing = lines[end - 1].lstrip(" \t>") if end - 1 > first else ""
        closed = closing.startswith(fence) and not closing.rstrip().strip(fence[0])
        if not closed:
            rest = "the page" if end >= len(lines) else "the list item or quote"
            notes.append(PageNote(first + 1, f"code fence opened here is never closed: the rest of {rest} is "
                                             "read as code"))
    return notes


def _nested_too_deeply(tokens, lines: list[str], nesting: int) -> list[PageNote]:
    """Where lists or quotes nest deeper than `nesting` allows: markdown-it reads nothing inside."""
    unread = [token.map for token in tokens if token.type in _CONTAINERS and token.level >= nesting - 1
              and token.map and any(character.isalnum() for line in lines[slice(*token.map)] for character in line)]
    if not unread:
        return []
    return [PageNote(unread[0][0] + 1, f"lists or quotes nested too deeply to read (more than {nesting // 2 - 1} "
                                       f"lists or {nesting - 1} quotes deep): the text inside, to line "
                                       f"{max(end for _, end in unread)}, is not read")]


_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list item"}
_CLOSERS = {"blockquote_close", "list_item_close"}
_LEAVES = {"paragraph_open": "paragraph", "th_open": "table header cell", "td_open": "table cell"}


def _blocks(tokens, original: list[str]) -> list[TextBlock]:
    """The text blocks of markdown-it's tokens; code, HTML and thematic breaks hold none."""
    blocks: list[TextBlock] = []
    containers: list[str] = []
    leaf = "paragraph"
    row_line, cursor = -1, 0  # the cells of a table row share one line: each is looked for after the last
    for token in tokens:
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type in _CLOSERS:
            containers.pop()
        elif token.type == "heading_open":
            leaf = f"level-{token.tag[1:]} heading"
        elif token.type in _LEAVES:
            leaf = _LEAVES[token.type]
        elif token.type == "inline" and token.map:
            line_index = token.map[0]
            line_text = original[line_index] if line_index < len(original) else ""
            if line_index != row_line:
                row_line, cursor = line_index, 0
            first_line = token.content.split("\n", 1)[0]
            found = line_text.find(first_line, cursor) if first_line else -1
            offset = found if found >= 0 else len(line_text) - len(line_text.lstrip())
            cursor = offset + len(first_line)
            kind = " in a ".join([leaf, *reversed(containers)])
            blocks.append(TextBlock(kind, _text(token.children or []), line_index + 1, line_index + 1,
                                    line_text, offset))
    return blocks


def _text(children) -> str:
    """The text of an inline token: link text and image alt text kept, their destinations left
    out, inline code kept as a `code` placeholder, HTML tags kept for the placeholders to mask, a
    line break a space (none between Chinese characters), a trailing attribute list left out."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "html_inline"):
            parts.append(child.content)
        elif child.type == "code_inline":
            parts.append("`" + child.content.replace("`", "'") + "`")
        elif child.type == "image":
            parts.append(_text(child.children or []))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    text = "".join(parts)
    if "\n" in text:
        text = re.sub(r"[ \t]*\n[ \t]*", lambda match: _line_break(text, match.start(), match.end()), text)
    return _ATTRIBUTE_LIST.sub("", text).strip()


def _line_break(text: str, start: int, end: int) -> str:
    """What a line break inside a block reads as: nothing between Chinese text, else a space."""
    before, after = text[start - 1:start], text[end:end + 1]
    return "" if _CJK_EDGE.match(before) and _CJK_EDGE.match(after) else " "


def joined(first: TextBlock, second: TextBlock) -> TextBlock:
    """Two blocks of a page read as one, where the first is: a paragraph its translation splits in two."""
    text = first.text + _line_break(first.text + "\n" + second.text, len(first.text), len(first.text) + 1) + second.text
    return TextBlock(first.kind, text, first.line, first.text_line, first.line_text, first.offset)


def _merged(blocks: list[TextBlock], admonitions: list[TextBlock]) -> list[TextBlock]:
    """The parsed blocks and the admonition blocks, in page order."""
    return sorted([*blocks, *admonitions], key=lambda block: block.line)  # stable: cells keep their order
