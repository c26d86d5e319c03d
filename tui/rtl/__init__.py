"""Right-to-left rendering for the terminal: layout, shaping, bidi reordering, highlights.

One code path serves the article pane and ``archive-tui show --width N``::

    document = Document.from_article(title, body)
    rows = layout(document, width)            # cheap: where rows break, per paragraph direction
    pieces = render_row(document, rows[y], Highlights(spans))   # shaped, visual order
"""

from tui.rtl.layout import Cell, Deco, Document, Row, layout, wrap
from tui.rtl.render import Highlights, Piece, label, plain_rows, render, render_row, visual_text

__all__ = [
    "Cell",
    "Deco",
    "Document",
    "Highlights",
    "Piece",
    "Row",
    "label",
    "layout",
    "plain_rows",
    "render",
    "render_row",
    "visual_text",
    "wrap",
]
