"""Facts of an article: entities, dates, its own tables and lists (DESIGN §4).

``extract_facts(title, body)`` is pure and cheap (no model): hand-written gazetteers in
store/data/ compiled into dict lookups, trigger patterns, and store.structure for layout.
"""

from store.facts.entities import Entity
from store.facts.extract import Facts, Table, extract_facts
from store.facts.gazetteer import DATE, NUMBER, ORG, PERSON, PLACE, TYPES, UNIT
from store.facts.storage import Mention, NamedEntity

__all__ = [
    "DATE",
    "NUMBER",
    "ORG",
    "PERSON",
    "PLACE",
    "TYPES",
    "UNIT",
    "Entity",
    "Facts",
    "Mention",
    "NamedEntity",
    "Table",
    "extract_facts",
]
