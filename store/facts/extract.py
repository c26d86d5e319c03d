"""extract_facts: everything the facts sidebar shows for one article, from its text alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from store.facts.entities import Entity, Extractor
from store.facts.gazetteer import DATE, NUMBER
from store.facts.numbers import find_numbers
from store.facts.textdates import find_dates
from store.facts.words import TextWords
from store.structure import _BULLET, LIST, TABLE, blocks

_extractor: Extractor | None = None

# store.structure finds a list only at a bullet line and a table only under a two-word header
# line: texts with neither (most news) skip the block parse. A line start is the text's start
# or a "\n": searching for that literal first is several times faster than (?m)^ (tried at
# every character).
_LIST_LINE = _BULLET.pattern
_TABLE_HEADER_LINE = r"[ \t]*\S+[ \t]+\S+[ \t\r]*\n"
_STARTS_STRUCTURE = re.compile(f"(?:{_LIST_LINE}|{_TABLE_HEADER_LINE})")
_STRUCTURE_LINE = re.compile(f"\n(?:{_LIST_LINE}|{_TABLE_HEADER_LINE})")


def _may_have_structure(text: str) -> bool:
    """True when some line starts a bullet or is a two-word line (a table's header)."""
    return _STARTS_STRUCTURE.match(text) is not None or _STRUCTURE_LINE.search(text) is not None


class Table(NamedTuple):
    """A key-value table written in the article: its header row and its (key, value) rows."""

    header: tuple[str, str]
    rows: tuple[tuple[str, str], ...]


@dataclass
class Facts:
    """Entities (offsets into the body), tables and bullet lists of one article."""

    entities: list[Entity] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    lists: list[list[str]] = field(default_factory=list)

    def to_json(self, key: str = "") -> dict[str, Any]:
        """The ``facts --json`` object."""
        return {
            "key": key,
            "entities": [
                {"type": e.type, "text": e.text, "canonical": e.canonical, "start": e.start, "end": e.end}
                for e in self.entities
            ],
            "tables": [{"header": list(t.header), "rows": [list(r) for r in t.rows]} for t in self.tables],
            "lists": [list(items) for items in self.lists],
        }


def extractor() -> Extractor:
    """The process-wide extractor (its word cache is what makes extraction fast)."""
    global _extractor
    if _extractor is None:
        _extractor = Extractor()
    return _extractor


def extract_entities(text: str, year: int | None = None, words: TextWords | None = None) -> list[Entity]:
    """Named entities, dates and counted numbers of a text, in order of position (``words``:
    its TextWords)."""
    words = words if words is not None else extractor().words(text)
    dates = find_dates(text, year, words.digits)
    spans = [(d.start, d.end) for d in dates]
    entities = extractor().entities(text, spans, words)
    numbers = [n for n in find_numbers(text) if not _inside(n.start, spans)]
    if dates or numbers:
        entities.extend(Entity(DATE, text[d.start : d.end], d.iso, d.start, d.end) for d in dates)
        entities.extend(Entity(NUMBER, text[n.start : n.end], n.canonical, n.start, n.end) for n in numbers)
        entities.sort(key=lambda e: e.start)
    return entities


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def extract_facts(title: str, body: str, date: str = "", words: TextWords | None = None) -> Facts:
    """The facts of an article. Entity offsets are into ``body``; the title is only context.

    ``date`` (ISO) lends its year to day-and-month dates written without one; ``words`` is
    ``extractor().words(body)`` when the caller has it already.
    """
    year = int(date[:4]) if date[:4].isdigit() else None
    tables: list[Table] = []
    lists: list[list[str]] = []
    structured = _may_have_structure(body)
    for block in blocks(body) if structured else ():
        if block.kind == TABLE and len(block.parts) > 1:
            rows = [(key, value) for key, value in block.texts(body)]
            tables.append(Table(rows[0], tuple(rows[1:])))
        elif block.kind == LIST:
            lists.append([item[0] for item in block.texts(body)])
    return Facts(extract_entities(body, year, words), tables, lists)
