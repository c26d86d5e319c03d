"""Running a parsed query: ranked full matches, then the best partial matches, with snippets."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from store.frequency import cheap_to_rank, is_common
from store.fts import compile_and, compile_any, compile_node, compile_title_words
from store.matching import Matcher, Span, describe, merge_spans
from store.query import Node, Query
from store.schema import escape_like
from store.snippets import make_snippet


@dataclass
class Hit:
    """One search result."""

    id: int
    key: str
    title: str
    date: str
    source: str
    url: str
    score: float
    snippet: str = ""
    highlights: list[Span] = field(default_factory=list)
    """Hit spans inside ``snippet``."""
    title_highlights: list[Span] = field(default_factory=list)
    partial: bool = False
    """True when the article matches only some of the query's words."""
    missing: list[str] = field(default_factory=list)
    """For partial matches: the query words the article lacks."""


def metadata_filters(query: Query) -> tuple[str, list[str]]:
    """SQL conditions on the articles table (alias a) for the query's metadata filters."""
    conditions: list[str] = []
    params: list[str] = []
    if query.sources:
        conditions.append("(" + " OR ".join("a.source LIKE ? ESCAPE '\\'" for _ in query.sources) + ")")
        params += [_like_prefix(s) for s in query.sources]
    for excluded in query.excluded_sources:
        conditions.append("a.source NOT LIKE ? ESCAPE '\\'")
        params.append(_like_prefix(excluded))
    if query.date_from:
        conditions.append("a.date >= ?")
        params.append(query.date_from)
    if query.date_to:
        conditions.append("a.date < ? AND a.date != ''")
        params.append(query.date_to)
    return " AND ".join(conditions), params


def _like_prefix(value: str) -> str:
    return escape_like(value) + "%"


CANDIDATE_CAP = 3_000
"""Ranking stops at the newest this-many matches: bm25 scores every candidate, and a word
that half a million articles contain would otherwise cost a quarter of a second."""


class Results(list):
    """Hits, plus how the search was bounded."""

    capped: bool = False
    """Ranking was limited to the newest CANDIDATE_CAP matches."""
    common: list[str] = []  # noqa: RUF012 - replaced per instance, never mutated
    """Query words too common to rank by (in over COMMON_ARTICLES articles), as typed."""


def _ranked_ids(
    conn: sqlite3.Connection, match: str, query: Query, limit: int, capped: bool = True
) -> tuple[list[tuple[int, float]], bool]:
    """(rowid, rank) best first, and whether only the newest CANDIDATE_CAP matches were ranked."""
    where, params = metadata_filters(query)
    source = "articles_fts f JOIN articles a ON a.id = f.rowid" if where else "articles_fts f"
    condition = f"articles_fts MATCH ?{' AND ' + where if where else ''}"
    floor = None
    if capped:
        # Walking matches in rowid order is cheap (no scoring): find the cap-th newest.
        probe = f"SELECT f.rowid FROM {source} WHERE {condition} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?"
        row = conn.execute(probe, [match, *params, CANDIDATE_CAP]).fetchone()
        floor = row[0] if row else None
    bound = " AND f.rowid > ?" if floor is not None else ""
    sql = f"SELECT f.rowid, f.rank FROM {source} WHERE {condition}{bound} ORDER BY f.rank LIMIT ?"
    args = [match, *params, *([floor] if floor is not None else []), limit]
    return conn.execute(sql, args).fetchall(), floor is not None


def _common_words_ids(
    conn: sqlite3.Connection,
    common: list[Node],
    include: tuple[Node, ...],
    exclude: tuple[Node, ...],
    query: Query,
    limit: int,
) -> list[tuple[int, float]]:
    """For queries of common words only: articles with the words as written in the title,
    ranked (cheap when the title forms are rarer than the stems), then the newest others."""
    words = [word for node in common for word in node.words]  # plain terms, see is_common
    ranked: list[tuple[int, float]] = []
    if cheap_to_rank(conn, words):
        title_match = compile_title_words(words)
        if exclude:
            title_match += " NOT (" + " OR ".join(compile_node(node) for node in exclude) + ")"
        ranked, _ = _ranked_ids(conn, title_match, query, limit)
    seen = {row[0] for row in ranked}
    newest = _newest_ids(conn, compile_and(include, exclude), query, limit + len(seen))
    ranked += [row for row in newest if row[0] not in seen][: limit - len(ranked)]
    return ranked


