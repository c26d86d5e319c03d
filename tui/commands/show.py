"""``archive-tui show KEY``: one article as text."""

from __future__ import annotations

import argparse

from rich.text import Text

from store import Archive
from tui.commands.output import console, error


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the show command."""
    parser = subparsers.add_parser("show", help="print one article")
    parser.add_argument("key", help="the article key (see search results)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print title, metadata and body; 1 when the key is unknown."""
    article = archive.article(args.key)
    if article is None:
        error(f"no article with key '{args.key}'")
        return 1
    out = console()
    out.print(Text(article.title, style="bold"))
    meta = " · ".join(
        x for x in (article.key, article.date, article.source, article.author, article.url) if x
    )
    out.print(Text(meta, style="dim"))
    out.print()
    out.print(Text(article.body))
    return 0
