"""Where glossary-cli keeps its caches, worked out without importing anything heavy: check loads
jieba's dictionary through here, and must not pay for numpy (cache.py) to learn a directory."""

from __future__ import annotations

import os
import tempfile


def user_cache_root() -> str | None:
    """Where glossary-cli keeps its caches: $XDG_CACHE_HOME/glossary-cli, or ~/.cache/glossary-cli.

    A relative XDG_CACHE_HOME is ignored, as the XDG spec says. Without a home to put the cache in
    (HOME empty, or unset for a container's arbitrary uid with no passwd entry, where `~` stays
    `~`), None: nothing is cached, rather than a cache growing in the current directory, a `~`
    folder in the checkout."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "glossary-cli")
    home = os.path.expanduser("~")
    if os.environ.get("HOME") == "" or not os.path.isabs(home):
        return None
    return os.path.join(home, ".cache", "glossary-cli")


def jieba_cache_dir() -> str | None:
    """Where jieba keeps its parsed dictionary: under the user's cache when it can be written;
    else the temporary directory, unless that is the current directory (tempfile's last resort,
    when /tmp is read-only: a 9 MB file in a checkout); else None."""
    root = user_cache_root()
    if root is not None:
        directory = os.path.join(root, "jieba")
        try:
            os.makedirs(directory, exist_ok=True)
            if os.access(directory, os.W_OK):
                return directory
        except OSError:
            pass
    try:
        temporary = tempfile.gettempdir()
    except OSError:  # no usable temporary directory at all
        return None
    return None if os.path.abspath(temporary) == os.path.abspath(os.getcwd()) else temporary