def _newest_ids(conn: sqlite3.Connection, match: str, query: Query, limit: int) -> list[tuple[int, float]]:
    """Matches newest first, unranked (cheap: no per-term counting)."""
    where, params = metadata_filters(query)
    source = "articles_fts f JOIN articles a ON a.id = f.rowid" if where else "articles_fts f"
    condition = f"articles_fts MATCH ?{' AND ' + where if where else ''}"
    sql = f"SELECT f.rowid, 0.0 FROM {source} WHERE {condition} ORDER BY f.rowid DESC LIMIT ?"
    return conn.execute(sql, [match, *params, limit]).fetchall()


def _filtered_ids(conn: sqlite3.Connection, query: Query, limit: int) -> list[tuple[int, float]]:
    """Filter-only queries (from:2017 source:x): newest first."""
    where, params = metadata_filters(query)
    sql = f"SELECT a.id, 0.0 FROM articles a WHERE {where} ORDER BY a.date DESC, a.id DESC LIMIT ?"
    return conn.execute(sql, [*params, limit]).fetchall()


def matching_ids(conn: sqlite3.Connection, query: Query, limit: int = -1) -> list[int]:
    """Ids of the articles matching the whole query (no partial matches), best first; -1: all."""
    if query.match is None:
        rows = _filtered_ids(conn, query, limit)
    else:
        match = compile_and(query.match.include, query.match.exclude)
        rows, _ = _ranked_ids(conn, match, query, limit, capped=False)
    return [row[0] for row in rows]


def search(
    conn: sqlite3.Connection, query: Query, limit: int = 20, offset: int = 0, exhaustive: bool = False
) -> Results:
    """Up to ``limit`` hits after ``offset``: full matches by rank, then partial ones.

    Unless ``exhaustive``, only the newest CANDIDATE_CAP matches are ranked (fast enough to
    run on every keystroke); ``results.capped`` says when that cut anything.
    """
    wanted = offset + limit
    capped = False
    partial_ids: set[int] = set()
    common: list[Node] = []
    if query.match is None:
        ranked = _filtered_ids(conn, query, wanted)
    else:
        include, exclude = query.match.include, query.match.exclude
        if not exhaustive:
            common = [node for node in include if is_common(conn, node)]
        rare = tuple(node for node in include if node not in common)
        if not rare:  # nothing but very common words
            ranked = _common_words_ids(conn, common, include, exclude, query, wanted)
            include = ()
        else:
            include = rare
            ranked, capped = _ranked_ids(conn, compile_and(include, exclude), query, wanted, not exhaustive)
        if len(include) > 1 and len(ranked) < wanted:
            seen = {row[0] for row in ranked}
            extra, _ = _ranked_ids(
                conn, compile_any(include, exclude), query, wanted + len(seen), not exhaustive
            )
            for row in extra:
                if row[0] not in seen and len(ranked) < wanted:
                    ranked.append(row)
                    partial_ids.add(row[0])
    results = Results(_hydrate(conn, query, ranked[offset:wanted], partial_ids))
    results.capped = capped
    results.common = [describe(node) for node in common]
    return results


def _hydrate(
    conn: sqlite3.Connection, query: Query, page: list[tuple[int, float]], partial_ids: set[int]
) -> list[Hit]:
    if not page:
        return []
    ids = [row[0] for row in page]
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT id, key, title, date, source, url, body FROM articles WHERE id IN ({marks})", ids
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    matcher = Matcher(query)
    hits: list[Hit] = []
    for article_id, rank in page:
        row = by_id.get(article_id)
        if row is None:
            continue
        _, key, title, date, source, url, body = row
        body_hits = matcher.tagged_spans(body)
        title_hits = matcher.tagged_spans(title, in_title=True)
        snippet = make_snippet(body, body_hits)
        hit = Hit(
            id=article_id,
            key=key,
            title=title,
            date=date,
            source=source,
            url=url,
            score=round(-rank, 3) + 0.0,  # never -0.0
            snippet=snippet.text,
            highlights=snippet.highlights,
            title_highlights=merge_spans([(s, e) for s, e, _ in title_hits]),
        )
        if article_id in partial_ids:
            hit.partial = True
            hit.missing = matcher.missing({t[2] for t in body_hits + title_hits})
        hits.append(hit)
    return hits
