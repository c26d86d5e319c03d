"""ZIP archives of any supported format, read in place (never extracted to disk).

Members become Sources named ``archive.zip!member`` whose opener decompresses lazily. ZIP
bombs are refused before anything is decompressed: caps on the number of members, on each
member's and the total uncompressed size, and on the compression ratio; the caps are also
enforced while reading, in case the sizes in the archive lie. Members whose names are
absolute or climb out with '..' (path traversal) would be harmless here, but such an
archive is hostile: they are reported and skipped.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from store.importers.failures import ImportFailure
from store.importers.source import Source
from store.records import Record

MAX_MEMBERS = 100_000
MAX_MEMBER_BYTES = 1024 * 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024
MAX_RATIO = 200
"""Uncompressed/compressed size above which a member (over 1 MB) is taken for a bomb; text is ~3-10."""
MAX_NESTED_BYTES = 256 * 1024 * 1024
"""An archive inside an archive is read into memory (ZIP needs to seek): up to this size."""
MAX_NESTING = 2
"""Archives inside archives are read this deep (the outer one counts)."""


class _Limited(io.RawIOBase):
    """A member stream that fails once more than ``limit`` bytes come out of it."""

    def __init__(self, raw: BinaryIO, limit: int, name: str) -> None:
        self._raw, self._left, self._name = raw, limit, name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self._raw.read(min(len(buffer), self._left + 1))
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
            raise ValueError(f"{self._name}: damaged member ({exc})") from None
        if len(data) > self._left:
            raise ValueError(f"{self._name}: decompresses to more than its declared size (ZIP bomb?)")
        self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def read_zip(source: Source, inner: str | None = None, depth: int = 1) -> Iterator[Record | ImportFailure]:
    """Records of every supported member (``inner``: the format forced for them); unsafe or
    oversized members are reported."""
    from store.importers import choose_format, read_source  # the registry imports this module

    with source.open() as stream:
        try:
            archive = zipfile.ZipFile(stream if stream.seekable() else io.BytesIO(stream.read()))
        except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
            raise ValueError(f"not a readable ZIP archive ({exc})") from None
        with archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            problem = _bomb_check(members)
            if problem:
                raise ValueError(problem)
            for info in members:
                name = f"{source.name}!{info.filename}"
                if _is_noise(info.filename):
                    continue
                reason = _member_problem(info)
                if reason:
                    yield ImportFailure(name, reason)
                    continue
                member = Source(name, info.file_size, _opener(archive, info, name))
                fmt = choose_format(member, inner)
                if fmt is None:
                    continue
                if fmt == "zip":
                    if depth >= MAX_NESTING:
                        yield ImportFailure(name, f"archive nested deeper than {MAX_NESTING} levels, skipped")
                        continue
                    if info.file_size > MAX_NESTED_BYTES:
                        yield ImportFailure(name, "archive inside an archive too large to read in place")
                        continue
                    member = Source.from_bytes(name, member.read_bytes())
                    yield from _read_nested(member, inner, depth + 1)
                    continue
                yield from read_source(member, fmt, inner)


def _read_nested(member: Source, inner: str | None, depth: int) -> Iterator[Record | ImportFailure]:
    try:
        yield from read_zip(member, inner, depth)
    except ValueError as exc:
        yield ImportFailure(member.name, str(exc))


def limited(raw: BinaryIO, limit: int, name: str) -> BinaryIO:
    """A buffered stream over ``raw`` that raises ValueError past ``limit`` bytes (also for gzip)."""
    return io.BufferedReader(_Limited(raw, limit, name))


def _opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str):
    def open_member() -> BinaryIO:
        try:
            raw = archive.open(info)
        except RuntimeError as exc:  # encrypted
            raise ValueError(f"cannot read member: {exc}") from None
        return limited(raw, info.file_size, name)

    return open_member


def _bomb_check(members: list[zipfile.ZipInfo]) -> str | None:
    """Why the whole archive is refused, if it is."""
    if len(members) > MAX_MEMBERS:
        return f"too many members ({len(members):,} > {MAX_MEMBERS:,}; ZIP bomb?)"
    total = sum(info.file_size for info in members)
    if total > MAX_TOTAL_BYTES:
        return f"uncompressed size {total:,} bytes exceeds {MAX_TOTAL_BYTES:,} (ZIP bomb?)"
    return None


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why one member is skipped, if it is."""
    name = info.filename.replace("\\", "/")
    if name.startswith("/") or ".." in name.split("/") or (len(name) > 1 and name[1] == ":"):
        return "unsafe member path (absolute or '..', path traversal): skipped"
    if info.file_size > MAX_MEMBER_BYTES:
        return f"member too large ({info.file_size:,} bytes > {MAX_MEMBER_BYTES:,})"
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        return f"compression ratio {ratio}:1 exceeds {MAX_RATIO}:1 (ZIP bomb?): skipped"
    if info.flag_bits & 0x1:
        return "encrypted member: skipped"
    return None


def _is_noise(filename: str) -> bool:
    """macOS resource forks and hidden files."""
    base = filename.rstrip("/").rsplit("/", 1)[-1]
    return filename.startswith("__MACOSX/") or base.startswith(".")
