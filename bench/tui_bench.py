"""TUI speed: first paint, keystroke → results, opening a 5,000-word article, re-wrap, RSS.

    python bench/tui_bench.py [--db PATH] [--quick]

Without --db it uses (and builds once) the jawharafm archive in bench/out. Every figure is
printed next to its baseline from the same run:
- first paint: a bare Textual app with one Static, started the same way (new process, headless);
- keystroke → results: the store call alone (Archive.search/newest on the same queries);
- open article / re-wrap: fetching the article without drawing it / layout without drawing;
- RSS: the bare Textual app's peak RSS (from /usr/bin/time when present, else getrusage).
Targets (issue 3): first paint ≤ 0.8 s, keystroke p95 ≤ 100 ms, open ≤ 50 ms, re-wrap ≤ 50 ms,
RSS ≤ 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpora import SHARED, built_archive  # noqa: E402
from store import Archive, Record  # noqa: E402
from tui.screens.main import MIN_CHARS, RESULTS  # noqa: E402

QUERIES = [
    "تونس",
    "الحكومة",
    "وزير الداخلية",
    "كرة القدم",
    "الانتخابات البلدية",
    "مهرجان قرطاج",
    "اقتصاد",
    "الترجي",
]
LONG_WORDS = 5000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- first paint and RSS: a fresh process each ------------------------------------------------

CHILD = """
import sys, time, resource
start = float(sys.argv[1]); mode = sys.argv[2]; db = sys.argv[3]
if mode == "bare":
    from textual.app import App
    from textual.widgets import Static
    class Bare(App):
        def compose(self):
            yield Static("hello")
    app = Bare()
    ready = lambda app: True
else:
    sys.path.insert(0, {root!r})
    from store import Archive
    from tui.app import ArchiveApp
    from tui.widgets.results import ResultList
    app = ArchiveApp(Archive(db))
    ready = lambda app: bool(app.screen.query(ResultList)) and bool(app.screen.query_one(ResultList).hits)

async def pilot(p):
    while not ready(p.app):
        await p.pause(0.005)
    painted = time.time()
    if mode == "app-session":
        for query in {queries!r}:
            await p.press(*query)
            await p.pause(0.3)
            p.app.screen.query_one("#query").value = ""
        await p.app.workers.wait_for_complete()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("RESULT", painted - start, rss, flush=True)
    p.app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=pilot)
