"""The newest articles, optionally within one month: what the search pane lists before a query."""

from __future__ import annotations

import sqlite3

from store.dates import date_bounds
from store.records import first_words
from store.search import Hit


def newest(conn: sqlite3.Connection, limit: int = 50, month: str | None = None) -> list[Hit]:
    """The ``limit`` newest articles (undated ones last), as hits whose snippet opens the body."""
    if month:
        low, high = date_bounds(month)
        rows = conn.execute(
            "SELECT id, key, title, date, source, url, substr(body, 1, 400) FROM articles"
            " WHERE date >= ? AND date < ? AND date != '' ORDER BY date DESC, id DESC LIMIT ?",
            (low, high, limit),
        )
    else:
        rows = conn.execute(
            "SELECT id, key, title, date, source, url, substr(body, 1, 400) FROM articles"
            " ORDER BY date DESC, id DESC LIMIT ?",
            (limit,),
        )
    return [
        Hit(id=i, key=k, title=t, date=d, source=s, url=u, score=0.0, snippet=first_words(body, 200))
        for i, k, t, d, s, u, body in rows
    ]


def latest_id(conn: sqlite3.Connection) -> int:
    """The highest article id (instant): it grows when an import adds articles."""
    return conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
