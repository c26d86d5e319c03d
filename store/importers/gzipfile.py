"""Gzip-compressed files of any supported format (LDC Gigaword ships its SGML as .gz).

The content is decompressed as a stream; its size comes from the gzip trailer, and the
same bomb guards as for ZIP members apply (size cap, ratio cap, no more bytes than declared).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator

from store.importers.failures import ImportFailure
from store.importers.source import Source
from store.importers.ziparchive import MAX_MEMBER_BYTES, MAX_RATIO, limited
from store.records import Record

GZIP_MAGIC = bytes([0x1F, 0x8B])


def read_gzip(source: Source, inner: str | None = None) -> Iterator[Record | ImportFailure]:
    """Records of the decompressed content, read as the format it turns out to be (or ``inner``)."""
    from store.importers import choose_format, read_source  # the registry imports this module

    declared = _declared_size(source)
    size = MAX_MEMBER_BYTES if declared is None else declared
    fair = max(1024 * 1024, MAX_RATIO * source.size)  # the most a fair file of this size holds
    if declared is not None and size > fair and _ends_early(source):
        raise ValueError("truncated gzip: the file ends inside its compressed data (its last bytes are no size)")
    if size > MAX_MEMBER_BYTES:
        raise ValueError(f"decompresses to {size:,} bytes, more than {MAX_MEMBER_BYTES:,}")
    if declared is not None and size > fair:
        raise ValueError(
            f"compression ratio {size // max(source.size, 1)}:1 exceeds {MAX_RATIO}:1 (gzip bomb?)"
        )
    base = source.stem if source.name.lower().endswith(".gz") else "content"
    name = f"{source.name}!{base}"
    cap = min(max(size, fair), MAX_MEMBER_BYTES)
    content = Source(name, size, lambda: limited(gzip.GzipFile(fileobj=source.open()), cap, source.name))
    fmt = choose_format(content, inner)
    if fmt is None:
        raise ValueError("compressed content is not a supported format")
    if fmt in ("gzip", "zip"):
        raise ValueError(f"compressed {fmt} inside gzip: decompress it first")
    yield from read_source(content, fmt)


def _ends_early(source: Source) -> bool:
    """True when the compressed data stops before its end, found by decompressing no more than
    a file of this size may hold (so a real bomb costs no more than a fair file)."""
    budget = min(MAX_RATIO * source.size, MAX_MEMBER_BYTES) + 1
    try:
        with gzip.GzipFile(fileobj=source.open()) as stream:
            while budget > 0 and (chunk := stream.read(min(budget, 1 << 20))):
                budget -= len(chunk)
    except (EOFError, gzip.BadGzipFile, zlib.error):
        return True
    return False


def _declared_size(source: Source) -> int | None:
    """The uncompressed size from the gzip trailer (ISIZE, the size modulo 4 GiB); None if unseekable."""
    with source.open() as stream:
        if stream.read(2) != GZIP_MAGIC:
            raise ValueError("not a gzip file")
        if not stream.seekable():  # inside a ZIP: the member cap still applies while reading
            return None
        stream.seek(-4, 2)
        return int.from_bytes(stream.read(4), "little")
