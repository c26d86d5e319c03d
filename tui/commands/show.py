"""``archive-tui show KEY``: one article as text."""

from __future__ import annotations

import argparse
import sys

from rich.text import Text

from store import Archive
from tui.commands.output import article_key, at_least, console, unknown_key
from tui.rtl import Document, plain_rows

DEFAULT_WIDTH = 80
"""Row width for ``--logical`` given without ``--width``."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the show command."""
    parser = subparsers.add_parser("show", help="print one article")
    parser.add_argument("key", type=article_key, help="the article key (see search results)")
    parser.add_argument(
        "--width",
        type=at_least(10),
        metavar="N",
        help="print the article as the article pane draws it at N columns: shaped, in visual order",
    )
    parser.add_argument(
        "--logical",
        action="store_true",
        help="with --width: the same rows in logical order, for terminals that do their own bidi",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print title, metadata and body; 1 when the key is unknown."""
    article = archive.article(args.key)
    if article is None:
        unknown_key(args.key)
        return 1
    if args.width or args.logical:
        document = Document.from_article(article.title, article.body)
        rows = plain_rows(document, args.width or DEFAULT_WIDTH, logical=args.logical)
        sys.stdout.write("".join(row + "\n" for row in rows))
        return 0
    out = console()
    out.print(Text(article.title, style="bold"))
    url = article.url if article.url != article.key else ""  # (a key taken from the URL: once)
    meta = " · ".join(x for x in (article.key, article.date, article.source, article.author, url) if x)
    out.print(Text(meta, style="dim"))
    out.print()
    out.print(Text(article.body))
    return 0
