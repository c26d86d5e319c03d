"""Fact-extraction speed on real news (SaudiNewsNet), one core.

    python bench/facts_speed.py [--limit N]

Prints articles/s for extract_facts (entities + dates + tables/lists) on a fresh process
(every word new: a first import) and again with the words known, and for its parts, against
the budget: extraction ≥ 5,000 articles/s so the whole import stays ≥ 2,000/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.facts import compiled
from store.facts.extract import extract_entities, extract_facts
from store.facts.textdates import find_dates
from store.pipeline import collector_paused

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "saudinewsnet"
TARGET = 5_000
IMPORT_BUDGET = 2_000


def saudinewsnet(limit: int | None = None) -> list[dict]:
    """SaudiNewsNet articles (each zip holds one JSON array), in file order."""
    articles: list[dict] = []
    for path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                articles.extend(json.loads(archive.read(name)))
        if limit and len(articles) >= limit:
            return articles[:limit]
    return articles


def rate(label: str, fn, texts: list[tuple[str, str]]) -> float:
    began = time.perf_counter()
    for title, body in texts:
        fn(title, body)
    seconds = time.perf_counter() - began
    per_s = len(texts) / seconds
    print(f"  {label:34} {per_s:10,.0f} articles/s   {seconds * 1e6 / len(texts):7.0f} µs/article")
    return per_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=10_000, help="articles to time (10,000)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"SaudiNewsNet not found at {CORPUS}: skipped")
        return 0
    articles = saudinewsnet(args.limit)
    texts = [(a.get("title", ""), a.get("content", "")) for a in articles]
    chars = sum(len(b) for _, b in texts) / len(texts)
    print(f"SaudiNewsNet: {len(texts):,} articles, {chars:,.0f} characters each on average")
    print(f"entity extractor: {'mypyc-compiled' if compiled() else 'pure Python'} build")
    with collector_paused():  # as in an import (store.pipeline): no cyclic GC walking the word cache
        cold = rate("extract_facts, first sight of words", extract_facts, texts)
        overall = rate("extract_facts, words known", extract_facts, texts)
    rate("  entities + dates", lambda t, b: extract_entities(b), texts)
    rate("  dates only", lambda t, b: find_dates(b), texts)
    print(f"  (a first import sees each distinct word once: {cold:,.0f}/s here is the worst case)")
    counts: Counter[str] = Counter()
    for title, body in texts[:2000]:
        counts.update(e.type for e in extract_facts(title, body).entities)
    print("entities per article (first 2,000):", {k: round(v / 2000, 1) for k, v in counts.most_common()})
    print(f"baseline: target ≥ {TARGET:,} articles/s (import budget {IMPORT_BUDGET:,}/s end to end): "
          f"{'met' if overall >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
