"""Where archives live by default."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path


def default_archive_path() -> Path:
    """The archive used when neither --db nor $ARCHIVE_TUI_DB names one."""
    return user_data_path("archive-tui", appauthor=False) / "archive.db"
