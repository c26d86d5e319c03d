"""Shared fixtures: a seeded archive in a temp folder, and the path to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Archive

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_KEY = "000_c1e0a9c5b2fbe14b"


@pytest.fixture
def seeded(tmp_path: Path):
    """An archive holding only the bundled seed article."""
    with Archive.open_or_seed(tmp_path / "seeded.db") as archive:
        yield archive


@pytest.fixture
def empty(tmp_path: Path):
    """A new archive with nothing in it."""
    with Archive(tmp_path / "empty.db") as archive:
        yield archive


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
