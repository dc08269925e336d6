"""Key presses for `glossary review`, each one a decision, in the order they were typed.

click's getchar sets the terminal raw for each read with TCSAFLUSH, which throws away the keys a
reviewer types while a decision is being saved, and hands several queued keys back as one string
that matches no command. Here the terminal stays in cbreak mode for the whole session (no echo,
no line editing; Ctrl-C still a signal, changed without flushing), a read is split into keys (an
escape sequence such as an arrow is one key), and the line after `e` is edited here (Backspace,
Ctrl-U, Ctrl-W), so the keys typed ahead with the `e` are part of it and can be erased like the rest.

A paste is text, never keys. The session turns on the terminal's bracketed-paste mode, so a paste
comes as one `Paste`: at the `e` prompt it goes into the line (its lines as renderings apart by
` / `) and only Enter takes it; at the key prompt it decides nothing. A terminal without that mode
sends a paste as bare characters, so whatever is already waiting after the Enter that ends the `e`
line (the rest of a pasted text, most likely) is thrown away, and shown as thrown away, rather than
run as decisions on candidates the reviewer never saw. Keys typed ahead between decisions are not
touched: only the `e` line's Enter drops what came in with it.

From a pipe (`printf 'aar' | glossary review`) a key is one character, line ends ignored; after
`e` the new target is the rest of the line, or the next line when `e` ends its line.
"""

from __future__ import annotations

import codecs
import os
import select
import sys
from collections import deque
from dataclasses import dataclass

from rich.cells import cell_len

_ESCAPE = "\x1b"
_END_OF_INPUT = "\x04"  # Ctrl-D, which cbreak mode reads as a character
_PASTE_START, _PASTE_END = "\x1b[200~", "\x1b[201~"  # how a terminal in bracketed-paste mode wraps a paste
_BRACKETED_PASTE_ON, _BRACKETED_PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"
_UP = ("\x1b[A", "\x1bOA")
_ESCAPE_WAIT = 0.05  # seconds the rest of an escape sequence may take to arrive; a lone Esc waits this long
_PASTE_SETTLE = 0.03  # seconds of quiet after which the input that came with an Enter is all there


@dataclass(frozen=True)
class Paste:
    """Text the terminal says was pasted: never a key, whatever characters it holds."""

    text: str


class KeyReader:
    def __init__(self, stream=None, screen=None) -> None:
        self.stream = stream or sys.stdin
        self.screen = screen or sys.stdout
        self.terminal = self.stream.isatty()
        self.mid_line = False  # a prompt is on screen, waiting: whatever is printed next needs a line of its own
        self.dropped = ""  # what the last line's Enter threw away, quoted, for the caller to show
        self._pending: deque = deque()
        self._carry = ""  # the start of an escape sequence whose end has not been read yet
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._normal_mode = None  # the terminal's settings before the session, while in cbreak mode
        self._pasting = False
        self._ahead: str | None = None  # the first piped key, read by has_keys and not yet taken ("": none came)

    def __enter__(self) -> "KeyReader":
        if self.terminal:
            import termios
            import tty

            fd = self.stream.fileno()
            self._normal_mode = termios.tcgetattr(fd)
            tty.setcbreak(fd, termios.TCSANOW)
            if _screen_is_a_terminal(self.screen):
                self._pasting = True
                self._echo(_BRACKETED_PASTE_ON)
        return self

    def __exit__(self, *_) -> None:
        if self._pasting:
            self._pasting = False
            self._echo(_BRACKETED_PASTE_OFF)
        if self._normal_mode is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSANOW, self._normal_mode)
            self._normal_mode = None

    def key(self) -> str | Paste:
        """The next key press, or a Paste. EOFError when input ends (Ctrl-D on a terminal)."""
        self.mid_line = True
        if not self.terminal:
            char = self._ahead if self._ahead is not None else self._piped_key()
            self._ahead = None
            if not char:
                raise EOFError
            self.mid_line = False
            return char
        key = self._terminal_key()
        if key == _END_OF_INPUT:
            raise EOFError
        self.mid_line = False
        return key

    def has_keys(self) -> bool:
        """Whether there are keys to read: always on a terminal; piped input holds one, or was
        empty (`< /dev/null`, a CI step's standard input), where a session would decide nothing."""
        if self.terminal:
            return True
        if self._ahead is None:
            self._ahead = self._piped_key()
        return bool(self._ahead)

    def _piped_key(self) -> str:
        """The next piped character but line ends, or "" at the end of the input."""
        while True:
            char = self.stream.read(1)
            if not char or char not in "\r\n":
                return char

    def line(self, console, prompt: str, *, current: str = "") -> str:
        """A line typed after a key, asked for with `prompt` (rich markup) on `console`. On a
        terminal it is edited here, in cbreak mode, so keys typed ahead with the `e` are part of it
        and Backspace, Ctrl-U and Ctrl-W work on them as on the rest; Tab (or the Up arrow) puts
        `current` on the line, to change rather than retype. A paste goes into the line, its lines
        apart by ` / `; input already waiting after the Enter is dropped, and kept in `dropped` to
        be shown. EOFError when input ends."""
        console.print(prompt, end="", soft_wrap=True)  # the terminal wraps it: rich would drop its last space
        self.mid_line = True
        self.dropped = ""
        if not self.terminal:
            rest = self.stream.readline()
            if rest in ("\n", "\r\n"):  # `e` ended its line: the target is on the next one
                rest = self.stream.readline()
            if not rest:
                raise EOFError
            self.mid_line = False
            return rest.rstrip("\r\n")
        typed: list[str] = []
        while True:
            key = self._terminal_key()
            if isinstance(key, Paste):
                self._type(typed, pasted_line(key.text))
            elif key in ("\r", "\n"):
                self._echo("\n")
                self.mid_line = False
                self.dropped = _shown(self._drop_waiting_input())
                return "".join(typed)
            elif key == _END_OF_INPUT and not typed:
                raise EOFError
            elif key in _ERASE or key in (_KILL, _WORD_ERASE):
                self._rub_out(_erase(typed, key))
            elif (key == "\t" or key in _UP) and current:
                self._rub_out(_erase(typed, _KILL))
                self._type(typed, current)
            elif key.isprintable():
                self._type(typed, key)

    def _type(self, typed: list[str], text: str) -> None:
        typed.extend(text)
        self._echo(text)

    def _rub_out(self, erased: list[str]) -> None:
        """Take erased characters off the screen, the last first, as it was typed last."""
        self._echo("".join("\b" * cell_len(char) + " " * cell_len(char) + "\b" * cell_len(char)
                           for char in erased))

    def _terminal_key(self) -> str | Paste:
        key = self._raw_key()
        if key != _PASTE_START:
            return key
        parts = []
        while (key := self._raw_key()) != _PASTE_END:
            parts.append(key)
        return Paste("".join(parts))

    def _raw_key(self) -> str:
        """The next key the terminal sent; an escape sequence split across reads is put back whole."""
        while not self._pending:
            if self._carry and not self._readable(_ESCAPE_WAIT):
                self._pending.extend(split_keys(self._carry))  # a lone Esc, not the start of a sequence
                self._carry = ""
                break
            text = self._carry + self._read()
            cut = _incomplete_escape(text)
            self._carry = text[cut:]
            self._pending.extend(split_keys(text[:cut]))
        return self._pending.popleft()

    def _read(self) -> str:
        data = os.read(self.stream.fileno(), 4096)
        if not data:
            raise EOFError
        return self._decoder.decode(data)

    def _readable(self, timeout: float) -> bool:
        return bool(select.select([self.stream.fileno()], [], [], timeout)[0])

    def _drop_waiting_input(self) -> str:
        """Throw away the input that came in with the Enter ending the line, and what follows it
        without a pause: the rest of a paste the terminal did not mark as one. Returns it as text."""
        dropped = [key.text if isinstance(key, Paste) else key for key in self._pending]
        self._pending.clear()
        dropped.append(self._carry)
        self._carry = ""
        while self._readable(_PASTE_SETTLE):
            try:
                dropped.append(self._read())
            except EOFError:
                break
        return "".join(dropped)

    def _echo(self, text: str) -> None:
        """Echo as the terminal would: cbreak mode leaves it to us."""
        self.screen.write(text)
        self.screen.flush()


