"""The bundled seed archive: articles a new archive is filled with."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seed_paths() -> list[Path]:
    """Paths of the bundled seed articles (works from a checkout and after installation)."""
    folder = resources.files(__name__)
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith((".txt", ".md")))
