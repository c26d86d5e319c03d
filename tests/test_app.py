"""The Textual app driven with Pilot: search, open, back/forward, bookmarks, months, resize, bidi."""

from __future__ import annotations

import asyncio
import functools
import sqlite3
from pathlib import Path

import pytest

from store import Archive, Record
from tests.conftest import SEED_KEY
from tui.app import ArchiveApp
from tui.rtl import Document, plain_rows, visual_text
from tui.rtl.shape import shape
from tui.screens.dialogs import BookmarksScreen, HelpScreen
from tui.widgets.article import ArticleView
from tui.widgets.facts import FactsSidebar
from tui.widgets.results import ROWS_PER_HIT, ResultList
from tui.widgets.search_input import SearchInput
from tui.widgets.timeline import TimelineBar


def run(scenario):
    """A synchronous test running the async Pilot ``scenario`` (no asyncio plugin needed)."""

    @functools.wraps(scenario)
    def test(*args, **kwargs):
        asyncio.run(scenario(*args, **kwargs))

    return test


@pytest.fixture
def archive(tmp_path: Path):
    """The seed plus three dated articles about Tripoli and one about Tunis."""
    records = [
        Record(
            title="اجتماع في طرابلس",
            body="عقد اجتماع في طرابلس اليوم.\n\nوقال المتحدث (UN) إن الوضع هادئ.",
            date="2017-01-05",
            key="tripoli-jan",
        ),
        Record(
            title="طرابلس تستضيف مؤتمرا",
            body="مؤتمر اقتصادي في طرابلس بمشاركة 40 دولة.",
            date="2017-03-02",
            key="tripoli-mar",
        ),
        Record(
            title="ميناء طرابلس",
            body="افتتاح ميناء طرابلس الجديد [رسميا].",
            date="2017-03-20",
            key="tripoli-port",
        ),
        Record(title="أخبار تونس", body="خبر من تونس العاصمة.", date="2016-12-01", key="tunis"),
    ]
    with Archive.open_or_seed(tmp_path / "app.db") as opened:
        opened.import_records(records)
        yield opened


async def settle(pilot) -> None:
    """Let debounce timers and workers finish."""
    for _ in range(3):
        await pilot.pause(0.1)
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    await pilot.press("slash")
    search = pilot.app.screen.query_one(SearchInput)
    search.value = ""
    await pilot.press(*text)
    await settle(pilot)


async def open_first(pilot) -> None:
    await pilot.press("enter", "enter")  # focus the results, open the highlighted one
    await settle(pilot)


async def search_and_open(pilot, text: str) -> None:
    """Search for ``text`` and open the first result."""
    await type_query(pilot, text)
    await open_first(pilot)


