"""``archive-tui`` with no sub-command (or ``archive-tui browse``): the interactive browser."""

from __future__ import annotations

import argparse
import os
import sys

from store import Archive

BIDI_ENV = "ARCHIVE_TUI_BIDI"
"""Environment variable choosing the bidi mode when --bidi is not given."""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the browse command (what plain ``archive-tui`` runs)."""
    parser = subparsers.add_parser("browse", help="open the interactive browser (the default command)")
    parser.add_argument(
        "--bidi",
        choices=("app", "terminal"),
        help="who reorders right-to-left text: the app (default; tells VTE terminals not to) or the terminal"
        f" (default from ${BIDI_ENV})",
    )
    parser.set_defaults(func=launch)


def launch(args: argparse.Namespace, archive: Archive) -> int:
    """Run the Textual app on ``archive`` until the user quits."""
    chosen = getattr(args, "bidi", None) or getattr(args, "global_bidi", None)
    bidi = chosen or os.environ.get(BIDI_ENV) or "app"
    if bidi not in ("app", "terminal"):
        print(f"archive-tui: ${BIDI_ENV} must be 'app' or 'terminal', not {bidi!r}", file=sys.stderr)
        return 2
    from tui.app import ArchiveApp

    app = ArchiveApp(archive, bidi=bidi)
    app.run()
    return app.return_code or 0
