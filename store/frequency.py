"""Spotting query words that a great many articles contain, cheaply.

FTS5's bm25 counts every article holding each query term before it ranks anything, so a
word that a few hundred thousand articles contain costs tens of milliseconds whatever else
the query says. Counting them ourselves would cost the same, so the number is estimated:
walk the word's newest SAMPLE matches (in rowid order, no scoring) and see how far back in
the archive that reaches.
"""

from __future__ import annotations

import sqlite3

from store.fts import compile_term, quote
from store.query import Node, Term

COMMON_ARTICLES = 100_000
"""A word in more articles than this is 'common': ranking it would cost over ~15 ms."""

SAMPLE = 2_000
"""Matches walked to estimate a word's frequency."""


def estimated_articles(conn: sqlite3.Connection, match: str) -> int:
    """About how many articles an FTS5 expression matches: exact below SAMPLE, extrapolated above."""
    newest = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
    row = conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (match, SAMPLE),
    ).fetchone()
    if row is None:
        return SAMPLE  # at most this many
    return SAMPLE * newest // max(1, newest - row[0] + 1)


def is_common(conn: sqlite3.Connection, node: Node) -> bool:
    """True for a plain word (no phrase, prefix or field) in over COMMON_ARTICLES articles."""
    if not isinstance(node, Term) or node.is_phrase or node.prefix or node.field:
        return False
    return estimated_articles(conn, compile_term(node)) > COMMON_ARTICLES


def cheap_to_rank(conn: sqlite3.Connection, words: list[str]) -> bool:
    """True when none of these exact index terms is in over COMMON_ARTICLES articles."""
    return all(estimated_articles(conn, quote(word)) <= COMMON_ARTICLES for word in words)
