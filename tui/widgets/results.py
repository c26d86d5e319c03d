"""The result list: title, date and source, and a snippet with the hits highlighted, all shaped RTL.

A Line-API view: every hit takes the same number of rows, and a hit is drawn by the RTL
renderer only when it scrolls into view (then cached until the width or theme changes), so
showing a new result list on each keystroke costs the same for 10 hits as for 1,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import Hit
from tui.rtl import Document, Highlights, Piece, label, layout, render_row
from tui.widgets.pieces import to_strip

SNIPPET_ROWS = 2
ROWS_PER_HIT = 3 + SNIPPET_ROWS
"""Title, date/source, snippet rows, one empty row."""


class ResultList(ScrollView, can_focus=True):
    """Search hits; Enter or a click opens one (``ResultList.Selected``)."""

    class Selected(Message):
        """A hit was chosen."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key
            """The chosen article's key."""

    class WantsMore(Message):
        """The cursor reached the last hit of a list that goes on (see ``more``)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "results--title",
        "results--meta",
        "results--partial",
        "results--hit",
        "results--cursor",
    }

    DEFAULT_CSS = """
    ResultList { overflow-x: hidden; padding: 0 1; }
    ResultList > .results--title { text-style: bold; }
    ResultList > .results--meta { color: $text-muted; }
    ResultList > .results--partial { color: $text-warning; }
    ResultList > .results--hit { background: $warning 40%; text-style: bold; }
    ResultList > .results--cursor { background: $primary 15%; }
    ResultList:focus > .results--cursor { background: $primary 35%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next", show=False),
        Binding("up,k", "move(-1)", "Previous", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Last", show=False),
        Binding("enter", "select", "Open"),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    """Index of the hit under the cursor."""

    def __init__(self, *, visual: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.visual = visual
        """False: rows in logical order, for terminals that do their own bidi."""
        self.hits: list[Hit] = []
        """The hits listed, in order."""
        self.mentions = False
        """True when the hits are an entity's articles and their scores its mention counts."""
        self.more = False
        """True when more hits follow the ones listed: the cursor on the last one asks for them
        (WantsMore), once, until they are added (add_hits)."""
        self._drawn: dict[int, list[list[Piece]]] = {}
        self._styles: dict[tuple[str, bool], Style] = {}
        self._width = 0

    @property
    def option_count(self) -> int:
        """How many hits are listed."""
        return len(self.hits)

    @property
    def highlighted_key(self) -> str | None:
        """The key of the hit under the cursor."""
        index = self.highlighted
        return self.hits[index].key if index is not None and index < len(self.hits) else None

    def show_hits(self, hits: Sequence[Hit], mentions: bool = False, more: bool = False) -> None:
        """Replace the list with ``hits``, the cursor on the first one; ``mentions``: their scores
        are how often each mentions an entity (shown after the date and source); ``more``: more
        hits follow them."""
        self.hits = list(hits)
        self.mentions = mentions
        self.more = more
        self._drawn.clear()
        self._resize_virtual()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.highlighted = 0 if self.hits else None
        self.refresh()

    def add_hits(self, hits: Sequence[Hit], more: bool) -> None:
        """Add the hits that follow the ones listed (the cursor stays where it is)."""
        known = {hit.key for hit in self.hits}
        self.hits += [hit for hit in hits if hit.key not in known]
        self.more = more
        self._resize_virtual()
        self.refresh()

    def redraw(self) -> None:
        """Draw every hit again (after a bidi-mode switch)."""
        self._drawn.clear()
        self.refresh()

    def _resize_virtual(self) -> None:
        self._width = max(self.scrollable_content_region.width, 1)
        self.virtual_size = Size(self._width, len(self.hits) * ROWS_PER_HIT)

    def on_resize(self) -> None:
        if max(self.scrollable_content_region.width, 1) != self._width:
            self._drawn.clear()
            self._resize_virtual()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    # -- moving and choosing ---------------------------------------------------------------

    def validate_highlighted(self, index: int | None) -> int | None:
        if index is None or not self.hits:
            return None
        return min(max(index, 0), len(self.hits) - 1)

    def watch_highlighted(self, index: int | None) -> None:
        if index is not None and self.is_mounted:
            region = Region(0, index * ROWS_PER_HIT, self._width, ROWS_PER_HIT)
            self.scroll_to_region(region, animate=False, force=True, immediate=True)
        if index is not None and self.more and index == len(self.hits) - 1:
            self.more = False  # (asked once: add_hits says whether still more follow)
            self.post_message(self.WantsMore())
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.hits:
            self.highlighted = (self.highlighted or 0) + step

    def action_page(self, direction: int) -> None:
        per_page = max(self.scrollable_content_region.height // ROWS_PER_HIT, 1)
        self.action_move(direction * per_page)

    def action_select(self) -> None:
        key = self.highlighted_key
        if key is not None:
            self.post_message(self.Selected(key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (self.scroll_offset.y + offset.y) // ROWS_PER_HIT
        if index < len(self.hits):
            self.highlighted = index
            self.action_select()

    # -- drawing ---------------------------------------------------------------------------

    def _style_for(self, role: str, hit: bool) -> Style:
        key = (role, hit)
        if key not in self._styles:
            style = Style()
            if role in ("title", "meta", "partial"):
                style += self.get_component_rich_style(f"results--{role}", partial=True)
            if hit:
                style += self.get_component_rich_style("results--hit", partial=True)
            self._styles[key] = style
        return self._styles[key]

    def _draw(self, index: int) -> list[list[Piece]]:
        """The rows of hit ``index`` at the current width (cached)."""
        if index in self._drawn:
            return self._drawn[index]
        hit, width, visual = self.hits[index], self._width, self.visual
        rows = [label(hit.title, width, hit.title_highlights, role="title", visual=visual)]
        # an entity's mention count before the source: on a narrow pane the source is what is cut
        mentioned = f"{hit.score:.0f} mentions" if self.mentions and hit.score > 1 else ""
        meta = " · ".join(part for part in (hit.date[:10] or "undated", mentioned, hit.source) if part)
        if hit.partial and hit.missing:
            meta += " · without: " + " ".join(hit.missing)
        rows.append(label(meta, width, role="partial" if hit.partial else "meta", visual=visual))
        if hit.snippet:
            document = Document.from_text(hit.snippet)
            highlights = Highlights(hit.highlights)
            rows.extend(
                render_row(document, row, highlights, visual=visual)
                for row in layout(document, width, visual=visual)[:SNIPPET_ROWS]
            )
        rows.extend([] for _ in range(ROWS_PER_HIT - len(rows)))
        self._drawn[index] = rows
        return rows

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        index, row = divmod(line, ROWS_PER_HIT)
        width = max(self.scrollable_content_region.width, 1)
        if index >= len(self.hits) or width != self._width:
            return Strip.blank(width, self.rich_style)
        base = self.rich_style
        if index == self.highlighted and row < ROWS_PER_HIT - 1:
            base = base + self.get_component_rich_style("results--cursor", partial=True)
        return to_strip(self._draw(index)[row], self._style_for, width, base)
