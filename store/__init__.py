"""Everything below the screen: the archive, Arabic analysis, importers, search, facts."""

from store.archive import Archive, ArchiveError, Article, ImportReport, Stats
from store.importers import ImportFailure
from store.query import QueryError
from store.records import Record
from store.search import Hit

__all__ = [
    "Archive",
    "ArchiveError",
    "Article",
    "Hit",
    "ImportFailure",
    "ImportReport",
    "QueryError",
    "Record",
    "Stats",
]
