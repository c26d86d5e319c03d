"""JSON (one object or an array of objects) and JSON Lines articles."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any

from store.importers.encoding import DecodeError, decode, decode_lines, decode_stream, repair_mojibake
from store.importers.failures import ImportFailure
from store.importers.source import Source
from store.records import FIELD_NAMES, Record, RecordError, record_from_mapping

MAX_LINE_CHARS = 16_000_000
"""Longest JSON Lines record or JSON array element read; longer ones are reported."""
MAX_WHOLE_JSON_BYTES = 128 * 1024 * 1024
"""Largest JSON file that is an object (arrays are streamed and have no limit)."""
_SPACE = re.compile(r"[ \t\r\n]*")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parsed(text: str) -> Any:
    """``text`` parsed, see _readable."""
    return _readable(text, json.loads(text))


def _readable(text: str, value: Any) -> Any:
    """``value`` (parsed from ``text``) with every lone surrogate escape (``"\\ud800"``: half
    of a UTF-16 pair, which no text can hold) read as U+FFFD.

    Left in, such a character could not be hashed or stored and stopped the whole import.
    """
    if "\\ud" in text or "\\uD" in text:  # (a plain search: the repair walk is for these only)
        value = _without_lone_surrogates(value)
    return value


def _without_lone_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def _records(items: list, source: Source) -> Iterator[Record | ImportFailure]:
    for number, item in enumerate(items, start=1):
        origin = f"{source.name}#{number}"
        try:
            yield record_from_mapping(item, origin=origin)
        except RecordError as exc:
            yield ImportFailure(source.name, str(exc), record=number)


def read_json(source: Source) -> Iterator[Record | ImportFailure]:
    """A JSON object, an array of objects, or an object whose only list holds the objects.

    A top-level array is streamed one element at a time (any file size, bounded memory);
    an object is read whole, up to ``MAX_WHOLE_JSON_BYTES``.
    """
    if _starts_with_bracket(source):
        yield from _read_array(source)
        return
    if source.size > MAX_WHOLE_JSON_BYTES:
        raise ValueError(f"JSON object too large ({source.size:,} bytes > {MAX_WHOLE_JSON_BYTES:,})")
    try:
        data = _parsed(decode(source.read_bytes()))
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


def _starts_with_bracket(source: Source) -> bool:
    with source.open() as stream:
        head = stream.read(4096)
    try:
        text = next(decode_stream(io.BytesIO(head)), "")
    except DecodeError:
        return False
    return text.lstrip("\ufeff \t\r\n").startswith("[")


def _read_array(source: Source) -> Iterator[Record | ImportFailure]:
    """Elements of a top-level array as records; a broken element is reported and the next ones
    read (when the next object can be found; else the file stops there)."""
    number = 0
    with source.open() as stream:
        try:
            for number, (value, raw) in enumerate(_array_elements(decode_stream(stream)), start=1):
                if value is BROKEN:
                    yield ImportFailure(source.name, raw, record=number)
                    continue
                repaired = repair_mojibake(raw)
                if repaired is not raw:  # parse again only when mojibake was undone
                    value = json.loads(repaired)
                value = _readable(repaired, value)
                try:
                    yield record_from_mapping(value, origin=f"{source.name}#{number}")
                except RecordError as exc:
                    yield ImportFailure(source.name, str(exc), record=number)
        except (ValueError, DecodeError) as exc:
            yield ImportFailure(source.name, f"{exc}; this and later records not read", record=number + 1)
        except RecursionError:
            reason = "JSON nested too deeply; this and later records not read"
            yield ImportFailure(source.name, reason, record=number + 1)


BROKEN = object()
"""The value _array_elements gives for an element that is not JSON (its text is then why)."""
_NEXT_OBJECT = re.compile(r"\}\s*,\s*(?=\{)")
"""Where the next object of an array begins, after a broken one."""


def _array_elements(chunks: Iterator[str]) -> Iterator[tuple[Any, str]]:
    """(value, JSON text) of each element of a top-level array, reading ``chunks`` as needed;
    (BROKEN, why) for an element that is not JSON, when the next object can be found after it.

    Raises ValueError for malformed JSON it cannot read past, truncated JSON and an element over
    MAX_LINE_CHARS.
    """
    decoder = json.JSONDecoder()
    buffer, pos, state = "", 0, "start"
    for chunk in chunks:
        buffer = buffer[pos:] + chunk
        pos = 0
        while True:
            pos = _SPACE.match(buffer, pos).end()
            if pos >= len(buffer):
                break
            char = buffer[pos]
            if state == "start":
                if char != "[":
                    raise ValueError("not a JSON array")
                pos, state = pos + 1, "value"
            elif state == "after":
                if char not in ",]":
                    raise ValueError(f"invalid JSON: expected ',' or ']', found {char!r}")
                if char == "]":
                    return
                pos, state = pos + 1, "value"
            elif char == "]":  # empty array (or a trailing comma, which we forgive)
                return
            else:
                try:
                    value, end = decoder.raw_decode(buffer, pos)
                except json.JSONDecodeError as exc:
                    if not _incomplete(exc, buffer):
                        following = _NEXT_OBJECT.search(buffer, exc.pos)
                        if following is None:
                            raise ValueError(f"invalid JSON: {exc.msg}") from None
                        yield BROKEN, f"invalid JSON: {exc.msg}; read on from the next record"
                        pos = following.end()  # (the next element, a "{", follows)
                        continue
                    if len(buffer) - pos > MAX_LINE_CHARS:
                        raise ValueError(f"record larger than {MAX_LINE_CHARS:,} characters") from None
                    break  # needs the next chunk
                if end == len(buffer) and buffer[end - 1] not in '}]"':
                    break  # a number or literal may go on in the next chunk
                yield value, buffer[pos:end]
                pos, state = end, "after"
    raise ValueError("truncated JSON: the file ends inside the array")


def _incomplete(exc: json.JSONDecodeError, buffer: str) -> bool:
    """True when more text could make ``buffer`` parse (the error is at its end)."""
    return exc.pos >= len(buffer) - 16 or exc.msg.startswith("Unterminated string")


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
        yield record_from_mapping(_parsed(line), origin=f"{name}#{number}")
    except json.JSONDecodeError as exc:
        yield ImportFailure(name, f"invalid JSON: {exc.msg}", record=number)
    except RecursionError:
        yield ImportFailure(name, "JSON nested too deeply", record=number)
    except RecordError as exc:
        yield ImportFailure(name, str(exc), record=number)
