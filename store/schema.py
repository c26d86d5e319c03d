"""The archive's tables: articles (original text) and a contentless FTS5 index of analysed text."""

from __future__ import annotations

import sqlite_utils

SCHEMA_VERSION = 1

RANK_WEIGHTS = {"title": 6.0, "body": 1.0, "title_x": 8.0, "body_x": 1.5}
"""bm25 column weights: stems of title and body, then their unstemmed normal forms."""

FTS_COLUMNS = tuple(RANK_WEIGHTS)

_STATEMENTS = [
    """CREATE TABLE IF NOT EXISTS articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        date TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX IF NOT EXISTS articles_date ON articles(date)",
    "CREATE INDEX IF NOT EXISTS articles_source ON articles(source COLLATE NOCASE)",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
        {", ".join(FTS_COLUMNS)}, content='', tokenize='unicode61 remove_diacritics 0'
    )""",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)",
]


def connect(path: str) -> sqlite_utils.Database:
    """Open (creating if needed) an archive database in WAL mode with the schema in place."""
    db = sqlite_utils.Database(path)
    conn = db.conn
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    if not db["meta"].exists():
        with conn:
            for statement in _STATEMENTS:
                conn.execute(statement)
            weights = ", ".join(str(w) for w in RANK_WEIGHTS.values())
            conn.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', ?)", (f"bm25({weights})",)
            )
            conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return db
