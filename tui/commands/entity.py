"""``archive-tui entity TEXT``: the articles that mention an entity, newest first."""

from __future__ import annotations

import argparse
import shlex
import textwrap

from rich.text import Text

from store import Archive
from store.facts import TYPES, NamedEntity
from tui.commands.output import console, error, not_mentioned_yet, positive_int, print_json, typed_text

EXAMPLES = """examples:
  archive-tui entity "طرابلس" --type PLACE
  archive-tui entity ترامب --json
  archive-tui entity "5 ملايين دولار"
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the entity command."""
    parser = subparsers.add_parser(
        "entity",
        help="articles mentioning a person, place, organisation…",
        description=textwrap.fill(
            "The articles that mention an entity, newest first, under a line naming the entities "
            "found. The name is read as in an article: clitics folded (بطرابلس), titles dropped "
            "(الرئيس ترامب), other names of a place (أمريكا), a surname alone (ترامب), numbers as "
            "written (30 قتيلا، 12 في المئة). A name found nowhere gets the names spelled like it.",
            78,
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", type=typed_text, help='the entity as written, e.g. "طرابلس"')
    parser.add_argument("--type", choices=TYPES, type=str.upper, help="only entities of this type")
    parser.add_argument("--limit", type=positive_int, default=200, metavar="N", help="at most N articles (200)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: key, title, date, score (= mentions in the article)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """List the articles (in text, under a line naming the entities found); 1 when no article
    mentions the entity (with the names spelled alike, if any)."""
    if not args.text.strip():
        error("the entity text is empty")
        return 2
    named = archive.entities_named(args.text, args.type)  # read once: the list and its heading
    found = archive.articles_mentioning(named, limit=args.limit)
    if not found:
        as_type = f" as {args.type}" if args.type else ""
        missing = archive.facts_missing()
        if missing:
            error(not_mentioned_yet(f"'{args.text}'{as_type}", missing))
            return 1
        similar = archive.similar_entities(args.text, args.type)
        words = f"archive-tui search {shlex.quote(args.text)}"
        hint = (
            f"; did you mean {_names(similar)}?"
            if similar
            else f" (no such name among the facts; {words} looks for the words)"
        )
        error(f"no article mentions '{args.text}'{as_type}{hint}")
        return 1
    if args.json:
        for mention in found:
            print_json(mention.to_json())
        return 0
    out = console()
    out.print(Text(f"{_names(named)}:", style="bold"), soft_wrap=True)
    for mention in found:
        title = " ".join(mention.title.split())
        out.print(Text(f"{mention.date[:10] or '----------':10}  {mention.key}  {title}"), soft_wrap=True)
    return 0


def _names(entities: list[NamedEntity], limit: int = 5) -> str:
    """ "باراك أوباما (person, 296 articles), …" for the entities a name was read as."""
    shown = [
        f"{e.canonical} ({e.type.lower()}, {e.articles:,} {'article' if e.articles == 1 else 'articles'})"
        for e in entities
    ]
    more = f" and {len(shown) - limit} more" if len(shown) > limit else ""
    return ", ".join(shown[:limit]) + more