@run
async def test_typing_a_query_lists_matches_with_count_and_timeline(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert results.hits[0].key == "tripoli-port"  # before typing: newest first
        await type_query(pilot, "طرابلس")
        assert {hit.key for hit in results.hits} >= {"tripoli-jan", "tripoli-mar", "tripoli-port", SEED_KEY}
        assert "tunis" not in {hit.key for hit in results.hits}
        status = str(app.screen.query_one("#status").render())
        assert "4 matches" in status
        timeline = app.screen.query_one(TimelineBar)
        assert timeline.counts == {"2017-01": 1, "2017-03": 2}
        assert timeline.months == ["2016-12", "2017-01", "2017-02", "2017-03"]
        # the typed Arabic is drawn shaped and in visual order, right-aligned
        drawn = app.screen.query_one(SearchInput).render_line(0).text
        assert shape("طرابلس")[0][::-1] in drawn
        assert drawn.rstrip().endswith(shape("طرابلس")[0][::-1])


@run
async def test_a_malformed_query_is_explained_inline(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, '"طرابلس')
        status = app.screen.query_one("#status")
        assert status.has_class("error")
        assert "quote" in str(status.render()).lower() or '"' in str(status.render())


@run
async def test_a_query_matching_nothing_says_so(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, "from:2099")
        status = str(app.screen.query_one("#status").render())
        assert "no matches" in status and "partial" not in status


@run
async def test_partial_matches_listed_after_the_full_ones_are_counted_apart(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, "ميناء طرابلس")
        hits = app.screen.query_one(ResultList).hits
        assert [hit.partial for hit in hits] == [False, True, True, True]
        status = str(app.screen.query_one("#status").render())
        assert "1 match · 1 shown + 3 partial" in status


@run
async def test_a_long_error_wraps_and_arabic_in_the_status_is_shaped(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_query(pilot, '"طرابلس')
        status = app.screen.query_one("#status")
        lines = str(status.render()).splitlines()
        assert len(lines) > 1 and lines[-1].rstrip().endswith("phrase")  # nothing cut off
        await pilot.press("escape")
        app.screen.show_mentions("PLACE", "طرابلس")
        await settle(pilot)
        drawn = str(status.render())
        assert shape("طرابلس")[0][::-1] in drawn  # shaped, in visual order
        assert "طرابلس" not in drawn


@run
async def test_open_back_forward(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "ميناء")
        view = app.screen.query_one(ArticleView)
        assert app.screen.article.key == "tripoli-port"
        await search_and_open(pilot, "تونس")
        assert app.screen.article.key == "tunis"
        view.focus()
        await pilot.press("backspace")
        await settle(pilot)
        assert app.screen.article.key == "tripoli-port"
        await pilot.press("alt+right")
        await settle(pilot)
        assert app.screen.article.key == "tunis"
        await pilot.press("alt+left")
        await settle(pilot)
        assert app.screen.article.key == "tripoli-port"


@run
async def test_back_and_forward_return_to_where_the_reader_was(archive):
    """Not to the top, a search hit or an entity's first mention: where the article was left."""
    app = ArchiveApp(archive)
    async with app.run_test(size=(100, 16)) as pilot:
        await search_and_open(pilot, "جنزور")
        view = app.screen.query_one(ArticleView)
        assert app.screen.article.key == SEED_KEY
        view.focus()
        await pilot.press("pagedown", "down", "down")
        await settle(pilot)
        left_at = view.scroll_y
        assert left_at > 3
        await search_and_open(pilot, "ميناء")
        assert app.screen.article.key == "tripoli-port"
        view.focus()
        await pilot.press("alt+left")
        await settle(pilot)
        assert app.screen.article.key == SEED_KEY and view.scroll_y == left_at
        await pilot.press("alt+right", "alt+left")
        await settle(pilot)
        assert view.scroll_y == left_at


@run
async def test_article_rows_are_the_renderers_rows_with_hits(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        view = app.screen.query_one(ArticleView)
        article = app.screen.article
        assert article.key == SEED_KEY
        expected = plain_rows(Document.from_article(article.title, article.body), view.text_width)
        shown = [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]
        assert shown == expected[: len(shown)]
        assert view._highlights.touches(0, len(view.document.text))  # the query's hits are highlighted


@run
async def test_resize_rewraps_the_article(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        view = app.screen.query_one(ArticleView)
        wide_rows = len(view.rows)
        wide = view.text_width
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert view.text_width < wide
        assert len(view.rows) > wide_rows
        article = app.screen.article
        expected = plain_rows(Document.from_article(article.title, article.body), view.text_width)
        assert view.render_line(0).text.rstrip() == expected[0]
        assert all(len(view.render_line(y).text) == view.text_width for y in range(5))


@run
async def test_the_metadata_line_is_refitted_on_resize(archive):
    source = "Maghreb Arabe Presse, Tripoli"
    archive.import_records(
        [Record(title="خبر عن غدامس", body="نص.", date="2018-02-02", source=source, key="long")]
    )
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "غدامس")
        meta = app.screen.query_one("#article-meta")
        assert source in str(meta.render())
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        drawn = str(meta.render()).rstrip()
        assert drawn.endswith("…") and len(drawn) <= meta.content_region.width  # cut to fit, not cropped


@run
async def test_bookmark_toggle_and_list(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "ميناء")
        await pilot.press("b")
        assert archive.is_bookmarked("tripoli-port")
        await search_and_open(pilot, "تونس")
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        listed = app.screen.query_one("#bookmarks").render_line(1).text  # (row 0: the title)
        assert "tripoli-port · bookmarked 20" in listed  # the day it was bookmarked, said so
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.article.key == "tripoli-port"
        await pilot.press("b")
        assert not archive.is_bookmarked("tripoli-port")


@run
async def test_the_month_strip_of_a_single_month_names_it_once(tmp_path):
    with Archive(tmp_path / "july.db") as july:
        july.import_records(
            [Record(key=f"k{n}", title=f"خبر {n}", body="نص عن جدة", date=f"2015-07-{n + 10}") for n in range(3)]
        )
        app = ArchiveApp(july)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            timeline = app.screen.query_one(TimelineBar)
            assert timeline.months == ["2015-07"]
            assert timeline.render_line(2).text.strip() == "2015-07: 3"  # not "2015-07 … 2015-07 · 2015-07: 3"


@run
async def test_choosing_a_month_narrows_the_results(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, "طرابلس")
        timeline = app.screen.query_one(TimelineBar)
        assert timeline.render_line(2).text.startswith("2016-12 … 2017-03 · ")  # the span the bars cover
        timeline.focus()
        timeline.cursor = timeline.months.index("2017-03")
        await pilot.press("enter")
        await settle(pilot)
        assert {hit.key for hit in app.screen.query_one(ResultList).hits} == {"tripoli-mar", "tripoli-port"}
        assert timeline.render_line(2).text.startswith("only 2017-03: 2 · Esc")
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen.query_one(ResultList).hits) == 4


@run
async def test_with_a_month_chosen_a_malformed_query_is_explained_by_its_own_text(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, "طرابلس")
        timeline = app.screen.query_one(TimelineBar)
        timeline.focus()
        timeline.cursor = timeline.months.index("2017-03")
        await pilot.press("enter")
        await settle(pilot)
        for typed, explained in (("طرابلس OR", '"OR" needs a search term'), ("NOT", '"NOT" needs a search term')):
            await type_query(pilot, typed)
            status = str(app.screen.query_one("#status").render())
            assert explained in status, (typed, status)  # (was: "from:" applies to the whole query)
        await type_query(pilot, "طرابلس from:2016-12 to:2016-12")  # apart from the month: none, no error
        assert app.screen.query_one(ResultList).hits == []
        assert "no matches" in str(app.screen.query_one("#status").render())


@run
async def test_help_lists_the_bindings_and_maximise_toggles(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one(ResultList).focus()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {keys for _, keys, _ in app.screen.rows}
        assert {"/", "?", "b", "B", "m", "⌫, alt+left", "alt+right", "ctrl+p"} <= keys
        query = [(keys, what) for where, keys, what in app.screen.rows if where == "Query"]  # and the query language
        assert [keys for keys, _ in query][:3] == ["words", '"a phrase"', "prefix*"] and "from:D to:D" in dict(query)
        await pilot.press("escape")
        await pilot.press("m")
        assert app.screen.maximized is app.screen.query_one(ArticleView)
        await pilot.press("m")
        assert app.screen.maximized is None


@run
async def test_terminal_bidi_mode_hands_over_logical_text(archive):
    app = ArchiveApp(archive, bidi="terminal")
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "ميناء")
        view = app.screen.query_one(ArticleView)
        assert view.render_line(0).text.startswith("ميناء طرابلس")
        app.action_bidi("app")
        await settle(pilot)
        assert view.render_line(0).text.rstrip().endswith(shape("ميناء")[0][::-1])


@run
async def test_arrow_keys_move_the_cursor_as_they_point_in_an_arabic_query(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, "ميناء طرابلس")
        search = app.screen.query_one(SearchInput)
        search.render_line(0)
        end_x = search.cursor_screen_offset.x
        assert search.cursor_position == len("ميناء طرابلس")
        await pilot.press("right")  # on screen: towards the start of the query
        search.render_line(0)
        assert search.cursor_position == len("ميناء طرابلس") - 1
        assert search.cursor_screen_offset.x == end_x + 1
        await pilot.press("left")
        search.render_line(0)
        assert search.cursor_position == len("ميناء طرابلس")
        assert search.cursor_screen_offset.x == end_x


@run
async def test_facts_sidebar_lists_table_rows_and_entities_that_lead_to_articles(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        facts = app.screen.query_one(FactsSidebar)
        items = facts.items
        assert ("التاريخ", "الاجتماع والمباحثات جرت مؤخرًا في قرية النخيل بجنزور") in [
            (n, v) for _, n, v in items
        ]
        assert any(group.startswith("List") for group, _, _ in items)
        place = next(i for i, (_, _, value) in enumerate(items) if value == "PLACE:طرابلس")
        option = next(n for n, o in enumerate(facts.options) if o.id == str(place))
        facts.focus()
        facts.highlighted = option
        await pilot.press("enter")
        await settle(pilot)
        mentions = {hit.key for hit in app.screen.query_one(ResultList).hits}
        assert SEED_KEY in mentions and "tripoli-port" in mentions
        assert "tunis" not in mentions


@run
async def test_tab_to_the_facts_sidebar_and_enter_follows_the_first_entity(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        facts = app.screen.query_one(FactsSidebar)
        await pilot.press("tab", "tab")  # results → article → facts
        assert app.focused is facts
        await pilot.press("enter")
        await settle(pilot)
        status = str(app.screen.query_one("#status").render())
        assert "mention" in status  # the entity's articles are listed, not nothing at all
        assert app.screen.query_one(ResultList).hits


@run
async def test_on_a_narrow_screen_the_facts_sidebar_replaces_the_search_pane(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await search_and_open(pilot, "جنزور")
        view = app.screen.query_one(ArticleView)
        facts = app.screen.query_one(FactsSidebar)
        search_pane = app.screen.query_one("#search-pane")
        narrow = view.size.width
        assert not facts.display
        await pilot.press("s")
        await settle(pilot)
        assert facts.display and not search_pane.display and app.focused is facts
        assert view.size.width >= narrow  # the article is not squeezed
        await pilot.press("slash")
        await settle(pilot)
        assert search_pane.display and app.focused is app.screen.query_one(SearchInput)
        await pilot.press("escape", "s")
        await settle(pilot)
        assert app.focused is facts
        await pilot.press("t")  # the month strip is in the search pane: it comes back with it
        await settle(pilot)
        assert search_pane.display and app.focused is app.screen.query_one(TimelineBar)
        await pilot.resize_terminal(140, 40)
        await pilot.press("escape", "s")  # wide: the sidebar is beside the rest; s goes to it
        await settle(pilot)
        assert facts.display and search_pane.display and app.focused is facts
        await pilot.press("s")  # s in the sidebar hides it; the article keeps the focus
        await settle(pilot)
        assert not facts.display and search_pane.display and app.focused is view
        await pilot.press("s")
        await settle(pilot)
        assert facts.display and search_pane.display and app.focused is facts


@run
async def test_s_on_a_wide_screen_goes_to_the_shown_sidebar_instead_of_hiding_it(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        facts = app.screen.query_one(FactsSidebar)
        assert facts.display and app.focused is not facts
        await pilot.press("s")
        await settle(pilot)
        assert facts.display and app.focused is facts and facts.highlighted is not None
        await pilot.press("enter")  # the first entity's articles: the sidebar stays beside them
        await settle(pilot)
        assert facts.display and app.screen.query_one(ResultList).hits


@run
async def test_arabic_typed_in_the_results_or_article_goes_to_the_search_box(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "ميناء")
        assert app.focused is app.screen.query_one(ResultList)
        await pilot.press(*"طرابلس")
        await settle(pilot)
        search = app.screen.query_one(SearchInput)
        assert app.focused is search and search.value == "ميناء طرابلس"
        assert app.screen.query_one(ResultList).hits[0].key == "tripoli-port"
        await pilot.press("tab", "tab", "b")  # Latin keys keep their bindings
        assert app.archive.is_bookmarked("tripoli-port")


@run
async def test_a_database_error_is_a_notification_not_a_crash(archive, monkeypatch):
    def broken(self, query, limit=20, offset=0, within=None):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Archive, "search", broken)
    app = ArchiveApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, "طرابلس")
        assert app.is_running
        assert any("malformed" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        assert app.screen.query_one(ResultList).hits  # the newest articles are still listed


@run
async def test_articles_imported_meanwhile_appear_without_a_restart(archive, monkeypatch):
    import tui.screens.main as main_screen

    monkeypatch.setattr(main_screen, "WATCH_INTERVAL", 0.2)
    app = ArchiveApp(archive)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with Archive(archive.path) as other:  # another process importing, as far as the app knows
            other.import_records([Record(title="خبر جديد", body="وصل الآن", date="2018-01-01", key="fresh")])
        for _ in range(20):
            await pilot.pause(0.1)
            if app.screen.query_one(ResultList).hits[0].key == "fresh":
                break
        await settle(pilot)
        assert app.screen.query_one(ResultList).hits[0].key == "fresh"
        assert app.screen.query_one(TimelineBar).months[-1] == "2018-01"


@run
async def test_the_mouse_opens_results_and_chooses_months(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, "طرابلس")
        results = app.screen.query_one(ResultList)
        second = results.hits[1].key
        await pilot.click(ResultList, offset=(5, ROWS_PER_HIT + 1))  # a row of the second hit
        await settle(pilot)
        assert app.screen.article.key == second
        timeline = app.screen.query_one(TimelineBar)
        column = timeline.months.index("2017-01") + 1  # +1: the widget's left padding
        await pilot.click(TimelineBar, offset=(column, 1))
        await settle(pilot)
        assert timeline.chosen == "2017-01"
        assert [hit.key for hit in results.hits] == ["tripoli-jan"]


def choose_fact(app, value: str) -> None:
    """Highlight the sidebar item whose value is ``value`` and give the sidebar the focus."""
    facts = app.screen.query_one(FactsSidebar)
    item = next(i for i, (_, _, v) in enumerate(facts.items) if v == value)
    facts.focus()
    facts.highlighted = next(n for n, option in enumerate(facts.options) if option.id == str(item))


async def follow_fact(pilot, value: str) -> None:
    """Choose the sidebar item whose value is ``value`` and press Enter on it."""
    choose_fact(pilot.app, value)
    await pilot.press("enter")
    await settle(pilot)


def highlighted_text(view: ArticleView) -> str:
    """The text of the highlighted segments on screen (the hit style has a background), row by row."""
    plain = view.rich_style.bgcolor
    rows = (
        "".join(s.text for s in view.render_line(y) if s.style is not None and s.style.bgcolor not in (None, plain))
        for y in range(view.scrollable_content_region.height)
    )
    return " ".join(row for row in rows if row)


@run
async def test_an_article_opened_from_an_entity_list_shows_the_mentions_highlighted(tmp_path):
    filler = "\n\n".join(f"فقرة رقم {n} عن الاقتصاد والأسواق والتجارة في المنطقة." for n in range(40))
    records = [
        Record(title="زيارة رسمية", body="وصل وفد إلى مدينة مصراتة أمس.", date="2017-01-05", key="visit"),
        Record(title="تقرير طويل", body=f"{filler}\n\nوفي الختام زار الوفد مصراتة.", date="2017-02-01", key="long"),
    ]
    with Archive(tmp_path / "m.db") as archive:
        archive.import_records(records)
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 30)) as pilot:
            await search_and_open(pilot, "زيارة")
            await follow_fact(pilot, "PLACE:مصراتة")
            results = app.screen.query_one(ResultList)
            assert [hit.key for hit in results.hits] == ["long", "visit"]
            await pilot.press("enter")  # the newest: its only mention is in the last paragraph
            await settle(pilot)
            view = app.screen.query_one(ArticleView)
            assert app.screen.article.key == "long" and view.scroll_offset.y > 40
            assert highlighted_text(view) == visual_text("مصراتة", True)[0]
            await pilot.press("slash", *"تقرير")  # a new search: its hits are highlighted again
            await settle(pilot)
            await open_first(pilot)
            assert app.screen.article.key == "long" and view.scroll_offset.y == 0
            assert "مصراتة" not in visual_text(highlighted_text(view), True)[0]


@run
async def test_a_table_row_chosen_in_the_sidebar_is_highlighted_in_the_article(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        view = app.screen.query_one(ArticleView)
        facts = app.screen.query_one(FactsSidebar)
        value = next(v for _, name, v in facts.items if name == "الأهداف")
        await follow_fact(pilot, value)
        assert app.focused is view and view.scroll_offset.y > 0
        shown = highlighted_text(view)
        assert shown and set(shown.split()) <= set(visual_text(value, True)[0].split())


@run
async def test_a_long_entity_list_says_how_many_articles_mention_it_in_all(archive, monkeypatch):
    import tui.screens.main as main

    monkeypatch.setattr(main, "MENTIONS", 2)
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        await follow_fact(pilot, "PLACE:طرابلس")
        assert len(app.screen.query_one(ResultList).hits) == 2
        status = str(app.screen.query_one("#status").render())
        assert "4 articles mention" in status and "the newest 2 shown" in status


@run
async def test_an_empty_sidebar_says_why_it_is_empty(tmp_path):
    with Archive(tmp_path / "e.db") as archive:
        archive.import_records([Record(title="خواطر", body="كلام عام هادئ عن الصبر والأمل.", key="plain")])
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            facts = app.screen.query_one(FactsSidebar)

            def shown() -> str:
                return " ".join(" ".join(facts.render_line(y).text.split()) for y in range(facts.size.height))

            assert "Open an article" in shown()
            await search_and_open(pilot, "خواطر")
            assert app.screen.article.key == "plain" and facts.items == []
            assert "No names, places, numbers, tables or lists were found" in shown()
            await pilot.press("s")
            await settle(pilot)
            assert app.focused is facts and facts.highlighted is None  # nothing to choose, nothing breaks
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.article.key == "plain"


@run
async def test_related_and_entity_jumps_go_into_the_history(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "ميناء")
        assert app.screen.article.key == "tripoli-port"
        facts = app.screen.query_one(FactsSidebar)
        related = [value for group, _, value in facts.items if group.startswith("Related")]
        assert related and "ARTICLE:tripoli-port" not in related
        await follow_fact(pilot, related[0])
        second = app.screen.article.key
        assert f"ARTICLE:{second}" == related[0]
        await follow_fact(pilot, "PLACE:طرابلس")  # the place's articles, newest first
        hits = app.screen.query_one(ResultList).hits
        assert hits[0].key == "tripoli-port" and [h.date for h in hits] == sorted((h.date for h in hits), reverse=True)
        await pilot.press("end", "enter")  # the oldest (the undated seed)
        await settle(pilot)
        third = app.screen.article.key
        assert third not in ("tripoli-port", second)
        results = app.screen.query_one(ResultList)
        searched = [hit.key for hit in archive.search("ميناء", limit=50)]
        await pilot.press("alt+left")
        await settle(pilot)
        assert app.screen.article.key == second
        # with the list it was opened from (Related, beside the search's results), as a browser's back
        assert not results.mentions and [hit.key for hit in results.hits] == searched
        await pilot.press("alt+left")
        await settle(pilot)
        assert app.screen.article.key == "tripoli-port"
        await pilot.press("alt+right", "alt+right")
        await settle(pilot)
        assert app.screen.article.key == third
        assert results.mentions and results.hits[0].key == "tripoli-port"  # the place's articles again


@run
async def test_the_timeline_shows_an_entitys_months_and_narrows_its_articles(archive):
    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "تونس")
        await search_and_open(pilot, "جنزور")
        await follow_fact(pilot, "PLACE:طرابلس")
        timeline = app.screen.query_one(TimelineBar)
        assert timeline.counts == {"2017-01": 1, "2017-03": 2} and timeline.undated == 1  # not the query's
        timeline.focus()
        timeline.cursor = timeline.months.index("2017-03")
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert [hit.key for hit in results.hits] == ["tripoli-port", "tripoli-mar"]
        assert "2 articles mention" in str(app.screen.query_one("#status").render())
        await pilot.press("escape")  # every month again: still the entity's articles
        await settle(pilot)
        assert len(results.hits) == 4 and app.screen.mention == ("PLACE", "طرابلس")
        await type_query(pilot, "تونس")  # a search: its own counts and hits again
        assert [hit.key for hit in results.hits] == ["tunis"] and app.screen.mention is None
        assert timeline.counts == {"2016-12": 1}


@run
async def test_the_sidebar_shows_how_often_an_entity_is_mentioned(archive):
    from store.facts.sidebar import sidebar_groups

    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        facts = app.screen.query_one(FactsSidebar)
        places = next(g for g in sidebar_groups(archive.facts(SEED_KEY)) if g.label == "Places")
        top = places.items[0]
        assert top.count > 1
        assert (places.heading, f"{top.label} ×{top.count}", top.value) in facts.items
        rows = [facts.render_line(y).text.strip() for y in range(facts.size.height)]
        assert visual_text(f"{top.label} ×{top.count}", True)[0] in rows  # shaped, right to left
        once = next(i for i in places.items if i.count == 1)
        assert (places.heading, once.label, once.value) in facts.items  # no ×1
        width = facts.size.width - 1
        long = [(n, v) for _, n, v in facts.items if ":" in v and "×" in n and len(n) > width]
        assert long  # a name too long for the sidebar (حكومة الوحدة الوطنية ×2): cut, its count kept
        for name, _ in long:
            count = name.rsplit(" ", 1)[1]
            assert any(row.startswith(count[::-1] + " …") for row in rows), name


def test_a_cut_label_keeps_its_mention_count():
    from tui.widgets.facts import _keep_count

    assert _keep_count("حكومة الوحدة الوطنية ×12", 15) == "حكومة الوح… ×12"  # 15 characters
    assert _keep_count("طرابلس ×8", 15) == "طرابلس ×8"
    assert _keep_count("التاريخ: الاجتماع والمباحثات", 10) == "التاريخ: الاجتماع والمباحثات"  # label() cuts it


@run
async def test_an_archive_imported_without_facts_says_how_to_get_them(tmp_path):
    with Archive(tmp_path / "bulk.db") as archive:
        archive.extract_facts = False  # as 'import --no-facts' does
        archive.import_records(
            [
                Record(title="اجتماع في طرابلس", body="عقد اجتماع في طرابلس.", date="2017-01-05", key="a"),
                Record(title="ميناء طرابلس", body="افتتاح ميناء طرابلس.", date="2017-02-05", key="b"),
            ]
        )
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 30)) as pilot:
            await search_and_open(pilot, "اجتماع")
            facts = app.screen.query_one(FactsSidebar)
            assert "PLACE:طرابلس" in [v for _, _, v in facts.items]  # this article's facts, extracted now
            hints = [str(n.message) for n in app._notifications if "without facts" in str(n.message)]
            assert len(hints) == 1 and "facts --all" in hints[0]
            await search_and_open(pilot, "ميناء")
            assert len([n for n in app._notifications if "without facts" in str(n.message)]) == 1  # once


@run
async def test_an_entitys_articles_say_how_often_each_mentions_it(archive):
    from store.facts.sidebar import sidebar_groups

    app = ArchiveApp(archive)
    async with app.run_test(size=(140, 40)) as pilot:
        await search_and_open(pilot, "جنزور")
        await follow_fact(pilot, "PLACE:طرابلس")
        results = app.screen.query_one(ResultList)
        seed = next(n for n, hit in enumerate(results.hits) if hit.key == SEED_KEY)
        results.highlighted = seed
        await settle(pilot)
        times = next(i.count for g in sidebar_groups(archive.facts(SEED_KEY)) for i in g.items if i.value == "PLACE:طرابلس")
        rows = [results.render_line(y).text.strip() for y in range(results.size.height)]
        assert f"undated · {times} mentions" in rows
        assert not any(row.endswith("· 1 mentions") for row in rows)  # once is not worth a word
        await type_query(pilot, "طرابلس")  # a search: scores are not mention counts
        rows = [results.render_line(y).text for y in range(results.size.height)]
        assert not any("mentions" in row for row in rows)
