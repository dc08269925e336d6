"""Atomic file replacement: readers of the path see the old file or the new one, never a mix; and
a file changed since a command read it is never replaced by what the command made of the old one."""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from . import interrupts
from .errors import FileChangedError, OutputError
from .textio import is_stream

try:
    import fcntl
except ImportError:  # Windows: the comparison alone guards the rename
    fcntl = None  # type: ignore[assignment]


ANY_CONTENT = object()  # write_atomic's `expected` when the command did not read the file it replaces


def content_now(path: str) -> bytes | None:
    """The bytes at `path` (None when no file is there), to give write_atomic as `expected`.

    Take them before parsing the file, not after: a change made at any time after this read is then
    caught by the write."""
    if writes_through(path):
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None  # nothing to keep; the command says what is wrong with such a path
    except OSError as error:
        raise OutputError(f"cannot read: {error.strerror}", path=path) from None


def write_atomic(path: str, text: str, *, expected: bytes | None | object = ANY_CONTENT) -> None:
    """Write `text` to a temporary file beside `path`, flush it to disk, then rename it over `path`;
    not if Ctrl-C came during the run, even one whose exception was swallowed.

    `expected` is what the command read at `path` (see `content_now`; None: no file was there).
    When the file now holds anything else (a command run alongside, or a person's edit, saved it
    meanwhile), nothing is written and FileChangedError says so: the write would drop that change.
    When it holds `text` already, it is not replaced.

    The new file keeps the old one's mode, owner and group (as far as this user may set them). A
    symbolic link stays a link and the file it points to is replaced (as editors write), when that
    is a file of the kind written (see `_link_target`). A name for an open descriptor (`-o
    /dev/stdout`, /dev/fd/N) and a path that is not a regular file (a named pipe, a device) are
    written straight through: never renamed over, nor truncated."""
    descriptor = descriptor_named(path)
    if descriptor is not None:
        return _write_to_descriptor(descriptor, text, path)
    if os.path.islink(path):
        path = _link_target(path, next((kind for kind in _link_kinds() if kind.holds(text)), None))
    elif is_stream(path):
        return _write_through(path, text)
    _refuse_read_only(path)
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        try:
            os.makedirs(directory, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise OutputError(f"cannot write: {_first_non_directory(directory)} is a file, not a directory",
                              path=path) from None
        except OSError as error:
            raise OutputError(f"cannot create directory {directory}: {error.strerror}", path=path) from None
    data = text.encode("utf-8")
    if expected is not ANY_CONTENT and expected == data:
        # Nothing to change: the file is left alone, so an editor holding it open sees no change on
        # disk and its modification time still says when a person last saved it.
        with _locked(directory):
            _refuse_if_changed(path, expected)
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write here: {error.strerror}", path=path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if os.path.exists(path):
            _keep_owner_and_mode(temporary, os.stat(path))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        interrupts.check()
        checked = expected is not ANY_CONTENT
        with _locked(directory if checked else None):  # no other glossary command writes between the two
            if checked:
                _refuse_if_changed(path, expected)
            os.replace(temporary, path)
        interrupts.note_written(path)
    except OSError as error:
        _remove_quietly(temporary)
        raise OutputError(f"cannot write: {error.strerror}; the previous file is unchanged", path=path) from None
    except BaseException:
        _remove_quietly(temporary)
        raise


@dataclass(frozen=True)
class FileKind:
    """A kind of file the tool writes, told by its text: a glossary, a baseline."""

    name: str
    holds: Callable[[str], bool]  # whether a text (the start of a file, perhaps) is one


_KIND_HEAD = 1 << 20  # what is read of a file a link points to, to tell its kind


def _link_kinds() -> tuple[FileKind, ...]:
    from .check import BASELINE_FILE
    from .glossary_yaml_read import GLOSSARY_FILE

    return GLOSSARY_FILE, BASELINE_FILE


def refuse_link_not_to(path: str, kind: FileKind) -> None:
    """At the start of a command that will write a `kind` to `path`: if `path` is a link
    write_atomic would refuse to write through, say so now, not after the work (see `_link_target`)."""
    if descriptor_named(path) is None and os.path.islink(path):  # /dev/stdout is a link to a descriptor
        _link_target(path, kind)


def _link_target(link: str, kind: FileKind | None) -> str:
    """The file a symbolic link points to, which a `kind` of file (None: another) is to replace. A
    glossary kept in a shared folder and linked into each project is written through its link, as
    editors write. But a link
    is also content a branch can commit (`.glossary-baseline.json -> ~/.bashrc`), and a CI job that
    refreshes a baseline or a glossary would then rewrite any file the job may write. So the link
    must point to a regular file already there, and one of the kind written: a glossary (a YAML
    mapping with a `glossary:` or `terms:` key) for a glossary, a baseline for a baseline. Anything
    else is refused, saying how to write there anyway: name the file itself."""
    target = os.path.realpath(link)
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    if mode is None or not stat.S_ISREG(mode):
        what = "which does not exist" if mode is None else "which is not a regular file"
        raise OutputError(f"is a symbolic link to {target}, {what}; nothing written: a link is written through only "
                          "to a file already there (name that file itself to write it)", path=link)
    if kind is None:
        return target
    try:
        with open(target, "rb") as handle:
            head = handle.read(_KIND_HEAD).decode("utf-8", "replace")
    except OSError as error:
        raise OutputError(f"cannot read {target}, which this symbolic link points to: {error.strerror}",
                          path=link) from None
    if not kind.holds(head):
        raise OutputError(f"is a symbolic link to {target}, which holds no {kind.name}; nothing written: a link is "
                          f"written through only to a {kind.name} (name that file itself to replace it)", path=link)
    return target


def _refuse_read_only(path: str) -> None:
    """A file without any write permission was made read-only on purpose (a reviewed version
    frozen): the rename would replace it all the same, since it asks only the directory. Checked
    by the mode bits, not os.access, so it holds for root too."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError("is read-only; nothing written (make it writable, chmod u+w, to let glossary change it)",
                          path=path)


def _refuse_if_changed(path: str, expected: bytes | None) -> None:
    try:
        with open(path, "rb") as handle:
            now: bytes | None = handle.read()
    except FileNotFoundError:
        now = None
    if now == expected:
        return
    if expected is None:
        what = "was created by something else while this command ran"
    elif now is None:
        what = "was removed while this command ran"
    else:
        what = "changed since this command read it (another command, or an editor, saved it meanwhile)"
    raise FileChangedError(f"{what}; nothing written, run the command again", path=path)


@contextmanager
def _locked(directory: str | None) -> Iterator[None]:
    """An exclusive lock on `directory` while a write compares and renames, so that two commands
    cannot both find the file unchanged and both replace it. Where the system gives no such lock
    (Windows, some network file systems) the comparison alone stands: it misses only a write in
    that last instant."""
    if directory is None or fcntl is None:
        yield
        return
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass
        yield
    finally:
        os.close(handle)  # which releases the lock


def _keep_owner_and_mode(temporary: str, old: os.stat_result) -> None:
    """Give the new file the old one's owner, group and mode: a rewrite by root (a CI job in a
    container on a mounted checkout) must not lock the owner out, nor one by a team member take the
    file from its group."""
    try:
        os.chown(temporary, old.st_uid, old.st_gid)
    except OSError:  # only root may give a file away; a member of the file's group may still keep that
        try:
            os.chown(temporary, -1, old.st_gid)
        except OSError:
            pass  # the file becomes this user's, as any editor's save would make it
    os.chmod(temporary, old.st_mode & 0o7777)  # after chown, which clears the set-id bits


def writes_through(path: str) -> bool:
    """Whether write_atomic writes `path` straight through (see there) instead of replacing a file:
    such a path is output only, never read as an old version to update."""
    return descriptor_named(path) is not None or is_stream(path)


_DESCRIPTOR_PATH = re.compile(r"/dev/(?P<standard>stdin|stdout|stderr)|/dev/fd/(?P<fd>[0-9]+)"
                              r"|/proc/(?:self|thread-self|(?P<pid>[0-9]+))/fd/(?P<proc_fd>[0-9]+)")


def descriptor_named(path: str) -> int | None:
    """The open descriptor that `path` names (/dev/stdout, /dev/fd/N, /proc/self/fd/N), else None.

    Whatever file the shell redirected it to, the text must go through the descriptor itself: a
    rename would replace that file, and opening the name again would truncate it (`{ echo x; glossary
    ... -o /dev/stdout; } > out`) or write past what `>> out` appends."""
    match = _DESCRIPTOR_PATH.fullmatch(os.path.normpath(os.path.abspath(path)))
    if match is None or (match["pid"] is not None and int(match["pid"]) != os.getpid()):
        return None
    if match["standard"]:
        return ("stdin", "stdout", "stderr").index(match["standard"])
    return int(match["fd"] or match["proc_fd"])


def _write_to_descriptor(descriptor: int, text: str, path: str) -> None:
    interrupts.check()
    data = text.encode("utf-8")
    try:
        for stream in (sys.stdout, sys.stderr):  # what the command printed before comes first
            stream.flush()
        while data:
            data = data[os.write(descriptor, data):]
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", path=path) from None


def _write_through(path: str, text: str) -> None:
    interrupts.check()
    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror}", path=path) from None


def _first_non_directory(directory: str) -> str:
    """The component of `directory` that exists but is not a directory."""
    probe = directory
    while probe and not os.path.exists(probe):
        probe = os.path.dirname(probe)
    return probe or directory


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
