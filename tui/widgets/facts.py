"""The facts sidebar: (group, label, value) items under group headings, each one selectable.

It knows nothing of where facts come from: the screen hands it triples (the store's
``sidebar_items`` plus the article's own source/date/related articles) and reacts to
``FactChosen`` when one is selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.messages import FactChosen
from tui.rtl import label
from tui.widgets.pieces import to_text

Item = tuple[str, str, str]
"""(group heading, label, value)."""


class FactsSidebar(OptionList):
    """Facts of the open article, grouped; Enter on one sends ``FactChosen``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts--group"}

    DEFAULT_CSS = """
    FactsSidebar > .facts--group { text-style: bold; color: $text-accent; }
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
        self._width = 0

    def show_items(self, items: Sequence[Item]) -> None:
        """Replace the sidebar's content."""
        self.items = list(items)
        self._rebuild()

    def _prompt_width(self) -> int:
        padding = self.get_component_styles("option-list--option").padding
        return max(self.scrollable_content_region.width - padding.width, 6)

    def _rebuild(self) -> None:
        self._width = width = self._prompt_width()
        group_style = self.get_component_rich_style("facts--group", partial=True)
        options: list[Option] = []
        heading = None
        for number, (group, name, value) in enumerate(self.items):
            if group != heading:
                heading = group
                pieces = label(group, width, visual=self.visual)
                options.append(Option(to_text([pieces], lambda *_: group_style), disabled=True))
            shown = name if name == value or ":" in value[:12] else f"{name}: {value}"
            pieces = label(shown, width, visual=self.visual)
            options.append(Option(to_text([pieces], lambda *_: Style()), id=str(number)))
        self.set_options(options)

    def on_resize(self) -> None:
        if self.items and self._prompt_width() != self._width:
            self._rebuild()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            group, name, value = self.items[int(event.option.id)]
            self.post_message(FactChosen(group, name, value))
