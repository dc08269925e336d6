"""Helpers shared by reader tests: write a corpus file, run a reader and keep its warnings."""

from __future__ import annotations

from pathlib import Path

from glossary_cli.models import SegmentPair
from glossary_cli.readers import ReadOptions


def write_file(tmp_path: Path, body: str, name: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return str(path)


class Reader:
    """Calls a reader module's `read` and keeps the warnings of the last call in `.warnings`."""

    def __init__(self, module) -> None:
        self.module = module
        self.warnings: list[str] = []

    def __call__(self, path: str, **options) -> list[SegmentPair]:
        self.warnings = []
        return list(self.module.read(path, ReadOptions(on_warning=self.warnings.append, **options)))
