"""Known-item search quality (DESIGN §3): MRR@10 and Recall@10 on real corpora.

For a fixed sample of articles, a query of 2–4 title words is typed the way people type
Arabic (hamza dropped, ة/ه and ى/ي confused, clitics added or dropped, no diacritics), and
we look for the article among the top 10. Compared in the same run, on the same articles:
  - plain FTS5 (unicode61, raw text, all words must match, bm25 title-weighted),
  - a Lucene ArabicAnalyzer re-implementation (OR of terms, BM25), the reference to beat,
  - archive-tui's Archive.search.

    python bench/search_quality.py [--corpus saudinewsnet|jawharafm|all] [--queries 400]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lucene_like
from corpora import OUT, built_archive

from store import Archive

WORD = re.compile(r"[^\W\d_]{3,}")
STOP = lucene_like.STOP_WORDS | {"قال", "يوم", "اليوم", "عام", "خلال"}
HAMZA_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
HARAKAT = re.compile("[\u064b-\u0652]")


def typed(word: str, rng: random.Random) -> str:
    """A word as a user might type it."""
    word = HARAKAT.sub("", word)
    if rng.random() < 0.8:
        word = word.translate(HAMZA_ALEFS)
    if word.endswith("ة") and rng.random() < 0.3:
        word = word[:-1] + "ه"
    if word.endswith("ى") and rng.random() < 0.5:
        word = word[:-1] + "ي"
    roll = rng.random()
    if word.startswith("ال") and len(word) > 4 and roll < 0.3:
        word = word[2:]
    elif word[0] in "وب" and len(word) > 4 and roll < 0.3:
        word = word[1:]
    elif not word.startswith(("ال", "و", "ب", "ل")) and roll > 0.9:
        word = "ال" + word
    return word


def make_queries(conn: sqlite3.Connection, count: int, seed: int = 20261129) -> list[tuple[str, str]]:
    """(query, target title) pairs from a fixed random sample of titled articles."""
    rng = random.Random(seed)
    rows = conn.execute("SELECT title FROM articles ORDER BY id").fetchall()
    rng.shuffle(rows)
    queries = []
    for (title,) in rows:
        words = [w for w in WORD.findall(HARAKAT.sub("", title)) if w not in STOP and any("\u0621" <= c <= "\u064a" for c in w)]
        if len(words) < 3:
            continue
        k = rng.randint(2, min(4, len(words)))
        picked = sorted(rng.sample(range(len(words)), k))
        queries.append((" ".join(typed(words[i], rng) for i in picked), title))
        if len(queries) == count:
            break
    return queries


def build_baselines(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """Plain unicode61 and Lucene-like FTS5 tables over the archive's (deduplicated) articles."""
    fresh = not path.exists()
    base = sqlite3.connect(path)
    if fresh:
        base.execute("CREATE VIRTUAL TABLE plain USING fts5(title, body)")
        base.execute("CREATE VIRTUAL TABLE lucene USING fts5(text, content='')")
        base.execute("CREATE TABLE titles (id INTEGER PRIMARY KEY, title TEXT)")
        with base:
            for article_id, title, body in conn.execute("SELECT id, title, body FROM articles"):
                base.execute("INSERT INTO plain(rowid, title, body) VALUES (?, ?, ?)", (article_id, title, body))
                text = " ".join(lucene_like.analyse(title + "\n" + body))
                base.execute("INSERT INTO lucene(rowid, text) VALUES (?, ?)", (article_id, text))
                base.execute("INSERT INTO titles VALUES (?, ?)", (article_id, title))
    return base


def fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def plain_search(base: sqlite3.Connection, query: str) -> list[str]:
    terms = [fts_quote(t) for t in query.split()]
    sql = (
        "SELECT t.title FROM plain p JOIN titles t ON t.id = p.rowid WHERE plain MATCH ? "
        "ORDER BY bm25(plain, 6.0, 1.0) LIMIT 10"
    )
    return [row[0] for row in base.execute(sql, (" ".join(terms),))]


def lucene_search(base: sqlite3.Connection, query: str) -> list[str]:
    terms = [fts_quote(t) for t in lucene_like.analyse(query)]
    if not terms:
        return []
    sql = (
        "SELECT t.title FROM lucene l JOIN titles t ON t.id = l.rowid WHERE lucene MATCH ? "
        "ORDER BY bm25(lucene) LIMIT 10"
    )
    return [row[0] for row in base.execute(sql, (" OR ".join(terms),))]


def evaluate(queries: list[tuple[str, str]], run: Callable[[str], list[str]]) -> tuple[float, float, float]:
    """MRR@10, Recall@10 and mean latency (ms); a hit is any article with the target's title."""
    reciprocal, found, elapsed = 0.0, 0, 0.0
    for query, title in queries:
        start = time.perf_counter()
        titles = run(query)
        elapsed += time.perf_counter() - start
        for rank, candidate in enumerate(titles[:10], start=1):
            if candidate == title:
                reciprocal += 1 / rank
                found += 1
                break
    n = len(queries)
    return reciprocal / n, found / n, elapsed / n * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="all", choices=["all", "saudinewsnet", "jawharafm"])
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--rebuild", action="store_true", help="re-import the corpus archive")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    args = parser.parse_args()
    names = ["saudinewsnet", "jawharafm"] if args.corpus == "all" else [args.corpus]
    for name in names:
        path, rate = built_archive(name, args.rebuild)
        with Archive(path) as archive:
            base = build_baselines(archive.conn, OUT / f"{name}-baselines.db")
            queries = make_queries(archive.conn, args.queries)
            articles = archive.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

            def ours(query: str) -> list[str]:
                return [hit.title for hit in archive.search(query, limit=10)]

            print(f"\n{name}: {articles:,} articles, {len(queries)} known-item queries")
            if rate:
                print(f"  (archive built now at {rate:,.0f} articles/s)")
            print(f"  {'system':<34} {'MRR@10':>7} {'R@10':>7} {'ms/query':>9}")
            results = {}
            for label, run in (
                ("plain FTS5 unicode61 (AND)", partial(plain_search, base)),
                ("Lucene ArabicAnalyzer-like (OR)", partial(lucene_search, base)),
                ("archive-tui", ours),
            ):
                mrr, recall, ms = evaluate(queries, run)
                results[label] = mrr
                print(f"  {label:<34} {mrr:7.3f} {recall:7.3f} {ms:9.2f}")
            lucene = results["Lucene ArabicAnalyzer-like (OR)"]
            print(f"  archive-tui / Lucene-like MRR: {results['archive-tui'] / lucene:.3f}x")
            for query, title in queries[: args.show_misses * 10]:
                top = ours(query)
                if title not in top[:1]:
                    print(f"    miss: {query!r} -> want {title[:60]!r}; got {top[:1]}")


if __name__ == "__main__":
    main()