_ERASE = ("\x7f", "\x08")  # Backspace, as terminals send it
_KILL = "\x15"  # Ctrl-U: the whole line
_WORD_ERASE = "\x17"  # Ctrl-W: the last word


def _screen_is_a_terminal(screen) -> bool:
    try:
        return screen.isatty() and os.environ.get("TERM", "") not in ("", "dumb")
    except (AttributeError, ValueError):
        return False


def pasted_line(text: str) -> str:
    """Pasted text as it goes into the `e` line: each of its lines a rendering, apart by ` / ` as
    review shows a list; blank lines, a final line break and control characters left out."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = ["".join(char if char.isprintable() else " " for char in line).strip() for line in lines]
    return " / ".join(line for line in kept if line)


def _shown(dropped: str) -> str:
    """Dropped input in a message: quoted, its line breaks and controls as spaces, cut to a line;
    empty when there was none."""
    text = " ".join("".join(char if char.isprintable() else " " for char in dropped).split())
    return repr(text if len(text) <= 40 else text[:39] + "…") if text else ""


def _erase(typed: list[str], key: str) -> list[str]:
    """Take the characters `key` erases off the end of `typed`; return them, last first."""
    if key == _KILL:
        count = len(typed)
    elif key == _WORD_ERASE:
        count = 0
        while count < len(typed) and typed[-1 - count] == " ":
            count += 1
        while count < len(typed) and typed[-1 - count] != " ":
            count += 1
    else:
        count = min(1, len(typed))
    return [typed.pop() for _ in range(count)]


def _incomplete_escape(text: str) -> int:
    """Where an escape sequence begins that `text` ends before finishing (an Esc, `ESC [ 2 0`),
    else len(text): the read split it, and its rest is on the way."""
    start = text.rfind(_ESCAPE)
    if start == -1:
        return len(text)
    rest = text[start + 1:]
    if not rest:
        return start
    if rest[0] == "O" and len(rest) == 1:
        return start
    if rest[0] == "[" and all("\x20" <= char <= "\x3f" for char in rest[1:]):
        return start
    return len(text)


def split_keys(text: str) -> list[str]:
    """`aa` is two keys; `\\x1b[A` (an arrow) is one, as is a lone Esc."""
    keys: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        end = index + 1
        if char == _ESCAPE and end < len(text) and text[end] in "[O":
            end += 1
            while end < len(text) and not "\x40" <= text[end] <= "\x7e":
                end += 1
            end = min(end + 1, len(text))
        keys.append(text[index:end])
        index = end
    return keys
