"""Reading articles out of files: format detection, folder walking, one reader per format.

A reader takes a Source and yields Records (and ImportFailures for bad records inside an
otherwise good file). A reader raising ValueError/OSError means the whole file failed; the
caller reports it with its path and goes on with the next file.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from store.importers.csvfile import read_csv
from store.importers.encoding import DecodeError
from store.importers.failures import ImportFailure
from store.importers.gzipfile import read_gzip
from store.importers.jsonfile import read_json, read_jsonl
from store.importers.sgml import read_sgml
from store.importers.sniff import sniff_format
from store.importers.source import Source
from store.importers.textfile import read_text
from store.importers.ziparchive import read_zip
from store.records import Record, RecordError

Reader = Callable[[Source], Iterator["Record | ImportFailure"]]


def _lazy(module: str, name: str) -> Reader:
    """A reader whose module (and its heavy libraries: trafilatura, feedparser, warcio) is
    imported on first use, so that starting the app or a search does not pay for them."""

    def reader(source: Source) -> Iterator[Record | ImportFailure]:
        return getattr(importlib.import_module(f"store.importers.{module}"), name)(source)

    reader.__name__ = name
    return reader


read_html = _lazy("html", "read_html")
read_feed = _lazy("feed", "read_feed")
read_warc = _lazy("warc", "read_warc")

READERS: dict[str, Reader] = {
    "text": read_text,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "sgml": read_sgml,
    "html": read_html,
    "feed": read_feed,
    "warc": read_warc,
    "zip": read_zip,
    "gzip": read_gzip,
}
"""Format name → reader. ``--format`` takes these names."""

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".sgml": "sgml",
    ".sgm": "sgml",
    ".trec": "sgml",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".zip": "zip",
    ".gz": "gzip",
}
"""File extension → format name, for detection."""

__all__ = [
    "EXTENSIONS",
    "READERS",
    "ImportFailure",
    "Source",
    "detect_format",
    "iter_sources",
    "read_paths",
    "read_sources",
]


def detect_format(source: Source) -> str | None:
    """The format name for a source from its first bytes, else its extension; None when unsupported.

    Content wins: jawharafm's ``.txt`` files are ``<DOC>`` SGML, a ``.xml`` may be a feed or SGML.
    """
    lowered = source.name.lower()
    by_name = EXTENSIONS[".warc.gz"] if lowered.endswith(".warc.gz") else EXTENSIONS.get(source.suffix)
    try:
        with source.open() as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return by_name  # the reader reports the unreadable file
    return sniff_format(head, by_name)


def _walk(path: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order, hidden entries skipped."""
    for child in sorted(path.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            if not child.is_symlink():  # a linked folder can loop back on itself
                yield from _walk(child)
        elif child.is_file() or child.is_symlink():  # (a link to nothing: listed by iter_sources)
            yield child


def iter_sources(paths: Iterable[str | Path]) -> Iterator[tuple[Source, bool] | ImportFailure]:
    """(source, named_explicitly) for every file under ``paths``; missing paths are failures."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                if file.exists():
                    yield Source.from_path(file), False
                else:
                    yield ImportFailure(str(file), "a link to a file that is not there", passed_over=True)
        elif path.is_file():
            yield Source.from_path(path), True
        else:
            yield ImportFailure(str(path), "no such file or folder")


MAX_WHOLE_FILE_BYTES: dict[str, int] = {
    "text": 16 << 20,
    "html": 16 << 20,
    "feed": 64 << 20,
}
"""Formats read whole into memory, and the largest file each takes. SGML, JSON arrays, JSON
Lines, CSV, WARC, ZIP and gzip are streamed a record at a time and have no file-size limit."""


CONTAINERS = ("zip", "gzip")
"""Formats that hold other files; ``--format`` applies to what is inside them."""


def choose_format(source: Source, forced: str | None) -> str | None:
    """The reader for ``source``: the forced format, except that archives are still opened."""
    detected = detect_format(source) if forced is None or forced not in CONTAINERS else forced
    if forced is None or detected in CONTAINERS:
        return detected
    return forced


def read_source(source: Source, fmt: str, inner: str | None = None) -> Iterator[Record | ImportFailure]:
    """Records of one source in a known format; a failing file becomes one ImportFailure.

    ``inner``: the format forced for the files inside a container (zip, gzip).
    """
    limit = MAX_WHOLE_FILE_BYTES.get(fmt)
    if limit is not None and source.size > limit:
        yield ImportFailure(source.name, f"file too large for {fmt} ({source.size:,} bytes > {limit:,})")
        return
    found = False
    try:
        for item in READERS[fmt](source, inner) if fmt in CONTAINERS else READERS[fmt](source):
            found = True
            yield item
    except (
        ValueError, OSError, EOFError, zlib.error, DecodeError, RecordError, RecursionError, MemoryError
    ) as exc:  # fmt: skip
        yield ImportFailure(source.name, str(exc) or type(exc).__name__)
        return
    if not found:
        yield ImportFailure(source.name, f"no articles found (read as {fmt})")


def read_paths(paths: Iterable[str | Path], fmt: str | None = None) -> Iterator[Record | ImportFailure]:
    """Every record under ``paths`` (files or folders), with failures in between.

    Files of unsupported types found inside folders (and links there to nothing) are passed
    over (ImportFailure.passed_over); a file named explicitly with an unsupported type is a failure.
    """
    return read_sources(iter_sources(paths), fmt)


def read_sources(
    items: Iterable[tuple[Source, bool] | ImportFailure],
    fmt: str | None = None,
    on_done: Callable[[Source], None] | None = None,
) -> Iterator[Record | ImportFailure]:
    """``read_paths`` over already-listed sources; ``on_done(source)`` after each file."""
    if fmt is not None and fmt not in READERS:
        raise ValueError(f"unknown format '{fmt}' (known: {', '.join(sorted(READERS))})")
    for item in items:
        if isinstance(item, ImportFailure):
            yield item
            continue
        source, explicit = item
        source_format = choose_format(source, fmt)
        if source_format is None:
            why = f"unsupported file type '{source.suffix or 'none'}'"
            yield ImportFailure(source.name, why, passed_over=not explicit)
        elif source.size == 0:
            yield ImportFailure(source.name, "empty file")  # (in every format's words alike)
        else:
            yield from read_source(source, source_format, inner=None if fmt in CONTAINERS else fmt)
        if on_done:
            on_done(source)
