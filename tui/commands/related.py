"""``archive-tui related KEY``: other articles ranked by shared rare entities and text."""

from __future__ import annotations

import argparse

from rich.text import Text

from store import Archive
from tui.commands.output import (
    EXTRACT_FACTS,
    article_key,
    console,
    error,
    note,
    positive_int,
    print_json,
    unknown_key,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the related command."""
    parser = subparsers.add_parser(
        "related",
        help="articles related to an article",
        description="Other articles, best first, scored from 0 to 1: the share of this article's rare "
        "people, places, organisations and units they name too, blended with how well they match its "
        "characteristic words.",
    )
    parser.add_argument("key", type=article_key, help="the article key (see search results)")
    parser.add_argument("--limit", type=positive_int, default=10, metavar="N", help="at most N articles (10)")
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per line: key, title, date, score (0–1)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """List related articles; 1 for an unknown key or when no article is related."""
    if archive.article(args.key) is None:
        unknown_key(args.key)
        return 1
    found = archive.related(args.key, max(1, args.limit))
    missing = archive.facts_missing()
    if missing:
        note(
            f"{missing:,} articles have no facts yet, so related articles are found by their words only;"
            f" '{EXTRACT_FACTS}' extracts them"
        )
    if not found:
        error(f"no other article shares a rare name or word with '{args.key}'")
        return 1
    out = console()
    for mention in found:
        if args.json:
            print_json(mention.to_json())
        else:
            title = " ".join(mention.title.split())
            line = f"{mention.score:5.3f}  {mention.date[:10] or '----------':10}  {mention.key}  {title}"
            out.print(Text(line), soft_wrap=True)
    return 0
