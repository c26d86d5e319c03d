"""The archive-tui Textual app: screens, global keys, command palette, bidi mode, themes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widgets import OptionList

from store import Archive
from store.query import QUERY_SYNTAX
from tui.reader import ArchiveReader
from tui.screens.dialogs import BookmarksScreen, HelpScreen, binding_rows
from tui.screens.main import WIDE_FROM, MainScreen
from tui.widgets.article import ArticleView
from tui.widgets.facts import FactsSidebar
from tui.widgets.results import ResultList
from tui.widgets.timeline import TimelineBar

BIDI_MODES = ("app", "terminal")
"""``app``: we draw visual order and tell VTE-like terminals not to reorder (ESC [ 8 l);
``terminal``: we hand over logical text and let the terminal do bidi (ESC [ 8 h)."""
EXPLICIT_BIDI, IMPLICIT_BIDI = "\x1b[8l", "\x1b[8h"
LIST_KEYS = ("cursor_up", "cursor_down", "page_up", "page_down", "first", "last", "select")
"""A list's actions in the order the help lists them (Textual keeps them alphabetical by key)."""


def _key_order(binding: BindingType) -> int:
    action = binding.action if isinstance(binding, Binding) else binding[1]
    return LIST_KEYS.index(action) if action in LIST_KEYS else len(LIST_KEYS)


class ArchiveApp(App[int]):
    """Browse and search an archive."""

    TITLE = "archive-tui"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (WIDE_FROM, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("f1", "help", "Help", show=False),
        Binding("ctrl+t", "change_theme", "Theme", show=False),
    ]

    def __init__(self, archive: Archive, bidi: str = "app") -> None:
        super().__init__()
        if bidi not in BIDI_MODES:
            raise ValueError(f"bidi mode must be one of {', '.join(BIDI_MODES)}")
        self.archive = archive
        """The archive, for quick writes on the UI thread (bookmarks)."""
        self.bidi = bidi
        """Who reorders right-to-left text: "app" or "terminal"."""
        self.reader = ArchiveReader(archive.path, "search")
        """Searches and article loads run here."""
        self.counter = ArchiveReader(archive.path, "count")
        """Per-month counts run here."""
        self.sub_title = archive.path.name

    def get_default_screen(self) -> Screen:
        return MainScreen(self.reader, self.counter, visual=self.bidi == "app")

    def on_mount(self) -> None:
        self._send_bidi_mode()

    def on_unmount(self) -> None:
        self._write(IMPLICIT_BIDI)  # the terminal's default again
        self.reader.close()
        self.counter.close()

    def _write(self, sequence: str) -> None:
        driver = self._driver
        if driver is not None and not driver.is_headless:
            driver.write(sequence)
            driver.flush()

    def _send_bidi_mode(self) -> None:
        self._write(EXPLICIT_BIDI if self.bidi == "app" else IMPLICIT_BIDI)

    def action_bidi(self, mode: str) -> None:
        """Switch who does bidi: "app" or "terminal"."""
        self.bidi = mode
        self._send_bidi_mode()
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.set_visual(mode == "app")
        self.notify(f"bidi: {'the app reorders' if mode == 'app' else 'the terminal reorders'}", timeout=2)

    def action_help(self) -> None:
        """Show every key binding."""
        if isinstance(self.screen, HelpScreen):
            return
        sources = [
            ("Everywhere", [*App.BINDINGS, *self.BINDINGS, Binding("ctrl+p", "", "Command palette")]),
            ("Browser", [*Screen.BINDINGS, *MainScreen.BINDINGS]),
            ("Results", ResultList.BINDINGS),
            ("Article", [*ScrollView.BINDINGS, *ArticleView.BINDINGS]),
            ("Timeline", TimelineBar.BINDINGS),
            ("Facts", [*sorted(OptionList.BINDINGS, key=_key_order), *FactsSidebar.BINDINGS]),
            ("Bookmarks", BookmarksScreen.BINDINGS),
        ]
        query = [("Query", typed, finds) for typed, finds in QUERY_SYNTAX]
        self.push_screen(HelpScreen(binding_rows(sources) + query))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        yield SystemCommand("Search", "Focus the search box (/)", screen.action_focus_search)
        yield SystemCommand("Back", "Previous article in the history (alt+left)", screen.action_back)
        yield SystemCommand("Forward", "Next article in the history (alt+right)", screen.action_forward)
        yield SystemCommand(
            "Bookmark", "Bookmark the open article, or remove its bookmark (b)", screen.action_toggle_bookmark
        )
        yield SystemCommand("Bookmarks", "List bookmarked articles (B)", screen.action_bookmarks)
        yield SystemCommand(
            "Maximise article", "Article pane full screen, or back (m)", screen.action_maximize_article
        )
        yield SystemCommand(
            "Facts sidebar", "Go to the facts sidebar, or hide it when it has focus (s)", screen.action_toggle_facts
        )
        yield SystemCommand(
            "Timeline", "Choose a month to narrow the results (t)", screen.action_focus_timeline
        )
        yield SystemCommand("Help", "Every key binding (?)", self.action_help)
        other = "terminal" if self.bidi == "app" else "app"
        yield SystemCommand(
            f"Bidi: {other}",
            "Let the terminal reorder right-to-left text"
            if other == "terminal"
            else "Reorder right-to-left text in the app (default)",
            lambda: self.action_bidi(other),
        )
