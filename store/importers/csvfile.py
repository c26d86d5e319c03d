"""CSV with a header row (as ``archive-tui export --format csv`` writes): one article per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from store.importers.encoding import decode
from store.importers.failures import ImportFailure
from store.importers.source import Source
from store.records import Record, RecordError, record_from_mapping

MAX_FIELD_CHARS = 16_000_000
"""Largest single cell (article bodies are long, the csv module's default of 128 KB is not enough)."""


def read_csv(source: Source) -> Iterator[Record | ImportFailure]:
    """Rows keyed by the header; a row that cannot become an article is reported, the rest import."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.DictReader(io.StringIO(decode(source.read_bytes()), newline=""))
    if not reader.fieldnames:
        raise ValueError("empty CSV file (no header row)")
    try:
        for number, row in enumerate(reader, start=1):
            row.pop(None, None)  # cells beyond the header
            try:
                yield record_from_mapping(row, origin=f"{source.name}#{number}")
            except RecordError as exc:
                yield ImportFailure(source.name, str(exc), number)
    except csv.Error as exc:
        raise ValueError(f"invalid CSV at line {reader.line_num}: {exc}") from None
