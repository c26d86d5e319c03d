"""Plain text and Markdown articles: the first non-empty line is the title."""

from __future__ import annotations

from collections.abc import Iterator

from store.importers.encoding import decode
from store.importers.source import Source
from store.records import Record


def read_text(source: Source) -> Iterator[Record]:
    """One article per file; Markdown heading marks are dropped from the title."""
    text = decode(source.read_bytes())
    lines = text.splitlines()
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        raise ValueError("empty file")
    title = lines[index].strip()
    if source.suffix in (".md", ".markdown"):
        title = title.lstrip("#").strip()
    body = "\n".join(lines[index + 1 :]).strip("\n")
    yield Record(title=title, body=body, key=source.stem, origin=source.name)
