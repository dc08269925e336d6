"""Key presses for `glossary review`, each one a decision, in the order they were typed.

click's getchar sets the terminal raw for each read with TCSAFLUSH, which throws away the keys a
reviewer types while a decision is being saved, and hands several queued keys back as one string
that matches no command. Here the terminal stays in cbreak mode for the whole session (no echo,
no line editing; Ctrl-C still a signal, changed without flushing), a read is split into keys (an
escape sequence such as an arrow is one key), and the `e` prompt gets its line in the terminal's
normal mode.

From a pipe (`printf 'aar' | glossary review`) a key is one character, line ends ignored; after
`e` the new target is the rest of the line, or the next line when `e` ends its line.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

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
        while not self._pending:
            data = os.read(self.stream.fileno(), 64)
            if not data:
                raise EOFError
            self._pending.extend(split_keys(self._decoder.decode(data)))
        key = self._pending.popleft()
        if key == _END_OF_INPUT:
            raise EOFError
        return key

    def line(self, console, prompt: str) -> str:
        """A line typed after a key, asked for with `prompt` on a rich console: on a terminal in its
        normal mode, so the line is echoed and can be edited. EOFError when input ends."""
        if self.terminal:
            typed = ""  # typed ahead, with the key: read already, so the terminal has it no more
            while self._pending:
                key = self._pending.popleft()
                if key in ("\r", "\n"):
                    console.print(prompt + typed, markup=False)
                    return typed
                typed += key if key.isprintable() else ""
            with self._normal():
                return typed + console.input(prompt + typed)
        console.print(prompt, end="")
        rest = self.stream.readline()
        if rest in ("\n", "\r\n"):  # `e` ended its line: the target is on the next one
            rest = self.stream.readline()
        if not rest:
            raise EOFError
        return rest.rstrip("\r\n")

    @contextmanager
    def _normal(self) -> Iterator[None]:
        import termios
        import tty

        fd = self.stream.fileno()
        if self._normal_mode is None:
            yield
            return
        termios.tcsetattr(fd, termios.TCSANOW, self._normal_mode)
        try:
            yield
        finally:
            tty.setcbreak(fd, termios.TCSANOW)


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
