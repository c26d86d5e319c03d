"""Search at scale: a synthetic archive of real Arabic sentences, and query latency on it.

    python bench/scale.py build --articles 1000000 [--db bench/out/scale-1m.db]
    python bench/scale.py search [--db bench/out/scale-1m.db] [--queries 300]

build: sentences and titles of the real corpora in ../shared (SaudiNewsNet, Jawhara FM) are
recombined into articles: a title spliced from two real titles, a body of 4–24 real
sentences, a date rising with the article number over 2010–2020, one of 20 sources. The
vocabulary, word frequencies and article lengths are therefore those of real news; the
archive is written through Archive.import_records, as an import would (without fact
extraction, which does not touch the search index and has its own benchmark).

search: 1–3 word queries (words drawn from real titles by frequency, so common words like
السعودية that match hundreds of thousands of articles come up as often as users type them),
20 hits with snippets, via Archive.search; baseline in the same run: a raw FTS5 MATCH of
the same pre-analysed stems (ORDER BY rank LIMIT 20, no snippets) on the same DB.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import OUT, corpus_path

from store import Archive, Record
from store.analysis import WORD, normalize, stem

SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+|\n+")
TAG = re.compile(r"<TITLE>(.*?)</TITLE>.*?<TEXT>(.*?)</TEXT>", re.S)


def real_text() -> tuple[list[str], list[str]]:
    """(titles, sentences) of the real corpora."""
    titles: list[str] = []
    sentences: list[str] = []
    for archive in sorted(corpus_path("saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                for item in json.loads(zipped.read(name)):
                    titles.append((item.get("title") or "").strip())
                    sentences += SENTENCE_END.split(item.get("content") or "")
    for path in sorted(corpus_path("jawharafm").rglob("*.txt")):
        match = TAG.search(path.read_text(encoding="utf-8", errors="replace"))
        if match:
            titles.append(match.group(1).strip())
            sentences += SENTENCE_END.split(match.group(2))
    titles = [t for t in titles if len(t.split()) >= 3]
    sentences = [s.strip() for s in sentences if len(s.split()) >= 5]
    return titles, sentences


def synthetic(count: int, seed: int = 1) -> Iterator[Record]:
    """``count`` articles recombined from real titles and sentences, dated in rising order."""
    rng = random.Random(seed)
    titles, sentences = real_text()
    sources = [f"source-{i:02d}" for i in range(20)]
    start, days = date(2010, 1, 1), 11 * 365
    for number in range(count):
        first, second = rng.choice(titles).split(), rng.choice(titles).split()
        title = " ".join(first[: len(first) // 2] + second[len(second) // 2 :])
        body = "\n\n".join(" ".join(rng.sample(sentences, 3)) for _ in range(rng.randint(2, 8)))
        day = start + timedelta(days=number * days // count)
        yield Record(
            key=f"syn-{number}", title=title, body=body, date=day.isoformat(), source=rng.choice(sources)
        )


def build(args: argparse.Namespace) -> None:
    path = Path(args.db)
    if path.exists():
        sys.exit(f"{path} exists; remove it first")
    started = time.perf_counter()
    last = [started]

    def progress(read: int, report) -> None:
        now = time.perf_counter()
        if now - last[0] > 30:
            last[0] = now
            print(f"  {report.imported:,} articles, {report.imported / (now - started):,.0f}/s", flush=True)

    with Archive(path) as archive:
        archive.extract_facts = False  # this archive measures search; facts have their own bench
        report = archive.import_records(synthetic(args.articles), progress=progress)
        elapsed = time.perf_counter() - started
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        print(f"built {report.imported:,} articles in {elapsed:,.0f} s ({report.imported / elapsed:,.0f}/s)")
        print(f"database {size / 2**30:.2f} GiB, {size / max(1, report.imported):,.0f} bytes per article")


def queries(archive: Archive, count: int, seed: int = 7) -> list[str]:
    """1–3 word queries, words drawn (by frequency) from a sample of the archive's titles."""
    rng = random.Random(seed)
    top = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    words: list[str] = []
    for article_id in rng.sample(range(1, top + 1), min(top, 3000)):
        row = archive.conn.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row:
            words += [w for w in row[0].split() if len(w) >= 3 and WORD.fullmatch(w)]
    return [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(count)]


def raw_match(archive: Archive, query: str) -> None:
    """The baseline: FTS5 MATCH of the pre-analysed stems, ranked, top 20 ids."""
    stems = " ".join(f'"{stem(w)}"' for w in WORD.findall(normalize(query)))
    archive.conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20", (stems,)
    ).fetchall()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def search(args: argparse.Namespace) -> None:
    with Archive(args.db) as archive:
        articles = archive.conn.execute("SELECT max(id) FROM articles").fetchone()[0]
        batch = queries(archive, args.queries)
        for query in batch[:20]:  # warm the page cache the same way for both
            archive.search(query)
            raw_match(archive, query)
        timings: dict[str, list[float]] = {"archive-tui search (20 hits + snippets)": [], "raw FTS5 MATCH": []}
        capped = 0
        for query in batch:
            start = time.perf_counter()
            capped += archive.search(query, limit=20).capped
            middle = time.perf_counter()
            raw_match(archive, query)
            end = time.perf_counter()
            timings["archive-tui search (20 hits + snippets)"].append((middle - start) * 1000)
            timings["raw FTS5 MATCH"].append((end - middle) * 1000)
        print(f"{articles:,} articles, {len(batch)} queries of 1–3 words ({capped} ranked among the newest matches)")
        print(f"  {'':<42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for label, values in timings.items():
            print(
                f"  {label:<42} {statistics.median(values):8.1f} {percentile(values, 0.95):8.1f} {max(values):8.1f}"
            )
        ours, raw = timings.values()
        print(f"  p95 ratio archive-tui / raw FTS5: {percentile(ours, 0.95) / percentile(raw, 0.95):.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--articles", type=int, default=1_000_000)
    b.add_argument("--db", default=str(OUT / "scale-1m.db"))
    s = sub.add_parser("search")
    s.add_argument("--db", default=str(OUT / "scale-1m.db"))
    s.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    build(args) if args.command == "build" else search(args)


if __name__ == "__main__":
    main()
