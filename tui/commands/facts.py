"""``archive-tui facts KEY | --all``: the entities, tables and lists extracted from articles."""

from __future__ import annotations

import argparse

from rich.text import Text

from store import Archive
from store.facts import Facts
from store.facts.sidebar import TABLE, sidebar_groups
from tui.commands.output import article_key, console, error, print_json, unknown_key


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the facts command."""
    parser = subparsers.add_parser(
        "facts",
        help="entities, tables and lists found in an article",
        description="The people, places, organisations, armed units, dates and counted numbers named in "
        "an article (most mentioned first, ×N = mentions), then its own tables and lists.",
        epilog="Articles imported before facts existed are extracted on the way; --all extracts any "
        "that are missing first.",
    )
    parser.add_argument("key", type=article_key, nargs="?", help="the article key (see search results)")
    parser.add_argument("--all", action="store_true", help="every article, in import order")
    parser.add_argument(
        "--json",
        action="store_true",
        help="JSON (one object per article and line): key, entities [type, text, canonical, start, end "
        "in the body], tables, lists",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the facts of one article (or all); 1 for an unknown key, 2 for bad usage."""
    if args.all == bool(args.key):
        error("give an article KEY or --all (not both)")
        return 2
    if args.all:
        for key, facts in archive.all_facts():
            if args.json:
                print_json(facts.to_json(key))
            else:
                _print(key, facts)
        return 0
    facts = archive.facts(args.key)
    if facts is None:
        unknown_key(args.key)
        return 1
    if args.json:
        print_json(facts.to_json(args.key))
    else:
        _print(args.key, facts)
    return 0


NOTHING = "  no names, places, numbers, tables or lists were found in this article"
"""What the text output says under an article with no facts (the sidebar says the same)."""


def _print(key: str, facts: Facts) -> None:
    out = console()
    out.print(Text(key, style="bold"))
    groups = sidebar_groups(facts)
    if not groups:
        out.print(Text(NOTHING, style="dim"))
    for group in groups:
        out.print(Text(f"  {group.label} ({group.count})", style="bold"))
        for item in group.items:
            count = f"  ×{item.count}" if item.count > 1 else ""
            value = f": {item.value}" if group.kind == TABLE else ""
            out.print(Text(f"    {item.label}{value}{count}"))
