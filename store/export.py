"""Writing the articles that match a query as JSON Lines, CSV or Markdown.

JSON Lines and CSV re-import losslessly (``archive-tui import``): the columns are the
article fields under names the importers read back (key, title, body, date, url, source,
author, category).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from store.archive import Archive, Article
from store.query import parse
from store.search import matching_ids

FORMATS = ("jsonl", "csv", "md")

FIELDS = ("key", "title", "body", "date", "url", "source", "author", "category")
"""Article fields written by every format, in this order."""

EXTRA_COLUMNS: dict[str, Callable[[Archive, Article], Any]] = {}
"""More columns after FIELDS: name → function of (archive, article) giving a JSON-able value.

This is where the facts engine adds its columns (e.g. ``EXTRA_COLUMNS["facts"] = ...``);
importers ignore names they do not know, so exports stay re-importable.
"""

_CHUNK = 500


def export(archive: Archive, query: str, fmt: str, out: TextIO) -> int:
    """Write the articles matching ``query`` (all articles when it is blank) to ``out``.

    Full matches only, best first (blank query: oldest first). Returns how many were written.
    Raises QueryError for a malformed query and ValueError for an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}' (known: {', '.join(FORMATS)})")
    ids = _all_ids(archive) if not query.strip() else matching_ids(archive.conn, parse(query))
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "md": _write_markdown}[fmt]
    return writer(_rows(archive, ids), out)


def _all_ids(archive: Archive) -> list[int]:
    return [row[0] for row in archive.conn.execute("SELECT id FROM articles ORDER BY date, id")]


def _rows(archive: Archive, ids: list[int]) -> Iterator[dict[str, Any]]:
    """Each article as a dict of FIELDS then EXTRA_COLUMNS, in the order of ``ids``."""
    columns = "id, key, title, body, date, url, source, author, category, origin"
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found = {
            row[0]: Article(*row)
            for row in archive.conn.execute(f"SELECT {columns} FROM articles WHERE id IN ({marks})", chunk)
        }
        for article_id in chunk:
            article = found.get(article_id)
            if article is None:  # deleted meanwhile
                continue
            row: dict[str, Any] = {name: getattr(article, name) for name in FIELDS}
            for name, column in EXTRA_COLUMNS.items():
                row[name] = column(archive, article)
            yield row


def _write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=[*FIELDS, *EXTRA_COLUMNS], lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(
            {k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in row.items()}
        )
        count += 1
    return count


def _write_markdown(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        if count:
            out.write("\n---\n\n")
        out.write(f"# {row['title']}\n\n")
        meta = " · ".join(row[name] for name in ("date", "source", "author", "category") if row[name])
        if meta:
            out.write(f"*{meta}*\n\n")
        if row["url"]:
            out.write(f"<{row['url']}>\n\n")
        if row["key"] != row["url"]:  # (a key taken from the URL is written once)
            out.write(f"`{row['key']}`\n\n")
        out.write(f"{row['body'].strip()}\n")
        for name in EXTRA_COLUMNS:
            out.write(f"\n**{name}**: {json.dumps(row[name], ensure_ascii=False)}\n")
        count += 1
    return count
