"""`glossary extract`: corpus in, ranked YAML glossary out."""

from __future__ import annotations

from .common import app, handles_errors


@app.command()
@handles_errors
def extract() -> None:
    """Extract candidate term pairs from aligned English-Chinese text into a YAML glossary."""
    raise NotImplementedError
