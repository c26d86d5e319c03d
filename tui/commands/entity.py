"""``archive-tui entity TEXT``: the articles that mention an entity, newest first."""

from __future__ import annotations

import argparse

from rich.text import Text

from store import Archive
from store.facts import TYPES
from tui.commands.output import console, error, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the entity command."""
    parser = subparsers.add_parser("entity", help="articles mentioning a person, place, organisation…")
    parser.add_argument("text", help='the entity as written, e.g. "طرابلس" (clitics are folded)')
    parser.add_argument("--type", choices=TYPES, type=str.upper, help="only entities of this type")
    parser.add_argument("--limit", type=int, default=200, metavar="N", help="at most N articles (200)")
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per line: key, title, date, score"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """List the articles; 1 when no article mentions the entity."""
    if not args.text.strip():
        error("the entity text is empty")
        return 2
    found = archive.articles_mentioning(args.text, args.type, max(1, args.limit))
    if not found:
        error(f"no article mentions '{args.text}'" + (f" as {args.type}" if args.type else ""))
        return 1
    out = console()
    for mention in found:
        if args.json:
            print_json(mention.to_json())
        else:
            title = " ".join(mention.title.split())
            out.print(Text(f"{mention.date[:10] or '----------':10}  {mention.key}  {title}"), soft_wrap=True)
    return 0
