"""JSON (one object or an array of objects) and JSON Lines articles."""

from __future__ import annotations

import json
from collections.abc import Iterator

from store.importers.encoding import DecodeError, decode, decode_lines
from store.importers.failures import ImportFailure
from store.importers.source import Source
from store.records import FIELD_NAMES, Record, RecordError, record_from_mapping

MAX_LINE_CHARS = 16_000_000
"""Longest JSON Lines record read; longer lines are reported without being loaded whole."""


def _records(items: list, source: Source) -> Iterator[Record | ImportFailure]:
    for number, item in enumerate(items, start=1):
        origin = f"{source.name}#{number}"
        try:
            yield record_from_mapping(item, origin=origin)
        except RecordError as exc:
            yield ImportFailure(source.name, str(exc), record=number)


def read_json(source: Source) -> Iterator[Record | ImportFailure]:
    """A JSON object, an array of objects, or an object whose only list holds the objects."""
    try:
        data = json.loads(decode(source.read_bytes()))
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1 and not _looks_like_article(data):
            data = lists[0]
        else:
            record = record_from_mapping(data, origin=source.name)
            if not record.key and not record.url:
                record.key = source.stem  # one article per file: the file names it
            yield record
            return
    if not isinstance(data, list):
        raise ValueError(f"expected an object or an array, found {type(data).__name__}")
    yield from _records(data, source)


def _looks_like_article(data: dict) -> bool:
    names = {str(k).lower() for k in data}
    return bool(names & set(FIELD_NAMES["title"] + FIELD_NAMES["body"]))


def read_jsonl(source: Source) -> Iterator[Record | ImportFailure]:
    """One JSON object per line, streamed; a bad or oversized line is reported, the others import.

    Undecodable bytes stop the file there: the lines before them import.
    """
    number = 0
    with source.open() as stream:
        try:
            for number, line in enumerate(decode_lines(stream, MAX_LINE_CHARS), start=1):
                yield from _line_record(line, source.name, number)
        except DecodeError as exc:
            yield ImportFailure(source.name, f"{exc}; this and later lines not read", record=number + 1)


def _line_record(line: str | None, name: str, number: int) -> Iterator[Record | ImportFailure]:
    if line is None:
        yield ImportFailure(name, f"line longer than {MAX_LINE_CHARS:,} characters", record=number)
        return
    if not line.strip():
        return
    try:
        yield record_from_mapping(json.loads(line), origin=f"{name}#{number}")
    except json.JSONDecodeError as exc:
        yield ImportFailure(name, f"invalid JSON: {exc.msg}", record=number)
    except RecordError as exc:
        yield ImportFailure(name, str(exc), record=number)
