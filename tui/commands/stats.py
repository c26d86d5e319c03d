"""``archive-tui stats``: how big the archive is and what it spans."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from store import Archive
from tui.commands.output import console, print_json

SOURCES_SHOWN = 20
"""Sources listed by name (most articles first); --json lists all."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the stats command."""
    parser = subparsers.add_parser("stats", help="article count, sources, date range, size")
    parser.add_argument("--json", action="store_true", help="one JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the archive's statistics."""
    stats = archive.stats()
    if args.json:
        print_json({"path": str(archive.path), **asdict(stats)})
        return 0
    out = console()
    out.print(f"archive   {archive.path}")
    out.print(f"articles  {stats.articles:,}")
    out.print(f"sources   {stats.sources:,}")
    width = max((len(f"{n:,}") for n in stats.per_source.values()), default=0)
    for source, count in list(stats.per_source.items())[:SOURCES_SHOWN]:
        out.print(f"  {count:>{width},}  {source or '(no source)'}", highlight=False)
    if len(stats.per_source) > SOURCES_SHOWN:
        out.print(f"  … and {len(stats.per_source) - SOURCES_SHOWN:,} more sources (--json lists them all)")
    span = f"{stats.first_date} … {stats.last_date}" if stats.first_date else "no dated articles"
    out.print(f"dates     {span}")
    per = f" ({stats.db_bytes / stats.articles / 1024:.1f} KiB per article)" if stats.articles else ""
    out.print(f"size      {stats.db_bytes / 1024 / 1024:.1f} MiB{per}")
    return 0
