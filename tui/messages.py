"""Messages the widgets send upward; the main screen reacts to them."""

from __future__ import annotations

from textual.message import Message


class OpenArticle(Message):
    """Open the article with this key (from a result, a bookmark or a facts link)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        """The article key."""


class MonthChosen(Message):
    """A month of the timeline was chosen ("YYYY-MM"), or the choice cleared (None)."""

    def __init__(self, month: str | None) -> None:
        super().__init__()
        self.month = month
        """The chosen month, or None for every month."""


class FactChosen(Message):
    """A fact of the sidebar was chosen: search for its value."""

    def __init__(self, group: str, label: str, value: str) -> None:
        super().__init__()
        self.group = group
        """The fact's group ("Table", "Places", ...)."""
        self.label = label
        """Its label (a table row's key, an entity's type...)."""
        self.value = value
        """Its value: what a search for it looks for."""
