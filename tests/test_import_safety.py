"""Crash safety and concurrency with real processes: kill -9 mid-import, search during an import."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Archive, ImportReport
from store.archive import COMMIT_EVERY
from store.records import Record

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["وزارة", "الثقافة", "تعلن", "نتائج", "لجنة", "الدعم", "السينمائي", "في", "تونس", "والمغرب", "ومصر"]


def make_corpus(folder: Path, files: int = 40, per_file: int = 100) -> int:
    """SGML files, a JSON Lines file repeating 10% of them, and a zip; returns the distinct article count."""
    folder.mkdir(parents=True)
    distinct = 0
    repeated = []
    for f in range(files):
        docs = []
        for d in range(per_file):
            n = f * per_file + d
            body = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(60)) + f" رقم{n}"
            docs.append(
                f"<DOC>\n<DOCNO>D{n}</DOCNO>\n<TITLE>خبر {n}</TITLE>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n"
            )
            if n % 10 == 0:
                repeated.append({"id": f"copy-{n}", "title": f"خبر {n}", "text": body})
            distinct += 1
        (folder / f"f{f:03d}.txt").write_text("".join(docs), encoding="utf-8")
    with open(folder / "copies.jsonl", "w", encoding="utf-8") as out:  # true duplicates: same text
        out.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in repeated)
    with zipfile.ZipFile(folder / "extra.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        items = [
            {"url": f"http://z.example/{i}", "title": f"ملحق {i}", "content": f"نص الملحق رقم {i} تونس"}
            for i in range(300)
        ]
        archive.writestr("extra.json", json.dumps(items, ensure_ascii=False))
    return distinct + 300


def start_import(db: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--db", str(db), "import", str(corpus)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def articles(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT key, hash FROM articles"))


def check_integrity(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "articles_fts" not in tables:  # killed while the schema was being created
            return
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
        indexed = {row[0] for row in conn.execute("SELECT rowid FROM articles_fts")}
        assert ids == indexed  # no article without its index rows, no index rows without article


def kill_when(proc: subprocess.Popen, db: Path, at_least: int, timeout: float = 120) -> int:
    """SIGKILL ``proc`` once ``db`` holds ``at_least`` articles; returns the count seen."""
    deadline = time.monotonic() + timeout
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = count(db)
        if seen >= at_least:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the import finished before it could be killed: make the corpus bigger"
    proc.kill()  # SIGKILL: no cleanup, no rollback by the process itself
    proc.wait()
    assert proc.returncode == -9
    assert_no_leftover_workers(db)
    return seen


def assert_no_leftover_workers(db: Path, timeout: float = 20) -> None:
    """The import's worker processes (forked: same command line) end when it is killed."""
    deadline = time.monotonic() + timeout
    while True:
        alive = [pid for pid in os.listdir("/proc") if pid.isdigit() and str(db).encode() in _cmdline(pid)]
        if not alive or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert not alive, f"worker processes outlived the killed import: {alive}"


def _cmdline(pid: str) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def test_kill_9_mid_import_then_rerun_gives_exactly_the_clean_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    distinct = make_corpus(corpus, files=60)  # over 4 MB: the import uses worker processes

    clean_db = tmp_path / "clean.db"
    clean = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(clean_db), "import", str(corpus)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert clean.returncode == 0, clean.stderr
    expected = articles(clean_db)
    assert len(expected) == distinct  # (an import seeds no new archive)

    db = tmp_path / "crashed.db"
    proc = start_import(db, corpus)
    while not db.exists() and proc.poll() is None:
        time.sleep(0.0005)
    proc.kill()  # very early: while the new archive is being created
    proc.wait()
    check_integrity(db)
    kills = []
    for fraction in (0.2, 0.45, 0.7):  # (an import commits every 2,000 articles or so)
        proc = start_import(db, corpus)
        kills.append(kill_when(proc, db, int(distinct * fraction)))
        check_integrity(db)
        assert articles(db) <= expected  # nothing that a clean run would not have
    assert kills == sorted(kills) and kills[-1] < distinct

    final = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(db), "import", str(corpus)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert final.returncode == 0, final.stderr
    check_integrity(db)
    assert articles(db) == expected  # none missing, none twice
    with Archive(db) as archive:
        assert [h.key for h in archive.search(f"رقم{distinct - 301}")] == [f"D{distinct - 301}"]


def test_search_works_and_sees_new_articles_while_an_import_runs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    distinct = make_corpus(corpus, files=60)
    db = tmp_path / "live.db"
    with Archive.open_or_seed(db) as archive:  # opened before the import, never reopened
        before = archive.stats().articles
        proc = start_import(db, corpus)
        version = archive.data_version()
        seen: list[int] = []
        cli_runs: list[subprocess.CompletedProcess[str]] = []
        try:
            while proc.poll() is None:
                seen.append(archive.stats().articles)
                assert archive.search("الثقافة", limit=5) or seen[-1] == before
                if len(cli_runs) < 2 and seen[-1] > before:
                    command = [
                        sys.executable,
                        "-m",
                        "tui.cli",
                        "--db",
                        str(db),
                        "search",
                        "وزارة",
                        "--limit",
                        "3",
                    ]
                    cli_runs.append(
                        subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
                    )
                time.sleep(0.05)
        finally:
            proc.wait(timeout=300)
        assert proc.returncode == 0, proc.stderr.read()
        assert cli_runs and all(run.returncode == 0 and run.stdout.strip() for run in cli_runs)
        midway = [n for n in seen if before < n < before + distinct]
        assert midway, "no search ran while the import was half done"
        assert seen == sorted(seen)
        assert archive.stats().articles == before + distinct  # the open archive sees the end state
        assert archive.data_version() != version  # how a long-running reader learns of new articles
        assert [h.key for h in archive.search(f"رقم{distinct - 301}")] == [f"D{distinct - 301}"]


def test_two_imports_of_the_same_files_at_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    distinct = make_corpus(corpus, files=20)
    db = tmp_path / "both.db"
    Archive.open_or_seed(db).close()
    procs = [start_import(db, corpus) for _ in range(2)]
    for proc in procs:
        proc.wait(timeout=300)
        assert proc.returncode == 0, proc.stderr.read()
    check_integrity(db)
    assert len(articles(db)) == distinct + 1  # each article once, whichever process stored it


def test_an_import_that_fails_midway_keeps_what_it_committed_and_counts_only_that(tmp_path: Path) -> None:
    def records() -> Iterator[Record]:
        for n in range(COMMIT_EVERY + 700):
            yield Record(title=f"خبر {n}", body=f"{WORDS[n % len(WORDS)]} رقم{n}", key=f"K{n}")
        raise OSError("the disk went away")

    report = ImportReport()
    with Archive(tmp_path / "a.db") as archive:
        with pytest.raises(OSError, match="disk went away"):
            archive.import_records(records(), report=report, workers=0)
        assert archive.stats().articles == report.imported == COMMIT_EVERY  # the open transaction rolled back
        assert [h.key for h in archive.search("رقم5")] == ["K5"]
        assert not archive.search(f"رقم{COMMIT_EVERY + 5}")
        archive.import_records([Record(title="بعد", body="تونس رقم9999", key="after")])  # still writable
        assert archive.article("after") is not None
