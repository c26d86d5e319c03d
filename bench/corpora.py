"""Shared bench helpers: locating ../shared corpora and building (cached) archives of them."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Archive  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
CORPORA = {
    "saudinewsnet": SHARED / "corpora" / "saudinewsnet",
    "jawharafm": SHARED / "corpora" / "jawharafm",
}


def corpus_path(name: str) -> Path:
    """The corpus folder, or exit with a message when ../shared is absent."""
    path = CORPORA[name]
    if not path.exists():
        sys.exit(f"{path} is not available: this benchmark needs ../shared")
    return path


def built_archive(name: str, rebuild: bool = False) -> tuple[Path, float | None]:
    """Path of an archive holding the whole corpus (built once, cached in bench/out).

    Returns the path and, when it was built now, the import rate in articles/s.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.db"
    if path.exists() and not rebuild:
        return path, None
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    with Archive(path) as archive:
        report = archive.import_paths([corpus_path(name)])
    rate = report.imported / (time.perf_counter() - start)
    return path, rate
