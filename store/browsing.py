"""The browsing half of the Archive API (mixed into store.archive.Archive): the search pane's
timeline, the newest articles, bookmarks."""

from __future__ import annotations

import sqlite3

from store import bookmarks
from store.bookmarks import Bookmark
from store.recent import latest_id, newest
from store.search import Hit
from store.timeline import Timeline, month_counts, month_span


class BrowsingMixin:
    """Archive methods for browsing; expects ``self.conn``."""

    conn: sqlite3.Connection

    def timeline(self, query: str | None = None, budget: float | None = None) -> Timeline | None:
        """Matches of ``query`` per month (None/"" = every article); None if over ``budget`` seconds."""
        return month_counts(self.conn, query, budget)

    def month_span(self) -> tuple[str, str] | None:
        """First and last month with a dated article (instant: uses the date index)."""
        return month_span(self.conn)

    def newest(self, limit: int = 50, month: str | None = None) -> list[Hit]:
        """The newest articles (of ``month``, "YYYY-MM", if given)."""
        return newest(self.conn, limit, month)

    def latest_id(self) -> int:
        """The highest article id; it grows when articles are imported (also by another process)."""
        return latest_id(self.conn)

    def bookmarks(self) -> list[Bookmark]:
        """Every bookmark, newest first."""
        return bookmarks.all_bookmarks(self.conn)

    def is_bookmarked(self, key: str) -> bool:
        """True when the article ``key`` is bookmarked."""
        return bookmarks.contains(self.conn, key)

    def toggle_bookmark(self, key: str, title: str = "") -> bool:
        """Bookmark ``key`` or remove its bookmark; True when it is now bookmarked."""
        return bookmarks.toggle(self.conn, key, title)
