"""Browsing history like a web browser's: a bounded list of locations with a cursor.

A plain class, separate from any widget, so it is tested without a screen.
"""

from __future__ import annotations

from collections import deque
from typing import Generic, TypeVar

DEFAULT_LIMIT = 200
"""Entries kept; the oldest are forgotten first."""


Location = TypeVar("Location")


class History(Generic[Location]):
    """Visited locations; ``back``/``forward`` move the cursor, ``remember`` adds after it."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self._entries: deque[Location] = deque(maxlen=max(limit, 1))
        self._cursor = -1

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def current(self) -> Location | None:
        """The location being shown, or None before the first one."""
        return self._entries[self._cursor] if self._cursor >= 0 else None

    @property
    def can_go_back(self) -> bool:
        """True when there is an earlier location."""
        return self._cursor > 0

    @property
    def can_go_forward(self) -> bool:
        """True when ``back`` was used and there is a later location."""
        return self._cursor < len(self._entries) - 1

    def remember(self, location: Location) -> None:
        """Visit ``location``: forward entries are dropped, a repeat of the current one is not added."""
        if location == self.current:
            return
        while len(self._entries) > self._cursor + 1:
            self._entries.pop()
        if len(self._entries) == self._entries.maxlen:
            self._cursor -= 1  # the deque forgets its oldest entry
        self._entries.append(location)
        self._cursor = len(self._entries) - 1

    def back(self) -> Location | None:
        """Move to the previous location and return it (None at the start)."""
        if not self.can_go_back:
            return None
        self._cursor -= 1
        return self.current

    def forward(self) -> Location | None:
        """Move to the next location and return it (None at the end)."""
        if not self.can_go_forward:
            return None
        self._cursor += 1
        return self.current
