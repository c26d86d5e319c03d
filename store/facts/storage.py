"""Facts in the archive: tables, writing at import time, and reading them back.

Tables (created on first use, next to the lead's schema):
- ``entity_dict``: one row per distinct entity (normalised canonical + type) with its
  display canonical and document frequency ``df`` (articles mentioning it);
- ``article_entities``: (entity, article, mentions, spans), the index behind "articles
  mentioning" and "related"; ``spans`` packs the mentions' body offsets (int32 start/end
  pairs, in order), so that an import writes one row per entity and article, not per mention;
- ``article_facts``: one row per article whose facts were extracted: its tables and lists
  as JSON (the row also marks the article as done).

An archive written with the older per-mention ``entities`` table has its facts tables
dropped on open (they are extracted again on first use, see backfill).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches

from store.facts.entities import Entity
from store.facts.extract import Facts, Table, extract_facts
from store.facts.gazetteer import PERSON, entity_key
from store.facts.rows import FactRows, fact_rows, unpack_spans
from store.facts.words import TextWords, clitic_forms
from store.schema import escape_like
from store.search import Hit
from store.snippets import make_snippet
from store.timeline import Timeline

SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_dict (
    id INTEGER PRIMARY KEY,
    norm TEXT NOT NULL,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    df INTEGER NOT NULL DEFAULT 0,
    UNIQUE (norm, type)
);
CREATE TABLE IF NOT EXISTS article_entities (
    entity_id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    spans BLOB NOT NULL,
    PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_article ON article_entities(article_id, entity_id);
CREATE TABLE IF NOT EXISTS article_facts (
    article_id INTEGER PRIMARY KEY,
    tables TEXT NOT NULL DEFAULT '[]',
    lists TEXT NOT NULL DEFAULT '[]'
);
"""
SIMILAR = 0.75
"""How alike (difflib ratio) a name must be to be suggested for a lookup that found nothing."""
OLD_TABLES = ("entities", "article_entities", "entity_dict", "article_facts")
"""The facts tables of archives written before mentions were packed per link."""


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the facts tables if this archive has none yet (inside any open transaction)."""
    found = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE name IN ('article_facts', 'entities')")}
    if found == {"article_facts"}:
        return
    if "entities" in found:
        for table in OLD_TABLES:  # the older layout: its facts are extracted again when needed
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def store_facts(conn: sqlite3.Connection, articles: Iterable[tuple[int, str, str, str]]) -> int:
    """Extract and store the facts of (article id, title, body, ISO date) items.

    Runs inside the caller's transaction (the import batch); returns the number stored.
    """
    extracted = [(article_id, fact_rows(safe_extract(title, body, date))) for article_id, title, body, date in articles]
    return store_extracted(conn, extracted)


KNOWN_IDS_MAX = 200_000
"""Entity ids an import remembers (see store_extracted) before it starts again."""


def store_extracted(
    conn: sqlite3.Connection, extracted: list[tuple[int, FactRows]], known_ids: dict[tuple[str, str], int] | None = None
) -> int:
    """Store the facts of (article id, fact rows) items, inside the caller's transaction.

    ``known_ids``: (lookup form, type) → entity id, kept by the caller across the batches of
    one import, so that only the ids of entities new to it are looked up (ids never change).
    """
    ensure_schema(conn)
    if not extracted:
        return 0
    df: dict[tuple[str, str], int] = {}
    canonical: dict[tuple[str, str], str] = {}
    for _, rows in extracted:
        for norm, type_, display, _, _ in rows.links:
            key = (norm, type_)
            if key in df:
                df[key] += 1
            else:
                df[key] = 1
                canonical[key] = display
    conn.executemany(
        "INSERT INTO entity_dict (norm, type, canonical, df) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (norm, type) DO UPDATE SET df = df + excluded.df",
        [(*key, canonical[key], count) for key, count in df.items()],
    )
    ids = known_ids if known_ids is not None else {}
    if len(ids) > KNOWN_IDS_MAX:
        ids.clear()
    ids.update(_entity_ids(conn, [key for key in df if key not in ids]))
    links = [
        (ids[norm, type_], article_id, mentions, spans)
        for article_id, rows in extracted
        for norm, type_, _, mentions, spans in rows.links
    ]
    conn.executemany("INSERT OR REPLACE INTO article_entities VALUES (?, ?, ?, ?)", links)
    conn.executemany(
        "INSERT OR REPLACE INTO article_facts VALUES (?, ?, ?)",
        [(article_id, rows.tables, rows.lists) for article_id, rows in extracted],
    )
    return len(extracted)


def safe_extract(title: str, body: str, date: str, words: TextWords | None = None) -> Facts:
    """Facts of one article; an extractor bug must never cost the user an import."""
    try:
        return extract_facts(title, body, date, words)
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


def load_facts(conn: sqlite3.Connection, article_id: int, body: str) -> Facts | None:
    """The stored facts of an article (``body``: its text), or None when they were never extracted."""
    ensure_schema(conn)
    row = conn.execute("SELECT tables, lists FROM article_facts WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    links = conn.execute(
        "SELECT d.type, d.canonical, l.spans FROM article_entities l JOIN entity_dict d ON d.id = l.entity_id"
        " WHERE l.article_id = ?",
        (article_id,),
    )
    entities = [
        Entity(type_, body[start:end], canonical, start, end)
        for type_, canonical, spans in links
        for start, end in unpack_spans(spans)
    ]
    entities.sort(key=lambda e: e.start)
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


@dataclass(frozen=True)
class NamedEntity:
    """An entity of the archive's dictionary that a name was read as (see find_entities)."""

    id: int
    canonical: str
    type: str
    articles: int
    """How many articles mention it."""


