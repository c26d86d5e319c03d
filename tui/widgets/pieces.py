"""Turning the renderer's pieces into Rich text or Textual strips with a widget's styles."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.rtl import Piece

StyleFor = Callable[[str, bool], Style]
"""(role, is a hit) → style."""


def to_strip(pieces: Sequence[Piece], style_for: StyleFor, width: int, base: Style) -> Strip:
    """One screen row; padded or cropped to ``width``."""
    segments = [Segment(p.text, base + style_for(p.role, p.hit)) for p in pieces if p.text]
    return Strip(segments).extend_cell_length(width, base).crop(0, width)


def to_text(rows: Sequence[Sequence[Piece]], style_for: StyleFor) -> Text:
    """Rows as one Rich ``Text`` (never parsed as markup), one line per row."""
    text = Text(no_wrap=True, overflow="crop", end="")
    for number, pieces in enumerate(rows):
        if number:
            text.append("\n")
        for piece in pieces:
            if piece.text:
                text.append(piece.text, style_for(piece.role, piece.hit))
    return text
