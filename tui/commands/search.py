"""``archive-tui search QUERY``: ranked results with highlighted snippets, or JSON lines."""

from __future__ import annotations

import argparse

from rich.text import Text

from store import Archive, QueryError
from tui.commands.output import (
    at_least,
    console,
    error,
    highlighted,
    positive_int,
    print_json,
    query_words_may_start_with_dash,
    typed_text,
)

EXIT_USAGE = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the search command."""
    parser = subparsers.add_parser("search", help="search the archive (query language: see README)")
    parser.add_argument(
        "query", nargs="+", type=typed_text, help='words, "phrases", prefix*, OR, -word, title:, source:, from:, to:'
    )
    parser.add_argument("--limit", type=positive_int, default=20, metavar="N", help="at most N results (default 20)")
    parser.add_argument(
        "--offset", type=at_least(0), default=0, metavar="N", help="skip the first N results (the next page)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per result line")
    query_words_may_start_with_dash(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the hits; exit status 2 for a malformed query."""
    query = " ".join(args.query)
    try:
        hits = archive.search(query, limit=max(1, args.limit), offset=args.offset)
    except QueryError as exc:
        error(f"bad query: {exc}")
        return EXIT_USAGE
    if args.json:
        for hit in hits:
            print_json(
                {
                    "key": hit.key,
                    "title": hit.title,
                    "date": hit.date,
                    "source": hit.source,
                    "url": hit.url,
                    "score": hit.score,
                    "snippet": hit.snippet,
                    "highlights": hit.highlights,
                    "partial": hit.partial,
                    "missing": hit.missing,
                }
            )
        return 0
    out = console()
    if hits.common:
        out.print(Text(f"very common, not used to rank: {', '.join(hits.common)}", style="dim"))
    if hits.capped:
        out.print(Text("many matches: ranked the newest 3,000 (most recent first on ties)", style="dim"))
    if not hits:
        out.print("no matches")
        return 0
    for number, hit in enumerate(hits, start=args.offset + 1):
        heading = Text(f"{number:>2}. ")
        heading.append_text(highlighted(hit.title, hit.title_highlights, "bold underline"))
        out.print(heading)
        meta = " · ".join(x for x in (hit.key, hit.date, hit.source, f"score {hit.score}") if x)
        if hit.partial:
            meta += " · partial match, lacks: " + ", ".join(hit.missing)
        out.print(Text("    " + meta, style="dim"))
        out.print(Text("    ").append_text(highlighted(hit.snippet, hit.highlights)))
    return 0
