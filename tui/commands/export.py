"""``archive-tui export [QUERY] --format jsonl|csv|md [-o FILE]``: matching articles to a file."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from store import Archive, QueryError
from store.export import FORMATS, export
from tui.commands.output import console, error, query_words_may_start_with_dash, typed_text

EXIT_USAGE = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the export command."""
    parser = subparsers.add_parser(
        "export", help="write matching articles as JSON Lines, CSV or Markdown (jsonl/csv re-import)"
    )
    parser.add_argument("query", nargs="*", type=typed_text, help="a search query (see search); none: every article")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    query_words_may_start_with_dash(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Export; a file is written whole or not at all. Exit 2 for a bad query, 1 when writing fails."""
    query = " ".join(args.query)
    try:
        if args.output:
            count = _to_file(archive, query, args.format, Path(args.output))
        else:
            count = export(archive, query, args.format, sys.stdout)
            sys.stdout.flush()
    except QueryError as exc:
        error(f"bad query: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:
        raise  # the reader stopped early (| head): not an error, see tui.cli
    except OSError as exc:
        error(f"cannot write {args.output or 'output'}: {exc.strerror or exc}")
        return 1
    where = f" to {args.output}" if args.output else ""
    console(stderr=True).print(f"exported {count:,} article{'s' if count != 1 else ''}{where}")
    return 0


def _to_file(archive: Archive, query: str, fmt: str, path: Path) -> int:
    """Write next to ``path`` and rename into place, so a failure leaves no half-written file."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            count = export(archive, query, fmt, out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
