"""The archive's tables: articles (original text) and a contentless FTS5 index of analysed text."""

from __future__ import annotations

import sqlite3

import sqlite_utils

SCHEMA_VERSION = 3
"""Version of the analysed index; an archive with another version is re-indexed on open."""

RANK_WEIGHTS = {"title": 8.0, "body": 1.0, "title_x": 12.0}
"""bm25 column weights: stems of title and body, and the title's unstemmed normal forms.

Exact body forms are not indexed: on the known-item benchmark (bench/search_quality.py)
weighting them lowered MRR (0.882 → 0.850 on SaudiNewsNet) while doubling FTS insert time.
"""

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
            create_index(conn)
            mark_index_current(conn)
    return db


TOKENIZER = "ascii"
"""FTS5 tokenizer of new indexes. The index and the queries hold only analysed words (normalised,
lower-cased letters and digits joined by spaces), which "ascii" splits exactly as "unicode61
remove_diacritics 0" (what archives before it were made with, and still search with) does,
for a fifth less CPU per indexed article: nothing is left for unicode61 to fold or split."""


def create_index(conn: sqlite3.Connection) -> None:
    """(Re)create the empty FTS5 index with its ranking function."""
    conn.execute("DROP TABLE IF EXISTS articles_fts")
    conn.execute(
        f"CREATE VIRTUAL TABLE articles_fts USING fts5({', '.join(FTS_COLUMNS)}, content='', tokenize='{TOKENIZER}')"
    )
    weights = ", ".join(str(w) for w in RANK_WEIGHTS.values())
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', ?)", (f"bm25({weights})",))
    size_index_buffer(conn)


INDEX_BUFFER_BYTES = 16 << 20
"""FTS5 "hashsize": how much newly indexed text is held in memory before it is written out as
a segment. The default (1 MiB) cuts one import transaction (2,000 articles, about 6 MB of
analysed text) into many small segments that are then merged again and again; 16 MiB writes
it as one: a third less CPU for the index (SaudiNewsNet's index rows inserted as an import
does: 2.7-3.1 s -> 1.8-2.0 s), the same index size and query speed. Memory is bounded by a
transaction's text either way."""


def size_index_buffer(conn: sqlite3.Connection) -> None:
    """Set the index's write buffer (kept in the index: one call serves later writes too)."""
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', ?)", (INDEX_BUFFER_BYTES,))


def index_is_current(conn: sqlite3.Connection) -> bool:
    """False when the archive's index was built by another version of the analysis."""
    row = conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    return row is not None and row[0] == str(SCHEMA_VERSION)


def mark_index_current(conn: sqlite3.Connection) -> None:
    """Record that the index matches this version."""
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def escape_like(value: str) -> str:
    """``value`` with LIKE wildcards escaped (use with ESCAPE '\\')."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
