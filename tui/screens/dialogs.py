"""Modal screens: the key help and the bookmarks list."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from store.bookmarks import Bookmark
from tui.rtl import label
from tui.widgets.pieces import to_text


def binding_rows(sources: Iterable[tuple[str, Sequence[BindingType]]]) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every binding with a description, in the order given."""
    rows = []
    for where, bindings in sources:
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                keys = ", ".join(format_key(key.strip()) for key in binding.key.split(","))
                rows.append((where, keys, binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """Every key binding of the app, by pane, then the query language."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90%; max-width: 100; height: 90%; border: thick $primary; background: $surface; }
    HelpScreen Label { width: 100%; content-align: center middle; text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        """(pane, keys, action) lines (or ("Query", what is typed, what it finds))."""

    def compose(self) -> ComposeResult:
        table = Table(expand=True, show_edge=False, box=None, pad_edge=False)
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Keys", style="bold", no_wrap=True)
        table.add_column("Action")
        for where, keys, what in self.rows:
            table.add_row(Text(where), Text(keys), Text(what))
        with Vertical():
            yield Label("Keys and queries — Esc to close")
            with VerticalScroll():
                yield Static(table)


class BookmarksScreen(ModalScreen[str | None]):
    """The bookmarks; Enter opens one (the screen returns its key), d removes it."""

    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen > Vertical { width: 80%; max-width: 100; height: 70%; border: thick $primary; background: $surface; }
    BookmarksScreen Label { width: 100%; content-align: center middle; text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Close"),
        Binding("d,delete", "remove", "Remove bookmark"),
    ]

    def __init__(self, bookmarks: list[Bookmark], remove: Callable[[str], None], visual: bool = True) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        """The bookmarks listed, newest first."""
        self._remove = remove
        self.visual = visual

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Bookmarks — Enter opens, d removes, Esc closes")
            yield OptionList(id="bookmarks", markup=False)

    def on_mount(self) -> None:
        self.query_one("#bookmarks", OptionList).focus()
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        options = self.query_one("#bookmarks", OptionList)
        width = max(options.scrollable_content_region.width - 2, 20)
        if not self.bookmarks:
            options.set_options([Option(Text("no bookmarks yet: press b on an article"), disabled=True)])
            return
        options.set_options(
            Option(
                to_text(
                    [
                        label(b.title or b.key, width, visual=self.visual),
                        label(f"{b.key} · bookmarked {b.added[:10]}", width, visual=self.visual),
                    ],
                    lambda role, hit: "bold" if role == "title" else "",
                ),
                id=b.key,
            )
            for b in self.bookmarks
        )
        options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_remove(self) -> None:
        options = self.query_one("#bookmarks", OptionList)
        option = options.highlighted_option
        if option is None or option.id is None:
            return
        self._remove(option.id)
        self.bookmarks = [b for b in self.bookmarks if b.key != option.id]
        self._fill()
