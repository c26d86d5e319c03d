"""What a new user meets: the facts sidebar's keys in the help, an empty archive, long groups,
Arabic in a terminal that does its own bidi."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult

from store import Archive, Record
from store.facts.extract import extract_facts
from store.facts.sidebar import sidebar_items
from tests.test_app import run, settle, type_query
from tui.app import ArchiveApp
from tui.screens.dialogs import HelpScreen
from tui.widgets.article import ArticleView
from tui.widgets.facts import GROUP_LIMIT, FactsSidebar


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


class SidebarApp(App):
    """The facts sidebar alone."""

    def compose(self) -> ComposeResult:
        yield FactsSidebar(id="facts")


@run
async def test_a_group_one_item_too_long_is_shown_whole_and_a_longer_one_folded():
    places = [("Places (13)", f"مدينة {n}", f"PLACE:مدينة {n}") for n in range(GROUP_LIMIT + 1)]
    people = [("People (14)", f"شخص {n}", f"PERSON:شخص {n}") for n in range(GROUP_LIMIT + 2)]
    app = SidebarApp()
    async with app.run_test(size=(40, 60)) as pilot:
        sidebar = app.query_one(FactsSidebar)
        sidebar.show_items(places + people)
        await pilot.pause()
        ids = [sidebar.get_option_at_index(n).id for n in range(sidebar.option_count)]
        assert [i for i in ids if i and i.startswith("more:")] == ["more:People (14)"]
        assert ids.count(None) == 2  # the two headings
        assert len(ids) == 2 + len(places) + GROUP_LIMIT + 1
        drawn = [sidebar.render_line(y).text.strip() for y in range(sidebar.size.height)]
        assert "… 2 more" in drawn and "… 1 more" not in drawn


@run
async def test_a_bidi_terminal_gets_whole_rows_and_one_row_per_fact(seeded):
    """Unshaped, lam-alef takes two cells: rows measured shaped lost their last letters in the
    article pane (تطورات drawn تطورا) and facts wrapped onto a second row."""
    app = ArchiveApp(seeded, bidi="terminal")
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        await pilot.press("m")  # the article pane alone
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        text = view.document.text
        for y in range(view.size.height):
            cells = view.rows[y].cells
            drawn = view.render_line(y).text.strip().replace(" │ ", " ").replace("• ", "")
            assert drawn == " ".join(text[c.start : c.end] for c in cells if c.end > c.start)
        await pilot.press("m", "s")
        await settle(pilot)
        sidebar = app.screen.query_one(FactsSidebar)
        width = sidebar.scrollable_content_region.width
        prompts = [sidebar.get_option_at_index(n).prompt for n in range(sidebar.option_count)]
        assert len(prompts) > 10 and all(cell_len(p.plain) <= width for p in prompts)


@run
async def test_an_article_without_facts_says_so_above_its_source_date_and_related(tmp_path):
    records = [
        Record(key="plain", date="2017-01-05", source="wire", title="الطقس اليوم", body="الجو لطيف صباحا وحار ظهرا."),
        Record(key="other", date="2017-01-06", source="wire", title="الطقس غدا", body="الجو لطيف صباحا وبارد ليلا."),
        Record(key="tripoli", date="2017-01-07", source="wire", title="الطقس في طرابلس", body="الجو لطيف في طرابلس."),
    ]
    with Archive(tmp_path / "plain.db") as plain:
        plain.import_records(records)
        assert not plain.facts("plain").entities
        app = ArchiveApp(plain)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            app.screen.open_article("plain")
            await settle(pilot)
            sidebar = app.screen.query_one(FactsSidebar)
            assert {group for group, _, _ in sidebar.items} >= {"Article"}
            first = sidebar.get_option_at_index(0)
            assert first.disabled and "No names, places" in first.prompt.plain
            app.action_bidi("terminal")  # the sidebar drawn again keeps the remark
            await settle(pilot)
            assert "No names, places" in sidebar.get_option_at_index(0).prompt.plain
            app.screen.open_article("tripoli")
            await settle(pilot)
            assert "No names" not in " ".join(
                sidebar.get_option_at_index(n).prompt.plain for n in range(sidebar.option_count)
            )


@run
async def test_a_table_row_shows_its_value_even_with_a_colon_in_it():
    body = "اجتماع في طرابلس.\n\nالعنصر الوصف\nالموعد 10:30 صباحا يوم الأحد\nالمكان قاعة المؤتمرات الكبرى\n"
    facts = extract_facts("اجتماع", body, "")
    assert facts.tables and facts.tables[0].rows[0] == ("الموعد", "10:30 صباحا يوم الأحد")
    app = SidebarApp()
    async with app.run_test(size=(60, 30)) as pilot:
        sidebar = app.query_one(FactsSidebar)
        sidebar.show_items(sidebar_items(facts, counts=True))
        await pilot.pause()
        sidebar.visual = False  # logical order: the row reads as written
        sidebar.show_items(sidebar.items)
        await pilot.pause()
        drawn = [sidebar.render_line(y).text.strip() for y in range(sidebar.size.height)]
        assert "الموعد: 10:30 صباحا يوم الأحد" in drawn
        assert "المكان: قاعة المؤتمرات الكبرى" in drawn


@run
async def test_arabic_arriving_in_one_burst_in_another_pane_is_one_word(seeded):
    """A fast typist, an input method or a paste: the letters reach the results list before the
    search box has taken focus; they are one word added to the query, not a letter each."""
    from textual import events

    from tui.widgets.results import ResultList
    from tui.widgets.search_input import SearchInput

    app = ArchiveApp(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, "طرابلس")
        results = app.screen.query_one(ResultList)
        results.focus()
        await settle(pilot)
        for letter in "ميناء":
            results.post_message(events.Key(letter, letter))
        await settle(pilot)
        search = app.screen.query_one(SearchInput)
        assert search.value == "طرابلس ميناء" and app.screen.focused is search
        results.focus()
        await settle(pilot)
        results.post_message(events.Paste("بنغازي\n"))  # (a bracketed paste was dropped)
        await settle(pilot)
        assert search.value == "طرابلس ميناء بنغازي"


@run
async def test_the_end_of_the_results_brings_the_next_ones(tmp_path):
    """An analyst reads past the first screenful: at the last result the next ones are added."""
    from tui.widgets.results import ResultList

    with Archive(tmp_path / "many.db") as archive:
        archive.import_records(
            [Record(title=f"خبر رقم {n}", body=f"نص عن الميناء رقم {n}", key=f"k{n}") for n in range(120)], workers=0
        )
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 40)) as pilot:
            await type_query(pilot, "الميناء")
            await settle(pilot)
            results = app.screen.query_one(ResultList)
            assert len(results.hits) == 50
            results.focus()
            await pilot.press("end")
            await settle(pilot)
            assert len(results.hits) == 100 and results.highlighted == 49  # the cursor stays put
            await pilot.press("end")
            await settle(pilot)
            await pilot.press("end")
            await settle(pilot)
            assert len({hit.key for hit in results.hits}) == 120 and not results.more
            assert "120 matches · 120 shown" in str(app.screen.query_one("#status").render())
