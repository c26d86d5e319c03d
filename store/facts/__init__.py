"""Facts of an article: entities, dates, its own tables and lists (DESIGN §4).

``extract_facts(title, body)`` is pure and cheap (no model): hand-written gazetteers in
store/data/ compiled into dict lookups, trigger patterns, and store.structure for layout.
"""

from importlib.machinery import EXTENSION_SUFFIXES

import store.analysis
import store.records
from store.facts import entities, extract, numbers, rows, textdates, words
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
    "compiled",
    "extract_facts",
]


def compiled() -> bool:
    """True when the import's analysis in use is the compiled build (setup.py: mypyc modules,
    store.analysis among them, the C word pass and the C hashed text), False for the
    pure-Python modules (editable installs, ARCHIVE_TUI_PURE=1, or no compiler at install)."""
    modules = (store.analysis, entities, words, textdates, numbers, extract, rows)
    return words.C_SCAN and store.records.C_SQUEEZE and all((module.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES)) for module in modules)
