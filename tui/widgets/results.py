"""The result list: title, date and source, and a snippet with the hits highlighted, all shaped RTL.

An OptionList (fast with thousands of entries, unlike ListView). Prompts are drawn by the RTL
renderer at the list's width, so they are rebuilt when the width changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store import Hit
from tui.rtl import Document, Highlights, label, layout, render_row
from tui.widgets.pieces import to_text

SNIPPET_ROWS = 2


class ResultList(OptionList):
    """Search hits; Enter (or a click) opens one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "results--title",
        "results--meta",
        "results--hit",
        "results--partial",
    }

    DEFAULT_CSS = """
    ResultList > .results--title { text-style: bold; }
    ResultList > .results--meta { color: $text-muted; }
    ResultList > .results--partial { color: $text-warning; }
    ResultList > .results--hit { background: $warning 40%; text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, visual: bool = True, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.visual = visual
        """False: rows in logical order, for terminals that do their own bidi."""
        self.hits: list[Hit] = []
        """The hits listed, in order."""
        self._width = 0

    def show_hits(self, hits: Sequence[Hit]) -> None:
        """Replace the list with ``hits``, the first one highlighted."""
        self.hits = list(hits)
        self._width = self._prompt_width()
        self.set_options(self._option(hit) for hit in self.hits)
        if self.hits:
            self.highlighted = 0

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted hit."""
        if self.highlighted is None or self.highlighted >= len(self.hits):
            return None
        return self.hits[self.highlighted].key

    def _prompt_width(self) -> int:
        padding = self.get_component_styles("option-list--option").padding
        return max(self.scrollable_content_region.width - self._get_left_gutter_width() - padding.width, 8)

    def on_resize(self) -> None:
        width = self._prompt_width()
        if width != self._width and self.hits:
            highlighted = self.highlighted
            self._width = width
            self.set_options(self._option(hit) for hit in self.hits)
            self.highlighted = highlighted

    def _style_for(self, role: str, hit: bool) -> Style:
        style = Style()
        if role in ("title", "meta", "partial"):
            style += self.get_component_rich_style(f"results--{role}", partial=True)
        if hit:
            style += self.get_component_rich_style("results--hit", partial=True)
        return style

    def _option(self, hit: Hit) -> Option:
        width = self._width
        rows = [label(hit.title, width, hit.title_highlights, role="title", visual=self.visual)]
        meta = " · ".join(part for part in (hit.date[:10] or "undated", hit.source) if part)
        if hit.partial and hit.missing:
            meta += " · without: " + " ".join(hit.missing)
        rows.append(label(meta, width, role="partial" if hit.partial else "meta", visual=self.visual))
        if hit.snippet:
            document = Document.from_text(hit.snippet)
            highlights = Highlights(hit.highlights)
            snippet_rows = layout(document, width)[:SNIPPET_ROWS]
            rows.extend(render_row(document, row, highlights, visual=self.visual) for row in snippet_rows)
        text: Text = to_text(rows, self._style_for)
        text.append("\n")
        return Option(text, id=hit.key)
