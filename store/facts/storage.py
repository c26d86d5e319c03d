"""Facts in the archive: tables, writing at import time, and reading them back.

Tables (created on first use, next to the lead's schema):
- ``entity_dict``: one row per distinct entity (normalised canonical + type) with its
  display canonical and document frequency ``df`` (articles mentioning it);
- ``entities``: every mention: article, entity, type, surface text, canonical, offsets;
- ``article_entities``: (entity, article, mentions), the index behind "articles mentioning"
  and "related";
- ``article_facts``: one row per article whose facts were extracted: its tables and lists
  as JSON (the row also marks the article as done).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from store.facts.entities import Entity
from store.facts.extract import Facts, Table, extract_facts
from store.facts.gazetteer import norm_words
from store.facts.words import clitic_forms
from store.schema import escape_like
from store.search import Hit
from store.snippets import make_snippet

SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_dict (
    id INTEGER PRIMARY KEY,
    norm TEXT NOT NULL,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    df INTEGER NOT NULL DEFAULT 0,
    UNIQUE (norm, type)
);
CREATE TABLE IF NOT EXISTS entities (
    article_id INTEGER NOT NULL,
    entity_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    canonical TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article_id);
CREATE TABLE IF NOT EXISTS article_entities (
    entity_id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_article ON article_entities(article_id, entity_id);
CREATE TABLE IF NOT EXISTS article_facts (
    article_id INTEGER PRIMARY KEY,
    tables TEXT NOT NULL DEFAULT '[]',
    lists TEXT NOT NULL DEFAULT '[]'
);
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the facts tables if this archive has none yet (inside any open transaction)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_facts'").fetchone():
        return
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


@lru_cache(maxsize=100_000)
def entity_key(canonical: str) -> str:
    """The lookup form of an entity's canonical text: normalised words, punctuation dropped."""
    return " ".join(norm_words(canonical))


def store_facts(conn: sqlite3.Connection, articles: Iterable[tuple[int, str, str, str]]) -> int:
    """Extract and store the facts of (article id, title, body, ISO date) items.

    Runs inside the caller's transaction (the import batch); returns the number stored.
    """
    extracted = [(article_id, safe_extract(title, body, date)) for article_id, title, body, date in articles]
    return store_extracted(conn, extracted)


def store_extracted(conn: sqlite3.Connection, extracted: list[tuple[int, Facts]]) -> int:
    """Store facts already extracted (in a worker process) for (article id, facts) items."""
    ensure_schema(conn)
    if not extracted:
        return 0
    df: Counter[tuple[str, str]] = Counter()
    canonical: dict[tuple[str, str], str] = {}
    for _, facts in extracted:
        keys = set()
        for e in facts.entities:
            key = (entity_key(e.canonical), e.type)
            canonical.setdefault(key, e.canonical)
            keys.add(key)
        df.update(keys)
    conn.executemany(
        "INSERT INTO entity_dict (norm, type, canonical, df) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (norm, type) DO UPDATE SET df = df + excluded.df",
        [(norm, type_, canonical[(norm, type_)], count) for (norm, type_), count in df.items()],
    )
    ids = _entity_ids(conn, list(df))
    mentions, links, blocks = [], [], []
    for article_id, facts in extracted:
        counts: Counter[int] = Counter()
        for e in facts.entities:
            entity_id = ids[(entity_key(e.canonical), e.type)]
            counts[entity_id] += 1
            mentions.append((article_id, entity_id, e.type, e.text, e.canonical, e.start, e.end))
        links.extend((entity_id, article_id, n) for entity_id, n in counts.items())
        tables = [[list(t.header), *map(list, t.rows)] for t in facts.tables]
        blocks.append((article_id, json.dumps(tables, ensure_ascii=False), json.dumps(facts.lists, ensure_ascii=False)))
    conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)", mentions)
    conn.executemany("INSERT OR REPLACE INTO article_entities VALUES (?, ?, ?)", links)
    conn.executemany("INSERT OR REPLACE INTO article_facts VALUES (?, ?, ?)", blocks)
    return len(extracted)


def safe_extract(title: str, body: str, date: str) -> Facts:
    """Facts of one article; an extractor bug must never cost the user an import."""
    try:
        return extract_facts(title, body, date)
    except Exception:  # pragma: no cover - defensive: the article is kept, its facts left empty
        return Facts()


