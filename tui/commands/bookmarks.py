"""``archive-tui bookmarks``: the articles bookmarked in the browser (b), newest bookmark first."""

from __future__ import annotations

import argparse

from store import Archive
from tui.commands.output import console, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the bookmarks command."""
    parser = subparsers.add_parser("bookmarks", help="the articles bookmarked in the browser (b)")
    parser.add_argument("--json", action="store_true", help="one JSON object per bookmark: key, title, date, added")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the bookmarks with their articles' dates."""
    marks = archive.bookmarks()
    out = console()
    if not marks and not args.json:
        out.print("no bookmarks yet (b in the browser bookmarks the open article)")
    for mark in marks:
        article = archive.article(mark.key)
        date = article.date[:10] if article else ""
        if args.json:
            print_json({"key": mark.key, "title": mark.title, "date": date, "added": mark.added})
        else:
            out.print(f"{date or 'undated':<10}  {mark.key}  {mark.title}", highlight=False, soft_wrap=True)
    return 0