def find_entities(conn: sqlite3.Connection, text: str, type_: str | None = None) -> list[NamedEntity]:
    """The dictionary entities ``text`` names, most mentioned first.

    The text as written wins (with or without the article: "رياض" finds الرياض too), then with
    clitics folded ("بطرابلس" finds طرابلس), then the name
    the extractor reads in it ("الرئيس أوباما" → باراك أوباما, "أمريكا" → الولايات المتحدة,
    "12 في المئة" → 12%); a surname alone stands for the people whose names end with it.
    Resolve a name once and hand the result to mention_hits, mention_months and mention_spans.
    """
    ensure_schema(conn)
    key = entity_key(text)
    surname = key if " " not in key and len(key) >= 3 and type_ in (None, PERSON) else ""
    for candidate in _lookup_keys(text, type_):
        found = _named(conn, candidate, type_)
        if candidate == key and not key.startswith("ال") and len(key.split(" ", 1)[0]) >= 3:
            found = _merged(found, _named(conn, "ال" + key, type_))  # رياض finds الرياض too
        if found:
            if surname and candidate == key and any(e.type == PERSON for e in found):
                # روحاني, a person once named so alone, is also the حسن روحاني of other articles
                found = _merged(found, _people_named(conn, surname))
            elif " " in key and candidate == key and any(e.type == PERSON for e in found):
                found = _merged(found, _fuller_names(conn, key))  # عادل الجبير: عادل بن أحمد الجبير too
            return found
    return _people_named(conn, surname) if surname else []  # ترامب: the people whose names end so


def _merged(found: list[NamedEntity], more: list[NamedEntity]) -> list[NamedEntity]:
    """``found`` and the entities of ``more`` not in it, most mentioned first."""
    known = {e.id for e in found}
    return sorted(found + [e for e in more if e.id not in known], key=lambda e: -e.articles)


def _named(conn: sqlite3.Connection, key: str, type_: str | None) -> list[NamedEntity]:
    """The entities whose lookup form is ``key`` (of ``type_``, if given), most mentioned first."""
    sql = "SELECT id, canonical, type, df FROM entity_dict WHERE norm = ?"
    params: list[str] = [key]
    if type_:
        sql += " AND type = ?"
        params.append(type_)
    return [NamedEntity(*row) for row in conn.execute(sql + " ORDER BY df DESC", params)]


def _people_named(conn: sqlite3.Connection, surname: str) -> list[NamedEntity]:
    """People whose full names end with ``surname`` (a normalised word), most mentioned first."""
    rows = conn.execute(
        "SELECT id, canonical, type, df FROM entity_dict WHERE type = 'PERSON'"
        " AND norm LIKE ? ESCAPE '\\' ORDER BY df DESC LIMIT 20",
        ("%" + escape_like(" " + surname),),
    )
    return [NamedEntity(*row) for row in rows]


