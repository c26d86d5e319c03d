"""The facts half of the Archive API (mixed into store.archive.Archive)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from store.facts.extract import Facts, extract_facts
from store.facts.related import related
from store.facts.storage import (
    Mention,
    NamedEntity,
    articles_mentioning,
    backfill,
    find_entities,
    load_facts,
    mention_hits,
    mention_months,
    mention_spans,
    missing_facts,
    similar_entities,
)
from store.search import Hit
from store.timeline import Timeline

LOOKUP_FILL = 2_000
"""Articles without facts that a lookup extracts on the spot (about a second or two); a larger
backlog is left to ``ensure_facts()`` / ``archive-tui facts --all``."""


class FactsMixin:
    """Archive methods for extracted facts; expects ``self.conn`` and ``self.article(key)``."""

    conn: sqlite3.Connection
    extract_facts: bool = True
    """Extract facts in each import batch; set False for search-only bulk loads (the facts are
    then extracted on first use of entity/related lookups, see ensure_facts)."""

    def facts(self, key: str) -> Facts | None:
        """The facts of the article with this key (extracted now if the import predates facts),
        or None when there is no such article."""
        article = self.article(key)
        if article is None:
            return None
        stored = load_facts(self.conn, article.id, article.body)
        return stored if stored is not None else extract_facts(article.title, article.body, article.date)

    def stored_facts(self, article_id: int, body: str) -> Facts | None:
        """The facts stored for an article (``body``: its text), or None when they were never
        extracted; unlike ``facts()`` this extracts nothing."""
        return load_facts(self.conn, article_id, body)

    def all_facts(self) -> Iterator[tuple[str, Facts]]:
        """(key, facts) of every article in id order, extracting any that were never done."""
        self.ensure_facts()
        keys = [r[0] for r in self.conn.execute("SELECT key FROM articles ORDER BY id")]
        for key in keys:
            facts = self.facts(key)
            if facts is not None:
                yield key, facts

    def ensure_facts(self, at_most: int | None = None) -> int:
        """Extract and store facts for articles that have none (imported before facts, or with
        ``extract_facts`` off); returns how many. With ``at_most``, a larger gap is left alone
        (lookups then see only the articles done; ``facts --all`` fills everything)."""
        missing = missing_facts(self.conn)
        if not missing or (at_most is not None and missing > at_most):
            return 0
        return backfill(self.conn)

    def entities_named(self, text: str, type: str | None = None, fill: bool = True) -> list[NamedEntity]:
        """The entities ``text`` names, most mentioned first ("بطرابلس" → طرابلس, "ترامب" →
        دونالد ترامب): resolve a name once and pass the result to ``articles_mentioning``,
        ``mention_hits``, ``mention_months`` and ``mention_spans``.

        ``fill``: first extract the facts of articles that have none (up to LOOKUP_FILL of
        them); an interactive caller that must answer at once passes False."""
        if fill:
            self.ensure_facts(at_most=LOOKUP_FILL)
        return find_entities(self.conn, text, type)

    def articles_mentioning(
        self, entity: str | Sequence[NamedEntity], type: str | None = None, limit: int = 200
    ) -> list[Mention]:
        """Articles mentioning an entity, newest first; score = its mentions in the article.
        ``entity``: a name as written, read by ``entities_named(entity, type)``, or what
        ``entities_named`` returned (``type`` is then not used)."""
        entities = self.entities_named(entity, type) if isinstance(entity, str) else entity
        return articles_mentioning(self.conn, entities, limit)

    def facts_missing(self) -> int:
        """How many articles have no extracted facts yet (imported with --no-facts or before facts)."""
        return missing_facts(self.conn)

    def similar_entities(self, text: str, type: str | None = None, limit: int = 5) -> list[NamedEntity]:
        """Entities spelled like ``text``, for a lookup that found nothing (a typo, or the name
        known under another type); closest first."""
        return similar_entities(self.conn, text, type, limit)

    def mention_hits(self, entities: Sequence[NamedEntity], limit: int = 200, month: str | None = None) -> list[Hit]:
        """Articles mentioning ``entities`` (from ``entities_named``) as search hits, newest first
        (of ``month``, "YYYY-MM", only if given), the passage of the first mention as the
        snippet; score = mentions."""
        return mention_hits(self.conn, entities, limit, month)

    def mention_months(self, entities: Sequence[NamedEntity]) -> Timeline:
        """How many articles mention ``entities`` (from ``entities_named``), month by month."""
        return mention_months(self.conn, entities)

    def mention_spans(self, article_id: int, entities: Sequence[NamedEntity]) -> list[tuple[int, int]]:
        """(start, end) body offsets of the mentions of ``entities`` in one article, in order."""
        return mention_spans(self.conn, article_id, entities)

    def related(self, key: str, limit: int = 10, fill: bool = True) -> list[Mention]:
        """Articles related to this one by shared rare entities and text, best first.

        ``fill``: first extract the facts of articles that have none (up to LOOKUP_FILL of
        them); an interactive caller that must answer at once passes False."""
        article = self.article(key)
        if article is None:
            return []
        if fill:
            self.ensure_facts(at_most=LOOKUP_FILL)
        return related(self.conn, article.id, limit)
