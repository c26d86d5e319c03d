"""Hits per month over the archive's date range: a two-row bar strip with a month cursor.

Left/right (h/l) move the cursor, Enter or a click narrows the results to that month, Escape
widens them again. Each column is one month, oldest on the left; a window follows the cursor
when there are more months than columns.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from store.timeline import Timeline
from tui.messages import MonthChosen

BLOCKS = " ▁▂▃▄▅▆▇█"


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class TimelineBar(Widget, can_focus=True):
    """Month bars for the current query; choosing a month filters the results."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--bar",
        "timeline--cursor",
        "timeline--chosen",
        "timeline--label",
    }

    DEFAULT_CSS = """
    TimelineBar { height: 3; padding: 0 1; }
    TimelineBar > .timeline--bar { color: $primary; }
    TimelineBar > .timeline--chosen { color: $warning; }
    TimelineBar > .timeline--cursor { background: $accent 50%; }
    TimelineBar > .timeline--label { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Earlier", show=False),
        Binding("right,l", "move(1)", "Later", show=False),
        Binding("home", "move(-100000)", "First", show=False),
        Binding("end", "move(100000)", "Last", show=False),
        Binding("enter", "choose", "Filter month"),
        Binding("escape", "clear", "All months"),
    ]

    cursor = reactive(0)
    """Index of the month under the cursor."""
    chosen: reactive[str | None] = reactive(None)
    """The month the results are narrowed to, or None."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.months: list[str] = []
        """The months shown: the archive's date range."""
        self.counts: dict[str, int] = {}
        """Matches per month for the current query."""
        self.undated = 0
        """Matches without a date."""
        self.pending = True
        """True while the counts are being computed (or could not be)."""
        self.gave_up = False
        """True when counting this query took longer than its time budget."""
        self._window_start = 0

    def set_range(self, span: tuple[str, str] | None) -> None:
        """Show the months from ``span`` (first, last "YYYY-MM"); None: nothing is dated."""
        self.months = month_range(*span) if span else []
        self.cursor = max(len(self.months) - 1, 0)
        self.styles.height = 3 if self.months else 1  # no dated articles: just the label
        self.refresh()

    def set_counts(self, timeline: Timeline | None, gave_up: bool = False) -> None:
        """Show ``timeline``; None: still counting, or (``gave_up``) too slow to count."""
        self.pending = timeline is None
        self.gave_up = gave_up
        self.counts = dict(timeline.months) if timeline else {}
        self.undated = timeline.undated if timeline else 0
        if timeline and self.months and self.counts and self.months[self.cursor] not in self.counts:
            self.cursor = self.months.index(max(self.counts, key=lambda m: (self.counts[m], m)))
        self.refresh()

    @property
    def total(self) -> int | None:
        """All matches, or None while unknown."""
        return None if self.pending else sum(self.counts.values()) + self.undated

    def action_move(self, step: int) -> None:
        if self.months:
            self.cursor = min(max(self.cursor + step, 0), len(self.months) - 1)

    def action_choose(self) -> None:
        if self.months:
            self.chosen = self.months[self.cursor]
            self.post_message(MonthChosen(self.chosen))

    def action_clear(self) -> None:
        if self.chosen is not None:
            self.chosen = None
            self.post_message(MonthChosen(None))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.months:
            return
        index = self._window_start + offset.x
        if 0 <= index < len(self.months):
            self.cursor = index
            self.action_choose()

    def watch_cursor(self) -> None:
        self.refresh()

    def watch_chosen(self) -> None:
        self.refresh()

    def _window(self, width: int) -> range:
        if self.cursor < self._window_start:
            self._window_start = self.cursor
        elif self.cursor >= self._window_start + width:
            self._window_start = self.cursor - width + 1
        self._window_start = max(min(self._window_start, len(self.months) - width), 0)
        return range(self._window_start, min(self._window_start + width, len(self.months)))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        base = self.rich_style
        if not self.months:
            return self._label_line(width) if y == 0 else Strip.blank(width, base)
        if y == 2:
            return self._label_line(width)
        window = self._window(width)
        peak = max(self.counts.values(), default=0)
        bar = self.get_component_rich_style("timeline--bar")
        chosen = self.get_component_rich_style("timeline--chosen")
        cursor = self.get_component_rich_style("timeline--cursor")
        segments = []
        for index in window:
            month = self.months[index]
            count = self.counts.get(month, 0)
            eighths = 0 if not peak or not count else max(1, round(16 * count / peak))
            level = eighths - 8 if y == 0 else min(eighths, 8)
            style = chosen if month == self.chosen else bar
            if index == self.cursor and self.has_focus:
                style = style + cursor
            segments.append(Segment(BLOCKS[max(level, 0)], style))
        return Strip(segments).extend_cell_length(width).apply_style(base)

    def _label_line(self, width: int) -> Strip:
        style = self.get_component_rich_style("timeline--label")
        if self.gave_up:
            text = "too many matches to count per month"
        elif self.pending:
            text = "counting…"
        elif not self.months:
            text = "no dated articles"
        else:
            month = self.months[self.cursor]
            text = f"{month}: {self.counts.get(month, 0):,}"
            if self.chosen:
                text = f"only {self.chosen}: {self.counts.get(self.chosen, 0):,} · Esc: all"
            elif self.has_focus:
                text += " · ←/→ month, Enter filter"
            else:  # which months the bars span: they have no axis
                window = self._window(width)
                if len(window) > 1:  # (one month's bar needs no span: "2015-07: 378" says it)
                    text = f"{self.months[window[0]]} … {self.months[window[-1]]} · {text}"
        if len(text) > width:
            text = text[: max(width - 1, 0)] + "…"
        return Strip([Segment(text, style)]).extend_cell_length(width).apply_style(self.rich_style + Style())
