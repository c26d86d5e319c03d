"""The ``archive-tui`` command: argument parsing and error reporting around store/ calls."""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.commands import COMMANDS

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="archive-tui",
        description="Browse and search Arabic news archives in the terminal.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="archive file (default: $ARCHIVE_TUI_DB, else the seeded archive in your data folder)",
    )
    parser.add_argument(
        "--no-seed",
        action="store_true",
        help="do not fill a newly created archive with the seed articles (an import never does)",
    )
    parser.add_argument(
        "--bidi",
        dest="global_bidi",
        choices=("app", "terminal"),
        help="who reorders right-to-left text in the browser: the app (default) or a terminal that does bidi",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"tui.commands.{name}").register(subparsers)
    return parser


MAY_CREATE = {None, "browse", "import"}
"""Commands that may start a new archive in a folder that does not exist yet; for the others (they
only read) a path into a missing folder is a mistyped --db, an error rather than new folders
holding a new seeded archive."""


def archive_path(option: str | None) -> Path:
    """The archive file chosen by --db, else $ARCHIVE_TUI_DB, else the default location."""
    from store.locations import default_archive_path

    chosen = option or os.environ.get("ARCHIVE_TUI_DB")
    return Path(chosen).expanduser() if chosen else default_archive_path()


def main(argv: Sequence[str] | None = None) -> int:
    """Run archive-tui; returns the exit status."""
    from store import Archive, ArchiveError

    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        from tui.commands.launch import launch

        func = launch
    path = archive_path(args.db)
    chosen = bool(args.db or os.environ.get("ARCHIVE_TUI_DB"))
    if chosen and args.command not in MAY_CREATE and not path.exists() and not path.parent.exists():
        print(f"archive-tui: no archive at {path}: no folder {path.parent} (check the path; "
              "'archive-tui --db PATH import FILES' makes one)", file=sys.stderr)  # fmt: skip
        return EXIT_FAILED
    if chosen and args.command not in MAY_CREATE and not path.exists():  # (a mistyped name, often)
        print(f"archive-tui: no archive at {path} yet: made a new one "
              f"({'empty' if args.no_seed else 'the seed article only'})", file=sys.stderr)  # fmt: skip
    try:
        seed = not args.no_seed and args.command != "import"  # (an import brings the archive's own articles)
        with Archive.open_or_seed(path, seed=seed) as archive:
            return func(args, archive)
    except (ArchiveError, sqlite3.Error) as exc:
        print(f"archive-tui: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("archive-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # last resort: a message, never a traceback
        if os.environ.get("ARCHIVE_TUI_DEBUG"):
            raise
        print(f"archive-tui: internal error: {exc!r} (set ARCHIVE_TUI_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
