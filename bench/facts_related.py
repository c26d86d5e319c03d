"""Facts at archive scale: import cost of extraction, and the related/entity lists' latency.

    python bench/facts_related.py [--limit N] [--db PATH] [--lists 200]

Builds an archive from SaudiNewsNet (31,030 articles; each zip in ../shared holds one JSON
array) through Archive.import_records, as an import does, timing it: in one process, then
with the import's worker processes, then with fact extraction switched off (the baseline). Then times Archive.related(key, 10) and
Archive.articles_mentioning(...) for random articles and entities: median, p95, max, against
the 100 ms budget; and the browser's entity action (the list of 500, the timeline, the
mentions in the newest article) with the name looked up once against looking it up for
each of the three, as the browser did before.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from facts_speed import CORPUS, saudinewsnet  # noqa: E402

from store import Archive  # noqa: E402
from store.pipeline import worker_count  # noqa: E402
from store.records import RecordError, record_from_mapping  # noqa: E402

BUDGET_MS = 100.0


def build(path: Path, articles: list[dict], with_facts: bool = True, workers: int = 0) -> float:
    """Import the articles into a new archive at ``path``; returns articles/s."""
    records = []
    for n, a in enumerate(articles):
        with contextlib.suppress(RecordError):  # an empty article: importers report these
            records.append(record_from_mapping(a, origin=f"saudinewsnet#{n}"))
    began = time.perf_counter()
    with Archive(path) as archive:
        archive.extract_facts = with_facts
        report = archive.import_records(records, workers=workers)
    seconds = time.perf_counter() - began
    where = f"{workers} worker process{'es' if workers != 1 else ''}" if workers else "in one process"
    print(f"  imported {report.imported:,} (+{report.duplicates:,} duplicates) in {seconds:.1f} s: "
          f"{len(records) / seconds:,.0f} articles/s {'with' if with_facts else 'WITHOUT'} facts, {where}")
    return len(records) / seconds


def timed(fn) -> float:
    began = time.perf_counter()
    fn()
    return (time.perf_counter() - began) * 1000


def summary(label: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[int(len(ms) * 0.95) - 1] if len(ms) >= 20 else ms[-1]
    verdict = "within" if p95 <= BUDGET_MS else "OVER"
    print(f"  {label:38} median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   max {ms[-1]:6.1f} ms"
          f"   ({verdict} the {BUDGET_MS:.0f} ms budget at p95)")


def entity_action(archive: Archive, name: str, kind: str, once: bool = True) -> None:
    """What choosing an entity in the sidebar and opening the newest article asks the archive."""

    def named() -> list:
        return archive.entities_named(name, kind, fill=False)

    entities = named()
    hits = archive.mention_hits(entities if once else named(), 500)
    archive.mention_months(entities if once else named())
    if hits:
        archive.mention_spans(hits[0].id, entities if once else named())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="articles to import (all 31,030)")
    parser.add_argument("--db", type=Path, help="keep the archive here (default: a temporary file)")
    parser.add_argument("--lists", type=int, default=200, help="related lists to time (200)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the import without facts")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"SaudiNewsNet not found at {CORPUS}: skipped")
        return 0
    articles = saudinewsnet(args.limit)
    print(f"SaudiNewsNet: {len(articles):,} articles")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "facts.db"
        if path.exists():
            print(f"  using the existing archive {path}")
        else:
            build(path, articles)
        if not args.no_baseline:
            build(Path(tmp) / "workers.db", articles, workers=worker_count())
            build(Path(tmp) / "baseline.db", articles, with_facts=False)
        with Archive(path) as archive:
            rng = random.Random(7)
            keys = [k for (k,) in archive.conn.execute("SELECT key FROM articles")]
            sample = rng.sample(keys, min(args.lists, len(keys)))
            archive.related(sample[0])  # open the tables once, as the TUI has by then
            summary("related(key, limit=10)", [timed(lambda k=k: archive.related(k, 10)) for k in sample])
            names = [r[0] for r in archive.conn.execute(
                "SELECT canonical FROM entity_dict WHERE type != 'DATE' ORDER BY df DESC LIMIT 2000")]
            picks = rng.sample(names, min(args.lists, len(names)))
            summary("articles_mentioning(entity)", [timed(lambda n=n: archive.articles_mentioning(n)) for n in picks])
            typed = archive.conn.execute(
                "SELECT canonical, type FROM entity_dict WHERE type != 'DATE' ORDER BY df DESC LIMIT 2000").fetchall()
            chosen = rng.sample(typed, min(args.lists, len(typed)))
            for once in (False, True):
                label = "entity action, name read " + ("once" if once else "3× (before)")
                summary(label, [timed(lambda n=n, k=k, o=once: entity_action(archive, n, k, o)) for n, k in chosen])
            top = archive.conn.execute(
                "SELECT canonical, type, df FROM entity_dict WHERE type != 'DATE' ORDER BY df DESC LIMIT 8").fetchall()
            print("  most frequent entities:", ", ".join(f"{c} ({t}, {df})" for c, t, df in top))
            example = sample[0]
            print(f"  related to {example}: {archive.article(example).title}")
            for mention in archive.related(example, 5):
                print(f"    {mention.score:.3f}  {mention.title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
