"""The Archive: the library API that the CLI and the TUI are thin layers over."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote

from store.analysis import index_row
from store.browsing import BrowsingMixin
from store.facts.methods import FactsMixin
from store.facts.rows import FactRows
from store.facts.storage import store_extracted
from store.importers import ImportFailure, Source, iter_sources, read_sources
from store.matching import Matcher, Span
from store.pipeline import (
    BATCH_SIZE,
    PARALLEL_BYTES,
    Prepared,
    collector_paused,
    prepared_batches,
    worker_count,
)
from store.query import parse
from store.records import Record
from store.schema import connect, create_index, index_is_current, mark_index_current, size_index_buffer
from store.search import Results, search


class ArchiveError(Exception):
    """The archive file cannot be opened or used (message meant for the user)."""


@dataclass
class Article:
    """A stored article, in its original text."""

    id: int
    key: str
    title: str
    body: str
    date: str
    url: str
    source: str
    author: str
    category: str
    origin: str


@dataclass
class ImportReport:
    """What an import did."""

    imported: int = 0
    duplicates: int = 0
    renamed: int = 0
    """Articles whose key was taken by different content, stored under 'key~hash'."""
    failures: list[ImportFailure] = field(default_factory=list)
    empty: list[ImportFailure] = field(default_factory=list)
    """Records with no title and no text (blank entries of a source): skipped, not failures."""
    passed_over: list[ImportFailure] = field(default_factory=list)
    """Files in the folders imported that are no news files (see ImportFailure.passed_over)."""
    undated: list[str] = field(default_factory=list)
    """Articles imported without a date because theirs could not be read: 'origin: date as given'."""
    bytes_total: int = 0
    """Size of the files being imported (0 when importing records, not files)."""
    bytes_done: int = 0
    """Size of the files read to the end so far."""

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures


@dataclass
class Stats:
    """Size and span of an archive."""

    articles: int
    sources: int
    first_date: str
    last_date: str
    db_bytes: int
    per_source: dict[str, int] = field(default_factory=dict)
    """Articles per source, most first ("" for articles with none)."""


ProgressCallback = Callable[[int, ImportReport], None]
"""Called after each stored batch with the number of records read so far and the report."""


class Archive(FactsMixin, BrowsingMixin):
    """An archive of articles in one SQLite file (created on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = connect(str(self.path))
        except Exception as exc:  # sqlite3 and OS errors alike
            raise ArchiveError(f"cannot open archive {self.path}: {exc}") from exc
        self.conn = self.db.conn
        if not index_is_current(self.conn):
            self.reindex()

    def reindex(self, progress: Callable[[int], None] | None = None) -> int:
        """Rebuild the search index from the stored original texts; returns the article count.

        Runs by itself when an archive made by an older analysis is opened.
        """
        with self.conn:
            create_index(self.conn)
            done = 0
            rows = self.conn.execute("SELECT id, title, body FROM articles ORDER BY id")
            while batch := rows.fetchmany(BATCH_SIZE):
                self.conn.executemany(
                    "INSERT INTO articles_fts (rowid, title, body, title_x) VALUES (?, ?, ?, ?)",
                    [(article_id, *index_row(title, body)) for article_id, title, body in batch],
                )
                done += len(batch)
                if progress:
                    progress(done)
            mark_index_current(self.conn)
        with self.conn:
            self.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        return done

    @classmethod
    def open_or_seed(cls, path: str | Path, seed: bool = True) -> Archive:
        """Open ``path``; a new archive is filled with the bundled seed articles first.

        "New" survives a crash: an archive killed before its seeding finished is still empty
        and unmarked, and is seeded on the next open.
        """
        archive = cls(path)
        if archive._unseeded():
            if seed:
                from seeds import seed_paths

                archive.import_paths(seed_paths())
            with archive.conn:  # decided once: an archive made with --no-seed stays unseeded
                archive.conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('seeded', ?)", ("1" if seed else "0",)
                )
        return archive

    def _unseeded(self) -> bool:
        """True for an archive never seeded and still empty."""
        if self.conn.execute("SELECT 1 FROM meta WHERE name = 'seeded'").fetchone():
            return False
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    def interrupt(self) -> None:
        """Abort the statement running on this archive now, if any (safe from another thread:
        the call in that thread raises sqlite3.OperationalError "interrupted")."""
        self.conn.interrupt()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- importing -------------------------------------------------------------------------

    def import_paths(
        self, paths: Iterable[str | Path], fmt: str | None = None, progress: ProgressCallback | None = None
    ) -> ImportReport:
        """Import files and folders (recursively); see store.importers for formats."""
        sources = list(iter_sources(paths))
        report = ImportReport(bytes_total=sum(item[0].size for item in sources if isinstance(item, tuple)))

        def file_done(source: Source) -> None:
            report.bytes_done += source.size

        return self.import_records(read_sources(sources, fmt, on_done=file_done), progress, report)

    def import_records(
        self,
        items: Iterable[Record | ImportFailure],
        progress: ProgressCallback | None = None,
        report: ImportReport | None = None,
        workers: int | None = None,
    ) -> ImportReport:
        """Store records in batches (one transaction each), skipping duplicates by content hash.

        ``workers``: processes that analyse and extract facts while this one writes; None
        chooses (all cores but one when the files to read are large), 0 keeps it in-process.
        """
        report = report or ImportReport()
        if workers is None:
            workers = worker_count(self.extract_facts) if report.bytes_total >= PARALLEL_BYTES else 0
        seen = 0
        writing = _ImportTransactions(self.conn, report)
        with collector_paused(), writing:
            for batch in prepared_batches(items, self.extract_facts, workers, stored=partial(self._existing, "hash")):
                seen += len(batch)
                for item in batch:
                    if isinstance(item, ImportFailure):
                        kind = report.empty if item.empty else report.passed_over if item.passed_over else report.failures
                        kind.append(item)
                writing.begin()
                self._store_batch([item for item in batch if isinstance(item, Prepared)], report, writing.entity_ids)
                writing.stored(len(batch))
                if progress:
                    progress(seen, report)
        return report

    def _store_batch(self, batch: list[Prepared], report: ImportReport, entity_ids: dict[tuple[str, str], int]) -> None:
        """Insert a batch inside the open import transaction (see _ImportTransactions)."""
        if not batch:
            return
        facts: list[tuple[int, FactRows]] = []
        existing = self._existing("hash", [item.digest for item in batch])
        fresh: list[tuple[Prepared, str]] = []
        for item in batch:
            if item.digest in existing or item.index_row is None:
                report.duplicates += 1
                continue
            existing.add(item.digest)
            fresh.append((item, item.record.resolved_key(fallback="")))
        taken = self._existing("key", [key for _, key in fresh])
        next_id = (self.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1  # (as SQLite would)
        articles: list[tuple] = []
        index: list[tuple] = []
        for article_id, (item, key) in enumerate(fresh, start=next_id):
            record = item.record
            if key in taken:
                key = f"{key}~{item.digest[:8]}"
                report.renamed += 1
            taken.add(key)
            articles.append((
                article_id, key, item.digest, record.title, record.body, record.date, record.url,
                record.source, record.author, record.category, record.origin,
            ))  # fmt: skip
            index.append((article_id, *item.index_row))
            if item.facts is not None:
                facts.append((article_id, item.facts))
            if record.unread_date:
                report.undated.append(f"{record.origin or key}: {record.unread_date!r}")
        self.conn.executemany(
            "INSERT INTO articles (id, key, hash, title, body, date, url, source, author, category, origin)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            articles,
        )
        self.conn.executemany("INSERT INTO articles_fts (rowid, title, body, title_x) VALUES (?, ?, ?, ?)", index)
        report.imported += len(articles)
        if self.extract_facts:
            store_extracted(self.conn, facts, entity_ids)

    def _existing(self, column: str, values: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(values), 900):
            chunk = values[start : start + 900]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    # -- reading ---------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 20, offset: int = 0, exhaustive: bool = False, within: str | None = None
    ) -> Results:
        """Ranked hits for a query in the query language (raises QueryError when malformed).

        By default only the newest 3,000 matches of a very common word are ranked (see
        ``Results.capped``); ``exhaustive=True`` ranks them all, for a refining second pass.
        ``within``: a period (YYYY, YYYY-MM, YYYY-MM-DD) the dates are narrowed to as well.
        """
        return search(self.conn, parse(query).within(within), limit=limit, offset=offset, exhaustive=exhaustive)

    def hit_spans(self, query: str, text: str) -> list[Span]:
        """Where a query's terms occur in ``text`` (original offsets), for highlighting."""
        return Matcher(parse(query)).spans(text)

    def article(self, key: str) -> Article | None:
        """The article with this key, or None. A key copied from a browser's address bar, its
        letters percent-encoded (%D8%B7…), finds the article whose key has them as letters."""
        forms = (key, unquote(key)) if "%" in key else (key, key)
        row = self.conn.execute(
            "SELECT id, key, title, body, date, url, source, author, category, origin"
            " FROM articles WHERE key IN (?, ?) ORDER BY key = ? DESC LIMIT 1",
            (*forms, key),
        ).fetchone()
        return Article(*row) if row else None

    def data_version(self) -> int:
        """A number that changes when another process commits to the archive (e.g. an import).

        Cheap enough to poll every second: the TUI re-runs its search when it changes.
        """
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def stats(self) -> Stats:
        """Counts and date range (this scans the articles table: not for start-up paths)."""
        first = self.conn.execute("SELECT min(date) FROM articles WHERE date != ''").fetchone()[0] or ""
        last = self.conn.execute("SELECT max(date) FROM articles").fetchone()[0] or ""
        size = sum(os.path.getsize(p) for p in (self.path, Path(f"{self.path}-wal")) if os.path.exists(p))
        per_source = dict(
            self.conn.execute("SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source")
        )
        sources = len(per_source) - ("" in per_source)  # (articles with no source are no source)
        return Stats(sum(per_source.values()), sources, first, last, size, per_source)


