"""Bookmarked articles, kept in the archive itself (a small table created on first use)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

_SCHEMA = """CREATE TABLE IF NOT EXISTS bookmarks (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL
)"""


@dataclass(frozen=True)
class Bookmark:
    """A bookmarked article: its key, title when bookmarked, and when (ISO, UTC)."""

    key: str
    title: str
    added: str


def _table(conn: sqlite3.Connection) -> None:
    with conn:
        conn.execute(_SCHEMA)


def _exists(conn: sqlite3.Connection) -> bool:
    """True once the bookmarks table exists (reading never creates it: no write on a read path)."""
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookmarks'").fetchone()
        is not None
    )


def add(conn: sqlite3.Connection, key: str, title: str = "") -> None:
    """Bookmark ``key`` (again: keeps the first date)."""
    _table(conn)
    added = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with conn:
        conn.execute(
            "INSERT OR IGNORE INTO bookmarks (key, title, added) VALUES (?, ?, ?)", (key, title, added)
        )


def remove(conn: sqlite3.Connection, key: str) -> None:
    """Forget the bookmark on ``key`` (nothing if there is none)."""
    if not _exists(conn):
        return
    with conn:
        conn.execute("DELETE FROM bookmarks WHERE key = ?", (key,))


def toggle(conn: sqlite3.Connection, key: str, title: str = "") -> bool:
    """Bookmark ``key`` or remove its bookmark; True when it is now bookmarked."""
    if contains(conn, key):
        remove(conn, key)
        return False
    add(conn, key, title)
    return True


def contains(conn: sqlite3.Connection, key: str) -> bool:
    """True when ``key`` is bookmarked."""
    if not _exists(conn):
        return False
    return conn.execute("SELECT 1 FROM bookmarks WHERE key = ?", (key,)).fetchone() is not None


def all_bookmarks(conn: sqlite3.Connection) -> list[Bookmark]:
    """Every bookmark, newest first."""
    if not _exists(conn):
        return []
    rows = conn.execute("SELECT key, title, added FROM bookmarks ORDER BY added DESC, rowid DESC")
    return [Bookmark(*row) for row in rows]
