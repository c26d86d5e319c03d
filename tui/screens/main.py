"""The browser: search pane (query, timeline, results), article pane, facts sidebar.

Queries run in workers on reader threads (tui.reader), debounced while typing; a newer query
cancels the one in flight. Counting matches per month runs on a second reader with a time
budget so a common word never delays the result list.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input

from store import Archive, ArchiveError, Article, Hit, QueryError
from store.facts import NamedEntity
from store.facts.sidebar import parse_value, sidebar_groups, sidebar_items
from store.timeline import Timeline
from tui.commands.output import EXTRACT_FACTS, not_mentioned_yet
from tui.history import History
from tui.messages import FactChosen, MonthChosen, OpenArticle
from tui.reader import ArchiveReader, Interrupted
from tui.rtl import Document
from tui.screens.dialogs import BookmarksScreen
from tui.widgets.article import ArticleView
from tui.widgets.facts import FactsSidebar
from tui.widgets.results import ResultList
from tui.widgets.search_input import SearchInput
from tui.widgets.status import MessageLine
from tui.widgets.timeline import TimelineBar

T = TypeVar("T")

DEBOUNCE = 0.02
"""Seconds of typing pause before a query runs."""
RESULTS = 50
WIDE_FROM = 110
"""Screen width from which the layout is wide (the app's -wide breakpoint); below it the
sidebar takes the search pane's place and the footer is compact."""
"""Hits listed per query."""
MENTIONS = 500
"""Articles listed for an entity (newest first; a list of mentions is cheap to build)."""
RELATED = 8
"""Related articles listed in the sidebar."""
COUNT_BUDGET = 2.0
"""Seconds the per-month count may take before the timeline gives up for this query."""
MIN_CHARS = 2
"""Shorter queries run on Enter only: one letter matches most of an archive and helps no one."""
COUNT_DELAY = 0.25
"""Seconds of typing pause before the per-month count starts."""
WATCH_INTERVAL = 5.0
"""Seconds between checks for articles imported while the app runs."""
ARCHIVE_COUNT_BUDGET = 10.0
"""The same for the whole archive's histogram (computed once, in the background)."""
FILL_POLL = 1.0
"""Seconds between progress counts while facts are extracted (see action_extract_facts)."""
EMPTY_ARCHIVE = "the archive is empty: 'archive-tui import PATH…' adds files or folders of articles"
"""What the status line says when there is nothing to list, and how to change that."""
NOTHING_FOUND = "No names, places, numbers, tables or lists were found in this article."
"""What the facts sidebar says of an article without facts."""


Listing = tuple[str, ...]
"""What the list pane shows: ("entity", type, canonical) or ("search", query)."""


class MainScreen(Screen):
    """Search, read, follow facts; back and forward like a browser."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: in the search box too, where "/" means nothing to a query, it selects the
        # query so that typing replaces it, as it does from every other pane
        Binding("slash", "focus_search", "Search", priority=True),
        # facts and help come next: an 80-column footer shows only the first six or so keys;
        # forward and maximise are left to the help screen, so that the keys a focused pane adds
        # (the timeline's two) still leave Bookmarks and Quit on a 120-column footer
        Binding("s", "toggle_facts", "Facts"),
        Binding("question_mark", "app.help", "Help"),
        Binding("backspace,alt+left", "back", "Back"),  # (⌫ first: the footer shows the first key)
        Binding("alt+right", "forward", "Forward", show=False),
        Binding("b", "toggle_bookmark", "Bookmark"),
        Binding("B", "bookmarks", "Bookmarks"),
        Binding("m", "maximize_article", "Maximise", show=False),
        Binding("t", "focus_timeline", "Timeline", show=False),
        Binding("escape", "escape", "Results", show=False),
        Binding("ctrl+r", "refresh", "Refresh", show=False),
        Binding("F", "extract_facts", "Extract facts", show=False),
    ]

    def __init__(self, reader: ArchiveReader, counter: ArchiveReader, visual: bool = True) -> None:
        super().__init__()
        self.reader = reader
        """Runs searches and loads articles."""
        self.counter = counter
        """Runs the (possibly slow) per-month counts."""
        self.visual = visual
        """True: the app draws RTL text in visual order; False: the terminal does bidi."""
        self.history: History[tuple[str, Listing]] = History()
        """(article key, the list it was opened from) per article read, for back/forward."""
        self._read_to: dict[str, int | None] = {}
        """Article key → the text offset at the top of its view when it was left: back and
        forward return there (not to a search hit or a mention chosen since)."""
        self.month: str | None = None
        """The month the results are narrowed to."""
        self.article: Article | None = None
        """The open article."""
        self.mention: tuple[str, str] | None = None
        """(type, canonical) of the entity whose articles the result list shows, if it does: an
        article opened meanwhile has that entity's mentions highlighted, the first one in view."""
        self.mentioned: list[NamedEntity] = []
        """What ``mention`` was read as in the archive (looked up once per entity chosen)."""
        self.search_log: list[tuple[str, float, float]] = []
        """(query, seconds from the last keystroke to results shown, seconds in the store) per search."""
        self._debounce: Timer | None = None
        self._count_timer: Timer | None = None
        self._typed_at = 0.0
        self._listed_query = ""
        """The query whose results the list shows."""
        self._typing_elsewhere = False
        """True from a letter typed in another pane (which goes to the query) until a pane other
        than the search box takes focus: the letters that follow belong to the same word."""
        self._archive_timeline: Timeline | None = None
        self._counted: str | None = None  # the query whose per-month counts are shown
        self._latest_id: int | None = None
        self._told_unextracted = False  # the hint to extract facts is given once

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Vertical(id="search-pane"):
                # no select-all on every focus (Arabic typed elsewhere is appended): "/" selects
                yield SearchInput(placeholder="Search… ( / )", id="query", select_on_focus=False)
                yield TimelineBar(id="timeline")
                yield MessageLine(id="status", visual=self.visual)
                yield ResultList(id="results", visual=self.visual)
            with Vertical(id="article-pane"):
                yield MessageLine(id="article-meta", wrap=False, visual=self.visual)
                yield ArticleView(id="article", visual=self.visual)
            yield FactsSidebar(id="facts", visual=self.visual)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchInput).visual = self.visual
        self.query_one("#query").focus()
        self.query_one("#article-meta", MessageLine).show("Type to search; Enter opens a result.", "dim")
        self.run_search("")
        self.load_month_span()
        self.set_interval(WATCH_INTERVAL, self.watch_imports)

    # -- searching -------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._typed_at = time.perf_counter()
        for timer in (self._debounce, self._count_timer):
            if timer is not None:
                timer.stop()
        text = event.value.strip()
        if 0 < len(text) < MIN_CHARS:
            self._set_status(f"type {MIN_CHARS} letters or more (Enter searches now)")
            return
        self._debounce = self.set_timer(DEBOUNCE, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if 0 < len(event.value.strip()) < MIN_CHARS:
            self.run_search(event.value)
            return
        if self.mention is not None:  # the list shows an entity's articles: Enter brings the query's back
            self.run_search(event.value)
        results = self.query_one(ResultList)
        if results.option_count:
            results.focus()

    @work(exclusive=True, group="search")
    async def run_search(self, text: str) -> None:
        """Run ``text`` (plus the chosen month) and show the hits and their per-month counts."""
        started = time.perf_counter()
        query = text.strip()
        self.reader.interrupt()
        self.counter.interrupt()  # the previous query's count would only compete with this search
        try:
            if query:
                hits = await self._read(self.reader, lambda a: a.search(query, limit=RESULTS, within=self.month))
            else:
                hits = await self._read(self.reader, lambda a: a.newest(RESULTS, self.month))
        except QueryError as exc:
            self._set_status(str(exc), error=True)
            return
        if hits is None:
            return
        stored = time.perf_counter() - started
        self.mention = None
        self._show_hits(query, hits)
        self.search_log.append((query, time.perf_counter() - (self._typed_at or started), stored))
        if query != self._counted:
            # counting waits for a pause in typing: while keys come, it would only slow the searches
            self._count_timer = self.set_timer(COUNT_DELAY, lambda: self.count_matches(query))

    async def _read(self, reader: ArchiveReader, call: Callable[[Archive], T]) -> T | None:
        """``call(archive)`` on ``reader``, retried once if an interrupt meant for an older query
        hit it. A database error is shown as a notification and gives None (never a traceback);
        a QueryError is left to the caller."""
        for attempt in (1, 2):
            try:
                return await reader.run(call)
            except Interrupted:
                if attempt == 2:
                    return None
            except (sqlite3.Error, OSError, ArchiveError) as exc:
                self.notify(f"archive error: {exc}", severity="error", timeout=6)
                return None
        return None

    def _show_hits(self, query: str, hits: list[Hit]) -> None:
        self.query_one(ResultList).show_hits(hits, more=bool(query) and len(hits) == RESULTS)
        self._listed_query = query
        self._show_count(query, hits)

    @on(ResultList.WantsMore)
    def _more_wanted(self) -> None:
        if self.mention is None:  # (search results: an entity's list is whole)
            self.load_more(self._listed_query)

    @work(exclusive=True, group="search")
    async def load_more(self, query: str) -> None:
        """The next RESULTS hits of ``query``, added to the list (the cursor reached its end)."""
        results = self.query_one(ResultList)
        shown = len(results.hits)
        try:
            hits = await self._read(
                self.reader, lambda a: a.search(query, limit=RESULTS, offset=shown, within=self.month)
            )
        except QueryError:
            return
        if hits is None or self.mention is not None or len(results.hits) != shown:
            return  # (another list has replaced it meanwhile)
        results.add_hits(hits, more=len(hits) == RESULTS)
        self._show_count(query, results.hits)

    def _show_count(self, query: str, hits: Sequence[Hit]) -> None:
        timeline = self.query_one(TimelineBar)
        if not hits:
            self._set_status("no matches" if query else EMPTY_ARCHIVE)
        elif not query:
            self._set_status(f"newest articles{' of ' + self.month if self.month else ''}")
        elif timeline.total is not None and query == self._counted:
            total = timeline.counts.get(self.month, 0) if self.month else timeline.total
            self._set_status(self._count_text(total, hits))
        else:
            self._set_status(f"{len(hits)} shown · counting…")

    def _count_text(self, total: int, hits: Sequence[Hit]) -> str:
        """"12 matches · 12 shown", with the partial matches listed after them counted apart."""
        scope = f" in {self.month}" if self.month else ""
        if not hits:
            return f"no matches{scope}"
        if not total:
            return f"best partial matches · {len(hits)} shown"
        partial = sum(hit.partial for hit in hits)
        shown = f"{len(hits) - partial} shown" + (f" + {partial} partial" if partial else "")
        return f"{total:,} {'match' if total == 1 else 'matches'} · {shown}{scope}"

    def _set_status(self, message: str, error: bool = False) -> None:
        status = self.query_one("#status", MessageLine)
        status.show(message, "bold red" if error else "dim")
        status.set_class(error, "error")

    @work(exclusive=True, group="count")
    async def count_matches(self, query: str) -> None:
        """Matches per month for the timeline and the status line ("" = the whole archive)."""
        timeline = self.query_one(TimelineBar)
        if not query and self._archive_timeline is not None:
            self._counted = query
            timeline.set_counts(self._archive_timeline)
            return
        timeline.set_counts(None)
        self.counter.interrupt()
        try:
            budget = COUNT_BUDGET if query else ARCHIVE_COUNT_BUDGET
            counts = await self.counter.run(lambda a: a.timeline(query or None, budget))
        except (QueryError, Interrupted):
            return  # a newer search interrupted it: that search counts again
        except (sqlite3.Error, OSError, ArchiveError) as exc:
            self.notify(f"archive error: {exc}", severity="error", timeout=6)
            return
        self._counted = query
        timeline.set_counts(counts, gave_up=counts is None)
        shown = self.query_one(ResultList).hits
        if not query:
            self._archive_timeline = counts
        elif counts is None:
            self._set_status(f"{len(shown)} shown · too many to count quickly")
        elif self.month:
            self._set_status(self._count_text(dict(counts.months).get(self.month, 0), shown))
        else:
            self._set_status(self._count_text(counts.total, shown))

    @work(group="month-span")
    async def load_month_span(self) -> None:
        """The archive's first and last month, for the timeline's range."""
        span = await self._read(self.reader, lambda a: a.month_span())
        self.query_one(TimelineBar).set_range(span)

    @work(exclusive=True, group="watch")
    async def watch_imports(self) -> None:
        """Notice articles imported meanwhile (by any process): the newest list and timeline follow."""
        latest = await self._read(self.counter, lambda a: a.latest_id())
        if latest is None:
            return
        if self._latest_id is not None and latest > self._latest_id:
            self._archive_timeline = None
            self.load_month_span()
            if not self.query_one(SearchInput).value.strip():
                self.action_refresh()
            else:
                self.notify("new articles were imported: ctrl+r runs the search again", timeout=4)
        self._latest_id = latest

    @work(exclusive=True, group="extract-facts")
    async def action_extract_facts(self) -> None:
        """Extract the facts of every article that has none (an archive imported with --no-facts),
        in a separate process (`archive-tui facts --all`), the count left shown meanwhile."""
        missing = await self._read(self.counter, lambda a: a.facts_missing())
        if not missing:
            self.notify("every article's facts are extracted already", timeout=3)
            return
        command = [sys.executable, "-m", "tui.cli", "--db", str(self.app.archive.path), "facts", "--all"]
        process = await asyncio.create_subprocess_exec(
            *command, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
        )
        waiting = asyncio.ensure_future(process.communicate())
        while not waiting.done():
            left = await self._read(self.counter, lambda a: a.facts_missing())
            if left is not None:
                self._set_status(f"extracting facts: {missing - left:,} of {missing:,} articles done…")
            await asyncio.wait([waiting], timeout=FILL_POLL)
        _, errors = waiting.result()
        if process.returncode:
            reason = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or ["it stopped"]
            self._set_status(f"facts not extracted: {reason[0]}", error=True)
            return
        self._set_status(f"facts extracted for {missing:,} articles")
        if self.article is not None:
            self.load_facts(self.article)

    def action_refresh(self) -> None:
        """Run the current search again (and recount)."""
        self._counted = None
        self.run_search(self.query_one(SearchInput).value)

    @on(MonthChosen)
    def _month_chosen(self, event: MonthChosen) -> None:
        self.month = event.month
        if self.mention is not None:  # the entity's articles of that month
            self.show_mentions(*self.mention, focus=False, entities=self.mentioned)
        else:
            self.run_search(self.query_one(SearchInput).value)

    # -- reading ---------------------------------------------------------------------------

    @on(ResultList.Selected)
    def _result_selected(self, event: ResultList.Selected) -> None:
        self.post_message(OpenArticle(event.key))

    @on(OpenArticle)
    def _open(self, event: OpenArticle) -> None:
        self.open_article(event.key, remember=True)

    @work(exclusive=True, group="article")
    async def open_article(self, key: str, remember: bool = True) -> None:
        """Load and show an article, then its facts; ``remember`` adds it to the history."""
        query = self.query_one(SearchInput).value.strip()
        mentioned = self.mentioned if self.mention is not None else []

        def load(archive):
            article = archive.article(key)
            if article is None:
                return None, None, [], None
            document = Document.from_article(article.title, article.body)
            if mentioned:
                shift = len(document.text) - len(article.body)  # the body comes after the title
                mentions = archive.mention_spans(article.id, mentioned)
                spans = [(start + shift, end + shift) for start, end in mentions]
                if spans:
                    return article, document, spans, spans[0][0]
            try:
                spans = archive.hit_spans(query, document.text) if query else []
            except QueryError:
                spans = []
            return article, document, spans, None

        article, document, spans, at = await self._read(self.reader, load) or (None, None, [], None)
        if article is None:
            self.notify(f"no article with key {key}", severity="warning")
            return
        view = self.query_one(ArticleView)
        if self.article is not None:  # where the reader was in the article left behind
            self._read_to[self.article.key] = view.top_offset()
        if remember:
            self.history.remember((key, self._listing()))
        self.article = article
        view.show(document, spans, at, top=None if remember else self._read_to.get(key))
        self._show_meta(article, self.app.archive.is_bookmarked(key))
        self.query_one(FactsSidebar).show_items([], empty="reading the facts…")
        self.load_facts(article)

    @work(exclusive=True, group="facts")
    async def load_facts(self, article: Article) -> None:
        """Fill the sidebar: the article's facts and related articles (after the article shows)."""

        def facts_and_related(archive):
            stored = archive.stored_facts(article.id, article.body)
            if stored is None:  # imported without facts: extract this one, skip the related list
                return archive.facts(article.key), [], True
            # no fill: extracting the facts of articles that lack them would hold the list up
            return stored, archive.related(article.key, RELATED, fill=False), False

        facts, related, unextracted = await self._read(self.reader, facts_and_related) or (None, [], False)
        if unextracted and not self._told_unextracted:
            self._told_unextracted = True
            self.notify(
                "This archive was imported without facts: press F to extract them (or run"
                f" '{EXTRACT_FACTS}') for related articles and complete entity lists.",
                timeout=8,
            )
        if self.article is article:
            # said above the article's source, date and related list too, not only in an empty sidebar
            nothing = facts is not None and not sidebar_groups(facts)
            self.query_one(FactsSidebar).show_items(
                self._facts_items(article, facts, related), empty=NOTHING_FOUND, note=NOTHING_FOUND if nothing else None
            )

    def _show_meta(self, article: Article, bookmarked: bool) -> None:
        parts = [article.date[:10] or "undated", article.source, article.key]
        meta = ("★ " if bookmarked else "") + " · ".join(p for p in parts if p)
        self.query_one("#article-meta", MessageLine).show(meta, "dim")

    def _facts_items(self, article: Article, facts, related) -> list[tuple[str, str, str]]:
        items: list[tuple[str, str, str]] = []
        if facts is not None:
            items.extend(sidebar_items(facts, counts=True))
        if article.source:
            items.append(("Article", f"Source: {article.source}", f'source:"{article.source}"'))
        if article.date:
            day = article.date[:10]
            items.append(("Article", f"Date: {day}", f"from:{day} to:{day}"))
        items.extend(
            (f"Related ({len(related)})", f"{m.title}\n{m.date[:10] or 'undated'} · {m.score:.2f}", f"ARTICLE:{m.key}")
            for m in related
        )
        return items

    @on(FactChosen)
    def _fact_chosen(self, event: FactChosen) -> None:
        value = event.value
        if value.startswith("ARTICLE:"):
            self.open_article(value.removeprefix("ARTICLE:"))
            return
        entity = parse_value(value)
        if entity is not None:
            self.show_mentions(*entity)
            return
        if event.group == "Article":
            self._set_query(value)
            return
        view = self.query_one(ArticleView)
        if view.document is not None:  # a table row or list item: its passage, highlighted
            offset = view.document.text.find(value)
            if offset >= 0:
                view.mark([(offset, offset + len(value))])
                view.focus()

    @work(exclusive=True, group="search")
    async def show_mentions(
        self, kind: str, canonical: str, focus: bool = True, entities: list[NamedEntity] | None = None
    ) -> None:
        """List the articles mentioning an entity, newest first (of the chosen month, if any); the
        timeline shows them month by month. ``focus``: the list takes the focus; ``entities``:
        what the entity was read as already (else it is looked up here, once)."""
        month = self.month

        def mentioning(archive: Archive) -> tuple[list[NamedEntity], list[Hit], Timeline, int]:
            # no fill: extracting the facts of articles that lack them would hold the list up
            named = entities if entities is not None else archive.entities_named(canonical, kind, fill=False)
            hits = archive.mention_hits(named, MENTIONS, month)
            months = archive.mention_months(named)
            return named, hits, months, (0 if months.total else archive.facts_missing())

        found = await self._read(self.reader, mentioning)
        if found is None:
            return
        self.mentioned, hits, months, unextracted = found
        self.mention = (kind, canonical)
        self._counted = None  # the timeline shows the entity's months: a search counts again
        self.query_one(TimelineBar).set_counts(months)
        self.query_one(ResultList).show_hits(hits, mentions=True)
        self.remove_class("-show-facts")  # on a narrow screen: the list replaces the sidebar
        total = dict(months.months).get(month, 0) if month else months.total
        scope = f" in {month}" if month else ""
        if not months.total and unextracted:
            self._set_status(not_mentioned_yet(canonical, unextracted, cure="press F"))
        elif not hits:
            self._set_status(f"no article mentions {canonical}{scope} ({months.total:,} in all months)")
        else:
            verb = "article mentions" if total == 1 else "articles mention"
            shown = f" · the newest {len(hits):,} shown" if total > len(hits) else ""
            self._set_status(f"{total:,} {verb} {canonical}{scope}{shown}")
        if focus:
            self.query_one(ResultList).focus()

    def _set_query(self, text: str) -> None:
        search = self.query_one(SearchInput)
        search.value = text
        search.cursor_position = len(text)
        search.focus()

    # -- actions ---------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Arabic typed while another pane has focus goes on the end of the query (no key uses it)."""
        char = event.character
        if char and event.is_printable and not char.isascii() and not isinstance(self.focused, Input):
            event.stop()
            self._type_elsewhere(char)

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted while another pane has focus goes on the end of the query too."""
        text = " ".join(event.text.split())
        if text and not isinstance(self.focused, Input):
            event.stop()
            self._type_elsewhere(text)

    def _type_elsewhere(self, text: str) -> None:
        """Add ``text`` to the query: a new word, unless typing elsewhere has begun it (the search
        box takes focus only after the letters that came in the same burst as the first one,
        from a fast typist, an input method or a paste, have reached this screen)."""
        self.remove_class("-show-facts")
        self.query_one(SearchInput).append_typed(text, new_word=not self._typing_elsewhere)
        self._typing_elsewhere = True

    def on_resize(self, event: events.Resize) -> None:
        """Below the wide layout the footer sheds its padding, so that Quit still fits in 80 columns."""
        self.query_one(Footer).compact = event.size.width < WIDE_FROM

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not isinstance(event.widget, Input):
            self._typing_elsewhere = False

    def action_focus_search(self) -> None:
        self.remove_class("-show-facts")  # on a narrow screen the search pane comes back
        search = self.query_one(SearchInput)
        search.focus()
        search.select_all()  # typing replaces the query

    def action_focus_timeline(self) -> None:
        self.remove_class("-show-facts")  # on a narrow screen the search pane, which holds it, comes back
        self.query_one(TimelineBar).focus()

    def action_escape(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not self.query_one(ResultList):
            self.remove_class("-show-facts")
            self.query_one(ResultList).focus()

    def action_back(self) -> None:
        location = self.history.back()
        if location:
            self._go_to(*location)
        else:
            self.notify("nothing to go back to", timeout=1.5)

    def action_forward(self) -> None:
        location = self.history.forward()
        if location:
            self._go_to(*location)
        else:
            self.notify("nothing to go forward to", timeout=1.5)

    def _listing(self) -> Listing:
        """What the list pane shows: an entity's articles, or the results of the search box's query."""
        if self.mention is not None:
            return ("entity", *self.mention)
        return ("search", self.query_one(SearchInput).value.strip())

    def _go_to(self, key: str, listing: Listing) -> None:
        """Show an article of the history with the list it was opened from (as a browser's back
        shows the whole page), the focus left where it is."""
        if listing != self._listing():
            if listing[0] == "entity":
                self.show_mentions(listing[1], listing[2], focus=False)
            else:
                with self.prevent(Input.Changed):  # (searched here, not again by the typing debounce)
                    self.query_one(SearchInput).value = listing[1]
                self.run_search(listing[1])
        self.open_article(key, remember=False)

    def action_toggle_bookmark(self) -> None:
        article = self.article
        if article is None:
            self.notify("open an article first", timeout=1.5)
            return
        on_now = self.app.archive.toggle_bookmark(article.key, article.title)
        self._show_meta(article, on_now)
        self.notify("bookmarked" if on_now else "bookmark removed", timeout=1.5)

    def action_bookmarks(self) -> None:
        archive = self.app.archive

        def opened(key: str | None) -> None:
            if key:
                self.open_article(key)

        self.app.push_screen(
            BookmarksScreen(archive.bookmarks(), archive.toggle_bookmark, self.visual), opened
        )

    def action_maximize_article(self) -> None:
        if self.maximized is not None:
            self.minimize()
        else:
            view = self.query_one(ArticleView)
            view.focus()
            self.maximize(view)

    def action_toggle_facts(self) -> None:
        """Go to the facts sidebar (showing it if hidden), or hide it when it has focus; on a
        narrow screen it takes the search pane's place."""
        facts = self.query_one(FactsSidebar)
        hide = facts.display and facts.has_focus
        self.set_class(hide, "-hide-facts")
        self.set_class(not hide, "-show-facts")
        if hide:
            self.query_one(ArticleView if self.article is not None else ResultList).focus()
        else:
            facts.focus()

    def set_visual(self, visual: bool) -> None:
        """Switch every pane between visual order and logical order."""
        self.visual = visual
        self.query_one(SearchInput).visual = visual
        self.query_one(SearchInput).refresh()
        self.query_one(ArticleView).set_visual(visual)
        for line in self.query(MessageLine):
            line.set_visual(visual)
        for widget in (self.query_one(ResultList), self.query_one(FactsSidebar)):
            widget.visual = visual
        self.query_one(ResultList).redraw()
        facts = self.query_one(FactsSidebar)
        facts.show_items(facts.items, note=facts.note)
