"""What a new user meets first: the key help of the facts sidebar, an empty archive."""

from __future__ import annotations

from store import Archive
from tests.test_app import run, settle
from tui.app import ArchiveApp
from tui.screens.dialogs import HelpScreen


@run
async def test_help_lists_every_key_of_the_facts_sidebar_in_list_order(seeded):
    app = ArchiveApp(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")  # "?" would go into the search box, which has the focus
        assert isinstance(app.screen, HelpScreen)
        facts = [(keys, what) for where, keys, what in app.screen.rows if where == "Facts"]
        keys = [keys for keys, _ in facts]
        assert {"↑", "↓", "home", "end", "pgup", "pgdn", "⏎", "j", "k"} <= set(keys)
        assert keys.index("↑") < keys.index("↓") < keys.index("⏎")


@run
async def test_an_empty_archive_says_how_to_fill_it(tmp_path):
    with Archive(tmp_path / "empty.db") as empty:
        app = ArchiveApp(empty)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            status = app.screen.query_one("#status")
            assert "archive-tui import" in "".join(status.render_line(y).text for y in range(status.size.height))
