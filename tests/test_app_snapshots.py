"""Snapshots of the main screens (pytest-textual-snapshot); update with --snapshot-update."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Archive, Record
from tui.app import ArchiveApp
from tui.widgets.search_input import SearchInput


@pytest.fixture
def app(tmp_path: Path):
    records = [
        Record(
            title="ميناء طرابلس",
            body="افتتاح ميناء طرابلس الجديد (رسميا) بمشاركة 40 دولة.",
            date="2017-03-20",
            key="port",
        ),
        Record(title="أخبار تونس", body="خبر من تونس العاصمة.", date="2016-12-01", key="tunis"),
    ]
    with Archive.open_or_seed(tmp_path / "snap.db") as archive:
        archive.import_records(records)
        yield ArchiveApp(archive)


async def read_seed(pilot) -> None:
    """Search for the seed article and open it."""
    await pilot.pause(0.2)
    search = pilot.app.screen.query_one(SearchInput)
    search.cursor_blink = False
    await pilot.press(*"جنزور")
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.press("enter", "enter")
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)


def test_main_screen_wide(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), run_before=read_seed)


def test_main_screen_80x24(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), run_before=read_seed)


def test_help_screen(app, snap_compare):
    async def help_screen(pilot) -> None:
        await read_seed(pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=(100, 30), run_before=help_screen)
