"""Shared fixtures: the seed article, the shared corpora beside the repository, a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_890636b9e1f69f65.txt"
SHARED = Path(os.environ.get("GLOSSARY_SHARED", REPO.parent / "shared"))
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seed_article() -> Path:
    return SEED


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, which CI places beside the clone; tests needing it skip without it."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"shared corpora not found at {path}")
    return path


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch, _session_cache):
    """Tests never read or write the user's ~/.cache: what another checkout of the code left
    there must not decide a test's outcome."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache))


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    """CLI output as on a pipe: no colour, fixed width, no progress bar."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")


# Hypothesis: the default profile is CI (properties ask for at least 200 examples each);
# `pytest --hypothesis-profile=ci-long` is the long run, 2,000 examples per property.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci-long", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def in_keyed_data(monkeypatch):
    """Run the test inside tests/data/keyed, so app resource files are named as a user types them."""
    monkeypatch.chdir(Path(__file__).parent / "data" / "keyed")


@pytest.fixture
def in_shop(tmp_path, monkeypatch):
    """Inside a temporary directory holding g.yaml, the shop's approved terms (support.CHECKOUT_APPROVED)."""
    from tests.support import CHECKOUT_APPROVED

    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(CHECKOUT_APPROVED, encoding="utf-8")
    return tmp_path


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """Run the test inside its own temporary directory, so files are named as a user types them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
