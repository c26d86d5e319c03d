"""A short message line (status, article metadata) drawn by the RTL renderer.

Arabic in a message (an entity name, a query word in an error) is shaped and put in visual
order like the rest of the screen, and the message is re-fitted when the widget is resized:
wrapped onto a few rows, or cut with "…" when ``wrap`` is False.
"""

from __future__ import annotations

from rich.style import Style
from textual.widgets import Static

from store.sanitize import clean_line
from store.structure import PARAGRAPH, Block
from tui.rtl import Document, label, render
from tui.widgets.pieces import to_text


class MessageLine(Static):
    """``show(message)`` draws ``message`` shaped, in visual order, fitted to the width."""

    DEFAULT_CSS = """
    MessageLine { height: auto; max-height: 3; }
    """

    def __init__(self, *, wrap: bool = True, visual: bool = True, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.wraps = wrap
        """True: long messages take more rows (up to max-height); False: one row cut with "…"."""
        self.visual_order = visual
        """False: logical order, for terminals that do their own bidi."""
        self.message = ""
        """The message shown (logical order)."""
        self._style = Style()
        self._width = 0

    def show(self, message: str, style: str | Style = "") -> None:
        """Show ``message`` in ``style``."""
        self.message = clean_line(message)
        self._style = Style.parse(style) if isinstance(style, str) else style
        self._draw()

    def set_visual(self, visual: bool) -> None:
        """Switch between visual and logical order."""
        self.visual_order = visual
        self._draw()

    def _draw(self) -> None:
        self._width = width = max(self.content_region.width, 10)
        text = self.message
        if not text:
            rows = []
        elif self.wraps:
            document = Document(text, [Block(PARAGRAPH, (((0, len(text)),),))])
            rows = render(document, width, visual=self.visual_order)
        else:
            rows = [label(text, width, visual=self.visual_order)]
        self.update(to_text(rows, lambda *_: self._style))

    def on_resize(self) -> None:
        if max(self.content_region.width, 10) != self._width:
            self._draw()
