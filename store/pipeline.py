"""The CPU-heavy half of importing — analysis for the index and fact extraction — done in
worker processes while the importing process writes to SQLite.

Batches keep the order of the input (failures included) and at most a few are in flight,
so memory stays bounded whatever the size of the import.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

from store.analysis import index_row
from store.facts.extract import extractor
from store.facts.rows import FactRows, fact_rows
from store.facts.storage import safe_extract
from store.importers import ImportFailure
from store.records import Record

BATCH_SIZE = 500
"""Records per batch (and per transaction)."""

PARALLEL_BYTES = 4 << 20
"""Imports smaller than this run in one process: starting workers would cost more."""


IndexRow = tuple[bytes, bytes, bytes]
"""The FTS5 columns of an article (see store.analysis.index_row) in UTF-8: FTS5 reads a blob's
bytes as text, so the importing process hands them to SQLite as they come from the worker,
without decoding them from the pipe and encoding them again for SQLite."""


@dataclass
class Prepared:
    """A record with everything computed that does not need the database."""

    record: Record
    digest: str
    index_row: IndexRow | None
    """None for a record already in the archive (not analysed: it is a duplicate)."""
    facts: FactRows | None


Item = Prepared | ImportFailure
Work = tuple[str, str, str]
"""What a worker is sent for a record: its title, body and date (a tuple pickles in half the
time of the Record)."""
Analysis = tuple[IndexRow, FactRows | None]
"""What a worker sends back for a record: index row and facts as stored (not the record itself)."""
StoredCheck = Callable[[list[str]], set[str]]
"""Given content hashes, the ones already in the archive."""


def analyse(work: Work, with_facts: bool = True) -> Analysis:
    """Analyse one record's (title, body, date) for the index and (optionally) extract its facts."""
    title, body, date = work
    if not with_facts:
        return _encoded(index_row(title, body)), None
    words = extractor().words(body)  # split and analysed once, for the facts and the index
    facts = fact_rows(safe_extract(title, body, date, words))
    return _encoded(index_row(title, body, words.index_stems())), facts


def _encoded(row: tuple[str, str, str]) -> IndexRow:
    title_stems, body_stems, title_norms = row
    return title_stems.encode(), body_stems.encode(), title_norms.encode()


def _analyse_batch(works: list[Work], with_facts: bool) -> list[Analysis]:
    return [analyse(work, with_facts) for work in works]


def _start_worker() -> None:
    """A worker makes no reference cycles worth collecting, and lives as long as the import:
    the cyclic garbage collector would only walk its growing word cache again and again."""
    gc.disable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (an import creates hundreds of thousands
    of short-lived tuples, freed as they go, which would start one collection after another)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Batch:
    """One batch of the input with its records' content hashes and the records to analyse
    (those not in the archive yet)."""

    def __init__(self, items: list[Record | ImportFailure], stored: StoredCheck | None) -> None:
        self.items = items
        self.digests = [item.content_hash if isinstance(item, Record) else "" for item in items]
        known = [digest for digest in self.digests if digest]
        self.stored = stored(known) if stored and known else set()
        pairs = zip(items, self.digests, strict=True)
        self.fresh: list[Work] = [
            (item.title, item.body, item.date)
            for item, digest in pairs
            if digest and digest not in self.stored and isinstance(item, Record)
        ]

    def joined(self, analysed: list[Analysis]) -> list[Item]:
        """The batch's items in input order, each record with its analysis (if it had one)."""
        found = iter(analysed)
        out: list[Item] = []
        for item, digest in zip(self.items, self.digests, strict=True):
            if isinstance(item, ImportFailure):
                out.append(item)
            else:
                row, facts = (None, None) if digest in self.stored else next(found)
                out.append(Prepared(item, digest, row, facts))
        return out


def _batches(items: Iterable[Record | ImportFailure]) -> Iterator[list[Record | ImportFailure]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def worker_count(with_facts: bool = True) -> int:
    """Worker processes for a large import. Without facts: all cores but the one writing to
    SQLite. With facts the workers have the most to do: one per core, and the system shares
    the cores between them and the writing process as each needs."""
    cores = os.cpu_count() or 1
    return max(1, cores if with_facts else cores - 1)


def prepared_batches(
    items: Iterable[Record | ImportFailure],
    with_facts: bool = True,
    workers: int = 0,
    stored: StoredCheck | None = None,
) -> Iterator[list[Item]]:
    """Batches of prepared records in input order; ``workers`` > 0 uses that many processes.

    ``stored`` tells which content hashes the archive holds already: those records are not
    analysed (importing the same files again costs little more than reading them).
    """
    if workers <= 0:
        for items_batch in _batches(items):
            batch = _Batch(items_batch, stored)
            yield batch.joined(_analyse_batch(batch.fresh, with_facts))
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(workers, initializer=_start_worker) as pool:
        pending: deque = deque()
        for items_batch in _batches(items):
            batch = _Batch(items_batch, stored)
            pending.append((batch, pool.apply_async(_analyse_batch, (batch.fresh, with_facts))))
            if len(pending) > 2 * workers:
                batch, result = pending.popleft()
                yield batch.joined(result.get())
        while pending:
            batch, result = pending.popleft()
            yield batch.joined(result.get())
