"""A file or record that could not be imported, with where and why."""

from __future__ import annotations

from dataclasses import dataclass

from store.records import EMPTY_RECORD
from store.sanitize import clean_line


@dataclass(frozen=True)
class ImportFailure:
    """Something that did not import: the path, the record number when known, the reason."""

    path: str
    reason: str
    record: int | None = None
    passed_over: bool = False
    """True for a file in a folder that is no news file (an image, a program, a broken link):
    left out, listed, not a failure."""

    @property
    def empty(self) -> bool:
        """True for a record with no title and no text: nothing was lost by skipping it."""
        return self.reason == EMPTY_RECORD

    def __str__(self) -> str:
        """'path (record N): reason', with no control characters (names and reasons may be hostile)."""
        where = f"{self.path} (record {self.record})" if self.record is not None else self.path
        return clean_line(f"{where}: {self.reason}")