"""


def child(mode: str, db: Path) -> tuple[float, float, float | None]:
    """(seconds from spawn to first paint, peak RSS MB from getrusage, peak RSS MB from /usr/bin/time)."""
    script = CHILD.format(root=str(ROOT), queries=QUERIES[:4])
    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    command = [*timer, sys.executable, "-c", script, repr(time.time()), mode, str(db)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("RESULT")), None)
    if line is None:
        errors = done.stderr.split("\tCommand being timed")[0]
        sys.exit(f"child failed ({mode}):\n{errors[-3000:]}")
    _, seconds, rss_kb = line.split()
    timed = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return float(seconds), int(rss_kb) / 1024, int(timed.group(1)) / 1024 if timed else None


# -- in-process Pilot measurements ----------------------------------------------------------


async def typing_latency(db: Path, queries: list[str]) -> tuple[list[float], list[float]]:
    """Per search: (keystroke → results shown, store time), typing at ~6 keys/s."""
    from tui.app import ArchiveApp

    latencies: list[float] = []
    stores: list[float] = []
    app = ArchiveApp(Archive(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        screen = app.screen
        for query in queries:
            search = screen.query_one("#query")
            search.value = ""
            await pilot.pause(0.2)
            screen.search_log.clear()
            for char in query:
                await pilot.press(char)
                await pilot.pause(0.16)
            await pilot.pause(0.3)
            await app.workers.wait_for_complete()
            typed = [entry for entry in screen.search_log if entry[0]]
            latencies.extend(entry[1] for entry in typed)
            stores.extend(entry[2] for entry in typed)
    return latencies, stores


def store_only(db: Path, queries: list[str]) -> list[float]:
    """The baseline: the same prefixes searched straight through the store."""
    times = []
    with Archive(db) as archive:
        for query in queries:
            for end in range(1, len(query) + 1):
                prefix = query[:end].strip()
                if len(prefix) < MIN_CHARS:  # the app does not search these while typing
                    continue
                started = time.perf_counter()
                archive.search(prefix, limit=RESULTS)
                times.append(time.perf_counter() - started)
    return times


def long_article_archive(folder: Path) -> tuple[Path, str]:
    """A temp archive holding one article of about 5,000 words of real news text."""
    words: list[str] = []
    paragraphs: list[str] = []
    corpus = SHARED / "corpora" / "jawharafm"
    files = sorted(corpus.glob("*/*.txt"))[:400] if corpus.exists() else []
    for path in files:
        text = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        for line in text.group(1).splitlines() if text else []:
            if line.strip() and len(words) < LONG_WORDS:
                paragraphs.append(line.strip())
                words.extend(line.split())
    if not paragraphs:
        seed = (ROOT / "seeds" / "000_c1e0a9c5b2fbe14b.txt").read_text(encoding="utf-8")
        while len(words) < LONG_WORDS:
            paragraphs.append(seed)
            words.extend(seed.split())
    path = folder / "long.db"
    with Archive(path) as archive:
        archive.import_records([Record(title="مقال طويل للقياس", body="\n\n".join(paragraphs), key="long")])
    return path, "long"


async def open_and_resize(db: Path, key: str, rounds: int) -> tuple[list[float], list[float], list[float]]:
    """Seconds to open ``key`` (fetch + lay out + draw the visible rows), to re-wrap it at a new
    width (lay out + draw the visible rows) and for the whole screen to follow a resize."""
    from tui.app import ArchiveApp
    from tui.widgets.article import ArticleView

    opens, rewraps, resizes = [], [], []
    app = ArchiveApp(Archive(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        view = app.screen.query_one(ArticleView)
        for number in range(rounds):
            started = time.perf_counter()
            worker = app.screen.open_article(key, remember=False)
            await worker.wait()
            for y in range(view.size.height):
                view.render_line(y)
            opens.append(time.perf_counter() - started)
            await app.workers.wait_for_complete()
            started = time.perf_counter()
            await pilot.resize_terminal(100 if number % 2 == 0 else 120, 40)
            resizes.append(time.perf_counter() - started)
            started = time.perf_counter()
            view._relayout(force=True)
            for y in range(view.size.height):
                view.render_line(y)
            rewraps.append(time.perf_counter() - started)
    return opens, rewraps, resizes


async def bare_resize(rounds: int) -> list[float]:
    """Baseline: a bare Textual app following the same resizes."""
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("نص " * 2000)

    times = []
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        for number in range(rounds):
            started = time.perf_counter()
            await pilot.resize_terminal(100 if number % 2 == 0 else 120, 40)
            times.append(time.perf_counter() - started)
    return times


def direct_open_and_wrap(db: Path, key: str, rounds: int) -> tuple[list[float], list[float], list[float]]:
    """Baselines and the renderer alone: fetch only; fetch + layout + 38 rows drawn; layout only."""
    from tui.rtl import Document, Highlights, layout, render_row

    fetch, render, relayout = [], [], []
    with Archive(db) as archive:
        for number in range(rounds):
            started = time.perf_counter()
            article = archive.article(key)
            fetch.append(time.perf_counter() - started)
            started = time.perf_counter()
            document = Document.from_article(article.title, article.body)
            rows = layout(document, 80 + number % 7)
            for row in rows[:38]:
                render_row(document, row, Highlights())
            render.append(time.perf_counter() - started)
            started = time.perf_counter()
            layout(document, 60 + number % 11)
            relayout.append(time.perf_counter() - started)
    return fetch, render, relayout


def ms(value: float) -> str:
    return f"{value * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="archive to measure (default: bench/out/jawharafm.db)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds while iterating")
    args = parser.parse_args()
    db = args.db or built_archive("jawharafm")[0]
    if not Path(db).exists():
        sys.exit(f"no archive at {db}")
    rounds = 5 if args.quick else 20
    queries = QUERIES[:3] if args.quick else QUERIES
    with Archive(db) as archive:
        articles = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    print(f"archive {db} (~{articles:,} articles), {os.cpu_count()} cores\n")

    bare_runs = [child("bare", Path(db)) for _ in range(3)]
    bare_paint = statistics.median(run[0] for run in bare_runs)
    bare_rss, bare_rss_timed = bare_runs[0][1], bare_runs[0][2]
    paints = [child("app", Path(db))[0] for _ in range(3)]
    paint = statistics.median(paints)
    _, session_rss, session_rss_timed = child("app-session", Path(db))
    print("first paint (spawn → result list shown, new process, headless 120x40; median of 3)")
    print(f"  archive-tui            {ms(paint)}   target ≤ 800 ms")
    print(f"  baseline: bare Textual {ms(bare_paint)}")

    latencies, stores = asyncio.run(typing_latency(Path(db), queries))
    baseline = store_only(Path(db), queries)
    print(f"\nkeystroke → results shown ({len(latencies)} searches while typing {len(queries)} queries)")
    print(
        f"  p50 {ms(statistics.median(latencies))}   p95 {ms(percentile(latencies, 0.95))}   target p95 ≤ 100 ms"
    )
    print(f"  of which store p50 {ms(statistics.median(stores))}   p95 {ms(percentile(stores, 0.95))}")
    print(
        f"  baseline: store alone p50 {ms(statistics.median(baseline))}   p95 {ms(percentile(baseline, 0.95))}"
    )

    with tempfile.TemporaryDirectory() as folder:
        long_db, key = long_article_archive(Path(folder))
        with Archive(long_db) as archive:
            body_words = len(archive.article(key).body.split())
        opens, rewraps, resizes = asyncio.run(open_and_resize(long_db, key, rounds))
        bare_resizes = asyncio.run(bare_resize(rounds))
        fetch, render, relayout = direct_open_and_wrap(long_db, key, rounds)
    print(f"\nopen a {body_words:,}-word article (load, facts, lay out, draw the visible rows)")
    print(f"  in the app   p50 {ms(statistics.median(opens))}   max {ms(max(opens))}   target ≤ 50 ms")
    print(f"  renderer: document + layout + 38 rows  p50 {ms(statistics.median(render))}")
    print(f"  baseline: fetching the article alone   p50 {ms(statistics.median(fetch))}")
    print("\nre-wrap on resize (120↔100 columns)")
    print(
        f"  article pane: layout + visible rows drawn  p50 {ms(statistics.median(rewraps))}   max {ms(max(rewraps))}"
    )
    print("    target ≤ 50 ms")
    print(f"  renderer alone: layout p50 {ms(statistics.median(relayout))}")
    print(
        f"  whole screen following the resize (Textual repaint included) p50 {ms(statistics.median(resizes))}"
    )
    print(
        f"  baseline: bare Textual app, same resizes                      p50 {ms(statistics.median(bare_resizes))}"
    )

    print("\npeak RSS (a session: start, 4 queries typed)")
    shown = session_rss_timed or session_rss
    source = "/usr/bin/time -v" if session_rss_timed else "getrusage"
    print(f"  archive-tui            {shown:7.1f} MB ({source})   target ≤ 150 MB")
    print(f"  baseline: bare Textual {bare_rss_timed or bare_rss:7.1f} MB")
    print(
        json.dumps(
            {
                "first_paint_s": round(paint, 3),
                "keystroke_p95_s": round(percentile(latencies, 0.95), 4),
                "open_p50_s": round(statistics.median(opens), 4),
                "rewrap_p50_s": round(statistics.median(rewraps), 4),
                "screen_resize_p50_s": round(statistics.median(resizes), 4),
                "rss_mb": round(shown, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
