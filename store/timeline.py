"""How many articles match a query, month by month: the search pane's timeline and match count.

Counting every match of a common word is the slow part of a search (it touches every matching
row), so callers run it apart from the ranked top results and may give it a time budget.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from store.fts import compile_and
from store.query import Query, parse
from store.search import metadata_filters


@dataclass
class Timeline:
    """Matching articles per month ("YYYY-MM", ascending) plus those without a date."""

    months: list[tuple[str, int]]
    undated: int = 0

    @property
    def total(self) -> int:
        """All matching articles."""
        return sum(count for _, count in self.months) + self.undated


def month_counts(
    conn: sqlite3.Connection, query: str | Query | None, budget: float | None = None
) -> Timeline | None:
    """Matches per month for ``query`` (None or "" = the whole archive).

    Returns None when ``budget`` seconds pass first. Raises QueryError for a malformed query.
    """
    if isinstance(query, str):
        query = parse(query) if query.strip() else None
    month = "substr(a.date, 1, 7)"
    if query is None:
        sql, params = f"SELECT {month}, count(*) FROM articles a GROUP BY 1", []
    else:
        where, params = metadata_filters(query)
        if query.match is None:
            sql = f"SELECT {month}, count(*) FROM articles a WHERE {where} GROUP BY 1"
        else:
            match = compile_and(query.match.include, query.match.exclude)
            sql = (
                f"SELECT {month}, count(*) FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                f"WHERE articles_fts MATCH ? {'AND ' + where if where else ''} GROUP BY 1"
            )
            params = [match, *params]
    rows = _run_within(conn, sql, params, budget)
    if rows is None:
        return None
    months = sorted((m, n) for m, n in rows if m)
    undated = sum(n for m, n in rows if not m)
    return Timeline(months, undated)


def month_span(conn: sqlite3.Connection) -> tuple[str, str] | None:
    """First and last month ("YYYY-MM") with a dated article, from the date index (no scan)."""
    first = conn.execute("SELECT min(date) FROM articles WHERE date != ''").fetchone()[0]
    last = conn.execute("SELECT max(date) FROM articles").fetchone()[0]
    return (first[:7], last[:7]) if first and last else None


def _run_within(conn: sqlite3.Connection, sql: str, params: list, budget: float | None) -> list | None:
    """Rows of ``sql``, or None when it runs longer than ``budget`` seconds."""
    if budget is None:
        return conn.execute(sql, params).fetchall()
    deadline = time.monotonic() + budget
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)
