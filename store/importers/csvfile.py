"""CSV with a header row (as ``archive-tui export --format csv`` writes): one article per row.

Read as a stream, one row at a time, so memory stays bounded whatever the file size.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from store.importers.encoding import DecodeError, decode_stream, repair_mojibake
from store.importers.failures import ImportFailure
from store.importers.source import Source
from store.records import Record, RecordError, record_from_mapping

MAX_FIELD_CHARS = 16_000_000
"""Largest single cell (article bodies are long, the csv module's default of 128 KB is not enough)."""


def read_csv(source: Source) -> Iterator[Record | ImportFailure]:
    """Rows keyed by the header; a row that cannot become an article, or is malformed CSV (a
    stray quote), is reported and the rest import. Undecodable bytes stop the file there: the
    rows before import."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    number = 0
    with source.open() as stream:
        reader = csv.DictReader(_lines(decode_stream(stream)), strict=True)
        try:
            if not reader.fieldnames:
                raise ValueError("empty CSV file (no header row)")
            while True:
                number += 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:  # the reader goes on at the next line
                    yield ImportFailure(source.name, f"invalid CSV at line {reader.line_num + 1}: {exc}", number)
                    continue
                row.pop(None, None)  # cells beyond the header
                try:
                    yield record_from_mapping(row, origin=f"{source.name}#{number}")
                except RecordError as exc:
                    yield ImportFailure(source.name, str(exc), number)
        except DecodeError as exc:
            yield ImportFailure(source.name, f"{exc}; this and later rows not read", number)


def _lines(chunks: Iterator[str]) -> Iterator[str]:
    """Text lines with their line ends (as the csv module wants them), mojibake repaired."""
    pending = ""
    for chunk in chunks:
        parts = (pending + chunk).split("\n")
        pending = parts.pop()
        if len(pending) > MAX_FIELD_CHARS:
            raise csv.Error(f"line longer than {MAX_FIELD_CHARS:,} characters")
        for part in parts:
            yield repair_mojibake(part + "\n")
    if pending:
        yield repair_mojibake(pending)
