"""The facts features end to end: entity lists, related articles and the keys around them."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Archive, Record
from tests.test_app import follow_fact, run, search_and_open, settle
from tests.test_facts_api import ARTICLES, facts_archive  # noqa: F401 (the archive fixture)
from tui.app import ArchiveApp
from tui.cli import main
from tui.widgets.article import ArticleView
from tui.widgets.results import ResultList
from tui.widgets.timeline import TimelineBar


@pytest.fixture
def lookups(monkeypatch) -> list[str]:
    """The names looked up in the entity dictionary (by any thread), in order."""
    import store.facts.methods as methods
    import store.facts.storage as storage

    seen: list[str] = []
    original = storage.find_entities

    def counting(conn, text, type_=None):
        seen.append(text)
        return original(conn, text, type_)

    for module in (methods, storage):
        monkeypatch.setattr(module, "find_entities", counting)
    return seen


@run
async def test_an_entity_is_looked_up_once_for_its_list_timeline_month_and_opened_articles(archive, lookups):
    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "اجتماع")
        await follow_fact(pilot, "PLACE:طرابلس")
        results = app.screen.query_one(ResultList)
        assert [hit.key for hit in results.hits] == ["apr", "mar", "jan"]
        await pilot.press("end", "enter")  # opened at its first mention
        await settle(pilot)
        assert app.screen.article.key == "jan"
        timeline = app.screen.query_one(TimelineBar)
        timeline.focus()
        timeline.cursor = timeline.months.index("2017-03")
        await pilot.press("enter")
        await settle(pilot)
        assert [hit.key for hit in results.hits] == ["mar"]
        assert lookups == ["طرابلس"]


def test_cli_entity_looks_the_name_up_once(archive, lookups, capsys):
    assert main(["--db", str(archive.path), "entity", "بطرابلس"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "طرابلس (place, 3 articles):" and [line.split()[1] for line in lines[1:]] == ["apr", "mar", "jan"]
    assert lookups == ["بطرابلس"]


@run
async def test_each_related_article_shows_its_date_and_score_under_its_title(archive):
    from tui.rtl import visual_text
    from tui.widgets.facts import FactsSidebar

    for size in ((120, 40), (80, 24)):
        app = ArchiveApp(archive)
        async with app.run_test(size=size) as pilot:
            await search_and_open(pilot, "ميناء")
            await pilot.press("s")  # on the narrow screen the sidebar takes the search pane's place
            await settle(pilot)
            facts = app.screen.query_one(FactsSidebar)
            related = archive.related("mar", 8)
            assert related and {f"ARTICLE:{m.key}" for m in related} == {
                v for g, _, v in facts.items if g.startswith("Related")
            }
            facts.scroll_end(animate=False)
            await settle(pilot)
            rows = [facts.render_line(y).text.strip() for y in range(facts.size.height)]
            for mention in related:
                title = visual_text(mention.title, True)[0]
                at = rows.index(title)
                assert rows[at + 1] == f"{mention.date} · {mention.score:.2f}", size


@run
async def test_slash_in_the_search_box_selects_the_query_as_it_does_from_other_panes(archive):
    from tui.widgets.search_input import SearchInput

    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        search = app.screen.query_one(SearchInput)
        await pilot.press(*"ميناء")
        await settle(pilot)
        assert app.focused is search and search.value == "ميناء"
        await pilot.press("slash")  # no "/" typed: the whole query is selected
        assert search.value == "ميناء" and search.selection == (0, len("ميناء"))
        await pilot.press(*"مؤتمر")  # typing replaces it
        await settle(pilot)
        assert search.value == "مؤتمر"
        assert [hit.key for hit in app.screen.query_one(ResultList).hits] == ["apr"]
        await pilot.press("enter", "slash")  # from the results: the same
        assert app.focused is search and search.selection == (0, len("مؤتمر"))


@pytest.mark.parametrize(
    "command",
    [("entity", "طرابلس", "--limit", "120"), ("related", "t0", "--limit", "120"), ("facts", "--all"), ("search", "طرابلس")],
)
def test_text_output_into_a_pipe_closed_early_is_no_failure(tmp_path: Path, command: tuple[str, ...]) -> None:
    import subprocess
    import sys

    words = " ".join(f"كلمة{n}" for n in range(150))  # long titles: more than a pipe buffer in all
    records = [
        Record(key=f"t{n}", date=f"2017-01-{n % 28 + 1:02d}", title=f"طرابلس {n} {words}", body=f"خبر {n} من طرابلس عن الميناء.")
        for n in range(120)
    ]
    with Archive(tmp_path / "pipe.db") as archive:
        archive.import_records(records)
    producer = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--db", str(tmp_path / "pipe.db"), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert producer.stdout.readline()
    producer.stdout.close()  # like "| head -1"
    _, errors = producer.communicate(timeout=120)
    assert producer.returncode == 0 and b"Traceback" not in errors


def test_cli_facts_says_when_an_article_has_none(tmp_path: Path, capsys) -> None:
    db = tmp_path / "plain.db"
    with Archive(db) as archive:
        archive.import_records([Record(key="plain", title="خواطر", body="كلام عام هادئ عن الصبر والأمل.")])
    assert main(["--db", str(db), "facts", "plain"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "plain",
        "  no names, places, numbers, tables or lists were found in this article",
    ]
    assert main(["--db", str(db), "facts", "plain", "--json"]) == 0
    assert '"entities": []' in capsys.readouterr().out  # JSON stays data only


@run
async def test_enter_in_the_search_box_brings_back_the_querys_results_after_an_entity_list(archive):
    from tui.widgets.search_input import SearchInput

    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "اجتماع")
        await follow_fact(pilot, "PLACE:طرابلس")
        results = app.screen.query_one(ResultList)
        assert len(results.hits) == 3 and app.screen.mention == ("PLACE", "طرابلس")
        await pilot.press("slash", "enter")  # the box still says اجتماع: Enter searches it again
        await settle(pilot)
        assert app.screen.query_one(SearchInput).value == "اجتماع"
        assert [hit.key for hit in results.hits] == ["jan"] and app.screen.mention is None
        assert app.focused is results
        await pilot.press("slash", "enter")  # and with the query's own results shown, Enter just goes there
        await settle(pilot)
        assert [hit.key for hit in results.hits] == ["jan"] and app.focused is results


@run
async def test_on_a_narrow_screen_an_entity_list_keeps_the_mention_counts_and_cuts_the_source(tmp_path):
    records = [
        Record(
            key=f"k{n}", date=f"2017-0{n + 1}-01", source="a-newspaper-with-a-long-name", title=f"خبر {n}",
            body="زار الوفد طرابلس ثم عاد إلى طرابلس." if n else "زار الوفد طرابلس.",
        )
        for n in range(2)
    ]
    with Archive(tmp_path / "narrow.db") as archive:
        archive.import_records(records)
        app = ArchiveApp(archive)
        async with app.run_test(size=(80, 24)) as pilot:
            await search_and_open(pilot, "خبر")
            await follow_fact(pilot, "PLACE:طرابلس")
            results = app.screen.query_one(ResultList)
            assert [hit.key for hit in results.hits] == ["k1", "k0"]
            rows = [results.render_line(y).text.strip() for y in range(results.size.height)]
            assert any(row.startswith("2017-02-01 · 2 mentions · a-") and row.endswith("…") for row in rows)
            assert any(row.startswith("2017-01-01 · a-newspaper") for row in rows)  # once: no count


@run
async def test_an_archive_without_facts_gets_them_extracted_from_the_app(tmp_path):
    with Archive(tmp_path / "bulk.db") as archive:
        archive.extract_facts = False  # as 'import --no-facts'
        archive.import_records(ARTICLES)
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 40)) as pilot:
            await search_and_open(pilot, "ميناء")  # its facts are read on the spot, not stored
            await follow_fact(pilot, "PLACE:طرابلس")
            status = " ".join(str(app.screen.query_one("#status").render()).split())
            assert "3 articles have no facts" in status and "press F" in status
            app.screen.query_one(ArticleView).focus()
            await pilot.press("F")  # extracted by 'archive-tui facts --all' in another process
            for _ in range(300):
                await pilot.pause(0.1)
                if "facts extracted" in str(app.screen.query_one("#status").render()):
                    break
            assert "facts extracted for 3 articles" in str(app.screen.query_one("#status").render())
            assert archive.facts_missing() == 0
            await follow_fact(pilot, "PLACE:طرابلس")
            assert "articles mention" in str(app.screen.query_one("#status").render())


@run
async def test_an_80_column_footer_shows_the_facts_and_help_keys(archive):
    from textual.widgets._footer import FooterKey

    app = ArchiveApp(archive)
    async with app.run_test(size=(80, 24)) as pilot:
        await search_and_open(pilot, "ميناء")
        await settle(pilot)
        keys = [key for key in app.screen.query(FooterKey) if key.region.width]
        palette = next(key.region.x for key in keys if key.description == "palette")  # (drawn over what runs on)
        shown = {key.description for key in keys if key.region.right <= palette}
        assert {"Search", "Facts", "Help", "Back", "Bookmark", "Bookmarks", "Quit"} <= shown  # (compact: all fit)


LONG_TITLES = [
    Record(
        key="long1", date="2017-05-01", title="وزير الخارجية يصل إلى طرابلس في زيارة رسمية تستمر ثلاثة أيام لبحث الملفات العالقة",
        body="وصل وزير الخارجية إلى طرابلس اليوم والتقى اللواء 444 في طرابلس.",
    ),
    Record(
        key="long2", date="2017-05-02", title="وفد اقتصادي يبحث في طرابلس مع شركة Siemens تطوير محطات الكهرباء وشبكات النقل",
        body="بحث وفد اقتصادي في طرابلس تطوير المحطات مع اللواء 444.",
    ),
    Record(key="long3", date="2017-05-03", title="طرابلس", body="اجتماع في طرابلس حضره اللواء 444."),
]


@run
async def test_a_long_related_title_takes_two_rows_cut_at_a_space_in_its_own_direction(tmp_path):
    from tui.rtl import visual_text
    from tui.widgets.facts import FactsSidebar

    with Archive(tmp_path / "long.db") as archive:
        archive.import_records(LONG_TITLES)
        for size in ((120, 40), (80, 24)):
            app = ArchiveApp(archive)
            async with app.run_test(size=size) as pilot:
                await search_and_open(pilot, "حضره")
                await pilot.press("s")
                await settle(pilot)
                facts = app.screen.query_one(FactsSidebar)
                facts.scroll_end(animate=False)
                await settle(pilot)
                strips = [facts.render_line(y) for y in range(facts.size.height)]
                rows = [strip.text.strip() for strip in strips]
                related = archive.related("long3", 8)
                assert {m.key for m in related} == {"long1", "long2"}
                for mention in related:
                    at = rows.index(f"{mention.date} · {mention.score:.2f}")
                    first, second = rows[at - 2], rows[at - 1]
                    assert "…" not in first and first, size
                    words = mention.title.split()
                    shown = [k for k in range(1, len(words)) if visual_text(" ".join(words[:k]), True)[0] == first]
                    assert shown, (size, first)  # the first row: the title's first whole words
                    assert second.endswith("…") or second.startswith("…"), size  # the rest, cut
                    # both rows right-aligned, as the title is Arabic (the second starts with a Latin
                    # word for long2 at some widths)
                    assert strips[at - 1].text.rstrip() == strips[at - 1].text, size


@run
async def test_a_120_column_footer_keeps_bookmarks_and_quit_when_the_timeline_adds_its_keys(archive):
    from textual.widgets._footer import FooterKey

    from tui.widgets.timeline import TimelineBar

    app = ArchiveApp(archive)
    async with app.run_test(size=(120, 40)) as pilot:
        await search_and_open(pilot, "ميناء")
        app.screen.query_one(TimelineBar).focus()
        await settle(pilot)
        keys = [key for key in app.screen.query(FooterKey) if key.region.width]
        shown = {key.description for key in keys if key.region.right <= 120}
        assert {"Filter month", "Search", "Facts", "Help", "Back", "Bookmark", "Bookmarks", "Quit"} <= shown
        await pilot.press("question_mark")  # the keys left out of the footer are in the help
        await settle(pilot)
        actions = {what for _, _, what in app.screen.rows}
        assert {"Forward", "Maximise"} <= actions
