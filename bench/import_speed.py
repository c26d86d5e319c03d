"""End-to-end import speed with fact extraction, against the same import without it.

    python bench/import_speed.py [--rounds N] [--corpus DIR]

Runs `archive-tui --no-seed import DIR` (SaudiNewsNet by default: 18 zips, 30,322
articles) into a new archive, alternately with and without `--no-facts`, each in its own
process, and prints articles/s, the CPU seconds of the importing process and of its
workers, and peak memory. The budget is ≥ 2,000 articles/s end to end with facts, judged on
the median of the rounds (one fast run proves little on a machine whose speed drifts); the
same-run import without facts is the baseline (the ratio is the figure to compare builds by).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet"
BUDGET = 2_000


MEASURED = """
import json, resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024}))
"""
"""Runs one import as its child, so that its CPU and peak memory are that import's alone."""


def run_import(corpus: Path, facts: bool, python: str = "") -> dict[str, float]:
    """One import in a child process: seconds, articles, CPU of it and of its workers, peak RSS.

    ``python``: an interpreter with archive-tui installed (run outside the checkout, so the
    installed build is measured); by default this checkout's sources."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        command = [python or sys.executable, "-m", "tui.cli", "--db", str(db), "--no-seed", "import", str(corpus)]
        if not facts:
            command.append("--no-facts")
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", MEASURED, *command], cwd=tmp if python else ROOT, capture_output=True, text=True
        )
        seconds = time.perf_counter() - began
        usage = json.loads(done.stdout)
        with sqlite3.connect(db) as conn:
            articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return {"seconds": seconds, "articles": articles, **usage}


def build_in_use(python: str = "") -> str:
    """Which entity extractor the measured imports load (run from where run_import runs them)."""
    check = "import store.facts as f; print('mypyc-compiled' if f.compiled() else 'pure Python')"
    where = tempfile.gettempdir() if python else ROOT
    done = subprocess.run([python or sys.executable, "-c", check], cwd=where, capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="pairs of imports (best and median are reported)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--python", default="", help="measure the archive-tui installed for this interpreter (e.g. a venv's"
        " python after `pip install .`, which compiles the extractor) instead of this checkout's sources",
    )  # fmt: skip
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus} not found: skipped")
        return 0
    print(f"import of {args.corpus}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, "
          f"entity extractor: {build_in_use(args.python)}")
    runs: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    for _ in range(args.rounds):
        for facts in (False, True):
            result = run_import(args.corpus, facts, args.python)
            label = "with facts   " if facts else "without facts"
            rate = result["articles"] / result["seconds"]
            print(f"  {label} {result['articles']:,} articles in {result['seconds']:5.1f} s = {rate:6,.0f}/s"
                  f"   CPU {result['cpu']:5.1f} s ({result['cpu'] / result['articles'] * 1e6:,.0f} µs/article)"
                  f"   largest process {result['rss']:,.0f} MB")
            runs[facts].append(result)
    with_facts, without = (sorted(runs[kind], key=lambda r: r["seconds"]) for kind in (True, False))
    best, median = with_facts[0], with_facts[len(with_facts) // 2]
    rate, median_rate = (r["articles"] / r["seconds"] for r in (best, median))
    print(f"with facts: best {rate:,.0f} articles/s, median {median_rate:,.0f}/s of {len(with_facts)}; best "
          f"{best['seconds'] / without[0]['seconds']:.2f}× the time of the same import without facts (baseline, "
          f"best of {len(without)}: {without[0]['articles'] / without[0]['seconds']:,.0f}/s); facts cost "
          f"{(best['cpu'] - without[0]['cpu']) / best['articles'] * 1e6:,.0f} µs CPU per article")
    print(f"budget ≥ {BUDGET:,}/s end to end, on the median: {'met' if median_rate >= BUDGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
