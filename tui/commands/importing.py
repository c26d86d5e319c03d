"""``archive-tui import PATH...``: files and folders into the archive, with a summary."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from store import Archive, ImportReport
from store.importers import READERS
from tui.commands.output import console


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the import command."""
    parser = subparsers.add_parser("import", help="import files or folders of articles")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    parser.add_argument("--format", choices=sorted(READERS), help="read every file as this format")
    parser.add_argument(
        "--no-facts",
        action="store_true",
        help="skip fact extraction (about twice as fast); facts are then extracted when first"
        " looked at, or all at once with 'facts --all'",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Import, show progress on a terminal, print the summary; 1 when anything failed (a
    record with no title and no text is skipped, not failed)."""
    out = console(stderr=True)
    archive.extract_facts = not args.no_facts
    if out.is_terminal:
        columns = (
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
        )
        with Progress(*columns, console=out, transient=True) as bar:
            task = bar.add_task("reading…", total=None)

            def progress(read: int, report: ImportReport) -> None:
                bar.update(
                    task,
                    total=report.bytes_total or None,
                    completed=report.bytes_done,
                    description=f"{report.imported:,} imported, {report.duplicates:,} duplicates, "
                    f"{len(report.failures):,} failed",
                )

            report = archive.import_paths(args.paths, fmt=args.format, progress=progress)
    else:
        report = archive.import_paths(args.paths, fmt=args.format)
    print_summary(report)
    return 1 if report.failures else 0


SHOWN = 5
"""Empty records and unread dates named one per line in the summary; the rest are counted."""


def print_summary(report: ImportReport) -> None:
    """The end-of-import summary on standard error: one failure per line, then the first few
    empty records skipped, files passed over and dates not understood."""
    out = console(stderr=True)
    line = f"imported {report.imported:,}, duplicates skipped {report.duplicates:,}"
    if report.empty:
        line += f", empty records skipped {len(report.empty):,}"
    if report.passed_over:
        line += f", other files passed over {len(report.passed_over):,}"
    if report.undated:
        line += f", dates not understood {len(report.undated):,}"
    line += f", failed {len(report.failures):,}"
    if report.renamed:
        line += f" ({report.renamed:,} stored under a new key: their key was taken by other text)"
    out.print(line)
    for failure in report.failures:
        out.print(f"  failed: {failure}", style="red", soft_wrap=True)
    _first_few(out, "skipped", list(map(str, report.empty)), "empty records")
    _first_few(out, "passed over", list(map(str, report.passed_over)), "files passed over")
    _first_few(out, "date not understood, imported undated", report.undated, "undated articles")
    sys.stderr.flush()


def _first_few(out: Console, label: str, lines: list[str], kind: str) -> None:
    """The first SHOWN of ``lines`` under ``label``, then how many more there are."""
    for line in lines[:SHOWN]:
        out.print(f"  {label}: {line}", style="dim", soft_wrap=True)
    if len(lines) > SHOWN:
        out.print(f"  … and {len(lines) - SHOWN:,} more {kind}", style="dim")
