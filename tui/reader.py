"""Reading the archive off the UI thread: one connection living in one thread of its own.

SQLite connections belong to the thread that opened them, so each reader owns a one-thread
executor that opens its own ``Archive``; every call runs there, in order. A call in flight can
be interrupted (``Archive.interrupt`` is thread-safe) when a newer one makes it moot.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import TypeVar

from store import Archive

T = TypeVar("T")


class Interrupted(Exception):
    """The call was interrupted by a newer one."""


class ArchiveReader:
    """An archive connection in its own thread; ``await reader.run(fn, ...)`` calls ``fn(archive, ...)``."""

    def __init__(self, path: str | Path, name: str = "reader") -> None:
        self.path = Path(path)
        self._archive: Archive | None = None
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=f"archive-{name}")

    def _call(self, fn: Callable[..., T], *args: object) -> T:
        if self._archive is None:
            self._archive = Archive(self.path)
        try:
            return fn(self._archive, *args)
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise Interrupted from exc
            raise

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """``fn(archive, *args)`` in the reader's thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(self._call, fn, *args))

    def interrupt(self) -> None:
        """Abort the SQLite statement running now, if any."""
        if self._archive is not None:
            self._archive.interrupt()

    def close(self) -> None:
        """Stop the thread and close the connection."""
        self.interrupt()

        def close_archive() -> None:
            if self._archive is not None:
                self._archive.close()
                self._archive = None

        self._executor.submit(close_archive)
        self._executor.shutdown(wait=False, cancel_futures=False)
