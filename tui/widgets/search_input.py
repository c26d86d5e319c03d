"""The query input: Arabic shows shaped and in visual order, with the cursor where it belongs.

Textual's Input draws the value's code points left to right, so Arabic comes out as isolated
letters in reverse. When the value holds right-to-left text this input draws the visual line
from the renderer instead (right-aligned for a right-to-left query) and places the cursor on
the cell of the logical character it stands before; at the end of a right-to-left query the
cursor sits left of the text, where the next letter will appear. Mouse clicks map back through
the same cells, and the arrow keys move the cursor the way they point on screen.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import Input

from tui.rtl import visual_text
from tui.rtl.bidi import base_direction, bidi_class

_RTL_CLASSES = frozenset({"R", "AL", "AN"})


def has_rtl(text: str) -> bool:
    """True when ``text`` holds right-to-left characters."""
    return any(bidi_class(c) in _RTL_CLASSES for c in text)


class SearchInput(Input):
    """An Input that draws right-to-left queries in visual order."""

    visual = True
    """False: draw code points as typed (for terminals that do their own bidi)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._cells: list[int] = []  # logical cursor position for each drawn cell
        self._cursor_cell = 0

    def append_typed(self, text: str, new_word: bool = True) -> None:
        """Take focus and add ``text`` to the end of the query (typing that began in another
        pane), as a new word unless ``new_word`` is False."""
        self.focus()
        separator = " " if new_word and self.value and not self.value[-1].isspace() else ""
        self.cursor_position = len(self.value)
        self.insert_text_at_cursor(separator + text)

    def _rtl_mode(self) -> bool:
        return self.visual and not self.password and has_rtl(self.value)

    def _visual_cells(self, width: int) -> tuple[list[tuple[str, int]], int]:
        """(character, logical position) per drawn cell, and the cursor's cell."""
        value = self.value
        rtl = base_direction(value) == "R"
        drawn, ranges = visual_text(value, rtl)
        cells = [(char, start) for char, (start, _) in zip(drawn, ranges, strict=True)]
        end = (" ", len(value))
        cells = [end, *cells] if rtl else [*cells, end]
        cursor = self.cursor_position
        cursor_cell = next(
            (i for i, (_, (a, b)) in enumerate(zip(drawn, ranges, strict=True)) if a <= cursor < b), None
        )
        if cursor_cell is None or cursor == len(value):
            cursor_cell = 0 if rtl else len(cells) - 1
        elif rtl:
            cursor_cell += 1
        # a window of ``width`` cells that shows the cursor, right-aligned for RTL text
        if len(cells) > width:
            start = min(max(cursor_cell - width // 2, 0), len(cells) - width)
            cells, cursor_cell = cells[start : start + width], cursor_cell - start
        elif rtl:
            pad = width - len(cells)
            cells = [(" ", 0)] * pad + cells
            cursor_cell += pad
        return cells, cursor_cell

    def render_line(self, y: int) -> Strip:
        if y != 0 or not self.value or not self._rtl_mode():
            self._cells = []
            return super().render_line(y)
        width = self.scrollable_content_region.width
        cells, cursor_cell = self._visual_cells(width)
        self._cells = [position for _, position in cells]
        self._cursor_cell = cursor_cell
        base = self.rich_style
        cursor_style = self.get_component_rich_style("input--cursor")
        selection_style = self.get_component_rich_style("input--selection")
        start, end = sorted(self.selection)
        segments = []
        for i, (char, position) in enumerate(cells):
            style = Style()
            if self.has_focus and start != end and start <= position < end:
                style = selection_style
            if self.has_focus and self._cursor_visible and i == cursor_cell:
                style = cursor_style
            segments.append(Segment(char, style))
        return Strip(segments).extend_cell_length(width + 1).crop(0, width + 1).apply_style(base)

    def _reversed_keys(self) -> bool:
        """True when the arrow keys must swap: the query reads right to left on screen."""
        return self._rtl_mode() and base_direction(self.value) == "R"

    def action_cursor_left(self, select: bool = False) -> None:
        """Move one cell left on screen: forward in a right-to-left query."""
        if self._reversed_keys():
            super().action_cursor_right(select)
        else:
            super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        """Move one cell right on screen: back in a right-to-left query."""
        if self._reversed_keys():
            super().action_cursor_left(select)
        else:
            super().action_cursor_right(select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        if self._reversed_keys():
            super().action_cursor_right_word(select)
        else:
            super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        if self._reversed_keys():
            super().action_cursor_left_word(select)
        else:
            super().action_cursor_right_word(select)

    @property
    def cursor_screen_offset(self) -> Offset:
        if not self._cells:
            return super().cursor_screen_offset
        x, y, _, _ = self.content_region
        return Offset(x + self._cursor_cell, y)

    def _cell_offset_to_index(self, offset: int) -> int:
        if not self._cells:
            return super()._cell_offset_to_index(offset)
        if offset >= len(self._cells):
            return self._cells[-1]
        return self._cells[max(offset, 0)]