COMMIT_EVERY = 2_000
"""Records per write transaction of an import: fewer commits write fewer, larger index
segments (about a fifth less SQLite time than one transaction per 500-record batch)."""
IMPORT_CACHE_KIB = 64 * 1024
"""SQLite page cache while importing (the default 2 MiB spills the growing indexes to disk)."""


class _ImportTransactions:
    """The write transactions of one import: each spans batches of about COMMIT_EVERY records.

    Duplicate checks and inserts share a transaction, so a second importer waits instead of
    inserting the same article in between. On an error the open transaction is rolled back
    and the report's counts go back to what was committed.
    """

    def __init__(self, conn: sqlite3.Connection, report: ImportReport) -> None:
        self.conn = conn
        self.report = report
        self.pending = 0
        self.committed = (report.imported, report.duplicates, report.renamed)
        self.buffer_sized = False
        self.entity_ids: dict[tuple[str, str], int] = {}
        """Entity ids met by this import (see store_extracted): valid while it lasts."""

    def __enter__(self) -> _ImportTransactions:
        self.cache_size = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        return self

    def begin(self) -> None:
        """Open a write transaction unless one is open."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
        if not self.buffer_sized:  # (an index made before the setting existed gets it here)
            size_index_buffer(self.conn)
            self.buffer_sized = True

    def stored(self, records: int) -> None:
        """Count stored records; commit when the transaction holds enough."""
        self.pending += records
        if self.pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        """Commit what is stored so far."""
        if self.conn.in_transaction:
            self.conn.commit()
        self.pending = 0
        self.committed = (self.report.imported, self.report.duplicates, self.report.renamed)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self.commit()
            elif self.conn.in_transaction:
                self.conn.rollback()
                self.report.imported, self.report.duplicates, self.report.renamed = self.committed
        finally:
            self.conn.execute(f"PRAGMA cache_size = {self.cache_size}")
