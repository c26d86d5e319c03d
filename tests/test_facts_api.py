"""The Archive methods the TUI reads facts through (it never touches the connection itself)."""

from __future__ import annotations

import ast
import sqlite3
import threading
from pathlib import Path

import pytest

from store import Archive, Record

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = [
    Record(key="jan", date="2017-01-05", title="اجتماع في طرابلس", body="عقد اجتماع في طرابلس، ثم زار الوفد طرابلس."),
    Record(key="mar", date="2017-03-02", title="ميناء طرابلس", body="افتتح ميناء جديد في طرابلس بحضور اللواء 444."),
    Record(key="apr", date="2017-04-20", title="مؤتمر طرابلس", body="مؤتمر اقتصادي في طرابلس بمشاركة 40 دولة."),
]
"""Three articles naming طرابلس (one twice) and a unit; tests/test_app_facts.py uses them too."""


@pytest.fixture(name="archive")
def facts_archive(tmp_path: Path):
    """An archive of ARTICLES (the ``archive`` fixture here and in tests/test_app_facts.py)."""
    with Archive(tmp_path / "facts.db") as archive:
        archive.import_records(ARTICLES)
        yield archive


def test_stored_facts_are_none_until_extracted_and_extract_nothing(tmp_path: Path) -> None:
    with Archive(tmp_path / "bulk.db") as archive:
        archive.extract_facts = False  # as 'import --no-facts'
        archive.import_records(ARTICLES)
        article = archive.article("jan")
        assert archive.stored_facts(article.id, article.body) is None
        assert archive.facts_missing() == 3  # asking extracted nothing
        archive.related("jan", fill=False)
        assert archive.facts_missing() == 3  # no fill
        archive.related("jan")  # the default fills a small backlog first
        assert archive.facts_missing() == 0
        stored = archive.stored_facts(article.id, article.body)
        assert stored == archive.facts("jan") and "طرابلس" in [e.canonical for e in stored.entities]


def test_mention_hits_months_and_spans(archive: Archive) -> None:
    place = archive.entities_named("طرابلس", "PLACE")
    hits = archive.mention_hits(place)
    assert [h.key for h in hits] == ["apr", "mar", "jan"] and [h.score for h in hits] == [1.0, 1.0, 2.0]
    assert [h.key for h in archive.mention_hits(place, month="2017-01")] == ["jan"]
    assert archive.mention_months(place).months == [("2017-01", 1), ("2017-03", 1), ("2017-04", 1)]
    jan = archive.article("jan")
    spans = archive.mention_spans(jan.id, place)
    assert [jan.body[s:e] for s, e in spans] == ["طرابلس", "طرابلس"]
    assert archive.entities_named("طرابلس", "PERSON") == []
    assert archive.mention_hits([]) == [] and archive.mention_months([]).total == 0


def test_interrupt_stops_a_statement_running_in_another_thread(archive: Archive) -> None:
    errors: list[Exception] = []
    started = threading.Event()

    def slow() -> None:
        with Archive(archive.path) as other:
            holder.append(other)
            started.set()
            try:  # a statement that would run for minutes
                other.conn.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
                ).fetchone()
            except sqlite3.OperationalError as exc:
                errors.append(exc)

    holder: list[Archive] = []
    thread = threading.Thread(target=slow, daemon=True)  # never keeps pytest from ending
    thread.start()
    started.wait(5)
    for _ in range(50):  # until the statement is running
        holder[0].interrupt()
        thread.join(0.1)
        if not thread.is_alive():
            break
    assert not thread.is_alive() and "interrupted" in str(errors[0])


def test_the_tui_asks_the_archive_and_never_its_connection_or_storage() -> None:
    for path in sorted((ROOT / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                assert node.attr not in ("conn", "execute", "executemany"), f"{path}:{node.lineno}"
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module not in ("store.facts.storage", "store.facts.related"), f"{path}:{node.lineno}"


def test_a_story_run_again_under_a_differently_spelled_title_is_related_once_and_never_to_itself(tmp_path: Path) -> None:
    body = "استقبل أمير منطقة عسير في أبها وفد جامعة الملك خالد لبحث مشروع المدينة الجامعية."
    records = [
        Record(key="one", date="2015-08-01", title="أمير عسير يستقبل وفد الجامعة", body=body),
        Record(key="two", date="2015-08-02", title="امير عسير  يستقبل «وفد الجامعـة»", body=body + " وأشاد بالمشروع."),
        Record(key="three", date="2015-08-03", title="أمير عسير يستقبل وفد الجامعة.", body=body + " ثم غادر الوفد."),
        Record(key="other", date="2015-08-04", title="أبها تستضيف مهرجانا", body="مهرجان صيفي في أبها بمنطقة عسير."),
        Record(key="dash-a", date="2015-08-05", title="***", body=body + " خبر أول."),
        Record(key="dash-b", date="2015-08-06", title="—", body=body + " خبر ثان."),
    ]
    with Archive(tmp_path / "dup.db") as archive:
        archive.import_records(records)
        keys = [m.key for m in archive.related("one", 10)]
        assert {"other", "dash-a", "dash-b"} <= set(keys)  # titles of no words: not one story
        assert not {"two", "three"} & set(keys)  # its own story under another key: not related to itself
        keys = [m.key for m in archive.related("other", 10)]
        assert len({"one", "two", "three"} & set(keys)) == 1  # the same title, spelled three ways: once
