"""The article pane: a Line-API view that draws only the rows on screen.

Opening an article lays it out (cheap: row breaks per paragraph); each visible row is then
shaped and reordered when first drawn and cached until the width or the theme changes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.rtl import Document, Highlights, Row, layout, render_row
from tui.widgets.pieces import to_strip

ROLES = ("title", "heading", "header", "bullet", "decoration")
CONTEXT_ROWS = 2
"""Rows shown above a passage the view scrolls to."""


class ArticleView(ScrollView, can_focus=True):
    """The body of an article, shaped and in visual order (or logical order for bidi terminals)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"article--{role}" for role in ROLES} | {"article--hit"}

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        padding: 0 1;
    }
    ArticleView > .article--title { text-style: bold; color: $text-accent; }
    ArticleView > .article--heading { text-style: bold; color: $text-primary; }
    ArticleView > .article--header { text-style: bold; }
    ArticleView > .article--bullet { color: $text-accent; }
    ArticleView > .article--decoration { color: $text-muted; }
    ArticleView > .article--hit { background: $warning 40%; text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, *, visual: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.visual = visual
        """False: rows in logical order, for terminals that do their own bidi."""
        self.document: Document | None = None
        """The article shown, or None."""
        self.rows: list[Row] = []
        """The laid-out rows at the current width."""
        self._highlights = Highlights()
        self._strips: dict[int, Strip] = {}
        self._layout_width = 0
        self._styles: dict[tuple[str, bool], Style] = {}

    def show(
        self,
        document: Document | None,
        spans: list[tuple[int, int]] | None = None,
        at: int | None = None,
        top: int | None = None,
    ) -> None:
        """Show ``document`` with ``spans`` of its text highlighted, from the top, or scrolled to
        the character at offset ``at`` (e.g. the first mention of an entity), or with the row
        holding offset ``top`` as the first one (where a reader was: see top_offset)."""
        self.document = document
        self._highlights = Highlights(spans or [])
        self._relayout(force=True)
        self.scroll_home(animate=False, immediate=True)
        row = self.first_row_of(top) if top is not None else None
        if row is not None:
            self.scroll_to(y=row, animate=False, immediate=True, force=True)
        elif at is not None:
            self.scroll_to_offset(at)

    def top_offset(self) -> int | None:
        """The offset in the document text of the first character on the top row shown."""
        for row in self.rows[int(self.scroll_y) :]:
            if row.cells:
                return min(cell.start for cell in row.cells)
        return None

    def mark(self, spans: list[tuple[int, int]]) -> None:
        """Highlight ``spans`` instead of the current highlights and scroll to the first one."""
        self._highlights = Highlights(spans)
        self._strips.clear()
        self.refresh()
        if spans:
            self.scroll_to_offset(min(spans)[0])

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the row showing ``offset`` of the text is near the top (with a row of context)."""
        row = self.first_row_of(offset)
        if row is not None:
            # forced: just after a new document the scrollbars (which allow scrolling) are not laid out yet
            self.scroll_to(y=max(row - CONTEXT_ROWS, 0), animate=False, immediate=True, force=True)

    def set_visual(self, visual: bool) -> None:
        """Switch between visual order (the app does bidi) and logical order."""
        self.visual = visual
        self._relayout(force=True)  # rows break elsewhere: lam-alef is one cell shaped, two as it is

    def first_row_of(self, offset: int) -> int | None:
        """The row showing the character at ``offset`` of the document text."""
        for number, row in enumerate(self.rows):
            if any(cell.start <= offset < max(cell.end, cell.start + 1) for cell in row.cells):
                return number
        return None

    @property
    def text_width(self) -> int:
        """Cells available for text on one row."""
        return max(self.scrollable_content_region.width, 1)

    def _relayout(self, force: bool = False) -> None:
        width = self.text_width
        if not force and width == self._layout_width:
            return
        self._layout_width = width
        self.rows = layout(self.document, width, visual=self.visual) if self.document else []
        self._strips.clear()
        self.virtual_size = Size(width, len(self.rows))
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def _style_for(self, role: str, hit: bool) -> Style:
        key = (role, hit)
        if key not in self._styles:
            style = Style()
            if role in ROLES:
                style += self.get_component_rich_style(f"article--{role}", partial=True)
            if hit:
                style += self.get_component_rich_style("article--hit", partial=True)
            self._styles[key] = style
        return self._styles[key]

    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.text_width
        if self.document is None or index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(index)
        if strip is None:
            pieces = render_row(self.document, self.rows[index], self._highlights, visual=self.visual)
            strip = to_strip(pieces, self._style_for, width, self.rich_style)
            self._strips[index] = strip
        return strip
