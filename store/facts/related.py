"""Related articles: shared entities weighted by rarity (idf), blended with text similarity.

score = ENTITY_WEIGHT · (idf of the shared entities / idf of all this article's entities)
      + TEXT_WEIGHT · (FTS5 bm25 for the article's rarest top terms / the best candidate's).
Only the rarest entities of the article are followed (at most MAX_ENTITIES, and no more
than MAX_POSTINGS article links in all), so a list costs a few index range scans.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter

from store.analysis import index_forms
from store.facts.gazetteer import DATE, NUMBER, lexicon
from store.facts.storage import Mention, ensure_schema
from store.fts import quote

ENTITY_WEIGHT = 0.6
TEXT_WEIGHT = 0.4
MAX_ENTITIES = 16
MAX_POSTINGS = 20_000
MAX_TERMS = 16
MAX_QUERY_TERMS = 8
CANDIDATES = 100


def related(conn: sqlite3.Connection, article_id: int, limit: int = 10) -> list[Mention]:
    """Articles related to ``article_id``, best first, with blended scores in [0, 1]."""
    ensure_schema(conn)
    by_entities = _entity_scores(conn, article_id)
    by_text = _text_scores(conn, article_id)
    scores: Counter[int] = Counter()
    for other, share in by_entities.items():
        scores[other] += ENTITY_WEIGHT * share
    best = max(by_text.values(), default=0.0)
    for other, value in by_text.items():
        scores[other] += TEXT_WEIGHT * value / best
    scores.pop(article_id, None)
    top = scores.most_common(limit * 2)  # room for the copies left out below
    if not top:
        return []
    marks = ",".join("?" * (len(top) + 1))
    rows = {
        row[0]: row[1:]
        for row in conn.execute(
            f"SELECT id, key, title, date FROM articles WHERE id IN ({marks})", [article_id, *(i for i, _ in top)]
        )
    }
    found: list[Mention] = []
    # the same story run again (another paper, another edition; its title spelled with or without
    # hamza, tatweel, other quotes or spaces) is listed once, and not at all when it is this
    # article's own; titles of no words are no story
    titles = {index_forms(rows[article_id][1])[1]} if article_id in rows else set()
    for i, score in top:
        if i not in rows:
            continue
        title = index_forms(rows[i][1])[1]
        if title and title in titles:
            continue
        titles.add(title)
        found.append(Mention(*rows[i], score))
    return found[:limit]


def _entity_scores(conn: sqlite3.Connection, article_id: int) -> dict[int, float]:
    """Share of this article's entity weight (idf) that each other article has too."""
    total = conn.execute("SELECT COUNT(*) FROM article_facts").fetchone()[0] or 1
    entities = conn.execute(
        "SELECT d.id, d.df FROM article_entities l JOIN entity_dict d ON d.id = l.entity_id"
        " WHERE l.article_id = ? AND d.type NOT IN (?, ?) AND d.df > 1 ORDER BY d.df",
        (article_id, DATE, NUMBER),  # two articles citing "10%" or a date are not related by it
    ).fetchall()
    chosen: dict[int, float] = {}
    postings = 0
    for entity_id, df in entities[:MAX_ENTITIES]:
        if postings + df > MAX_POSTINGS and chosen:
            break
        postings += df
        chosen[entity_id] = math.log((total + 1) / df)
    if not chosen:
        return {}
    marks = ",".join("?" * len(chosen))
    scores: Counter[int] = Counter()
    for entity_id, other in conn.execute(
        f"SELECT entity_id, article_id FROM article_entities WHERE entity_id IN ({marks})", list(chosen)
    ):
        scores[other] += chosen[entity_id]
    total = sum(chosen.values())
    return {other: value / total for other, value in scores.items()}


def _text_scores(conn: sqlite3.Connection, article_id: int) -> dict[int, float]:
    """bm25 (negated: higher is better) of other articles for this article's rarest top terms."""
    row = conn.execute("SELECT title, body FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return {}
    terms = _rarest(conn, top_terms(row[0], row[1]))
    if not terms:
        return {}
    match = "{title body} : (" + " OR ".join(quote(t) for t in terms) + ")"
    try:
        rows = conn.execute(
            "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, CANDIDATES),
        ).fetchall()
    except sqlite3.OperationalError:
        return {}
    return {rowid: -rank for rowid, rank in rows if rank < 0}


def _rarest(conn: sqlite3.Connection, terms: list[str]) -> list[str]:
    """The MAX_QUERY_TERMS terms found in fewest articles (but more than this one): common
    words make the OR query slow and say little."""
    if not terms:
        return []
    try:
        if not conn.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'facts_vocab'").fetchone():
            conn.execute("CREATE VIRTUAL TABLE temp.facts_vocab USING fts5vocab(main, articles_fts, 'row')")
        marks = ",".join("?" * len(terms))
        df = dict(conn.execute(f"SELECT term, doc FROM temp.facts_vocab WHERE term IN ({marks})", terms))
    except sqlite3.OperationalError:
        return terms[:MAX_QUERY_TERMS]
    usable = sorted((df[t], t) for t in terms if df.get(t, 0) > 1)
    return [t for _, t in usable[:MAX_QUERY_TERMS]]


def top_terms(title: str, body: str, limit: int = MAX_TERMS) -> list[str]:
    """An article's characteristic stems: its title's words, then its most repeated body words."""
    stop = lexicon().stop
    title_stems, title_norms = index_forms(title)
    body_stems, body_norms = index_forms(body)
    chosen: list[str] = []
    for stem, norm in zip(title_stems.split(), title_norms.split(), strict=True):
        if len(stem) > 2 and norm not in stop and stem not in chosen:
            chosen.append(stem)
    counts = Counter(
        stem for stem, norm in zip(body_stems.split(), body_norms.split(), strict=True) if len(stem) > 2 and norm not in stop
    )
    for stem, _ in counts.most_common(limit * 2):
        if len(chosen) >= limit:
            break
        if stem not in chosen:
            chosen.append(stem)
    return chosen[:limit]
