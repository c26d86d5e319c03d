"""What importers read from: a file on disk or a member of an archive, by the same interface."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass
class Source:
    """One input file: its display name (path, or 'archive.zip!member'), size and bytes."""

    name: str
    size: int
    opener: Callable[[], BinaryIO]

    @property
    def stem(self) -> str:
        """File name without folders and extension: the fallback article key."""
        base = self.name.replace("\\", "/").rsplit("!", 1)[-1].rsplit("/", 1)[-1]
        return base.rsplit(".", 1)[0] if "." in base else base

    @property
    def suffix(self) -> str:
        """Lower-case extension with its dot ('.txt'), or ''."""
        base = self.name.replace("\\", "/").rsplit("!", 1)[-1].rsplit("/", 1)[-1]
        return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""

    def open(self) -> BinaryIO:
        """A fresh binary stream over the content."""
        return self.opener()

    def read_bytes(self) -> bytes:
        """The whole content."""
        with self.open() as stream:
            return stream.read()

    @classmethod
    def from_path(cls, path: Path) -> Source:
        """A source over a file on disk."""
        return cls(str(path), path.stat().st_size, lambda: open(path, "rb"))

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> Source:
        """A source over bytes already in memory (tests, archive members)."""
        return cls(name, len(data), lambda: io.BytesIO(data))
