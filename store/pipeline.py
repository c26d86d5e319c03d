"""The CPU-heavy half of importing — analysis for the index and fact extraction — done in
worker processes while the importing process writes to SQLite.

Batches keep the order of the input (failures included) and at most a few are in flight,
so memory stays bounded whatever the size of the import.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from store.analysis import index_row
from store.facts.extract import Facts
from store.facts.storage import safe_extract
from store.importers import ImportFailure
from store.records import Record

BATCH_SIZE = 500
"""Records per batch (and per transaction)."""

PARALLEL_BYTES = 4 << 20
"""Imports smaller than this run in one process: starting workers would cost more."""


@dataclass
class Prepared:
    """A record with everything computed that does not need the database."""

    record: Record
    digest: str
    index_row: tuple[str, str, str] | None
    """None when the writing process computes it (it has time to spare while facts are extracted)."""
    facts: Facts | None


Item = Prepared | ImportFailure


def prepare(record: Record, with_facts: bool = True) -> Prepared:
    """Hash, analyse and (optionally) extract the facts of one record."""
    if with_facts:  # facts are the heavy part: leave the index row to the writing process
        return Prepared(record, record.content_hash, None, safe_extract(record.title, record.body, record.date))
    return Prepared(record, record.content_hash, index_row(record.title, record.body), None)


def _prepare_batch(batch: list[Record | ImportFailure], with_facts: bool) -> list[Item]:
    return [item if isinstance(item, ImportFailure) else prepare(item, with_facts) for item in batch]


def _batches(items: Iterable[Record | ImportFailure]) -> Iterator[list[Record | ImportFailure]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_SIZE)):
        yield batch


def worker_count() -> int:
    """Worker processes for a large import: all cores but the one writing to SQLite, at least 1."""
    return max(1, (os.cpu_count() or 1) - 1)


def prepared_batches(
    items: Iterable[Record | ImportFailure], with_facts: bool = True, workers: int = 0
) -> Iterator[list[Item]]:
    """Batches of prepared records in input order; ``workers`` > 0 uses that many processes."""
    if workers <= 0:
        for batch in _batches(items):
            yield _prepare_batch(batch, with_facts)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(workers) as pool:
        pending: deque = deque()
        for batch in _batches(items):
            pending.append(pool.apply_async(_prepare_batch, (batch, with_facts)))
            if len(pending) > 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