def _fuller_names(conn: sqlite3.Connection, key: str) -> list[NamedEntity]:
    """People named more fully than ``key`` (a normalised name of two words or more): with
    the same first and last words and more between them (عادل بن أحمد الجبير for عادل الجبير),
    or with more first names (محمد جواد ظريف for جواد ظريف), most mentioned first."""
    first, last = key.split(" ", 1)[0], key.rsplit(" ", 1)[-1]
    rows = conn.execute(
        "SELECT id, canonical, type, df FROM entity_dict WHERE type = 'PERSON' AND length(norm) > length(?)"
        " AND ((norm LIKE ? ESCAPE '\\' AND norm LIKE ? ESCAPE '\\') OR norm LIKE ? ESCAPE '\\')"
        " ORDER BY df DESC LIMIT 20",
        (key, escape_like(first) + " %", "% " + escape_like(last), "% " + escape_like(key)),
    )
    return [NamedEntity(*row) for row in rows]


def _lookup_keys(text: str, type_: str | None) -> Iterator[str]:
    """The entity keys ``text`` may stand for, best first (see find_entities)."""
    key = entity_key(text)
    yield key
    words = key.split()
    if words:
        for _, base in clitic_forms(words[0])[1:]:
            yield " ".join([base, *words[1:]])
    read = [e for e in safe_extract("", text, "").entities if type_ in (None, e.type)]
    if len(read) == 1:
        yield entity_key(read[0].canonical)
    if len(words) > 1 and words[0].isdigit():  # 32 قتيل is the 32 قتيلا of the text (its case ending), and back
        last = words[-1]
        yield " ".join([*words[:-1], last[:-1] if last.endswith("ا") else last + "ا"])


def similar_entities(
    conn: sqlite3.Connection, text: str, type_: str | None = None, limit: int = 5
) -> list[NamedEntity]:
    """Entities spelled like ``text`` (a typo: طرابلسس → طرابلس; a misspelt surname: ترمب →
    دونالد ترامب), or its other types when ``type_`` excluded them; closest first."""
    ensure_schema(conn)
    if type_ and (other := find_entities(conn, text)):
        return other[:limit]
    key = entity_key(text)
    if not key:
        return []
    sql = "SELECT norm, id, canonical, type, df FROM entity_dict WHERE (length(norm) BETWEEN ? AND ?"
    params: list[object] = [len(key) - 2, len(key) + 2]
    if " " not in key:  # a single word may be a surname: people's last words are compared too
        sql += " OR type = 'PERSON'"
    sql += ") AND type NOT IN ('NUMBER', 'DATE')"  # 15% is not spelled like 16%: it is another number
    sql += " AND type = ?" if type_ else ""
    params += [type_] if type_ else []
    spelled: dict[str, list[NamedEntity]] = {}
    for norm, *row in conn.execute(sql, params):
        entity = NamedEntity(*row)
        spelled.setdefault(norm, []).append(entity)
        if " " not in key and entity.type == PERSON and " " in norm:
            spelled.setdefault(norm.rsplit(" ", 1)[1], []).append(entity)
    found: dict[tuple[str, str], tuple[float, int, NamedEntity]] = {}
    for norm in get_close_matches(key, list(spelled), n=limit * 2, cutoff=SIMILAR):
        closeness = _closeness(key, norm)
        if closeness < SIMILAR:
            continue
        for entity in spelled[norm]:
            found.setdefault((entity.canonical, entity.type), (-closeness, -entity.articles, entity))
    best = sorted(found.values(), key=lambda item: item[:2])[:limit]
    return [entity for *_, entity in best]


def _closeness(typed: str, name: str) -> float:
    """How alike two normalised names are spelled (difflib ratio), leaving out an article both
    begin with: الداخلية and الدكالي share little more than ال (0.73, not 0.80)."""
    if typed.startswith("ال") and name.startswith("ال"):
        typed, name = typed[2:], name[2:]
    return SequenceMatcher(None, typed, name).ratio()


