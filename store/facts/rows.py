"""The stored form of an article's facts, built where they are extracted (the import's workers):
one link per distinct entity with its mentions' offsets packed, the tables and lists as JSON."""

from __future__ import annotations

import json
from array import array
from typing import NamedTuple

from store.facts.extract import Facts, Table
from store.facts.gazetteer import entity_key


def pack_spans(spans: list[int]) -> bytes:
    """Mention offsets (start, end, start, end, …) as stored in ``article_entities.spans``."""
    return array("i", spans).tobytes()


def unpack_spans(blob: bytes) -> list[tuple[int, int]]:
    """(start, end) of each mention from ``article_entities.spans``."""
    flat = array("i")
    flat.frombytes(blob)
    return list(zip(flat[0::2], flat[1::2], strict=True))


class FactRows(NamedTuple):
    """An article's facts in the form they are stored: one link per distinct entity, the
    tables and lists as JSON."""

    links: tuple[tuple[str, str, str, int, bytes], ...]
    """(lookup form, type, canonical, mentions, packed spans) per distinct entity."""
    tables: str
    lists: str


def fact_rows(facts: Facts) -> FactRows:
    """The stored form of ``facts``: mentions of one entity grouped, their offsets packed."""
    spans: dict[tuple[str, str], list[int]] = {}
    canonical: dict[tuple[str, str], str] = {}
    for e in facts.entities:
        key = (entity_key(e.canonical), e.type)
        found = spans.get(key)
        if found is None:
            spans[key] = [e.start, e.end]
            canonical[key] = e.canonical
        else:
            found += (e.start, e.end)
    links = tuple(
        (norm, type_, canonical[norm, type_], len(offsets) // 2, pack_spans(offsets))
        for (norm, type_), offsets in spans.items()
    )
    return FactRows(links, _json(_table_rows(facts.tables)), _json(facts.lists))


def _table_rows(tables: list[Table]) -> list[list[list[str]]]:
    return [[list(t.header), *map(list, t.rows)] for t in tables]


def _json(value: list) -> str:
    return json.dumps(value, ensure_ascii=False) if value else "[]"