def _entity_ids(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    rows = conn.execute(
        "SELECT d.norm, d.type, d.id FROM json_each(?) AS k"
        " JOIN entity_dict AS d ON d.norm = json_extract(k.value, '$[0]') AND d.type = json_extract(k.value, '$[1]')",
        (json.dumps(keys, ensure_ascii=False),),
    )
    return {(norm, type_): id_ for norm, type_, id_ in rows}


def backfill(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Extract facts for stored articles that have none yet (archives imported before facts)."""
    ensure_schema(conn)
    done = 0
    while True:
        rows = conn.execute(
            "SELECT a.id, a.title, a.body, a.date FROM articles a"
            " WHERE NOT EXISTS (SELECT 1 FROM article_facts f WHERE f.article_id = a.id) LIMIT ?",
            (batch,),
        ).fetchall()
        if not rows:
            return done
        with conn:
            done += store_facts(conn, rows)


def missing_facts(conn: sqlite3.Connection) -> int:
    """How many stored articles have no extracted facts (a quick count comparison)."""
    ensure_schema(conn)
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return max(0, articles - conn.execute("SELECT COUNT(*) FROM article_facts").fetchone()[0])


def load_facts(conn: sqlite3.Connection, article_id: int) -> Facts | None:
    """The stored facts of an article, or None when they were never extracted."""
    ensure_schema(conn)
    row = conn.execute("SELECT tables, lists FROM article_facts WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    entities = [
        Entity(*r)
        for r in conn.execute(
            'SELECT type, text, canonical, start, "end" FROM entities WHERE article_id = ? ORDER BY start',
            (article_id,),
        )
    ]
    tables = [Table(tuple(t[0]), tuple(tuple(r) for r in t[1:])) for t in json.loads(row[0])]
    return Facts(entities, tables, json.loads(row[1]))


@dataclass
class Mention:
    """An article that mentions an entity (or is related to one): key, title, date, score."""

    key: str
    title: str
    date: str
    score: float

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "title": self.title, "date": self.date, "score": round(self.score, 4)}


def find_entities(conn: sqlite3.Connection, text: str, type_: str | None = None) -> list[tuple[int, str, str, int]]:
    """Dictionary entries (id, canonical, type, df) matching ``text``, clitics folded.

    "بطرابلس" finds طرابلس; the exact form wins over clitic-stripped readings.
    """
    ensure_schema(conn)
    key = entity_key(text)
    candidates = [key]
    words = key.split()
    if words:
        candidates += [" ".join([base, *words[1:]]) for _, base in clitic_forms(words[0])[1:]]
    for candidate in candidates:
        sql = "SELECT id, canonical, type, df FROM entity_dict WHERE norm = ?"
        params: list[str] = [candidate]
        if type_:
            sql += " AND type = ?"
            params.append(type_)
        rows = conn.execute(sql + " ORDER BY df DESC", params).fetchall()
        if rows:
            return rows
    if len(words) == 1 and len(key) >= 3 and type_ in (None, "PERSON"):
        # A surname alone (ترامب) stands for the people whose full names end with it.
        return conn.execute(
            "SELECT id, canonical, type, df FROM entity_dict WHERE type = 'PERSON'"
            " AND norm LIKE ? ESCAPE '\\' ORDER BY df DESC LIMIT 20",
            ("%" + escape_like(" " + key),),
        ).fetchall()
    return []


def _mentioning_rows(
    conn: sqlite3.Connection, text: str, type_: str | None, limit: int, columns: str
) -> list[tuple]:
    """(id, key, title, date, mentions, *columns) of articles mentioning an entity, newest first.

    In ``columns``, ``{ids}`` stands for the matching entity ids' placeholders.
    """
    ids = [row[0] for row in find_entities(conn, text, type_)]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    extra = columns.format(ids=marks)
    return conn.execute(
        f"SELECT a.id, a.key, a.title, a.date, SUM(l.mentions){', ' + extra if extra else ''}"
        f" FROM article_entities l JOIN articles a ON a.id = l.article_id WHERE l.entity_id IN ({marks})"
        f" GROUP BY a.id ORDER BY a.date DESC, a.id DESC LIMIT ?",
        [*ids * columns.count("{ids}"), *ids, limit],
    ).fetchall()


def mention_hits(conn: sqlite3.Connection, text: str, type_: str | None = None, limit: int = 200) -> list[Hit]:
    """Articles mentioning an entity as search hits, newest first: source, and the passage
    around the first mention as the snippet with the mention highlighted."""
    first_mention = (
        "(SELECT e.start || ' ' || e.\"end\" FROM entities e WHERE e.article_id = a.id"
        " AND e.entity_id IN ({ids}) ORDER BY e.start LIMIT 1)"
    )
    rows = _mentioning_rows(conn, text, type_, limit, "a.source, a.url, a.body, " + first_mention)
    hits = []
    for article_id, key, title, date, mentions, source, url, body, span in rows:
        tagged = [(*map(int, span.split()), 0)] if span else []
        snippet = make_snippet(body, tagged)
        hits.append(Hit(article_id, key, title, date, source, url, float(mentions), snippet.text, snippet.highlights))
    return hits


def articles_mentioning(
    conn: sqlite3.Connection, text: str, type_: str | None = None, limit: int = 200
) -> list[Mention]:
    """Articles mentioning the entity named ``text`` (any type unless given), newest first;
    score = the number of mentions."""
    rows = _mentioning_rows(conn, text, type_, limit, "")
    return [Mention(key, title, date, float(score)) for _, key, title, date, score in rows]