def _ids(entities: Sequence[NamedEntity]) -> tuple[list[int], str]:
    """The entities' ids and as many SQL parameter marks."""
    ids = [e.id for e in entities]
    return ids, ",".join("?" * len(ids))


def mention_spans(
    conn: sqlite3.Connection, article_id: int, entities: Sequence[NamedEntity]
) -> list[tuple[int, int]]:
    """(start, end) body offsets of the mentions of ``entities`` (see find_entities) in one
    article, in order."""
    ids, marks = _ids(entities)
    if not ids:
        return []
    rows = conn.execute(
        f"SELECT spans FROM article_entities WHERE article_id = ? AND entity_id IN ({marks})", [article_id, *ids]
    )
    return sorted(span for (blob,) in rows for span in unpack_spans(blob))


def _mentioning_rows(
    conn: sqlite3.Connection, entities: Sequence[NamedEntity], limit: int, columns: str = "", month: str | None = None
) -> list[tuple]:
    """(id, key, title, date, mentions, packed spans, *columns) of articles mentioning
    ``entities``, newest first (only those of ``month``, "YYYY-MM", if given). The packed spans
    are the hex of each ``article_entities.spans`` blob, comma-separated; ``columns`` are more
    ``articles`` columns (``a``), read for the listed articles only (a body is not read for the
    thousands of articles a common place is mentioned in)."""
    ids, marks = _ids(entities)
    if not ids:
        return []
    in_month = " AND substr(a.date, 1, 7) = ?" if month else ""
    return conn.execute(
        f"SELECT a.id, a.key, a.title, a.date, m.mentions, m.spans{', ' + columns if columns else ''} FROM"
        " (SELECT l.article_id AS id, a.date AS date, SUM(l.mentions) AS mentions, group_concat(hex(l.spans)) AS spans"
        f" FROM article_entities l JOIN articles a ON a.id = l.article_id WHERE l.entity_id IN ({marks}){in_month}"
        " GROUP BY l.article_id ORDER BY a.date DESC, l.article_id DESC LIMIT ?) AS m"
        " JOIN articles a ON a.id = m.id ORDER BY m.date DESC, m.id DESC",
        [*ids, *([month] if month else []), limit],
    ).fetchall()


def mention_months(conn: sqlite3.Connection, entities: Sequence[NamedEntity]) -> Timeline:
    """How many articles mention ``entities`` (see find_entities), month by month (the timeline)."""
    ids, marks = _ids(entities)
    rows = conn.execute(
        "SELECT substr(a.date, 1, 7), COUNT(*) FROM articles a WHERE a.id IN"
        f" (SELECT article_id FROM article_entities WHERE entity_id IN ({marks})) GROUP BY 1",
        ids,
    ).fetchall()
    return Timeline(sorted((m, n) for m, n in rows if m), sum(n for m, n in rows if not m))


def mention_hits(
    conn: sqlite3.Connection, entities: Sequence[NamedEntity], limit: int = 200, month: str | None = None
) -> list[Hit]:
    """Articles mentioning ``entities`` (see find_entities) as search hits, newest first (of
    ``month`` only, if given): source, and the passage around the first mention as the snippet
    with the mention highlighted."""
    # the spans of every matching entity row of the article (already grouped by it): no second lookup
    rows = _mentioning_rows(conn, entities, limit, "a.source, a.url, a.body", month)
    hits = []
    for article_id, key, title, date, mentions, packed, source, url, body in rows:
        spans = [span for blob in (packed or "").split(",") if blob for span in unpack_spans(bytes.fromhex(blob))]
        snippet = make_snippet(body, [(*min(spans), 0)] if spans else [])
        hits.append(Hit(article_id, key, title, date, source, url, float(mentions), snippet.text, snippet.highlights))
    return hits


def articles_mentioning(conn: sqlite3.Connection, entities: Sequence[NamedEntity], limit: int = 200) -> list[Mention]:
    """Articles mentioning ``entities`` (see find_entities), newest first; score = the number of
    mentions."""
    rows = _mentioning_rows(conn, entities, limit)
    return [Mention(key, title, date, float(score)) for _, key, title, date, score, _ in rows]
