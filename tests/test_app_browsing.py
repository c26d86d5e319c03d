"""The store side of the search pane: month timeline, newest articles, bookmarks; and History."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Archive, QueryError, Record
from store.timeline import _run_within
from tui.history import History


@pytest.fixture
def dated(tmp_path: Path):
    """Five articles over three months, one undated."""
    records = [
        Record(title="طرابلس اليوم", body="اجتماع في طرابلس", date="2017-01-05", key="a"),
        Record(title="أخبار تونس", body="طرابلس وتونس", date="2017-01-20", key="b"),
        Record(title="اقتصاد", body="سوق الأسهم", date="2017-03-02", key="c"),
        Record(title="رياضة", body="مباراة في طرابلس", date="2017-04-11", key="d"),
        Record(title="بلا تاريخ", body="طرابلس", key="e"),
    ]
    with Archive(tmp_path / "dated.db") as archive:
        archive.import_records(records)
        yield archive


def test_timeline_counts_matches_per_month(dated):
    everything = dated.timeline()
    assert everything.months == [("2017-01", 2), ("2017-03", 1), ("2017-04", 1)]
    assert everything.undated == 1 and everything.total == 5
    tripoli = dated.timeline("طرابلس")
    assert dict(tripoli.months) == {"2017-01": 2, "2017-04": 1}
    assert tripoli.total == 4
    assert dated.timeline("from:2017-03").total == 2
    assert dated.timeline("كلمةغيرموجودة").total == 0


def test_timeline_reports_bad_queries_and_budgets(dated):
    with pytest.raises(QueryError):
        dated.timeline('"unclosed')
    assert dated.timeline("طرابلس", budget=5.0).total == 4
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT count(*) FROM n"
    assert _run_within(dated.conn, slow, [], budget=0.05) is None  # gives up instead of counting
    assert dated.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5  # connection still fine


def test_newest_lists_dated_articles_newest_first_then_undated(dated):
    assert [hit.key for hit in dated.newest(10)] == ["d", "c", "b", "a", "e"]
    assert [hit.key for hit in dated.newest(10, "2017-01")] == ["b", "a"]
    assert dated.newest(10)[0].snippet.startswith("مباراة")


def test_bookmarks_persist_and_toggle(dated, tmp_path):
    assert dated.bookmarks() == []
    assert dated.toggle_bookmark("a", "طرابلس اليوم") is True
    assert dated.toggle_bookmark("c") is True
    assert dated.is_bookmarked("a")
    with Archive(dated.path) as again:
        assert {b.key for b in again.bookmarks()} == {"a", "c"}
        assert again.toggle_bookmark("a") is False
    assert [b.key for b in dated.bookmarks()] == ["c"]


def test_history_back_forward_and_branching():
    history = History(limit=3)
    assert history.current is None and history.back() is None
    for key in ("a", "b", "c"):
        history.remember(key)
    history.remember("c")  # repeat of the current one: not added
    assert len(history) == 3
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b" and history.can_go_forward
    history.remember("x")  # a new visit drops the forward entries
    assert not history.can_go_forward and history.back() == "b"
    history.forward()
    history.remember("y")
    assert len(history) == 3 and history.back() == "x" and history.back() == "b" and history.back() is None
