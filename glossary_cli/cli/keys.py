"""Key presses for `glossary review`, each one a decision, in the order they were typed.

click's getchar sets the terminal raw for each read with TCSAFLUSH, which throws away the keys a
reviewer types while a decision is being saved, and hands several queued keys back as one string
that matches no command. Here the terminal stays in cbreak mode for the whole session (no echo,
no line editing; Ctrl-C still a signal, changed without flushing), a read is split into keys (an
escape sequence such as an arrow is one key), and the line after `e` is edited here (Backspace,
Ctrl-U, Ctrl-W), so the keys typed ahead with the `e` are part of it and can be erased like the rest.

From a pipe (`printf 'aar' | glossary review`) a key is one character, line ends ignored; after
`e` the new target is the rest of the line, or the next line when `e` ends its line.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections import deque

from rich.cells import cell_len

_ESCAPE = "\x1b"
_END_OF_INPUT = "\x04"  # Ctrl-D, which cbreak mode reads as a character


class KeyReader:
    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stdin
        self.terminal = self.stream.isatty()
        self._pending: deque[str] = deque()
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._normal_mode = None  # the terminal's settings before the session, while in cbreak mode

    def __enter__(self) -> "KeyReader":
        if self.terminal:
            import termios
            import tty

            fd = self.stream.fileno()
            self._normal_mode = termios.tcgetattr(fd)
            tty.setcbreak(fd, termios.TCSANOW)
        return self

    def __exit__(self, *_) -> None:
        if self._normal_mode is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSANOW, self._normal_mode)
            self._normal_mode = None

    def key(self) -> str:
        """The next key press. EOFError when input ends (Ctrl-D on a terminal)."""
        if not self.terminal:
            while True:
                char = self.stream.read(1)
                if not char:
                    raise EOFError
                if char not in "\r\n":
                    return char
        key = self._terminal_key()
        if key == _END_OF_INPUT:
            raise EOFError
        return key

    def line(self, console, prompt: str) -> str:
        """A line typed after a key, asked for with `prompt` (rich markup) on `console`. On a
        terminal it is edited here, in cbreak mode, so keys typed ahead with the `e` are part of it
        and Backspace, Ctrl-U and Ctrl-W work on them as on the rest. EOFError when input ends."""
        console.print(prompt, end="")
        if not self.terminal:
            rest = self.stream.readline()
            if rest in ("\n", "\r\n"):  # `e` ended its line: the target is on the next one
                rest = self.stream.readline()
            if not rest:
                raise EOFError
            return rest.rstrip("\r\n")
        typed: list[str] = []
        while True:
            key = self._terminal_key()
            if key in ("\r", "\n"):
                self._echo("\n")
                return "".join(typed)
            if key == _END_OF_INPUT and not typed:
                raise EOFError
            if key in _ERASE or key in (_KILL, _WORD_ERASE):
                erased = _erase(typed, key)
                self._echo("".join("\b" * cell_len(char) + " " * cell_len(char) + "\b" * cell_len(char)
                                   for char in erased))  # the last character first, as it was typed last
            elif key.isprintable():
                typed.append(key)
                self._echo(key)

    def _terminal_key(self) -> str:
        while not self._pending:
            data = os.read(self.stream.fileno(), 64)
            if not data:
                raise EOFError
            self._pending.extend(split_keys(self._decoder.decode(data)))
        return self._pending.popleft()

    def _echo(self, text: str) -> None:
        """Echo as the terminal would: cbreak mode leaves it to us."""
        sys.stdout.write(text)
        sys.stdout.flush()


_ERASE = ("\x7f", "\x08")  # Backspace, as terminals send it
_KILL = "\x15"  # Ctrl-U: the whole line
_WORD_ERASE = "\x17"  # Ctrl-W: the last word


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
