"""Atomic file replacement: readers of the path see the old file or the new one, never a mix."""

from __future__ import annotations

import os
import tempfile

from . import interrupts
from .errors import OutputError
from .textio import is_stream


def write_atomic(path: str, text: str) -> None:
    """Write `text` to a temporary file beside `path`, flush it to disk, then rename it over `path`;
    not if Ctrl-C came during the run, even one whose exception was swallowed.

    The new file keeps the old one's mode, owner and group (as far as this user may set them). A
    symbolic link stays a link and the file it points to is replaced (as editors write), and a
    path that is not a regular file (`-o /dev/stdout`, a named pipe) is written straight through."""
    if is_stream(path):
        return _write_through(path, text)
    path = os.path.realpath(path) if os.path.islink(path) else path
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
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise OutputError(f"cannot write: {error.strerror}; the previous file is unchanged", path=path) from None
    except BaseException:
        _remove_quietly(temporary)
        raise


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
