"""The facts sidebar: (group, label, value) items under group headings, each one selectable.

It knows nothing of where facts come from: the screen hands it triples (the store's
``sidebar_items`` plus the article's own source/date/related articles) and reacts to
``FactChosen`` when one is selected.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.facts.sidebar import TABLE_LABEL
from tui.messages import FactChosen
from tui.rtl import label, wrap
from tui.rtl.bidi import base_direction
from tui.widgets.pieces import to_text

NO_ARTICLE = (
    "Open an article (Enter on a result): the people, places, organisations, units, numbers,"
    " tables and lists it names show here."
)
"""What the sidebar says before any article is open."""
GROUP_LIMIT = 12
"""Items shown per group before a "… N more" line that expands it (a group only one longer is
shown whole: the line would take the row of the one item it hides)."""

Item = tuple[str, str, str]
"""(group heading, label, value). A label may go on after a newline with a detail drawn
dimmed on a row of its own (a related article's date and score); such a label takes up to
TITLE_ROWS rows."""


TITLE_ROWS = 2
"""Rows a label with a detail under it (a related article's title) may take before it is cut."""


def title_rows(text: str, width: int, visual: bool = True) -> list[str]:
    """``text`` broken at spaces into at most TITLE_ROWS rows of ``width`` cells; the last row
    holds the rest (``label`` cuts it with "…")."""
    spans = wrap(text, 0, len(text), width, visual=visual)
    if len(spans) <= TITLE_ROWS:
        return [text[start:end] for start, end in spans] or [text]
    return [text[start:end] for start, end in spans[: TITLE_ROWS - 1]] + [text[spans[TITLE_ROWS - 1][0] :]]


COUNT = re.compile(r"(.*)( ×\d+)$")
"""A label ending in its mention count ("طرابلس ×8")."""


def _keep_count(text: str, width: int) -> str:
    """``text`` shortened so that a trailing mention count survives the cut to ``width`` cells
    (characters never take more cells than one each, so counting characters is safe)."""
    found = COUNT.match(text)
    if found is None or len(text) <= width:
        return text
    name, count = found.groups()
    return name[: max(width - len(count) - 1, 1)].rstrip() + "…" + count


class FactsSidebar(OptionList):
    """Facts of the open article, grouped; Enter on one sends ``FactChosen``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts--group", "facts--detail"}

    DEFAULT_CSS = """
    FactsSidebar > .facts--group { text-style: bold; color: $text-accent; }
    FactsSidebar > .facts--detail { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, visual: bool = True, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.visual = visual
        """False: rows in logical order, for terminals that do their own bidi."""
        self.items: list[Item] = []
        """The items shown."""
        self.empty = NO_ARTICLE
        """What the sidebar says when it has no items."""
        self.note: str | None = None
        """A remark above the items (that the article has no facts, above its source and date)."""
        self._expanded: set[str] = set()
        self._width = 0

    def show_items(self, items: Sequence[Item], empty: str | None = None, note: str | None = None) -> None:
        """Replace the sidebar's content; ``empty`` is what to say if there are no items, ``note``
        a remark above them."""
        self.items = list(items)
        self.note = note
        if empty is not None:
            self.empty = empty
        self._expanded: set[str] = set()
        self._rebuild()

    def _prompt_width(self) -> int:
        padding = self.get_component_styles("option-list--option").padding
        return max(self.scrollable_content_region.width - padding.width, 6)

    def _rebuild(self) -> None:
        self._width = width = self._prompt_width()
        group_style = self.get_component_rich_style("facts--group", partial=True)
        detail_style = self.get_component_rich_style("facts--detail", partial=True)

        def item_style(role: str, _hit: bool) -> Style:
            return detail_style if role == "detail" else Style()

        options: list[Option] = []
        if self.note and self.items:
            options.append(Option(Text(self.note, style="dim italic"), disabled=True))
        shown: dict[str, int] = {}
        hidden: dict[str, int] = {}
        sizes = Counter(group for group, _, _ in self.items)
        for number, (group, name, value) in enumerate(self.items):
            if group not in shown:
                shown[group] = 0
                pieces = label(group, width, visual=self.visual)
                options.append(Option(to_text([pieces], lambda *_: group_style), disabled=True))
            if shown[group] >= GROUP_LIMIT and sizes[group] > GROUP_LIMIT + 1 and group not in self._expanded:
                hidden[group] = hidden.get(group, 0) + 1
                if number + 1 < len(self.items) and self.items[number + 1][0] == group:
                    continue
            else:
                shown[group] += 1
                name, _, detail = name.partition("\n")
                text = f"{name}: {value}" if group.startswith(TABLE_LABEL) else name  # a table's rows: key: value
                if detail:  # a related article: its title on up to two rows, its date and score under it
                    rtl = base_direction(text, "R") == "R"  # (each row in the whole title's direction)
                    parts = title_rows(text, width, self.visual)
                    rows = [label(part, width, visual=self.visual, rtl=rtl) for part in parts]
                    rows.append(label(detail, width, role="detail", visual=self.visual))
                else:
                    rows = [label(_keep_count(text, width), width, visual=self.visual, default="R")]
                options.append(Option(to_text(rows, item_style), id=str(number)))
            if hidden.get(group) and (number + 1 == len(self.items) or self.items[number + 1][0] != group):
                options.append(Option(Text(f"  … {hidden[group]} more", style="dim"), id=f"more:{group}"))
        if not self.items and self.empty:
            options.append(Option(Text(self.empty, style="dim italic"), disabled=True))
        self.set_options(options)
        if self.has_focus:
            self.action_first()

    def on_focus(self) -> None:
        # a list with nothing highlighted ignores Enter: start on the first item
        if self.highlighted is None:
            self.action_first()

    def on_mount(self) -> None:
        self._rebuild()  # the empty state's explanation

    def on_resize(self) -> None:
        if self._prompt_width() != self._width:
            highlighted = self.highlighted
            self._rebuild()
            self.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id is not None and option_id.startswith("more:"):
            self._expanded.add(option_id.removeprefix("more:"))
            highlighted = self.highlighted
            self._rebuild()
            self.highlighted = highlighted
        elif option_id is not None:
            group, name, value = self.items[int(option_id)]
            self.post_message(FactChosen(group, name, value))
