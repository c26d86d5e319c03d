"""Reading articles out of files: format detection, folder walking, one reader per format.

A reader takes a Source and yields Records (and ImportFailures for bad records inside an
otherwise good file). A reader raising ValueError/OSError means the whole file failed; the
caller reports it with its path and goes on with the next file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from store.importers.encoding import DecodeError
from store.importers.failures import ImportFailure
from store.importers.jsonfile import read_json, read_jsonl
from store.importers.source import Source
from store.importers.textfile import read_text
from store.records import Record, RecordError

Reader = Callable[[Source], Iterator["Record | ImportFailure"]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "json": read_json,
    "jsonl": read_jsonl,
}
"""Format name → reader. ``--format`` takes these names."""

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
"""File extension → format name, for detection."""

__all__ = ["READERS", "EXTENSIONS", "ImportFailure", "Source", "detect_format", "read_paths"]


def detect_format(source: Source) -> str | None:
    """The format name for a source, from its extension; None when unsupported."""
    return EXTENSIONS.get(source.suffix)


def _walk(path: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order, hidden entries skipped."""
    for child in sorted(path.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child


def iter_sources(paths: Iterable[str | Path]) -> Iterator[tuple[Source, bool] | ImportFailure]:
    """(source, named_explicitly) for every file under ``paths``; missing paths are failures."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                yield Source.from_path(file), False
        elif path.is_file():
            yield Source.from_path(path), True
        else:
            yield ImportFailure(str(path), "no such file or folder")


def read_source(source: Source, fmt: str) -> Iterator[Record | ImportFailure]:
    """Records of one source in a known format; a failing file becomes one ImportFailure."""
    try:
        yield from READERS[fmt](source)
    except (ValueError, OSError, DecodeError, RecordError, RecursionError, MemoryError) as exc:
        yield ImportFailure(source.name, str(exc) or type(exc).__name__)


def read_paths(paths: Iterable[str | Path], fmt: str | None = None) -> Iterator[Record | ImportFailure]:
    """Every record under ``paths`` (files or folders), with failures in between.

    Files of unsupported types found inside folders are passed over silently; a file
    named explicitly with an unsupported type is a failure.
    """
    if fmt is not None and fmt not in READERS:
        raise ValueError(f"unknown format '{fmt}' (known: {', '.join(sorted(READERS))})")
    for item in iter_sources(paths):
        if isinstance(item, ImportFailure):
            yield item
            continue
        source, explicit = item
        source_format = fmt or detect_format(source)
        if source_format is None:
            if explicit:
                yield ImportFailure(source.name, f"unsupported file type '{source.suffix or 'none'}'")
            continue
        yield from read_source(source, source_format)
