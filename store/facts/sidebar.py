"""Facts grouped for display: the facts sidebar (and `facts` text output) only prints these."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.facts.extract import Facts
from store.facts.gazetteer import DATE, NUMBER, ORG, PERSON, PLACE, UNIT

GROUP_LABELS = {PERSON: "People", PLACE: "Places", ORG: "Organisations", UNIT: "Units", DATE: "Dates", NUMBER: "Numbers"}
TABLE, LIST = "TABLE", "LIST"
TABLE_LABEL = "Table"
"""How the heading of an article's own table starts ("Table", "Table 2"): its items are rows."""


@dataclass(frozen=True)
class Item:
    """One line of a group. ``value`` is what selecting it means: for an entity "TYPE:canonical"
    (see ``parse_value``), for a table row the row's value, for a list item the item."""

    label: str
    value: str
    count: int = 1
    spans: tuple[tuple[int, int], ...] = ()
    """Where it occurs in the body (entities only)."""


@dataclass
class Group:
    """A heading with its items; ``count`` is what the heading shows."""

    kind: str
    label: str
    items: list[Item] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def heading(self) -> str:
        return f"{self.label} ({self.count})"


def sidebar_groups(facts: Facts) -> list[Group]:
    """Entity groups (people, places, organisations, units, dates, numbers; most mentioned first),
    then each table and each list. Empty groups are left out."""
    groups: list[Group] = []
    for kind, label in GROUP_LABELS.items():
        spans: dict[str, list[tuple[int, int]]] = {}
        for e in facts.entities:
            if e.type == kind:
                spans.setdefault(e.canonical, []).append((e.start, e.end))
        if spans:
            ordered = sorted(spans.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
            items = [Item(name, f"{kind}:{name}", len(where), tuple(where)) for name, where in ordered]
            groups.append(Group(kind, label, items))
    for n, table in enumerate(facts.tables, start=1):
        label = TABLE_LABEL if len(facts.tables) == 1 else f"{TABLE_LABEL} {n}"
        groups.append(Group(TABLE, label, [Item(key, value) for key, value in table.rows]))
    for n, items in enumerate(facts.lists, start=1):
        label = "List" if len(facts.lists) == 1 else f"List {n}"
        groups.append(Group(LIST, label, [Item(item, item) for item in items]))
    return groups


def sidebar_items(facts: Facts, counts: bool = False) -> list[tuple[str, str, str]]:
    """The groups flattened to (group heading with count, label, value) triples; with ``counts``
    an entity mentioned more than once has its mentions in the label ("طرابلس ×8")."""
    return [
        (group.heading, f"{item.label} ×{item.count}" if counts and item.count > 1 else item.label, item.value)
        for group in sidebar_groups(facts)
        for item in group.items
    ]


def parse_value(value: str) -> tuple[str, str] | None:
    """(type, canonical) of an entity item's value, or None for table rows and list items."""
    kind, sep, canonical = value.partition(":")
    return (kind, canonical) if sep and kind in GROUP_LABELS else None
